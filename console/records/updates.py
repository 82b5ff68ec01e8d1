"""The audited partial update: change some columns of one row and record
what changed in the audit chain, in the same transaction.

Rules:
- Only columns named in ``allowed`` may be written (column names go into
  the SQL text, so nothing else reaches it); values are cleaned by the
  caller's command before they come here.
- The row is read inside the write, so "before" is what was stored when the
  change was made; a column given its stored value again is not a change.
- One audit entry holds the before and after of the changed columns only,
  plus ``ident`` (which row, e.g. ``{"measure_id": 7}``) on both sides.
  Nothing changed: nothing is written and no entry is made.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from console.audit import chain as audit
from console.errors import NotFound
from console.i18n import _


def audited_update(vault, table: str, where: tuple[str, object], values: Mapping[str, object],
                   *, allowed: Iterable[str], action: str, entity_id: str,
                   ident: Mapping[str, object] | None = None,
                   touch: Mapping[str, object] | None = None,
                   shown: Callable[[str, object], object] | None = None) -> dict:
    """Write ``values`` (column -> stored value) to the row of ``table`` whose
    ``where[0]`` column equals ``where[1]``; append one ``action`` entry on
    the subject ``entity_id``. ``touch`` columns (e.g. ``updated_at``) are set
    too when anything changed, without being audited. ``shown(column,
    value)`` gives the value as the audit entry holds it. Returns
    ``{column: (before, after)}`` for the changed columns."""
    allowed = set(allowed)
    key, key_value = where
    stray = (set(values) | set(touch or ()) | {key}) - allowed
    if stray:
        raise ValueError(f"{table} has no updatable column {sorted(stray)[0]!r}")
    show = shown or (lambda _column, value: value)
    columns = list(values)
    with vault.write():
        row = vault.conn.execute(
            f"SELECT {', '.join(columns) or key} FROM {table} WHERE {key} = ?",
            (key_value,)).fetchone()
        if row is None:
            raise NotFound(_("That record no longer exists."))
        changed = {c: (old, values[c]) for c, old in zip(columns, row) if old != values[c]}
        if not changed:
            return {}
        sets = {c: new for c, (_old, new) in changed.items()} | dict(touch or {})
        vault.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in sets)} WHERE {key} = ?",
            [*sets.values(), key_value])
        ident = dict(ident or {})
        audit.append(vault, action, "subject", entity_id,
                     before={**ident, **{c: show(c, old) for c, (old, _) in changed.items()}},
                     after={**ident, **{c: show(c, new) for c, (_, new) in changed.items()}})
    return changed
