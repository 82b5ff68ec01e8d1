"""Retention and review (DPA 2018 s.39): processing basis, data-subject
category, periodic review, legal hold and erasure.

Every subject carries a processing basis (``BASES``), a data-subject category
(``DATA_CATEGORIES``) and a review date. Until the governor decides otherwise
the review date follows the retention defaults (the vault setting
``retention_months``, months per retention class): an open case is reviewed
``open`` months after it was added; a closed case ``<outcome>`` months after
it closed. A retain decision sets the next date explicitly; closing the case
later starts the clock again from the closure.

The review queue lists records whose review date has come and forces a
decision: retain (with a reason and next date) or erase.

Erasure deletes the subject and everything that hangs off it, takes their
name out of the journal's other entries (``scrub``), deletes the
details of its audit entries (the chain keeps only salted hashes of them, so
it still verifies), appends a ``subject.erase`` tombstone (reference, date,
who, reason), then overwrites freed pages and rebuilds the file (secure
delete, ``VACUUM``, WAL checkpoint) so no copy of the name is left in the
vault file. A legal hold blocks erasure; setting, lifting and every refused
erasure are audited. Backups made before an erasure still hold the record
and are flagged for deletion by ``backup_flags``.

Only the governor decides any of this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from console.audit import chain as audit
from console import clock
from console.clock import now_iso
from console.errors import ConsoleError, ValidationError
from console.records import access, fields, sealed, updates
from console.lawful import scrub
from console.records.model import OUTCOMES, STATUSES, Choice
from console.records.names import NameMatcher
from console.storage import settings
from console.i18n import N_, _

BASES = Choice(
    ("part3", N_("Law enforcement processing (DPA 2018 Part 3)")),
    ("uk_gdpr", N_("Employment and conduct (UK GDPR)")))
DATA_CATEGORIES = Choice(
    ("suspect", N_("Suspect")), ("convicted", N_("Convicted")), ("witness", N_("Witness")),
    ("other", N_("Other")))
RETENTION_CLASSES = Choice(("open", N_("Open case")), *OUTCOMES.source_pairs)

SETTING = "retention_months"
BACKUP_SETTING = "backup_horizon_days"
# Starting points for the governor and the information-assurance lead to
# agree locally; see docs/lawful-handling.md.
DEFAULT_MONTHS = {
    "open": 12, "cleared": 6, "no_case": 12, "nfa": 24, "management_action": 36,
    "resigned": 72, "dismissed": 72, "excluded": 72, "convicted": 120}
DEFAULT_BACKUP_HORIZON_DAYS = 90


class LegalHold(ConsoleError):
    """Erasure refused because the record is under legal hold."""


@dataclass(frozen=True)
class Processing:
    """How one subject's record is held: basis, category, review and hold."""
    ref: str
    basis: str
    category: str
    retention_class: str
    review_on: dt.date
    review_source: str          # "default" (from the settings) or "decision"
    legal_hold: bool = False
    hold_reason: str = ""
    restricted: bool = False

    @property
    def basis_label(self) -> str:
        return BASES.label(self.basis)

    @property
    def category_label(self) -> str:
        return DATA_CATEGORIES.label(self.category)

    @property
    def class_label(self) -> str:
        return RETENTION_CLASSES.label(self.retention_class)


@dataclass(frozen=True)
class ReviewItem:
    """One line of the review queue (plain data for the console's view)."""
    ref: str
    name: str
    status: str
    outcome: str | None
    processing: Processing
    days_overdue: int
    last_decision: str = ""     # e.g. "retained 2026-01-05 by governor: ..."

    @property
    def status_label(self) -> str:
        label = STATUSES.label(self.status)
        return f"{label} - {OUTCOMES.label(self.outcome)}" if self.outcome else label

    @property
    def can_erase(self) -> bool:
        return not self.processing.legal_hold


@dataclass(frozen=True)
class ErasureResult:
    ref: str
    at: str
    audit_details_erased: int
    backups_flagged: int
    scrubbed: int = 0          # journal entries about other records that named them


@dataclass(frozen=True)
class BackupFlag:
    path: Path
    created_at: str
    reason: str        # why it should be deleted: one plain sentence


# -- settings ---------------------------------------------------------------------

def retention_defaults(vault) -> dict[str, int]:
    stored = vault.setting(SETTING) or {}
    return {**DEFAULT_MONTHS, **{k: int(v) for k, v in stored.items() if k in DEFAULT_MONTHS}}


def set_retention_default(vault, retention_class: str, months) -> dict[str, int]:
    access.require_governor(vault, _("change the retention defaults"))
    key = fields.choice(retention_class, RETENTION_CLASSES, _("Retention class"))
    try:
        months = int(months)
    except (TypeError, ValueError):
        raise ValidationError(_("The retention period must be a whole number of months.")) \
            from None
    if not 1 <= months <= 1200:
        raise ValidationError(_("The retention period must be between 1 and 1,200 months."))
    with vault.write():
        old = retention_defaults(vault)
        new = {**old, key: months}
        settings.write(vault.conn, SETTING, new)
        audit.append(vault, "settings.change", "vault", SETTING,
                     before={key: old[key]}, after={key: months})
    return new


def backup_horizon_days(vault) -> int:
    return int(vault.setting(BACKUP_SETTING) or DEFAULT_BACKUP_HORIZON_DAYS)


# -- processing record ---------------------------------------------------------------

_SQL = ("SELECT s.id, s.ref, s.name, s.status, s.outcome, s.created_at, "
        "l.basis, l.category, l.review_on, l.review_set_at, l.restricted, l.legal_hold, "
        "l.hold_reason, (SELECT max(c.at) FROM {s}.status_changes c WHERE c.subject_id = s.id "
        "AND c.to_status = 'closed') FROM {s}.subjects s LEFT JOIN main.subject_lawful l ON "
        "l.subject_id = s.id")
_LAWFUL = ("SELECT basis, category, review_on, review_set_at, restricted, legal_hold, "
           "hold_reason FROM main.subject_lawful WHERE subject_id = ?")


def _processing(row, months: dict[str, int]) -> Processing:
    (_sid, ref, _name, status, outcome, created, basis, category, review_on, set_at,
     restricted, hold, hold_reason, closed_at) = row
    cls = outcome if status == "closed" and outcome in months else "open"
    if status == "closed" and closed_at:
        start = closed_at
    else:
        start = created
    default = fields.add_months(dt.date.fromisoformat(start[:10]), months[cls])
    if review_on and (not (status == "closed" and closed_at) or (set_at or "") > closed_at):
        when, source = dt.date.fromisoformat(review_on), "decision"
    else:
        when, source = default, "default"
    return Processing(ref, basis or "part3", category or "suspect", cls, when, source,
                      bool(hold), hold_reason or "", bool(restricted))


def processing(vault, ref) -> Processing:
    """The subject's basis, category, review date and hold."""
    sid = access.require_subject(vault, ref)
    schema = sealed.store(vault).schema_for(sid)
    rows = vault.query(_SQL.format(s=schema) + " WHERE s.id = ?", (sid,))
    return _processing(rows[0], retention_defaults(vault))


def set_processing(vault, ref, *, basis: str | None = None,
                   category: str | None = None) -> Processing:
    access.require_governor(vault, _("change a record's processing basis or category"))
    values = {}
    if basis is not None:
        values["basis"] = fields.choice(basis, BASES, _("Processing basis"))
    if category is not None:
        values["category"] = fields.choice(category, DATA_CATEGORIES, _("Data-subject category"))
    with vault.write():
        sid = access.require_subject(vault, ref)
        before = processing(vault, sid)
        access.ensure_lawful_row(vault, sid)
        updates.audited_update(vault, "subject_lawful", ("subject_id", sid), values,
                               allowed=("subject_id", "basis", "category"),
                               action="subject.processing", entity_id=before.ref)
    return processing(vault, ref)


# -- review queue ----------------------------------------------------------------------

def review_queue(vault, today: dt.date | None = None, within_days: int = 0
                 ) -> list[ReviewItem]:
    """Records due for review (or due within ``within_days``), most overdue first."""
    access.require_governor(vault, _("see the retention review queue"))
    today = today or clock.today()
    horizon = today + dt.timedelta(days=int(within_days))
    months = retention_defaults(vault)
    barred = access.barred_ids(vault)
    last = {}
    for sid, decision, at, by, reason in vault.query(
            "SELECT subject_id, decision, decided_at, by_user, reason FROM retention_reviews "
            "ORDER BY id"):
        last[sid] = f"{decision} {at[:10]} by {by}: {reason}"
    items = []
    for row in vault.query(_SQL.format(s="main")) + _sealed_rows(vault, barred):
        if row[0] in barred or row[3] == sealed.PLACEHOLDER_STATUS:
            continue
        p = _processing(row, months)
        if p.review_on <= horizon:
            items.append(ReviewItem(p.ref, row[2], row[3], row[4], p,
                                    (today - p.review_on).days, last.get(row[0], "")))
    items.sort(key=lambda i: (i.processing.review_on, i.ref))
    return items


def _sealed_rows(vault, barred: set[int]) -> list[tuple]:
    """Rows shaped like ``_SQL``'s for the sealed records this user holds,
    from their heads (the review queue need not open each record)."""
    st = sealed.store(vault)
    out = []
    for sid, head in st.heads().items():
        if sid in barred:
            continue
        lawful = vault.query(_LAWFUL, (sid,))
        r = head.row
        out.append((sid, head.ref, r["name"], r["status"], r["outcome"], r["created_at"],
                    *(lawful[0] if lawful else (None,) * 7), head.closed_at))
    return out


def retain(vault, ref, reason: str, next_review) -> Processing:
    """Decide to keep a record: why, and when it is next reviewed."""
    access.require_governor(vault, _("decide to retain a record"))
    reason = fields.text(reason, _("The reason for keeping the record"), required=True,
                         limit=2000, multiline=True).strip()
    when = fields.date(next_review, _("The next review date"), required=True)
    if when <= clock.today():
        raise ValidationError(_("The next review date must be after today, {today_words}.").format(
                                today_words=clock.today_words()))
    with vault.write():
        sid = access.require_subject(vault, ref)
        p = processing(vault, sid)
        access.ensure_lawful_row(vault, sid)
        now = now_iso()
        vault.conn.execute("UPDATE subject_lawful SET review_on = ?, review_set_at = ? "
                           "WHERE subject_id = ?", (when.isoformat(), now, sid))
        vault.conn.execute(
            "INSERT INTO retention_reviews(subject_id, decided_at, by_user, decision, reason, "
            "next_review) VALUES (?, ?, ?, 'retained', ?, ?)",
            (sid, now, vault.user.name, reason, when.isoformat()))
        audit.append(vault, "subject.retain", "subject", p.ref,
                     before={"review_on": p.review_on.isoformat()},
                     after={"review_on": when.isoformat(), "reason": reason})
    return processing(vault, ref)


def set_legal_hold(vault, ref, on: bool, reason: str) -> Processing:
    """Place or lift a legal hold (litigation, an inquiry, a live prosecution)."""
    access.require_governor(vault, _("place or lift a legal hold"))
    reason = fields.text(reason, _("The reason for the legal hold"), required=True,
                         limit=2000, multiline=True).strip()
    with vault.write():
        sid = access.require_subject(vault, ref)
        p = processing(vault, sid)
        access.ensure_lawful_row(vault, sid)
        vault.conn.execute("UPDATE subject_lawful SET legal_hold = ?, hold_reason = ? "
                           "WHERE subject_id = ?", (int(bool(on)), reason if on else "", sid))
        audit.append(vault, "subject.hold" if on else "subject.hold_lifted", "subject", p.ref,
                     after={"reason": reason})
    return processing(vault, ref)


# -- erasure -------------------------------------------------------------------------

def _fts_tables(vault) -> list[str]:
    """Full-text index tables that hold a subject_id column, if any exist."""
    out = []
    for (name,) in vault.query("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                               "sql LIKE 'CREATE VIRTUAL TABLE%'"):
        cols = [r[1] for r in vault.query(f'PRAGMA table_info("{name}")')]
        if "subject_id" in cols:
            out.append(name)
    return out


def erase(vault, ref, reason: str, *, carried_from: int | None = None) -> ErasureResult:
    """Erase a subject from the vault, leaving only the audit tombstone.

    ``carried_from``: the erasure is made again on restoring a backup taken
    before it (entry ``carried_from`` of the replaced vault's chain made it),
    so a legal hold in the older backup does not stop it: the hold had been
    lifted when the record was erased."""
    access.require_governor(vault, _("erase a record"))
    reason = fields.text(reason, _("The reason for erasure"), required=True, limit=2000,
                         multiline=True).strip()
    sid = access.require_subject(vault, ref)
    p = processing(vault, sid)
    schema = sealed.store(vault).schema_for(sid)
    name, staff_number = vault.query(f"SELECT name, staff_number FROM {schema}.subjects "
                                     "WHERE id = ?", (sid,))[0]
    if carried_from is None and NameMatcher([(p.ref, name, staff_number)]).found_in(reason):
        raise ValidationError(_("The reason for erasure is kept after the record goes, so it "
                                "must not name the subject; use the reference instead."))
    if p.legal_hold and carried_from is None:
        with vault.write():
            audit.append(vault, "subject.erase_refused", "subject", p.ref,
                         after={"reason": _("legal hold")})
        raise LegalHold(_("This record is under legal hold, so it cannot be erased; lift the "
                          "hold first if it no longer applies."))
    conn = vault.conn
    with vault.guard():
        old_secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
        conn.execute("PRAGMA secure_delete = ON")
    try:
        with vault.write():
            seqs = [r[0] for r in conn.execute(
                "SELECT seq FROM audit WHERE entity = 'subject' AND entity_id = ?", (p.ref,))]
            conn.executemany("DELETE FROM audit_payload WHERE seq = ?", [(s,) for s in seqs])
            for table in _fts_tables(vault):
                conn.execute(f'DELETE FROM "{table}" WHERE subject_id = ?', (sid,))
            from console.records import sealing
            sealing.forget_record(vault, sid, p.ref)
            conn.execute("DELETE FROM conflicts WHERE subject_id = ?", (sid,))
            conn.execute("DELETE FROM subjects WHERE id = ?", (sid,))
            forms = scrub.scrub(conn, p.ref, name, staff_number)
            after = {"reason": reason, **({"forms": forms} if forms else {})}
            if carried_from is not None:
                after["carried_from"] = int(carried_from)
            audit.append(vault, audit.ERASE_ACTION, "subject", p.ref, after=after)
            at = now_iso()
        try:
            # Rebuild the file so no freed page survives; secure delete has
            # already zeroed the rows, so a failure here (a full disk) leaves
            # the erasure itself complete.
            with vault.guard():
                conn.execute("VACUUM")
        finally:
            with vault.guard():
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        with vault.guard():
            conn.execute(f"PRAGMA secure_delete = {int(old_secure)}")
    flagged = len(backup_flags(vault)) if carried_from is None else 0
    return ErasureResult(p.ref, at, len(seqs), flagged, len(forms))


def erased(vault) -> list[tuple[str, str, str]]:
    """(reference, when, by whom) for every erasure: the tombstones."""
    return [tuple(r) for r in vault.query(
        "SELECT entity_id, at, user FROM audit WHERE action = ? ORDER BY seq",
        (audit.ERASE_ACTION,))]


def backup_flags(vault, now: dt.datetime | None = None) -> list[BackupFlag]:
    """Backups beside the vault that should be deleted, placed by the signed
    chain (``backup_ledger``): made before a record was erased (they still
    hold it), before a record or the reports' full text was sealed (they hold
    it readable to every user), or before a user was removed (they still hold
    that user's key slot, and the key they knew); older than the backup
    horizon; or not placeable at all (damaged, of another vault, unsigned)."""
    from console.audit import backup_ledger
    now = now or clock.utcnow()
    horizon = (now - dt.timedelta(days=backup_horizon_days(vault))).isoformat()
    events = vault.query(
        "SELECT seq, action, entity_id FROM audit WHERE action IN (?, 'user.remove', "
        "'keys.seal') ORDER BY seq DESC", (audit.ERASE_ACTION,))
    placed = backup_ledger.place(vault)
    # The backup a removal's own key rotation takes first is made after the
    # removal, but under the key the removed user knew.
    rekeys = sorted((p for p in placed if p.counted and p.info.reason == "rekey"),
                    key=lambda p: (p.position, p.made_at))
    before_rotation = {}
    for seq, action, eid in events:
        if action == "user.remove":
            first = next((p for p in rekeys if p.position >= seq), None)
            if first is not None:
                before_rotation.setdefault(first.info.path, (seq, eid))
    out = []
    for p in placed:
        made = p.made_at or p.info.created_at
        if not p.counted:
            out.append(BackupFlag(p.info.path, made, p.why + _(" Delete it unless you know what "
                                                               "it is.")))
            continue
        later = [(seq, action, eid) for seq, action, eid in events if seq > p.position]
        erasure = min((seq for seq, action, _e in later if action == audit.ERASE_ACTION),
                      default=None)
        sealing = min((seq for seq, action, _e in later if action == "keys.seal"),
                      default=None)
        removal = min(((seq, eid) for seq, action, eid in later if action == "user.remove"),
                      default=before_rotation.get(p.info.path))
        if erasure is not None:
            out.append(BackupFlag(p.info.path, made, _("It was made before a record was erased "
                                                       "(entry #{erasure}) and still holds that "
                                                       "record; delete it.").format(
                                                       erasure=erasure)))
        elif sealing is not None:
            out.append(BackupFlag(p.info.path, made, _("It was made before a restricted record "
                                                       "or the reports' full text was sealed, "
                                                       "and holds them readable to every user; "
                                                       "delete it.")))
        elif removal is not None:
            out.append(BackupFlag(p.info.path, made, _("It opens with the key {removal} knew "
                                                       "before they were removed (entry "
                                                       "#{removal2}); delete it.").format(
                                                       removal=removal[1], removal2=removal[0])))
        elif made < horizon:
            out.append(BackupFlag(p.info.path, made, _("It is older than the backup retention "
                                                       "horizon; delete it.")))
    return out


@dataclass(frozen=True)
class ReviewQueueView:
    """What the console's review-queue page shows, as plain data."""
    items: tuple[ReviewItem, ...]
    defaults: tuple[tuple[str, str, int], ...]   # (class key, label, months)
    backups_to_delete: tuple[BackupFlag, ...]
    erased: int                                   # tombstones in the chain


def review_view(vault, within_days: int = 30) -> ReviewQueueView:
    """Records due now or within ``within_days``, the defaults and the backups
    to delete, for the review-queue page."""
    items = review_queue(vault, within_days=within_days)
    months = retention_defaults(vault)
    return ReviewQueueView(
        tuple(items), tuple((k, RETENTION_CLASSES.label(k), months[k])
                            for k in RETENTION_CLASSES.keys()),
        tuple(backup_flags(vault)), len(erased(vault)))
