"""The storage room: the vault folder and everything on disk.

The encrypted database and its connection set-up, the lock file, key slots,
the schema and its migrations, users' rows and signing identities, the
vault's settings, file writes and snapshots (backups). Imports nothing from
the rooms above it (audit, records, lawful).
"""
