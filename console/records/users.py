"""Users of a vault: governor, deputies and viewers, their key slots and
signing identities.

Adding a user creates their slot and identity; removing one deletes their
slot and rotates the data key, since they may have kept the old key.
Resetting a forgotten passphrase gives the user a fresh slot and identity;
their old certificate is kept so their past audit entries still verify.

Each of these is a chain entry carrying what it authorises (role,
certificate, key slot's public key, staff number), and a new or reset slot
is sealed with the head the governor has just verified, so the new user's
first unlock checks only what comes after. Who is a user, in which role,
is read from the chain (``unlock.current``), never from the ``users`` rows,
which only mirror it.
"""

from __future__ import annotations

import contextlib
import secrets

from console import i18n
from console.audit import chain as audit
from console.audit import roles, sealing_keys, slot_check, unlock
from console.audit.limits import RANGES, check_setting
from console.audit.roles import ROLES
from console.errors import ConsoleError, PermissionDenied, UnknownUser, ValidationError
from console.records import fields
from console.storage import accounts, identities, policy, quick_unlock, settings
from console.storage.accounts import User
from console.storage.identity import Identity, generate_identity
from console.i18n import _

MIN_PASSPHRASE = 8


def english_role(role: str) -> str:
    """A role's name as certificates carry it: English, whatever the language
    spoken, so a certificate says the same wherever it was made."""
    return ROLES.label_in(role, i18n.catalogue(i18n.ENGLISH))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(_("The passphrase must be at least {MIN_PASSPHRASE} characters "
                                "long.").format(MIN_PASSPHRASE=MIN_PASSPHRASE))


def list_users(vault, include_removed: bool = False) -> list[User]:
    """The users the chain holds (job titles from the rows, which carry no
    authority)."""
    roles.require(vault, "view")
    state = unlock.current(vault)
    titles = {r[0]: r[1] for r in vault.query("SELECT name, job_title FROM users")}
    out = [User(n, m.display_name, m.role, titles.get(n, ""), m.staff_number or "", m.active)
           for n, m in state.users.items() if include_removed or m.active]
    return sorted(out, key=lambda u: (u.role != "governor", u.name))


def add_user(vault, name: str, passphrase: str, role: str = "deputy",
             display_name: str = "", job_title: str = "", staff_number: str = "") -> User:
    roles.require(vault, "manage_users")
    accounts.check_name(name)
    role = fields.choice(role, ROLES, _("Role"))
    check_passphrase(passphrase)
    display_name = fields.text(display_name, _("Display name")).strip() or name
    job_title = fields.text(job_title, _("Job title")).strip()
    staff_number = fields.text(staff_number, _("Staff number")).strip()
    # Names differing only in case ("DOSEI" beside "dosei") would read as the
    # same person in the audit trail, so they count as the same name.
    if any(n.casefold() == name.casefold() for n in vault.slots.users):
        raise ValidationError(_("A user of that name already exists."))
    if any(n.casefold() == name.casefold() for n in unlock.current(vault).active()):
        raise ValidationError(_("A user of that name already exists."))
    user = User(name, display_name, role, job_title, staff_number)
    # The slot is prepared in memory first; the register rows are committed,
    # then the slot file is written. A crash between leaves a user who cannot
    # sign in yet (the governor re-adds them), never a slot with no user.
    user_secret = vault.slots.add_user(name, passphrase, vault.data_key())
    ident = generate_identity(display_name, job_title or english_role(role), vault.establishment)
    try:
        with vault.write():
            accounts.insert_user(vault.conn, user)
            identities.store(vault.conn, vault.vault_id, name, user_secret, ident)
            audit.append(vault, "user.add", "user", name,
                         after={"role": role, "display_name": display_name,
                                "fingerprint": ident.fingerprint,
                                "cert": ident.cert_pem.decode(),
                                "slot": vault.slots.users[name]["public"],
                                "staff_number": staff_number})
            from console.records import access
            access.record_conflicts(vault)
            _keys_follow(vault)
            unlock.seal_for(vault, name, user_secret)
    except BaseException:
        vault.slots.users.pop(name, None)
        raise
    vault.save_slots()
    return user


def remove_user(vault, name: str, rotate: bool = True) -> None:
    roles.require(vault, "manage_users")
    if name == vault.user.name:
        raise PermissionDenied(_("You cannot remove yourself; another governor would have to."))
    if name not in unlock.current(vault).active():
        raise UnknownUser(_("There is no user of that name in this vault."))
    with vault.write():
        vault.conn.execute("UPDATE users SET active = 0 WHERE name = ?", (name,))
        audit.append(vault, "user.remove", "user", name, after={"rotated_key": rotate})
        _keys_follow(vault)
    vault.slots.users.pop(name, None)
    if rotate:
        # Rewraps only to the slots the chain lists, so a slot planted for
        # nobody does not survive the removal either.
        slot_check.rotate(vault, unlock.current(vault))
    else:
        vault.save_slots()


def set_role(vault, name: str, role: str) -> User:
    """Give another user a different role (a chain entry, like adding them)."""
    roles.require(vault, "manage_users")
    role = fields.choice(role, ROLES, _("Role"))
    if name == vault.user.name:
        raise PermissionDenied(_("You cannot change your own role; another governor would have "
                                 "to."))
    m = unlock.current(vault).active().get(name)
    if m is None:
        raise UnknownUser(_("There is no user of that name in this vault."))
    with vault.write():
        vault.conn.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))
        audit.append(vault, "user.role", "user", name, before={"role": m.role},
                     after={"role": role})
        _keys_follow(vault)
    return next(u for u in list_users(vault) if u.name == name)


def change_passphrase(vault, old: str, new: str) -> None:
    """The signed-in user changes their own passphrase, and with it their keys:
    a fresh user secret and key pair, their signing key rewrapped under it,
    the new slot key recorded in the chain, quick unlock dropped, and the
    data key rotated. The old passphrase, with any slot file kept from
    before (a backup's), then opens nothing current.

    Crash-safe in three steps: the new slot is saved beside the old one; one
    transaction rewraps the signing key and records the new slot key; then
    the new slot replaces the old. Cut short, the next unlock keeps the
    half the chain lists (``unlock``), so the old or the new passphrase
    works, never neither."""
    check_passphrase(new)
    name = vault.user.name
    secret = vault.slots.user_secret_from_passphrase(name, old)  # WrongPassphrase if not
    if secret != vault.user_secret():
        raise ValidationError(_("The key slot does not match this session; lock and unlock "
                                "again, then retry."))
    ident = vault.identity()
    new_secret = secrets.token_bytes(32)
    public = vault.slots.begin_change(name, new_secret, new, vault.data_key())
    try:
        unlock.seal_for(vault, name, new_secret)
        vault.save_slots()
        with vault.write():
            identities.store(vault.conn, vault.vault_id, name, new_secret, ident)
            # The keys sealing restricted records and full text, wrapped to
            # this user's old key pair, move to the new one in the same write.
            sealing_keys.rewrap_user(vault, name, secret, public)
            audit.append(vault, "user.passphrase", "user", name, after={"slot": public})
    except BaseException:
        vault.slots.abandon_change(name)  # not recorded: the old passphrase stays
        with contextlib.suppress(ConsoleError):
            vault.save_slots()
        raise
    vault.slots.finish_change(name)
    vault.adopt_secret(new_secret)
    vault.save_slots()
    quick_unlock.forget(vault.vault_id, name)
    state = unlock.current(vault)
    if roles.allowed(vault.user.role, "manage_users"):
        slot_check.rotate(vault, state)
    else:
        vault.rotate_data_key()
    unlock.seal_now(vault)


def reset_user(vault, name: str, new_passphrase: str) -> None:
    """Governor resets another user's forgotten passphrase: a fresh slot and
    signing identity (the old certificate is retired, not deleted), and a new
    data key, so the old passphrase with an old slot file opens nothing."""
    roles.require(vault, "manage_users")
    check_passphrase(new_passphrase)
    if name == vault.user.name:
        raise ValidationError(_("Change your own passphrase from 'Change passphrase'."))
    m = unlock.current(vault).active().get(name)
    if m is None:
        raise UnknownUser(_("There is no user of that name in this vault."))
    rows = vault.query("SELECT job_title FROM users WHERE name = ?", (name,))
    display_name, role, job_title = m.display_name, m.role, rows[0][0] if rows else ""
    old_slot = vault.slots.users.get(name)
    user_secret = vault.slots.add_user(name, new_passphrase, vault.data_key())
    ident = generate_identity(display_name, job_title or english_role(role), vault.establishment)
    try:
        with vault.write():
            identities.retire(vault.conn, name)
            identities.store(vault.conn, vault.vault_id, name, user_secret, ident)
            audit.append(vault, "user.reset", "user", name,
                         after={"fingerprint": ident.fingerprint,
                                "cert": ident.cert_pem.decode(),
                                "slot": vault.slots.users[name]["public"]})
            _keys_follow(vault)
            unlock.seal_for(vault, name, user_secret)
    except BaseException:
        if old_slot is not None:
            vault.slots.users[name] = old_slot
        raise
    vault.save_slots()
    # Whoever learnt the old passphrase, with a slot file kept from before,
    # would otherwise still unwrap today's data key.
    slot_check.rotate(vault, unlock.current(vault))


def _keys_follow(vault) -> None:
    """Who may hold which sealing key follows users and roles (in the same
    write as the change): keys for a new or reset user, a new key wherever a
    removed or demoted user held one (``sealing.reconcile``)."""
    from console.records import sealing
    sealing.reconcile(vault)


def set_own_identity(vault, ident: Identity) -> None:
    """Replace the signed-in user's signing identity (e.g. with an
    organisation's PKCS#12); the old certificate is retired, not deleted."""
    with vault.write():
        identities.retire(vault.conn, vault.user.name)
        identities.store(vault.conn, vault.vault_id, vault.user.name, vault.user_secret(), ident)
        vault.forget_identity()
        audit.append(vault, "identity.replace", "user", vault.user.name,
                     after={"fingerprint": ident.fingerprint,
                            "cert": ident.cert_pem.decode()})


def certificate_pem(vault, name: str | None = None) -> bytes:
    rows = vault.query("SELECT cert_pem FROM identities WHERE user = ?",
                       (name or vault.user.name,))
    if not rows:
        raise UnknownUser(_("There is no user of that name in this vault."))
    return rows[0][0].encode()


def set_setting(vault, key: str, value) -> None:
    roles.require(vault, "change_settings")
    if key in RANGES:
        lo, hi = RANGES[key]
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError(_("That setting must be a whole number.")) from None
        if not lo <= value <= hi:
            raise ValidationError(_("That setting must be between {lo} and {hi}.").format(
                                    lo=lo, hi=hi))
        most = policy.load().autolock_minutes if key == "autolock_minutes" else None
        if most is not None and not 1 <= value <= most:
            raise ValidationError(_("This computer's policy locks the console after at most "
                                    "{most} minutes of inactivity; choose 1 to {most}.").format(
                                    most=most))
    elif key == "establishment":
        value = fields.text(value, _("Establishment"), required=True).strip()
    else:
        raise ValidationError(_("There is no setting of that name."))
    if check_setting(key, value):
        raise ValidationError(_("That value is outside the setting's limits."))
    with vault.write():
        old = vault.setting(key)
        settings.write(vault.conn, key, value)
        audit.append(vault, "settings.change", "vault", key, before={key: old},
                     after={key: value})
