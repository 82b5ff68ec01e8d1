"""ExportDialog: options, validation, off-thread export with progress and cancel,
then the preview and the signed-by report."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from console.records.commands import SubjectFields
from reports.briefing_service import BriefingResult
from tests.ui.conftest import run_on
from ui.pdf_preview import PdfDocument
from ui.export import ExportDialog, ExportOptions
from ui.export.export_dialog import BRIEFED
from ui.export.options import default_file_name

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def small_pdf(path: Path, pages: int = 2) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"OFFICIAL-SENSITIVE briefing page {n + 1}")
        c.showPage()
    c.save()


class FakeRun:
    """Writes a small PDF; optionally waits on a gate so a test can cancel."""

    def __init__(self, gate: threading.Event | None = None):
        self.calls = []
        self.gate = gate

    def __call__(self, vault, path, options, on_progress):
        self.calls.append((options, path))
        for step in range(1, 4):
            if self.gate is not None:
                self.gate.wait(5)
            on_progress(step, 3)
        small_pdf(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return BriefingResult(path, digest, "BR-2026-11-25-01", "Gwen Governor", "AB:CD:EF", 3, 2)


@pytest.fixture
def pool(vault_runner):
    """The vault thread the dialog runs its export on."""
    return vault_runner


def make(qtbot, tmp_path, run, runner=None, **kw):
    dialog = ExportDialog(runner, run, folder=tmp_path, options_cls=ExportOptions, **kw)
    qtbot.addWidget(dialog)
    return dialog


def test_defaults(qtbot, tmp_path):
    d = make(qtbot, tmp_path, FakeRun())
    assert Path(d.path_edit.text()) == tmp_path / default_file_name()
    assert d.scope() == "all"
    assert not d.scope_selected.isEnabled()
    assert d.options() == ExportOptions()


def test_export_produces_a_file_and_previews_it(qtbot, tmp_path, pool):
    run = FakeRun()
    announced = []
    pool.changed.connect(announced.append)
    d = make(qtbot, tmp_path, run, pool, selected_refs=("CR-2026-001", "CR-2026-003"))
    d.scope_selected.setChecked(True)
    d.pseudonymised.setChecked(True)
    d.distribution.setText("HQ CCU and Area Manager")
    d.show()
    with qtbot.waitSignal(d.document.statusChanged, timeout=5000,
                          check_params_cb=lambda s: s == PdfDocument.Status.Ready):
        d.export_button.click()
    options, path = run.calls[0]
    assert options == ExportOptions("selected", ("CR-2026-001", "CR-2026-003"), True, None,
                                    "HQ CCU and Area Manager")
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert d.pages.currentIndex() == 1
    assert d.document.pageCount() == 2
    assert str(path) in d.saved_label.text()
    assert "Gwen Governor" in d.signed_label.text() and "AB:CD:EF" in d.signed_label.text()
    assert d.result_value.path == path
    assert announced == [BRIEFED] and BRIEFED.journal and BRIEFED.register
    d.close_button.click()
    assert d.result() == d.DialogCode.Accepted


def test_password_must_be_confirmed(qtbot, tmp_path):
    run = FakeRun()
    d = make(qtbot, tmp_path, run)
    assert not d.password.isEnabled()
    d.password_box.setChecked(True)
    d.password.setText("long enough pw")
    d.confirm.setText("something else")
    d.export_button.click()
    assert not d.error_label.isHidden() and "do not match" in d.error_label.text()
    assert run.calls == []
    d.confirm.setText("long enough pw")
    assert d.problem() is None
    assert d.options().password == "long enough pw"


def test_existing_file_needs_a_second_press(qtbot, tmp_path, pool):
    run = FakeRun()
    d = make(qtbot, tmp_path, run, pool)
    Path(d.path_edit.text()).write_bytes(b"old")
    d.export_button.click()
    assert "already exists" in d.error_label.text() and run.calls == []
    d.export_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None, timeout=5000)
    assert len(run.calls) == 1


def test_slow_export_shows_progress_and_can_be_cancelled(qtbot, tmp_path, pool):
    gate = threading.Event()
    run = FakeRun(gate)
    d = make(qtbot, tmp_path, run, pool)
    d.show()
    d.export_button.click()
    assert d.busy and not d.export_button.isEnabled()
    progress = d.operation.presenter
    assert not progress.visible
    qtbot.waitUntil(lambda: progress.visible, timeout=3000)  # shown only once it is slow
    progress.dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: not d.busy, timeout=5000)
    assert "cancelled" in d.error_label.text().lower()
    assert d.result_value is None and d.export_button.isEnabled()
    assert not (tmp_path / default_file_name()).exists()


def test_errors_from_the_service_are_shown_inline(qtbot, tmp_path, pool):
    from console.errors import PermissionDenied

    def refuse(vault, path, options, on_progress):
        raise PermissionDenied("Only the governor can sign a briefing.")

    d = make(qtbot, tmp_path, refuse, pool)
    with qtbot.waitSignal(d.export_button.clicked):
        d.export_button.click()
    qtbot.waitUntil(lambda: "Only the governor" in d.error_label.text(), timeout=5000)
    assert d.pages.currentIndex() == 0


def test_unexpected_errors_are_apologised_for(qtbot, tmp_path, pool):
    def broken(vault, path, options, on_progress):
        raise RuntimeError("secret subject name")

    d = make(qtbot, tmp_path, broken, pool)
    d.export_button.click()
    qtbot.waitUntil(lambda: "Something went wrong" in d.error_label.text(), timeout=5000)
    assert "secret" not in d.error_label.text()


def test_with_the_real_briefing_service(qtbot, tmp_path, pool):
    from console.records import subjects
    from reports.briefing_service import BriefingOptions, make_briefing
    s = run_on(qtbot, pool, lambda v: subjects.create_subject(v, SubjectFields(
        "Alex Example", likelihood=4, impact=5, categories=["conveyance"])))
    fingerprint = run_on(qtbot, pool, lambda v: v.identity().fingerprint)
    d = ExportDialog(pool, make_briefing, folder=tmp_path, selected_refs=(s.ref,))
    qtbot.addWidget(d)
    assert isinstance(d.options(), BriefingOptions)
    d.scope_selected.setChecked(True)
    d.pseudonymised.setChecked(True)
    d.password_box.setChecked(True)
    d.password.setText("briefing password")
    d.confirm.setText("briefing password")
    d.export_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None or not d.error_label.isHidden(),
                    timeout=30000)
    assert d.error_label.isHidden(), d.error_label.text()
    path = d.result_value.path
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert b"/Encrypt" in path.read_bytes()  # the password protects the file
    assert d.result_value.fingerprint == fingerprint
    assert fingerprint in d.signed_label.text()
    qtbot.waitUntil(lambda: d.document.status() == PdfDocument.Status.Ready, timeout=5000)
    assert d.document.pageCount() == d.result_value.pages
    text = "".join(d.document.text(n) for n in range(d.document.pageCount()))
    assert s.ref in text and "Alex Example" not in text  # pseudonymised
