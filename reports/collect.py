"""Gathering a briefing's data from an open vault through the console's own
services (register, audit, briefings), so every access and conflict-of-
interest rule the console applies also applies to what leaves in a briefing.

Rules: barred subjects are never detailed (only counted); the pseudonymised
edition is made here, before layout, so names never reach the PDF builder;
"changes since the last briefing" are described from the audit chain's
actions and keys, never from free text.
"""

from __future__ import annotations

import datetime as dt

from console.audit import chain as audit
from console.errors import NotFound, ValidationError
from console.i18n import _
from console.records import briefings, register
from console.records.model import SubjectRecord
from reports.data import FULL, PSEUDONYMISED, BriefingData, Change
from reports.pseudonym import Pseudonymiser

MAX_CHANGES = 2000
# Audit actions that change a subject's record (views and journal entries do not).
CHANGE_PREFIXES = ("subject.", "report.", "referral.", "measure.", "log.")


def describe(entry) -> Change:
    """The change one audit entry made, as a briefing lists it (no names)."""
    after = entry.after or {}
    detail = ""
    if entry.action == "subject.status":
        detail = str(after.get("status") or "")
    elif entry.action in ("report.add", "report.regrade"):
        detail = str(after.get("grading") or "")
    elif entry.action == "measure.update":
        detail = str(after.get("status") or "")
    return Change(entry.entity_id, entry.at, entry.action, detail)


def _refs_for_scope(scope: str, refs, visible: list[str], changed: set[str]):
    if scope == "all":
        return visible
    if scope == "since_last":
        return [r for r in visible if r in changed]
    if scope == "selected":
        wanted = [str(r).strip().upper() for r in refs if str(r).strip()]
        if not wanted:
            raise ValidationError(_("Choose at least one subject for a briefing on selected "
                                    "subjects."))
        missing = [r for r in wanted if r not in visible]
        if missing:
            raise NotFound(_("No subject you can see has the reference {ref}; check the "
                             "references chosen.").format(ref=missing[0]))
        seen = set()
        return [r for r in wanted if not (r in seen or seen.add(r))]
    raise ValidationError(_("A briefing's scope must be all, selected or since_last."))


def collect(vault, *, scope: str = "all", refs=(), pseudonymise: bool = False,
            distribution: str = "", reference: str = "",
            generated_at: dt.datetime | None = None, on_progress=None
            ) -> tuple[BriefingData, int]:
    """The briefing's data and the audit head it was taken at."""
    head_seq, head_hash = audit.head(vault)
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc)
    dash = register.dashboard(vault)
    rows = register.register_rows(vault)
    visible = [r.subject.ref for r in rows if not r.restricted]
    withheld = sum(1 for r in rows if r.restricted)
    last = briefings.last_briefing(vault)
    entries = briefings.changes_since(vault, last) if last else []
    visible_set = set(visible)
    entries = [e for e in entries if e.action.startswith(CHANGE_PREFIXES)
               and (e.entity_id in visible_set
                    or e.action in ("subject.delete", "subject.erase"))]
    changed = {e.entity_id for e in entries}
    chosen = _refs_for_scope(scope, refs, visible, changed)
    new = sum(1 for e in entries if e.action == "subject.create")

    total = len(chosen)
    records = []
    for i, ref in enumerate(chosen):
        records.append(subject_record(vault, ref))
        if on_progress and (i % 10 == 0 or i == total - 1):
            on_progress(i + 1, total)
    changes = tuple(describe(e) for e in entries[:MAX_CHANGES])

    history = full_register_history(vault)
    # The head the previous briefing recorded when it was signed (not whatever
    # the chain holds at that number now), so HQ can compare it with its copy.
    previous_head = (last.audit_head or audit.hashes_at(vault, [last.audit_seq]).get(
        last.audit_seq, "")) if last else ""

    period_start = ""
    if last:
        period_start = last.at[:10]
    else:
        created = vault.setting("created_at")
        period_start = str(created)[:10] if created else ""

    data = BriefingData(
        reference=reference, establishment=vault.establishment,
        generated_at=generated_at, prepared_by=vault.user.display_name,
        prepared_role=vault.user.job_title, distribution=distribution,
        edition=PSEUDONYMISED if pseudonymise else FULL, scope=scope,
        period_start=period_start, dashboard=dash, records=tuple(records),
        changes=changes, changes_total=len(entries),
        previous_reference=last.reference if last else "",
        previous_at=last.at if last else "", new_since_last=new,
        unreferred_days=int(vault.setting("unreferred_days")),
        unacknowledged_days=int(vault.setting("unacknowledged_days")),
        register_total=len(rows), withheld=withheld, audit_entries=head_seq,
        audit_head=head_hash, vault_id=vault.vault_id,
        fingerprint=vault.identity().fingerprint,
        previous_audit_entries=last.audit_seq if last else 0,
        previous_audit_head=previous_head, full_register_history=history,
        restores=recorded_restores(vault))
    if pseudonymise:
        people = [(r.subject.ref, r.subject.name, r.subject.staff_number)
                  for r in rows if not r.restricted]
        data = pseudonymise_data(data, Pseudonymiser(people))
    return data, head_seq


def full_register_history(vault) -> tuple[tuple[str, int, str], ...]:
    """(number, chain entries, chain head) of every full-register briefing
    made from this vault, oldest first."""
    made = [b for b in reversed(briefings.list_briefings(vault))
            if b.edition == FULL and b.scope == "all"]
    heads = audit.hashes_at(vault, [b.audit_seq for b in made if not b.audit_head])
    recorded = {b.reference: b.audit_head or heads.get(b.audit_seq) for b in made}
    return tuple((b.reference, b.audit_seq, recorded[b.reference]) for b in made
                 if recorded[b.reference])


def recorded_restores(vault) -> tuple[tuple[int, str, int, int | None, str], ...]:
    """The restores the chain records, oldest first (see ``BriefingData``)."""
    out = []
    for e in reversed(audit.entries(vault, entity="vault")):
        if e.action != "vault.restore" or not isinstance(e.after, dict):
            continue
        replaced = e.after.get("replaced")
        if isinstance(replaced, dict):
            r_seq, r_head = int(replaced.get("seq") or 0), str(replaced.get("hash") or "")
        else:
            r_seq, r_head = None, ""
        out.append((e.seq, e.at, int(e.after.get("restored_to") or 0), r_seq, r_head))
    return tuple(out)


def subject_record(vault, ref) -> SubjectRecord:
    """One subject's record without journaling a view per subject: the
    briefing as a whole is journaled once, as a disclosure, when it is made
    (see ``briefing_service``)."""
    return register.subject_record(vault, ref, journaled=False)


def pseudonymise_data(data: BriefingData, p: Pseudonymiser) -> BriefingData:
    import dataclasses
    return dataclasses.replace(
        data, records=tuple(p.record(r) for r in data.records),
        changes=tuple(p.dataclass(c) for c in data.changes),
        distribution=p.text(data.distribution))
