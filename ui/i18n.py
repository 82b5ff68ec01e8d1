"""The console's translations, loaded once when the application starts.

Every user-visible string of the desktop goes through Qt's ``tr()`` (or
``QCoreApplication.translate`` outside a QObject), and counts through its
plural forms: ``self.tr("%n subject(s)", "", n)``. Qt leaves such a
message as written unless a translation gives the forms, so English has
a translation file of its own holding the plural forms only
(``resources/translations/console_en.ts``, made with ``lupdate -pluralonly``
and compiled with ``lrelease``; ``tests/ui/test_translations.py`` keeps it in
step with the code). Another language's file (Welsh, ``console_cy``) is
loaded instead when the system's language asks for it and one is shipped.

Loading reads one small file; nothing here is needed before the unlock page
is built, and nothing is loaded twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import resources

PREFIX = "console"
_installed: list[QTranslator] = []


def folder() -> str:
    return str(resources.path("translations"))


def install(locale: QLocale | None = None) -> QTranslator | None:
    """Load the translation for ``locale`` (the system's by default), else
    the English plural forms; returns the translator, or None if no file
    could be read."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _installed:
        return _installed[0]
    translator = QTranslator(app)
    ok = translator.load(locale or QLocale.system(), PREFIX, "_", folder())
    if not ok:
        ok = translator.load(f"{PREFIX}_en", folder())
    if not ok:
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator
