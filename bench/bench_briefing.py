"""Briefing cost against bare reportlab.

Builds and signs the demo briefing (HMP Ashdown's register) and a 1,000-subject
briefing, and times each against a bare reportlab document of the same number
of pages (plain paragraphs and a plain table per page, same fonts), plus the
signing step alone. Collecting from the vault is timed apart: it is not
layout. Times are CPU seconds (least of several runs where affordable).

Run: .venv/bin/python bench/bench_briefing.py
Exits non-zero if our overhead is over 2x bare reportlab or signing takes
more than 0.2 s.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_RATIO = 2.0
MAX_SIGN = 0.2


def best(fn, runs: int):
    """Least CPU time of ``runs`` calls. The work is single-threaded, so CPU
    time is the figure that does not depend on what else the machine runs."""
    times, result = [], None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return min(times), result


def bare(pages: int) -> bytes:
    """A plain reportlab document of ``pages`` pages: a heading, a paragraph
    and a 30-row table of plain strings on each."""
    import io
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
    from reports import fonts
    fonts.register()
    body = ParagraphStyle("b", fontName=fonts.SANS, fontSize=9.5, leading=12.5)
    head = ParagraphStyle("h", body, fontName=fonts.SANS_BOLD, fontSize=16, leading=20)
    story = []
    for p in range(pages):
        story.append(Paragraph(f"Section {p + 1}", head))
        story.append(Paragraph("Plain text of the kind a briefing carries. " * 6, body))
        rows = [[f"Row {r}", "2026-11-25", "Moved from prisoner-facing duties", "Active"]
                for r in range(30)]
        t = Table(rows, colWidths=[80, 80, 220, 80])
        t.setStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                    ("FONTSIZE", (0, 0), (-1, -1), 8)])
        story += [t, PageBreak()]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story[:-1])
    return buf.getvalue()


def scaled(data, n: int):
    """``data`` with its records repeated, renumbered and renamed, to ``n`` subjects."""
    recs = []
    for i in range(n):
        rec = data.records[i % len(data.records)]
        s = dataclasses.replace(rec.subject, id=10_000 + i, ref=f"CC-2026-{i + 1:04d}",
                                name=f"{rec.subject.name} {i}")
        recs.append(dataclasses.replace(rec, subject=s))
    return dataclasses.replace(data, records=tuple(recs))


def main() -> int:
    from console.demo import build_demo
    from console.keyslots import KdfParams
    from console.vault import Vault

    tmp = Path(tempfile.mkdtemp(prefix="bench-briefing-"))
    kdf = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)
    demo = build_demo(tmp / "demo", passphrase="bench passphrase 1", kdf=kdf)
    vault = Vault.open(demo.path, demo.governor, "bench passphrase 1")

    t0 = time.perf_counter()
    from reports.collect import collect
    from reports.content import build, title_of
    from reports.signing import SignRequest, sign_pdf
    import reportlab.platypus  # noqa: F401
    import pyhanko.sign  # noqa: F401
    print(f"import reportlab + pyHanko: {time.perf_counter() - t0:.2f} s (paid once, at the "
          "first briefing, never at start-up)")

    t_collect, (data, _) = best(lambda: collect(vault, reference="BR-BENCH-01",
                                                distribution="HQ"), 3)
    identity = vault.identity()

    def build_and_sign(d):
        built = build(d)
        req = SignRequest(title_of(d), "Helen Marsh", "", "Helen Marsh", "Governor",
                          d.establishment, d.reference, identity.fingerprint, built.slot)
        return built, sign_pdf(built.pdf, identity, req)

    failures = []
    bare(2)
    build_and_sign(data)  # warm caches (fonts, shaping) as a second briefing would
    rows = []
    for label, d, runs in (("demo", data, 5), ("1,000 subjects", scaled(data, 1000), 1)):
        t_ours, (built, _) = best(lambda: build_and_sign(d), runs)
        t_bare, _ = best(lambda: bare(built.pages), runs)
        ratio = t_ours / t_bare
        rows.append((label, len(d.records), built.pages, t_ours, t_bare, ratio))
        if ratio > MAX_RATIO:
            failures.append(f"{label}: {ratio:.2f}x bare reportlab (limit {MAX_RATIO}x)")

    built = build(data)
    req = SignRequest(title_of(data), "Helen Marsh", "", "Helen Marsh", "Governor",
                      data.establishment, data.reference, identity.fingerprint, built.slot)
    t_sign, _ = best(lambda: sign_pdf(built.pdf, identity, req), 7)
    if t_sign > MAX_SIGN:
        failures.append(f"signing {t_sign:.3f} s (limit {MAX_SIGN} s)")
    vault.close()

    print(f"collect demo register ({len(data.records)} subjects): {t_collect:.3f} s")
    print(f"{'briefing':<16}{'subjects':>9}{'pages':>7}{'build+sign':>12}{'bare':>9}"
          f"{'ratio':>8}")
    for label, n, pages, t_ours, t_bare, ratio in rows:
        print(f"{label:<16}{n:>9}{pages:>7}{t_ours:>11.3f}s{t_bare:>8.3f}s{ratio:>7.2f}x")
    print(f"signing alone: {t_sign:.3f} s")
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("OVER TARGET:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
