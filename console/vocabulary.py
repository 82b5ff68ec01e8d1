"""``Choice``: an ordered vocabulary of (key, label) pairs.

Keys are what the vault stores; labels are what people read. Every fixed list
in the console (roles, statuses, categories, grades) is one ``Choice``. This
module imports nothing of the project, so every room may use it.
"""

from __future__ import annotations


class Choice:
    """An ordered vocabulary of (key, label) pairs."""

    def __init__(self, *pairs: tuple[str, str]):
        self.pairs = list(pairs)
        self._labels = dict(pairs)

    def keys(self) -> list[str]:
        return [k for k, _ in self.pairs]

    def label(self, key: str | None) -> str:
        return self._labels.get(key or "", key or "")

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    def parse(self, text: str) -> str | None:
        """A key from its key or label, case-insensitively; None if unknown."""
        t = " ".join(str(text).strip().lower().replace("_", " ").split())
        for k, lab in self.pairs:
            if t in (k.replace("_", " "), lab.lower()):
                return k
        return None
