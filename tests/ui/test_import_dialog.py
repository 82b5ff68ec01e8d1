"""ImportDialog: preview before anything is written, bad lines with reasons,
skip-bad, one-transaction import with progress, and a real vault."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from console.records.importer import ImportPreview, ImportRow
from tests.ui.conftest import run_on
from ui.import_csv import ImportDialog
from ui.import_csv.preview_models import ProblemsModel, RowsModel
from ui.operation import Changes

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD = ImportPreview(
    rows=[ImportRow("Alex Example", "S100", status="referred_hq",
                    categories=("conveyance", "theft"), likelihood=4, impact=5, line=2),
          ImportRow("Sam Sample", line=4)],
    problems=[(3, "status is not one of: Concern logged, ...")],
    warnings=["column 'Shoe size' is not a register column, so it was ignored"],
    names={3: "Robin Retired"}, cells={3: ("status", "retired")})


class Fakes:
    def __init__(self, preview=GOOD, gate=None):
        self.result = preview
        self.gate = gate
        self.commits = []

    def preview(self, vault, path):
        return self.result

    def commit(self, vault, path, skip_bad, on_progress):
        for n in range(1, 3):
            if self.gate is not None:
                self.gate.wait(5)
            on_progress(n, 2)
        self.commits.append((path, skip_bad))
        return 2


def opened(qtbot, fakes, tmp_path, runner):
    d = ImportDialog(runner, fakes.preview, fakes.commit)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "register.csv"))
    with qtbot.waitSignal(d.rows_model.modelReset, timeout=5000,
                          check_params_cb=lambda *a: d.preview_value is not None):
        d.load_preview()
    qtbot.waitUntil(lambda: not d.busy)
    return d


def test_nothing_to_import_until_a_file_is_chosen(qtbot, vault_runner):
    fakes = Fakes()
    d = ImportDialog(vault_runner, fakes.preview, fakes.commit)
    qtbot.addWidget(d)
    assert not d.import_button.isEnabled()
    assert d.rows_model.rowCount() == 0


def test_preview_shows_rows_and_problems_before_writing(qtbot, tmp_path, vault_runner):
    fakes = Fakes()
    d = opened(qtbot, fakes, tmp_path, vault_runner)
    assert d.rows_model.rowCount() == 2 and d.problems_model.rowCount() == 1
    assert d.rows_model.index(0, 1).data() == "Alex Example"
    assert d.rows_model.index(0, 7).data() == "Conveyance, Theft"
    # The bad line is named, its value quoted, and the list of problems comes first.
    assert [d.problems_model.index(0, c).data() for c in range(4)] == [
        "3", "Robin Retired", "status", "“retired”"]
    assert d.problems_model.index(0, 4).data().startswith("Status is not")
    assert d.tabs.currentIndex() == 1
    assert "2 rows ready" in d.summary.text() and "1 line with problems" in d.summary.text()
    assert "Shoe size" in d.warnings.text()
    # bad lines block the import until the governor chooses to skip them, and say so
    assert not d.import_button.isEnabled() and fakes.commits == []
    assert "1 line has problems" in d.blocked.text() and not d.blocked.isHidden()
    d.skip_bad.setChecked(True)
    assert d.import_button.isEnabled() and d.blocked.isHidden()
    d.show()
    with qtbot.waitSignal(d.accepted, timeout=5000):
        d.import_button.click()
    assert fakes.commits == [(tmp_path / "register.csv", True)]
    assert d.imported == 2


def test_enter_in_the_file_field_previews_but_never_imports(qtbot, tmp_path, vault_runner):
    fakes = Fakes(ImportPreview(rows=[ImportRow("Alex Example", line=2)]))
    d = opened(qtbot, fakes, tmp_path, vault_runner)
    d.show()
    assert d.import_button.isEnabled()
    d.path_edit.setFocus()
    with qtbot.waitSignal(d.rows_model.modelReset, timeout=5000):
        qtbot.keyClick(d.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not d.busy, timeout=5000)
    assert fakes.commits == [] and d.isVisible()


def test_leaving_the_file_field_reads_the_file_once(qtbot, tmp_path, vault_runner):
    class Counting(Fakes):
        reads = 0

        def preview(self, vault, path):
            Counting.reads += 1
            return super().preview(vault, path)
    fakes = Counting()
    d = ImportDialog(vault_runner, fakes.preview, fakes.commit)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    d.path_edit.setFocus()
    qtbot.waitUntil(d.path_edit.hasFocus)
    qtbot.keyClicks(d.path_edit, str(tmp_path / "register.csv"))
    qtbot.keyClick(d.path_edit, Qt.Key.Key_Tab)           # typed, then Tab: read
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=5000)
    assert Counting.reads == 1 and d.rows_model.rowCount() == 2
    d.path_edit.setFocus()
    qtbot.keyClick(d.path_edit, Qt.Key.Key_Tab)           # nothing new: not read again
    qtbot.wait(50)
    assert Counting.reads == 1 and fakes.commits == []


def test_a_date_written_day_first_gets_its_iso_form():
    from ui.import_csv.preview_models import line_problems
    p = ImportPreview(problems=[(7, "next_review is not a date (YYYY-MM-DD)")],
                      names={7: "Alex Smith"}, cells={7: ("next_review", "14/03/2019")})
    [problem] = line_problems(p)
    assert problem.name == "Alex Smith" and problem.value == "14/03/2019"
    assert problem.problem == "Next_review is not a date (YYYY-MM-DD); write it as 2019-03-14"


def test_fatal_file_cannot_be_imported(qtbot, tmp_path, vault_runner):
    fatal = ImportPreview(problems=[(1, "the header has no 'name' column")], fatal=True)
    d = opened(qtbot, Fakes(fatal), tmp_path, vault_runner)
    assert "cannot be imported" in d.summary.text()
    assert d.tabs.currentIndex() == 1
    assert not d.import_button.isEnabled() and not d.skip_bad.isEnabled()


def test_errors_show_inline(qtbot, tmp_path, vault_runner):
    from console.errors import ConsoleError

    class Broken(Fakes):
        def preview(self, vault, path):
            raise ConsoleError("There is no file at that path; check the name and try again.")

    d = ImportDialog(vault_runner, Broken().preview, Broken().commit)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "missing.csv"))
    d.load_preview()
    qtbot.waitUntil(lambda: "no file at that path" in d.error_label.text(), timeout=5000)
    assert not d.import_button.isEnabled()


def test_slow_import_shows_progress_and_cancel_keeps_the_dialog(qtbot, tmp_path, vault_runner):
    gate = threading.Event()
    clean = ImportPreview(rows=[ImportRow("Alex Example", line=2)])
    fakes = Fakes(clean, gate)
    d = opened(qtbot, fakes, tmp_path, vault_runner)
    d.show()
    d.import_button.click()
    assert d.busy
    op = d.operation
    qtbot.waitUntil(lambda: op.presenter.visible, timeout=3000)
    op.presenter.dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: not d.busy, timeout=5000)
    assert fakes.commits == [] and d.imported is None
    assert "nothing was imported" in d.error_label.text()
    assert d.import_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester):
    qtmodeltester.check(RowsModel(GOOD.rows))
    from ui.import_csv.preview_models import line_problems
    qtmodeltester.check(ProblemsModel(line_problems(GOOD)))


def test_with_a_real_vault(vault_runner, qtbot, tmp_path):
    from console.records import register
    csv_path = tmp_path / "register.csv"
    csv_path.write_text("name,staff_number,status,categories,likelihood,impact\n"
                        "Alex Example,S100,assessed,conveyance,4,5\n"
                        "Bad Row,S101,nonsense,,,\n"
                        "Sam Sample,S102,,theft;bribes,2,3\n", encoding="utf-8")
    announced = []
    vault_runner.changed.connect(announced.append)
    vault_runner.status.connect(announced.append)
    d = ImportDialog(vault_runner)
    qtbot.addWidget(d)
    d.path_edit.setText(str(csv_path))
    d.load_preview()
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=5000)
    assert [r.name for r in d.rows_model.rows()] == ["Alex Example", "Sam Sample"]
    [bad] = d.problems_model.rows()
    assert (bad.line, bad.name, bad.column, bad.value) == (3, "Bad Row", "status", "nonsense")
    assert run_on(qtbot, vault_runner, register.register_rows) == []  # the preview wrote nothing
    assert announced == []
    d.skip_bad.setChecked(True)
    d.import_button.click()
    qtbot.waitUntil(lambda: d.imported is not None, timeout=10000)
    assert d.imported == 2 and d.isVisible() or not d.isVisible()
    assert len(run_on(qtbot, vault_runner, register.register_rows)) == 2
    # The confirmation says which lines were left out, and the dialog keeps them in view.
    assert announced == [Changes(register=True, dashboard=True),
                         "2 subjects imported in one transaction. Left out: line 3."]
    assert "Left out: line 3" in d.summary.text() and d.import_button.isHidden()
    assert d.tabs.currentIndex() == 1
    with qtbot.waitSignal(d.accepted, timeout=5000):
        d.cancel_button.click()                      # now "Close": the import stands


def test_cancelled_real_import_leaves_the_register_unchanged(vault_runner, qtbot, tmp_path):
    from console.records import importer, register
    csv_path = tmp_path / "register.csv"
    csv_path.write_text("name\n" + "".join(f"Person {n}\n" for n in range(5)),
                        encoding="utf-8")
    dialogs = []

    def commit(vault, path, skip, on_progress):
        def progress(done, total):
            if done == 3:  # the governor presses Cancel part-way through
                dialogs[0].operation.cancel()
            on_progress(done, total)
        return importer.import_csv(vault, path, skip, progress)

    d = ImportDialog(vault_runner, commit=commit, path=csv_path)
    dialogs.append(d)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=5000)
    assert d.rows_model.rowCount() == 5 and d.import_button.isEnabled()
    d.import_button.click()
    qtbot.waitUntil(lambda: "nothing was imported" in d.error_label.text(), timeout=10000)
    assert run_on(qtbot, vault_runner, register.register_rows) == []
    assert d.imported is None
