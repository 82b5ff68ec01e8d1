"""Briefings for headquarters: their content (reportlab), signing and
verification (pyHanko), and the commands that make and check them.

Rules: nothing here imports Qt; reportlab and pyHanko are imported inside
the functions that need them, never when this package is imported, so the
console starts quickly.
"""
