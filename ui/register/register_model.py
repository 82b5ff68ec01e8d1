"""The register as a Qt table model over frozen ``RegisterRow`` snapshots.

The model holds snapshots only, never a cursor or SQL. Sorting happens here
(Python's sort over precomputed keys, then one layout change) and the filter
state is kept per row beside the snapshots, so the proxy's per-row callback
is a list lookup: both stay well under 50 ms at 10,000 subjects.
A row the user may not see is a placeholder: reference and risk band only,
with the same tooltip whatever the reason. A governor sees a padlock on a
restricted record and, in its flags and tooltip, who may see it.

Names and other free text are shown and searched as everywhere else
(``console.text``: no bidirectional or control characters; search ignores
case and accents).

Each row's display and search text is built once by ``prepare(rows)``, which
touches no Qt object, so the main window runs it on the vault thread beside
the query and the GUI thread only swaps the lists in (``set_rows`` accepts
either the snapshots or a ``Prepared``).
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from console.records.model import CATEGORY_SHORT, RAG, STATUSES, RegisterRow
from console.text import folded as fold
from console.text import shown

translate = QCoreApplication.translate

RAG_COLOURS = {"red": QColor("#c62828"), "amber": QColor("#f2a900"),
               "green": QColor("#2e7d32")}
RAG_TEXT = {"red": QColor("#ffffff"), "amber": QColor("#1a1a1a"), "green": QColor("#ffffff")}
RAG_ORDER = {"green": 0, "amber": 1, "red": 2}
STATUS_ORDER = {k: i for i, k in enumerate(STATUSES.keys())}

FREEZE_FROM = 2000
COLLECT_AFTER_MS = 1500

RowRole = Qt.ItemDataRole.UserRole + 1     # the RegisterRow itself
RefRole = Qt.ItemDataRole.UserRole + 2     # the subject's reference


class Column(IntEnum):
    # Risk, status and flags come early so they stay in view beside the panel.
    REF = 0
    NAME = 1
    RISK = 2
    STATUS = 3
    FLAGS = 4
    ROLE = 5
    LOCATION = 6
    CATEGORIES = 7
    OWNER = 8
    NEXT_REVIEW = 9


HEADERS = {Column.REF: QT_TRANSLATE_NOOP("RegisterModel", "Reference"), Column.NAME: QT_TRANSLATE_NOOP("RegisterModel", "Name"), Column.ROLE: QT_TRANSLATE_NOOP("RegisterModel", "Role"),
           Column.LOCATION: QT_TRANSLATE_NOOP("RegisterModel", "Location"), Column.STATUS: QT_TRANSLATE_NOOP("RegisterModel", "Status"),
           Column.CATEGORIES: QT_TRANSLATE_NOOP("RegisterModel", "Categories"), Column.RISK: QT_TRANSLATE_NOOP("RegisterModel", "Risk"), Column.OWNER: QT_TRANSLATE_NOOP("RegisterModel", "Owner"),
           Column.NEXT_REVIEW: QT_TRANSLATE_NOOP("RegisterModel", "Next review"), Column.FLAGS: QT_TRANSLATE_NOOP("RegisterModel", "Flags")}


_LOCK: list = []


def lock_icon():
    """The restriction badge: a small padlock, drawn once (no icon theme
    holds one everywhere)."""
    if not _LOCK:
        from PySide6.QtCore import QPointF, QRectF
        from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
        pix = QPixmap(16, 16)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor("#5b3a8c")
        p.setPen(QPen(ink, 1.6))
        p.drawArc(QRectF(4.5, 1.5, 7, 9), 0, 180 * 16)
        p.drawLine(QPointF(4.5, 6), QPointF(4.5, 8))
        p.drawLine(QPointF(11.5, 6), QPointF(11.5, 8))
        p.fillRect(QRectF(3, 7.5, 10, 7.5), ink)
        p.end()
        _LOCK.append(QIcon(pix))
    return _LOCK[0]


def _categories(row: RegisterRow) -> str:
    return ", ".join(CATEGORY_SHORT.get(c, c) for c in row.subject.categories)


def _once(memo: dict, key, make) -> str:
    """``make()``, made once per ``key`` in ``memo`` (one register load)."""
    text = memo.get(key)
    if text is None:
        text = memo[key] = make()
    return text


def _risk(row: RegisterRow) -> str:
    s = row.subject
    if row.restricted:
        return RAG.label(row.rag)      # a placeholder carries the band only
    return f"{RAG.label(row.rag)} ({s.likelihood}\u00d7{s.impact}={s.score})"


# The same words whatever the reason a row is closed to this user: a
# conflict of interest means the user is the subject, and saying so would
# tell them they are on the register.
PLACEHOLDER_TIP = QT_TRANSLATE_NOOP("RegisterModel",
                                    "Restricted to named users (need-to-know): you see its "
                                    "reference and risk band only. Ask the governor if you "
                                    "need to see it.")


def _restricted(names) -> str:
    return shown(QCoreApplication.translate("RegisterModel", "Restricted: ") + (", ".join(names) if names else QCoreApplication.translate("RegisterModel", "governors only")),
                 one_line=True)


def restriction_tip(names) -> str:
    """What a governor is told about a restricted record."""
    who = ", ".join(names) if names else QCoreApplication.translate("RegisterModel", "no one but the governors")
    return f"Restricted (need-to-know): open to {who}, and to governors."


class Flags(QObject):
    """The flags in words. A QObject so its counts go through ``self.tr``,
    which lupdate marks as plural (it does not for ``translate`` calls)."""

    def words(self, flags) -> list[str]:
        out = []
        if flags.unreferred:
            out.append(self.tr("%n unreferred", "", flags.unreferred))
        if flags.unacknowledged:
            out.append(self.tr("%n unacknowledged", "", flags.unacknowledged))
        if flags.overdue_review:
            out.append(self.tr("review overdue"))
        if flags.overdue_measures:
            out.append(self.tr("%n measure review(s) overdue", "", flags.overdue_measures))
        return out


_FLAGS: list[Flags] = []


def flag_labels(flags) -> list[str]:
    """What needs attention, in words (counts through Qt's plural forms)."""
    if not _FLAGS:
        _FLAGS.append(Flags())
    return _FLAGS[0].words(flags)


def _flags(row: RegisterRow) -> str:
    return "; ".join(flag_labels(row.flags))


def _cells(row: RegisterRow, memo: dict | None = None) -> tuple[str, ...]:
    """Display text of every column, in ``Column`` order (one tuple built
    directly: this runs for every row of the register on each load). The
    words for a risk and a status are looked up once per load (``memo``)."""
    s = row.subject
    memo = {} if memo is None else memo
    risk = _once(memo, ("risk", row.rag, s.likelihood, s.impact, row.restricted),
                 lambda: _risk(row))
    status = _once(memo, ("status", s.status), lambda: STATUSES.label(s.status))
    if row.restricted:
        return (s.ref, "(restricted)", risk, status, "", "", "", "", "", "")
    flags = _flags(row) if row.flags.needs_attention else ""
    if row.restricted_to is not None:
        flags = "; ".join(x for x in (_restricted(row.restricted_to), flags) if x)
    name, role, location, owner = s.name, s.role, s.location, s.owner
    joined = name + role + location + owner
    if not (joined.isascii() and joined.isprintable()):   # one check for most rows
        name, role, location, owner = (shown(x, one_line=True)
                                       for x in (name, role, location, owner))
    return (s.ref, name, risk, status, flags, role, location,
            _once(memo, ("categories", s.categories), lambda: _categories(row))
            if s.categories else "", owner,
            s.next_review.isoformat() if s.next_review else "")


def _search_text(cells: tuple[str, ...], folded: dict[str, str]) -> str:
    """The folded text a search matches, cell by cell: many cells repeat
    (risk, status, role, location), and only cells with non-ASCII text take
    the slow path of ``fold``, so this stays cheap at 100,000 rows."""
    joined = "\x1f".join(cells)
    if joined.isascii():                    # most rows: one pass over the whole row
        return joined.casefold()
    out = []
    for text in cells:
        if text.isascii():
            out.append(text.casefold())
            continue
        out.append(_once(folded, text, lambda: fold(text)))
    return "\x1f".join(out)


def _sort_key(col: Column, row: RegisterRow, cells: tuple[str, ...]):
    s = row.subject
    if col == Column.RISK:
        return (RAG_ORDER.get(row.rag, 0), s.score)
    if col == Column.STATUS:
        return STATUS_ORDER.get(s.status, 99)
    if col == Column.NEXT_REVIEW:
        return s.next_review or dt.date.max
    if col == Column.FLAGS:
        f = row.flags
        return (f.unreferred + f.unacknowledged + f.overdue_measures + f.overdue_review)
    return cells[col].casefold()


@dataclass(frozen=True, eq=False)
class Prepared:
    """Snapshots with their display text and folded search text, row by row."""
    rows: list[RegisterRow]
    cells: list[tuple[str, ...]]
    hay: list[str]


def prepare(rows) -> Prepared:
    """Build every row's cells and search text (pure Python: any thread)."""
    rows = list(rows)
    memo: dict = {}
    cells = [_cells(r, memo) for r in rows]
    folded: dict[str, str] = {}
    return Prepared(rows, cells, [_search_text(c, folded) for c in cells])


class RegisterModel(QAbstractTableModel):
    """Read-only table of the register."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._hay: list[str] = []
        # Filter state, aligned with the rows; always updated in place because
        # the proxy keeps a reference to this very list.
        self.accepted: list[bool] = []
        self._sort: tuple[int, Qt.SortOrder] = (Column.REF, Qt.SortOrder.AscendingOrder)
        self._collect_timer = QTimer(self)
        self._collect_timer.setSingleShot(True)
        self._collect_timer.setInterval(COLLECT_AFTER_MS)
        self._collect_timer.timeout.connect(self._collect)

    # -- loading ---------------------------------------------------------------------
    def set_rows(self, rows: list[RegisterRow] | Prepared) -> None:
        ready = rows if isinstance(rows, Prepared) else prepare(rows)
        self.beginResetModel()
        self._rows, self._cells, self._hay = (list(ready.rows), list(ready.cells),
                                              list(ready.hay))
        self.accepted[:] = [True] * len(self._rows)
        self._apply_sort()
        self.endResetModel()
        if len(self._rows) >= FREEZE_FROM:
            # Thousands of long-lived snapshots would otherwise be rescanned by
            # every cyclic garbage collection, which shows as keystroke stutter:
            # freeze them now (cheap). A full collection, then a fresh freeze,
            # follows once the register has painted, so garbage is never kept
            # frozen; frozen objects are still freed when nothing refers to them.
            gc.freeze()
            self._collect_timer.start()

    @staticmethod
    def _collect() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[RegisterRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._hay[row]

    def haystacks(self) -> list[str]:
        """Folded text (see ``fold``) of every row, in row order (read-only)."""
        return self._hay

    def snapshot_rows(self) -> list[RegisterRow]:
        """The snapshots in row order (read-only)."""
        return self._rows

    def row_of(self, ref: str) -> int:
        for i, r in enumerate(self._rows):
            if r.subject.ref == ref:
                return i
        return -1

    # -- sorting (called by the proxy) ---------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._rows[i.row()] for i in old]
        self._apply_sort()
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[id(r)], i.column()) for r, i in zip(old_rows, old)])
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        col, order = self._sort
        col = Column(col)
        rows, cells = self._rows, self._cells
        keys = [_sort_key(col, rows[i], cells[i]) for i in range(len(rows))]
        idx = sorted(range(len(rows)), key=keys.__getitem__,
                     reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [rows[i] for i in idx]
        self._cells = [cells[i] for i in idx]
        self._hay = [self._hay[i] for i in idx]
        if len(self.accepted) == len(idx):
            self.accepted[:] = [self.accepted[i] for i in idx]

    # -- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(HEADERS[Column(section)])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= len(self._rows) or c >= len(Column):
            return None
        row = self._rows[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells[r][c]
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.restricted:
                return self.tr(PLACEHOLDER_TIP)
            if row.restricted_to is not None and c in (Column.REF, Column.NAME):
                return shown(restriction_tip(row.restricted_to))
            if c == Column.CATEGORIES and row.subject.categories:
                return self._cells[r][c]
            if c == Column.FLAGS and row.flags.needs_attention:
                return self.tr("Needs attention: ") + self._cells[r][c]
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if c == Column.RISK:
                return QBrush(RAG_TEXT.get(row.rag, QColor("white")))
            if row.restricted:
                return QBrush(QColor("#888888"))
            if c == Column.FLAGS and row.flags.needs_attention:
                from ui.theme import attention_colour
                return QBrush(attention_colour())
            return None
        if (role == Qt.ItemDataRole.DecorationRole and c == Column.NAME
                and row.restricted_to is not None):
            return lock_icon()
        if role == Qt.ItemDataRole.BackgroundRole and c == Column.RISK:
            return QBrush(RAG_COLOURS.get(row.rag, QColor("grey")))
        if role == RowRole:
            return row
        if role == RefRole:
            return row.subject.ref
        return None
