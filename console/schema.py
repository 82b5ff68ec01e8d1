"""The register's tables, as an ordered list of forward migrations.

Each migration runs once, in its own transaction, through sqlite-utils'
``Migrations``; ``Vault.open`` copies the vault to a backup before applying
any that are pending. Never edit a migration that has shipped: add a new one.
A vault that names a migration this program does not know was written by a
newer version and is refused rather than guessed at.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

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
