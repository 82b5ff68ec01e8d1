"""Exporting a signed briefing: the options dialog, the job and the preview."""

from .export_dialog import ExportDialog
from .options import ExportOptions

__all__ = ["ExportDialog", "ExportOptions"]
