"""A screen reader sees the unlock page by name: the console runs under Xvfb
with the AT-SPI bus (at-spi2-core) inside its own D-Bus session, and
Debian's pyatspi, from the system's Python, reads its window as Orca would.
Slow (a real X server and a second process): about ten seconds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASS

ROOT = Path(__file__).resolve().parents[1]
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (LAUNCHER.exists() and SYSTEM_PYTHON.exists() and shutil.which("Xvfb")
             and shutil.which("dbus-run-session")
             and subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"],
                                capture_output=True).returncode == 0),
        reason="needs Xvfb, dbus, at-spi2-core and python3-pyatspi (.ci/setup --test)"),
]

SESSION = r"""
set -e
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
"$LAUNCHER" --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 1
"$CONSOLE_PYTHON" "$ROOT/main.py" gui --vault "$VAULT" --language "$LANGUAGE" \
    >"$LOG" 2>&1 &
app=$!
set +e
"$SYSTEM_PYTHON" "$ROOT/tests/atspi_probe.py" "$APP" 40
status=$?
kill $app $bus $xvfb 2>/dev/null
wait $app 2>/dev/null
exit $status
"""


def _free_display() -> str:
    n = 90 + os.getpid() % 400
    while Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
        n += 1
    return f":{n}"


def read_unlock_page(tmp_path, language: str) -> list[tuple[str, str]]:
    """(role, name) of every node the screen reader finds on screen."""
    from console.audit.genesis import create_vault
    vault = tmp_path / "vault"
    if not vault.exists():
        create_vault(vault, "governor", PASS, "HMP Testshire", display_name="Gwen Governor",
                     kdf=FAST_KDF).close()
    home = tmp_path / f"home-{language}"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "DISPLAY": _free_display(), "QT_QPA_PLATFORM": "xcb",
           "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "LAUNCHER": str(LAUNCHER),
           "CONSOLE_PYTHON": sys.executable, "SYSTEM_PYTHON": str(SYSTEM_PYTHON),
           "ROOT": str(ROOT), "VAULT": str(vault), "LANGUAGE": language,
           "APP": "governor", "LOG": str(tmp_path / f"console-{language}.log")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(["dbus-run-session", "--", "bash", "-c", SESSION], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stdout, done.stderr,
                                  (tmp_path / f"console-{language}.log").read_text())
    nodes = json.loads(done.stdout.strip().splitlines()[-1])
    return [(role, name) for role, name, showing in nodes if showing]


def test_a_screen_reader_sees_the_unlock_pages_fields_and_buttons_by_name(tmp_path):
    nodes = read_unlock_page(tmp_path, "en")
    named = set(nodes)
    names = {name for _role, name in nodes}
    assert "User name" in names and "Passphrase" in names, nodes
    assert any(role in ("push button", "button") and name == "Unlock" for role, name in named)
    assert any(role == "password text" for role, _name in named), nodes
    assert not [n for n in nodes if n[0] in ("push button", "check box", "text",
                                             "password text") and not n[1]], nodes

    welsh = {name for _role, name in read_unlock_page(tmp_path, "cy")}
    assert "Datgloi" in welsh and "Cyfrinymadrodd" in welsh and "Enw defnyddiwr" in welsh
