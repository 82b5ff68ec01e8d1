"""Subject access: what the register holds about one member of staff, item by
item, with what is withheld and why, and the request and decision journaled.

``draft_pack`` lays the record out as ``PackItem`` s. By default it withholds
what identifies a source or another person (a report's author and
intelligence-system number, its full text: the sanitised summary is given
instead; the staff who ran or logged a measure), every report with handling
code C, and referrals and notes while an investigation or proceedings are
live. Everything *tied* to a withheld item is withheld with it unless the
governor decides otherwise: a referral about a withheld report, the measures
and the status history (whose reasons are free text) while any referral is
withheld, and a measure's log and staff with the measure. The governor overrides any item
with ``decisions`` ({key: None} to release, {key: (reason, text)} to
withhold), and sees each item's full description (``detail``) to decide.

A withheld item never carries its content: its ``text`` is empty by
construction, and its ``label`` (all the pack shows of it) is a plain
"Report 2" or "Measure 1", never its technique, target or date, so nothing
built from a pack (the PDF) can leak them. Each withheld item names its
reason (DPA 2018 s.45(4) for Part 3 processing; the matching Schedule 2
exemptions under UK GDPR).

Only the governor handles access requests.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from console import clock
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, fields, journal, register
from console.records.model import (
    AIMS,
    CATEGORIES,
    EMPLOYMENT,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    RAG,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    STATUSES,
    Choice,
    system_words,
)
from console.i18n import N_, _

WITHHOLD_REASONS = Choice(
    ("investigation", N_("Would prejudice an investigation, inquiry or proceedings")),
    ("source", N_("Would identify a source or another person")),
    ("handling", N_("Handling code C: shared only on the provider's conditions")),
    ("public_security", N_("Would prejudice public security")),
    ("national_security", N_("Would prejudice national security")),
    ("other", N_("Other")))

LIVE_STATUSES = {"referred_hq", "under_investigation", "criminal_proceedings", "disciplinary"}
DUE_MONTHS = 1   # the statutory period: one calendar month from receipt
ANOTHER_RECORD = (N_("Access request {n} is about another record; choose the request this person "
                    "made, or log one with 'access-request'."))


@dataclass(frozen=True)
class PackItem:
    key: str              # e.g. "profile", "report:12", "report:12:source"
    section: str          # heading it sits under
    label: str            # what the pack shows: ``detail`` when given, ``plain`` when withheld
    text: str = ""        # the content; always empty when withheld
    withheld: bool = False
    reason: str = ""      # key from WITHHOLD_REASONS when withheld
    reason_text: str = ""
    detail: str = ""      # what the item is, for the governor deciding (never in the pack)
    plain: str = ""       # its name without technique, target or date
    ties: tuple[str, ...] = ()   # items it is withheld with, unless decided otherwise

    @property
    def reason_label(self) -> str:
        if self.reason == "other" and self.reason_text:
            return self.reason_text
        label = WITHHOLD_REASONS.label(self.reason)
        return f"{label} ({self.reason_text})" if self.reason_text else label


@dataclass(frozen=True)
class AccessPack:
    ref: str
    name: str
    establishment: str
    prepared_by: str
    prepared_role: str
    prepared_at: str
    request_id: int | None
    received_on: dt.date | None
    items: tuple[PackItem, ...]

    @property
    def withheld(self) -> tuple[PackItem, ...]:
        return tuple(i for i in self.items if i.withheld)

    @property
    def released(self) -> tuple[PackItem, ...]:
        return tuple(i for i in self.items if not i.withheld)


@dataclass(frozen=True)
class AccessRequest:
    id: int
    ref: str
    received_on: dt.date
    due_on: dt.date
    by_user: str
    status: str            # open or answered
    decided_at: str | None = None
    withheld: tuple[tuple[str, str], ...] = ()   # (item key, reason key)

    @property
    def overdue(self) -> bool:
        return self.status == "open" and self.due_on < clock.today()


def _d(v) -> str:
    return v.isoformat() if hasattr(v, "isoformat") else (v or "-")


def _lines(*pairs) -> str:
    return "\n".join(f"{k}: {v}" for k, v in pairs if v not in (None, ""))


def _item(key, section, detail, text="", withheld=False, reason="", plain="",
          ties=()) -> PackItem:
    return PackItem(key, section, detail, text, withheld, reason, detail=detail,
                    plain=plain or detail, ties=tuple(ties))


def _items(rec) -> list[PackItem]:
    """Every item with its content and its default decision, worded in the
    language spoken (the pack is written for the person it is about)."""
    s = rec.subject
    live = s.status in LIVE_STATUSES
    status = STATUSES.label(s.status) + (f" - {OUTCOMES.label(s.outcome)}" if s.outcome else "")
    side = ", ".join(t for t, on in ((_("suspended"), s.suspended),
                                      (_("restricted duties"), s.restricted_duties)) if on)
    about = _("About you")
    out = [_item("profile", about, _("Details held"), _lines(
        (_("Name"), s.name), (_("Staff number"), s.staff_number), (_("Role"), s.role),
        (_("Post or wing"), s.location), (_("Employment"), EMPLOYMENT.label(s.employment_type)),
        (_("Start date"), _d(s.start_date) if s.start_date else ""),
        (_("Added to the register"), s.created_at[:10]),
        (_("Concerns recorded"), "; ".join(CATEGORIES.label(c) for c in s.categories)),
        (_("Status"), status + (f" ({side})" if side else "")),
        (_("Next review"), _d(s.next_review) if s.next_review else "")))]
    out.append(_item("assessment", about, _("Threat assessment"), _lines(
        (_("Likelihood x impact"), f"{s.likelihood} x {s.impact} = {s.score} "
                                   f"({RAG.label(rec.rag).lower()})"),
        (_("Residual"), f"{s.residual_likelihood} x {s.residual_impact} = {s.residual_score} "
                        f"({RAG.label(rec.residual_rag).lower()})"))))
    if s.notes.strip():
        out.append(_item("notes", about, _("Notes"), s.notes, live,
                         "investigation" if live else ""))
    received = _("Information received")
    for n, r in enumerate(rec.reports, 1):
        key = f"report:{r.id}"
        detail = _("Report received {day} ({type})").format(
            day=_d(r.received_on), type=REPORT_TYPES.label(r.type))
        body = _lines((_("Grading"), r.grading), (_("Summary"), r.summary))
        c = r.handling == "C"
        out.append(_item(key, received, detail, body, c, "handling" if c else "",
                         _("Report {n}").format(n=n)))
        src = _lines((_("Author"), "" if r.author_withheld else r.author),
                     (_("Intelligence reference"), r.external_ref))
        if src:
            out.append(_item(f"{key}:source", received,
                             _("{detail}: who provided it").format(detail=detail), src, True,
                             "source", _("Report {n}: who provided it").format(n=n), [key]))
        if r.full_text.strip():
            out.append(_item(f"{key}:text", received,
                             _("{detail}: full text (the summary above is given)").format(
                                 detail=detail),
                             r.full_text, True, "source",
                             _("Report {n}: full text").format(n=n), [key]))
    referral_keys = []
    for n, f in enumerate(rec.referrals, 1):
        key = f"referral:{f.id}"
        referral_keys.append(key)
        detail = _("Referral to {target} on {day}").format(
            target=REFERRAL_TARGETS.label(f.target), day=_d(f.referred_on))
        body = _lines((_("Reference"), f.reference),
                      (_("Acknowledged"), _d(f.acknowledged_on) if f.acknowledged_on else ""),
                      (_("Outcome"), f.outcome)) or _("Referred.")
        ties = [f"report:{f.report_id}"] if f.report_id else []
        out.append(_item(key, _("Referrals"), detail, body, live,
                         "investigation" if live else "", _("Referral {n}").format(n=n), ties))
    if rec.status_history:   # its reasons are free text about the case
        out.insert(3 if s.notes.strip() else 2, _item(
            "history", about, _("Status history"), "\n".join(
                f"{h.at[:10]}: {STATUSES.label(h.to_status)}"
                f"{' - ' + OUTCOMES.label(h.outcome) if h.outcome else ''} "
                f"({system_words(h.reason)})"
                for h in rec.status_history), ties=referral_keys))
    measures = _("Measures")
    for n, m in enumerate(rec.measures, 1):
        key = f"measure:{m.id}"
        detail = _("{aim}: {type} from {day}").format(
            aim=AIMS.label(m.aim), type=MEASURE_TYPES.label(m.type), day=_d(m.start_on))
        body = _lines((_("Details"), m.details),
                      (_("Status"), MEASURE_STATUSES.label(m.status)),
                      (_("Review due"), _d(m.review_due) if m.review_due else ""),
                      (_("Effectiveness"), m.effectiveness))
        out.append(_item(key, measures, detail, body, plain=_("Measure {n}").format(n=n),
                         ties=referral_keys))
        if m.log:
            out.append(_item(f"{key}:log", measures, _("{detail}: log").format(detail=detail),
                             "\n".join(f"{e.at[:10]}: {e.text}" for e in m.log),
                             plain=_("Measure {n}: log").format(n=n), ties=[key]))
        staff = sorted({x for x in [m.owner, *(e.by_user for e in m.log)] if x})
        if staff:
            out.append(_item(f"{key}:staff", measures,
                             _("{detail}: staff involved").format(detail=detail),
                             ", ".join(staff), True, "source",
                             _("Measure {n}: staff involved").format(n=n), [key]))
    return out


def _apply(items: list[PackItem], decisions: dict | None) -> tuple[PackItem, ...]:
    decisions = dict(decisions or {})
    keys = {i.key for i in items}
    unknown = set(decisions) - keys
    if unknown:
        raise ValidationError(_("A decision names an item that is not in this record."))
    by_key = {}
    for i in items:
        if i.key in decisions:
            d = decisions[i.key]
            if d is None:
                i = replace(i, withheld=False, reason="", reason_text="")
            else:
                reason, text = (d, "") if isinstance(d, str) else d
                key = fields.choice(reason, WITHHOLD_REASONS, _("The reason for withholding"))
                text = fields.text(text, _("The reason"), limit=500).strip()
                if key == "other" and not text:
                    raise ValidationError(_("Say why an item is withheld when the reason is "
                                            "'other'."))
                i = replace(i, withheld=True, reason=key, reason_text=text)
        by_key[i.key] = i
    changed = True
    while changed:   # what is tied to a withheld item goes with it, unless decided
        changed = False
        for key, i in by_key.items():
            if i.withheld or key in decisions:
                continue
            tie = next((by_key[t] for t in i.ties if t in by_key and by_key[t].withheld),
                       None)
            if tie is not None:
                by_key[key] = replace(i, withheld=True, reason=tie.reason,
                                      reason_text=tie.reason_text if tie.reason == "other"
                                      else "")
                changed = True
    out = []
    for i in by_key.values():
        if i.withheld:   # a withheld item never carries its content, nor its details
            i = replace(i, text="", label=i.plain)
        else:
            i = replace(i, label=i.detail)
        out.append(i)
    return tuple(out)


def draft_pack(vault, ref, decisions: dict | None = None,
               request_id: int | None = None) -> AccessPack:
    """The access pack for one subject with the default and given decisions.
    Reading the record for it is journaled (reason: subject access request)."""
    access.require_governor(vault, _("answer a subject access request"))
    rec = register.subject_record(vault, ref, reason="subject_access")
    req = _request(vault, request_id) if request_id else None
    if req is not None and req.ref != rec.subject.ref:
        raise ValidationError(_(ANOTHER_RECORD).format(n=req.id))
    return AccessPack(
        rec.subject.ref, rec.subject.name, vault.establishment, vault.user.display_name,
        vault.user.job_title, now_iso(), request_id, req.received_on if req else None,
        _apply(_items(rec), decisions))


def open_request(vault, ref, received_on=None) -> AccessRequest:
    """Log a subject access request (journaled)."""
    access.require_governor(vault, _("log a subject access request"))
    received = fields.date(received_on or clock.today(), _("Date received"), required=True,
                           past=True)
    with vault.write():
        sid = access.require_subject(vault, ref)
        s_ref = vault.conn.execute("SELECT ref FROM subjects WHERE id = ?", (sid,)).fetchone()[0]
        due = due_date(received)
        cur = vault.conn.execute(
            "INSERT INTO access_requests(subject_id, received_on, due_on, by_user) "
            "VALUES (?, ?, ?, ?)", (sid, received.isoformat(), due.isoformat(),
                                    vault.user.name))
        journal.record(vault, "sar_request", s_ref, "subject_access",
                       detail=f"Request {cur.lastrowid} received {received.isoformat()}, "
                              f"due {due.isoformat()}")
    return _request(vault, cur.lastrowid)


def due_date(received: dt.date) -> dt.date:
    """One calendar month after receipt; where that month is shorter, its
    last day (received 31 January: due 28 or 29 February)."""
    return fields.add_months(received, DUE_MONTHS)


def _request(vault, request_id: int) -> AccessRequest:
    rows = vault.query(
        "SELECT a.id, s.ref, a.received_on, a.due_on, a.by_user, a.status, a.decided_at, "
        "a.withheld, a.subject_id FROM access_requests a JOIN subjects s ON "
        "s.id = a.subject_id WHERE a.id = ?", (int(request_id),))
    if not rows:
        raise NotFound(_("There is no access request with that number."))
    r = rows[0]
    access.require_subject(vault, r[8])
    return AccessRequest(r[0], r[1], fields.parse_date(r[2]), fields.parse_date(r[3]), r[4],
                         r[5], r[6], tuple(tuple(x) for x in json.loads(r[7] or "[]")))


def requests(vault, open_only: bool = False) -> list[AccessRequest]:
    access.require_governor(vault, _("see subject access requests"))
    barred = access.barred_ids(vault)
    sql = "SELECT id, subject_id FROM access_requests"
    if open_only:
        sql += " WHERE status = 'open'"
    return [_request(vault, i) for i, sid in vault.query(sql + " ORDER BY due_on, id")
            if sid not in barred]


def record_decision(vault, pack: AccessPack, sha256: str = "",
                    recipients=("the data subject",)) -> int:
    """Journal that the pack was issued: what was withheld and why (never
    the withheld content), and to whom. Closes the request, if one is named."""
    access.require_governor(vault, _("answer a subject access request"))
    withheld = [(i.key, i.reason) for i in pack.withheld]
    # The journal's own words, stored as they are (English, like every journal entry).
    detail = (f"{len(pack.released)} items released, {len(withheld)} withheld"
              + (": " + "; ".join(f"{k} ({r})" for k, r in withheld) if withheld else "")
              + (f"; PDF SHA-256 {sha256}" if sha256 else ""))
    with vault.write():
        if pack.request_id:
            # Only the request this subject made: a pack never closes another's.
            done = vault.conn.execute(
                "UPDATE access_requests SET status = 'answered', decided_at = ?, "
                "withheld = ? WHERE id = ? AND subject_id = (SELECT id FROM subjects "
                "WHERE ref = ?)", (now_iso(), json.dumps(withheld), pack.request_id,
                                   pack.ref)).rowcount
            if not done:
                raise ValidationError(_(ANOTHER_RECORD).format(n=pack.request_id))
        return journal.record(vault, "sar_decision", pack.ref, "subject_access",
                              detail=detail[:2000], recipients=recipients)
