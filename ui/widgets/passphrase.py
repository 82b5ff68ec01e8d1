"""Passphrase fields: a line edit with a show/hide toggle, the strength meter
(the setup wizard's, used wherever a new passphrase is chosen), and the
warning before a weak one is accepted.

The field itself (``PassphraseEdit``) lives in ``passphrase_edit``, which the
unlock page loads before its first paint; this module, the meter and the
warning, is loaded by the forms that choose a new passphrase. The core's
rule (``MIN_PASSPHRASE``) is imported only when a passphrase is rated.

Rules: the text is never copied anywhere (no undo history, no drag out, no
context menu "copy" while hidden, as Qt's Password echo mode already does);
showing it is the user's choice, per field, and it is hidden again whenever
the field is cleared. The meter estimates (see ``strength``), it never
refuses: the core's ``check_passphrase`` is the only hard rule; a weak
passphrase is accepted after the user has read the warning and chosen to.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QProgressBar, QVBoxLayout, QWidget


translate = QCoreApplication.translate


# level names, weakest first; "weak" and below earn the warning
LEVELS = ("empty", "short", "weak", "fair", "good", "strong")


def assess(passphrase: str) -> tuple[int, str]:
    """(0-100, level): a cautious estimate. A passphrase of plain words is
    counted by its words (about 12 bits each, as if from a common list);
    anything else by its characters, halved because people choose them."""
    from console.records.users import MIN_PASSPHRASE   # the core's rule (loaded on use)
    if not passphrase:
        return 0, "empty"
    words = [w for w in re.split(r"[\s\-_.,;]+", passphrase) if w]
    if len(words) >= 2 and all(w.isalpha() for w in words):
        bits = 12.0 * len(words)
    else:
        pool = sum(size for pattern, size in (("[a-z]", 26), ("[A-Z]", 26), ("[0-9]", 10),
                                              ("[^a-zA-Z0-9]", 33))
                   if re.search(pattern, passphrase))
        bits = 0.5 * len(passphrase) * math.log2(max(pool, 2))
        if len(set(passphrase)) <= 3:
            bits = min(bits, 10.0)
    score = min(100, int(bits * 100 / 80))
    if len(passphrase) < MIN_PASSPHRASE:
        return min(score, 15), "short"
    if bits < 40:
        return score, "weak"
    if bits < 56:
        return score, "fair"
    if bits < 72:
        return score, "good"
    return score, "strong"


def verdict(level: str) -> str:
    """The meter's words for a level."""
    from console.records.users import MIN_PASSPHRASE
    return {"empty": translate("Passphrase", "Type a passphrase"),
            "short": translate("Passphrase", "Too short: at least %1 characters").replace(
                "%1", str(MIN_PASSPHRASE)),
            "weak": translate("Passphrase", "Weak: add more words"),
            "fair": translate("Passphrase", "Fair: another word or two would help"),
            "good": translate("Passphrase", "Good"),
            "strong": translate("Passphrase", "Strong")}[level]


def strength(passphrase: str) -> tuple[int, str]:
    """(0-100, the meter's words)."""
    score, level = assess(passphrase)
    return score, verdict(level)


def is_weak(passphrase: str) -> bool:
    """Long enough for the core, but easy to guess."""
    return assess(passphrase)[1] == "weak"


# -- the strength meter ----------------------------------------------------------------

class StrengthMeter(QWidget):
    """A coloured bar and a verdict following one passphrase field."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = edit
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(translate("Passphrase", "Passphrase strength"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.bar)
        lay.addWidget(self.verdict)
        edit.textChanged.connect(self.update_meter)
        self.update_meter()

    def update_meter(self, *_args) -> None:
        score, level = assess(self.edit.text())
        self.bar.setValue(score)
        colour = "#c62828" if score < 50 else "#f2a900" if score < 70 else "#2e7d32"
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        words = verdict(level)
        self.verdict.setText(words)
        self.bar.setAccessibleDescription(words)
        self.verdict.setAccessibleDescription(words)

    @property
    def level(self) -> str:
        return assess(self.edit.text())[1]


class WeakPassphraseWarning:
    """Asked before a weak passphrase is accepted; the default is to choose another."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True if the user chooses to keep the weak passphrase."""
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Passphrase", "Weak passphrase"),
                          translate("Passphrase", "This passphrase would be easy to guess. "
                                    "Anyone who copies the vault can try passphrases on their "
                                    "own computer, as fast as it allows, so a few unrelated "
                                    "words are much safer."),
                          QMessageBox.StandardButton.NoButton, parent)
        box.setInformativeText(translate("Passphrase", "Choose a longer passphrase, or keep "
                                         "this one if you must."))
        other = box.addButton(translate("Passphrase", "&Choose another"),
                              QMessageBox.ButtonRole.RejectRole)
        keep = box.addButton(translate("Passphrase", "&Keep this passphrase"),
                             QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(other)
        box.setEscapeButton(other)
        box.exec()
        return box.clickedButton() is keep


def accept_passphrase(parent: QWidget | None, passphrase: str) -> bool:
    """Whether to go on with ``passphrase``: yes unless it is weak and the
    user, warned, chooses another."""
    return not is_weak(passphrase) or WeakPassphraseWarning.ask(parent)
