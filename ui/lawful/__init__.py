"""Lawful handling in the desktop console: the retention review queue, the
consultation journal, the reason prompt, need-to-know restrictions and
subject access packs. ``wiring.install(window)`` adds them to the main
window's menus."""

from .access_pack_dialog import AccessPackDialog
from .journal_widget import JournalWidget
from .reason_prompt import ReasonPrompt
from .restriction_dialog import RestrictionDialog
from .review_queue import ReviewActions, ReviewQueueWidget

__all__ = ["AccessPackDialog", "JournalWidget", "ReasonPrompt", "RestrictionDialog",
           "ReviewActions", "ReviewQueueWidget"]
