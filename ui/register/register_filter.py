"""Filtering and sorting the register.

The proxy keeps Qt's model/view contract (views talk to it, and callers use
``mapToSource()``), but the work is done in plain Python in one pass: the
search text and quick filters are matched against precomputed, case-folded
row text, and the result is stored beside the rows in the source model.
The per-row callback Qt makes is then a list lookup. Sorting is delegated to
the source model, which sorts its snapshots with Python's sort.

Typing usually narrows the search (each new word contains one typed before,
over the same rows and quick filters); then only the rows shown now are
tested again, and each word only against the rows the previous words kept,
which keeps a keystroke well under its target at 100,000 subjects.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from console.text import folded as fold

from .register_model import RegisterModel

BULK_CHANGE = 300


@dataclass(frozen=True)
class RegisterFilter:
    text: str = ""
    status: str | None = None       # a STATUSES key
    category: str | None = None     # a CATEGORIES key
    rag: str | None = None          # red / amber / green
    needs_attention: bool = False


class RegisterProxy(QSortFilterProxyModel):
    """Filter-as-you-type over a ``RegisterModel``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.criteria = RegisterFilter()
        self._accepted: list[bool] = []
        # (haystack list, words, quick filters) of the last pass: the very list
        # object, so a reset or a sort (each makes a new list) forces a full pass.
        self._last: tuple | None = None
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: RegisterModel) -> None:  # noqa: N802 (Qt name)
        self._accepted = model.accepted
        super().setSourceModel(model)
        model.modelReset.connect(self._refilter)

    def set_filter(self, criteria: RegisterFilter) -> None:
        self.criteria = criteria
        self._refilter()

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self.criteria, text=text))

    def _refilter(self) -> None:
        model: RegisterModel = self.sourceModel()
        if model is None:
            return
        f = self.criteria
        words = fold(f.text).split()
        hay = model.haystacks()
        quick = (f.status, f.category, f.rag, f.needs_attention)
        last, self._last = self._last, (hay, words, quick)
        narrowing = (last is not None and last[0] is hay and last[2] == quick
                     and len(model.accepted) == len(hay)
                     and all(any(old in w for w in words) for old in last[1]))
        if not narrowing and not words and not any(quick):
            keep = [True] * len(hay)
        else:
            rows: list[int] | range = (
                [i for i, ok in enumerate(model.accepted) if ok] if narrowing
                else range(len(hay)))
            for w in words:
                rows = [i for i in rows if w in hay[i]]
            if any(quick) and not narrowing:
                snapshots = model.snapshot_rows()
                rows = [i for i in rows if _passes(snapshots[i], f)]
            keep = [False] * len(hay)
            for i in rows:
                keep[i] = True
        if keep == model.accepted:
            return                       # nothing to show or hide: spare the view
        changed = sum(a != b for a, b in zip(keep, model.accepted))
        if changed > BULK_CHANGE:
            # Many rows come or go: one layout change is far cheaper for the
            # view than thousands of row-removed/inserted signals.
            model.accepted[:] = keep     # same list object: the proxy holds it
            self.invalidate()
            return
        self.beginFilterChange()
        model.accepted[:] = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        try:
            return self._accepted[source_row]
        except IndexError:
            return True

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Sorting the snapshots in the source keeps this fast at 10,000 rows;
        # the proxy itself stays unsorted and follows the source order.
        self.sourceModel().sort(column, order)

    def ref_at(self, proxy_row: int) -> str | None:
        if proxy_row < 0 or proxy_row >= self.rowCount():
            return None
        src = self.mapToSource(self.index(proxy_row, 0))
        return self.sourceModel().row_at(src.row()).subject.ref

    def proxy_row_of(self, ref: str) -> int:
        model: RegisterModel = self.sourceModel()
        r = model.row_of(ref)
        if r < 0:
            return -1
        return self.mapFromSource(model.index(r, 0)).row()


def _passes(row, f: RegisterFilter) -> bool:
    """Whether ``row`` passes the quick filters of ``f`` (not the text)."""
    s = row.subject
    return not ((f.status and s.status != f.status)
                or (f.category and f.category not in s.categories)
                or (f.rag and row.rag != f.rag)
                or (f.needs_attention and not row.flags.needs_attention))
