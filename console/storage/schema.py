"""The register's tables, as an ordered list of forward migrations.

Each migration runs once, in its own transaction, through sqlite-utils'
``Migrations``; ``Vault.open`` copies the vault to a backup before applying
any that are pending. Never edit a migration that has shipped: add a new one.
A vault that names a migration this program does not know was written by a
newer version and is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import sqlite3  # only to parse a rewritten table's text in memory (m005)

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from console.errors import ConsoleError, UpgradeFailed
from console.i18n import _

MIGRATION_SET = "governors_console"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_register(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('governor','deputy','viewer')),
            job_title TEXT NOT NULL DEFAULT '',
            staff_number TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE identities (
            user TEXT PRIMARY KEY REFERENCES users(name),
            cert_pem TEXT NOT NULL,
            key_nonce BLOB NOT NULL,
            key_ct BLOB NOT NULL,
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE subjects (
            id INTEGER PRIMARY KEY,
            ref TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            staff_number TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            employment_type TEXT NOT NULL DEFAULT 'directly_employed',
            start_date TEXT,
            categories TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'concern_logged',
            outcome TEXT,
            suspended INTEGER NOT NULL DEFAULT 0,
            restricted_duties INTEGER NOT NULL DEFAULT 0,
            likelihood INTEGER NOT NULL DEFAULT 1,
            impact INTEGER NOT NULL DEFAULT 1,
            residual_likelihood INTEGER NOT NULL DEFAULT 1,
            residual_impact INTEGER NOT NULL DEFAULT 1,
            owner TEXT NOT NULL DEFAULT '',
            next_review TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            from_status TEXT, to_status TEXT NOT NULL, outcome TEXT,
            reason TEXT NOT NULL, by_user TEXT NOT NULL, at TEXT NOT NULL
        );
        CREATE TABLE intel_reports (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            received_on TEXT NOT NULL,
            external_ref TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            author_withheld INTEGER NOT NULL DEFAULT 0,
            source_grade INTEGER NOT NULL CHECK (source_grade BETWEEN 1 AND 3),
            intel_grade TEXT NOT NULL CHECK (intel_grade IN ('A','B','C','D','E')),
            handling TEXT NOT NULL CHECK (handling IN ('P','C')),
            handling_condition TEXT NOT NULL DEFAULT '',
            full_text TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE TABLE referrals (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            report_id INTEGER REFERENCES intel_reports(id) ON DELETE SET NULL,
            target TEXT NOT NULL,
            referred_on TEXT NOT NULL,
            referred_by TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            acknowledged_on TEXT,
            next_chase TEXT,
            outcome TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            aim TEXT NOT NULL, type TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            start_on TEXT NOT NULL, review_due TEXT,
            status TEXT NOT NULL DEFAULT 'planned',
            effectiveness TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE TABLE measure_log (
            id INTEGER PRIMARY KEY,
            measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
            at TEXT NOT NULL, by_user TEXT NOT NULL, text TEXT NOT NULL,
            corrects INTEGER REFERENCES measure_log(id)
        );
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
            entity TEXT NOT NULL, entity_id TEXT NOT NULL DEFAULT '',
            payload_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL, signature BLOB NOT NULL
        );
        -- What changed is kept apart from the chain, which holds only a
        -- salted hash of it, so erasing a subject can delete their details
        -- and the chain still verifies.
        CREATE TABLE audit_payload (
            seq INTEGER PRIMARY KEY REFERENCES audit(seq),
            salt BLOB NOT NULL, before TEXT, after TEXT
        );
        -- The log is append-only: nobody edits or deletes another's entry.
        CREATE TRIGGER measure_log_no_update BEFORE UPDATE ON measure_log
            BEGIN SELECT RAISE(ABORT, 'log entries are append-only'); END;
        """
    )


@migrations()
def m002_indexes_and_conflicts(db: Database) -> None:
    # Indexes for the register's flag queries (unreferred reports, overdue
    # reviews) and for looking up a subject's records; a user can be linked
    # to a subject record, which bars them from it (conflict of interest).
    db.executescript(
        """
        CREATE INDEX idx_reports_subject ON intel_reports(subject_id);
        CREATE INDEX idx_referrals_subject ON referrals(subject_id);
        CREATE INDEX idx_referrals_report ON referrals(report_id);
        CREATE INDEX idx_measures_subject ON measures(subject_id);
        CREATE INDEX idx_log_measure ON measure_log(measure_id);
        CREATE INDEX idx_subjects_status ON subjects(status);
        CREATE INDEX idx_subjects_staff_number ON subjects(staff_number);
        CREATE INDEX idx_audit_entity ON audit(entity, entity_id);
        CREATE TABLE conflicts (
            user TEXT NOT NULL, subject_id INTEGER NOT NULL,
            reason TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (user, subject_id)
        );
        -- Certificates a user held before a reset, kept so their old audit
        -- entries still verify.
        CREATE TABLE retired_certs (
            id INTEGER PRIMARY KEY, user TEXT NOT NULL, cert_pem TEXT NOT NULL,
            retired_at TEXT NOT NULL
        );
        CREATE TABLE briefings (
            id INTEGER PRIMARY KEY, reference TEXT NOT NULL, at TEXT NOT NULL,
            by_user TEXT NOT NULL, sha256 TEXT NOT NULL, scope TEXT NOT NULL,
            edition TEXT NOT NULL, subjects INTEGER NOT NULL
        );
        """
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations()
def m003_lawful_handling(db: Database) -> None:
    # Lawful handling (DPA 2018 Part 3 / UK GDPR): each subject's processing
    # basis, data-subject category, retention review and legal hold; the
    # named users a restricted record is open to (need-to-know); retention
    # decisions; and subject access requests. Rows go with their subject.
    db.executescript(
        """
        CREATE TABLE subject_lawful (
            subject_id INTEGER PRIMARY KEY REFERENCES subjects(id) ON DELETE CASCADE,
            basis TEXT NOT NULL DEFAULT 'part3',
            category TEXT NOT NULL DEFAULT 'suspect',
            review_on TEXT,
            review_set_at TEXT,
            restricted INTEGER NOT NULL DEFAULT 0,
            legal_hold INTEGER NOT NULL DEFAULT 0,
            hold_reason TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE need_to_know (
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            user TEXT NOT NULL, granted_by TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY (subject_id, user)
        );
        CREATE TABLE retention_reviews (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            decided_at TEXT NOT NULL, by_user TEXT NOT NULL, decision TEXT NOT NULL,
            reason TEXT NOT NULL, next_review TEXT
        );
        CREATE TABLE access_requests (
            id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
            received_on TEXT NOT NULL, due_on TEXT NOT NULL, by_user TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open', decided_at TEXT, withheld TEXT
        );
        CREATE INDEX idx_need_to_know_user ON need_to_know(user);
        """
    )


# A report is unreferred until a referral names it, or a whole-subject
# referral is made on or after the day it came in (``intel.REFERRED_SQL``,
# copied here as it stood when this migration shipped).
_UNREFERRED_FOR = (
    "DELETE FROM unreferred_reports WHERE subject_id IN ({ids}); "
    "INSERT OR REPLACE INTO unreferred_reports(report_id, subject_id, received_on) "
    "SELECT r.id, r.subject_id, r.received_on FROM intel_reports r "
    "WHERE r.subject_id IN ({ids}) AND NOT EXISTS (SELECT 1 FROM referrals f "
    "WHERE f.report_id = r.id OR (f.report_id IS NULL AND f.subject_id = r.subject_id "
    "AND f.referred_on >= r.received_on));")


@migrations()
def m004_fast_flags(db: Database) -> None:
    # Why this pays: the register's flags and the dashboard once scanned every
    # report, referral, measure and subject row, wide text included (about
    # 10 s at 100,000 subjects). Now each flag reads a small index that holds
    # only the rows that can be overdue:
    # - unreferred_reports holds the reports no referral covers yet, kept
    #   right by triggers (recomputed for the one subject a change touches),
    #   so "unreferred past the deadline" is a range scan, not an EXISTS per
    #   report;
    # - partial covering indexes on unacknowledged referrals, open measures'
    #   review dates and open subjects' review dates, in date order, serving
    #   both the register's flags and the dashboard's lists;
    # - covering indexes for the dashboard's counts by status and risk and by
    #   category, and for a subject's reference by id, so the counts and lists
    #   never read the subjects' wide rows (notes and all).
    ids_of_report = "(SELECT subject_id FROM intel_reports WHERE id = {row}.report_id)"
    db.executescript(
        """
        CREATE TABLE unreferred_reports (
            report_id INTEGER PRIMARY KEY,
            subject_id INTEGER NOT NULL,
            received_on TEXT NOT NULL
        );
        CREATE INDEX idx_unreferred_received ON unreferred_reports(received_on, subject_id);
        CREATE INDEX idx_unreferred_subject ON unreferred_reports(subject_id);
        CREATE INDEX idx_referrals_unacknowledged
            ON referrals(referred_on, subject_id, acknowledged_on) WHERE acknowledged_on IS NULL;
        CREATE INDEX idx_measures_open_review ON measures(review_due, subject_id, status)
            WHERE status != 'ended';
        CREATE INDEX idx_subjects_open_review ON subjects(next_review, ref, status)
            WHERE status != 'closed';
        CREATE INDEX idx_subjects_counts ON subjects(status, likelihood, impact);
        CREATE INDEX idx_subjects_categories ON subjects(categories);
        CREATE INDEX idx_subjects_id_ref ON subjects(id, ref);
        """
        + f"""
        CREATE TRIGGER unreferred_report_added AFTER INSERT ON intel_reports BEGIN
            {_UNREFERRED_FOR.format(ids="NEW.subject_id")}
        END;
        CREATE TRIGGER unreferred_report_changed
            AFTER UPDATE OF id, subject_id, received_on ON intel_reports BEGIN
            DELETE FROM unreferred_reports WHERE report_id = OLD.id;
            {_UNREFERRED_FOR.format(ids="OLD.subject_id, NEW.subject_id")}
        END;
        CREATE TRIGGER unreferred_report_deleted AFTER DELETE ON intel_reports BEGIN
            DELETE FROM unreferred_reports WHERE report_id = OLD.id;
        END;
        CREATE TRIGGER unreferred_referral_added AFTER INSERT ON referrals BEGIN
            {_UNREFERRED_FOR.format(
                ids="NEW.subject_id, " + ids_of_report.format(row="NEW"))}
        END;
        CREATE TRIGGER unreferred_referral_changed
            AFTER UPDATE OF subject_id, report_id, referred_on ON referrals BEGIN
            {_UNREFERRED_FOR.format(
                ids="OLD.subject_id, NEW.subject_id, " + ids_of_report.format(row="OLD")
                + ", " + ids_of_report.format(row="NEW"))}
        END;
        CREATE TRIGGER unreferred_referral_deleted AFTER DELETE ON referrals BEGIN
            {_UNREFERRED_FOR.format(
                ids="OLD.subject_id, " + ids_of_report.format(row="OLD"))}
        END;
        """
        + """
        INSERT INTO unreferred_reports(report_id, subject_id, received_on)
            SELECT r.id, r.subject_id, r.received_on FROM intel_reports r
            WHERE NOT EXISTS (SELECT 1 FROM referrals f WHERE f.report_id = r.id OR
                (f.report_id IS NULL AND f.subject_id = r.subject_id
                 AND f.referred_on >= r.received_on));
        """
    )


_GRADE_CHECK_OLD = "CHECK (intel_grade IN ('A','B','C','D','E'))"
_GRADE_CHECK_NEW = ("CHECK (intel_grade = 'A' OR intel_grade = 'B' OR intel_grade = 'C' "
                    "OR intel_grade = 'D' OR intel_grade = 'E')")

_REPORT_SUBJECT_OLD = "subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,"
_REPORT_SUBJECT_NEW = ("subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE "
                       "DEFERRABLE INITIALLY DEFERRED,")


@migrations()
def m005_lean_writes(db: Database) -> None:
    # Why this pays: with SQLCipher's memory security every heap block SQLite
    # takes costs two system calls, and adding a report took about sixty.
    # - SQLite runs ``x IN (list)`` with more than two values, or with one
    #   value that is not a constant, through a temporary b-tree built afresh
    #   on every run, with its own pager and page cache. Two such lists ran on
    #   every report added (the grade's CHECK and the unreferred trigger);
    #   written as equalities they mean the same and cost nothing.
    # - An insert that fires triggers and may stop half-way keeps a statement
    #   journal, a copy in memory of every page it touches. The report's link
    #   to its subject is now checked at commit (the services look the
    #   subject up in the same write), and ``intel.add_report`` inserts with
    #   OR ROLLBACK, so that insert can no longer stop half-way.
    # The rules themselves do not change: the same rows are refused.
    db.execute("DROP TRIGGER unreferred_report_added")
    db.execute(
        "CREATE TRIGGER unreferred_report_added AFTER INSERT ON intel_reports BEGIN "
        + _UNREFERRED_FOR.replace("subject_id IN ({ids})", "subject_id = NEW.subject_id")
        + " END")
    _rewrite_table_sql(db, "intel_reports", (_GRADE_CHECK_OLD, _GRADE_CHECK_NEW),
                       (_REPORT_SUBJECT_OLD, _REPORT_SUBJECT_NEW))


def _rewrite_table_sql(db: Database, table: str, *changes: tuple[str, str]) -> None:
    """Change constraints of ``table`` that every stored row already meets
    (each ``(old, new)`` text must stand once in its definition), by
    SQLite's documented procedure for schema changes that leave the stored
    content as it is (https://sqlite.org/lang_altertable.html, "making other
    kinds of table schema changes"): edit ``sqlite_schema`` under
    ``writable_schema`` and bump the schema version, in the migration's
    transaction. The new text is parsed on its own first, so a mistake here
    fails the migration (rolled back) instead of leaving an unreadable schema."""
    (sql,), = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                         [table]).fetchall()
    new_sql = sql
    for old, new in changes:
        if new_sql.count(old) != 1:
            raise RuntimeError(f"schema of {table} is not as expected")
        new_sql = new_sql.replace(old, new)
    with contextlib.closing(sqlite3.connect(":memory:")) as parser:
        parser.execute(new_sql)
    (version,), = db.execute("PRAGMA schema_version").fetchall()
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                   [new_sql, table])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    db.execute(f"SELECT count(*) FROM {table} WHERE 0").fetchall()  # the new schema loads


@migrations()
def m006_sealing(db: Database) -> None:
    # Need-to-know in cryptography (see console.audit.sealing_keys and
    # console.records.sealed). Every table here holds only ciphertext, or
    # what every user may know anyway:
    # - sealing_keys: one key per scope (a restricted subject's reference,
    #   or "fulltext" for report full text and sources) wrapped to each
    #   entitled user's key-slot public key, with the public key it was
    #   wrapped to (so a wrap left under an old key pair is found);
    # - sealing_history: a scope's earlier key versions, sealed under its
    #   current key (audit details written under an older key stay readable
    #   to those who hold the current one);
    # - sealed_records: a sealed subject's contents (head: the profile and
    #   what the register's flags need; body: reports, referrals, measures,
    #   logs, status history, conflict bars), and its risk band, which with
    #   the reference is all its placeholder row in ``subjects`` shows;
    # - id_floor: the highest id a table's rows have been given anywhere, so
    #   rows created in or moved into a sealed record never share an id with
    #   rows in the clear tables.
    db.executescript(
        """
        CREATE TABLE sealing_keys (
            scope TEXT NOT NULL,
            user TEXT NOT NULL,
            version INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            eph BLOB NOT NULL,
            nonce BLOB NOT NULL,
            ct BLOB NOT NULL,
            PRIMARY KEY (scope, user)
        );
        CREATE INDEX idx_sealing_keys_user ON sealing_keys(user);
        CREATE TABLE sealing_history (
            scope TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            nonce BLOB NOT NULL,
            ct BLOB NOT NULL
        );
        CREATE TABLE sealed_records (
            subject_id INTEGER PRIMARY KEY REFERENCES subjects(id) ON DELETE CASCADE,
            band TEXT NOT NULL,
            version INTEGER NOT NULL,
            head BLOB NOT NULL,
            body BLOB NOT NULL
        );
        CREATE TABLE id_floor (tbl TEXT PRIMARY KEY, id INTEGER NOT NULL);
        """
    )


@migrations()
def m007_sealed_heads(db: Database) -> None:
    # Why this pays: every governor's session opens the head of every sealed
    # record before the register paints. Kept in the same row as the body,
    # each head sat behind the body's overflow pages (about 30 ms to read a
    # thousand heads); on its own it is a few hundred narrow pages. The
    # index holds what the list of sealed records needs (reference by id,
    # band, key version) without reading either.
    db.executescript(
        """
        CREATE TABLE sealed_heads (
            subject_id INTEGER PRIMARY KEY REFERENCES subjects(id) ON DELETE CASCADE,
            head BLOB NOT NULL
        );
        INSERT INTO sealed_heads(subject_id, head) SELECT subject_id, head FROM sealed_records;
        ALTER TABLE sealed_records DROP COLUMN head;
        CREATE INDEX idx_sealed_records_band ON sealed_records(band, version);
        """
    )


def check_version(db: Database) -> None:
    """Refuse a database that is no vault (no migration applied: an emptied
    file opens as an empty database) or one a newer version wrote."""
    from console.errors import DAMAGED_MESSAGE, VaultDamaged, VaultTooNew
    known = set(known_names())
    applied = {m.name for m in migrations.applied(db)}
    if not applied:
        raise VaultDamaged(_(DAMAGED_MESSAGE))
    if applied - known:
        raise VaultTooNew(_("This vault was written by a newer version of Governor's Console; "
                            "install that version to open it."))


def upgrade(db: Database) -> None:
    """Apply the pending migrations, each in its own transaction. Whatever
    goes wrong inside one (a driver error, a table not as it expects, text
    that does not parse), the transaction is rolled back and the person is
    told in one sentence; the copy taken just before is in the backups."""
    try:
        migrations.apply(db)
    except ConsoleError:
        raise
    except Exception:
        raise UpgradeFailed(_("The vault could not be brought up to this version of the console, "
                              "so it was left exactly as it was (a copy was also saved in its "
                              "backups folder); keep using the earlier version and report the "
                              "problem.")) from None
