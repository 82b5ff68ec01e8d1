"""The desktop in Welsh: the language chosen at start, Qt's own dialog
strings in Welsh, and the Settings choice kept on this computer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from ui import i18n
from ui.users import SettingsDialog, SettingsValues


@pytest.fixture
def welsh(qapp):
    assert i18n.install("cy") is not None, "console_cy.qm is not built: run packaging/translations"
    yield
    i18n.install("en")


def test_the_language_is_asked_then_stored_then_the_systems(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "cy")
    assert i18n.chosen("en", "cy") == "en"
    assert i18n.chosen(None, "en") == "en"
    assert i18n.chosen(None, "") == "cy"
    monkeypatch.setenv("LANGUAGE", "en_GB")
    assert i18n.chosen(None, None) == "en"


def test_welsh_reaches_qt_buttons_our_dialogs_and_the_core(welsh, qtbot):
    from console.records.model import STATUSES
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Canslo"
    assert QCoreApplication.translate("RegisterView", "%n subject(s)", None, 3) == "3 gwrthrych"
    assert STATUSES.label("closed") == "Ar gau"
    d = SettingsDialog(SettingsValues(), can_change=False, quick_unlock=(False, "—"))
    qtbot.addWidget(d)
    assert d.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Canslo"
    assert d.high_contrast.text() == "Lliwiau &cyferbyniad uchel"


def test_english_is_back_after_welsh(qapp):
    i18n.install("cy")
    i18n.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QCoreApplication.translate("RegisterView", "%n subject(s)", None, 1) == "1 subject"


def test_the_language_and_high_contrast_are_kept_on_this_computer(qtbot):
    d = SettingsDialog(SettingsValues(language=""), quick_unlock=(False, "—"))
    qtbot.addWidget(d)
    d.language.setCurrentIndex(d.language.findData("cy"))
    d.high_contrast.setChecked(True)
    assert (d.values().language, d.values().high_contrast) == ("cy", True)
    assert d.changes() == {}        # nothing for the vault
