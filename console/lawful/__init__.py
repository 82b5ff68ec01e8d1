"""The lawful room: retention review and erasure, subject access, and the
backups a person asks for (making, deleting, restoring). Builds on records,
audit and storage.
"""
