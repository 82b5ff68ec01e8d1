"""The names of the files inside a vault folder."""

DB_FILE = "register.db"
LOCK_FILE = "vault.lock"
BACKUP_DIR = "backups"
