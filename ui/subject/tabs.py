"""The tabs of the subject panel. Each shows part of one ``SubjectRecord``
snapshot and emits ``..._requested`` intents; none of them loads or saves.

The full text of a report is never shown in a list: only after a click on
"Show full text", and it is hidden again when another report is chosen.
Free text is shown as everywhere else (``console.text.shown``), and labels
holding it are plain text, never markup.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.records.model import (
    AIMS,
    CATEGORIES,
    EMPLOYMENT,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    OUTCOMES,
    RAG,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    STATUSES,
    SubjectRecord,
)
from console.text import shown

from ..register.register_model import flag_labels
from ..tables import fit_columns, readonly_rows
from ..widgets.flow_layout import FlowLayout
from .risk_matrix import RiskMatrix
from .snapshot_model import SnapshotModel


def table(model, name: str, stretch: tuple[int, ...],
          give_way: tuple[int, ...] = ()) -> QTableView:
    """A read-only list fitted to the panel's width (``stretch``: its text
    columns; ``give_way``: those left out first when the panel is narrow),
    so nothing needs scrolling sideways."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    readonly_rows(view)
    return fit_columns(view, stretch, give_way)


def button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    return b


def actions_row(*buttons) -> QWidget:
    """The tab's buttons, wrapping onto a second line in a narrow panel."""
    host = QWidget()
    row = FlowLayout(host)
    for b in buttons:
        row.addWidget(b)
    return host


class ProfileTab(QWidget):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (("ref", self.tr("Reference")), ("name", self.tr("Name")), ("staff", self.tr("Staff number")),
                           ("role", self.tr("Role")), ("location", self.tr("Location")),
                           ("employment", self.tr("Employment")), ("start", self.tr("Start date")),
                           ("status", self.tr("Status")), ("side", self.tr("Also")),
                           ("categories", self.tr("Categories")), ("owner", self.tr("Owner")),
                           ("review", self.tr("Next review")), ("flags", self.tr("Needs attention"))):
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)   # a name is never markup
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.fields[key] = value
            form.addRow(f"{label}:", value)
        self.notes = QPlainTextEdit(readOnly=True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMaximumHeight(110)
        form.addRow(self.tr("Notes:"), self.notes)
        self.edit_button = button(self.tr("&Edit profile…"), self.tr("Edit profile"))
        self.status_button = button(self.tr("Change &status…"), self.tr("Change status"))
        self.delete_button = button(self.tr("Delete…"), self.tr("Delete subject"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(actions_row(self.edit_button, self.status_button, self.delete_button))
        layout.addStretch(1)

    def show_record(self, rec: SubjectRecord) -> None:
        s, f = rec.subject, self.fields
        f["ref"].setText(s.ref)
        f["name"].setText(shown(s.name, one_line=True))
        f["staff"].setText(shown(s.staff_number, one_line=True) or "—")
        f["role"].setText(shown(s.role, one_line=True) or "—")
        f["location"].setText(shown(s.location, one_line=True) or "—")
        f["employment"].setText(EMPLOYMENT.label(s.employment_type))
        f["start"].setText(s.start_date.isoformat() if s.start_date else "—")
        status = STATUSES.label(s.status)
        if s.outcome:
            status += f" — {OUTCOMES.label(s.outcome)}"
        f["status"].setText(status)
        side = [t for t, on in ((self.tr("suspended"), s.suspended),
                                (self.tr("on restricted duties"), s.restricted_duties)) if on]
        f["side"].setText(", ".join(side) or "—")
        f["categories"].setText("\n".join(CATEGORIES.label(c) for c in s.categories) or "—")
        f["owner"].setText(shown(s.owner, one_line=True) or "—")
        f["review"].setText(s.next_review.isoformat() if s.next_review else "—")
        flags = flag_labels(rec.flags)
        f["flags"].setText(", ".join(flags) if flags else self.tr("Nothing overdue"))
        f["flags"].setStyleSheet("color: #c62828; font-weight: 600;" if flags else "")
        self.notes.setPlainText(shown(s.notes))


class AssessmentTab(QWidget):
    def __init__(self):
        super().__init__()
        self.matrix = RiskMatrix()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.assess_button = button(self.tr("&Reassess…"), self.tr("Change threat assessment"))
        legend = QLabel(self.tr("● inherent risk   ○ residual risk (with measures in force)\n"
                        "Likelihood runs up, impact along the bottom."))
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.matrix, 0, Qt.AlignmentFlag.AlignTop)
        layout.addSpacing(16)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(legend)
        right.addWidget(actions_row(self.assess_button))
        right.addStretch(1)
        layout.addLayout(right, 1)

    def show_record(self, rec: SubjectRecord) -> None:
        s = rec.subject
        self.matrix.set_points((s.likelihood, s.impact),
                               (s.residual_likelihood, s.residual_impact))
        line = self.tr("likelihood %1 × impact %2 = %3 (%4)")

        def filled(lk, im, score, band) -> str:
            return (line.replace("%1", str(lk)).replace("%2", str(im))
                    .replace("%3", str(score)).replace("%4", band))
        self.summary.setText(
            "<b>" + self.tr("Inherent:") + "</b> "
            + filled(s.likelihood, s.impact, s.score, RAG.label(rec.rag)) + "<br><b>"
            + self.tr("Residual:") + "</b> "
            + filled(s.residual_likelihood, s.residual_impact, s.residual_score,
                     RAG.label(rec.residual_rag)))


class ReportsTab(QWidget):
    """Reports with their grading; full text only after a click."""

    def __init__(self):
        super().__init__()
        self.model = SnapshotModel((
            (self.tr("Received"), lambda r: r.received_on), (self.tr("Type"), lambda r: REPORT_TYPES.label(r.type)),
            (self.tr("Grading"), lambda r: r.grading),
            (self.tr("Referred"), lambda r: self.tr("yes") if r.referred else
             (self.tr("OVERDUE") if r.unreferred_overdue else self.tr("not yet"))),
            (self.tr("Summary"), lambda r: r.summary.splitlines()[0] if r.summary else "")), self)
        self.view = table(self.model, self.tr("Reports"), stretch=(1, 4))
        self.show_button = button(self.tr("Show &full text"), self.tr("Show full text"))
        self.show_button.setCheckable(True)
        self.full_text = QPlainTextEdit(readOnly=True)
        self.full_text.setAccessibleName(self.tr("Full text of the report"))
        self.full_text.setVisible(False)
        self.add_button = button(self.tr("&Add report…"), self.tr("Add report"))
        self.refer_button = button(self.tr("&Refer…"), self.tr("Refer this report"))
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.full_text)
        layout.addWidget(split)
        layout.addWidget(actions_row(self.add_button, self.refer_button, self.show_button))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.hide_text())
        self.show_button.toggled.connect(self._toggle)

    def show_record(self, rec: SubjectRecord) -> None:
        self.hide_text()
        self.model.set_items(rec.reports)

    def current(self):
        idx = self.view.currentIndex()
        return self.model.item(idx.row()) if idx.isValid() else None

    def _toggle(self, on: bool) -> None:
        report = self.current()
        if on and report is None and self.model.rowCount():
            self.view.selectRow(0)
            report = self.current()
            self.show_button.setChecked(True)
        if on and report is not None:
            self.full_text.setPlainText(
                self.tr("(the full text is not shown to your role)") if report.full_text_withheld
                else shown(report.full_text) or self.tr("(no full text recorded)"))
            self.full_text.setVisible(True)
            self.show_button.setText(self.tr("Hide &full text"))
        else:
            self.hide_text()

    def hide_text(self) -> None:
        self.full_text.clear()
        self.full_text.setVisible(False)
        self.show_button.blockSignals(True)
        self.show_button.setChecked(False)
        self.show_button.blockSignals(False)
        self.show_button.setText(self.tr("Show &full text"))


class ReferralsTab(QWidget):
    def __init__(self):
        super().__init__()
        self.model = SnapshotModel((
            (self.tr("Referred"), lambda f: f.referred_on),
            (self.tr("To"), lambda f: REFERRAL_TARGETS.label(f.target)),
            (self.tr("Report"), lambda f: f"#{f.report_id}" if f.report_id else self.tr("whole subject")),
            (self.tr("Their ref."), lambda f: f.reference),
            (self.tr("Acknowledged"), lambda f: f.acknowledged_on or
             (self.tr("OVERDUE") if f.unacknowledged_overdue else self.tr("awaited"))),
            (self.tr("Next chase"), lambda f: f.next_chase or ""), (self.tr("Outcome"), lambda f: f.outcome)),
            self)
        self.view = table(self.model, self.tr("Referrals"), stretch=(1, 3, 6), give_way=(2, 5, 3))
        self.add_button = button(self.tr("&Record referral…"), self.tr("Record referral"))
        self.ack_button = button(self.tr("Mark &acknowledged today"), self.tr("Mark referral acknowledged"))
        self.update_button = button(self.tr("&Update referral…"), self.tr("Update the chosen referral"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(actions_row(self.add_button, self.ack_button, self.update_button))

    def show_record(self, rec: SubjectRecord) -> None:
        # Like measures: keep the chosen referral, else choose the first one
        # awaiting acknowledgement, so "Mark acknowledged today" and "Update
        # referral" act on something instead of doing nothing.
        keep = self.current()
        self.model.set_items(rec.referrals)
        row = next((i for i, f in enumerate(rec.referrals) if keep and f.id == keep.id),
                   next((i for i, f in enumerate(rec.referrals)
                         if f.acknowledged_on is None), 0))
        if rec.referrals:
            self.view.selectRow(row)

    def current(self):
        idx = self.view.currentIndex()
        return self.model.item(idx.row()) if idx.isValid() else None


class MeasuresTab(QWidget):
    """Measures and, below, the append-only log of the chosen measure."""

    def __init__(self):
        super().__init__()
        self.model = SnapshotModel((
            (self.tr("Measure"), lambda m: MEASURE_TYPES.label(m.type)),
            (self.tr("Status"), lambda m: MEASURE_STATUSES.label(m.status)),
            (self.tr("Review due"), lambda m: f"{m.review_due} " + self.tr("OVERDUE") if m.overdue
             else (m.review_due or "")), (self.tr("Log"), lambda m: len(m.log)),
            (self.tr("Aim"), lambda m: AIMS.label(m.aim)), (self.tr("Started"), lambda m: m.start_on or ""),
            (self.tr("Owner"), lambda m: m.owner)), self,
            tooltip=lambda m, c: m.details or None)
        self.view = table(self.model, self.tr("Measures"), stretch=(0, 6), give_way=(4, 5, 3))
        self.log_model = SnapshotModel((
            (self.tr("When"), lambda e: e.at[:16].replace("T", " ")), (self.tr("By"), lambda e: e.by_user),
            (self.tr("Entry"), lambda e: (self.tr("[corrects #%1] ").replace("%1", str(e.corrects))
                                     if e.corrects else "") + e.text)),
            self, tooltip=lambda e, c: e.text if c == 2 else None)
        self.log_view = table(self.log_model, self.tr("Log of the chosen measure"), stretch=(2,))
        self.add_button = button(self.tr("Add &measure…"), self.tr("Add measure"))
        self.update_button = button(self.tr("&Update measure…"), self.tr("Update the chosen measure"))
        self.log_button = button(self.tr("Add &log entry…"), self.tr("Add log entry"))
        self.log_button.setToolTip(self.tr("Add a log entry to the chosen measure (Ctrl+Shift+L)"))
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.log_view)
        layout.addWidget(split)
        layout.addWidget(actions_row(self.add_button, self.update_button, self.log_button))
        self.view.selectionModel().currentRowChanged.connect(self._show_log)

    def show_record(self, rec: SubjectRecord) -> None:
        keep = self.current()
        self.model.set_items(rec.measures)
        row = next((i for i, m in enumerate(rec.measures) if keep and m.id == keep.id),
                   next((i for i, m in enumerate(rec.measures) if m.status != "ended"), 0))
        if rec.measures:
            self.view.selectRow(row)
        self._show_log()

    def current(self):
        idx = self.view.currentIndex()
        return self.model.item(idx.row()) if idx.isValid() else None

    def _show_log(self, *_):
        m = self.current()
        self.log_model.set_items(m.log if m else ())


class HistoryTab(QWidget):
    def __init__(self):
        super().__init__()
        self.model = SnapshotModel((
            ("#", lambda a: a.seq), (self.tr("When"), lambda a: a.at[:19].replace("T", " ")),
            (self.tr("By"), lambda a: a.user), (self.tr("What"), lambda a: describe(a))), self)
        self.view = table(self.model, self.tr("History from the audit chain"), stretch=(3,),
                          give_way=(0,))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Every change to this subject, from the signed audit chain."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.view)

    def show_history(self, entries) -> None:
        self.model.set_items(entries)


ACTIONS = {"subject.create": QT_TRANSLATE_NOOP("History", "Added to the register"), "subject.update": QT_TRANSLATE_NOOP("History", "Profile edited"),
           "subject.assess": QT_TRANSLATE_NOOP("History", "Threat reassessed"), "subject.status": QT_TRANSLATE_NOOP("History", "Status changed"),
           "subject.side_state": QT_TRANSLATE_NOOP("History", "Suspension / restricted duties changed"),
           "subject.delete": QT_TRANSLATE_NOOP("History", "Deleted"), "report.add": QT_TRANSLATE_NOOP("History", "Report added"),
           "report.regrade": QT_TRANSLATE_NOOP("History", "Report regraded"), "referral.add": QT_TRANSLATE_NOOP("History", "Referral recorded"),
           "referral.update": QT_TRANSLATE_NOOP("History", "Referral updated"), "measure.add": QT_TRANSLATE_NOOP("History", "Measure added"),
           "measure.update": QT_TRANSLATE_NOOP("History", "Measure changed"), "log.add": QT_TRANSLATE_NOOP("History", "Log entry added"),
           "conflict.bar": QT_TRANSLATE_NOOP("History", "Conflict of interest recorded")}


JOURNAL = {"view": QT_TRANSLATE_NOOP("History", "Record opened"), "export": QT_TRANSLATE_NOOP("History", "Exported"), "print": QT_TRANSLATE_NOOP("History", "Printed"),
           "copy": QT_TRANSLATE_NOOP("History", "Copied out"), "disclose": QT_TRANSLATE_NOOP("History", "Disclosed")}


def describe(entry) -> str:
    if entry.action.startswith("journal."):
        _, kind, *reason = entry.action.split(".") + [""]
        why = reason[0].replace("_", " ")
        what = JOURNAL.get(kind)
        what = QCoreApplication.translate("History", what) if what else kind.capitalize()
        return what + (f" ({why})" if why else "")
    what = ACTIONS.get(entry.action)
    what = QCoreApplication.translate("History", what) if what else entry.action
    after = entry.after or {}
    if entry.action in ("subject.update", "subject.assess", "measure.update"):
        keys = [k for k in after if k != "measure_id"]
        if keys:
            what += ": " + ", ".join(k.replace("_", " ") for k in keys)
    if entry.action == "subject.status" and "status" in after:
        what += f" to {STATUSES.label(after['status'])}"
    return what
