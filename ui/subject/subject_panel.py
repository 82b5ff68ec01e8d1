"""The subject detail panel: a header and tabs for profile, threat
assessment, reports, referrals, measures and history.

It shows one ``SubjectRecord`` snapshot and emits intents (a governor also
sees a badge on a restricted record naming who may see it); buttons for
actions the signed-in role may not take are disabled, with the core's own
sentence (``roles.why_not``) as the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from console.audit import roles
from console.records.model import RAG, SubjectRecord
from console.text import shown

from ..register.register_model import RAG_COLOURS, RAG_TEXT, restriction_tip
from ..widgets.elided_label import ElidedLabel
from .tabs import AssessmentTab, HistoryTab, MeasuresTab, ProfileTab, ReferralsTab, ReportsTab


class SubjectPanel(QWidget):
    edit_requested = Signal()
    status_requested = Signal()
    delete_requested = Signal()
    assess_requested = Signal()
    add_report_requested = Signal()
    refer_requested = Signal(object)        # report id or None
    acknowledge_requested = Signal(int)     # referral id
    add_measure_requested = Signal()
    add_log_requested = Signal(object)      # measure id or None
    update_measure_requested = Signal(int)  # measure id
    update_referral_requested = Signal(int)  # referral id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record: SubjectRecord | None = None
        # A long name ends in "…" (whole in the tooltip) instead of being cut.
        self.header = ElidedLabel()
        self.header.setObjectName("subjectHeader")
        self.chip = QLabel()
        self.chip.setObjectName("ragChip")
        # A governor's view of a restricted record: who may see it.
        self.restriction = QLabel()
        self.restriction.setObjectName("restrictionBadge")
        self.restriction.setTextFormat(Qt.TextFormat.PlainText)
        self.restriction.setStyleSheet("background: #ece4f6; color: #3d2466; border: 1px solid "
                                       "#5b3a8c; border-radius: 4px; padding: 3px 8px;")
        self.restriction.hide()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Subject details"))
        self.profile = ProfileTab()
        self.assessment = AssessmentTab()
        self.reports = ReportsTab()
        self.referrals = ReferralsTab()
        self.measures = MeasuresTab()
        self.history = HistoryTab()
        for tab, title in ((self.profile, self.tr("&Profile")), (self.assessment, self.tr("&Threat")),
                           (self.reports, self.tr("&Reports")), (self.referrals, self.tr("Re&ferrals")),
                           (self.measures, self.tr("&Measures")), (self.history, self.tr("&History"))):
            self.tabs.addTab(tab, title)
        self.empty = QLabel(self.tr("Choose a subject in the register to see the details."))
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addSpacing(12)
        top.addWidget(self.chip)
        top.addWidget(self.restriction)
        inner.addLayout(top)
        inner.addWidget(self.tabs)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addWidget(self.stack)

        p, r, f, m = self.profile, self.reports, self.referrals, self.measures
        p.edit_button.clicked.connect(self.edit_requested)
        p.status_button.clicked.connect(self.status_requested)
        p.delete_button.clicked.connect(self.delete_requested)
        self.assessment.assess_button.clicked.connect(self.assess_requested)
        r.add_button.clicked.connect(self.add_report_requested)
        r.refer_button.clicked.connect(
            lambda: self.refer_requested.emit(r.current().id if r.current() else None))
        f.add_button.clicked.connect(lambda: self.refer_requested.emit(None))
        f.ack_button.clicked.connect(
            lambda: f.current() and self.acknowledge_requested.emit(f.current().id))
        f.update_button.clicked.connect(
            lambda: f.current() and self.update_referral_requested.emit(f.current().id))
        m.add_button.clicked.connect(self.add_measure_requested)
        m.update_button.clicked.connect(
            lambda: m.current() and self.update_measure_requested.emit(m.current().id))
        m.log_button.clicked.connect(
            lambda: self.add_log_requested.emit(m.current().id if m.current() else None))

    # -- role ------------------------------------------------------------------------
    def set_role(self, role: str) -> None:
        """Mirror the core's permissions on the buttons (the services enforce them)."""
        for widget, action in ((self.profile.edit_button, "edit_profile"),
                               (self.profile.status_button, "change_status"),
                               (self.profile.delete_button, "delete_subject"),
                               (self.assessment.assess_button, "assess_threat"),
                               (self.reports.add_button, "add_report"),
                               (self.reports.refer_button, "refer"),
                               (self.reports.show_button, "read_full_text"),
                               (self.referrals.add_button, "refer"),
                               (self.referrals.ack_button, "refer"),
                               (self.referrals.update_button, "refer"),
                               (self.measures.add_button, "add_measure"),
                               (self.measures.update_button, "edit_measure"),
                               (self.measures.log_button, "add_log")):
            ok = roles.allowed(role, action)
            widget.setEnabled(ok)
            # The panel outlives a lock, so the next user may have another
            # role: keep the button's own tooltip to put back when allowed.
            own = widget.property("own_tooltip")
            if own is None:
                own = widget.toolTip()
                widget.setProperty("own_tooltip", own)
            widget.setToolTip(own if ok else roles.why_not(role, action))

    # -- data ------------------------------------------------------------------------------
    def show_record(self, record: SubjectRecord, history=()) -> None:
        self.record = record
        s = record.subject
        self.header.setText(f"{s.ref} — {shown(s.name, one_line=True)}")
        colour = RAG_COLOURS[record.rag].name()
        self.chip.setText(" " + self.tr("%1 risk · %2×%3 = %4").replace("%1", RAG.label(record.rag))
                          .replace("%2", str(s.likelihood)).replace("%3", str(s.impact))
                          .replace("%4", str(s.score)) + " ")
        text = RAG_TEXT[record.rag].name()
        self.chip.setStyleSheet(f"background: {colour}; color: {text}; border-radius: 4px; "
                                "padding: 3px 8px; font-weight: 600;")
        self.chip.setAccessibleName(self.tr("%1 risk").replace("%1", RAG.label(record.rag)))
        self._show_restriction(record.restricted_to)
        for tab in (self.profile, self.assessment, self.reports, self.referrals, self.measures):
            tab.show_record(record)
        self.history.show_history(history)
        self.stack.setCurrentIndex(1)

    def _show_restriction(self, names) -> None:
        if names is None:
            self.restriction.clear()
            self.restriction.hide()
            return
        who = ", ".join(names) if names else self.tr("governors only")
        self.restriction.setText(shown(self.tr("Restricted · %1").replace("%1", who),
                                       one_line=True))
        self.restriction.setToolTip(shown(restriction_tip(names)))
        self.restriction.setAccessibleName(shown(restriction_tip(names)))
        self.restriction.show()

    def clear(self) -> None:
        """Forget the record (on lock or when nothing is selected)."""
        self.record = None
        self.header.clear()
        self.chip.clear()
        self._show_restriction(None)
        for model in (self.reports.model, self.referrals.model, self.measures.model,
                      self.measures.log_model, self.history.model):
            model.set_items(())
        self.reports.hide_text()
        self.profile.notes.clear()
        for label in self.profile.fields.values():
            label.clear()
        self.stack.setCurrentIndex(0)

    @property
    def ref(self) -> str:
        return self.record.subject.ref if self.record else ""
