"""The command line, beside the desktop console: every command a script or an
IT officer runs. Qt-free; it uses the core and the reports like the desktop does."""
