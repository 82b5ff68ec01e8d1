"""Lawful handling in the main window: a "Records" menu (review queue,
journal, subject access request, restrict) and the reason prompt.

``install(window)`` adds the menu; it needs only what the main window
already has (``runner``, ``presenter``, ``register``, ``user``,
``menuBar()``). Each entry reads what its widget needs as an operation on the
runner, then opens the widget, which runs its own actions the same way.
Every entry is the governor's alone: the core refuses anyone else, and the
menu mirrors it with a disabled entry and the reason as its tooltip.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from console.lawful import retention, subject_access
from console.records import access, journal, register, users
from console.records.journal import Reason

from ..operation import Operation
from .access_pack_dialog import AccessPackDialog
from .journal_widget import JournalWidget
from .reason_prompt import ReasonPrompt
from .restriction_dialog import RestrictionDialog
from .review_queue import ReviewQueueWidget

ENTRIES = (  # name, text, tip, what the governor alone may do
    ("review_queue", QT_TRANSLATE_NOOP("Wiring", "Review &queue…"),
     QT_TRANSLATE_NOOP("Wiring", "Records due for retention review"),
     QT_TRANSLATE_NOOP("Wiring", "decide on retention")),
    ("journal", QT_TRANSLATE_NOOP("Wiring", "&Journal…"),
     QT_TRANSLATE_NOOP("Wiring", "Who opened or sent out which record, and why"),
     QT_TRANSLATE_NOOP("Wiring", "read the consultation journal")),
    ("access_request", QT_TRANSLATE_NOOP("Wiring", "Subject &access request…"),
     QT_TRANSLATE_NOOP("Wiring", "Prepare a signed access pack for one member of staff"),
     QT_TRANSLATE_NOOP("Wiring", "answer a subject access request")),
    ("restrict", QT_TRANSLATE_NOOP("Wiring", "&Restrict…"),
     QT_TRANSLATE_NOOP("Wiring", "Choose who may see the chosen subject's record"),
     QT_TRANSLATE_NOOP("Wiring", "restrict a record")))


def _governor(window) -> bool:
    return bool(window.user) and window.user.role == "governor"


def _refusal(window, what: str) -> str:
    role = window.user.role if window.user else "viewer"
    who = (QCoreApplication.translate("Wiring", "a deputy") if role == "deputy"
           else QCoreApplication.translate("Wiring", "a viewer"))
    return QCoreApplication.translate(
        "Wiring", "Only the governor can %1; you are signed in as %2.").replace(
        "%1", QCoreApplication.translate("Wiring", what)).replace("%2", who)


def install(window):
    """Add the Records menu to ``window``; returns the menu."""
    bar = window.menuBar()
    menu = bar.addMenu(QCoreApplication.translate("Wiring", "&Records"))
    help_ = next((a for a in bar.actions() if a.objectName() == "helpMenu"), None)
    if help_ is not None:                 # keep Help last, as every platform expects
        bar.insertMenu(help_, menu)
    slots = {"review_queue": open_review_queue, "journal": open_journal,
             "access_request": open_access_request, "restrict": open_restriction}
    for name, text, tip, what in ENTRIES:
        text, tip = QCoreApplication.translate("Wiring", text), QCoreApplication.translate("Wiring", tip)
        act = QAction(text, window)
        act.setObjectName(name)
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.triggered.connect(lambda _=False, n=name, w=what: _guarded(window, slots[n], w))
        menu.addAction(act)
        setattr(window, f"act_{name}", act)
        if name == "access_request":
            menu.addSeparator()

    def follow_role():
        ok = _governor(window) and not window.locked
        for name, _text, tip, what in ENTRIES:
            tip = QCoreApplication.translate("Wiring", tip)
            act = getattr(window, f"act_{name}")
            act.setEnabled(ok)
            act.setToolTip(tip if ok else _refusal(window, what))
    menu.aboutToShow.connect(follow_role)
    menu.setToolTipsVisible(True)
    return menu


def _guarded(window, slot, what: str) -> None:
    if window.locked:
        return
    if not _governor(window):
        window.presenter.status(_refusal(window, what))
        return
    slot(window)


def _raise_existing(window, attr: str) -> bool:
    """Bring an already open review queue or journal to the front."""
    dialog = getattr(window, attr, None)
    if dialog is not None and isValid(dialog) and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
        return True
    return False


def _host(window, widget: QWidget, title: str, size: tuple[int, int]) -> QDialog:
    """A non-modal window around a feature widget; closed (and its data
    dropped) when the console locks, like every other dialog."""
    dialog = QDialog(window)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(dialog.deleteLater)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(widget, 1)
    lay.addWidget(buttons)
    dialog.resize(*size)
    dialog.show()
    return dialog


def _places(window):
    """Where this user's exports go (the folder saved in last; never the vault's)."""
    from ..save_location import SaveLocation
    return SaveLocation(window.settings, window.user.name if window.user else "")


def _read(window, call, then) -> None:
    """Read what a widget needs on the vault thread, then open it."""
    window.runner.run(Operation(call, on_success=then))


# -- review queue ---------------------------------------------------------------------------

def open_review_queue(window) -> None:
    if _raise_existing(window, "review_dialog"):
        return

    def show(view):
        widget = ReviewQueueWidget(view, window.runner)
        window.review_dialog = _host(window, widget, "Retention review queue", (1180, 620))
    _read(window, retention.review_view, show)


# -- journal ----------------------------------------------------------------------------------

def export_journal(vault, path: Path, filters: dict):
    from reports.journal_pdf import make_journal_pdf
    return make_journal_pdf(vault, path, **filters)


def open_journal(window) -> None:
    if _raise_existing(window, "journal_dialog"):
        return

    def show(view):
        widget = JournalWidget(view, window.runner, export_journal, places=_places(window),
                               reload=journal.journal_view)
        window.journal_dialog = _host(window, widget, "Consultation journal", (1180, 620))
    _read(window, journal.journal_view, show)


# -- subject access -----------------------------------------------------------------------------

def pack_calls():
    """(draft, produce) for ``AccessPackDialog``, each taking the vault first.
    The pack answers the subject's open request if one was logged (e.g. from
    the command line); otherwise a request is logged once, however often the
    pack is produced."""
    requests: dict[str, int] = {}

    def produce(vault, ref, path, decisions, received_on, notes, expect=None):
        from reports.access_pack import make_access_pack
        if ref not in requests:
            logged = [r for r in subject_access.requests(vault, open_only=True) if r.ref == ref]
            requests[ref] = (logged[0] if logged else subject_access.open_request(
                vault, ref, received_on)).id
        result = make_access_pack(vault, ref, path, decisions, request_id=requests[ref],
                                  expect=expect)
        if notes:
            journal.record(vault, "sar_decision", ref, "subject_access",
                           detail="Released after review: " + "; ".join(
                               f"{k} ({why})" for k, why in notes.items())[:1900])
        return result
    return subject_access.draft_pack, produce


def open_access_request(window) -> None:
    def subjects(vault):
        return ([(r.subject.ref, r.subject.name) for r in register.register_rows(vault)
                 if not r.restricted], subject_access.requests(vault, open_only=True))

    def ask(found):
        listed, open_requests = found
        draft, produce = pack_calls()
        AccessPackDialog.ask(listed, window.runner, draft, produce,
                             ref=window.register.current_ref(),
                             places=_places(window), requests=open_requests,
                             parent=window)
    _read(window, subjects, ask)


# -- need-to-know -------------------------------------------------------------------------------

def open_restriction(window) -> None:
    ref = window.register.current_ref()
    if not ref:
        window.presenter.status(QCoreApplication.translate("Wiring", "Choose a subject in the register first."))
        return

    def read(vault):
        sid = access.subject_id(vault, ref)
        return (access.restriction(vault, ref), users.list_users(vault),
                access.owner_user(vault, sid))

    def ask(found):
        restriction, listed, owner = found
        RestrictionDialog.ask(restriction, listed, window.runner, owner=owner, parent=window)
    _read(window, read, ask)


# -- the reason prompt --------------------------------------------------------------------------

def forget_reason(window) -> None:
    window.last_reason = None
    window.reason_owner = ""


def keep_reason_for(window, user_name: str) -> None:
    """After an unlock: the reason stays for the person who gave it (a lock
    is a pause in the same work); anyone else is asked afresh."""
    if getattr(window, "reason_owner", "") != user_name:
        forget_reason(window)


def ask_reason(window, what: str = "", default: str = journal.DEFAULT_REASON
               ) -> Reason | None:
    """Ask why a record is opened or sent out; Enter repeats the reason last
    used in this session. Returns None when the user cancels."""
    reason = ReasonPrompt.ask(window, getattr(window, "last_reason", None), what=what,
                              default=default)
    if reason is not None:
        window.last_reason = reason
        window.reason_owner = window.user.name if getattr(window, "user", None) else ""
    return reason
