"""Conflict-of-interest bars for the governor: review them and lift one with a
reason (Tools › Conflict bars…)."""

from .bars_dialog import BarActions, BarsView, ConflictBarsDialog
from .lift_prompt import LiftBarPrompt, confirm_lift

__all__ = ["BarActions", "BarsView", "ConflictBarsDialog", "LiftBarPrompt", "confirm_lift"]
