"""Quick unlock's rules: who it lets in, and for how long.

Quick unlock opens the vault with a secret kept in this computer's keychain
(``console.storage.quick_unlock``), so it lets in whoever is signed in to the
computer's account: it is a convenience for one person on their own
account, never a way for a colleague at the same desk to become them.

- **Shared accounts.** When more than one user of the vault signs in on this
  computer (their key slots are here), quick unlock is off unless the
  governor has allowed it for shared computers (the chain's setting
  ``quick_unlock_shared``), knowingly: Settings says who could then use it.
- **The person's own passphrase, once a day.** Each time the user unlocks
  with their passphrase, the time is sealed in their slot under a key only
  their secret gives; quick unlock works for ``quick_unlock_hours`` (the
  chain's setting, at most 24) after it, then asks for the passphrase.
- **Dropped on a passphrase change** (``records.users.change_passphrase``):
  the keychain's secret wrapped the old user secret.

Settings are read from the signed chain, never from rows a colleague holding
the data key could edit. Runs on the vault's thread.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from console.audit import current, unlock
from console.clock import utcnow
from console.errors import QuickUnlockUnavailable, WrongPassphrase
from console.storage import keyslots, quick_unlock
from console.storage.settings import DEFAULT_SETTINGS
from console.storage.vault import default_user
from console.i18n import N_, _, ngettext

HOURS, SHARED = "quick_unlock_hours", "quick_unlock_shared"
MOST_HOURS = 24


def _setting(state, key: str) -> int:
    return int(state.setting(key, DEFAULT_SETTINGS[key]))


def _account() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no name for the account: say so plainly
        return _("this one")


def others_here(slots, user: str) -> list[str]:
    """The other users who sign in to this vault on this computer."""
    return sorted(n for n in slots.users if n != user)


def availability(vault) -> tuple[bool, str]:
    """(available, the sentence Settings shows: who could use it)."""
    ok, why = quick_unlock.availability()
    if not ok:
        return False, why
    state = current.now(vault)
    others = others_here(vault.slots, vault.user.name)
    hours = _setting(state, HOURS)
    if others and not _setting(state, SHARED):
        return False, (_("Quick unlock is off: {value} people sign in to this vault on this "
                         "computer, so one click would let any of them in as you. The governor "
                         "can allow it for shared computers.").format(value=len(others) + 1))
    who = (_("anyone signed in to this computer's account ({account})").format(account=_account())
           + (ngettext(", including {n} other user of this vault,",
                       ", including {n} other users of this vault,", len(others)).format(
                           n=len(others)) if others else ""))
    return True, (ngettext("Quick unlock lets {who} open the vault as {name} with one click, "
                           "for {hours} hour after {name} last typed the passphrase.",
                           "Quick unlock lets {who} open the vault as {name} with one click, "
                           "for {hours} hours after {name} last typed the passphrase.",
                           hours).format(
                    who=who, name=vault.user.name, hours=hours))


def enable(vault) -> None:
    ok, why = availability(vault)
    if not ok:
        raise QuickUnlockUnavailable(why)
    quick_unlock.enable(vault)
    unlock.stamp_quick(vault)


def disable(vault) -> None:
    quick_unlock.disable(vault)


def _age(stamped: str | None) -> dt.timedelta | None:
    try:
        return utcnow() - dt.datetime.fromisoformat(stamped) if stamped else None
    except ValueError:
        return None


AGAIN = (N_("Quick unlock asks for your passphrase at least once every {h} hours; type it "
            "to continue."))


def open_quick(folder, user: str | None, opener=None):
    """Unlock with quick unlock, within the rules above; WrongPassphrase (the
    passphrase field) when they do not allow it. ``opener`` opens the vault
    with the user secret (the console's own, ``records.session.open_vault``;
    by default the audit room's unlock)."""
    folder = Path(folder)
    slots = keyslots.SlotFile.load(folder)
    user = user or default_user(slots)
    secret = quick_unlock.user_secret(slots, user)
    age = _age(slots.quick_stamp(user, secret))
    if age is None or age < dt.timedelta(0) or age > dt.timedelta(hours=MOST_HOURS):
        raise WrongPassphrase(_(AGAIN).format(h=MOST_HOURS))
    vault = (opener or unlock.open_vault)(folder, user, user_secret=secret)
    try:
        state = current.now(vault)
        if others_here(vault.slots, user) and not _setting(state, SHARED):
            raise WrongPassphrase(_("Quick unlock is off while several people sign in to this "
                                    "vault on this computer; type your passphrase."))
        hours = _setting(state, HOURS)
        if age > dt.timedelta(hours=hours):
            raise WrongPassphrase(_(AGAIN).format(h=hours))
    except BaseException:
        vault.close()
        raise
    return vault
