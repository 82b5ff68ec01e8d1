"""Help › About: the console's version, the software it is built with and
their licences, and where this computer keeps the vault, the settings and
the error log.

The licence list is read from the installed packages' own metadata (the
console's declared dependencies), so it cannot fall behind an upgrade; the
parts built into them that carry no metadata of their own are named from
``NOT_IN_METADATA`` (the frozen build's ``licences`` folder holds the texts).
Nothing here reads the vault: only its folder is shown.
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import console

DISTRIBUTION = "governors-console"
# (component, licence) for what is compiled into a package without its own metadata.
NOT_IN_METADATA = (("SQLCipher (in sqlcipher3)", "BSD-style (SQLCipher)"),
                   ("OpenSSL libcrypto (in sqlcipher3)", "Apache-2.0"),
                   ("Noto Sans and Noto Naskh Arabic fonts", "OFL-1.1"))
_DEFAULT_DEPENDENCIES = ("PySide6-Essentials", "pypdfium2", "sqlcipher3", "sqlite-utils",
                         "argon2-cffi", "cryptography", "keyring", "reportlab", "pyhanko",
                         "platformdirs", "jsonschema", "jsonschema-rs", "sqlalchemy",
                         "alembic", "psycopg")


def _licence(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    for classifier in meta.get_all("Classifier") or ():
        if classifier.startswith("License :: OSI Approved :: "):
            return classifier.rsplit(" :: ", 1)[1].replace(" License", "")
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:60] if text else "—"


def components() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each package the console depends on."""
    from importlib import metadata
    try:
        wanted = [re.split(r"[<>=!;\[ ]", r, maxsplit=1)[0]
                  for r in metadata.requires(DISTRIBUTION) or () if "extra ==" not in r]
    except metadata.PackageNotFoundError:
        wanted = list(_DEFAULT_DEPENDENCIES)
    out = []
    for name in wanted:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        out.append((meta.get("Name") or name, meta.get("Version") or "", _licence(meta)))
    out.sort(key=lambda c: c[0].casefold())
    return out + [(name, "", licence) for name, licence in NOT_IN_METADATA]


class AboutDialog(QDialog):
    def __init__(self, vault_path: Path | str, log_path: Path | str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Governor's Console"))
        self.setAccessibleName(self.tr("About Governor's Console"))
        title = QLabel(self.tr("Governor's Console %1").replace("%1", console.__version__),
                       self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("An encrypted register of staff suspected of corruption, the "
                               "measures against each threat, referrals, and signed "
                               "briefings for headquarters. It works without a network."),
                       self)
        intro.setWordWrap(True)
        runtime = QLabel(self.tr("Qt %1 · Python %2 · %3").replace("%1", qVersion()).replace(
            "%2", platform.python_version()).replace("%3", platform.system()), self)
        runtime.setObjectName("hint")
        self.places = QLabel(self)
        self.places.setTextFormat(Qt.TextFormat.PlainText)
        self.places.setWordWrap(True)
        self.places.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.places.setText("\n".join((
            self.tr("Vault: %1").replace("%1", str(vault_path)),
            self.tr("Settings (layout and preferences only): %1").replace(
                "%1", QSettings().fileName()),
            self.tr("Error log (no record data): %1").replace("%1", str(log_path)))))
        self.places.setAccessibleName(self.tr("Where files are kept"))
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Software used and its licences"))
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"),
                                              self.tr("Licence")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for row, cells in enumerate(components()):
            self.table.insertRow(row)
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("Qt and Qt for Python are used under the GNU LGPL version 3 and "
                              "may be replaced by compatible builds; the full licence texts "
                              "are in the licences folder beside the program."), self)
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (title, intro, runtime, self.places):
            lay.addWidget(w)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.resize(640, 560)

    @classmethod
    def ask(cls, vault_path, log_path, parent: QWidget | None = None) -> None:
        dialog = cls(vault_path, log_path, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
