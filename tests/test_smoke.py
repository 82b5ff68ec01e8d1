"""``python main.py`` as a user runs it, in a process of its own: the one
place the tests start the real entry point (the other command-line tests
run ``cli.main.main`` in this process through the ``cli`` fixture). It
checks what only a real process shows: the entry point and its imports,
the exit code, and that standard error holds one sentence and no
traceback, whatever the logging set-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.audit.genesis import create_vault
from console.records import subjects
from console.records.commands import SubjectFields
from tests.conftest import FAST_KDF, PASS

ROOT = Path(__file__).resolve().parents[1]


def _main(*args: str, passphrase: str | None = PASS) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CONSOLE_PASSPHRASE"}
    if passphrase is not None:
        env["CONSOLE_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_python_main_py_runs_commands_and_fails_in_one_sentence(tmp_path):
    folder = tmp_path / "vault"
    with create_vault(folder, "governor", PASS, "HMP Smoke", kdf=FAST_KDF) as v:
        subjects.create_subject(v, SubjectFields("Smoke Subject"))

    out = _main("--version")
    assert out.returncode == 0 and out.stdout.startswith("governors-console ")

    out = _main("list", "--vault", str(folder), "--json")
    assert out.returncode == 0, out.stderr
    assert [r["name"] for r in json.loads(out.stdout)] == ["Smoke Subject"]

    (folder / "keyslots.json").write_text("{ not the file it was")   # a damaged vault
    out = _main("list", "--vault", str(folder))
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "Traceback" not in out.stderr and "Smoke Subject" not in out.stderr
