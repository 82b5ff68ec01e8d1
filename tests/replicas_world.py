"""A small world for the replica tests: the governor's vault with a deputy
and a viewer, three subjects (one restricted to the governor alone), each
with a measure; helpers to make, open, send and receive packs through the
core, as the commands do."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from console.audit.genesis import create_vault
from console.records import access, measures, subjects, users
from console.records.commands import MeasureFields, SubjectFields
from console.sync import exchange, home, replica
from console.sync import session as sync_session

PASS = "correct horse battery staple"
DEPUTY_PASS = "deputy passphrase one"
VIEWER_PASS = "viewer passphrase one"
NAMES = ("Tobias Quenneville", "Marguerite Ashcombe", "Hollis Pengelly")
SECRET_NAME = NAMES[2]
NOTE = "Seen passing a parcel at the visits hall gate"


@dataclass
class World:
    root: Path
    home: Path
    refs: list[str]
    measures: list[int]

    def gov(self):
        return sync_session.open_vault(self.home, "governor", PASS)

    def open_replica(self, folder, user="deputy", passphrase=DEPUTY_PASS):
        return sync_session.open_vault(folder, user, passphrase)


def build(root: Path, kdf=None) -> World:
    home_path = root / "home"
    v = create_vault(home_path, "governor", PASS, "HMP Testshire", display_name="Gwen Governor",
                     kdf=kdf)
    try:
        users.add_user(v, "deputy", DEPUTY_PASS, "deputy", display_name="Dee Deputy")
        users.add_user(v, "viewer", VIEWER_PASS, "viewer", display_name="Vic Viewer")
        refs, mids = [], []
        for i, name in enumerate(NAMES):
            s = subjects.create_subject(v, SubjectFields(name=name, staff_number=f"SN{i}00",
                                                         notes=NOTE + f" ({i})"))
            m = measures.add_measure(v, s.ref, MeasureFields(
                aim="protect", type="enhanced_searching", details=f"Search lockers ({i})",
                status="active"))
            refs.append(s.ref)
            mids.append(m.id)
        access.restrict(v, refs[2], "Police operation", allow=[])
    finally:
        v.close()
    return World(root, home_path, refs, mids)


def copy(world: World, root: Path) -> World:
    shutil.copytree(world.root, root, dirs_exist_ok=True)
    return World(root, root / "home", list(world.refs), list(world.measures))


def make_replica(world: World, user="deputy", name="replica.gcpack") -> Path:
    out = world.root / name
    with world.gov() as g:
        home.create(g, user, out)
    return out


def open_replica(world: World, pack: Path, user="deputy", passphrase=DEPUTY_PASS,
                 folder: Path | None = None) -> Path:
    folder = folder or world.root / f"replica-{user}"
    replica.open_pack(pack, folder, user, passphrase).close()
    return folder


def send(vault, out: Path, for_user=None):
    return exchange.send(vault, out, for_user)


def receive(vault, pack: Path):
    return exchange.receive(vault, pack)
