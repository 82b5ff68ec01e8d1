"""What differs on the laptops the console runs on (Windows, macOS, Linux),
each checked here the way this Linux machine allows: Windows' refusal to
rename a folder holding an open file, file systems without permissions
(FAT and exFAT USB sticks), a redirected output in a Windows code page,
macOS's F_FULLFSYNC, the keychains quick unlock may use, and the one entry
point's routing."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import keyring
import pytest
from keyring.backend import KeyringBackend

from console.errors import QuickUnlockUnavailable, VaultInUse
from console.lawful.backups import make_backup
from console.lawful.restore import restore_backup
from console.records import register, subjects
from console.records.commands import SubjectFields
from console.storage import fileio, quick_unlock, snapshot
from console.storage.layout import BACKUP_DIR
from console.storage.lock import VaultLock
from console.storage.vault import Vault
from tests.conftest import PASS, ROOT

POLISH = "Zażółć Gęślą-Jaźń"
URDU = "عائشہ خان"


def _names(v) -> list[str]:
    return sorted(r.subject.name for r in register.register_rows(v))


# -- restore: never rename a folder holding an open file -----------------------------------
def _open_files_under(folder: Path) -> list[str]:
    """Files this process holds open inside ``folder`` (Linux's /proc)."""
    inside = []
    root = os.path.realpath(folder) + os.sep
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(root):
            inside.append(target)
    return inside


@pytest.fixture
def windows_renames(monkeypatch):
    """``os.replace``/``os.rename`` that refuse, as Windows does, to move a
    folder while a file inside it is open; returns the folders it moved."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to see open files")
    moved = []
    real_replace, real_rename = os.replace, os.rename

    def guarded(real):
        def rename(src, dst, *args, **kwargs):
            if os.path.isdir(src):
                if _open_files_under(Path(src)):
                    raise PermissionError(errno.EACCES, "The process cannot access the file "
                                          "because it is being used by another process", src)
                moved.append(Path(src))
            return real(src, dst, *args, **kwargs)
        return rename
    monkeypatch.setattr(os, "replace", guarded(real_replace))
    monkeypatch.setattr(os, "rename", guarded(real_rename))
    return moved


def test_the_windows_rename_rule_is_emulated(tmp_path, windows_renames):
    folder = tmp_path / "held"
    folder.mkdir()
    with open(folder / "open.txt", "w"):
        with pytest.raises(PermissionError):
            os.replace(folder, tmp_path / "elsewhere")
    os.replace(folder, tmp_path / "elsewhere")
    assert windows_renames == [folder]


def test_restore_never_renames_the_vault_folder_while_its_lock_is_open(
        vault, vault_path, tmp_path, windows_renames, monkeypatch):
    subjects.create_subject(vault, SubjectFields("In The Backup"))
    out = make_backup(vault, tmp_path / "b.gcbackup")
    subjects.create_subject(vault, SubjectFields("Added Later"))
    kept = snapshot.automatic_backup(vault, "manual")
    vault.close()
    lock_held = []
    real_replace = os.replace

    def watching(src, dst, *args, **kwargs):
        if Path(dst).parent == vault_path:
            try:  # the restore must still hold the vault while files move in
                probe = VaultLock(vault_path)
                probe.acquire()
                probe.release()
                lock_held.append(False)
            except VaultInUse:
                lock_held.append(True)
        return real_replace(src, dst, *args, **kwargs)
    monkeypatch.setattr(os, "replace", watching)

    result = restore_backup(vault_path, out, "governor", PASS)

    assert vault_path not in windows_renames
    assert lock_held and all(lock_held)
    with Vault.open(vault_path, "governor", PASS) as v:
        assert _names(v) == ["In The Backup"]
    with Vault.open(result.kept_aside, "governor", PASS) as old:
        assert _names(old) == ["Added Later", "In The Backup"]
    # The backup history stays with the vault.
    assert kept is not None and (vault_path / BACKUP_DIR / kept.name).exists()
    assert not [p for p in tmp_path.iterdir() if ".restore-" in p.name]


def test_restore_into_a_new_folder_still_works(vault, tmp_path, windows_renames):
    subjects.create_subject(vault, SubjectFields("Lost Laptop"))
    out = make_backup(vault, tmp_path / "b.gcbackup")
    vault.close()
    fresh = tmp_path / "new-laptop" / "vault"
    assert restore_backup(fresh, out, "governor", PASS).kept_aside is None
    with Vault.open(fresh, "governor", PASS) as v:
        assert _names(v) == ["Lost Laptop"]


# -- FAT and exFAT: chmod refused ------------------------------------------------------------
@pytest.fixture
def usb_stick(tmp_path, monkeypatch):
    """A folder where chmod and fchmod fail as on a FAT or exFAT stick under
    Linux (EPERM); elsewhere they work as usual."""
    stick = tmp_path / "stick"
    stick.mkdir()
    real_chmod, real_fchmod = os.chmod, os.fchmod
    refused = []

    def on_stick(path) -> bool:
        return str(os.path.realpath(path)).startswith(str(stick))

    def chmod(path, mode, *args, **kwargs):
        if not isinstance(path, int) and on_stick(path):
            refused.append(path)
            raise PermissionError(errno.EPERM, "Operation not permitted", str(path))
        return real_chmod(path, mode, *args, **kwargs)

    def fchmod(fd, mode):
        if on_stick(os.readlink(f"/proc/self/fd/{fd}")):
            refused.append(fd)
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real_fchmod(fd, mode)
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs Linux's /proc to name an open file")
    monkeypatch.setattr(os, "chmod", chmod)
    monkeypatch.setattr(os, "fchmod", fchmod)
    return SimpleNamespace(path=stick, refused=refused)


def test_a_briefing_and_a_backup_save_to_a_stick_without_permissions(vault, usb_stick):
    from reports.briefing_service import BriefingOptions, make_briefing
    from reports.verify import verify_pdf
    subjects.create_subject(vault, SubjectFields(POLISH))
    result = make_briefing(vault, usb_stick.path / "briefing.pdf", BriefingOptions())
    assert verify_pdf(result.path, vault.identity().cert_pem).ok
    backup = make_backup(vault, usb_stick.path / "copy.gcbackup")
    assert snapshot.read_manifest(backup)["vault_id"] == vault.vault_id
    assert usb_stick.refused  # the refusals really happened, and were tolerated


def test_a_vault_can_live_on_a_stick_without_permissions(usb_stick, fast_kdf):
    from console.audit.genesis import create_vault
    with create_vault(usb_stick.path / "vault", "governor", PASS, "HMP Stick") as v:
        subjects.create_subject(v, SubjectFields(URDU))
    with Vault.open(usb_stick.path / "vault", "governor", PASS) as v:
        assert _names(v) == [URDU]
    assert usb_stick.refused


def test_other_chmod_failures_still_stop_the_write(tmp_path, monkeypatch):
    def broken(fd, mode):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "fchmod", broken)
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(OSError):
        fileio.atomic_write_bytes(folder / "x.bin", b"data")
    assert list(folder.iterdir()) == []


# -- output redirected in a Windows code page ------------------------------------------------
@pytest.mark.slow
def test_json_and_tables_survive_a_cp1252_redirect(vault, vault_path, tmp_path):
    for name in (POLISH, URDU):
        subjects.create_subject(vault, SubjectFields(name))
    vault.close()
    env = dict(os.environ, PYTHONIOENCODING="cp1252", CONSOLE_PASSPHRASE=PASS)
    for args in (["list", "--json"], ["list"]):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args,
                              "--vault", str(vault_path)], env=env, cwd=tmp_path,
                             capture_output=True, timeout=120)
        assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
        text = out.stdout.decode("utf-8")
        assert POLISH in text and URDU in text
        if "--json" in args:
            assert {row["name"] for row in json.loads(text)} >= {POLISH, URDU}


# -- macOS: F_FULLFSYNC ---------------------------------------------------------------------
def test_the_vault_asks_sqlite_for_full_fsync(vault):
    assert vault.query("PRAGMA fullfsync") == [(1,)]
    assert vault.query("PRAGMA checkpoint_fullfsync") == [(1,)]


def test_files_written_on_macos_reach_the_disk_with_f_fullfsync(tmp_path, monkeypatch):
    import fcntl
    calls = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, op, *a: calls.append(op) or 0)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    fileio.atomic_write_bytes(tmp_path / "slots.json", b"{}")
    assert calls == [51, 51]  # the file, then its folder
    assert (tmp_path / "slots.json").read_bytes() == b"{}"


def test_full_fsync_falls_back_where_the_volume_cannot(tmp_path, monkeypatch):
    import fcntl
    calls = []

    def unsupported(fd, op, *a):
        raise OSError(errno.ENOTSUP, "Operation not supported")
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", unsupported)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    fileio.atomic_write_bytes(tmp_path / "b.pdf", b"%PDF")
    assert calls == ["fsync", "fsync"]


# -- quick unlock: system keychains only -----------------------------------------------------
class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt's file backends: secrets in a file."""
    priority = 5

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def test_quick_unlock_refuses_a_keyring_that_is_not_a_system_keychain(vault):
    plain = PlaintextKeyring()
    keyring.set_keyring(plain)
    ok, why = quick_unlock.availability()
    assert not ok and "not a system keychain" in why
    with pytest.raises(QuickUnlockUnavailable):
        quick_unlock.enable(vault)
    assert plain.store == {} and not vault.slots.has_quick("governor")


def test_quick_unlock_takes_the_system_keychain_out_of_a_chain(vault, monkeypatch):
    from keyring.backends.chainer import ChainerBackend
    # The keychain the tests installed stands in for a system one.
    plain, system = PlaintextKeyring(), type(keyring.get_keyring())()
    monkeypatch.setattr(ChainerBackend, "backends", [plain, system])
    keyring.set_keyring(ChainerBackend())
    assert quick_unlock.availability()[0]
    quick_unlock.enable(vault)
    assert plain.store == {} and len(system.store) == 1
    assert quick_unlock.user_secret(vault.slots, "governor") == vault.user_secret()


def test_only_the_four_system_keychains_are_trusted():
    from console.storage.quick_unlock import SYSTEM_KEYCHAINS
    shipped = {name for name in SYSTEM_KEYCHAINS if name.startswith("keyring.")}
    assert shipped == {
        "keyring.backends.Windows.WinVaultKeyring", "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring", "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring", "keyring.backends.kwallet.DBusKeyringKWallet4"}
    import keyring.backends.kwallet
    import keyring.backends.libsecret
    import keyring.backends.SecretService
    import keyring.backends.Windows
    for cls in (keyring.backends.Windows.WinVaultKeyring, keyring.backends.SecretService.Keyring,
                keyring.backends.libsecret.Keyring, keyring.backends.kwallet.DBusKeyring,
                keyring.backends.kwallet.DBusKeyringKWallet4):
        assert f"{cls.__module__}.{cls.__qualname__}" in shipped  # names that exist


def test_no_keychain_at_all_still_says_passphrases_only():
    from keyring.backends import fail
    keyring.set_keyring(fail.Keyring())
    ok, why = quick_unlock.availability()
    assert not ok and "no system keychain" in why


# -- one entry point ------------------------------------------------------------------------
@pytest.mark.parametrize("argv, side, passed", [
    ([], "desktop", []),
    (["--vault", "V"], "desktop", ["--vault", "V"]),
    (["--vault=V"], "desktop", ["--vault=V"]),
    (["--demo"], "desktop", ["--demo"]),
    (["gui", "--vault", "V"], "desktop", ["--vault", "V"]),
    (["-platform", "offscreen", "--vault", "V"], "desktop",
     ["-platform", "offscreen", "--vault", "V"]),
    (["--vault", "V", "list", "--json"], "cli", ["list", "--vault", "V", "--json"]),
    (["--user", "dep", "--vault", "V", "show", "CC-1"], "cli",
     ["show", "--user", "dep", "--vault", "V", "CC-1"]),
    (["list", "--vault", "V"], "cli", ["list", "--vault", "V"]),
    (["--version"], "cli", ["--version"]),
    (["--help"], "cli", ["--help"]),
])
def test_the_entry_point_routes(argv, side, passed):
    from launcher import route
    assert route(argv) == (side, passed)


def test_main_with_only_a_vault_opens_the_desktop_on_it(monkeypatch, tmp_path):
    import launcher
    import ui.app
    seen = []
    monkeypatch.setattr(ui.app, "run", lambda argv: seen.append(argv) or 0)
    assert launcher.main(["--vault", str(tmp_path)]) == 0
    assert seen == [["--vault", str(tmp_path)]]
    assert ui.app.parse_args(seen[0]).vault == tmp_path


def test_options_before_a_command_reach_the_command(vault, vault_path, monkeypatch, capsys):
    import launcher
    subjects.create_subject(vault, SubjectFields(POLISH))
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    assert launcher.main(["--vault", str(vault_path), "list", "--json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == [POLISH]
