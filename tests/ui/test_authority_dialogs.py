"""The governor's powers over authority in the desktop: changing a user's
role from Tools › Users…, and reviewing and lifting conflict-of-interest
bars from Tools › Conflict bars…, on real vaults; what a deputy sees, and
the core's refusal when a deputy gets to the action anyway."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QPlainTextEdit

from console.audit import chain, roles
from console.records import conflicts, subjects, users
from console.records.commands import SubjectFields
from console.records.conflicts import Bar
from tests.ui.conftest import DEPUTY_PASS, open_runner, run_on, unlock
from ui.conflicts import BarsView, ConflictBarsDialog, LiftBarPrompt
from ui.conflicts.bars_dialog import read_bars
from ui.runner import Runner
from ui.users import UsersDialog
from ui.users.role_dialog import ChangeRoleDialog, RoleChange, role_change_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
REASON = "Staff number entered in error; checked with HR."


@pytest.fixture
def governor(qtbot, filled_vault):
    runner = open_runner(qtbot, filled_vault)
    yield runner
    runner.shutdown()


@pytest.fixture
def deputy(qtbot, filled_vault):
    runner = open_runner(qtbot, filled_vault, "dep", DEPUTY_PASS)
    yield runner
    runner.shutdown()


def _entries(qtbot, runner, action):
    return run_on(qtbot, runner, lambda v: [e for e in chain.entries(v) if e.action == action])


def _users_dialog(qtbot, runner, me="governor", role=None):
    listed = run_on(qtbot, runner, users.list_users)
    d = UsersDialog(runner, users=listed, current_user=me, role=role)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: not d.pending, timeout=10_000)
    return d


def _role_of(d, name):
    return next(u.role for u in d.model.users() if u.name == name)


# -- changing a role ---------------------------------------------------------------------

def test_the_governor_makes_a_deputy_a_viewer(qtbot, governor):
    d = _users_dialog(qtbot, governor)
    d.select("dep")
    asked, confirmed = [], []

    def ask(listed, me, selected, parent):
        dialog = ChangeRoleDialog(listed, me, selected, parent)
        qtbot.addWidget(dialog)
        asked.append(dialog)
        assert dialog.user.currentData() == "dep"           # the user chosen in the list
        assert dialog.focusWidget() in (None, dialog.user)  # the first field has the cursor
        dialog.role.setCurrentIndex(dialog.role.findData("deputy"))
        dialog.accept()                                     # the same role: said, not sent
        assert dialog.value is None and dialog.error_label.isVisibleTo(dialog)
        assert "already a deputy" in dialog.error_label.text()
        dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
        assert "Reads the register only" in dialog.summary.text()
        assert not dialog.error_label.isVisibleTo(dialog)
        dialog.accept()
        return dialog.value

    def confirm(parent, change):
        confirmed.append(role_change_text(change))
        return True
    d.ask_role, d.confirm_role = ask, confirm
    assert d.role_button.isEnabled()
    d.role_button.click()
    qtbot.waitUntil(lambda: not d.pending and _role_of(d, "dep") == "viewer", timeout=10_000)
    assert "Change Dee Deputy (dep) from deputy to viewer?" in confirmed[0]
    row = next(r for r, u in enumerate(d.model.users()) if u.name == "dep")
    assert d.model.index(row, 2).data() == "Viewer"
    assert d.message.text() == "Dee Deputy (dep) is now a viewer."
    (entry,) = _entries(qtbot, governor, "user.role")
    assert (entry.entity_id, entry.before, entry.after) == ("dep", {"role": "deputy"},
                                                           {"role": "viewer"})
    assert entry.user == "governor"


def test_demoting_the_last_governor_is_refused_in_one_sentence(qtbot, governor):
    d = _users_dialog(qtbot, governor)
    d.select("governor")
    d.ask_role = lambda listed, me, selected, parent: RoleChange(
        "governor", "Gwen Governor", "governor", "deputy")
    d.confirm_role = lambda parent, change: True
    d.role_button.click()
    qtbot.waitUntil(lambda: not d.pending and d.message.isVisibleTo(d), timeout=10_000)
    assert d.message.text() == ("You cannot change your own role; another governor would "
                                "have to.")
    assert "color" in d.message.styleSheet()              # shown as an error
    assert _role_of(d, "governor") == "governor"
    assert _entries(qtbot, governor, "user.role") == []


def test_cancelling_a_role_change_changes_nothing(qtbot, governor):
    d = _users_dialog(qtbot, governor)
    d.select("dep")
    d.ask_role = lambda *a: None
    d.role_button.click()
    d.ask_role = lambda listed, me, selected, parent: RoleChange("dep", "", "deputy", "viewer")
    d.confirm_role = lambda parent, change: False        # Cancel at the confirmation
    d.role_button.click()
    qtbot.waitUntil(lambda: not d.pending, timeout=10_000)
    assert d.operation is None and not d.message.isVisibleTo(d)
    assert _role_of(d, "dep") == "deputy"
    assert _entries(qtbot, governor, "user.role") == []


def test_a_deputy_sees_the_actions_disabled_and_gets_the_cores_refusal(qtbot, deputy):
    why = roles.why_not("deputy", "manage_users")
    d = _users_dialog(qtbot, deputy, me="dep", role="deputy")
    assert not d.role_button.isEnabled() and d.role_button.toolTip() == why
    assert not d.add_button.isEnabled() and d.add_button.toolTip() == why
    d.ask_role = lambda listed, me, selected, parent: RoleChange("governor", "", "governor",
                                                                 "viewer")
    d.confirm_role = lambda parent, change: True
    d.change_role()                                       # reached anyway
    qtbot.waitUntil(lambda: not d.pending and d.message.isVisibleTo(d), timeout=10_000)
    assert d.message.text() == why

    view = BarsView((Bar("CC-0000-001", "governor"),), {})
    b = ConflictBarsDialog(deputy, view, role="deputy")
    qtbot.addWidget(b)
    assert not b.lift_button.isEnabled()
    assert b.lift_button.toolTip() == roles.why_not("deputy", "review_conflict")
    b.ask_reason = lambda parent, bar, who, draft: "no reason"
    b.confirm = lambda parent, bar, who, reason: True
    b.lift()                                               # reached anyway
    qtbot.waitUntil(lambda: not b.pending and b.message.isVisibleTo(b), timeout=10_000)
    assert b.message.text() == roles.why_not("deputy", "review_conflict")


def test_the_deputys_menu_entries_say_why_they_are_off(qtbot, filled_vault, make_window):
    w = make_window(filled_vault)
    unlock(qtbot, w, "dep", DEPUTY_PASS)
    for name, right in (("users", "manage_users"), ("bars", "review_conflict")):
        act = getattr(w, f"act_{name}")
        assert not act.isEnabled()
        assert act.toolTip() == act.statusTip() == roles.why_not("deputy", right)
    assert w.act_bars.shortcut().toString() == "Ctrl+Shift+B"


# -- conflict bars -----------------------------------------------------------------------

@pytest.fixture
def barred(qtbot, governor):
    """A user "pat" whose staff number the first subject is given: a bar."""
    def make(v):
        users.add_user(v, "pat", "pat's long passphrase", "deputy", display_name="Pat Officer",
                       staff_number="S77")
        ref = v.query("SELECT ref FROM subjects ORDER BY id")[0][0]
        subjects.update_profile(v, ref, SubjectFields(staff_number="S77"))
        return ref
    return run_on(qtbot, governor, make)


def _bars_dialog(qtbot, runner):
    d = ConflictBarsDialog(runner, run_on(qtbot, runner, read_bars), role="governor")
    qtbot.addWidget(d)
    return d


def _cells(d):
    m = d.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_bars_are_listed_once_a_subject_has_a_users_staff_number(qtbot, governor, barred):
    d = _bars_dialog(qtbot, governor)
    assert _cells(d) == [[barred, "Pat Officer (pat)", "Barred"]]
    assert d.summary.text() == "1 bar in force"
    assert d.view.isVisibleTo(d) and not d.empty.isVisibleTo(d)
    assert d.lift_button.isEnabled()                       # the bar in force is chosen
    assert not any("Alex Smith" in str(c) for row in _cells(d) for c in row)


def test_lifting_needs_a_reason_and_a_confirmation(qtbot, governor, barred):
    d = _bars_dialog(qtbot, governor)
    confirmed = []

    def ask(parent, bar, who, draft):
        prompt = LiftBarPrompt(bar, who, parent, draft)
        qtbot.addWidget(prompt)
        assert prompt.focusWidget() in (None, prompt.reason)
        prompt.accept()                                    # no reason: said, not sent
        assert prompt.value is None and prompt.error_label.isVisibleTo(prompt)
        assert "reason" in prompt.error_label.text()
        prompt.reason.setPlainText(REASON)
        assert not prompt.error_label.isVisibleTo(prompt)
        prompt.accept()
        return prompt.value

    def confirm(parent, bar, who, reason):
        confirmed.append((bar, who, reason))
        return True
    d.ask_reason, d.confirm = ask, confirm
    d.lift_button.click()
    qtbot.waitUntil(lambda: not d.pending and _cells(d)[0][2] == "Lifted after review",
                    timeout=10_000)
    assert confirmed == [(Bar(barred, "pat"), "Pat Officer (pat)", REASON)]
    assert d.summary.text() == "0 bars in force"
    assert not d.lift_button.isEnabled()
    assert "is lifted" in d.message.text()
    (entry,) = _entries(qtbot, governor, "conflict.lift")
    assert entry.after["reason"] == REASON and entry.after["user"] == "pat"
    assert run_on(qtbot, governor, conflicts.bars) == [Bar(barred, "pat", True)]


def test_cancelling_a_lift_changes_nothing(qtbot, governor, barred):
    d = _bars_dialog(qtbot, governor)
    d.ask_reason = lambda parent, bar, who, draft: None   # Cancel at the reason
    d.lift_button.click()
    d.ask_reason = lambda parent, bar, who, draft: REASON
    d.confirm = lambda parent, bar, who, reason: False   # Cancel at the confirmation
    d.lift_button.click()
    assert d.operation is None
    assert _cells(d)[0][2] == "Barred"
    assert _entries(qtbot, governor, "conflict.lift") == []
    assert run_on(qtbot, governor, conflicts.bars) == [Bar(barred, "pat")]


def test_the_menu_reaches_the_bars(qtbot, filled_vault, make_window, monkeypatch):
    w = make_window(filled_vault)
    unlock(qtbot, w)
    seen = {}

    def fake_ask(runner, view, actions=None, role=None, parent=None):
        seen.update(runner=runner, view=view, actions=actions, role=role)
    monkeypatch.setattr(ConflictBarsDialog, "ask", staticmethod(fake_ask))
    assert w.act_bars.isEnabled()
    w.act_bars.trigger()
    qtbot.waitUntil(lambda: "view" in seen, timeout=10_000)
    assert seen["view"].bars == () and seen["role"] == "governor"
    assert seen["view"].names["dep"] == "Dee Deputy"
    assert seen["runner"] is w.runner


def test_nobody_barred_says_so(qtbot, governor):
    d = _bars_dialog(qtbot, governor)
    assert d.model.rowCount() == 0
    assert d.empty.isVisibleTo(d) and not d.view.isVisibleTo(d)
    assert d.empty.text().startswith("Nobody is barred")
    assert not d.lift_button.isEnabled()


@pytest.mark.parametrize("kind", ["role", "bars", "lift"])
def test_every_control_is_named_and_reachable(qtbot, kind):
    runner = Runner()                                      # nothing runs
    from console.storage.accounts import User
    if kind == "role":
        widget = ChangeRoleDialog([User("governor", "G", "governor"), User("d", "D", "deputy")])
    elif kind == "bars":
        widget = ConflictBarsDialog(runner, BarsView((Bar("R-1", "d"),), {"d": "D"}))
    else:
        widget = LiftBarPrompt(Bar("R-1", "d"), "D")
    qtbot.addWidget(widget)
    runner.shutdown()
    from PySide6.QtWidgets import QWidget
    inputs = (QComboBox, QPlainTextEdit, QAbstractItemView)

    def inside_an_input(w):
        parent = w.parent()
        while parent is not None and parent is not widget:
            if isinstance(parent, inputs):
                return True             # a table's header, a combo's popup
            parent = parent.parent()
        return False
    controls = [w for w in widget.findChildren(QWidget)
                if isinstance(w, inputs) and not inside_an_input(w)]
    assert controls
    for control in controls:
        assert control.accessibleName(), type(control).__name__
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget) and button.text():
            assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
