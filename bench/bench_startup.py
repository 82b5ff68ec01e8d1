"""Benches of the desktop console: launch to the unlock page painted, unlock
to the register painted, and resident memory with a large register open.

Rules:
- Every figure comes from a fresh process (``--probe``), run off-screen
  (``QT_QPA_PLATFORM=offscreen``) with its settings, data and keychain kept
  in a temporary folder, never this machine's real ones.
- "Painted" means the widget's first paint event after it was shown (the
  register's: the first paint with every row in the model).
- Launch goes through the real entry point (``main.py gui --vault PATH``)
  and is timed from starting the process to the paint (read on the system's
  monotonic clock, which parent and probe share, so what the process does
  after the paint, including exiting, is not counted), compared with a bare
  PySide6 window started and painted the same way, in the same run,
  alternating the two so drift hits both alike.
- Unlock is timed from the moment key derivation returns (that cost is
  reported on its own by ``bench_vault.py``) to the register painted.
- A probe imports nothing of the console's before it starts timing what it
  measures (the fixture generator, which loads the core, only in the parent
  and the unlock probes), so neither side of the launch ratio carries it.
- The dashboard loads when its tab is shown; the memory probe shows it after
  the register has painted and measures once both are loaded.

Run alone: ``python bench/bench_startup.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

from figures import Figure  # noqa: E402

LAUNCHES = 5
UNLOCKS = 3
UNLOCK_SUBJECTS = 10_000
# One in ten restricted, each sealed under its own key: the governor's unlock
# opens every one of those keys before the register paints.
RESTRICTED_EVERY = 10
MEMORY_SUBJECTS = 100_000
TIMEOUT_S = 120


# -- the probe, run in a fresh process ---------------------------------------------------
def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _on_paint(widget, ready, then) -> None:
    """Call ``then()`` at the first paint of ``widget`` once ``ready()``."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and ready():
                widget.removeEventFilter(self)
                then()
            return False
    widget._bench_watch = Watch(widget)
    widget.installEventFilter(widget._bench_watch)


def _probe(mode: str, vault: str | None) -> dict:
    from PySide6.QtCore import QTimer
    out: dict = {}
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.resize(1280, 800)
        _on_paint(window, lambda: True,
                  lambda: (out.update(painted=time.perf_counter(), painted_at=time.monotonic()),
                           app.quit()))
        window.show()
    elif mode == "launch":
        # The real entry point, as a user starts it. The probe watches the
        # unlock page alone, as the bare probe watches its window alone (an
        # application-wide filter would run Python for every event of every
        # widget built before the paint, and charge that to the console).
        from PySide6.QtWidgets import QApplication
        app = QApplication([sys.argv[0]])
        from ui.unlock import unlock_page

        built = unlock_page.UnlockPage.__init__

        def watched(page, *args, **kwargs):
            built(page, *args, **kwargs)
            _on_paint(page, lambda: "painted" not in out,
                      lambda: (out.update(painted=time.perf_counter(),
                                          painted_at=time.monotonic()),
                               QTimer.singleShot(0, app.quit)))
        unlock_page.UnlockPage.__init__ = watched
        QTimer.singleShot(TIMEOUT_S * 1000, lambda: (out.update(timeout=True), app.quit()))
        import main as entry
        entry.main(["gui", "--vault", vault])
        out.setdefault("rss_mb", _rss_mb())
        return out
    else:
        import generate

        from console.storage import keyslots
        from ui.app import make_application
        from ui.main_window import MainWindow
        app = make_application([])
        window = MainWindow(Path(vault))
        derive = keyslots.SlotFile.user_secret_from_passphrase

        def stamped(self, *args, **kwargs):
            secret = derive(self, *args, **kwargs)
            out["derived"] = time.perf_counter()
            return secret
        keyslots.SlotFile.user_secret_from_passphrase = stamped
        expected = int(os.environ["BENCH_SUBJECTS"])

        def painted():
            out["painted"] = time.perf_counter()
            if mode == "unlock":
                app.quit()
            else:  # memory: show the dashboard, let it land too, then measure
                if window.dashboard is not None:
                    window.tabs.setCurrentWidget(window.dashboard)

                def settle():
                    if window.runner.busy:
                        QTimer.singleShot(50, settle)
                        return
                    app.processEvents()
                    out["rss_mb"] = _rss_mb()
                    app.quit()
                settle()
        _on_paint(window.register.table.viewport(),
                  lambda: window.register.model.rowCount() >= expected, painted)

        def unlock():
            window.unlock_page.user.setCurrentText(generate.USER)
            window.unlock_page.passphrase.setText(generate.PASSPHRASE)
            window.unlock_page.submit()
        _on_paint(window.unlock_page, lambda: True, lambda: QTimer.singleShot(0, unlock))
        window.show()
    QTimer.singleShot(TIMEOUT_S * 1000, lambda: (out.update(timeout=True), app.quit()))
    app.exec()
    out.setdefault("rss_mb", _rss_mb())
    if mode != "bare":
        window.runner.shutdown()
    return out


# -- the parent side -----------------------------------------------------------------
def _env(home: Path, subjects: int = 0) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               BENCH_SUBJECTS=str(subjects), TMPDIR=str(home / "tmp"))
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                     ("HOME", "home")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    (home / "tmp").mkdir(exist_ok=True)
    env.pop("CONSOLE_PASSPHRASE", None)
    return env


def _run_probe(mode: str, home: Path, vault: Path | None = None,
               subjects: int = 0) -> tuple[float, dict]:
    """(ms from process start to the paint, or to the result when the probe
    reports no paint time, and the probe's report)."""
    cmd = [sys.executable, __file__, "--probe", mode]
    if vault is not None:
        cmd += ["--vault", str(vault)]
    start, start_at = time.perf_counter(), time.monotonic()
    proc = subprocess.run(cmd, env=_env(home, subjects), capture_output=True, text=True,
                          timeout=TIMEOUT_S + 30, cwd=ROOT)
    elapsed = (time.perf_counter() - start) * 1000
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"the {mode} probe failed: {proc.stderr.strip()[-2000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    if report.get("timeout"):
        raise RuntimeError(f"the {mode} probe never painted")
    if "painted_at" in report:
        elapsed = (report["painted_at"] - start_at) * 1000
    return elapsed, report


def _private_copy(fixture: Path, into: Path) -> Path:
    """Opening a vault writes beside it (lock, WAL): give each probe its own."""
    import shutil
    target = into / "vault"
    if not target.exists():
        shutil.copytree(fixture, target)
    return target


def run(*, unlock_subjects: int = UNLOCK_SUBJECTS,
        memory_subjects: int = MEMORY_SUBJECTS) -> list[Figure]:
    import generate
    figures = []
    with tempfile.TemporaryDirectory(prefix="gc-bench-ui-") as tmp:
        tmp = Path(tmp)
        small = _private_copy(generate.fixture(unlock_subjects,
                                               restricted_every=RESTRICTED_EVERY), tmp / "small")
        bare, launch = [], []
        _run_probe("bare", tmp / "warm")            # warm the OS file cache for both
        _run_probe("launch", tmp / "warm", small)
        for _ in range(LAUNCHES):
            bare.append(_run_probe("bare", tmp / "bare")[0])
            launch.append(_run_probe("launch", tmp / "launch", small)[0])
        b, a = statistics.median(bare), statistics.median(launch)
        figures.append(Figure("launch (main.py gui) to unlock page painted", a, "ms", b,
                              "bare PySide6 window, fresh process", 1.5, ratio_limit=True,
                              note=f"median of {LAUNCHES}; best {min(launch):.0f} vs "
                                   f"{min(bare):.0f} ms"))
        unlocks = []
        for _ in range(UNLOCKS):
            _, rep = _run_probe("unlock", tmp / "unlock", small, unlock_subjects)
            unlocks.append((rep["painted"] - rep["derived"]) * 1000)
        figures.append(Figure(f"unlock (after key derivation) to register painted, "
                              f"{unlock_subjects:,} subjects, one in {RESTRICTED_EVERY} "
                              "restricted (sealed)", statistics.median(unlocks),
                              limit=300, note=f"median of {UNLOCKS}; best {min(unlocks):.0f} ms"))
        big = _private_copy(generate.fixture(memory_subjects), tmp / "big")
        _, bare_rep = _run_probe("bare", tmp / "bare")
        _, rep = _run_probe("memory", tmp / "memory", big, memory_subjects)
        figures.append(Figure(f"resident memory, {memory_subjects:,} subjects open "
                              "(register and dashboard loaded)", rep["rss_mb"], "MB",
                              bare_rep["rss_mb"], "bare PySide6 window", limit=400,
                              note=f"unlock to register painted took "
                                   f"{(rep['painted'] - rep['derived']) * 1000:,.0f} ms"))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", choices=("bare", "launch", "unlock", "memory"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--vault", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(_probe(args.probe, args.vault)), flush=True)
        return 0
    figures = run()
    for f in figures:
        print(f.line())
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
