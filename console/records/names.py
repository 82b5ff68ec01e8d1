"""Finding people's names and staff numbers in free text, however they were
written. Used by the pseudonymised briefing (every subject replaced by their
reference) and by erasure (the erased person's name taken out of the
journal, and refused in the reason for erasing them).

A person is found by:

- their whole name, each part of two letters or more ("Li"), and a part
  written without its apostrophe or hyphen ("OSullivan");
- in any case and with or without accents: text and names are compared in
  the form search uses (``console.text.folded``), so "Wisniewski",
  "WIŚNIEWSKI", a name typed with separate accent marks and one split by a
  soft hyphen or zero-width space all match "Wiśniewski", and a
  replacement covers the characters as typed;
- their staff number with any spacing or punctuation between its letters
  and digits ("ab 12345", "AB-12345" for "AB12345"), but never inside a
  longer run of letters and digits.

Over-matching is accepted, a miss is not. A needle two people share (two
Smiths) is reported as ``SHARED`` rather than given to either.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

from console.text import folded, folded_map, invisible

SHARED = ""      # the "reference" of a needle more than one person owns
_SEP = r"[\s\-./_]*"   # what may stand between a staff number's characters


def _name_needles(name: str) -> set[str]:
    words = folded(name).split()
    out = {" ".join(words)} if words else set()
    for word in words:
        joined = re.sub(r"\W", "", word)
        if len(joined) >= 2:
            out.add(joined)
        out.update(p for p in re.split(r"\W+", word) if len(p) >= 2)
    return out


def _staff_key(staff_number: str) -> str:
    return re.sub(r"[^0-9a-z]", "", folded(staff_number))


class NameMatcher:
    """Finds the people given as (reference, name, staff number) triples."""

    def __init__(self, people):
        self._names: dict[str, str] = {}
        self._staff: dict[str, str] = {}
        for ref, name, staff_number in people:
            for needle in _name_needles(name or ""):
                self._names[needle] = ref if self._names.get(needle, ref) == ref else SHARED
            key = _staff_key(staff_number or "")
            if key:
                self._staff[key] = ref if self._staff.get(key, ref) == ref else SHARED
        # One alternation each, longest first, so a full name wins over its
        # parts; spaces in a full name match any run of white space.
        names = "|".join(r"\s+".join(map(re.escape, n.split(" ")))
                         for n in sorted(self._names, key=len, reverse=True))
        staff = "|".join(_SEP.join(map(re.escape, k))
                         for k in sorted(self._staff, key=len, reverse=True))
        branches = ([rf"(?<!\w)(?:{names})(?!\w)"] if names else []) + \
                   ([rf"(?<![0-9a-z])(?:{staff})(?![0-9a-z])"] if staff else [])
        self._pattern = re.compile("|".join(branches)) if branches else None

    def found_in(self, text) -> bool:
        """Does ``text`` name any of the people?"""
        return bool(text) and self._pattern is not None and \
            self._pattern.search(folded(text)) is not None

    def replace(self, text: str, by: Callable[[str], str]) -> str:
        """``text`` with each mention replaced by ``by(reference)`` (the
        reference is ``SHARED`` for a needle more than one person owns)."""
        if not text or self._pattern is None:
            return text
        flat, where = folded_map(text)
        out, last = [], 0
        for m in self._pattern.finditer(flat):
            if m.start() == m.end():
                continue
            start, end = where[m.start()], where[m.end() - 1] + 1
            if start < last:
                continue
            # Take the accents and invisible marks that trail the match too.
            while end < len(text) and (unicodedata.combining(text[end])
                                       or invisible(text[end])):
                end += 1
            out.append(text[last:start])
            out.append(by(self._owner(m.group(0))))
            last = end
        if not out:
            return text
        out.append(text[last:])
        return "".join(out)

    def _owner(self, match: str) -> str:
        ref = self._names.get(" ".join(match.split()))
        if ref is not None:
            return ref
        return self._staff.get(re.sub(r"[^0-9a-z]", "", match), SHARED)
