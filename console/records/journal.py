"""The consultation and disclosure journal (DPA 2018 s.62 logging).

Opening a subject's full record, exporting, printing, copying data out and
disclosing it each record who, when, what and why: a justification from a
short list (``REASONS``), with free text for "other", and the recipients of a
disclosure. The journal is part of the audit chain: every entry is an audit
entry whose action is ``journal.<kind>.<reason>``, so the kind and the
justification stay in the signed chain even after a subject's details are
erased. Nobody can edit or delete an entry.

Rules:
- A view of the same record by the same user for the same reason within
  ``VIEW_WINDOW`` is one consultation, not several (a screen refreshing after
  each edit must not flood the journal).
- Only the governor may read the journal; entries about subjects the governor
  is barred from are left out.
- ``last_reason(vault)`` is the justification last given in this unlocked
  session, so the console can offer it again with one keystroke. It lives in
  memory only and goes when the vault is closed.
"""

from __future__ import annotations

import datetime as dt
import json
import weakref
from dataclasses import dataclass, field

from console.audit import chain as audit
from console.audit import payloads
from console.errors import ValidationError
from console.records import access, fields
from console.records.model import Choice
from console.i18n import N_, _

REASONS = Choice(
    ("case_review", N_("Case review")), ("referral", N_("Referral")),
    ("briefing", N_("Briefing")), ("subject_access", N_("Subject access request")),
    ("legal_advice", N_("Legal advice")), ("other", N_("Other")))
DEFAULT_REASON = "case_review"

KINDS = Choice(
    ("view", N_("Opened the full record")), ("export", N_("Exported")),
    ("print", N_("Printed")), ("copy", N_("Copied out")), ("disclose", N_("Disclosed")),
    ("sar_request", N_("Access request received")),
    ("sar_decision", N_("Access request decided")),
    ("journal_export", N_("Exported the journal")))

PREFIX = "journal."
VIEW_WINDOW = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Reason:
    """A justification: a key from ``REASONS`` and, for "other", its text."""
    key: str = DEFAULT_REASON
    text: str = ""

    @property
    def label(self) -> str:
        if self.key == "other" and self.text:
            return f"Other: {self.text}"
        return REASONS.label(self.key)


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    at: str
    user: str
    kind: str
    reason: str             # key from REASONS
    reason_text: str = ""   # the words given with "other"
    detail: str = ""
    refs: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    erased: bool = False    # the subject was erased: only who/when/what/why remain

    @property
    def kind_label(self) -> str:
        return KINDS.label(self.kind)

    @property
    def reason_label(self) -> str:
        return Reason(self.reason, self.reason_text).label


@dataclass(frozen=True)
class JournalView:
    """What the console's journal page shows: entries plus filter choices."""
    entries: tuple[JournalEntry, ...]
    users: tuple[str, ...]
    kinds: tuple[tuple[str, str], ...] = field(default_factory=lambda: tuple(KINDS.pairs))
    reasons: tuple[tuple[str, str], ...] = field(default_factory=lambda: tuple(REASONS.pairs))
    last_reason: Reason | None = None


def reason_choices() -> list[tuple[str, str]]:
    """(key, label) pairs for the justification picker, in order."""
    return list(REASONS.pairs)


def parse_reason(value, text: str = "") -> Reason:
    """A Reason from a Reason, a key, a label, or free words (taken as "other")."""
    if isinstance(value, Reason):
        return value
    raw = fields.text(value if value is not None else "", _("The reason"), limit=500).strip()
    if not raw:
        raise ValidationError(_("Give a reason for opening or sending out this record."))
    key = REASONS.parse(raw)
    if key is None:
        return Reason("other", raw)
    text = fields.text(text, _("The reason"), limit=500).strip()
    if key == "other" and not text:
        raise ValidationError(_("Say in a few words why, when the reason is 'other'."))
    return Reason(key, text if key == "other" else "")


_last: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def last_reason(vault) -> Reason | None:
    """The justification last used in this unlocked session, if any."""
    return _last.get(vault)


def remember(vault, reason: Reason) -> None:
    _last[vault] = reason


def quick_reasons(vault) -> list[Reason]:
    """The reason picker's entries: the last reason used in this session
    first (so Enter repeats it), then the rest of the list in order."""
    last = last_reason(vault)
    rest = [Reason(k) for k in REASONS.keys() if not (last and last.key == k and k != "other")]
    return ([last] if last else []) + rest


def _action(kind: str, reason: Reason) -> str:
    if kind not in KINDS:
        raise ValidationError(_("That is not a kind of journal entry."))
    return f"{PREFIX}{kind}.{reason.key}"


def record(vault, kind: str, refs, reason, *, detail: str = "", recipients=(),
           reason_text: str = "") -> int:
    """Journal one consultation or disclosure; returns its audit sequence number.

    One subject is journaled against that subject (so erasure treats it like
    the rest of the subject's history); several against the register, listing
    their references."""
    r = parse_reason(reason, reason_text)
    refs = [str(x).strip().upper() for x in ([refs] if isinstance(refs, str) else refs)]
    detail = fields.text(detail, _("The detail"), limit=2000, multiline=True).strip()
    recips = [fields.text(x, _("A recipient"), limit=300).strip() for x in recipients]
    recips = [x for x in recips if x]
    if kind == "disclose" and not recips:
        raise ValidationError(_("A disclosure must name who it went to."))
    payload = {"reason_text": r.text, "detail": detail, "recipients": recips}
    with vault.write():
        if len(refs) == 1:
            access.require_subject(vault, refs[0])
            seq = audit.append(vault, _action(kind, r), "subject", refs[0], after=payload)
        else:
            seq = audit.append(vault, _action(kind, r), "register",
                               f"{len(refs)} subjects" if refs else "journal",
                               after={**payload, "refs": refs})
    remember(vault, r)
    return seq


def record_view(vault, ref: str, reason=DEFAULT_REASON, detail: str = "") -> int | None:
    """Journal that the signed-in user opened a subject's full record; a repeat
    within ``VIEW_WINDOW`` for the same reason is the same consultation."""
    r = parse_reason(reason)
    rows = vault.query(
        "SELECT a.action, a.at, p.after, a.seq FROM audit a LEFT JOIN audit_payload p ON "
        "p.seq = a.seq WHERE a.user = ? AND a.entity = 'subject' AND a.entity_id = ? AND "
        "a.action LIKE 'journal.view.%' ORDER BY a.seq DESC LIMIT 1",
        (vault.user.name, ref))
    same = bool(rows) and rows[0][0] == _action("view", r) and not detail and (
        r.key != "other"
        or json.loads(_opened(vault, ref, rows[0][3], rows[0][2]) or "{}").get("reason_text")
        == r.text)
    if same:
        at = dt.datetime.fromisoformat(rows[0][1])
        if dt.datetime.now(dt.timezone.utc) - at < VIEW_WINDOW:
            remember(vault, r)
            return None
    return record(vault, "view", [ref], r, detail=detail)


def record_export(vault, refs, reason="briefing", *, kind: str = "export",
                  recipients=(), detail: str = "") -> int:
    """Journal an export, print, copy or disclosure of one or more subjects."""
    return record(vault, kind, refs, reason, detail=detail, recipients=recipients)


def _opened(vault, ref: str, seq: int, after):
    """An entry's details as written: opened when the record is sealed (None
    when this user holds no key for them)."""
    if payloads.is_sealed(after):
        return audit.opened(vault, ref, seq, after)[1]
    return after


def _from_row(seq, at, user, action, entity, eid, after, barred_refs) -> JournalEntry | None:
    parts = action.split(".")
    kind, key = (parts[1], parts[2]) if len(parts) >= 3 else (parts[-1], "other")
    payload = json.loads(after) if after else None
    if entity == "subject":
        refs = (eid,)
    else:
        refs = tuple((payload or {}).get("refs", ()))
    if refs and all(r in barred_refs for r in refs):
        return None
    refs = tuple(r for r in refs if r not in barred_refs)
    p = payload or {}
    return JournalEntry(seq, at, user, kind, key, p.get("reason_text", ""),
                        p.get("detail", ""), refs, tuple(p.get("recipients", ())),
                        erased=payload is None)


def entries(vault, *, user: str | None = None, ref: str | None = None,
            kind: str | None = None, reason: str | None = None, since=None, until=None,
            limit: int | None = None) -> list[JournalEntry]:
    """The journal, newest first, filtered (all filters optional; dates inclusive)."""
    access.require_governor(vault, _("read the consultation journal"))
    sql = ("SELECT a.seq, a.at, a.user, a.action, a.entity, a.entity_id, p.after FROM audit a "
           "LEFT JOIN audit_payload p ON p.seq = a.seq WHERE a.action LIKE 'journal.%'")
    params: list = []
    if user:
        sql += " AND a.user = ?"
        params.append(user)
    if kind:
        sql += " AND a.action LIKE ?"
        params.append(f"{PREFIX}{kind}.%")
    if reason:
        key = REASONS.parse(reason) or reason
        sql += " AND a.action LIKE ?"
        params.append(f"{PREFIX}%.{key}")
    if since:
        sql += " AND a.at >= ?"
        params.append(fields.iso(fields.date(since, _("From"))))
    if until:
        sql += " AND a.at < ?"
        params.append((fields.date(until, _("To")) + dt.timedelta(days=1)).isoformat())
    if ref and str(ref).strip():
        want = str(ref).strip().upper()
        sql += " AND (a.entity = 'register' OR a.entity_id = ?)"
        params.append(want)
    sql += " ORDER BY a.seq DESC"
    barred = access.barred_refs(vault)   # a governor's own conflicts of interest
    out = []
    for row in vault.query(sql, params):
        seq, eid, after = row[0], row[5], row[6]
        if payloads.is_sealed(after):
            row = (*row[:6], _opened(vault, eid, seq, after))
        e = _from_row(*row, barred)
        if e is None:
            continue
        if ref and str(ref).strip() and str(ref).strip().upper() not in e.refs:
            continue
        out.append(e)
        if limit and len(out) >= limit:
            break
    return out


def journal_view(vault, **filters) -> JournalView:
    """Entries and filter choices for the console's journal page."""
    rows = entries(vault, **filters)
    users = tuple(r[0] for r in vault.query(
        "SELECT DISTINCT user FROM audit WHERE action LIKE 'journal.%' ORDER BY user"))
    return JournalView(tuple(rows), users, last_reason=last_reason(vault))
