"""Where the console saves what it exports (briefings, access packs, the
journal, certificates): the last folder this user saved in, asked for the
first time, never a cloud-synchronised folder unless the user chose it.

Rules:
- The folder is remembered per user in the settings file; it is a place on
  this computer, never record data (file names are not remembered).
- With no folder remembered (or it has gone), ``suggested`` gives None and
  the caller asks with ``ask``, which opens in the Documents folder, or the
  home folder when Documents is itself synchronised (Windows moves it into
  OneDrive).
- ``cloud_service(path)`` names the service that synchronises a folder
  (OneDrive, Dropbox, iCloud Drive, Google Drive), so a dialog can say that
  the file will leave this computer; a folder the user picks in the file
  dialog is theirs to choose, and is remembered like any other.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate
SETTING = "files/last_folder"

# Folder names (compared without case) that synchronised services create.
_NAMED = (("onedrive", "OneDrive"), ("dropbox", "Dropbox"), ("icloud drive", "iCloud Drive"),
          ("iclouddrive", "iCloud Drive"), ("com~apple~clouddocs", "iCloud Drive"),
          ("google drive", "Google Drive"), ("googledrive", "Google Drive"),
          ("my drive", "Google Drive"))
# Environment variables Windows sets to the OneDrive folders.
_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def cloud_service(path: Path | str) -> str | None:
    """The synchronising service a folder belongs to, or None."""
    parts = [p.casefold() for p in PurePath(path).parts]
    for part in parts:
        for name, service in _NAMED:
            if part == name or part.startswith(name + " - ") or part.startswith(name + "-"):
                return service
    if "cloudstorage" in parts:        # macOS: ~/Library/CloudStorage/<Provider>-<account>
        i = parts.index("cloudstorage")
        provider = parts[i + 1] if i + 1 < len(parts) else ""
        for name, service in _NAMED:
            if provider.startswith(name.replace(" ", "")):
                return service
        return "a cloud service"
    if "mobile documents" in parts:    # macOS: ~/Library/Mobile Documents (iCloud)
        return "iCloud Drive"
    text = str(path).casefold()
    for var in _ENV:
        root = os.environ.get(var, "")
        if root and (text == root.casefold() or text.startswith(root.casefold().rstrip("\\/")
                                                                 + os.sep)):
            return "OneDrive"
    return None


def safe_start_folder() -> Path:
    """Where the file dialog opens when nothing is remembered: Documents,
    unless it is synchronised or missing, then the home folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir() and cloud_service(docs) is None:
        return Path(docs)
    return Path.home()


class SaveLocation:
    """The remembered folder of one user."""

    def __init__(self, settings, user: str):
        self.settings = settings
        self.user = user or ""

    def remembered(self) -> Path | None:
        if self.settings is None or not self.user:
            return None
        text = self.settings.get_for(SETTING, self.user)
        return Path(text) if text and Path(text).is_dir() else None

    def suggested(self, file_name: str) -> Path | None:
        """The remembered folder with ``file_name``, or None: ask first."""
        folder = self.remembered()
        return folder / file_name if folder is not None else None

    def remember(self, path: Path | str) -> None:
        folder = Path(path).expanduser().parent
        if self.settings is not None and self.user and folder.is_dir():
            self.settings.set_for(SETTING, self.user, str(folder))

    def ask(self, parent: QWidget | None, title: str, file_name: str,
            filters: str) -> Path | None:
        """The save dialog, opened in the remembered folder (or a safe one)."""
        start = self.remembered() or safe_start_folder()
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start / file_name), filters)
        return Path(chosen) if chosen else None


def cloud_note(path: Path | str) -> str:
    """One sentence when ``path`` is in a synchronised folder, else ""."""
    service = cloud_service(Path(path).parent)
    if service is None:
        return ""
    return translate("SaveLocation", "This folder is synchronised with %1: the file will be "
                     "copied off this computer.").replace("%1", service)


def open_folder(path: Path | str) -> bool:
    """Show the folder holding ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
