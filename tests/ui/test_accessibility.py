"""Every window and dialog through Qt's accessibility layer, as a screen
reader sees it: each control that takes keyboard focus has a name; Tab
visits the controls in the order they are seen (down the page, and across
to a column on the right), and reaches every one without being trapped.

The windows are built as the console builds them (the main window on a
real vault, unlocked), in English; the names follow the language through
``tr()`` like every other string."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from console.records import model
from tests.ui.conftest import unlock


def _subject():
    return model.Subject(7, "CC-2026-007", "Nia Price", staff_number="N7", role="Officer",
                         location="C wing", categories=("theft",), likelihood=3, impact=4,
                         next_review=dt.date(2026, 9, 1))


def _factories(runner, tmp_path):
    """name -> a function making the window or dialog, as the console does."""
    from console.records.access import Restriction
    from console.records.conflicts import Bar
    from console.records.users import User

    users = [User("governor", "Gwen Governor", "governor"),
             User("dep", "Dee Deputy", "deputy")]
    measure = model.Measure(4, 7, "protect", "moved", status="active")
    referral = model.Referral(3, 7, None, "hq", dt.date(2026, 1, 2), "Gwen")

    def make(module, name, *args, **kwargs):
        import importlib
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    def export():
        from ui.export.options import ExportOptions
        return make("ui.export.export_dialog", "ExportDialog", runner, lambda *a, **k: None,
                    lambda *a, **k: None, options_cls=ExportOptions, selected_refs=("CC-1",))

    def shortcuts():
        from PySide6.QtWidgets import QMenuBar
        bar = QMenuBar()
        bar.addMenu("&File").addAction("&Open")
        dialog = make("ui.help.shortcuts", "ShortcutsDialog", bar)
        bar.setParent(dialog)
        return dialog

    return {
        "import": lambda: make("ui.import_csv.import_dialog", "ImportDialog", runner),
        "settings": lambda: make("ui.users.settings_dialog", "SettingsDialog",
                                 make("ui.users.actions", "SettingsValues"),
                                 quick_unlock=(False, "No keychain here.")),
        "users": lambda: make("ui.users.users_dialog", "UsersDialog", runner, users=users,
                              current_user="governor", role="governor"),
        "add user": lambda: make("ui.users.user_forms", "AddUserDialog"),
        "passphrase": lambda: make("ui.users.user_forms", "PassphraseDialog", "Change",
                                   "Type it twice.", True),
        "change role": lambda: make("ui.users.role_dialog", "ChangeRoleDialog", users,
                                    "governor", "dep"),
        "replicas": lambda: make("ui.replicas.replicas_dialog", "ReplicasDialog", runner),
        "subject": lambda: make("ui.subject.subject_dialogs", "SubjectDialog"),
        "status": lambda: make("ui.subject.subject_dialogs", "StatusDialog", "concern_logged"),
        "assess": lambda: make("ui.subject.subject_dialogs", "AssessDialog", _subject()),
        "delete": lambda: make("ui.subject.subject_dialogs", "DeleteDialog", "CC-2026-007"),
        "report": lambda: make("ui.subject.record_dialogs", "ReportDialog"),
        "referral": lambda: make("ui.subject.record_dialogs", "ReferralDialog"),
        "referral update": lambda: make("ui.subject.record_dialogs", "ReferralUpdateDialog",
                                        referral),
        "measure": lambda: make("ui.subject.record_dialogs", "MeasureDialog"),
        "measure update": lambda: make("ui.subject.record_dialogs", "MeasureUpdateDialog",
                                       measure),
        "log entry": lambda: make("ui.subject.record_dialogs", "LogEntryDialog", (measure,)),
        "export": export,
        "reason": lambda: make("ui.lawful.reason_prompt", "ReasonPrompt"),
        "restriction": lambda: make("ui.lawful.restriction_dialog", "RestrictionDialog",
                                    Restriction("CC-1", False), users, runner),
        "access pack": lambda: make("ui.lawful.access_pack_dialog", "AccessPackDialog", [],
                                    runner, lambda *a: None, lambda *a: None,
                                    can_change=False),
        "erasure": lambda: make("ui.lawful.decision_dialogs", "ConfirmErasure", "CC-1"),
        "hold": lambda: make("ui.lawful.decision_dialogs", "HoldPrompt", "CC-1", True),
        "withhold": lambda: make("ui.lawful.decision_dialogs", "WithholdPrompt", "Report 1"),
        "lift bar": lambda: make("ui.conflicts.lift_prompt", "LiftBarPrompt",
                                 Bar("CC-1", "dep"), "Dee Deputy"),
        "conflict bars": lambda: make("ui.conflicts.bars_dialog", "ConflictBarsDialog", runner,
                                      role="governor"),
        "shortcuts": shortcuts,
        "guide": lambda: make("ui.help.guide", "GuideDialog"),
        "about": lambda: make("ui.help.about", "AboutDialog", tmp_path / "v", tmp_path / "l"),
        "demo note": lambda: make("ui.setup.demo_note", "DemoNote", {"governor": "pass"}),
        "setup wizard": lambda: make("ui.setup.setup_wizard", "SetupWizard",
                                     demo_available=True),
        "backups": lambda: make("ui.backup.backup_dialog", "BackupDialog", runner,
                                role="governor"),
        "restore": lambda: make("ui.backup.restore_prompt", "RestorePrompt",
                                tmp_path / "backup.gcbak"),
        "hq window": lambda: make("ui.hq.window", "HqWindow", str(tmp_path / "hq")),
    }


NAMES = [
    "import", "settings", "users", "add user", "passphrase", "change role", "replicas",
    "subject", "status", "assess", "delete", "report", "referral", "referral update",
    "measure", "measure update", "log entry", "export", "reason", "restriction",
    "access pack", "erasure", "hold", "withhold", "lift bar", "conflict bars", "shortcuts",
    "guide", "about", "demo note", "setup wizard", "backups", "restore", "hq window"]


@pytest.fixture
def idle_runner():
    from ui.runner import Runner
    runner = Runner()
    yield runner
    runner.shutdown()


def focusable(top: QWidget) -> list[QWidget]:
    out = []
    for w in top.findChildren(QWidget):
        if (w.isVisibleTo(top) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.focusProxy() is None and not w.isWindow()):
            out.append(w)
    return out


def accessible_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").strip()


def unnamed(top: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} at {w.mapTo(top, QPoint(0, 0)).toTuple()}"
            for w in focusable(top) if not accessible_name(w)]


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(max(widget.sizeHint().width(), 640), max(widget.sizeHint().height(), 400))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tab_walk(top: QWidget) -> list[QWidget]:
    """The controls Tab visits, in order, once round: Qt's focus chain as
    QWidget.focusNextPrevChild follows it (visible, enabled, taking Tab)."""
    reachable = [w for w in focusable(top) if w.isEnabled()]
    if not reachable:
        return []
    wanted = set(reachable)
    start = reachable[0]
    # the first control the chain reaches from the window itself
    w = top.nextInFocusChain()
    while w not in wanted and w is not top:
        w = w.nextInFocusChain()
    start = w if w in wanted else start
    seen, w = [start], start.nextInFocusChain()
    while w is not start and len(seen) <= len(wanted) + 1:
        if w in wanted and w not in seen:
            seen.append(w)
        w = w.nextInFocusChain()
    # Tab goes round: read the round from the control highest on the page.
    first = min(seen, key=lambda c: (c.mapTo(top, QPoint(0, 0)).y(),
                                     c.mapTo(top, QPoint(0, 0)).x()))
    i = seen.index(first)
    return seen[i:] + seen[:i]


def tab_traps(top: QWidget) -> list[str]:
    """Text boxes where Tab types a tab instead of moving on."""
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit
    return [f"{type(w).__name__} {accessible_name(w)!r}" for w in focusable(top)
            if isinstance(w, (QPlainTextEdit, QTextEdit)) and not w.isReadOnly()
            and not w.tabChangesFocus()]


def backward_moves(top: QWidget, visited: list[QWidget]) -> list[str]:
    """Moves up the page that do not go to a column on the right (once round,
    the last move back to the start is not counted)."""
    def box(w):
        p = w.mapTo(top, QPoint(0, 0))
        return p.x(), p.y(), p.x() + w.width(), p.y() + w.height()
    out = []
    for a, b in zip(visited, visited[1:]):
        ax, ay, ax2, ay2 = box(a)
        bx, by, bx2, by2 = box(b)
        upward = by2 <= ay - 4              # wholly above where we were
        right_column = bx >= ax2 - 4        # starts right of where we were
        if upward and not right_column:
            out.append(f"{type(a).__name__} {accessible_name(a)!r} -> "
                       f"{type(b).__name__} {accessible_name(b)!r}")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_control_of_every_dialog_is_named_and_tab_follows_the_page(
        name, qtbot, idle_runner, tmp_path):
    widget = shown(qtbot, _factories(idle_runner, tmp_path)[name]())
    assert accessible_name(widget) or widget.windowTitle(), f"{name}: the window has no name"
    missing = unnamed(widget)
    assert missing == [], f"{name}: focusable controls without an accessible name:\n" + \
        "\n".join(missing)
    visited = tab_walk(widget)
    reachable = [w for w in focusable(widget) if w.isEnabled()]
    assert len(visited) == len(reachable), \
        f"{name}: Tab reaches {len(visited)} of {len(reachable)} controls"
    assert tab_traps(widget) == [], f"{name}: Tab is typed into a text box"
    assert backward_moves(widget, visited) == [], f"{name}: Tab jumps back up the page"


def test_the_main_window_and_its_unlock_page(qtbot, make_window, filled_vault):
    w = make_window(filled_vault)
    w.resize(1600, 1000)
    assert unnamed(w.unlock_page) == []
    unlock(qtbot, w)
    w.register.table.selectRow(0)
    qtbot.waitUntil(lambda: w.panel.header.text() != "", timeout=10_000)
    for page in range(w.tabs.count()):
        w.tabs.setCurrentIndex(page)
        assert unnamed(w) == [], w.tabs.tabText(page)
    for tab in range(w.panel.tabs.count()) if hasattr(w.panel, "tabs") else ():
        w.panel.tabs.setCurrentIndex(tab)
        assert unnamed(w) == [], w.panel.tabs.tabText(tab)


def test_the_checks_catch_an_unnamed_control_and_a_backward_tab(qtbot):
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
    d = QDialog()
    d.setWindowTitle("Check")
    lay = QVBoxLayout(d)
    upper, lower = QLineEdit(d), QLineEdit(d)
    lay.addWidget(upper)
    lay.addWidget(lower)
    upper.setAccessibleName("Upper")
    shown(qtbot, d)
    assert len(unnamed(d)) == 1                       # the lower one has no name
    lower.setAccessibleName("Lower")
    assert unnamed(d) == [] and backward_moves(d, tab_walk(d)) == []
    QWidget.setTabOrder(lower, upper)                 # Tab now goes up the page
    assert backward_moves(d, [lower, upper]) != []


@pytest.fixture
def double_text(qapp):
    """Text at 200 %, as the system's text-size setting makes it."""
    font = qapp.font()
    bigger = type(font)(font)
    bigger.setPointSizeF(font.pointSizeF() * 2)
    qapp.setFont(bigger)
    yield
    qapp.setFont(font)


def test_every_window_fits_a_1600_by_1000_screen_at_200_percent_text(
        double_text, qtbot, idle_runner, tmp_path, make_window, filled_vault):
    too_big = []
    for name, make in _factories(idle_runner, tmp_path).items():
        widget = make()
        qtbot.addWidget(widget)
        need = widget.minimumSizeHint()
        if need.width() > 1600 or need.height() > 1000:
            too_big.append(f"{name}: needs {need.width()}x{need.height()}")
        widget.close()
    w = make_window(filled_vault)
    unlock(qtbot, w)
    need = w.minimumSizeHint()
    if need.width() > 1600 or need.height() > 1000:
        too_big.append(f"main window: needs {need.width()}x{need.height()}")
    assert too_big == []
