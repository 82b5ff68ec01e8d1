"""Files the console ships beside its code: the briefing fonts with their
licence, and the example register.

They are package data, so ``path(...)`` finds them wherever the code runs
from: a source folder, an installed wheel or the frozen build. Nothing here
imports the rest of the project.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The location on disk of a shipped file, e.g. ``path("fonts", "OFL.txt")``."""
    return ROOT.joinpath(*parts)
