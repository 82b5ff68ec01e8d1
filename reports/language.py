"""The language a signed document is written in: English, Welsh, or both.

A bilingual document gives every heading, label and value in Welsh first,
then English ("Crynodeb / Summary"), and every paragraph twice, the Welsh
one first, as is usual for bilingual documents in Wales. The protective
marking is English on every page, in every language, with the Welsh form
beside it on Welsh and bilingual pages (``marking``).

``Words`` is handed to the builders instead of ``gettext``: ``say`` for a
label or heading, ``say_n`` for a count, ``prose`` for a paragraph (one per
language), ``label`` for a vocabulary's label and ``each`` for words the
core builds itself from a catalogue (``Flags.labels(tr)``). The messages are
extracted with the others (``packaging/messages``: keywords ``say``,
``say_n``, ``prose``). Placeholders are named and filled in every language.
Record text (names, notes, summaries) is never translated.
"""

from __future__ import annotations

from console import i18n

ENGLISH, WELSH, BOTH = "en", "cy", "both"
LANGUAGES = (ENGLISH, WELSH, BOTH)
NAMES = {ENGLISH: "English", WELSH: "Cymraeg", BOTH: "Cymraeg and English"}
MARKING = "OFFICIAL-SENSITIVE"
MARKING_CY = "SWYDDOGOL-SENSITIF"
SEPARATOR = " / "


def _unique(forms) -> list[str]:
    out: list[str] = []
    for f in forms:
        if f not in out:
            out.append(f)
    return out


class Words:
    """How one document says things: in ``code`` ("en", "cy" or "both")."""

    def __init__(self, code: str = ENGLISH):
        if code not in LANGUAGES:
            raise ValueError(f"not a document language: {code!r}")
        self.code = code
        self.codes = {ENGLISH: (ENGLISH,), WELSH: (WELSH,), BOTH: (WELSH, ENGLISH)}[code]
        self.catalogues = [i18n.catalogue(c) for c in self.codes]

    @property
    def bilingual(self) -> bool:
        return len(self.codes) > 1

    @property
    def welsh(self) -> bool:
        return WELSH in self.codes

    @property
    def lang(self) -> str:
        """The document's main language as a PDF's /Lang gives it."""
        return "cy-GB" if self.welsh else "en-GB"

    @property
    def marking(self) -> str:
        """The protective marking: English always, the Welsh form beside it
        on Welsh and bilingual pages."""
        return f"{MARKING_CY}  /  {MARKING}" if self.welsh else MARKING

    def each(self, make) -> str:
        """``make(catalogue)`` in every language, joined (once if the same)."""
        return SEPARATOR.join(_unique(make(c) for c in self.catalogues))

    def say(self, message: str, **values) -> str:
        return self.each(lambda c: c.gettext(message).format(**values) if values
                         else c.gettext(message))

    def say_n(self, singular: str, plural: str, n: int, **values) -> str:
        values.setdefault("n", n)
        return self.each(lambda c: c.ngettext(singular, plural, n).format(**values))

    def prose(self, message: str, **values) -> list[str]:
        """A paragraph in each language, Welsh first."""
        return _unique(c.gettext(message).format(**values) if values else c.gettext(message)
                       for c in self.catalogues)

    def label(self, vocabulary, key) -> str:
        return self.each(lambda c: vocabulary.label_in(key, c))
