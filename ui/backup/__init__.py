"""Backups in the desktop console: the backup view (automatic backups, those
flagged for deletion), "Back up now…" and "Restore…"."""

from .actions import BackupActions, BackupRow, RestoreRequest
from .backup_dialog import BackupDialog
from .backups_model import BackupsModel
from .restore_prompt import RestorePrompt

__all__ = ["BackupActions", "BackupDialog", "BackupRow", "BackupsModel", "RestorePrompt",
           "RestoreRequest"]
