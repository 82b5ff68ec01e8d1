"""ExportDialog: options, a preview built off the UI thread and shown from
memory before anything is signed, then Sign and save (where the user saved
last, asked the first time), progress and cancel, the signed-by report and
Open folder."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from console.records.commands import SubjectFields
from reports.briefing_service import BriefingResult
from tests.ui.conftest import run_on
from ui.export import ExportDialog, ExportOptions
from ui.export.export_dialog import BRIEFED
from ui.export.options import default_file_name
from ui.pdf_preview import PdfDocument
from ui.save_location import SaveLocation
from ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def small_pdf(pages: int = 2, text: str = "briefing") -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.drawString(72, 760, f"OFFICIAL-SENSITIVE {text} page {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


@dataclass(frozen=True)
class FakePreview:
    pdf: bytes
    subjects: int
    pages: int
    content: str = "digest-1"


class FakeService:
    """A preview and a signing that write nothing but the signed file;
    either may wait on a gate so a test can cancel."""

    def __init__(self, gate: threading.Event | None = None):
        self.previews, self.signed = [], []
        self.gate = gate

    def preview(self, vault, options, on_progress):
        self.previews.append(options)
        for step in range(1, 4):
            if self.gate is not None:
                self.gate.wait(5)
            on_progress(step, 3)
        return FakePreview(small_pdf(2, "preview"), 3, 2)

    def make(self, vault, path, options, on_progress, expect=None):
        self.signed.append((options, path, expect))
        on_progress(1, 1)
        path.write_bytes(small_pdf(2, "signed"))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return BriefingResult(path, digest, "BR-20261125-01", "Gwen Governor", "AB:CD:EF", 3, 2)


@pytest.fixture
def pool(vault_runner):
    return vault_runner


def make(qtbot, service, runner=None, places=None, **kw):
    dialog = ExportDialog(runner, service.make, service.preview, options_cls=ExportOptions,
                          places=places, **kw)
    qtbot.addWidget(dialog)
    return dialog


def previewed(qtbot, d):
    with qtbot.waitSignal(d.document.statusChanged, timeout=5000,
                          check_params_cb=lambda s: s == PdfDocument.Status.Ready):
        d.preview_button.click()


def test_defaults(qtbot):
    d = make(qtbot, FakeService())
    assert d.scope() == "all" and not d.scope_selected.isEnabled()
    assert d.options() == ExportOptions()
    assert d.preview_button.isVisible() or d.preview_button.isDefault()
    assert d.sign_button.isHidden()              # nothing can be signed before a preview


def test_the_preview_comes_first_and_records_nothing(qtbot, tmp_path, pool):
    service = FakeService()
    announced = []
    pool.changed.connect(announced.append)
    files = set(tmp_path.rglob("*"))
    d = make(qtbot, service, pool, selected_refs=("CR-2026-001", "CR-2026-003"))
    d.scope_selected.setChecked(True)
    d.pseudonymised.setChecked(True)
    d.distribution.setText("HQ CCU and Area Manager")
    d.show()
    previewed(qtbot, d)
    assert service.previews == [ExportOptions("selected", ("CR-2026-001", "CR-2026-003"),
                                              True, None, "HQ CCU and Area Manager")]
    assert service.signed == [] and announced == []          # nothing numbered or counted
    assert d.pages.currentIndex() == 1 and d.document.pageCount() == 2
    text = d.document.text(0)
    assert "preview" in text
    assert "not signed" in d.briefing_page.state.text().lower()
    assert "3 subjects" in d.briefing_page.state.text()
    assert set(tmp_path.rglob("*")) == files                 # shown from memory only
    assert d.sign_button.isVisible() and d.back_button.isVisible()
    d.back_button.click()
    assert d.pages.currentIndex() == 0


def test_sign_and_save_asks_where_the_first_time_then_remembers(qtbot, tmp_path, pool,
                                                                 monkeypatch):
    service = FakeService()
    places = SaveLocation(Settings(), "governor")
    asked = []

    def choose(parent, title, file_name, filters):
        asked.append(file_name)
        return tmp_path / "chosen" / "b.pdf"
    (tmp_path / "chosen").mkdir()
    monkeypatch.setattr(places, "ask", choose)
    announced = []
    pool.changed.connect(announced.append)
    d = make(qtbot, service, pool, places=places)
    d.show()
    previewed(qtbot, d)
    assert d.path_edit.text() == ""              # nothing remembered: asked on signing
    d.sign_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None, timeout=5000)
    assert asked == [default_file_name()]
    options, path, expect = service.signed[0]
    assert path == tmp_path / "chosen" / "b.pdf" and expect == "digest-1"
    assert announced == [BRIEFED]
    assert "Gwen Governor" in d.briefing_page.done_label.text()
    assert "AB:CD:EF" in d.briefing_page.done_label.text()
    assert d.open_folder_button.isVisible() and not d.sign_button.isVisible()
    opened = []
    monkeypatch.setattr("ui.export.export_dialog.open_folder", opened.append)
    d.open_folder_button.click()
    assert opened == [path]
    d.close_button.click()
    assert d.result() == d.DialogCode.Accepted
    # Next time: the folder used last, with no question asked.
    again = make(qtbot, FakeService(), pool, places=places)
    previewed(qtbot, again)
    assert Path(again.path_edit.text()) == tmp_path / "chosen" / default_file_name()


def test_a_synchronised_folder_is_named(qtbot, tmp_path, pool):
    d = make(qtbot, FakeService(), pool)
    previewed(qtbot, d)
    d.path_edit.setText(str(tmp_path / "OneDrive - HMPPS" / "b.pdf"))
    assert d.briefing_page.cloud_note.isVisible() or not d.isVisible()
    assert "OneDrive" in d.briefing_page.cloud_note.text()


def test_password_must_be_confirmed(qtbot):
    service = FakeService()
    d = make(qtbot, service)
    assert not d.password.isEnabled()
    d.password_box.setChecked(True)
    d.password.setText("long enough pw")
    d.confirm.setText("something else")
    d.preview_button.click()
    assert "do not match" in d.options_page.error_label.text() and service.previews == []
    d.confirm.setText("long enough pw")
    assert d.options_problem() is None and d.options().password == "long enough pw"


def test_existing_file_needs_a_second_press(qtbot, tmp_path, pool):
    service = FakeService()
    d = make(qtbot, service, pool)
    previewed(qtbot, d)
    target = tmp_path / "b.pdf"
    target.write_bytes(b"old")
    d.path_edit.setText(str(target))
    d.sign_button.click()
    assert "already exists" in d.briefing_page.error_label.text() and service.signed == []
    d.sign_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None, timeout=5000)
    assert len(service.signed) == 1


def test_a_slow_preview_shows_progress_and_can_be_cancelled(qtbot, pool):
    gate = threading.Event()
    d = make(qtbot, FakeService(gate), pool)
    d.show()
    d.preview_button.click()
    assert d.busy and not d.preview_button.isEnabled()
    progress = d.operation.presenter
    qtbot.waitUntil(lambda: progress.visible, timeout=3000)  # shown only once it is slow
    progress.dialog.findChild(QPushButton).click()
    gate.set()
    qtbot.waitUntil(lambda: not d.busy, timeout=5000)
    assert "cancelled" in d.options_page.error_label.text().lower()
    assert d.pages.currentIndex() == 0 and d.preview_button.isEnabled()


def test_errors_from_the_service_are_shown_inline(qtbot, pool):
    from console.errors import PermissionDenied

    class Refusing(FakeService):
        def preview(self, vault, options, on_progress):
            raise PermissionDenied("Only the governor can sign a briefing.")
    d = make(qtbot, Refusing(), pool)
    d.preview_button.click()
    qtbot.waitUntil(lambda: "Only the governor" in d.options_page.error_label.text(),
                    timeout=5000)
    assert d.pages.currentIndex() == 0


def test_unexpected_errors_are_apologised_for(qtbot, tmp_path, pool):
    class Broken(FakeService):
        def make(self, *args, **kwargs):
            raise RuntimeError("secret subject name")
    d = make(qtbot, Broken(), pool)
    previewed(qtbot, d)
    d.path_edit.setText(str(tmp_path / "b.pdf"))
    d.sign_button.click()
    qtbot.waitUntil(lambda: "Something went wrong" in d.briefing_page.error_label.text(),
                    timeout=5000)
    assert "secret" not in d.briefing_page.error_label.text() and d.result_value is None


def test_with_the_real_briefing_service(qtbot, tmp_path, pool):
    from console.records import briefings, subjects
    from reports.briefing_service import BriefingOptions, make_briefing, preview_briefing
    s = run_on(qtbot, pool, lambda v: subjects.create_subject(v, SubjectFields(
        "Alex Example", likelihood=4, impact=5, categories=["conveyance"])))
    fingerprint = run_on(qtbot, pool, lambda v: v.identity().fingerprint)
    d = ExportDialog(pool, make_briefing, preview_briefing, selected_refs=(s.ref,))
    qtbot.addWidget(d)
    assert isinstance(d.options(), BriefingOptions)
    d.scope_selected.setChecked(True)
    d.pseudonymised.setChecked(True)
    d.password_box.setChecked(True)
    d.password.setText("briefing password")
    d.confirm.setText("briefing password")
    d.preview_button.click()
    qtbot.waitUntil(lambda: d.document.status() == PdfDocument.Status.Ready, timeout=30000)
    text = "".join(d.document.text(n) for n in range(d.document.pageCount()))
    assert "PREVIEW" in text and s.ref in text and "Alex Example" not in text
    assert run_on(qtbot, pool, briefings.last_briefing) is None     # not counted yet
    d.path_edit.setText(str(tmp_path / "b.pdf"))
    d.sign_button.click()
    qtbot.waitUntil(lambda: d.result_value is not None
                    or not d.briefing_page.error_label.isHidden(), timeout=30000)
    assert d.briefing_page.error_label.isHidden(), d.briefing_page.error_label.text()
    path = d.result_value.path
    assert b"/Encrypt" in path.read_bytes() and b"/ByteRange" in path.read_bytes()
    assert d.result_value.fingerprint == fingerprint
    assert fingerprint in d.briefing_page.done_label.text()
    assert run_on(qtbot, pool, briefings.last_briefing).reference == d.result_value.reference
    qtbot.waitUntil(lambda: d.document.status() == PdfDocument.Status.Ready, timeout=5000)
    signed = "".join(d.document.text(n) for n in range(d.document.pageCount()))
    assert "PREVIEW" not in signed and d.result_value.reference in signed


def test_the_briefing_language_is_chosen_with_the_interface_as_default(qtbot):
    from ui import i18n
    d = make(qtbot, FakeService())
    assert d.options().language == "en"
    d.options_page.language_buttons["both"].click()
    assert d.options().language == "both"
    i18n.install("cy")
    try:
        welsh = make(qtbot, FakeService())
        assert welsh.options().language == "cy"
    finally:
        i18n.install("en")
