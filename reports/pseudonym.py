"""The pseudonymised edition: every subject's name and staff number replaced
by their register reference, everywhere in the briefing's data.

Names can turn up in any free text (a log entry saying "spoke to J. Smith",
a summary naming a colleague), so the replacement runs over every string
field of every record, for every subject on the register, not only the one a
record belongs to. Over-redaction is accepted, a leak is not:

- the whole name, each part of two letters or more ("Li"), and a part
  written without its apostrophe ("OSullivan");
- in any case and with or without accents: text and names are compared in
  the form search uses (``console.text.folded``), so "Wisniewski",
  "WIŚNIEWSKI", a name typed with separate accent marks and one split by a
  soft hyphen or zero-width space all match "Wiśniewski", and the
  replacement covers the original characters;
- staff numbers with any spacing or punctuation between their letters and
  digits ("ab 12345", "AB-12345" for "AB12345"), but never inside a longer
  run of letters and digits;
- a part two subjects share ("Smith") becomes ``WITHHELD``, not the wrong
  reference.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from console.records.model import Subject, SubjectRecord
from console.text import folded, folded_map, invisible

WITHHELD = "[name withheld]"
_SEP = r"[\s\-./_]*"   # what may stand between a staff number's characters


def _name_needles(name: str) -> set[str]:
    """Folded forms of a name to look for: whole, each part, each word
    without its inner punctuation."""
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


def _needles(people) -> tuple[dict[str, str], dict[str, str]]:
    """(folded name needle -> reference or WITHHELD, staff key -> reference),
    from (ref, name, staff_number) triples."""
    names: dict[str, str] = {}
    staff: dict[str, str] = {}
    for ref, name, staff_number in people:
        for needle in _name_needles(name or ""):
            names[needle] = ref if names.get(needle, ref) == ref else WITHHELD
        key = _staff_key(staff_number or "")
        if key:
            staff[key] = ref if staff.get(key, ref) == ref else WITHHELD
    return names, staff


class Pseudonymiser:
    def __init__(self, people: list[tuple[str, str, str]]):
        self._names, self._staff = _needles(people)
        # One alternation each, longest first, so a full name wins over its
        # parts; spaces in a full name match any run of white space.
        names = "|".join(r"\s+".join(map(re.escape, n.split(" ")))
                         for n in sorted(self._names, key=len, reverse=True))
        staff = "|".join(_SEP.join(map(re.escape, k))
                         for k in sorted(self._staff, key=len, reverse=True))
        branches = ([rf"(?<!\w)(?:{names})(?!\w)"] if names else []) + \
                   ([rf"(?<![0-9a-z])(?:{staff})(?![0-9a-z])"] if staff else [])
        self._pattern = re.compile("|".join(branches)) if branches else None

    def text(self, s: str) -> str:
        if not s or self._pattern is None:
            return s
        flat, where = folded_map(s)
        out, last = [], 0
        for m in self._pattern.finditer(flat):
            if m.start() == m.end():
                continue
            start, end = where[m.start()], where[m.end() - 1] + 1
            # Take the accents and invisible marks that trail the match too.
            while end < len(s) and (unicodedata.combining(s[end]) or invisible(s[end])):
                end += 1
            if start < last:
                continue
            out.append(s[last:start])
            out.append(self._swap(m.group(0)))
            last = end
        if not out:
            return s
        out.append(s[last:])
        return "".join(out)

    def _swap(self, match: str) -> str:
        name = self._names.get(" ".join(match.split()))
        if name is not None:
            return name
        return self._staff.get(re.sub(r"[^0-9a-z]", "", match)) or WITHHELD

    def value(self, v):
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, tuple):
            return tuple(self.value(x) for x in v)
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return self.dataclass(v)
        return v

    def dataclass(self, obj):
        changes = {}
        for f in dataclasses.fields(obj):
            if f.name == "ref":
                continue
            old = getattr(obj, f.name)
            new = self.value(old)
            if new is not old and new != old:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj

    def subject(self, s: Subject) -> Subject:
        s = self.dataclass(s)
        return dataclasses.replace(s, name=s.ref, staff_number="")

    def record(self, rec: SubjectRecord) -> SubjectRecord:
        rec = self.dataclass(rec)
        return dataclasses.replace(rec, subject=self.subject(rec.subject))
