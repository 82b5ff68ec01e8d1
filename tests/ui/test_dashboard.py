"""DashboardWidget: counts, heat map, attention lists and jumping to a subject."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt

from console.records.commands import ReportFields, SubjectFields
from console.records.model import Dashboard
from ui.dashboard import DashboardWidget
from ui.dashboard.dashboard_widget import attention_rows
from ui.dashboard.heat_map import RAG_COLOURS
from ui.dashboard.models import AttentionModel, AttentionRow, CountRow, CountsModel

# The offscreen platform warns that it cannot resize windows to their hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def sample() -> Dashboard:
    heat = [[0] * 5 for _ in range(5)]
    heat[4][4] = 2   # likelihood 5, impact 5
    heat[1][2] = 1   # likelihood 2, impact 3
    heat[0][0] = 1
    return Dashboard(
        total=5,
        by_status={"concern_logged": 2, "referred_hq": 2, "closed": 1},
        by_category={"conveyance": 3, "theft": 1},
        by_rag={"red": 2, "amber": 1, "green": 1},
        heat=tuple(tuple(r) for r in heat),
        unreferred=(("CR-2026-004", 11, "2026-11-02"),),
        unacknowledged=(("CR-2026-002", 3, "2026-10-28"),),
        overdue=(("CR-2026-001", "subject", "2026-11-20"),
                 ("CR-2026-006", "measure", "2026-11-18")))


@pytest.fixture
def widget(qtbot):
    w = DashboardWidget()
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.set_data(sample())
    return w


def test_counts_use_vocabulary_labels(widget):
    rows = {r.label: r.count for r in widget.status_model.rows()}
    assert rows["Concern logged"] == 2 and rows["Referred to HQ"] == 2 and rows["Closed"] == 1
    assert rows["Disciplinary"] == 0
    cats = {r.label: r.count for r in widget.category_model.rows()}
    assert cats["Conveyance"] == 3 and cats["Theft"] == 1
    assert "4 open" in widget.summary.text() and "5 subjects" in widget.summary.text()


def test_heat_map_and_rag_bar(widget, qtbot):
    assert widget.heat_map.count(5, 5) == 2
    assert widget.heat_map.count(2, 3) == 1
    assert widget.heat_map.count(3, 3) == 0
    assert widget.rag_bar.counts() == {"red": 2, "amber": 1, "green": 1}
    assert "likelihood 5 impact 5: 2" in widget.heat_map.accessibleDescription()
    widget.show()
    qtbot.waitExposed(widget)
    centre = widget.heat_map.cell_rect(5, 5).center()
    assert widget.heat_map.cell_at(centre) == (5, 5)
    assert widget.heat_map.cell_at(QPointF(-5, -5)) is None
    assert widget.heat_map.cell_text(5, 5) == ("Likelihood 5 × impact 5 = 25 (Red): "
                                               "2 open cases")
    picture = widget.heat_map.grab().toImage()
    ratio = picture.devicePixelRatio()
    corner = widget.heat_map.cell_rect(5, 5).topLeft() + QPointF(6, 6)
    painted = picture.pixelColor(int(corner.x() * ratio), int(corner.y() * ratio))
    assert painted.name() == RAG_COLOURS["red"].name()  # an occupied red cell, full colour
    empty = widget.heat_map.cell_rect(3, 3).topLeft() + QPointF(6, 6)
    assert picture.pixelColor(int(empty.x() * ratio), int(empty.y() * ratio)).name() != \
        RAG_COLOURS["amber"].name()  # an empty cell is muted


def test_activating_a_row_requests_the_subject(widget, qtbot):
    view = widget.overdue.view
    widget.show()
    view.setFocus()
    view.setCurrentIndex(widget.overdue.model.index(1, 0))
    with qtbot.waitSignal(widget.subject_requested) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert sig.args == ["CR-2026-006"]
    with qtbot.waitSignal(widget.subject_requested) as sig:
        widget.unreferred.view.activated.emit(widget.unreferred.model.index(0, 2))
    assert sig.args == ["CR-2026-004"]


def test_empty_lists_say_so(qtbot):
    w = DashboardWidget()
    qtbot.addWidget(w)
    assert w.unreferred.stack.currentWidget() is w.unreferred.empty
    assert w.unreferred.title().endswith("(0)")
    w.set_data(sample())
    assert w.unreferred.stack.currentWidget() is w.unreferred.view
    assert w.overdue.title().endswith("(2)")


def test_attention_rows_wording():
    unref, unack, overdue = attention_rows(sample())
    assert unref[0].detail == "Report 11 not referred"
    assert unack[0].detail == "Referral 3 unacknowledged"
    assert overdue[0].detail == "Subject review overdue" and overdue[0].when.startswith(
        "2026-11-20")


def test_models_pass_the_model_tester(qtmodeltester):
    counts = CountsModel("Status", [CountRow("Open", 3), CountRow("Closed", 0, "tip")])
    qtmodeltester.check(counts)
    attention = AttentionModel("Due", [AttentionRow("CR-1", "Review overdue", "2026-01-01")])
    qtmodeltester.check(attention)


def test_with_a_real_vault(vault, qtbot):
    from console.records import intel, register, subjects
    subjects.create_subject(vault, SubjectFields(
        "Alex Example", likelihood=4, impact=5, categories=["conveyance"]))
    s2 = subjects.create_subject(vault, SubjectFields("Sam Sample", likelihood=2, impact=2))
    old = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    intel.add_report(vault, s2.ref, ReportFields(
        type="ssir", received_on=old, source_grade=2, intel_grade="C", handling="P", summary="s"))
    w = DashboardWidget(register.dashboard(vault))
    qtbot.addWidget(w)
    assert w.heat_map.count(4, 5) == 1 and w.heat_map.count(2, 2) == 1
    assert w.rag_bar.counts()["red"] == 1
    assert [r.ref for r in w.unreferred.model.rows()] == [s2.ref]
    # no names reach the dashboard: it shows references only
    assert "Sam Sample" not in w.unreferred.model.rows()[0].detail
