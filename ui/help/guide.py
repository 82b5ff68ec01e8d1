"""Help › User guide: a short guide inside the console for governors and
deputies (and viewers), for the day-to-day work; the full documentation is
in the docs folder. Shown in a read-only browser; links only jump within it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setHtml(self.text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(720, 640)

    def text(self) -> str:
        return "".join((
            self.tr("<h2>Governor's Console: user guide</h2>"
                    "<p><a href='#everyone'>Everyone</a> · <a href='#governors'>Governors</a> "
                    "· <a href='#deputies'>Deputies</a> · <a href='#viewers'>Viewers</a></p>"),
            self.tr("<h3><a name='everyone'></a>Everyone</h3>"
                    "<ul><li><b>Sign in</b> as yourself: choose your name, type your "
                    "passphrase and press Enter. Nobody shares a passphrase.</li>"
                    "<li><b>Lock</b> with Ctrl+L when you leave the desk; the console also "
                    "locks itself when idle. Anything you were typing comes back when you "
                    "unlock.</li>"
                    "<li><b>The register</b> lists every subject with its risk and what needs "
                    "attention. Type in the search box to filter; press Down to move into "
                    "the list. Right-click a column heading to choose, move or reset the "
                    "columns; the console remembers your choice.</li>"
                    "<li><b>Opening a record</b> is recorded in the journal with a reason, "
                    "asked once per session. Change it with Subject › Reason for opening "
                    "(Ctrl+R).</li>"
                    "<li><b>Your passphrase</b>: Tools › Change my passphrase. Choose a few "
                    "unrelated words; the meter shows how hard it is to guess.</li>"
                    "<li>A command you may not use stays visible but greyed; rest the pointer "
                    "on it to see why.</li></ul>"),
            self.tr("<h3><a name='governors'></a>Governors</h3>"
                    "<ul><li><b>Add a subject</b> with File › New subject (Ctrl+N); the "
                    "cursor starts in the name. Dates are picked from a calendar; a review "
                    "date already past is pointed out before you save.</li>"
                    "<li><b>Reports</b> are graded 3x5x2. A report not referred within the "
                    "deadline is flagged in red until it is referred.</li>"
                    "<li><b>Brief headquarters</b> with File › Export briefing (Ctrl+E): "
                    "choose the subjects, press Preview and read the briefing before "
                    "anything is signed. Only Sign and save numbers it, signs it with your "
                    "certificate and counts it as the last briefing.</li>"
                    "<li><b>Deputies and viewers</b> are added and removed in Tools › "
                    "Users. HQ pins your certificate once: Tools › Users › Export my "
                    "certificate.</li>"
                    "<li><b>Records</b> holds the retention review queue, the consultation "
                    "journal, subject access requests and need-to-know restrictions.</li>"
                    "<li><b>Backups</b>: File › Backups keeps encrypted copies and restores "
                    "one after checking it.</li></ul>"),
            self.tr("<h3><a name='deputies'></a>Deputies</h3>"
                    "<ul><li><b>Measures</b>: choose the subject, then Subject › Add measure "
                    "(Ctrl+Shift+M), or Update measure on the Measures tab.</li>"
                    "<li><b>Log entries</b>: Ctrl+Shift+L from the register adds an entry to "
                    "the chosen subject's measure; type the note and press Enter. Entries "
                    "cannot be changed afterwards, only corrected by a new one.</li>"
                    "<li>Briefings, users and the Records menu are the governor's; ask the "
                    "governor when one is needed.</li></ul>"),
            self.tr("<h3><a name='viewers'></a>Viewers</h3>"
                    "<p>Viewers read the register and the records they may see; they change "
                    "nothing.</p>"),
            self.tr("<p>The full documentation, for IT officers and headquarters, is in the "
                    "docs folder of the installation.</p>")))

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> None:
        dialog = cls(parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
