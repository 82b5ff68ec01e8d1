"""The note shown when the demo vault has been built: who its users are, what
each may do, and their passphrase (the demo's data is fictional, so its
passphrase is known).

The people and their roles come from the demo itself
(``console.demo.build.USERS``), so the note cannot name someone the demo
did not make.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from console.audit.roles import ROLES


def _people(passphrases: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    """(sign-in name, name, job title, role, passphrase) for each demo user."""
    from console.demo.build import USERS
    known = {name: (display, role, title) for name, display, role, title in USERS}
    out = []
    for user, passphrase in passphrases.items():
        display, role, title = known.get(user, (user, "", ""))
        out.append((user, display, title, role, passphrase))
    return out


class DemoNote(QDialog):
    def __init__(self, passphrases: dict[str, str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Demo vault ready"))
        self.people = _people(passphrases)
        head = (self.tr("Name"), self.tr("Role"), self.tr("Signs in as"), self.tr("Passphrase"))
        rows = "".join(
            "<tr>" + "".join(f"<td>{cell}&nbsp;&nbsp;</td>" for cell in (
                f"<b>{escape(display)}</b>" + (f"<br><small>{escape(title)}</small>"
                                                if title else ""),
                escape(ROLES.label(role)) if role else "",
                f"<code>{escape(user)}</code>", f"<code>{escape(passphrase)}</code>"))
            + "</tr>" for user, display, title, role, passphrase in self.people)
        header = "<tr>" + "".join(f"<th align='left'>{escape(h)}&nbsp;&nbsp;</th>"
                                  for h in head) + "</tr>"
        self.text = QLabel(
            "<p>" + escape(self.tr("The demo vault (HMP Ashdown, fictional) is open as its "
                                   "governor. Each person signs in as themselves, with the "
                                   "passphrase below:")) + "</p>"
            f"<table cellspacing='4'>{header}{rows}</table><p>"
            + escape(self.tr("Lock (Ctrl+L) and sign in as a deputy to try the deputies' "
                             "path, or as the viewer to see what a viewer may not do."))
            + "</p>")
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
