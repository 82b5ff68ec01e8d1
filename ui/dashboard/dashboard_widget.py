"""DashboardWidget: the register at a glance.

Counts by status and category, open cases by risk band, the 5x5 heat map, and
three lists that must never be missed: reports not referred in time,
referrals not acknowledged, and overdue reviews. Activating a list row
(double-click or Enter) emits ``subject_requested(ref)``; the main window
opens the subject. Data comes in only through ``set_data(Dashboard)``: this
widget never reads the vault.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console.records.model import CATEGORIES, CATEGORY_SHORT, OVERDUE, STATUSES, Dashboard

from ..tables import EXTENDED, readonly_rows
from .heat_map import HeatMap, RagBar
from .models import REF_ROLE, AttentionModel, AttentionRow, CountRow, CountsModel


def _age(iso: str, today: dt.date | None = None) -> str:
    """'2026-11-01 (24 days)' for a date, or the text unchanged."""
    try:
        d = dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    days = ((today or dt.date.today()) - d).days
    return f"{d.isoformat()} ({days} day{'s' if days != 1 else ''})" if days > 0 else d.isoformat()


def attention_rows(dash: Dashboard) -> tuple[list, list, list]:
    """The three attention lists as display rows (unreferred, unacknowledged, overdue)."""
    unref = [AttentionRow(ref, f"Report {rid} not referred", _age(on))
             for ref, rid, on in dash.unreferred]
    unack = [AttentionRow(ref, f"Referral {fid} unacknowledged", _age(on))
             for ref, fid, on in dash.unacknowledged]
    overdue = []
    for ref, kind, when in dash.overdue:
        overdue.append(AttentionRow(ref, OVERDUE.label(kind) + QCoreApplication.translate("DashboardWidget", " overdue"), _age(when)))
    return unref, unack, overdue


class _AttentionList(QGroupBox):
    """A titled list of subjects with an empty-state line."""

    def __init__(self, title: str, empty: str, when_header: str, parent=None):
        super().__init__(parent)
        self._title = title
        self.model = AttentionModel(when_header, parent=self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(title)
        self.view.setToolTip(self.tr("Double-click or press Enter to open the subject."))
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(empty, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self.set_rows([])

    def set_rows(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.setTitle(f"{self._title} ({len(rows)})")
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        for col in (0, 2):
            self.view.resizeColumnToContents(col)


def _counts_view(model: CountsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    readonly_rows(view, selection=EXTENDED, row_padding=8)
    view.setShowGrid(False)
    head = view.horizontalHeader()
    head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return view


class DashboardWidget(QWidget):
    """Read-only overview; ``subject_requested(ref)`` when a listed subject is opened."""

    subject_requested = Signal(str)

    def __init__(self, dashboard: Dashboard | None = None, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Dashboard"))
        self.summary = QLabel(self)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.rag_bar = RagBar(self)
        self.heat_map = HeatMap(self)
        self.status_model = CountsModel(self.tr("Status"), parent=self)
        self.category_model = CountsModel(self.tr("Category"), parent=self)
        self.status_view = _counts_view(self.status_model, self.tr("Subjects by status"))
        self.category_view = _counts_view(self.category_model, self.tr("Subjects by category"))
        self.unreferred = _AttentionList(self.tr("Reports not referred in time"),
                                         self.tr("Every report has been referred in time."),
                                         self.tr("Received"), self)
        self.unacknowledged = _AttentionList(self.tr("Referrals not acknowledged"),
                                             self.tr("Every referral has been acknowledged in time."),
                                             self.tr("Referred"), self)
        self.overdue = _AttentionList(self.tr("Overdue reviews"), self.tr("No review is overdue."), self.tr("Due"), self)
        for box in (self.unreferred, self.unacknowledged, self.overdue):
            box.view.activated.connect(self._activated)

        risk = QGroupBox(self.tr("Open cases by risk"), self)
        risk_lay = QVBoxLayout(risk)
        risk_lay.addWidget(self.rag_bar)
        risk_lay.addWidget(self.heat_map, 1)
        key = QLabel(self.tr("Score = likelihood × impact: green 1–4, amber 5–12, red 15–25."), risk)
        key.setWordWrap(True)
        key.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        risk_lay.addWidget(key)
        status_box = QGroupBox(self.tr("By status"), self)
        QVBoxLayout(status_box).addWidget(self.status_view)
        category_box = QGroupBox(self.tr("By category"), self)
        QVBoxLayout(category_box).addWidget(self.category_view)

        top = QHBoxLayout()
        top.addWidget(risk, 4)
        top.addWidget(status_box, 3)
        top.addWidget(category_box, 3)
        lists = QGridLayout()
        lists.addWidget(self.unreferred, 0, 0)
        lists.addWidget(self.unacknowledged, 0, 1)
        lists.addWidget(self.overdue, 0, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(top, 3)
        lay.addLayout(lists, 2)
        self.setTabOrder(self.unreferred.view, self.unacknowledged.view)
        self.setTabOrder(self.unacknowledged.view, self.overdue.view)
        self.set_data(dashboard or Dashboard(total=0))

    def set_data(self, dashboard: Dashboard) -> None:
        d = dashboard
        open_cases = sum(n for k, n in d.by_status.items() if k != "closed")
        needs = len({r for r, *_ in (*d.unreferred, *d.unacknowledged, *d.overdue)})
        self.summary.setText(
            self.tr("%n subject(s) on the register", "", d.total) + " · "
            + self.tr("%n open", "", open_cases) + " · "
            + self.tr("%n [needs|need] attention", "", needs))
        self.rag_bar.set_counts(d.by_rag)
        self.heat_map.set_heat(d.heat or tuple((0,) * 5 for _ in range(5)))
        self.status_model.set_rows(
            [CountRow(STATUSES.label(k), int(d.by_status.get(k, 0))) for k in STATUSES.keys()]
            + [CountRow(str(k), int(n)) for k, n in d.by_status.items() if k not in STATUSES])
        self.category_model.set_rows(
            [CountRow(CATEGORY_SHORT.get(k, CATEGORIES.label(k)), int(d.by_category.get(k, 0)),
                      CATEGORIES.label(k)) for k in CATEGORIES.keys()])
        unref, unack, overdue = attention_rows(d)
        self.unreferred.set_rows(unref)
        self.unacknowledged.set_rows(unack)
        self.overdue.set_rows(overdue)

    def _activated(self, index) -> None:
        ref = index.siblingAtColumn(0).data(REF_ROLE)
        if ref:
            self.subject_requested.emit(str(ref))
