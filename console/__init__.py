"""Governor's Console core: the encrypted vault, the register's domain rules,
the audit chain and the command line. Nothing in this package imports Qt, so
the desktop console, the CLI and the tests all obey the same rules."""

__version__ = "0.1.0"
APP_NAME = "Governor's Console"
APP_SLUG = "governors-console"
