"""The ``users`` table: a mirror of who may sign in to a vault, in which
role. The signed audit chain is the authority on both (``console.audit``):
the console reads roles and standing from it and reports a row that
disagrees; this table keeps display names and job titles, and lets a
script over ``Vault.open`` (which trusts rows) work as before.

``User`` is the signed-in person as the rest of the core sees them. Names
are checked here (plain a to z) so a look-alike name can never be created
by any path.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.clock import now_iso
from console.errors import ValidationError
from console.i18n import _


@dataclass(frozen=True)
class User:
    name: str
    display_name: str
    role: str
    job_title: str = ""
    staff_number: str = ""
    active: bool = True


_COLUMNS = "name, display_name, role, job_title, staff_number, active"


def check_name(user: str) -> None:
    # Plain a-z only: "dоsei" with a Cyrillic о looks exactly like "dosei" in
    # every list and in the audit trail.
    if (not user or len(user) > 64 or not user.isascii()
            or not all(c.isalnum() or c in "._-" for c in user)):
        raise ValidationError(_("A sign-in name must be 1 to 64 of the letters a to z, digits, "
                                "dots, dashes or underscores."))


def insert_user(conn, u: User) -> None:
    """Add a user, or bring back a removed one under the same name."""
    conn.execute(
        "INSERT INTO users(name, display_name, role, job_title, staff_number, created_at, "
        "active) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(name) DO UPDATE SET "
        "display_name = excluded.display_name, role = excluded.role, "
        "job_title = excluded.job_title, staff_number = excluded.staff_number, active = 1",
        (u.name, u.display_name, u.role, u.job_title, u.staff_number, now_iso()))


def fetch_user(conn, name: str) -> User | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,)).fetchone()
    return None if row is None else User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))

