"""One measured figure, with the baseline it is compared to and its target.

Every bench returns a list of ``Figure``; ``bench/run.py`` prints them and
fails the run when a target is missed. A figure with no target is reported
only. Times are in milliseconds unless the unit says otherwise.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str = "ms"
    baseline: float | None = None   # the same thing done the plain way, same run
    baseline_name: str = ""
    limit: float | None = None      # target: value (or ratio, if ratio_limit) below this
    ratio_limit: bool = False
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool:
        if self.limit is None:
            return True
        measured = self.ratio if self.ratio_limit else self.value
        return measured is not None and measured <= self.limit

    @property
    def target(self) -> str:
        if self.limit is None:
            return "reported"
        return f"<= {self.limit:g}x" if self.ratio_limit else f"< {self.limit:g} {self.unit}"

    def line(self) -> str:
        text = f"{self.name}: {self.value:,.1f} {self.unit}"
        if self.baseline is not None:
            text += (f" | baseline ({self.baseline_name}) {self.baseline:,.1f} {self.unit}"
                     f" | ratio {self.ratio:.2f}x")
        text += f" | target {self.target} | {'ok' if self.ok else 'MISSED'}"
        if self.note:
            text += f" | {self.note}"
        return text


def best_of(fn, repeat: int = 5) -> tuple[float, float]:
    """(median, best) wall time of ``fn()`` in milliseconds after one warm-up
    call; the median is the figure, the best shows the noise floor."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)
