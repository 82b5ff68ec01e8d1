"""ReplicaBanner: the strip across the top of a replica's window saying that
this is a replica, for whom, and when the governor last refreshed it, with
Send changes… and Receive… beside it.

Blue while the replica is in date; amber, with the core's sentence saying
why and what to do, when it opens read-only (not refreshed in time, or the
computer's clock went back). The banner only shows what the core said
(``console.sync.replica.ReplicaStatus``); it decides nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from console.text import shown

IN_DATE = "#replicaBanner { background: #e8f1fb; border-bottom: 2px solid #1565c0; }"
STALE = "#replicaBanner { background: #fff4e0; border-bottom: 2px solid #e65100; }"


class ReplicaBanner(QFrame):
    send_requested = Signal()
    receive_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replicaBanner")
        self.setStyleSheet(IN_DATE)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(self.tr("Replica"))
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(240)
        self.send_button = QPushButton(self.tr("Send changes…"), self)
        self.send_button.clicked.connect(self.send_requested.emit)
        self.receive_button = QPushButton(self.tr("Receive…"), self)
        self.receive_button.clicked.connect(self.receive_requested.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.receive_button)

    def show_status(self, status, establishment: str = "", person: str = "") -> None:
        """Say what ``status`` (a ``ReplicaStatus``) says; ``person`` is the
        user's name as shown (their user name by default)."""
        if status.days == 0:
            ago = self.tr("today")
        elif status.days == 1:
            ago = self.tr("yesterday")
        else:
            ago = self.tr("%n days ago", "", status.days)
        where = shown(establishment, one_line=True) if establishment else self.tr("the vault")
        pending = self.tr("%n change(s)", "", status.pending)
        text = self.tr("This is a replica of %1's register for %2, not the governor's vault. "
                       "Last synchronised with the governor on %3 (%4); %5 not yet "
                       "sent or not yet taken in.").replace("%1", where).replace(
            "%2", shown(person or status.user, one_line=True)).replace(
            "%3", status.last_sync[:10]).replace("%4", ago).replace("%5", pending)
        if status.read_only:
            text += " " + shown(status.read_only, one_line=True)
        self.text.setText(text)
        self.setStyleSheet(STALE if status.read_only else IN_DATE)

    @property
    def stale(self) -> bool:
        return self.styleSheet() == STALE
