"""The shared widgets: calendar dates, passphrase fields, the wrapping bar,
the eliding label, the column chooser and where files are saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView, QWidget

from console import clock
from ui.settings import Settings
from ui.widgets.columns import ColumnChooser
from ui.widgets.dates import DateField
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.passphrase import StrengthMeter, accept_passphrase, assess
from ui.widgets.passphrase_edit import PassphraseEdit


# -- dates ------------------------------------------------------------------------------

def test_a_date_field_is_a_calendar_written_as_the_core_writes_dates(qtbot):
    field = DateField(dt.date(2026, 3, 14), accessible_name="Start")
    qtbot.addWidget(field)
    assert field.edit.calendarPopup() and field.edit.displayFormat() == "yyyy-MM-dd"
    assert field.edit.text() == "2026-03-14" and field.value() == dt.date(2026, 3, 14)


def test_an_optional_date_is_unset_until_ticked_and_never_shows_a_made_up_day(qtbot):
    field = DateField(None, optional=True, suggest=clock.today() + dt.timedelta(days=30))
    qtbot.addWidget(field)
    assert field.value() is None and not field.edit.isEnabled()
    assert field.edit.text() == "Not set"           # not 2000-01-01, nor 1899-12-31
    field.set_box.setChecked(True)
    assert field.value() == clock.today() + dt.timedelta(days=30)
    field.set_box.setChecked(False)
    assert field.value() is None and field.edit.text() == "Not set"


def test_a_review_date_in_the_past_is_pointed_out_but_kept(qtbot):
    field = DateField(clock.today() + dt.timedelta(days=3), warns_past=True)
    qtbot.addWidget(field)
    field.show()
    assert field.warning.isHidden()
    field.edit.setDate(clock.today() - dt.timedelta(days=1))
    assert field.warning.isVisible() and "already passed" in field.warning.text()
    assert field.value() == clock.today() - dt.timedelta(days=1)
    field.edit.setDate(clock.today())
    assert field.warning.isHidden()


# -- passphrases ---------------------------------------------------------------------------

def test_a_passphrase_field_shows_and_hides_its_text_and_forgets_on_clear(qtbot):
    edit = PassphraseEdit(accessible_name="Passphrase")
    qtbot.addWidget(edit)
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    edit.setText("correct horse")
    edit.toggle.trigger()
    assert edit.echoMode() == QLineEdit.EchoMode.Normal and edit.toggle.isChecked()
    assert edit.toggle.toolTip() == "Hide the passphrase"
    edit.clear()                                  # cleared: hidden again for the next one
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    assert edit.toggle.toolTip() == "Show the passphrase"


def test_undo_cannot_bring_back_a_cleared_passphrase(qtbot):
    edit = PassphraseEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "secret words")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == ""


def test_the_meter_rates_and_weak_passphrases_are_warned_about(qtbot, monkeypatch):
    assert assess("password1")[1] == "weak"
    assert assess("correct horse battery staple orbit moss")[1] == "strong"
    edit = PassphraseEdit()
    meter = StrengthMeter(edit)
    qtbot.addWidget(meter)
    edit.setText("password1")
    assert meter.verdict.text().startswith("Weak") and meter.level == "weak"
    asked = []
    from ui.widgets import passphrase
    monkeypatch.setattr(passphrase.WeakPassphraseWarning, "ask",
                        classmethod(lambda cls, parent: asked.append(1) or False))
    assert accept_passphrase(None, "password1") is False and asked == [1]
    assert accept_passphrase(None, "correct horse battery staple orbit") is True
    assert asked == [1]                           # a strong one is not questioned


def test_the_weak_warning_defaults_to_choosing_another(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.widgets.passphrase import WeakPassphraseWarning

    def answer():
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        assert box.defaultButton().text() == "&Choose another"
        box.defaultButton().click()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, answer)
    assert WeakPassphraseWarning.ask(None) is False


# -- layout ---------------------------------------------------------------------------------

def test_the_flow_layout_wraps_instead_of_cutting_controls_short(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    search = QLineEdit()
    buttons = [QPushButton(f"Filter number {i}") for i in range(4)]
    for w in (search, *buttons):
        flow.addWidget(w)
    host.resize(2000, 200)
    host.show()
    qtbot.waitExposed(host)
    assert len({w.geometry().y() for w in (search, *buttons)}) == 1     # one row
    assert search.width() > search.sizeHint().width()                  # the search grows
    host.resize(320, 400)
    qtbot.waitUntil(lambda: len({b.geometry().y() for b in buttons}) > 1)
    for b in buttons:                             # wrapped, none narrower than it needs
        assert b.width() >= b.sizeHint().width() or b.width() == 320
    assert flow.heightForWidth(320) > flow.heightForWidth(2000)


def test_an_elided_label_ends_in_an_ellipsis_and_keeps_the_whole_text(qtbot):
    label = ElidedLabel("CR-2026-001 — A very long name that cannot fit in a narrow panel")
    qtbot.addWidget(label)
    label.resize(120, 30)
    label.show()
    assert label.is_elided() and label.shown_text().endswith("…")
    assert label.toolTip().startswith("CR-2026-001")
    assert label.accessibleName().endswith("narrow panel")
    label.resize(2000, 30)
    assert not label.is_elided() and label.toolTip() == ""


# -- columns ----------------------------------------------------------------------------------

def _table(qtbot, columns=("Reference", "Name", "Risk", "Flags")):
    model = QStandardItemModel(3, len(columns))
    model.setHorizontalHeaderLabels(list(columns))
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view._model = model
    chooser = ColumnChooser(view)
    view.horizontalHeader().setSectionHidden(3, True)   # shipped with Flags hidden
    chooser.capture_defaults()
    return view, chooser


def test_the_header_menu_shows_hides_moves_and_resets_columns(qtbot):
    view, chooser = _table(qtbot)
    header = view.horizontalHeader()
    menu = chooser.build_menu(1)
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    assert titles == ["Reference", "Name", "Risk", "Flags"]
    flags = next(a for a in menu.actions() if a.text() == "Flags")
    assert not flags.isChecked()
    flags.trigger()
    assert not header.isSectionHidden(3)
    moves = {a.text(): a for a in menu.actions() if "Move" in a.text()}
    moves["Move column &right"].trigger()         # Name moves after Risk
    assert [header.logicalIndex(v) for v in range(4)] == [0, 2, 1, 3]
    chooser.reset()
    assert header.isSectionHidden(3) and header.logicalIndex(1) == 1


def test_the_last_shown_column_cannot_be_hidden(qtbot):
    view, chooser = _table(qtbot, ("Only", "Hidden"))
    view.horizontalHeader().setSectionHidden(1, True)
    menu = chooser.build_menu(0)
    only = next(a for a in menu.actions() if a.text() == "Only")
    assert not only.isEnabled()
    chooser.set_shown(0, False)
    assert not view.horizontalHeader().isSectionHidden(0)


def test_columns_are_remembered_per_user_and_a_stale_layout_is_ignored(qtbot):
    settings = Settings()
    view, chooser = _table(qtbot)
    chooser.set_shown(3, True)
    settings.set_for("columns/register", "dosei", chooser.state())
    view2, chooser2 = _table(qtbot)
    assert chooser2.restore(settings.get_for("columns/register", "dosei"))
    assert not view2.horizontalHeader().isSectionHidden(3)
    view3, chooser3 = _table(qtbot)
    assert not chooser3.restore(settings.get_for("columns/register", "hmarsh"))
    assert view3.horizontalHeader().isSectionHidden(3)    # another user: the defaults
    narrower, chooser4 = _table(qtbot, ("Reference", "Name"))
    assert not chooser4.restore(settings.get_for("columns/register", "dosei"))
    assert narrower.horizontalHeader().count() == 2


def test_per_user_keys_refuse_names_that_could_reach_another_key():
    settings = Settings()
    settings.set_for("files/last_folder", "../window/geometry", "/tmp")
    settings.set_for("files/last_folder", "a/b", "/tmp")
    assert settings.get_for("files/last_folder", "a/b") == ""
    assert Settings().get("window/geometry").isEmpty()


# -- saving files ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder, service", [
    ("C:/Users/jo/OneDrive - HMPPS/Documents", "OneDrive"),
    ("/home/jo/Dropbox/briefings", "Dropbox"),
    ("/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/x", "iCloud Drive"),
    ("/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org/My Drive", "Google Drive"),
    ("/Users/jo/Library/CloudStorage/OneDrive-HMPPS/x", "OneDrive"),
    ("/home/jo/Documents", None), ("/media/usb/briefings", None)])
def test_cloud_synchronised_folders_are_recognised(folder, service):
    from ui.save_location import cloud_service
    assert cloud_service(folder) == service


def test_the_onedrive_folder_windows_names_is_recognised(monkeypatch, tmp_path):
    from ui.save_location import cloud_service
    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "Work Files"))
    assert cloud_service(tmp_path / "Work Files" / "Briefings") == "OneDrive"


def test_the_last_folder_is_remembered_per_user_and_never_a_cloud_default(tmp_path,
                                                                          monkeypatch):
    from PySide6.QtCore import QStandardPaths

    from ui import save_location
    settings = Settings()
    first = save_location.SaveLocation(settings, "hmarsh")
    assert first.suggested("briefing.pdf") is None          # nothing yet: ask
    (tmp_path / "out").mkdir()
    first.remember(tmp_path / "out" / "briefing.pdf")
    assert first.suggested("b2.pdf") == tmp_path / "out" / "b2.pdf"
    assert save_location.SaveLocation(settings, "dosei").suggested("x.pdf") is None
    synced = tmp_path / "OneDrive" / "Documents"
    synced.mkdir(parents=True)
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(synced))
    assert save_location.safe_start_folder() == Path.home()
    assert "OneDrive" in save_location.cloud_note(synced / "briefing.pdf")
    assert save_location.cloud_note(tmp_path / "out" / "b.pdf") == ""


def test_plain_string_list_model_is_enough_for_the_chooser(qtbot):
    view = QTableView()
    view.setModel(QStringListModel(["a", "b"]))
    qtbot.addWidget(view)
    chooser = ColumnChooser(view)
    chooser.capture_defaults()
    assert chooser.visible_count() == 1 and chooser.build_menu().actions()


def test_the_subject_panels_lists_fit_their_width_without_sideways_scrolling(qtbot):
    import datetime as dt

    from console.records import model
    from ui.subject.tabs import MeasuresTab
    tab = MeasuresTab()
    qtbot.addWidget(tab)
    tab.model.set_items(tuple(model.Measure(
        i, 7, "protect", "moved", status="active", review_due=clock.today(),
        owner="Daniel Osei (Deputy Governor)", start_on=clock.today()) for i in (1, 2)))
    header = tab.view.horizontalHeader()
    for width, left_out in ((380, {4, 5}), (900, set()), (380, {4, 5})):
        tab.resize(width, 500)
        tab.show()
        qtbot.waitUntil(lambda: tab.view.viewport().width() < width)
        qtbot.wait(20)
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        assert set(range(header.count())) - set(shown) == left_out
        assert sum(header.sectionSize(c) for c in shown) <= tab.view.viewport().width()
        assert header.sectionSize(0) >= 80            # the measure's name keeps room
    assert tab.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not tab.view.tabKeyNavigation()
