"""Regressions found by walking the governor's and deputies' flows through
the real console and the command line: each test pins one defect so it
cannot come back. The first tests are of the core services and the briefing;
the rest drive the desktop console."""

from __future__ import annotations

import datetime as dt

from console.records import measures, register, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from ui.register.register_filter import RegisterProxy
from ui.register.register_model import Column, RegisterModel
from ui.subject.subject_panel import SubjectPanel


def test_a_briefing_lays_out_notes_and_logs_longer_than_a_page(vault, tmp_path):
    # A table row taller than a page used to stop the briefing with a
    # LayoutError ("something went wrong inside the console").
    from reports.briefing_service import BriefingOptions, make_briefing
    long_text = ("Seen at the gate with a holdall on several night shifts. " * 500).strip()
    s = subjects.create_subject(vault, SubjectFields(
        "Long Notes Person", notes=long_text, likelihood=2, impact=3))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="supervision", start_on=dt.date.today()))
    measures.add_log_entry(vault, m.id, long_text)
    result = make_briefing(vault, tmp_path / "long.pdf", BriefingOptions())
    assert result.pages > 2
    assert (tmp_path / "long.pdf").read_bytes().startswith(b"%PDF")


def test_a_report_cannot_be_received_in_the_future(vault):
    # A report dated ahead of today was accepted, so it could not count as
    # unreferred (overdue) until that day came.
    import pytest

    from console.errors import ValidationError
    from console.records import intel
    s = subjects.create_subject(vault, SubjectFields("Future Dated"))
    with pytest.raises(ValidationError, match="future"):
        intel.add_report(vault, s.ref, ReportFields(
            type="ssir", received_on=dt.date.today() + dt.timedelta(days=400), source_grade=2,
            intel_grade="C", handling="P", summary="x"))
    from console.records import register
    assert register.subject_record(vault, s.ref).reports == ()
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=dt.date.today(), source_grade=2, intel_grade="C", handling="P",
        summary="x"))


def test_a_referral_cannot_be_dated_or_acknowledged_in_the_future(vault):
    # A referral dated ahead of today counted the subject's reports as
    # referred, so the "unreferred" flag went quiet before anything was sent.
    import pytest

    from console.errors import ValidationError
    from console.records import referrals, register
    s = subjects.create_subject(vault, SubjectFields("Future Referral"))
    ahead = dt.date.today() + dt.timedelta(days=30)
    with pytest.raises(ValidationError, match="future"):
        referrals.add_referral(vault, s.ref, ReferralFields(target="hq", referred_on=ahead))
    assert register.subject_record(vault, s.ref).referrals == ()
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=dt.date.today()))
    with pytest.raises(ValidationError, match="future"):
        referrals.update_referral(vault, f.id, ReferralFields(acknowledged_on=ahead))
    assert referrals.get_referral(vault, f.id).acknowledged_on is None


def test_a_user_name_differing_only_in_case_is_refused(vault):
    # "DOSEI" could be added beside "dosei" and then sign audit entries that
    # read as Daniel Osei's.
    import pytest

    from console.errors import ValidationError
    from console.records import users
    from tests.conftest import PASS
    users.add_user(vault, "dosei", PASS, "deputy", display_name="Daniel Osei")
    with pytest.raises(ValidationError, match="already exists"):
        users.add_user(vault, "DOSEI", PASS, "deputy", display_name="Someone Else")
    with pytest.raises(ValidationError, match="a to z"):
        users.add_user(vault, "d\u043esei", PASS, "deputy")   # Cyrillic o, looks the same
    assert sorted(u.name for u in users.list_users(vault)) == ["dosei", "governor"]


def test_search_ignores_accents_in_names(vault):
    # A governor typing "wisniewski" or "ciaran" used to see an empty register.
    for name in ("Tomasz Wiśniewski", "Ciarán Doyle", "Zoë Brontë", "Alex Smith"):
        subjects.create_subject(vault, SubjectFields(name))
    model = RegisterModel()
    model.set_rows(register.register_rows(vault))
    proxy = RegisterProxy()
    proxy.setSourceModel(model)

    def names(text):
        proxy.set_text(text)
        return sorted(proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount()))

    assert names("wisniewski") == ["Tomasz Wiśniewski"]
    assert names("CIARAN") == ["Ciarán Doyle"]
    assert names("zoe bronte") == ["Zoë Brontë"]
    assert names("wiś") == ["Tomasz Wiśniewski"]      # typed with the accent still works
    assert names("smith") == ["Alex Smith"]


def test_panel_tooltips_follow_the_user_who_signs_in_next(qtbot):
    # After a deputy locked and the governor signed in, the enabled buttons
    # still said "you are signed in as a deputy".
    panel = SubjectPanel()
    qtbot.addWidget(panel)
    status = panel.profile.status_button
    log = panel.measures.log_button
    log_tip = log.toolTip()
    panel.set_role("deputy")
    assert not status.isEnabled() and "deputy" in status.toolTip()
    panel.set_role("viewer")
    assert not log.isEnabled() and "viewer" in log.toolTip()
    panel.set_role("governor")
    assert status.isEnabled() and "signed in as" not in status.toolTip()
    assert log.isEnabled() and log.toolTip() == log_tip


def test_default_save_folders_exist_on_a_fresh_profile(tmp_path, monkeypatch):
    # With no ~/Documents yet, the export dialog offered a path in it and then
    # refused it: "The folder to save in does not exist".
    from ui.backup.backup_dialog import default_backup_path
    from ui.save_location import safe_start_folder
    home = tmp_path / "fresh-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    assert not (home / "Documents").exists()
    assert safe_start_folder().is_dir()
    assert default_backup_path().parent.is_dir()
    (home / "Documents").mkdir()
    assert safe_start_folder() == home / "Documents"


def test_referral_buttons_act_on_a_referral_without_a_click_first(qtbot, vault):
    # "Mark acknowledged today" did nothing at all until a referral row had
    # been clicked, even when the subject had a single referral.
    import datetime as dt

    from console.records import referrals
    s = subjects.create_subject(vault, SubjectFields("Referred Person"))
    day = dt.date.today() - dt.timedelta(days=3)
    first = referrals.add_referral(vault, s.ref, ReferralFields(target="hq", referred_on=day))
    referrals.update_referral(vault, first.id, ReferralFields(acknowledged_on=day))
    waiting = referrals.add_referral(vault, s.ref, ReferralFields(target="police", referred_on=day))
    panel = SubjectPanel()
    qtbot.addWidget(panel)
    panel.set_role("governor")
    panel.show_record(register.subject_record(vault, s.ref))
    with qtbot.waitSignal(panel.acknowledge_requested) as got:
        panel.referrals.ack_button.click()
    assert got.args == [waiting.id]
    panel.referrals.view.selectRow(
        [f.id for f in register.subject_record(vault, s.ref).referrals].index(first.id))
    panel.show_record(register.subject_record(vault, s.ref))    # a refresh keeps the choice
    assert panel.referrals.current().id == first.id


def _select(qtbot, window, name):
    ref = next(r.subject.ref for r in window.register.model.rows() if r.subject.name == name)
    window.register.select(ref)
    qtbot.waitUntil(lambda: window.panel.record is not None
                    and window.panel.record.subject.ref == ref, timeout=5000)
    return ref


def test_unlocking_returns_to_the_subject_in_hand(qtbot, make_window, filled_vault):
    # After every auto-lock the register came back with nothing chosen, while
    # the kept log-entry dialog still belonged to the subject that had been open.
    from tests.ui.conftest import DEPUTY_PASS, unlock
    window = make_window(filled_vault)
    unlock(qtbot, window)
    ref = _select(qtbot, window, "Alex Smith")
    dialog = window.actions.add_log()
    qtbot.keyClicks(dialog.text, "half typed")
    window.lock("after a period without use")
    assert window.register.current_ref() in ("", None)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.register.current_ref() == ref, timeout=5000)
    qtbot.waitUntil(lambda: window.panel.record is not None
                    and window.panel.record.subject.ref == ref, timeout=5000)
    assert dialog.isVisible() and dialog.text.text() == "half typed"
    dialog.reject()
    window.lock()
    unlock(qtbot, window, "dep", DEPUTY_PASS)      # someone else: no trace of the place
    assert window.register.current_ref() in ("", None)


def test_the_unlock_note_wraps_instead_of_being_cut_off(qtbot):
    # On a second demo run the note "every user's passphrase is ..." was cut
    # at the card's edge, hiding the passphrase it was there to give.
    from ui.unlock.unlock_page import UnlockPage
    page = UnlockPage()
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    note = ("Demo vault (fictional data): every user's passphrase is "
            "“ashdown demo vault”.")
    page.reset(note)
    assert page.subtitle.text() == note
    assert page.subtitle.wordWrap()
    # Laid out in the card's width, the note takes more than one line.
    width = page.subtitle.width()
    assert width < page.subtitle.fontMetrics().horizontalAdvance(note)
    assert page.subtitle.heightForWidth(width) > page.subtitle.fontMetrics().height()


def test_down_or_enter_in_the_search_box_moves_to_the_first_match(qtbot, vault):
    # Typing a name then Down left the keyboard in the search box with no
    # subject chosen, so Ctrl+Shift+L only said "Choose a subject first".
    from PySide6.QtCore import Qt

    from ui.register.register_view import RegisterView
    for name in ("Tomasz Wiśniewski", "Alex Smith", "Sam Jones"):
        subjects.create_subject(vault, SubjectFields(name))
    view = RegisterView()
    qtbot.addWidget(view)
    view.show()
    view.set_rows(register.register_rows(vault))
    view.search.setFocus()
    qtbot.keyClicks(view.search, "wisniewski")
    assert view.current_ref() == ""
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.current_row().subject.name == "Tomasz Wiśniewski"
    view.search.setFocus()
    view.search.clear()
    qtbot.keyClicks(view.search, "sam")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.current_row().subject.name == "Sam Jones"


def test_locking_forgets_the_search_and_the_count_matches_the_rows(qtbot, make_window,
                                                                   filled_vault):
    # The governor's search text stayed in the box for the next user, and
    # after the reload the count said "2 subjects" while one row was shown.
    from tests.ui.conftest import DEPUTY_PASS, unlock
    window = make_window(filled_vault)
    unlock(qtbot, window)
    view = window.register
    qtbot.keyClicks(view.search, "alex")
    assert view.proxy.rowCount() == 1 and view.count.text() == "1 of 2 subjects"
    view.rag_filter.setCurrentIndex(view.rag_filter.findData("red"))
    window.lock()
    assert view.search.text() == "" and view.rag_filter.currentIndex() == 0
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    assert view.proxy.rowCount() == 2 and view.count.text() == "2 subjects"
    view.set_rows(view.model.rows())                       # a refresh while filtered
    qtbot.keyClicks(view.search, "sam")
    view.set_rows(view.model.rows())
    assert view.proxy.rowCount() == 1 and view.count.text() == "1 of 2 subjects"


def test_a_new_subject_hidden_by_the_search_is_shown(qtbot, make_window, filled_vault):
    # With a search active, "Subject added to the register" appeared but the
    # new subject stayed filtered out of sight, with nothing chosen.
    from tests.ui.conftest import unlock
    window = make_window(filled_vault)
    unlock(qtbot, window)
    view = window.register
    qtbot.keyClicks(view.search, "alex")
    assert view.proxy.rowCount() == 1
    dialog = window.actions.new_subject()
    dialog.name.setText("Robin Hart")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: view.current_row() is not None
                    and view.current_row().subject.name == "Robin Hart", timeout=10_000)
    assert view.search.text() == "" and view.proxy.rowCount() == 3
    # Chosen, and opened as soon as asked (no reason was given yet this session).
    ref = view.current_ref()
    qtbot.waitUntil(lambda: ref in window.panel.empty.text(), timeout=10_000)
    window.browser.when_loaded(lambda: None)
    qtbot.waitUntil(lambda: window.panel.record is not None
                    and window.panel.record.subject.name == "Robin Hart", timeout=10_000)
