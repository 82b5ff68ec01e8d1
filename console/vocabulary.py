"""``Choice``: an ordered vocabulary of (key, label) pairs.

Keys are what the vault stores; labels are what people read, in the
language the process speaks (``console.i18n``): they are written in English
here, marked for translation where each vocabulary is defined
(``N_("...")``), and translated when read. Every fixed list in the console
(roles, statuses, categories, grades) is one ``Choice``. This module imports
only the shared ``i18n`` and ``text`` modules, so every room may use it.
"""

from __future__ import annotations

from console import i18n
from console.text import folded


class Choice:
    """An ordered vocabulary of (key, label) pairs."""

    def __init__(self, *pairs: tuple[str, str]):
        self.source_pairs = list(pairs)        # the labels as written (English)
        self._labels = dict(pairs)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(key, label) in the language spoken now."""
        return [(k, i18n.gettext(lab)) for k, lab in self.source_pairs]

    def keys(self) -> list[str]:
        return [k for k, _lab in self.source_pairs]

    def label(self, key: str | None) -> str:
        label = self._labels.get(key or "")
        return i18n.gettext(label) if label else (key or "")

    def get(self, key: str | None, default=None):
        """The label of ``key``, or ``default`` if it is not in the list."""
        return self.label(key) if key in self._labels else default

    def __getitem__(self, key: str) -> str:
        if key not in self._labels:
            raise KeyError(key)
        return self.label(key)

    def label_in(self, key: str | None, catalogue) -> str:
        """The label in one language's catalogue (``i18n.catalogue(code)``)."""
        label = self._labels.get(key or "")
        return catalogue.gettext(label) if label else (key or "")

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    def parse(self, text: str) -> str | None:
        """A key from its key or its label in any shipped language,
        case-insensitively; None if unknown."""
        t = _plain(text)
        for k, lab in self.source_pairs:
            if t == k.replace("_", " ") or t in {_plain(f) for f in i18n.every_form(lab)}:
                return k
        return None


def _plain(text: str) -> str:
    """Compared without case, accents ("Ar gau" or "ar gau", "rôl" or "rol"),
    curly apostrophes or extra spaces."""
    t = folded(str(text)).replace("_", " ").replace("\u2019", "'")
    return " ".join(t.split())
