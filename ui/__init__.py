"""The desktop console: PySide6 windows, dialogs, models and views.

Rules: widgets never touch the database; every read and write goes through a
``console`` service run on the vault's own thread (``ui.runner``). Nothing
from the register is ever written to QSettings or to a log.
"""
