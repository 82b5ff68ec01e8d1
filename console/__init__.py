"""Governor's Console core: the encrypted vault, the audit chain, the
register's domain rules and lawful handling, in rooms that build on each
other one way (docs/architecture.md). Nothing in this package imports Qt, so
the desktop console, the command line and the tests all obey the same rules."""

__version__ = "0.1.0"
APP_NAME = "Governor's Console"
APP_SLUG = "governors-console"
