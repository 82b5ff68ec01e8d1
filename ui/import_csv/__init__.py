"""Importing a spreadsheet register: preview every row and problem first,
then write the good rows in one transaction."""

from .import_dialog import ImportDialog

__all__ = ["ImportDialog"]
