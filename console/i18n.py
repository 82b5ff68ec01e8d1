"""The language of the core's messages, the command line, briefings and HQ.

Messages are written in English in the code and marked for Python's
``gettext``: ``_("...")`` where a sentence is made, ``ngettext(one, other,
n)`` for counts, ``N_("...")`` for a module-level constant translated where
it is used (``_(CONSTANT)``). Placeholders are named, filled with
``.format(name=...)`` after translation, so a translation may put them in
its own order. Babel extracts the marked strings into
``resources/locale/console.pot``; the Welsh catalogue is
``resources/locale/cy/LC_MESSAGES/console.po``, compiled to ``.mo`` at set-up
and build time (``packaging/messages``), never committed.

Rules:
- The process speaks English until an entry point (the command line, the
  desktop, HQ's window) calls ``use``: the core never reads the
  environment on its own, so a library caller and the tests get English.
- Only text shown to a person is translated. Logs, stored values (keys,
  reasons kept in the register, audit entries) and file formats stay as
  they are, so a vault, a briefing's data and a log read the same whatever
  language made them.
- ``catalogue(code)`` gives one language's messages whatever the process
  speaks (a bilingual briefing needs both); ``every_form`` gives a label in
  every shipped language (a spreadsheet may use the Welsh status names).

Imports nothing of the project but ``resources`` (where the catalogues are).
"""

from __future__ import annotations

import functools
import gettext as _gettext
import locale as _locale
import os

import resources

DOMAIN = "console"
ENGLISH, WELSH = "en", "cy"
LANGUAGES = (ENGLISH, WELSH)
NAMES = {ENGLISH: "English", WELSH: "Cymraeg"}

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_code = ENGLISH
_missing: set[str] = set()


def locale_dir():
    return resources.path("locale")


@functools.lru_cache(maxsize=None)
def catalogue(code: str) -> _gettext.NullTranslations:
    """One language's messages; English (the messages as written) if
    ``code`` is English or its compiled catalogue is missing."""
    if code == ENGLISH or code not in LANGUAGES:
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, str(locale_dir()), languages=[code])
    except OSError:
        _missing.add(code)
        return _gettext.NullTranslations()


def use(code: str | None) -> str:
    """Speak ``code`` ("en" or "cy"; None or anything else: English) from now
    on in this process; returns the language now spoken."""
    global _current, _code
    code = code if code in LANGUAGES else ENGLISH
    _current, _code = catalogue(code), code
    return code


def language() -> str:
    """The language this process speaks ("en" or "cy")."""
    return _code


def missing(code: str) -> bool:
    """True if ``code``'s catalogue was asked for and is not built in this
    copy of the console (its messages then fall back to English)."""
    catalogue(code)
    return code in _missing


def parse_language(text: str | None) -> str | None:
    """"cy" or "en" from a locale name (``cy_GB.UTF-8``, ``Welsh_United
    Kingdom``, ``en-GB``), None if it names neither."""
    t = (text or "").strip().lower()
    if t.startswith(("cy", "welsh", "cymraeg")):
        return WELSH
    if t.startswith(("en", "english", "c.", "posix")) or t == "c":
        return ENGLISH
    return None


def system_language() -> str:
    """The language the system's locale asks for: Welsh if the first of
    ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set (or, with
    none set, the locale Python reports, as on Windows) is Welsh, else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return parse_language(value.split(":")[0]) or ENGLISH
    try:
        name = _locale.getlocale()[0]
    except ValueError:
        name = None
    return parse_language(name) or ENGLISH


def current() -> _gettext.NullTranslations:
    """The catalogue of the language this process speaks."""
    return _current


def gettext(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Marks ``message`` for extraction only; it is translated where used."""
    return message


def every_form(message: str) -> tuple[str, ...]:
    """``message`` as written and in every other shipped language."""
    forms = [message]
    for code in LANGUAGES[1:]:
        text = catalogue(code).gettext(message)
        if text not in forms:
            forms.append(text)
    return tuple(forms)
