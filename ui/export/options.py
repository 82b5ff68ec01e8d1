"""What the export dialog asks for, as plain data.

The options class is ``reports.briefing_service.BriefingOptions`` when that
module is present (imported lazily, so this package never pulls in the PDF
libraries); ``ExportOptions`` mirrors its fields for callers and tests that
pass their own class. ``build_options`` fills only the fields the class has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Translated where shown (OptionsPage).
SCOPES = (("all", QT_TRANSLATE_NOOP("OptionsPage", "All subjects")),
          ("selected", QT_TRANSLATE_NOOP("OptionsPage", "Selected subjects")),
          ("since_last", QT_TRANSLATE_NOOP("OptionsPage", "Changes since the last briefing")))
DEFAULT_DISTRIBUTION = "HQ Counter-Corruption Unit"


@dataclass(frozen=True)
class ExportOptions:
    scope: str = "all"
    refs: tuple[str, ...] = ()
    pseudonymise: bool = False
    password: str | None = None
    distribution: str = DEFAULT_DISTRIBUTION
    language: str = "en"            # "en", "cy" or "both" (Welsh first)


def options_class():
    """The briefing service's options class, or ``ExportOptions``."""
    try:
        from reports.briefing_service import BriefingOptions
    except ImportError:
        return ExportOptions
    return BriefingOptions


def build_options(cls, **values):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in names})


def default_file_name(today: dt.date | None = None) -> str:
    return f"briefing-{(today or dt.date.today()).isoformat()}.pdf"
