"""The pseudonymised edition: every subject's name and staff number replaced
by their register reference, everywhere in the briefing's data.

Names can turn up in any free text (a log entry saying "spoke to J. Smith",
a summary naming a colleague), so the replacement runs over every string
field of every record, for every subject on the register, not only the one a
record belongs to. Whole names, staff numbers and each name part of three or
more letters are replaced; over-redaction is accepted, a leak is not.
"""

from __future__ import annotations

import dataclasses
import re

from console.records.model import Subject, SubjectRecord


def _needles(people: list[tuple[str, str, str]]) -> dict[str, str]:
    """casefolded needle -> reference, from (ref, name, staff_number) triples."""
    pairs: dict[str, str] = {}
    for ref, name, staff_number in people:
        name = " ".join((name or "").split())
        if name:
            pairs.setdefault(name.casefold(), ref)
            for part in re.split(r"[\s\-'’]+", name):
                if len(part) >= 3:
                    pairs.setdefault(part.casefold(), ref)
        if staff_number and staff_number.strip():
            pairs.setdefault(staff_number.strip().casefold(), ref)
    return pairs


class Pseudonymiser:
    def __init__(self, people: list[tuple[str, str, str]]):
        self._refs = _needles(people)
        # One alternation, longest needle first, so a full name wins over its parts.
        alts = "|".join(re.escape(n) for n in sorted(self._refs, key=len, reverse=True))
        self._pattern = (re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)
                         if alts else None)

    def text(self, s: str) -> str:
        if not s or self._pattern is None:
            return s
        return self._pattern.sub(self._swap, s)

    def _swap(self, m) -> str:
        # A match whose case-folding differs from its needle's is still withheld.
        return self._refs.get(m.group(0).casefold()) or "[name withheld]"

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
