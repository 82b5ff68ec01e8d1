"""The HQ store: one schema (SQLAlchemy Core, migrated with Alembic) on an
encrypted SQLite file or a PostgreSQL database."""
