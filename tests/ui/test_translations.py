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


def _tool():
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader(
        "translations_tool", str(ROOT / "packaging" / "translations"))
    tool = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(tool)
    return tool


def test_compiling_never_rewrites_a_file_a_running_console_has_open(tmp_path):
    """A console maps its .qm file into memory: a rebuild (set-up, a package
    build) must leave an unchanged file alone and put a changed one in place
    as a new file, never truncate and rewrite the one in use (which crashes
    the running console)."""
    from PySide6.QtCore import QTranslator
    tool = _tool()
    release = tool._tool("pyside6-lrelease")
    folder = tmp_path / "translations"
    folder.mkdir()
    ts, qm = folder / "t.ts", folder / "t.qm"

    def write_ts(word):
        ts.write_text('<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="cy">'
                      '<context><name>C</name><message><source>Lock</source>'
                      f'<translation>{word}</translation></message></context></TS>',
                      encoding="utf-8")
    write_ts("Cloi")
    tool._release([ts], qm, release)
    running = QTranslator()
    assert running.load(str(qm))
    before = qm.stat().st_ino
    tool._release([ts], qm, release)
    assert qm.stat().st_ino == before                 # unchanged: left alone
    write_ts("Cloi nawr")
    tool._release([ts], qm, release)
    assert qm.stat().st_ino != before                 # changed: a new file put in place
    assert running.translate("C", "Lock") == "Cloi"   # the one in use is still whole
    fresh = QTranslator()
    assert fresh.load(str(qm)) and fresh.translate("C", "Lock") == "Cloi nawr"
    assert sorted(p.name for p in folder.iterdir()) == ["t.qm", "t.ts"]


def test_a_count_not_read_as_plural_is_named_by_the_check(tmp_path):
    """A "%n" the tools do not take for a plural (``translate(context, text,
    None, n)`` outside a class's ``tr``) would be shown with its bare "(s)":
    ``packaging/translations --check`` (run over the code by the first test
    of this file) names it, whether the tools read it as singular or not at
    all."""
    tool = _tool()
    ts = tmp_path / "all.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>Flags</name>'
        '<message><source>%n measure review(s) overdue</source><translation/></message>'
        '<message numerus="yes"><source>%n unreferred</source><translation/></message>'
        '<message><source>review overdue</source><translation/></message>'
        '</context></TS>', encoding="utf-8")
    assert tool.not_plural(ts) == ["Flags: '%n measure review(s) overdue'"]
    # A bare translate() the tools may not read at all is found in the code.
    found = tool._TRANSLATE_COUNT.search
    assert found('out.append(translate("Flags", "%n measure review(s) overdue", None,')
    assert found('QCoreApplication.translate("Flags", "%n unreferred", None, n)')
    assert not found('out.append(self.tr("%n unreferred", "", flags.unreferred))')
    assert not found('translate("Flags", "review overdue")')


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
