"""Report full text and source, sealed to the roles that may read them.

A report's ``full_text``, ``author`` and ``external_ref`` (the intelligence
system's reference) are stored sealed under the vault's full-text key
(scope ``fulltext`` in ``console.audit.sealing_keys``), which only users
whose role has the ``read_full_text`` right hold: governors and deputies.
A viewer holding the data key reads these columns as ciphertext. The
summary stays clear: it is what every role may read and what a briefing
carries.

A stored value is ``PREFIX`` + key version + ``:`` + base64 of the nonce and
AES-256-GCM ciphertext, with the vault, the key version, the report's id and
the column as associated data (so a value cannot be moved to another report
or column). The prefix starts with ESC, a character the services refuse in
any text, so no typed value is ever taken for a sealed one. Values written
before the vault had the key stay clear until a governor's session seals
them (``seal_clear_rows``).
"""

from __future__ import annotations

import base64
import os

from console.audit import sealing_keys
from console.audit.authority import FULLTEXT
from console.i18n import _

FIELDS = ("full_text", "author", "external_ref")
PREFIX = "\x1bgc-sealed:"


def is_sealed(value) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def _aad(vault_id: str, version: int, report_id: int, column: str) -> bytes:
    return f"gc fulltext\x00{vault_id}\x00{version}\x00{report_id}\x00{column}".encode("utf-8")


def seal_value(vault_id: str, version: int, key: bytes, report_id: int, column: str,
               text: str) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    nonce = os.urandom(12)
    ct = AESGCM(bytes(key)).encrypt(nonce, (text or "").encode("utf-8"),
                                    _aad(vault_id, version, report_id, column))
    return f"{PREFIX}{version}:{base64.b64encode(nonce + ct).decode('ascii')}"


def open_value(vault_id: str, key_for, report_id: int, column: str, value) -> str | None:
    """The text of a stored value: itself when clear; opened when sealed and
    ``key_for(version)`` gives the key; None when it cannot be read."""
    if not is_sealed(value):
        return value
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    try:
        version, data = value[len(PREFIX):].split(":", 1)
        key = key_for(int(version))
        if key is None:
            return None
        raw = base64.b64decode(data)
        return AESGCM(bytes(key)).decrypt(raw[:12], raw[12:], _aad(
            vault_id, int(version), report_id, column)).decode("utf-8")
    except (InvalidTag, ValueError, UnicodeDecodeError):
        return None


def current_key(vault) -> tuple[int, bytes] | None:
    """(version, key) to seal new values with; None while the vault has no
    full-text key yet (they are then stored clear, and sealed later)."""
    ring = sealing_keys.keyring(vault)
    if not ring.tables:
        return None
    # The ring holds only keys that matched the chain when it was loaded, and
    # a new version made in this session replaces the one it held.
    held = ring.current(FULLTEXT)
    if held is not None:
        return held
    from console.audit.current import now
    if now(vault).keys.get(FULLTEXT) is None:
        return None
    from console.errors import PermissionDenied
    raise PermissionDenied(_("Your key for reports' full text is not in place yet; ask the "
                             "governor to open the console once, then try again."))


def sealed_values(vault, report_id: int, values: dict[str, str]) -> dict[str, str]:
    """``values`` (column -> text) as they are stored for report ``report_id``."""
    key = current_key(vault)
    if key is None:
        return dict(values)
    return {c: seal_value(vault.vault_id, key[0], key[1], report_id, c, v)
            for c, v in values.items()}


def opener(vault):
    """A function (report id, column, stored value) -> text or None, for a
    user who may read full text."""
    ring = sealing_keys.keyring(vault)
    conn, vid = vault.conn, vault.vault_id

    def key_for(version: int):
        return ring.version(conn, FULLTEXT, version)

    return lambda report_id, column, value: open_value(vid, key_for, report_id, column, value)


def reseal_rows(vault, rows: list[dict], version: int, key: bytes, read) -> int:
    """Seal the three columns of report ``rows`` (dicts with ``id``) under
    ``key``, in place; ``read(report id, column, value)`` opens what is
    sealed already. Returns how many rows changed."""
    changed = 0
    for r in rows:
        for c in FIELDS:
            text = read(r["id"], c, r.get(c))
            if text is None:
                continue            # not readable by this user: left as it is
            r[c] = seal_value(vault.vault_id, version, key, r["id"], c, text)
        changed += 1
    return changed


def seal_clear_rows(vault, version: int, key: bytes, *, everything: bool = False) -> int:
    """Seal the clear tables' report columns under ``key``: those still clear,
    or (``everything``, after a new key) every one. Returns rows written."""
    conn = vault.conn
    read = opener(vault)
    rows = [dict(zip(("id", *FIELDS), r)) for r in conn.execute(
        f"SELECT id, {', '.join(FIELDS)} FROM main.intel_reports")]
    if not everything:
        rows = [r for r in rows if not all(is_sealed(r[c]) for c in FIELDS)]
    reseal_rows(vault, rows, version, key, read)
    conn.executemany(f"UPDATE main.intel_reports SET {', '.join(f'{c} = ?' for c in FIELDS)} "
                     "WHERE id = ?", [[r[c] for c in FIELDS] + [r["id"]] for r in rows])
    return len(rows)
