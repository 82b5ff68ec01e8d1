"""Checking one briefing file on its own, in a worker process: signature
(whole file, intact, certified), its embedded ``briefing.json`` read from
the signed revision, parsed and checked against the schema, and agreeing
with the signature (same certificate, same briefing number).

``examine(path, password)`` returns a picklable ``Examined``; what needs the
store (is the signer pinned, does the chain continue) is decided afterwards
in ``ingest``. Sentences name the file, never its contents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from console.i18n import _
from console.text import shown
from hq import rows
from hq.rows import Details


@dataclass(frozen=True)
class Examined:
    file: str                 # the name shown in sentences
    ok: bool
    sentence: str = ""        # why not, when not ok
    kind: str = ""            # refusal kind: unreadable, signature, data
    sha256: str = ""
    signer: str = ""
    fingerprint: str = ""
    doc: dict | None = None   # the briefing data less its subjects, which are
    details: Details | None = None    # ... here, as rows (``hq.rows``)


# A briefing of 1,000 subjects is about 4 MiB; a file this large is not one,
# and reading it whole would take the memory the other workers need.
MAX_BYTES = 256 << 20


def _refuse(name, kind, sentence, **kw) -> Examined:
    return Examined(name, False, sentence, kind, **kw)


def examine(path: str, password: str | None = None) -> Examined:
    from reports import briefing_json
    from reports.verify import verify_bytes

    p = Path(path)
    name = shown(p.name, one_line=True)
    try:
        if p.stat().st_size > MAX_BYTES:
            return _refuse(name, "unreadable", _("{name} is over {size} MiB, larger than any "
                                                 "briefing; it was not read.").format(
                                                 name=name, size=MAX_BYTES >> 20))
        raw = p.read_bytes()
    except OSError:
        return _refuse(name, "unreadable", _("{name} could not be read; check the path and that "
                                             "you may open it.").format(name=name))
    except MemoryError:                  # grown since, or memory short: this file only
        return _refuse(name, "unreadable", _("{name} is too large to read with the memory "
                                             "free; it was not read.").format(name=name))
    sha = hashlib.sha256(raw).hexdigest()
    verdict = verify_bytes(name, raw, None, password, extract=True)
    if not verdict.intact:   # whether the signer is pinned is decided against the store
        return _refuse(name, "signature", verdict.sentence, sha256=sha)
    common = dict(sha256=sha, signer=verdict.signer, fingerprint=verdict.fingerprint)
    if verdict.data is None:
        return _refuse(name, "data", _("{name} is signed but carries no briefing data "
                                       "(briefing.json); ask the establishment for a briefing "
                                       "made with the current console.").format(name=name), **common)
    doc = verdict.doc
    if doc is None:
        return _refuse(name, "data", _("{name} carries briefing data that is not valid JSON; it "
                                       "was not ingested.").format(name=name), **common)
    wrong = briefing_json.problems(doc)
    if wrong:
        return _refuse(name, "data", _("{name} carries briefing data that does not match the "
                                       "briefing data format (at {wrong}); it was not ingested.").format(
                                       name=name, wrong=wrong[0]), **common)
    if doc["establishment"]["certificate_sha256"] != verdict.fingerprint:
        return _refuse(name, "data", _("{name} carries briefing data naming another certificate "
                                       "than the one that signed it; it was not ingested.").format(
                                       name=name), **common)
    number = doc["briefing"]["number"]
    if not verdict.reason.endswith(f" {number}"):
        return _refuse(name, "data", _("{name} carries briefing data for another briefing number "
                                       "than the signed document's; it was not ingested.").format(
                                       name=name), **common)
    details = rows.details(doc)
    column = rows.unstorable(doc, details)
    if column is not None:
        return _refuse(name, "data", _("{name} carries briefing data with a value the HQ store "
                                       "cannot hold (in {column}: too long, out of range, or "
                                       "not text); it was not ingested.").format(
                                       name=name, column=column), **common)
    return Examined(name, True, doc=rows.without_subjects(doc), details=details, **common)
