"""The console in Welsh outside the desktop: the language chosen, the
vocabulary in either language, the message catalogue complete where a
briefing and the vocabulary need it, and the command line speaking Welsh."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

from console import i18n
from console.records.model import CATEGORIES, STATUSES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def welsh():
    i18n.use("cy")
    yield
    i18n.use("en")


def _messages_tool():
    loader = importlib.machinery.SourceFileLoader("messages_tool",
                                                  str(ROOT / "packaging" / "messages"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


@pytest.mark.parametrize("environment, expected", [
    ({"LANG": "cy_GB.UTF-8"}, "cy"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "cy:en", "LANG": "en_GB.UTF-8"}, "cy"), ({"LC_ALL": "C"}, "en")])
def test_the_system_locale_chooses_the_language(monkeypatch, environment, expected):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environment.items():
        monkeypatch.setenv(var, value)
    assert i18n.system_language() == expected


def test_labels_follow_the_language_and_parse_in_either(welsh):
    assert STATUSES.label("closed") == "Ar gau"
    assert CATEGORIES.label("theft") == "Lladrad"
    i18n.use("en")
    assert STATUSES.label("closed") == "Closed"
    for text in ("Ar gau", "ar gau", "AR GAU", "Closed", "closed"):
        assert STATUSES.parse(text) == "closed"
    assert STATUSES.parse("Dan ymchwiliad") == "under_investigation"
    assert STATUSES.parse("Nonsense") is None


def test_one_language_never_leaks_into_another():
    assert not i18n.missing("cy"), "the Welsh catalogue is not built: run packaging/messages"
    welsh, english = i18n.catalogue("cy"), i18n.catalogue("en")
    assert welsh.gettext("Closed") == "Ar gau" and english.gettext("Closed") == "Closed"
    assert i18n.language() == "en"


def test_every_briefing_and_vocabulary_message_is_translated():
    tool = _messages_tool()
    template = tool.extract()
    needed = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id and any(
        f.startswith(("reports/", "console/records/model.py", "console/records/importer.py",
                      "console/vocabulary.py")) for f, _line in m.locations)}
    (path,) = tool.catalogues()
    found = [p for p in tool.problems(path, template)
             if any(repr(m) in p for m in needed) or "placeholders differ" in p]
    assert found == []


def test_the_command_line_speaks_welsh(tmp_path, capsys):
    from cli.main import main
    not_pdf = tmp_path / "briefing.pdf"
    not_pdf.write_text("not a PDF")
    assert main(["--language", "cy", "verify", str(not_pdf)]) != 0
    assert "nid ffeil PDF ydyw" in capsys.readouterr().err
    assert main(["verify", str(not_pdf), "--language", "en"]) != 0
    assert "it is not a PDF file" in capsys.readouterr().err
    i18n.use("en")
