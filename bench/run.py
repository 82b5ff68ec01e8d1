"""Run every bench, print each figure with its baseline and ratio, and exit
non-zero if any target is missed.

``python bench/run.py`` runs them all (about three and a half minutes on a
2-core machine the first time in a day, when the fixture vaults are built;
about three after). ``--only vault``, ``--only startup``, ``--only briefing``,
``--only chain``, ``--only filter``, ``--only hq`` or ``--only sync`` runs one part (the HQ
part makes its 1,000 briefings once, a few minutes, and the chain part its
100,000-entry chain, about half a minute, and both keep them in the cache
folder). ``--markdown`` also prints the figures as a table for
``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

import bench_startup  # noqa: E402
import bench_vault  # noqa: E402
import generate  # noqa: E402


def machine() -> str:
    """The machine the figures came from, in one line."""
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh
                        if line.startswith("model name")), "")
    except OSError:
        pass
    mem = ""
    try:
        mem = subprocess.run(["free", "-h"], capture_output=True, text=True,
                             timeout=10).stdout.splitlines()[1].split()[1]
    except (OSError, IndexError, subprocess.SubprocessError):
        pass
    import os
    return (f"{cpu or platform.processor() or 'unknown CPU'}, {os.cpu_count()} cores, "
            f"{mem or '?'} RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def markdown(figures) -> str:
    lines = ["| figure | value | baseline (same run) | ratio | target | result |",
             "| --- | --- | --- | --- | --- | --- |"]
    for f in figures:
        base = f"{f.baseline:,.1f} {f.unit} ({f.baseline_name})" if f.baseline is not None \
            else "—"
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "—"
        lines.append(f"| {f.name} | {f.value:,.1f} {f.unit} | {base} | {ratio} | {f.target} | "
                     f"{'ok' if f.ok else 'missed'} |")
    return "\n".join(lines)


def _briefing_figures():
    import bench_briefing
    return bench_briefing.run()


def _hq_figures():
    import bench_hq
    return bench_hq.run()


def _chain_figures():
    import bench_chain
    return bench_chain.run()


def _sync_figures():
    import bench_sync
    return bench_sync.run()


def _filter_figures():
    # Imported here: it starts Qt (off-screen) in this process.
    import bench_filter
    return bench_filter.run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("vault", "startup", "briefing", "chain", "filter",
                                           "hq", "sync"))
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    print(f"machine: {machine()}", flush=True)
    stamp = time.perf_counter()
    generate.fixture(bench_vault.WORKLOAD_SUBJECTS)
    generate.fixture(bench_vault.DASHBOARD_SUBJECTS)
    print(f"fixture vaults ready in {time.perf_counter() - stamp:.0f} s", flush=True)
    figures = []
    parts = [("vault", bench_vault.run), ("startup", bench_startup.run),
             ("briefing", _briefing_figures), ("chain", _chain_figures),
             ("filter", _filter_figures), ("hq", _hq_figures), ("sync", _sync_figures)]
    for name, part in parts:
        if args.only and args.only != name:
            continue
        for f in part():
            figures.append(f)
            print(f.line(), flush=True)
    if args.markdown:
        print()
        print(markdown(figures))
    missed = [f for f in figures if not f.ok]
    print(f"\n{len(figures)} figures in {time.perf_counter() - start:.0f} s; "
          + (f"{len(missed)} target(s) missed." if missed else "every target met."))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
