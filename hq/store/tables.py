"""The HQ store's tables, in SQLAlchemy Core: one schema for SQLite
(SQLCipher) and PostgreSQL.

Dates are ISO text ('YYYY-MM-DD'), times UTC ISO text ('...Z'), so both
stores return the same values and sort them the same way. What a briefing
says about each subject is kept as rows (subjects, reports, referrals) for
the national queries; the original file is identified by its SHA-256.

Alembic's migrations (``migrations/versions``) create exactly this; a test
compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

FP = String(95)        # SHA-256 fingerprint, 'AB:CD:...'
DATE = String(10)
TIME = String(32)
REF = String(40)

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),   # JSON
)

# A server store keeps its key slot here (a file store keeps it beside the
# database file, since the slot is what opens the file).
keyslot = Table(
    "keyslot", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("doc", Text, nullable=False),
)

identity = Table(
    "identity", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("cert_pem", Text, nullable=False),
    Column("key_nonce", LargeBinary, nullable=False),
    Column("key_ct", LargeBinary, nullable=False),
    Column("fingerprint", FP, nullable=False),
    Column("created_at", TIME, nullable=False),
)

establishments = Table(
    "establishments", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(200), nullable=False, unique=True),
    Column("vault_id", String(36), unique=True),   # bound at the first ingest
    Column("created_at", TIME, nullable=False),
)

certificates = Table(
    "certificates", metadata,
    Column("id", Integer, primary_key=True),
    Column("establishment_id", Integer, ForeignKey("establishments.id"), nullable=False),
    Column("fingerprint", FP, nullable=False, unique=True),
    Column("pem", Text, nullable=False),
    Column("subject", String(200), nullable=False),
    Column("pinned_at", TIME, nullable=False),
    Column("replaced_at", TIME),                    # null while current
    Index("ix_certificates_establishment", "establishment_id"),
)

briefings = Table(
    "briefings", metadata,
    Column("id", Integer, primary_key=True),
    Column("establishment_id", Integer, ForeignKey("establishments.id"), nullable=False),
    Column("number", REF, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("edition", String(16), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("full_register", Boolean, nullable=False),
    Column("generated_at", TIME, nullable=False),
    Column("period_start", DATE),
    Column("chain_entries", Integer, nullable=False),
    Column("chain_head", String(64), nullable=False),
    Column("previous_number", REF),
    Column("history", Text, nullable=False),        # JSON: earlier full-register heads
    Column("earlier_full", Integer, nullable=False),  # how many the history names
    Column("signer_fingerprint", FP, nullable=False),
    Column("received_at", TIME, nullable=False),
    Column("subjects", Integer, nullable=False),
    Column("open_subjects", Integer, nullable=False),
    Column("red", Integer, nullable=False),
    Column("unreferred", Integer, nullable=False),      # past HQ's deadline when made
    Column("unacknowledged", Integer, nullable=False),
    UniqueConstraint("establishment_id", "number", name="uq_briefings_number"),
    Index("ix_briefings_continuity", "establishment_id", "full_register", "chain_entries"),
    Index("ix_briefings_time", "establishment_id", "generated_at"),
)

subjects = Table(
    "subjects", metadata,
    Column("id", Integer, primary_key=True),
    Column("briefing_id", Integer, ForeignKey("briefings.id"), nullable=False),
    Column("ref", REF, nullable=False),
    Column("staff_number", REF),
    Column("status", String(24), nullable=False),
    Column("open", Boolean, nullable=False),
    Column("categories", String(300), nullable=False),  # comma-separated keys
    Column("likelihood", SmallInteger, nullable=False),
    Column("impact", SmallInteger, nullable=False),
    Column("band", String(8), nullable=False),
    Column("residual_likelihood", SmallInteger, nullable=False),
    Column("residual_impact", SmallInteger, nullable=False),
    Column("residual_band", String(8), nullable=False),
    Column("suspended", Boolean, nullable=False),
    Column("restricted_duties", Boolean, nullable=False),
    Column("next_review", DATE),
    Column("flag_unreferred", Integer, nullable=False),
    Column("flag_unacknowledged", Integer, nullable=False),
    Column("flag_overdue_review", Boolean, nullable=False),
    Column("flag_overdue_measures", Integer, nullable=False),
    Column("measures_total", Integer, nullable=False),
    Column("measures_overdue", Integer, nullable=False),
    Column("next_measure_review", DATE),
    Index("ix_subjects_briefing", "briefing_id"),
)

reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("briefing_id", Integer, ForeignKey("briefings.id"), nullable=False),
    Column("subject_ref", REF, nullable=False),
    Column("received_on", DATE, nullable=False),
    Column("type", String(24), nullable=False),
    Column("grading", String(3), nullable=False),
    Column("referred", Boolean, nullable=False),
    Column("referred_on", DATE),
    Index("ix_reports_briefing", "briefing_id"),
)

referrals = Table(
    "referrals", metadata,
    Column("id", Integer, primary_key=True),
    Column("briefing_id", Integer, ForeignKey("briefings.id"), nullable=False),
    Column("subject_ref", REF, nullable=False),
    Column("target", String(16), nullable=False),
    Column("referred_on", DATE, nullable=False),
    Column("acknowledged_on", DATE),
    Index("ix_referrals_briefing", "briefing_id"),
)

# Where each staff number has appeared (full-edition briefings only), kept at
# ingest so the overlap list never scans every subject row.
staff_seen = Table(
    "staff_seen", metadata,
    Column("staff_number", REF, primary_key=True),
    Column("establishment_id", Integer, ForeignKey("establishments.id"), primary_key=True),
    Column("first_seen", TIME, nullable=False),
    Column("last_seen", TIME, nullable=False),
    Column("last_ref", REF, nullable=False),
    Column("last_number", REF, nullable=False),
)

refusals = Table(
    "refusals", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", TIME, nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("sha256", String(64)),
    Column("establishment_id", Integer, ForeignKey("establishments.id")),
    Column("kind", String(32), nullable=False),
    Column("sentence", Text, nullable=False),
    Index("ix_refusals_establishment", "establishment_id", "at"),
)
