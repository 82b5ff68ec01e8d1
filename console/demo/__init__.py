"""The demo vault: a realistic register for a fictional establishment, built
through the ordinary services. Sits above every other room of the core.
"""
