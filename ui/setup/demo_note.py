"""The note shown when the demo vault has been built: who its users are and
their passphrase (the demo's data is fictional, so its passphrase is known)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout


class DemoNote(QDialog):
    def __init__(self, passphrases: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Demo vault ready")
        rows = "".join(f"<tr><td><b>{escape(u)}</b>&nbsp;&nbsp;</td><td><code>{escape(p)}"
                       f"</code></td></tr>" for u, p in passphrases.items())
        self.text = QLabel(
            "<p>The demo vault (HMP Ashdown, fictional) is open as its governor. Each user "
            "signs in with the passphrase below:</p>"
            f"<table>{rows}</table><p>Sign in as a deputy to try the deputies' path.</p>")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, passphrases: dict[str, str]) -> None:
        dialog = cls(passphrases, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
