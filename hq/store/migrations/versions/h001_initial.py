"""The first HQ schema: settings, key slot, HQ's identity, establishments and
their pinned certificates, briefings with their subjects, reports and
referrals, where staff numbers were seen, and refused files.

Revision ID: h001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "h001"
down_revision = None
branch_labels = None
depends_on = None

FP = sa.String(95)
DATE = sa.String(10)
TIME = sa.String(32)
REF = sa.String(40)


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String(64), primary_key=True),
                    sa.Column("value", sa.Text, nullable=False))
    op.create_table("keyslot", sa.Column("id", sa.Integer, primary_key=True,
                                         autoincrement=False),
                    sa.Column("doc", sa.Text, nullable=False))
    op.create_table("identity",
                    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("cert_pem", sa.Text, nullable=False),
                    sa.Column("key_nonce", sa.LargeBinary, nullable=False),
                    sa.Column("key_ct", sa.LargeBinary, nullable=False),
                    sa.Column("fingerprint", FP, nullable=False),
                    sa.Column("created_at", TIME, nullable=False))
    op.create_table("establishments",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("label", sa.String(200), nullable=False, unique=True),
                    sa.Column("vault_id", sa.String(36), unique=True),
                    sa.Column("created_at", TIME, nullable=False))
    op.create_table("certificates",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("establishment_id", sa.Integer,
                              sa.ForeignKey("establishments.id"), nullable=False),
                    sa.Column("fingerprint", FP, nullable=False, unique=True),
                    sa.Column("pem", sa.Text, nullable=False),
                    sa.Column("subject", sa.String(200), nullable=False),
                    sa.Column("pinned_at", TIME, nullable=False),
                    sa.Column("replaced_at", TIME))
    op.create_index("ix_certificates_establishment", "certificates", ["establishment_id"])
    op.create_table("briefings",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("establishment_id", sa.Integer,
                              sa.ForeignKey("establishments.id"), nullable=False),
                    sa.Column("number", REF, nullable=False),
                    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
                    sa.Column("edition", sa.String(16), nullable=False),
                    sa.Column("scope", sa.String(16), nullable=False),
                    sa.Column("full_register", sa.Boolean, nullable=False),
                    sa.Column("generated_at", TIME, nullable=False),
                    sa.Column("period_start", DATE),
                    sa.Column("chain_entries", sa.Integer, nullable=False),
                    sa.Column("chain_head", sa.String(64), nullable=False),
                    sa.Column("previous_number", REF),
                    sa.Column("history", sa.Text, nullable=False),
                    sa.Column("earlier_full", sa.Integer, nullable=False),
                    sa.Column("signer_fingerprint", FP, nullable=False),
                    sa.Column("received_at", TIME, nullable=False),
                    sa.Column("subjects", sa.Integer, nullable=False),
                    sa.Column("open_subjects", sa.Integer, nullable=False),
                    sa.Column("red", sa.Integer, nullable=False),
                    sa.Column("unreferred", sa.Integer, nullable=False),
                    sa.Column("unacknowledged", sa.Integer, nullable=False),
                    sa.UniqueConstraint("establishment_id", "number",
                                        name="uq_briefings_number"))
    op.create_index("ix_briefings_continuity", "briefings",
                    ["establishment_id", "full_register", "chain_entries"])
    op.create_index("ix_briefings_time", "briefings", ["establishment_id", "generated_at"])
    op.create_table("subjects",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id"),
                              nullable=False),
                    sa.Column("ref", REF, nullable=False),
                    sa.Column("staff_number", REF),
                    sa.Column("status", sa.String(24), nullable=False),
                    sa.Column("open", sa.Boolean, nullable=False),
                    sa.Column("categories", sa.String(300), nullable=False),
                    sa.Column("likelihood", sa.SmallInteger, nullable=False),
                    sa.Column("impact", sa.SmallInteger, nullable=False),
                    sa.Column("band", sa.String(8), nullable=False),
                    sa.Column("residual_likelihood", sa.SmallInteger, nullable=False),
                    sa.Column("residual_impact", sa.SmallInteger, nullable=False),
                    sa.Column("residual_band", sa.String(8), nullable=False),
                    sa.Column("suspended", sa.Boolean, nullable=False),
                    sa.Column("restricted_duties", sa.Boolean, nullable=False),
                    sa.Column("next_review", DATE),
                    sa.Column("flag_unreferred", sa.Integer, nullable=False),
                    sa.Column("flag_unacknowledged", sa.Integer, nullable=False),
                    sa.Column("flag_overdue_review", sa.Boolean, nullable=False),
                    sa.Column("flag_overdue_measures", sa.Integer, nullable=False),
                    sa.Column("measures_total", sa.Integer, nullable=False),
                    sa.Column("measures_overdue", sa.Integer, nullable=False),
                    sa.Column("next_measure_review", DATE))
    op.create_index("ix_subjects_briefing", "subjects", ["briefing_id"])
    op.create_table("reports",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id"),
                              nullable=False),
                    sa.Column("subject_ref", REF, nullable=False),
                    sa.Column("received_on", DATE, nullable=False),
                    sa.Column("type", sa.String(24), nullable=False),
                    sa.Column("grading", sa.String(3), nullable=False),
                    sa.Column("referred", sa.Boolean, nullable=False),
                    sa.Column("referred_on", DATE))
    op.create_index("ix_reports_briefing", "reports", ["briefing_id"])
    op.create_table("referrals",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("briefing_id", sa.Integer, sa.ForeignKey("briefings.id"),
                              nullable=False),
                    sa.Column("subject_ref", REF, nullable=False),
                    sa.Column("target", sa.String(16), nullable=False),
                    sa.Column("referred_on", DATE, nullable=False),
                    sa.Column("acknowledged_on", DATE))
    op.create_index("ix_referrals_briefing", "referrals", ["briefing_id"])
    op.create_table("staff_seen",
                    sa.Column("staff_number", REF, primary_key=True),
                    sa.Column("establishment_id", sa.Integer,
                              sa.ForeignKey("establishments.id"), primary_key=True),
                    sa.Column("first_seen", TIME, nullable=False),
                    sa.Column("last_seen", TIME, nullable=False),
                    sa.Column("last_ref", REF, nullable=False),
                    sa.Column("last_number", REF, nullable=False))
    op.create_table("refusals",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("at", TIME, nullable=False),
                    sa.Column("file_name", sa.String(255), nullable=False),
                    sa.Column("sha256", sa.String(64)),
                    sa.Column("establishment_id", sa.Integer,
                              sa.ForeignKey("establishments.id")),
                    sa.Column("kind", sa.String(32), nullable=False),
                    sa.Column("sentence", sa.Text, nullable=False))
    op.create_index("ix_refusals_establishment", "refusals", ["establishment_id", "at"])


def downgrade() -> None:
    for name in ("refusals", "staff_seen", "referrals", "reports", "subjects", "briefings",
                 "certificates", "establishments", "identity", "keyslot", "meta"):
        op.drop_table(name)
