"""The main window's menus, toolbar and keyboard shortcuts, and how they
follow the signed-in role: an action the role may not take stays visible but
disabled, with the core's own sentence (``roles.why_not``) as its tooltip
and status tip, shown in every menu and on the toolbar; the action's own
words come back when a role that may use it signs in. Help (the guide, the
shortcuts, About) is open to anyone, locked or not.
Each feature's dialog module is imported when its action is first used, so
building the menus does not load every feature and the core services behind
it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from console.audit import roles

translate = QCoreApplication.translate

# menu action name -> the permission it needs
NEEDS = (("new", "create_subject"), ("edit", "edit_profile"), ("status", "change_status"),
        ("assess", "assess_threat"), ("report", "add_report"), ("refer", "refer"),
        ("measure", "add_measure"), ("log", "add_log"), ("delete", "delete_subject"),
        ("import", "import"), ("export", "sign_briefing"), ("users", "manage_users"),
        ("bars", "review_conflict"))
ALWAYS = ("quit", "capture", "guide", "shortcuts", "about")


def _open_backups(window) -> None:
    from .feature_dialogs import open_backups
    open_backups(window)


def _bars(window) -> None:
    from .feature_dialogs import open_bars
    open_bars(window)


def _own_passphrase(window) -> None:
    from .users.own_passphrase import change_my_passphrase
    change_my_passphrase(window)


def _help(name: str, window) -> None:
    from . import help as help_dialogs
    getattr(help_dialogs, f"open_{name}")(window)


def _action(window, menu, text, slot, shortcut=None, tip="", name=None) -> QAction:
    act = QAction(text, window)
    if shortcut:
        act.setShortcut(QKeySequence(shortcut))
    act.setStatusTip(tip)
    act.setToolTip(tip or text.replace("&", "").rstrip("…"))
    # Its own words, put back when a role that may use it signs in.
    act.setProperty("own_tips", (act.toolTip(), act.statusTip()))
    act.triggered.connect(lambda _=False: slot())
    menu.addAction(act)
    if name:
        act.setObjectName(name)
        setattr(window, f"act_{name}", act)
    return act


def build_menus(window) -> None:
    bar = window.menuBar()
    file = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    _action(window, file, QCoreApplication.translate("Menus", "&New subject…"), window.actions.new_subject, "Ctrl+N",
            QCoreApplication.translate("Menus", "Add a member of staff to the register"), "new")
    _action(window, file, QCoreApplication.translate("Menus", "&Import register (CSV)…"), window.import_csv, "Ctrl+I",
            QCoreApplication.translate("Menus", "Import an existing spreadsheet register"), "import")
    _action(window, file, QCoreApplication.translate("Menus", "&Export briefing…"), window.export_briefing, "Ctrl+E",
            QCoreApplication.translate("Menus", "Produce a signed briefing PDF for HQ"), "export")
    _action(window, file, QCoreApplication.translate("Menus", "&Backups…"), lambda: _open_backups(window),
            tip=QCoreApplication.translate("Menus", "Back up now, restore, and the automatic backups flagged for deletion"),
            name="backups")
    file.addSeparator()
    _action(window, file, QCoreApplication.translate("Menus", "&Lock"), lambda: window.lock(QCoreApplication.translate("Menus", "on request")), "Ctrl+L",
            QCoreApplication.translate("Menus", "Lock the register now"), "lock")
    _action(window, file, QCoreApplication.translate("Menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit, name="quit")
    edit = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    _action(window, edit, QCoreApplication.translate("Menus", "&Undo"), window.actions.undo, QKeySequence.StandardKey.Undo,
            QCoreApplication.translate("Menus", "Put back the last profile edit"), "undo")
    _action(window, edit, QCoreApplication.translate("Menus", "&Find"), window._find, QKeySequence.StandardKey.Find,
            QCoreApplication.translate("Menus", "Search the register"), "find")
    _action(window, edit, QCoreApplication.translate("Menus", "&Copy reference"), window._copy_ref, "Ctrl+Shift+C",
            QCoreApplication.translate("Menus", "Copy the chosen subject's reference (cleared after 15 seconds)"), "copy")
    view = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    _action(window, view, QCoreApplication.translate("Menus", "&Refresh"), window.refresh, "F5",
            QCoreApplication.translate("Menus", "Reload the register"), "refresh")
    subject = bar.addMenu(QCoreApplication.translate("Menus", "&Subject"))
    a = window.actions
    _action(window, subject, QCoreApplication.translate("Menus", "&Edit profile…"), a.edit_profile, "Ctrl+Shift+E", name="edit")
    _action(window, subject, QCoreApplication.translate("Menus", "Change &status…"), a.change_status, name="status")
    _action(window, subject, QCoreApplication.translate("Menus", "&Reassess threat…"), a.assess, name="assess")
    _action(window, subject, QCoreApplication.translate("Menus", "Add &report…"), a.add_report, "Ctrl+Shift+R", name="report")
    _action(window, subject, QCoreApplication.translate("Menus", "Record re&ferral…"), a.refer, name="refer")
    _action(window, subject, QCoreApplication.translate("Menus", "Add &measure…"), a.add_measure, "Ctrl+Shift+M", name="measure")
    _action(window, subject, QCoreApplication.translate("Menus", "Add &log entry…"), lambda: window._when_loaded(a.add_log),
            "Ctrl+Shift+L", QCoreApplication.translate("Menus", "Add a log entry to a measure of the chosen subject"),
            "log")
    subject.addSeparator()
    _action(window, subject, QCoreApplication.translate("Menus", "Reason for &opening…"), window.change_reason, "Ctrl+R",
            QCoreApplication.translate("Menus", "Why you are opening records in this session (recorded in the journal)"),
            "reason")
    subject.addSeparator()
    _action(window, subject, QCoreApplication.translate("Menus", "&Delete subject…"), a.delete, QKeySequence.StandardKey.Delete,
            name="delete")
    tools = bar.addMenu(QCoreApplication.translate("Menus", "&Tools"))
    _action(window, tools, QCoreApplication.translate("Menus", "&Users…"), window.users, "Ctrl+Shift+U",
            QCoreApplication.translate("Menus", "Add or remove deputies, reset a passphrase, change your own, "
            "export your certificate"), "users")
    _action(window, tools, translate("Menus", "Conflict &bars…"), lambda: _bars(window),
            "Ctrl+Shift+B",
            translate("Menus", "Review the conflict-of-interest bars and lift one with a "
                      "reason"), "bars")
    _action(window, tools, translate("Menus", "Change my &passphrase…"),
            lambda: _own_passphrase(window),
            tip=translate("Menus", "Change the passphrase you sign in with"),
            name="passphrase")
    _action(window, tools, QCoreApplication.translate("Menus", "&Settings…"), window.vault_settings, "Ctrl+,",
            QCoreApplication.translate("Menus", "Auto-lock, deadlines, quick unlock and desktop hygiene"), "settings")
    help_ = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_.menuAction().setObjectName("helpMenu")   # found by name in any language
    _action(window, help_, translate("Menus", "&User guide"), lambda: _help("guide", window),
            QKeySequence.StandardKey.HelpContents,
            translate("Menus", "A short guide for governors, deputies and viewers"), "guide")
    _action(window, help_, translate("Menus", "&Keyboard shortcuts"),
            lambda: _help("shortcuts", window), "Ctrl+/",
            translate("Menus", "Every shortcut of the menus"), "shortcuts")
    help_.addSeparator()
    _action(window, help_, QCoreApplication.translate("Menus", "&Screen-capture protection"), lambda: window.presenter.status(
            window.capture_status), name="capture")
    help_.addSeparator()
    _action(window, help_, translate("Menus", "&About Governor's Console"),
            lambda: _help("about", window),
            tip=translate("Menus", "Version, licences and where the vault is kept"),
            name="about")
    for menu in (file, edit, view, subject, tools, help_):
        menu.setToolTipsVisible(True)     # a disabled entry says why

    window.toolbar = QToolBar(QCoreApplication.translate("Menus", "Main"))
    window.toolbar.setObjectName("mainToolbar")
    window.toolbar.setMovable(False)
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("new", "log", "refresh", "export", "lock"):
        if hasattr(window, f"act_{name}"):
            window.toolbar.addAction(getattr(window, f"act_{name}"))
    window.addToolBar(window.toolbar)


def apply_role(window, role: str | None) -> None:
    """Enable what ``role`` may do (None: locked, nearly everything off)."""
    window.toolbar.setVisible(role is not None)
    for act in window.findChildren(QAction):
        if act.objectName() not in ALWAYS:
            act.setEnabled(role is not None)
    window.act_undo.setEnabled(role is not None and window.actions.can_undo)
    if role is None:
        return
    for name, action in NEEDS:
        act = getattr(window, f"act_{name}", None)
        if act is None:
            continue
        ok = roles.allowed(role, action)
        act.setEnabled(ok)
        tip, status = act.property("own_tips") or (act.toolTip(), act.statusTip())
        why = roles.why_not(role, action)
        act.setToolTip(tip if ok else why)
        act.setStatusTip(status if ok else why)
    window.panel.set_role(role)
