"""The console as an IT officer installs it, not as developers run it: a wheel
installed (not editable) into a fresh virtual environment, and the frozen
build from ``packaging/build``. Each runs from a folder outside the source
tree, makes a demo vault, signs a briefing and verifies it; the frozen one
also ingests briefings at HQ and opens its window under Xvfb. Both are slow (a build, a demo vault with
the real key derivation), so they run with ``-m slow`` and in ``.ci/run``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest

from console import __version__

ROOT = Path(__file__).resolve().parents[1]
# The environment as the test run began, before the per-test isolation:
# PyInstaller keeps its cache of analysed libraries under the real one.
_ENV_AT_START = dict(os.environ)
PASSPHRASE = "a long passphrase for the packaging tests"

pytestmark = pytest.mark.slow


def _clean_env(home: Path, **extra) -> dict:
    """A user's environment: a home of its own, no path to the sources."""
    env = {k: v for k, v in _ENV_AT_START.items()
           if not k.startswith(("PYTHON", "XDG_", "QT_", "VIRTUAL_ENV", "CONSOLE_"))}
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.update(HOME=str(home), CONSOLE_PASSPHRASE=PASSPHRASE, **extra)
    return env


def _run(program: list[str], cwd: Path, env: dict, timeout: int = 180) -> str:
    done = subprocess.run(program, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{program[1:]} failed: {done.stderr}"
    return done.stdout


def _brief_and_verify(program: list[str], where: Path, env: dict) -> None:
    """demo, brief, export-cert and verify, as the README shows them."""
    assert "Created a demo vault" in _run([*program, "demo", "--vault", "v"], where, env)
    said = _run([*program, "brief", "--vault", "v", "--out", "b.pdf"], where, env)
    assert "signed by" in said and (where / "b.pdf").exists()
    _run([*program, "export-cert", "--vault", "v", "--out", "gov.pem"], where, env)
    verdict = _run([*program, "verify", "b.pdf", "--trust", "gov.pem"], where, env)
    assert "is intact" in verdict and "trusted certificate" in verdict
    if shutil.which("pdfsig"):  # poppler, which nobody here wrote
        out = subprocess.run(["pdfsig", str(where / "b.pdf")], capture_output=True, text=True)
        assert "Signature is Valid" in out.stdout


# -- an installed wheel ----------------------------------------------------------------------
def test_an_installed_wheel_makes_signs_and_verifies_a_briefing(tmp_path):
    # Built from a copy: setuptools' build/ folder in the sources could hold
    # files of modules since removed.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
        ".hypothesis", ".import_linter_cache", "docs", "bench", "tests"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(source)],
                   check=True, capture_output=True, timeout=300,
                   env={**_ENV_AT_START, "PIP_NO_INDEX": "1"})
    wheel = next(wheels.glob("governors_console-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"console", "cli", "ui", "reports", "hq", "launcher", "resources"}
    assert "main.py" not in names  # nothing named main at the top
    assert {f"resources/fonts/{f}" for f in ("NotoSans-Regular.ttf", "OFL.txt")} <= set(names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    venv_site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies come from the test environment (offline), the console
    # itself only from the wheel: that environment's copy is an editable
    # install whose hook is never run from here.
    (venv_site / "test-env.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True,
                   timeout=300)

    where = tmp_path / "elsewhere"
    where.mkdir()
    env = _clean_env(tmp_path / "home")
    origin = _run([str(python), "-c", "import console, reports.fonts as f; "
                   "print(console.__file__); print(f.FONT_DIR)"], where, env).split()
    assert all(Path(p).is_relative_to(venv_site) for p in origin), origin
    program = [str(bin_dir / "governors-console")]
    assert _run([*program, "--version"], where, env).split() == ["governors-console",
                                                                  __version__]
    _brief_and_verify(program, where, env)


# -- the frozen build ------------------------------------------------------------------------
def _window_opens(program: Path, vault: Path, env: dict) -> tuple[bool, str]:
    """Start the program on ``vault`` under Xvfb; True once X lists its window."""
    script = (
        'QT_QPA_PLATFORM=xcb "$0" --vault "$1" 2>"$2" &\n'
        "pid=$!\n"
        "for i in $(seq 1 120); do\n"
        "  if xwininfo -root -tree | grep -q \"\\\"Governor's Console\\\": (\"; then\n"
        "    kill $pid; wait $pid; exit 0\n"
        "  fi\n"
        "  kill -0 $pid 2>/dev/null || exit 3\n"
        "  sleep 0.25\n"
        "done\n"
        "kill $pid; exit 4\n")
    err = vault.parent / "window.err"
    # Its own range of display numbers: tests run side by side, and two
    # ``xvfb-run -a`` (or the screen reader's Xvfb, from 90) started at the
    # same moment could otherwise take the same one.
    done = subprocess.run(["xvfb-run", "-a", "-n", str(600 + os.getpid() % 300),
                           "-s", "-screen 0 1280x800x24", "bash", "-c",
                           script, str(program), str(vault), str(err)],
                          cwd=vault.parent, env=env, capture_output=True, text=True,
                          timeout=120)
    return done.returncode == 0, err.read_text() if err.exists() else done.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="the test suite builds for Linux")
def test_the_frozen_build_runs_from_a_folder_outside_the_sources(tmp_path):
    started = time.monotonic()
    built = subprocess.run([sys.executable, str(ROOT / "packaging" / "build"),
                            "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
                           capture_output=True, text=True, timeout=600, env=_ENV_AT_START)
    assert built.returncode == 0, built.stderr[-3000:]
    build_seconds = time.monotonic() - started

    # Moved away from the build, as an IT officer copies it.
    where = tmp_path / "laptop"
    where.mkdir()
    folder = Path(shutil.move(str(tmp_path / "dist" / "governors-console"), str(where)))
    inside = folder / "_internal"
    program = folder / "governors-console"
    assert os.access(program, os.X_OK)
    for shipped in ("resources/fonts/NotoSans-Regular.ttf", "resources/fonts/OFL.txt",
                    "licences/README.txt", "licences/LGPL-3.0.txt",
                    "licences/sqlcipher3", "licences/reportlab", "licences/Python/LICENSE.txt",
                    "PySide6/Qt/translations/qtbase_de.qm", "VERSION",
                    "governors-console.png",
                    # the translations, compiled by the build, never committed
                    "resources/translations/console_cy.qm",
                    "resources/translations/console_en.qm",
                    "resources/locale/cy/LC_MESSAGES/console.mo"):
        assert (inside / shipped).exists(), shipped
    assert (inside / "VERSION").read_text().split()[-1] == __version__
    assert not list(inside.glob("PySide6/Qt*Quick*")) and not list(inside.glob("*WebEngine*"))

    env = _clean_env(tmp_path / "home")
    assert _run([str(program), "--version"], where, env).split() == ["governors-console",
                                                                    __version__]
    _brief_and_verify([str(program)], where, env)
    (where / "not-a-briefing.pdf").write_text("not a PDF")
    welsh = subprocess.run([str(program), "verify", "not-a-briefing.pdf", "--language", "cy"],
                           cwd=where, env=env, capture_output=True, text=True, timeout=120)
    assert "nid ffeil PDF ydyw" in welsh.stderr, welsh.stderr
    # HQ from the same program: Alembic reads its migrations as files, and two
    # files are examined by worker processes that start the program again.
    hq = [str(program), "hq"]
    _run([*hq, "init", "--db", "hq"], where, env)
    _run([*hq, "trust", "--db", "hq", "HMP Ashdown", "gov.pem"], where, env)
    _run([str(program), "brief", "--vault", "v", "--out", "b2.pdf"], where, env)
    assert "2 held, 0 already held, 0 refused" in _run(
        [*hq, "ingest", "--db", "hq", "b.pdf", "b2.pdf"], where, env)

    if not (shutil.which("xvfb-run") and shutil.which("xwininfo")):
        pytest.skip("Xvfb and xwininfo are needed to see the window")
    opened, errors = _window_opens(program, where / "v", env)
    assert opened, errors
    assert errors.strip() == ""  # no Qt plugin or library complaints
    size = sum(p.stat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())
    print(f"frozen build: {build_seconds:.0f} s, {size / 1e6:.0f} MB")
