"""Plurals through Qt's plural forms: the English forms file is in step with
the code, counts read "1 subject" and "2 subjects", and no count is written
with a bare "(s)" outside ``tr()``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]


def test_the_english_plural_forms_are_in_step_with_the_code():
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_counts_take_the_right_form():
    def tr(n):
        return QCoreApplication.translate("RegisterView", "%n subject(s)", None, n)
    assert (tr(0), tr(1), tr(2)) == ("0 subjects", "1 subject", "2 subjects")


def test_no_count_is_written_with_a_bare_plural_ending():
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\w\((e?s)\)", line) and "tr(" not in line and "translate(" not in line:
                found.append(f"{path.relative_to(ROOT)}:{n}")
    assert found == []


def test_every_count_is_read_as_plural_by_the_translation_tools(tmp_path):
    """A "%n" the tools do not take for a plural (``translate(context, text,
    None, n)`` outside a class's ``tr``) would be shown with its bare "(s)"."""
    import xml.etree.ElementTree as ET
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    files = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "ui").rglob("*.py"))
             if "__pycache__" not in p.parts]
    subprocess.run([str(tool), "-locations", "none", *files, "-ts", str(tmp_path / "all.ts")],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    not_plural = [f"{c.findtext('name')}: {m.findtext('source')!r}"
                  for c in ET.parse(tmp_path / "all.ts").iter("context")
                  for m in c.iter("message")
                  if "%n" in (m.findtext("source") or "") and m.get("numerus") != "yes"]
    assert not_plural == []


def test_the_register_flags_count_in_words():
    from types import SimpleNamespace

    from ui.register.register_model import flag_labels
    one = SimpleNamespace(unreferred=1, unacknowledged=1, overdue_review=True,
                          overdue_measures=1)
    two = SimpleNamespace(unreferred=2, unacknowledged=3, overdue_review=False,
                          overdue_measures=2)
    assert flag_labels(one) == ["1 unreferred", "1 unacknowledged", "review overdue",
                                "1 measure review overdue"]
    assert flag_labels(two) == ["2 unreferred", "3 unacknowledged", "2 measure reviews overdue"]
