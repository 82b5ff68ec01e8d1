"""The console started in Welsh (``--language cy``) shows no English on the
unlock page, the main window (menus, register, dashboard, subject panel)
and the subject dialog, apart from the allow-list below; and every message
the desktop gives through ``tr()`` has a finished Welsh translation (the
.ts check in ``test_translations``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.ui.conftest import unlock

ROOT = Path(__file__).resolve().parents[2]
# Words that may appear in English in a Welsh window: the test vault's own
# record data (names, roles, places as typed), product and standard names,
# the English protective marking, key names, and "English" as a language.
ALLOWED = {
    "alex", "smith", "sam", "jones", "officer", "chaplain", "chapel", "wing", "gwen",
    "governor", "hmp", "testshire", "dee", "deputy", "official", "sensitive", "governor's",
    "console",   # in the record data of the vault: "Gwen Governor" of "HMP Testshire"
    "qt", "python", "pdf", "csv", "hq", "sha", "ctrl", "shift", "alt", "enter", "tab", "esc",
    "down", "english", "pem", "utc", "sqlcipher", "pyside", "cc",   # "cc": reference prefix
}


def _words(text: str) -> set[str]:
    text = re.sub(r"<[^>]+>", " ", text or "").replace("&", "")
    text = re.sub(r"\S*[/\\]\S*", " ", text)      # paths are not words
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’]+", text)}


@pytest.fixture(scope="module")
def vocab() -> tuple[set[str], set[str]]:
    """(English words of the interface's messages, Welsh words of their
    translations), from the Welsh translation file and catalogue."""
    english, welsh = set(), set()
    for ts in ("console_cy.ts", "qt_cy.ts"):
        for message in ET.parse(ROOT / "resources" / "translations" / ts).iter("message"):
            english |= _words(message.findtext("source") or "")
            translation = message.find("translation")
            for text in [translation.text or ""] + [f.text or "" for f in translation]:
                welsh |= _words(text)
    from babel.messages.pofile import read_po
    with open(ROOT / "resources/locale/cy/LC_MESSAGES/console.po", "rb") as fh:
        for m in read_po(fh):
            ids = [m.id] if isinstance(m.id, str) else list(m.id)
            strs = [m.string] if isinstance(m.string, str) else list(m.string)
            for i in ids:
                english |= _words(i)
            for s in strs:
                welsh |= _words(s)
    return english - welsh - ALLOWED, welsh


def visible_texts(top: QWidget) -> list[str]:
    out = [top.windowTitle()]
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top) and w is not top:
            continue
        out += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out += [str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                    for c in range(m.columnCount())]
        for action in QWidget.actions(w):
            out += [action.text(), action.toolTip(), action.statusTip()]
            if action.menu():
                out += [a.text() for a in action.menu().actions()]
    return [t for t in out if t]


def english_in(texts, vocab) -> list[str]:
    english, _welsh = vocab
    return sorted({f"{w!r} in {t[:70]!r}" for t in texts for w in _words(t) & english})


@pytest.fixture
def welsh_app(qapp):
    from ui import i18n
    from ui.app import make_application, parse_args
    args = parse_args(["--language", "cy"])
    assert args.language == "cy"
    style = qapp.styleSheet()
    make_application([], icon=False, language=args.language)
    assert i18n.language() == "cy"
    yield
    i18n.install("en")
    qapp.setStyleSheet(style)


def test_the_unlock_page_main_window_and_subject_dialog_are_in_welsh(
        welsh_app, qtbot, make_window, filled_vault, vocab):
    w = make_window(filled_vault)
    w.resize(1400, 900)
    found = english_in(visible_texts(w.unlock_page), vocab)
    assert found == [], "English on the unlock page:\n" + "\n".join(found)
    unlock(qtbot, w)
    w.register.table.selectRow(0)
    qtbot.waitUntil(lambda: w.panel.header.text() != "", timeout=10_000)
    texts = visible_texts(w) + [a.text() for a in w.menuBar().actions()]
    for menu_action in w.menuBar().actions():
        texts += [a.text() for a in menu_action.menu().actions()]
        texts += [a.toolTip() for a in menu_action.menu().actions()]
    # The register's words (risk band, status, flags), not the records' own text.
    from ui.register.register_model import Column
    model = w.register.model
    texts += [str(model.index(r, c).data() or "") for r in range(model.rowCount())
              for c in (Column.RISK, Column.STATUS, Column.FLAGS)]
    found = english_in(texts, vocab)
    assert found == [], "English on the main window:\n" + "\n".join(found)
    w.tabs.setCurrentWidget(w.dashboard)
    found = english_in(visible_texts(w.dashboard), vocab)
    assert found == [], "English on the dashboard:\n" + "\n".join(found)

    from ui.subject.subject_dialogs import SubjectDialog
    dialog = SubjectDialog(parent=w)
    qtbot.addWidget(dialog)
    dialog.show()
    found = english_in(visible_texts(dialog), vocab)
    assert found == [], "English on the subject dialog:\n" + "\n".join(found)
    assert dialog.windowTitle() == "Ychwanegu gwrthrych"
    dialog.reject()
