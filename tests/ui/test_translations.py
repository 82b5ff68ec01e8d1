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
