"""The console's language, chosen once when the application starts.

Every user-visible string of the desktop goes through Qt's ``tr()`` (or
``QCoreApplication.translate`` outside a QObject), and counts through its
plural forms: ``self.tr("%n subject(s)", "", n)``. Qt leaves such a
message as written unless a translation gives the forms, so English has
a translation file of its own holding the plural forms only
(``resources/translations/console_en.ts``). Welsh has the whole interface
(``console_cy.ts``) plus the Qt standard dialogs' own strings, which Qt
ships no Welsh for (``qt_cy.ts``: buttons, the file dialog, text menus).
``packaging/translations`` keeps them in step with the code and compiles
the ``.qm`` files at set-up and build time; they are never committed.

The language is, in order: ``--language`` on the command line, the
Settings choice on this computer (``desktop/language``), the system's.
A change in Settings applies at the next start. The core's own messages
(errors from ``console``, ``reports``) follow the same choice through
``console.i18n``.

Loading reads one small file before the unlock page is built.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import resources
from console import i18n as core_i18n

PREFIX = "console"
ENGLISH, WELSH = core_i18n.ENGLISH, core_i18n.WELSH
LANGUAGES = core_i18n.LANGUAGES
NAMES = core_i18n.NAMES
_installed: dict[str, object] = {}


def folder() -> str:
    return str(resources.path("translations"))


def chosen(asked: str | None = None, stored: str | None = None) -> str:
    """The language to start in: ``asked`` (``--language``), else ``stored``
    (the Settings choice; "" for the system's), else the system's."""
    for code in (asked, stored):
        if code in LANGUAGES:
            return code
    return core_i18n.system_language()


def install(code: str = ENGLISH) -> QTranslator | None:
    """Speak ``code`` ("en" or "cy") in the desktop and the core; returns the
    translator, or None if its file could not be read (the interface is then
    as written, in English)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    code = code if code in LANGUAGES else ENGLISH
    if _installed.get("code") == code:
        return _installed.get("translator")
    old = _installed.pop("translator", None)
    if old is not None:
        app.removeTranslator(old)
    translator = QTranslator(app)
    ok = translator.load(f"{PREFIX}_{code}", folder())
    core_i18n.use(code)
    # Dates, month names in the calendar and numbers follow the language too.
    QLocale.setDefault(QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom)
                       if code == WELSH else QLocale.system())
    _installed["code"] = code
    if not ok:
        _installed["translator"] = None
        return None
    app.installTranslator(translator)
    _installed["translator"] = translator
    return translator


def language() -> str:
    """The language the desktop speaks now."""
    return str(_installed.get("code", ENGLISH))
