"""Desktop console fixtures: QSettings in a temporary INI file, a vault with
a little data, and a main window whose vault thread is always shut down."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from console.records.commands import MeasureFields, SubjectFields
from tests.conftest import FAST_KDF, PASS

DEPUTY_PASS = "deputy passphrase one"
RUNNER_VAULT = "runner-vault"       # the folder, under tmp_path, of vault_runner's vault


def pytest_collection_modifyitems(items):
    # The offscreen platform warns that it cannot resize windows to fit; the
    # warning says nothing about the console.
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True, scope="session")
def translations(qapp):
    """The console's translations, as ``ui.app.make_application`` loads them
    (English plural forms: "1 subject", "2 subjects")."""
    from ui import i18n
    assert i18n.install() is not None


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("Governors Console Tests")
    QCoreApplication.setApplicationName("Governor's Console")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def reason_for_opening(request, monkeypatch):
    """Opening a record asks why (once a session). Tests answer "case review"
    unless they are about the prompt itself (``@pytest.mark.real_reason_prompt``)."""
    if request.node.get_closest_marker("real_reason_prompt"):
        return
    from console.records import journal
    from ui.main_window import MainWindow

    def answer(window):
        window.last_reason = journal.parse_reason(journal.DEFAULT_REASON)
        return window.last_reason
    monkeypatch.setattr(MainWindow, "ask_reason", answer)


@pytest.fixture(scope="session")
def filled_vault_template(tmp_path_factory, kdf_floor_for_tests):
    """Built once a session; ``filled_vault`` copies it for each test."""
    import console.storage.keyslots as ks
    from console.audit.genesis import create_vault
    from console.records import measures, subjects, users
    path = tmp_path_factory.mktemp("templates") / "filled-vault"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ks, "DEFAULT_KDF", FAST_KDF)
        v = create_vault(path, "governor", PASS, "HMP Testshire",
                         display_name="Gwen Governor", kdf=FAST_KDF)
        a = subjects.create_subject(v, SubjectFields(
            "Alex Smith", role="Officer", location="B wing", categories=["conveyance"],
            likelihood=4, impact=4))
        subjects.create_subject(v, SubjectFields("Sam Jones", role="Chaplain", location="Chapel",
                                                 categories=["relationship"]))
        measures.add_measure(v, a.ref, MeasureFields(aim="protect", type="moved",
                                                     status="active", start_on=dt.date.today()))
        users.add_user(v, "dep", DEPUTY_PASS, "deputy", display_name="Dee Deputy")
        v.close()
    return path


@pytest.fixture
def filled_vault(vault_path, fast_kdf, filled_vault_template):
    """A closed vault of this test's own: two subjects (one with a measure), a
    deputy."""
    shutil.copytree(filled_vault_template, vault_path)
    return vault_path


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make(path):
        from ui.main_window import MainWindow
        w = MainWindow(path)
        w.presenter.modal = False
        qtbot.addWidget(w)
        w.show()
        windows.append(w)
        return w
    yield make
    for w in windows:
        w.shutdown()


@pytest.fixture
def vault_runner(qtbot, tmp_path, new_vault_template, fast_kdf):
    """A runner holding an open vault of its own (a copy of the session's new one)."""
    path = tmp_path / RUNNER_VAULT
    shutil.copytree(new_vault_template, path)
    runner = open_runner(qtbot, path)
    yield runner
    runner.shutdown()


def open_runner(qtbot, path, user="governor", passphrase=PASS):
    """A runner (``ui.runner.Runner``) with the vault at ``path`` open for
    ``user``; the caller shuts it down."""
    from ui.runner import Runner
    runner = Runner()
    opened = []
    runner.open(path, user, passphrase, on_success=opened.append, on_failure=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert not isinstance(opened[0], BaseException), opened[0]
    return runner


def run_on(qtbot, runner, call, timeout: int = 10_000):
    """Run ``call(vault)`` as an operation on ``runner``; its result, or raise its error."""
    from ui.operation import Operation
    out = []
    runner.run(Operation(call, on_success=lambda r: out.append(("ok", r)),
                         on_failure=lambda e: out.append(("error", e))))
    qtbot.waitUntil(lambda: bool(out), timeout=timeout)
    kind, value = out[0]
    if kind == "error":
        raise value
    return value


def unlock(qtbot, window, user="governor", passphrase=PASS):
    window.unlock_page.user.setCurrentText(user)
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    qtbot.waitUntil(lambda: window.register.model.rowCount() > 0, timeout=10_000)
