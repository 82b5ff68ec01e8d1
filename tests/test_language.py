"""The console in Welsh outside the desktop: the language chosen, the
vocabulary in either language, the message catalogue complete (every
message translated, none fuzzy, placeholders kept) and the command line
speaking Welsh."""

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


def test_the_welsh_catalogue_is_complete():
    """Every marked message of the core, the command line, HQ and briefings
    has its Welsh, none fuzzy, each with its message's placeholders."""
    tool = _messages_tool()
    (path,) = tool.catalogues()
    assert tool.problems(path, tool.extract()) == []


def test_the_check_names_every_unfinished_or_mistranslated_message(tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po
    tool = _messages_tool()
    template = Catalog(locale="cy", domain="console")
    welsh = Catalog(locale="cy", domain="console")
    rows = [("Saved.", "Cadwyd."), ("Empty.", ""), ("Fuzzy.", "Niwlog."),
            ("Saved {path}.", "Cadwyd."), ("{size:,} bytes", "{size} beit"),
            ("{a} and {a}", "{a}"), ("By {name}.", "Gan {name} a {extra}."),
            (("{n} record", "{n} records"), ("{n} cofnod", "cofnod") + ("{n} cofnod",) * 4),
            (("one entry", "{n} entries"), ("{n} cofnod", "un cofnod") + ("{n} cofnod",) * 4)]
    for english, cymraeg in rows:
        template.add(english)
        welsh.add(english, cymraeg, flags=("fuzzy",) if english == "Fuzzy." else ())
    path = tmp_path / "cy" / "LC_MESSAGES" / "console.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as fh:
        write_po(fh, welsh)
    found = tool.problems(path, template)
    assert sorted(line.split(": ", 1)[1] for line in found) == sorted([
        "unfinished 'Empty.'", "unfinished 'Fuzzy.'",
        "placeholders differ in 'Saved {path}.'", "placeholders differ in '{size:,} bytes'",
        "placeholders differ in '{a} and {a}'", "placeholders differ in 'By {name}.'",
        "placeholders differ in '{n} record'"])


def test_the_command_line_speaks_welsh(tmp_path, capsys):
    from cli.main import main
    not_pdf = tmp_path / "briefing.pdf"
    not_pdf.write_text("not a PDF")
    assert main(["--language", "cy", "verify", str(not_pdf)]) != 0
    assert "nid ffeil PDF ydyw" in capsys.readouterr().err
    assert main(["verify", str(not_pdf), "--language", "en"]) != 0
    assert "it is not a PDF file" in capsys.readouterr().err
    i18n.use("en")
