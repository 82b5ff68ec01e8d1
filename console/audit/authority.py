"""The authority the signed chain carries, at any point of it: who is a user,
in which role, with which certificate and key-slot public key; the vault's
settings; which records are restricted to whom; which conflict bars a
governor lifted; and, for each sealing key (``sealing_keys``), its current
version and the commitment that proves a key is that one.

``State`` starts empty before the chain's first entry; ``apply(state, e)``
takes one entry whose hash, link and signature were already checked, checks
that its signer held the right for it at that point (the one table of rights
in ``roles``) and that what it authorises is allowed, changes the state and
returns ``None``, or returns the reason it is not allowed. Nothing here reads
the database or the slot file: rows and slots are compared with a state by
``consistency``.

A vault made before authority lived in the chain opens with a legacy first
entry (no certificate, slot key or settings in it). Its users, roles and
certificates still come from its signed entries (which always named the role
and certificate fingerprint they gave); slot keys, staff numbers and settings
are attested once, in an ``authority.attest`` entry signed by the founding
governor (``State.attested`` is then that entry's number).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field

from console.audit import roles
from console.audit.limits import check_setting
from console.i18n import _

FORMAT = 2          # of the state as sealed in key slots (see ``seal``)
GENESIS_FORMAT = 2  # of the first entry's payload: authority included
GOVERNOR = roles.GOVERNOR
FULLTEXT = "fulltext"   # the scope of the key that seals report full text


@dataclass
class Member:
    """One user as the chain knows them."""
    role: str
    display_name: str
    fingerprint: str            # SHA-256 of their current certificate
    cert_seq: int               # the entry that gave that certificate
    role_seq: int               # the entry that last set their role or removed them
    slot: str | None = None     # their key slot's X25519 public key (base64)
    staff_number: str | None = None
    active: bool = True
    sealed: bool = False        # their key slot seals the head they last verified


@dataclass
class State:
    vault_id: str = ""
    founder: str = ""
    attested: int = 0           # entry that made the chain hold slots and settings
    seq: int = 0                # the last entry applied
    head: str = "0" * 64        # its hash
    users: dict[str, Member] = field(default_factory=dict)
    settings: dict[str, list] = field(default_factory=dict)       # key -> [value, seq]
    restrictions: dict[str, list] = field(default_factory=dict)   # ref -> [[users], seq]
    lifts: dict[str, list] = field(default_factory=dict)          # "user ref" -> [sn, seq]
    # Sealing keys: scope (a restricted record's reference, or "fulltext")
    # -> [version, commitment, seq] (see ``sealing_keys``).
    keys: dict[str, list] = field(default_factory=dict)
    erased: dict[str, int] = field(default_factory=dict)          # ref -> its last erasure

    # -- reading ---------------------------------------------------------------
    def member(self, name: str) -> Member | None:
        return self.users.get(name)

    def active(self) -> dict[str, Member]:
        return {n: m for n, m in self.users.items() if m.active}

    def setting(self, key: str, default=None):
        item = self.settings.get(key)
        return default if item is None else item[0]

    def staff_owner(self, staff_number: str) -> str | None:
        """The active user whose staff number this is, if any."""
        sn = (staff_number or "").strip()
        if not sn:
            return None
        for name, m in self.users.items():
            if m.active and (m.staff_number or "").strip() == sn:
                return name
        return None

    def lifted(self, user: str, ref: str, staff_number: str) -> bool:
        item = self.lifts.get(f"{user} {ref}")
        return item is not None and item[0] == staff_number

    # -- sealing -----------------------------------------------------------------
    def to_json(self) -> dict:
        # What dataclasses.asdict gives, without its deep recursion over every
        # list (most of an unlock's time with a thousand restricted records):
        # the large fields are copied by shape, any other deeply. Nothing in
        # the result is shared with the state.
        return {"format": FORMAT, **{f.name: _COPY.get(f.name, copy.deepcopy)(
            getattr(self, f.name)) for f in dataclasses.fields(self)}}

    @classmethod
    def from_json(cls, doc: dict) -> "State":
        if doc.get("format") != FORMAT:
            raise ValueError("another format")
        doc = {k: v for k, v in doc.items() if k != "format"}
        users = {n: Member(**m) for n, m in doc.pop("users").items()}
        return cls(users=users, **doc)

    def digest(self) -> str:
        return hashlib.sha256(canonical(self.to_json())).hexdigest()

    def copy(self) -> "State":
        return State.from_json(self.to_json())


_COPY = {
    "users": lambda users: {n: dict(vars(m)) for n, m in users.items()},
    "restrictions": lambda r: {k: [list(v[0]), v[1]] for k, v in r.items()},
    "lifts": lambda lifts: {k: list(v) for k, v in lifts.items()},
    "keys": lambda keys: {k: list(v) for k, v in keys.items()},
}


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


@dataclass(frozen=True)
class Entry:
    """What ``apply`` needs of one chain entry."""
    seq: int
    at: str
    user: str
    action: str
    entity: str
    entity_id: str
    after: dict | None          # None when absent or lawfully erased
    signer_fingerprint: str = ""


def _who(state: State, name: str) -> str:
    m = state.users.get(name)
    return f"{m.role} (entry #{m.role_seq})" if m else "not a user"


def apply(state: State, e: Entry) -> str | None:
    """Apply one verified entry; the reason it is not allowed, or None."""
    if e.seq == 1:
        return _found(state, e)
    signer = state.users.get(e.user)
    if signer is None:
        return _("it is signed by {user}, who was not a user of this vault at that point").format(
                 user=e.user)
    if not signer.active:
        return (_("it is signed by {user}, who had been removed from the vault (entry "
                  "#{role_seq})").format(user=e.user, role_seq=signer.role_seq))
    right = roles.right_for(e.action, legacy=not state.attested)
    if right is None:
        return _("its action ({action}) is not one this version knows").format(
                 action=e.action[:40])
    if not roles.allowed(signer.role, right):
        return (_("{user} was a {role} at that point (entry #{role_seq}), and only {holders} may "
                  "{what}").format(
                  user=e.user, role=roles.ROLES.label(signer.role).lower(),
                  role_seq=signer.role_seq, holders=_holders(right),
                  what=_(roles.PERMISSIONS[right][1])))
    if right in roles.OWN and e.entity_id != e.user:
        return _("it changes another user's own account")
    handler = _HANDLERS.get(e.action)
    reason = handler(state, e) if handler else None
    if reason is None and e.entity == "subject":
        reason = _staff_number_rule(state, e)
    return reason


def _holders(right: str) -> str:
    allowed = roles.PERMISSIONS[right][0]
    if not allowed:
        return _("nobody")
    return _("the governor") if allowed == {GOVERNOR} else _("the governor or a deputy")


# -- the first entry and the attestation ---------------------------------------------

def _found(state: State, e: Entry) -> str | None:
    if e.action != "vault.create":
        return _("the chain does not open with the vault's creation")
    a = e.after or {}
    state.vault_id, state.founder = e.entity_id, e.user
    if a.get("format") == GENESIS_FORMAT:
        if a.get("fingerprint") != e.signer_fingerprint:
            return _("the certificate it names is not the one that signed it")
        state.users[e.user] = Member(GOVERNOR, str(a.get("display_name") or e.user),
                                     e.signer_fingerprint, 1, 1, slot=a.get("slot"),
                                     staff_number=str(a.get("staff_number") or ""),
                                     sealed=True)
        for key, value in (a.get("settings") or {}).items():
            problem = check_setting(key, value)
            if problem:
                return problem
            state.settings[key] = [value, 1]
        ftk = a.get("fulltext")
        if ftk is not None:
            if not (isinstance(ftk, dict) and ftk.get("version") == 1
                    and isinstance(ftk.get("commitment"), str)
                    and len(ftk["commitment"]) == 64):
                return _("the full-text key it names cannot be read")
            state.keys[FULLTEXT] = [1, ftk["commitment"], 1]
        state.attested = 1
    else:
        state.users[e.user] = Member(GOVERNOR, e.user, e.signer_fingerprint, 1, 1)
    return None


def _attest(state: State, e: Entry) -> str | None:
    if state.attested:
        return _("the vault's authority was already in the chain (entry #{attested})").format(
                 attested=state.attested)
    founder = state.users.get(state.founder)
    if founder is not None and founder.active and e.user != state.founder:
        return (_("only the founding governor ({founder}) may attest the vault's users, and it "
                  "is signed by someone else").format(founder=state.founder))
    a = e.after or {}
    listed = a.get("users") or {}
    chain_users = state.active()
    if set(listed) != set(chain_users):
        return _("it lists users other than those the chain holds")
    for name, item in listed.items():
        m = chain_users[name]
        if item.get("role") != m.role or item.get("fingerprint") != m.fingerprint:
            return _("it gives {name} a role or certificate the chain did not").format(name=name)
        m.slot = item.get("slot")
        m.staff_number = str(item.get("staff_number") or "")
        if item.get("display_name"):
            m.display_name = str(item["display_name"])
    for key, value in (a.get("settings") or {}).items():
        problem = check_setting(key, value)
        if problem:
            return problem
        state.settings[key] = [value, e.seq]
    state.users[e.user].sealed = True
    state.attested = e.seq
    return None


# -- users ------------------------------------------------------------------------------

def _new_member(state: State, e: Entry) -> str | None:
    a = e.after or {}
    role = a.get("role")
    if role not in roles.ROLES.keys():
        return _("it gives a role that does not exist")
    old = state.users.get(e.entity_id)
    if old is not None and old.active:
        return _("it adds {entity_id}, who was already a user").format(entity_id=e.entity_id)
    if state.attested and not (a.get("fingerprint") and a.get("slot")):
        return _("it adds a user without naming their certificate and key slot")
    state.users[e.entity_id] = Member(
        role, str(a.get("display_name") or e.entity_id), str(a.get("fingerprint") or ""),
        e.seq, e.seq, slot=a.get("slot"),
        staff_number=str(a.get("staff_number") or "") if state.attested else None,
        sealed=bool(state.attested))
    return None


def _target(state: State, e: Entry) -> Member | str:
    m = state.users.get(e.entity_id)
    if m is None or not m.active:
        return _("it concerns {entity_id}, who was not a user at that point").format(
                 entity_id=e.entity_id)
    return m


def _remove(state: State, e: Entry) -> str | None:
    m = _target(state, e)
    if isinstance(m, str):
        return m
    if e.entity_id == e.user:
        return _("a governor cannot remove themselves")
    m.active, m.role_seq, m.sealed = False, e.seq, False
    return None


def _reset(state: State, e: Entry) -> str | None:
    m = _target(state, e)
    if isinstance(m, str):
        return m
    a = e.after or {}
    if state.attested and not (a.get("fingerprint") and a.get("slot")):
        return _("it resets a user without naming their new certificate and key slot")
    m.fingerprint, m.cert_seq = str(a.get("fingerprint") or ""), e.seq
    if state.attested:
        m.slot, m.sealed = a.get("slot"), True
    return None


def _set_role(state: State, e: Entry) -> str | None:
    m = _target(state, e)
    if isinstance(m, str):
        return m
    role = (e.after or {}).get("role")
    if role not in roles.ROLES.keys():
        return _("it gives a role that does not exist")
    if e.entity_id == e.user:
        return _("a governor cannot change their own role")
    m.role, m.role_seq = role, e.seq
    return None


def _replace_identity(state: State, e: Entry) -> str | None:
    fp = (e.after or {}).get("fingerprint")
    if not fp:
        return _("it replaces a certificate without naming the new one")
    m = state.users[e.user]
    m.fingerprint, m.cert_seq = str(fp), e.seq
    return None


def _passphrase(state: State, e: Entry) -> str | None:
    """A passphrase change: the user's fresh key pair (older entries name none)."""
    slot = (e.after or {}).get("slot")
    if slot is not None and state.attested:
        if not isinstance(slot, str) or not slot:
            return _("it changes a passphrase without naming the new key slot")
        m = state.users[e.user]
        m.slot, m.sealed = slot, True
    return None


def _sealed(state: State, e: Entry) -> str | None:
    state.users[e.user].sealed = True
    return None


# -- settings, restrictions, conflict bars -------------------------------------------------

def _setting(state: State, e: Entry) -> str | None:
    a = e.after or {}
    key = e.entity_id
    if key == "retention_defaults":
        value = {**(state.setting(key) or {}), **a}
    elif key in a:
        value = a[key]
    else:
        return _("it changes a setting without saying to what")
    problem = check_setting(key, value)
    if problem:
        return problem
    state.settings[key] = [value, e.seq]
    return None


def _restrict(state: State, e: Entry) -> str | None:
    if e.after is None:        # the subject was erased since: nothing to keep
        return None
    ref = e.entity_id
    if e.action == "subject.restrict":
        names = [str(n) for n in e.after.get("allowed") or []]
    elif e.action == "subject.unrestrict":
        state.restrictions.pop(ref, None)
        return None
    else:
        item = state.restrictions.get(ref)
        if item is None:
            return _("it changes who may see a record that is not restricted")
        names = list(item[0])
        user = str(e.after.get("user") or "")
        if e.action == "subject.grant" and user not in names:
            names.append(user)
        elif e.action == "subject.revoke" and user in names:
            names.remove(user)
    if e.action != "subject.revoke":
        for n in names:
            if n not in state.active():
                return _("it names {n}, who was not a user at that point").format(n=n)
    state.restrictions[ref] = [sorted(names), e.seq]
    return None


def _gone(state: State, e: Entry) -> str | None:
    if e.action == "subject.erase":
        state.erased[e.entity_id] = e.seq
    state.restrictions.pop(e.entity_id, None)
    state.keys.pop(e.entity_id, None)
    for key in [k for k in state.lifts if k.endswith(" " + e.entity_id)]:
        del state.lifts[key]
    return None


def _lift(state: State, e: Entry) -> str | None:
    if e.after is None:
        return None
    user, sn = str(e.after.get("user") or ""), str(e.after.get("staff_number") or "")
    if not user or not sn:
        return _("it lifts a bar without naming the user and staff number")
    state.lifts[f"{user} {e.entity_id}"] = [sn, e.seq]
    return None


def _staff_number_rule(state: State, e: Entry) -> str | None:
    """A subject given the staff number of a user of the console bars that
    user from it; only a governor may make (confirm) that match."""
    if not state.attested or e.after is None or "staff_number" not in e.after:
        return None
    owner = state.staff_owner(str(e.after.get("staff_number") or ""))
    if owner is None or state.users[e.user].role == GOVERNOR:
        return None
    return (_("it gives a subject the staff number of {owner}, a user of the console, without a "
              "governor confirming it").format(owner=owner))


def _keys(state: State, e: Entry) -> str | None:
    """A sealing key's first version, a new version, or the end of sealing."""
    if e.after is None:        # the subject was erased since
        return None
    if e.entity == "subject":
        scope = e.entity_id
    elif e.entity == "vault" and e.entity_id == FULLTEXT:
        scope = FULLTEXT
    else:
        return _("it seals something that is neither a record nor the reports' full text")
    have = state.keys.get(scope)
    if e.action == "keys.unseal":
        if have is None or scope == FULLTEXT:
            return _("it unseals something that is not sealed")
        del state.keys[scope]
        return None
    version, commitment = e.after.get("version"), e.after.get("commitment")
    if not isinstance(version, int) or not isinstance(commitment, str) or len(commitment) != 64:
        return _("it gives a sealing key without its version and commitment")
    if e.action == "keys.seal":
        if have is not None:
            return _("it seals something that is already sealed")
        if scope != FULLTEXT and scope not in state.restrictions:
            return _("it seals a record that is not restricted")
        if version != 1:
            return _("a sealing key starts at version 1")
    elif have is None or version != int(have[0]) + 1:
        return _("it changes a sealing key out of order")
    state.keys[scope] = [version, commitment, e.seq]
    return None


_HANDLERS = {
    "authority.attest": _attest,
    "user.add": _new_member, "user.remove": _remove, "user.reset": _reset,
    "user.role": _set_role, "identity.replace": _replace_identity, "user.sealed": _sealed,
    "user.passphrase": _passphrase,
    "settings.change": _setting,
    "subject.restrict": _restrict, "subject.unrestrict": _restrict,
    "subject.grant": _restrict, "subject.revoke": _restrict,
    "subject.delete": _gone, "subject.erase": _gone,
    "conflict.lift": _lift,
    "keys.seal": _keys, "keys.rekey": _keys, "keys.unseal": _keys,
}
