"""The export dialog's two pages: what goes in the briefing, and the
briefing itself (the preview, where it will be saved, and after signing who
signed it and where it is). Widgets only: the dialog (``export_dialog``)
runs the work and moves between them.

The preview is shown from memory (``widgets.pdf_pane``): an unsigned
briefing is never written to disk, not even to a temporary file.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_label

from ..widgets.passphrase_edit import PassphraseEdit
from ..widgets.pdf_pane import PdfPane
from .options import DEFAULT_DISTRIBUTION, SCOPES


class OptionsPage(QWidget):
    """Subjects, names, password and distribution."""

    def __init__(self, refs, last_briefing, signer: str, parent=None):
        super().__init__(parent)
        scope_box = QGroupBox(self.tr("Subjects"), self)
        scope_lay = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for key, label in SCOPES:
            label = self.tr(label)
            if key == "selected":
                label += f" ({len(refs)})"
            if key == "since_last" and last_briefing:
                label += f" ({last_briefing})"
            b = QRadioButton(label, scope_box)
            self.scope_buttons[key] = b
            self.scope_group.addButton(b)
            scope_lay.addWidget(b)
        self.scope_buttons["all"].setChecked(True)
        if not refs:
            self.scope_buttons["selected"].setEnabled(False)
            self.scope_buttons["selected"].setToolTip(
                self.tr("Select subjects in the register first."))

        language_box = QGroupBox(self.tr("Language of the briefing"), self)
        language_lay = QVBoxLayout(language_box)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        for key, label in (("en", self.tr("&English")), ("cy", self.tr("C&ymraeg")),
                           ("both", self.tr("&Bilingual: Cymraeg first, then English"))):
            b = QRadioButton(label, language_box)
            self.language_buttons[key] = b
            self.language_group.addButton(b)
            language_lay.addWidget(b)
        from ui import i18n
        self.language_buttons["cy" if i18n.language() == "cy" else "en"].setChecked(True)
        language_box.setToolTip(self.tr("OFFICIAL-SENSITIVE is printed in English on every "
                                        "page, with SWYDDOGOL-SENSITIF beside it on Welsh "
                                        "and bilingual pages."))

        names_box = QGroupBox(self.tr("Names"), self)
        names_lay = QVBoxLayout(names_box)
        self.named = QRadioButton(self.tr("Named: staff names as in the register"), names_box)
        self.pseudonymised = QRadioButton(
            self.tr("Pseudonymised: references only, names and staff numbers left out"),
            names_box)
        self.named.setChecked(True)
        names_lay.addWidget(self.named)
        names_lay.addWidget(self.pseudonymised)

        form = QFormLayout()
        self.password_box = QCheckBox(self.tr("Protect the PDF with a password"), self)
        self.password = PassphraseEdit(self, self.tr("Password"))
        self.confirm = PassphraseEdit(self, self.tr("Confirm password"))
        for edit in (self.password, self.confirm):
            edit.setEnabled(False)
            self.password_box.toggled.connect(edit.setEnabled)
        self.distribution = QLineEdit(DEFAULT_DISTRIBUTION, self)
        self.distribution.setAccessibleName(self.tr("Distribution"))
        form.addRow(self.password_box)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("C&onfirm:"), self.confirm)
        form.addRow(self.tr("&Distribution:"), self.distribution)
        note = QLabel(self.tr("Preview shows the briefing, marked OFFICIAL-SENSITIVE, before "
                              "anything is signed. Only Sign and save gives it its number, "
                              "signs it with the certificate of %1 and counts it as the last "
                              "briefing.").replace("%1", signer or self.tr("the signed-in "
                                                                            "user")), self)
        note.setWordWrap(True)
        self.error_label = error_label(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scope_box)
        lay.addWidget(language_box)
        lay.addWidget(names_box)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error_label)
        lay.addStretch(1)

    def scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def language(self) -> str:
        """"en", "cy" or "both" (bilingual, Welsh first)."""
        return next(k for k, b in self.language_buttons.items() if b.isChecked())


class BriefingPage(QWidget):
    """The briefing on screen, the file to save it to, and the outcome."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = PdfPane(self, self.tr("Briefing preview"))
        self.document = self.view.document
        self.view.setMinimumHeight(300)
        self.state = QLabel(self)
        self.state.setObjectName("previewState")
        self.state.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Save to"))
        self.path_edit.setPlaceholderText(self.tr("You choose where when you sign"))
        self.browse_button = QPushButton(self.tr("B&rowse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose where to save"))
        self.cloud_note = QLabel(self)
        self.cloud_note.setWordWrap(True)
        self.cloud_note.setStyleSheet("color: #9a5b00;")
        self.cloud_note.hide()
        self.error_label = error_label(self)
        self.done_label = QLabel(self)
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.done_label.hide()
        save_label = QLabel(self.tr("&Save to:"), self)
        save_label.setBuddy(self.path_edit)
        self.save_row = QWidget(self)
        row = QHBoxLayout(self.save_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(save_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.state)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.save_row)
        lay.addWidget(self.cloud_note)
        lay.addWidget(self.error_label)
        lay.addWidget(self.done_label)

    def show_pdf(self, pdf: bytes, password: str = "") -> None:
        self.view.show_pdf(pdf, password)

    def show_file(self, path: str, password: str = "") -> None:
        self.view.show_file(path, password)

    def clear(self) -> None:
        self.view.clear()

    def show_done(self, result) -> None:
        """Who signed it and where it was saved."""
        pages = self.tr("%n page(s)", "", int(result.pages))
        subjects = self.tr("%n subject(s)", "", int(result.subjects))
        self.done_label.setText(
            self.tr("<b>Signed</b> by %1 and saved to <b>%2</b>.").replace(
                "%1", escape(str(result.signer))).replace("%2", escape(str(result.path)))
            + "<br>" + self.tr("Certificate fingerprint (SHA-256): %1").replace(
                "%1", f"<tt>{escape(str(result.fingerprint))}</tt>")
            + "<br>" + self.tr("Reference %1 · %2 · %3").replace(
                "%1", escape(str(result.reference))).replace("%2", subjects).replace(
                "%3", pages)
            + "<br>" + self.tr("File SHA-256: %1").replace(
                "%1", f"<tt>{escape(str(result.sha256))}</tt>"))
        self.done_label.show()
        self.save_row.hide()
        self.cloud_note.hide()
        self.error_label.hide()
