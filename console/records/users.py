"""Users of a vault: governor, deputies and viewers, their key slots and
signing identities.

Adding a user creates their slot and identity; removing one deletes their
slot and rotates the data key, since they may have kept the old key.
Resetting a forgotten passphrase gives the user a fresh slot and identity;
their old certificate is kept so their past audit entries still verify.
"""

from __future__ import annotations

from console.audit import chain as audit
from console.audit import roles
from console.audit.roles import ROLES
from console.errors import PermissionDenied, UnknownUser, ValidationError
from console.records import fields
from console.storage import accounts, identities, policy, settings
from console.storage.accounts import User
from console.storage.identity import Identity, generate_identity

MIN_PASSPHRASE = 8


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(f"The passphrase must be at least {MIN_PASSPHRASE} characters "
                              "long.")


def list_users(vault, include_removed: bool = False) -> list[User]:
    roles.require(vault, "view")
    sql = "SELECT name, display_name, role, job_title, staff_number, active FROM users"
    if not include_removed:
        sql += " WHERE active = 1"
    return [User(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
            for r in vault.query(sql + " ORDER BY role = 'governor' DESC, name")]


def add_user(vault, name: str, passphrase: str, role: str = "deputy",
             display_name: str = "", job_title: str = "", staff_number: str = "") -> User:
    roles.require(vault, "manage_users")
    accounts.check_name(name)
    role = fields.choice(role, ROLES, "Role")
    check_passphrase(passphrase)
    display_name = fields.text(display_name, "Display name").strip() or name
    job_title = fields.text(job_title, "Job title").strip()
    staff_number = fields.text(staff_number, "Staff number").strip()
    # Names differing only in case ("DOSEI" beside "dosei") would read as the
    # same person in the audit trail, so they count as the same name.
    if any(n.casefold() == name.casefold() for n in vault.slots.users):
        raise ValidationError("A user of that name already exists.")
    if vault.query("SELECT 1 FROM users WHERE lower(name) = lower(?) AND active = 1", (name,)):
        raise ValidationError("A user of that name already exists.")
    user = User(name, display_name, role, job_title, staff_number)
    # The slot is prepared in memory first; the register rows are committed,
    # then the slot file is written. A crash between leaves a user who cannot
    # sign in yet (the governor re-adds them), never a slot with no user.
    user_secret = vault.slots.add_user(name, passphrase, vault.data_key())
    ident = generate_identity(display_name, job_title or ROLES.label(role), vault.establishment)
    try:
        with vault.write():
            accounts.insert_user(vault.conn, user)
            identities.store(vault.conn, vault.vault_id, name, user_secret, ident)
            audit.append(vault, "user.add", "user", name,
                         after={"role": role, "display_name": display_name,
                                "fingerprint": ident.fingerprint})
            from console.records import access
            access.record_conflicts(vault)
    except BaseException:
        vault.slots.users.pop(name, None)
        raise
    vault.save_slots()
    return user


def remove_user(vault, name: str, rotate: bool = True) -> None:
    roles.require(vault, "manage_users")
    if name == vault.user.name:
        raise PermissionDenied("You cannot remove yourself; another governor would have to.")
    if not vault.query("SELECT 1 FROM users WHERE name = ? AND active = 1", (name,)):
        raise UnknownUser("There is no user of that name in this vault.")
    with vault.write():
        vault.conn.execute("UPDATE users SET active = 0 WHERE name = ?", (name,))
        audit.append(vault, "user.remove", "user", name, after={"rotated_key": rotate})
    vault.slots.users.pop(name, None)
    if rotate:
        vault.rotate_data_key()  # writes the slots without the removed user
    else:
        vault.save_slots()


def change_passphrase(vault, old: str, new: str) -> None:
    """The signed-in user changes their own passphrase: one slot is rewrapped."""
    check_passphrase(new)
    name = vault.user.name
    secret = vault.slots.user_secret_from_passphrase(name, old)  # WrongPassphrase if not
    if secret != vault.user_secret():
        raise ValidationError("The key slot does not match this session; lock and unlock "
                              "again, then retry.")
    old_slot = dict(vault.slots.users[name])
    vault.slots.set_passphrase(name, secret, new)
    try:
        vault.save_slots()
    except BaseException:
        vault.slots.users[name] = old_slot  # not saved: the old passphrase stays
        raise
    with vault.write():
        audit.append(vault, "user.passphrase", "user", name)


def reset_user(vault, name: str, new_passphrase: str) -> None:
    """Governor resets another user's forgotten passphrase: a fresh slot and
    signing identity; the old certificate is retired, not deleted."""
    roles.require(vault, "manage_users")
    check_passphrase(new_passphrase)
    if name == vault.user.name:
        raise ValidationError("Change your own passphrase from 'Change passphrase'.")
    rows = vault.query("SELECT display_name, role, job_title FROM users WHERE name = ? AND "
                       "active = 1", (name,))
    if not rows:
        raise UnknownUser("There is no user of that name in this vault.")
    display_name, role, job_title = rows[0]
    old_slot = vault.slots.users.get(name)
    user_secret = vault.slots.add_user(name, new_passphrase, vault.data_key())
    ident = generate_identity(display_name, job_title or ROLES.label(role), vault.establishment)
    try:
        with vault.write():
            identities.retire(vault.conn, name)
            identities.store(vault.conn, vault.vault_id, name, user_secret, ident)
            audit.append(vault, "user.reset", "user", name,
                         after={"fingerprint": ident.fingerprint})
    except BaseException:
        if old_slot is not None:
            vault.slots.users[name] = old_slot
        raise
    vault.save_slots()


def set_own_identity(vault, ident: Identity) -> None:
    """Replace the signed-in user's signing identity (e.g. with an
    organisation's PKCS#12); the old certificate is retired, not deleted."""
    with vault.write():
        identities.retire(vault.conn, vault.user.name)
        identities.store(vault.conn, vault.vault_id, vault.user.name, vault.user_secret(), ident)
        vault.forget_identity()
        audit.append(vault, "identity.replace", "user", vault.user.name,
                     after={"fingerprint": ident.fingerprint})


def certificate_pem(vault, name: str | None = None) -> bytes:
    rows = vault.query("SELECT cert_pem FROM identities WHERE user = ?",
                       (name or vault.user.name,))
    if not rows:
        raise UnknownUser("There is no user of that name in this vault.")
    return rows[0][0].encode()


def set_setting(vault, key: str, value) -> None:
    roles.require(vault, "change_settings")
    limits = {"unreferred_days": (1, 365), "unacknowledged_days": (1, 365),
              "autolock_minutes": (0, 240), "backup_keep": (1, 100)}
    if key in limits:
        lo, hi = limits[key]
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError("That setting must be a whole number.") from None
        if not lo <= value <= hi:
            raise ValidationError(f"That setting must be between {lo} and {hi}.")
        most = policy.load().autolock_minutes if key == "autolock_minutes" else None
        if most is not None and not 1 <= value <= most:
            raise ValidationError(f"This computer's policy locks the console after at most "
                                  f"{most} minutes of inactivity; choose 1 to {most}.")
    elif key == "establishment":
        value = fields.text(value, "Establishment", required=True).strip()
    else:
        raise ValidationError("There is no setting of that name.")
    with vault.write():
        old = vault.setting(key)
        settings.write(vault.conn, key, value)
        audit.append(vault, "settings.change", "vault", key, before={key: old},
                     after={key: value})
