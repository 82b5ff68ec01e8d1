"""The pseudonymised edition: every subject's name and staff number replaced
by their register reference, everywhere in the briefing's data.

Names can turn up in any free text (a log entry saying "spoke to J. Smith",
a summary naming a colleague), so the replacement runs over every string
field of every record, for every subject on the register, not only the one a
record belongs to. Finding a name however it was written (short parts, any
case, with or without accents, staff numbers with any spacing) is
``console.records.names``; a part two subjects share ("Smith") becomes
``WITHHELD``, never the wrong reference. Over-redaction is accepted, a leak
is not.
"""

from __future__ import annotations

import dataclasses

from console.records.model import Subject, SubjectRecord
from console.records.names import SHARED, NameMatcher

WITHHELD = "[name withheld]"


class Pseudonymiser:
    def __init__(self, people: list[tuple[str, str, str]]):
        self._matcher = NameMatcher(people)

    def text(self, s: str) -> str:
        return self._matcher.replace(s, lambda ref: WITHHELD if ref == SHARED else ref)

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
