"""Intelligence reports on a subject, graded 3x5x2.

The full text stays in the vault; only the sanitised summary may leave it in
a briefing. The full text and what identifies the source (author and
intelligence-system reference) are returned only to a role with the
``read_full_text`` right; anyone else gets the report with those fields
empty and ``full_text_withheld`` set, from every service that returns one. A report counts as referred once a referral names it, or once the
subject as a whole has been referred on or after the day it was received.
"""

from __future__ import annotations


from console.audit import chain as audit
from console.audit import roles
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, fields, fulltext, ids, rules, sealed
from console.records.commands import GRADING, ReportFields
from console.records.model import IntelReport
from console.i18n import N_, _

_COLUMNS = ("r.id, r.subject_id, r.type, r.received_on, r.external_ref, r.author, "
            "r.author_withheld, r.source_grade, r.intel_grade, r.handling, "
            "r.handling_condition, r.full_text, r.summary, r.created_by, r.created_at")

# A report is referred when a referral names it or a whole-subject referral
# was made on or after the day it came in.
_REFERRED = ("EXISTS (SELECT 1 FROM {s}.referrals f WHERE f.report_id = r.id OR "
             "(f.report_id IS NULL AND f.subject_id = r.subject_id AND "
             "f.referred_on >= r.received_on))")
REFERRED_SQL = _REFERRED.format(s="main")
MISSING = N_("That report no longer exists.")


def add_report(vault, ref, report: ReportFields) -> IntelReport:
    roles.require(vault, "add_report")
    v = report.cleaned(creating=True)
    with vault.write():
        sid = access.require_subject(vault, ref)
        s_ref = access.subject_ref(vault, sid)
        schema = sealed.store(vault).schema_for(sid)
        rid = ids.new_id(vault, "intel_reports", schema)
        text = fulltext.sealed_values(vault, rid, {
            "external_ref": v["external_ref"], "author": v["author"],
            "full_text": v["full_text"]}) if rid else v
        values = (v["type"], v["received_on"].isoformat(), text["external_ref"], text["author"],
                  int(v["author_withheld"]), v["source_grade"], v["intel_grade"], v["handling"],
                  v["handling_condition"], text["full_text"], v["summary"])
        # OR ROLLBACK, with the subject link checked at commit (schema m005):
        # a refused row ends the whole write at once, as the write would
        # anyway, so SQLite keeps no statement journal for this insert.
        cur = vault.conn.execute(
            f"INSERT OR ROLLBACK INTO {schema}.intel_reports(id, subject_id, type, received_on, "
            "external_ref, author, author_withheld, source_grade, intel_grade, handling, "
            "handling_condition, full_text, summary, created_by, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rid, sid, *values, vault.user.name, now_iso()))
        rid = cur.lastrowid
        grading = f"{v['source_grade']}{v['intel_grade']}{v['handling']}"
        audit.append(vault, "report.add", "subject", s_ref,
                     after={"report_id": rid, "type": v["type"], "received_on": values[1],
                            "grading": grading, "summary": v["summary"]})
        return get_report(vault, rid)


def regrade_report(vault, report_id: int, grading: ReportFields) -> IntelReport:
    """Give a report a new 3x5x2 grading (the grading fields of ``grading``)."""
    roles.require(vault, "regrade_report")
    g = grading.cleaned(creating=False, only=GRADING)
    if not g:
        raise ValidationError(_("Give the new grading: the source evaluation, the intelligence "
                                "assessment and the handling code."))
    with vault.write():
        old = get_report(vault, report_id)
        schema = sealed.store(vault).schema_for(old.subject_id)
        vault.conn.execute(f"UPDATE {schema}.intel_reports SET source_grade = ?, "
                           "intel_grade = ?, handling = ?, handling_condition = ? WHERE id = ?",
                           (g["source_grade"], g["intel_grade"], g["handling"],
                            g["handling_condition"], report_id))
        new = get_report(vault, report_id)
        audit.append(vault, "report.regrade", "subject",
                     access.subject_ref(vault, old.subject_id),
                     before={"report_id": report_id, "grading": old.grading},
                     after={"report_id": report_id, "grading": new.grading})
        return new


def _from_row(r, deadline: str, read) -> IntelReport:
    """``read`` opens the sealed columns (None: the user may not read them)."""
    referred = bool(r[15])
    texts = {c: read(r[0], c, v) for c, v in (("external_ref", r[4]), ("author", r[5]),
                                                ("full_text", r[11]))} if read else {}
    full = bool(texts) and all(t is not None for t in texts.values())
    return IntelReport(
        id=r[0], subject_id=r[1], type=r[2], received_on=fields.parse_date(r[3]),
        external_ref=texts["external_ref"] if full else "",
        author=texts["author"] if full else "",
        author_withheld=bool(r[6]), source_grade=r[7], intel_grade=r[8], handling=r[9],
        handling_condition=r[10], full_text=texts["full_text"] if full else "", summary=r[12],
        created_by=r[13], created_at=r[14], referred=referred,
        unreferred_overdue=(not referred and r[3] < deadline), full_text_withheld=not full)


def _reader(vault):
    """How this user reads full text: None for a role that may not."""
    if not roles.allowed(vault.user.role, "read_full_text"):
        return None
    return fulltext.opener(vault)


def get_report(vault, report_id: int) -> IntelReport:
    roles.require(vault, "view")
    schema, sid = sealed.locate(vault, "intel_reports", report_id, MISSING)
    access.require_subject(vault, sid)
    rows = vault.query(f"SELECT {_COLUMNS}, {_REFERRED.format(s=schema)} FROM "
                       f"{schema}.intel_reports r WHERE r.id = ?", (report_id,))
    if not rows:
        raise NotFound(_(MISSING))
    return _from_row(rows[0], rules.deadline(vault.setting("unreferred_days")),
                     _reader(vault))


def reports_for(vault, subject_id: int) -> list[IntelReport]:
    """A subject's reports, newest first (the user must be allowed to see it)."""
    roles.require(vault, "view")
    access.require_subject(vault, subject_id)
    schema = sealed.store(vault).schema_for(subject_id)
    deadline = rules.deadline(vault.setting("unreferred_days"))
    read = _reader(vault)
    rows = vault.query(f"SELECT {_COLUMNS}, {_REFERRED.format(s=schema)} FROM "
                       f"{schema}.intel_reports r WHERE r.subject_id = ? "
                       "ORDER BY r.received_on DESC, r.id DESC", (subject_id,))
    return [_from_row(r, deadline, read) for r in rows]
