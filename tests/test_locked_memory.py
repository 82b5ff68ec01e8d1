"""A locked console holds no key material and no record text: the real
desktop console (off-screen), unlocked, showing a subject, then locked with
File › Lock, has its memory read through ``/proc/PID/mem``; neither the data
key (as bytes or as hex text), the passphrase, the subject's name, their
notes nor a report's full text is anywhere in it. The same reader finds the
name and the notes in the unlocked process, so it would find a leak."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import insider_dump, process_memory
from tests.conftest import PASS, ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="reads /proc/PID/mem")]
NAME = "Ottoline Memorywatch"
NOTE = "notes-held-in-memory-7731"
FULL = "full-text-held-in-memory-4410"
TIMEOUT = 180


def _env(home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                     ("HOME", "home"), ("TMPDIR", "tmp")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.pop("CONSOLE_PASSPHRASE", None)
    return env


def _cpu(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _settled(pid: int, deadline: float) -> None:
    """Wait until the process has used no CPU for a second (its event loop
    idle, the unlock page shown)."""
    last, quiet = _cpu(pid), 0
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = _cpu(pid)
        quiet = quiet + 1 if now == last else 0
        last = now
        if quiet >= 4:
            return
    pytest.fail("the console never settled after locking")


def test_a_locked_console_holds_no_key_and_no_record_text(vault, vault_path, tmp_path):
    from console.records import intel, subjects
    from console.records.commands import ReportFields, SubjectFields
    s = subjects.create_subject(vault, SubjectFields(NAME, notes=NOTE))
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=dt.date.today(), source_grade=1, intel_grade="A",
        handling="P", full_text=FULL))
    vault.close()
    key = insider_dump.data_key(vault_path, "governor", PASS)
    flag = tmp_path / "lock-now"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "console_driver.py"), str(vault_path),
         "governor", s.ref, str(flag)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, env=_env(tmp_path / "home"), cwd=tmp_path)
    try:
        proc.stdin.write(PASS + "\n")
        proc.stdin.close()
        deadline = time.monotonic() + TIMEOUT
        assert proc.stdout.readline().strip() == "unlocked"
        secrets = {"data key": key, "data key (hex)": key.hex(),
                   "data key (HEX)": key.hex().upper(), "passphrase": PASS,
                   "name": NAME, "notes": NOTE, "full text": FULL}
        unlocked = process_memory.count(proc.pid, secrets)
        # The reader sees what the unlocked console shows; the key goes to
        # SQLCipher as bytes, never as the hex text of a statement.
        assert unlocked["name"] > 0 and unlocked["notes"] > 0
        assert unlocked["data key (hex)"] == unlocked["data key (HEX)"] == 0
        flag.write_text("lock")
        while b"--locked" not in Path(f"/proc/{proc.pid}/cmdline").read_bytes():
            assert proc.poll() is None and time.monotonic() < deadline, "no fresh start"
            time.sleep(0.1)
        _settled(proc.pid, deadline)
        locked = process_memory.count(proc.pid, secrets)

        assert locked == {name: 0 for name in secrets}, locked
    finally:
        proc.kill()
        proc.wait(timeout=30)
