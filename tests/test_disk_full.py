"""A full disk: writes past a file-size limit (RLIMIT_FSIZE in a child
process, with SIGXFSZ ignored so the write fails instead of killing it) end
in ``StorageFull`` with its plain message; nothing stored is damaged, the
process keeps running and works again once there is room.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from console.records.commands import SubjectFields

# Slow: fills a real small filesystem in a child process (run by the full suite
# and CI).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
FULL_MESSAGE = ("The disk is full, so nothing was saved; free some space and try again. "
                "Everything saved before is intact.")
GOV_PASS = "correct horse battery staple"
NEW_PASS = "a new passphrase that never lands"


def child_main(folder: str) -> None:
    """Runs in the child; prints one JSON line per step."""
    import os
    import resource
    import signal

    import console.storage.keyslots as ks
    from tests.conftest import FAST_KDF
    ks.DEFAULT_KDF = ks.KDF_FLOOR = FAST_KDF
    from console.audit.genesis import create_vault
    from console.errors import ConsoleError
    from console.lawful.backups import make_backup
    from console.records import register, subjects, users

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    unlimited = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)

    def limit(size: int) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    def attempt(step: str, fn) -> None:
        try:
            fn()
            out = {"step": step, "error": None}
        except ConsoleError as exc:
            out = {"step": step, "error": type(exc).__name__, "message": str(exc)}
        except Exception as exc:  # the test fails on any of these
            out = {"step": step, "error": "UNEXPECTED " + type(exc).__name__}
        out["names"] = sorted(r.subject.name for r in register.register_rows(v))
        print(json.dumps(out), flush=True)

    v = create_vault(folder, "governor", GOV_PASS, "HMP Testshire", kdf=FAST_KDF)
    subjects.create_subject(v, SubjectFields("Alpha Stored Before", notes="n" * 2000))
    biggest = max(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)
                  if os.path.isfile(os.path.join(folder, f)))

    limit(biggest + 64 * 1024)
    attempt("big_write", lambda: subjects.create_subject(v, SubjectFields(
        "Beta Too Big", notes="x" * 1_000_000)))
    attempt("small_write_fits", lambda: subjects.create_subject(v, SubjectFields("Gamma Small")))
    # The rotation's own backup still fits; the re-encryption does not.
    attempt("rotate", v.rotate_data_key)

    limit(8 * 1024)
    attempt("backup", lambda: make_backup(v, Path(folder).parent / "out.gcbackup"))
    attempt("rotate_without_room_for_its_backup", v.rotate_data_key)

    limit(64)  # not even a key-slot file fits now
    attempt("passphrase", lambda: users.change_passphrase(v, GOV_PASS, NEW_PASS))
    attempt("add_user", lambda: users.add_user(v, "dep", "deputy passphrase"))

    resource.setrlimit(resource.RLIMIT_FSIZE, unlimited)
    attempt("after_room_is_made", lambda: subjects.create_subject(v, SubjectFields(
        "Delta After", notes="y" * 1_000_000)))
    attempt("add_user_after", lambda: users.add_user(v, "dep", "deputy passphrase"))
    v.close()
    print(json.dumps({"step": "closed"}), flush=True)


CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from tests.test_disk_full import child_main; child_main(*sys.argv[2:])")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("full") / "vault"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(folder)],
                          capture_output=True, text=True, timeout=120)
    steps = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        steps[rec["step"]] = rec
    return proc, steps, folder


def test_the_process_keeps_running_to_the_end(run):
    proc, steps, _ = run
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "closed" in steps


@pytest.mark.parametrize("step", ["big_write", "rotate", "backup",
                                  "rotate_without_room_for_its_backup", "passphrase",
                                  "add_user"])
def test_a_write_past_the_limit_is_storage_full_with_the_plain_message(run, step):
    _, steps, _ = run
    assert steps[step]["error"] == "StorageFull"
    assert steps[step]["message"] == FULL_MESSAGE


def test_nothing_half_written_and_nothing_lost(run):
    _, steps, folder = run
    before = ["Alpha Stored Before"]
    assert steps["big_write"]["names"] == before
    assert steps["small_write_fits"] == {"step": "small_write_fits", "error": None,
                                         "names": before + ["Gamma Small"]}
    assert steps["after_room_is_made"]["error"] is None
    assert steps["add_user_after"]["error"] is None
    assert not (folder.parent / "out.gcbackup").exists()
    assert not list(folder.parent.glob(".gc-backup-*"))
    assert not list(folder.glob(".keyslots*.tmp"))


def test_the_vault_reopens_whole_with_the_old_passphrase(run):
    from console.audit import chain as audit
    from console.records import register
    from console.storage.vault import Vault
    _, _, folder = run
    with Vault.open(folder, "governor", GOV_PASS) as v:
        assert v.query("PRAGMA integrity_check") == [("ok",)]
        assert audit.verify(v).ok
        assert sorted(r.subject.name for r in register.register_rows(v)) == [
            "Alpha Stored Before", "Delta After", "Gamma Small"]
    with Vault.open(folder, "dep", "deputy passphrase") as d:
        assert d.user.role == "deputy"
