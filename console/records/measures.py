"""Mitigation measures against a subject's threat, and their logs.

The log is append-only: an entry can never be edited or deleted (a database
trigger refuses it too); a correction is a new entry that points at the one
it corrects.
"""

from __future__ import annotations


from console import clock
from console.audit import chain as audit
from console.audit import roles
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, commands, fields, ids, sealed, updates
from console.records.commands import MeasureFields
from console.records.model import LogEntry, Measure
from console.i18n import N_, _

_UPDATABLE = ("aim", "type", "details", "owner", "start_on", "review_due", "status",
              "effectiveness")
_COLUMNS = ("id, subject_id, aim, type, details, owner, start_on, review_due, status, "
            "effectiveness, created_by")


def add_measure(vault, ref, measure: MeasureFields) -> Measure:
    roles.require(vault, "add_measure")
    values = commands.to_columns(measure.cleaned(creating=True))
    with vault.write():
        sid = access.require_subject(vault, ref)
        schema = sealed.store(vault).schema_for(sid)
        cur = vault.conn.execute(
            f"INSERT INTO {schema}.measures(id, subject_id, aim, type, details, owner, start_on, "
            "review_due, status, effectiveness, created_by, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (ids.new_id(vault, "measures", schema), sid, values["aim"], values["type"],
             values["details"], values["owner"],
             values["start_on"], values["review_due"], values["status"],
             values["effectiveness"], vault.user.name, now_iso()))
        mid = cur.lastrowid
        audit.append(vault, "measure.add", "subject",
                     access.subject_ref(vault, sid),
                     after={"measure_id": mid, **values})
        return get_measure(vault, mid)


def update_measure(vault, measure_id: int, changes: MeasureFields) -> Measure:
    """Change the fields given in ``changes``; the rest stay."""
    roles.require(vault, "edit_measure")
    clean = commands.to_columns(changes.cleaned(creating=False))
    with vault.write():
        old = get_measure(vault, measure_id)
        schema = sealed.store(vault).schema_for(old.subject_id)
        updates.audited_update(vault, f"{schema}.measures", ("id", measure_id), clean,
                               allowed=("id", *_UPDATABLE), action="measure.update",
                               entity_id=access.subject_ref(vault, old.subject_id),
                               ident={"measure_id": measure_id})
        return get_measure(vault, measure_id)


def add_log_entry(vault, measure_id: int, text: str, corrects: int | None = None) -> LogEntry:
    roles.require(vault, "add_log")
    text = fields.text(text, _("The log entry"), required=True, limit=fields.LONG, multiline=True)
    with vault.write():
        m = get_measure(vault, measure_id)
        if corrects is not None and not any(e.id == corrects for e in m.log):
            raise ValidationError(_("A correction must point at an entry in the same log."))
        at = now_iso()
        schema = sealed.store(vault).schema_for(m.subject_id)
        cur = vault.conn.execute(
            f"INSERT INTO {schema}.measure_log(id, measure_id, at, by_user, text, corrects) "
            "VALUES (?,?,?,?,?,?)",
            (ids.new_id(vault, "measure_log", schema), measure_id, at, vault.user.name, text,
             corrects))
        audit.append(vault, "log.add", "subject",
                     access.subject_ref(vault, m.subject_id),
                     after={"measure_id": measure_id, "entry_id": cur.lastrowid,
                            "text": text, "corrects": corrects})
        return LogEntry(cur.lastrowid, measure_id, at, vault.user.name, text, corrects)




def _logs(vault, measure_ids: list[int], schema: str = "main") -> dict[int, list[LogEntry]]:
    out: dict[int, list[LogEntry]] = {m: [] for m in measure_ids}
    if not measure_ids:
        return out
    marks = ",".join("?" * len(measure_ids))
    for r in vault.query(f"SELECT id, measure_id, at, by_user, text, corrects FROM "
                         f"{schema}.measure_log WHERE measure_id IN ({marks}) ORDER BY at, id",
                         measure_ids):
        out[r[1]].append(LogEntry(*r))
    return out


def _from_row(r, log, today: str) -> Measure:
    return Measure(
        id=r[0], subject_id=r[1], aim=r[2], type=r[3], details=r[4], owner=r[5],
        start_on=fields.parse_date(r[6]), review_due=fields.parse_date(r[7]), status=r[8],
        effectiveness=r[9], created_by=r[10], log=tuple(log),
        overdue=bool(r[7] and r[7] < today and r[8] != "ended"))


MISSING = N_("That measure no longer exists.")


def get_measure(vault, measure_id: int) -> Measure:
    roles.require(vault, "view")
    schema, sid = sealed.locate(vault, "measures", measure_id, MISSING)
    access.require_subject(vault, sid)
    rows = vault.query(f"SELECT {_COLUMNS} FROM {schema}.measures WHERE id = ?", (measure_id,))
    if not rows:
        raise NotFound(_(MISSING))
    return _from_row(rows[0], _logs(vault, [measure_id], schema)[measure_id],
                     clock.today().isoformat())


def measures_for(vault, subject_id: int) -> list[Measure]:
    """A subject's measures with their logs, newest first (only if the user may
    see the subject)."""
    roles.require(vault, "view")
    access.require_subject(vault, subject_id)
    schema = sealed.store(vault).schema_for(subject_id)
    rows = vault.query(f"SELECT {_COLUMNS} FROM {schema}.measures WHERE subject_id = ? "
                       "ORDER BY start_on DESC, id DESC", (subject_id,))
    logs = _logs(vault, [r[0] for r in rows], schema)
    today = clock.today().isoformat()
    return [_from_row(r, logs[r[0]], today) for r in rows]
