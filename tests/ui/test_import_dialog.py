"""ImportDialog: preview before anything is written, bad lines with reasons,
skip-bad, one-transaction import with progress, and a real vault."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QPushButton

from console.records.importer import ImportPreview, ImportRow
from ui.import_csv import ImportDialog
from ui.import_csv.preview_models import ProblemsModel, RowsModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

GOOD = ImportPreview(
    rows=[ImportRow("Alex Example", "S100", status="referred_hq",
                    categories=("conveyance", "theft"), likelihood=4, impact=5, line=2),
          ImportRow("Sam Sample", line=4)],
    problems=[(3, "status is not one of: Concern logged, ...")],
    warnings=["column 'Shoe size' is not a register column, so it was ignored"])


@pytest.fixture(autouse=True)
def pool():
    yield
    QThreadPool.globalInstance().waitForDone(5000)


class Fakes:
    def __init__(self, preview=GOOD, gate=None):
        self.result = preview
        self.gate = gate
        self.commits = []

    def preview(self, path):
        return self.result

    def commit(self, path, skip_bad, on_progress):
        for n in range(1, 3):
            if self.gate is not None:
                self.gate.wait(5)
            on_progress(n, 2)
        self.commits.append((path, skip_bad))
        return 2


def opened(qtbot, fakes, tmp_path):
    d = ImportDialog(fakes.preview, fakes.commit)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "register.csv"))
    with qtbot.waitSignal(d.rows_model.modelReset, timeout=5000,
                          check_params_cb=lambda *a: d.preview_value is not None):
        d.load_preview()
    qtbot.waitUntil(lambda: not d.busy)
    return d


def test_nothing_to_import_until_a_file_is_chosen(qtbot):
    fakes = Fakes()
    d = ImportDialog(fakes.preview, fakes.commit)
    qtbot.addWidget(d)
    assert not d.import_button.isEnabled()
    assert d.rows_model.rowCount() == 0


def test_preview_shows_rows_and_problems_before_writing(qtbot, tmp_path):
    fakes = Fakes()
    d = opened(qtbot, fakes, tmp_path)
    assert d.rows_model.rowCount() == 2 and d.problems_model.rowCount() == 1
    assert d.rows_model.index(0, 1).data() == "Alex Example"
    assert d.rows_model.index(0, 7).data() == "Conveyance, Theft"
    assert d.problems_model.index(0, 1).data().startswith("Status is not")
    assert "2 rows ready" in d.summary.text() and "1 line with problems" in d.summary.text()
    assert "Shoe size" in d.warnings.text()
    # bad lines block the import until the governor chooses to skip them
    assert not d.import_button.isEnabled() and fakes.commits == []
    d.skip_bad.setChecked(True)
    assert d.import_button.isEnabled()
    d.show()
    with qtbot.waitSignal(d.accepted, timeout=5000):
        d.import_button.click()
    assert fakes.commits == [(tmp_path / "register.csv", True)]
    assert d.imported == 2


def test_enter_in_the_file_field_previews_but_never_imports(qtbot, tmp_path):
    fakes = Fakes(ImportPreview(rows=[ImportRow("Alex Example", line=2)]))
    d = opened(qtbot, fakes, tmp_path)
    d.show()
    assert d.import_button.isEnabled()
    d.path_edit.setFocus()
    with qtbot.waitSignal(d.rows_model.modelReset, timeout=5000):
        qtbot.keyClick(d.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not d.busy, timeout=5000)
    assert fakes.commits == [] and d.isVisible()


def test_fatal_file_cannot_be_imported(qtbot, tmp_path):
    fatal = ImportPreview(problems=[(1, "the header has no 'name' column")], fatal=True)
    d = opened(qtbot, Fakes(fatal), tmp_path)
    assert "cannot be imported" in d.summary.text()
    assert d.tabs.currentIndex() == 1
    assert not d.import_button.isEnabled() and not d.skip_bad.isEnabled()


def test_errors_show_inline(qtbot, tmp_path):
    from console.errors import ConsoleError

    class Broken(Fakes):
        def preview(self, path):
            raise ConsoleError("There is no file at that path; check the name and try again.")

    d = ImportDialog(Broken().preview, Broken().commit)
    qtbot.addWidget(d)
    d.path_edit.setText(str(tmp_path / "missing.csv"))
    d.load_preview()
    qtbot.waitUntil(lambda: "no file at that path" in d.error_label.text(), timeout=5000)
    assert not d.import_button.isEnabled()


def test_slow_import_shows_progress_and_cancel_keeps_the_dialog(qtbot, tmp_path):
    gate = threading.Event()
    clean = ImportPreview(rows=[ImportRow("Alex Example", line=2)])
    fakes = Fakes(clean, gate)
    d = opened(qtbot, fakes, tmp_path)
    d.show()
    d.import_button.click()
    assert d.busy
    qtbot.waitUntil(d.progress.dialog.isVisible, timeout=3000)
    job = d._job
    d.progress.dialog.findChild(QPushButton).click()
    gate.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert fakes.commits == [] and d.imported is None
    assert "nothing was imported" in d.error_label.text()
    assert d.import_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester):
    qtmodeltester.check(RowsModel(GOOD.rows))
    qtmodeltester.check(ProblemsModel(GOOD.problems))


def test_with_a_real_vault(vault, qtbot, tmp_path):
    from console.records import importer, register
    csv_path = tmp_path / "register.csv"
    csv_path.write_text("name,staff_number,status,categories,likelihood,impact\n"
                        "Alex Example,S100,assessed,conveyance,4,5\n"
                        "Bad Row,S101,nonsense,,,\n"
                        "Sam Sample,S102,,theft;bribes,2,3\n", encoding="utf-8")
    d = ImportDialog(lambda p: importer.preview(vault, p),
                     lambda p, skip, cb: importer.import_csv(vault, p, skip, cb))
    qtbot.addWidget(d)
    d.path_edit.setText(str(csv_path))
    d.load_preview()
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=5000)
    assert [r.name for r in d.rows_model.rows()] == ["Alex Example", "Sam Sample"]
    assert [line for line, _ in d.problems_model.rows()] == [3]
    assert register.register_rows(vault) == []  # nothing written by the preview
    d.skip_bad.setChecked(True)
    with qtbot.waitSignal(d.accepted, timeout=10000):
        d.import_button.click()
    assert d.imported == 2
    assert len(register.register_rows(vault)) == 2


def test_cancelled_real_import_leaves_the_register_unchanged(vault, qtbot, tmp_path):
    from console.records import importer, register
    csv_path = tmp_path / "register.csv"
    csv_path.write_text("name\n" + "".join(f"Person {n}\n" for n in range(5)),
                        encoding="utf-8")
    dialogs = []

    def commit(path, skip, on_progress):
        def progress(done, total):
            if done == 3:  # the governor presses Cancel part-way through
                dialogs[0]._job.cancel()
            on_progress(done, total)
        return importer.import_csv(vault, path, skip, progress)

    d = ImportDialog(lambda p: importer.preview(vault, p), commit, path=csv_path)
    dialogs.append(d)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=5000)
    assert d.rows_model.rowCount() == 5 and d.import_button.isEnabled()
    d.import_button.click()
    qtbot.waitUntil(lambda: "nothing was imported" in d.error_label.text(), timeout=10000)
    assert register.register_rows(vault) == []
    assert d.imported is None
