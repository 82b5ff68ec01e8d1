"""Read-only lists: the one set-up for a ``QTableView`` whose rows are chosen,
never edited in place (the register, the subject's tabs, the dashboard's
counts, the users, backups, journal, review queue, access pack and import
preview). Each caller keeps its own column sizing.

Tab never walks the cells: it leaves the table for the next control, as in
every well-made list, so the panel beside a table is one key away; the
arrows move within it. ``fit_columns`` sizes a table so it needs no
sideways scrolling: short columns to their contents, the text columns
sharing what is left, their text ending in "…" (the whole of it in the
tooltip where the model gives one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
EXTENDED = QAbstractItemView.SelectionMode.ExtendedSelection


def readonly_rows(view: QTableView, *, selection=SINGLE,
                  row_padding: int | None = None) -> QTableView:
    """Whole-row selection, no editing, alternating row colours, no word
    wrap and no row numbers; rows ``row_padding`` pixels taller than the text
    where given, else Qt's default height."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    if row_padding is not None:
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    return view


def fit_columns(view: QTableView, stretch: tuple[int, ...],
                give_way: tuple[int, ...] = ()) -> QTableView:
    """Size the columns to the view's width whenever it or the rows change:
    each column as wide as its contents while they fit, the columns in
    ``stretch`` taking what is left; when they do not fit, the ``stretch``
    columns give way first, then the columns in ``give_way`` are left out,
    in that order, then every column narrows, never below a readable
    minimum. Text that does not fit ends in "…"."""
    _Fitter(view, stretch, give_way)
    return view


MIN_TEXT = 90        # a stretching text column keeps about a dozen characters
MIN_ANY = 44


class _Fitter(QObject):
    def __init__(self, view: QTableView, stretch: tuple[int, ...], give_way: tuple[int, ...]):
        super().__init__(view)
        self.view, self.stretch, self.give_way = view, stretch, give_way
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged):
            signal.connect(self.fit)
        self.fit()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self, *_args) -> None:
        view, header = self.view, self.view.horizontalHeader()
        cols = list(range(header.count()))
        if not cols:
            return
        width = max(view.viewport().width(), 1)
        natural = {c: max(header.sectionSizeFromContents(c).width(),
                          view.sizeHintForColumn(c), MIN_ANY) for c in cols}

        def least(c: int) -> int:
            return min(natural[c], MIN_TEXT) if c in self.stretch else natural[c]
        for c in self.give_way:                  # too narrow: the lesser columns go
            if sum(least(k) for k in cols) <= width:
                break
            cols.remove(c)
        for c in range(header.count()):
            header.setSectionHidden(c, c not in cols)
        natural = {c: natural[c] for c in cols}
        stretch = [c for c in cols if c in self.stretch]
        spare = width - sum(natural.values())
        sizes = dict(natural)
        if spare >= 0:
            for c in stretch:
                sizes[c] += spare // len(stretch)
        else:
            need = -spare
            for c in sorted(stretch, key=lambda c: -natural[c]):   # the widest give first
                give = min(need, max(0, natural[c] - MIN_TEXT))
                sizes[c] -= give
                need -= give
            if need > 0:
                room = sum(max(0, sizes[c] - MIN_ANY) for c in cols) or 1
                for c in cols:
                    sizes[c] -= need * max(0, sizes[c] - MIN_ANY) // room
        for c in cols:
            header.resizeSection(c, max(sizes[c], MIN_ANY))
