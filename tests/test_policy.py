"""The laptop's policy for every user: auto-lock capped in the core (whatever
the vault says, whoever asks), automatic backups copied to the policy's
folder, and a broken policy file ignored item by item with its reasons."""

from __future__ import annotations

import json
import logging

import pytest

from cli.main import main as cli
from console.errors import ValidationError
from console.records import users
from console.storage import policy, snapshot


@pytest.fixture
def write_policy():
    def write(content):
        path = policy.policy_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        return path
    return write


def test_no_policy_file_changes_nothing(vault):
    assert policy.load().empty and policy.load().problems == ()
    users.set_setting(vault, "autolock_minutes", 0)
    assert vault.setting("autolock_minutes") == 0  # "never", as the governor chose


@pytest.mark.parametrize("vault_minutes, effective", [(2, 2), (3, 3), (30, 3), (0, 3)])
def test_the_policy_caps_what_the_vault_says(vault, write_policy, vault_minutes, effective):
    users.set_setting(vault, "autolock_minutes", vault_minutes)  # before the policy
    write_policy({"autolock_minutes": 3})
    assert vault.setting("autolock_minutes") == effective


def test_a_longer_auto_lock_is_refused_under_the_policy(vault, write_policy):
    write_policy({"autolock_minutes": 10})
    for too_long in (0, 11, 240):
        with pytest.raises(ValidationError, match="at most 10 minutes"):
            users.set_setting(vault, "autolock_minutes", too_long)
    users.set_setting(vault, "autolock_minutes", 7)
    assert vault.setting("autolock_minutes") == 7


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not a JSON object"),
    ("[5]", "not a JSON object"),
    ({"autolock_minutes": 0}, "from 1 to 240"),
    ({"autolock_minutes": "5"}, "from 1 to 240"),
    ({"autolock_minutes": True}, "from 1 to 240"),
    ({"backup_folder": "relative/folder"}, "full path"),
    ({"auto_lock": 5}, "'auto_lock' is not a policy"),
])
def test_a_bad_policy_is_ignored_with_a_reason(vault, write_policy, content, problem):
    write_policy(content)
    current = policy.load()
    assert current.empty and any(problem in p for p in current.problems)
    assert vault.setting("autolock_minutes") == 5  # the vault's own value stands


def test_automatic_backups_are_copied_to_the_policy_folder(vault, write_policy, tmp_path):
    share = tmp_path / "share"
    write_policy({"backup_folder": str(share)})
    made = snapshot.automatic_backup(vault, "manual")
    copy = share / vault.vault_id / made.name
    assert copy.read_bytes() == made.read_bytes()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"


def test_a_failed_copy_keeps_the_backup_and_says_so_in_the_log(vault, write_policy, tmp_path,
                                                                caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    write_policy({"backup_folder": str(blocked)})
    with caplog.at_level(logging.WARNING):
        made = snapshot.automatic_backup(vault, "manual")
    assert made.exists()
    assert "not copied" in caplog.text and vault.vault_id not in caplog.text


def test_the_policy_command_shows_what_is_in_force(write_policy, tmp_path, capsys):
    assert cli(["policy"]) == 0
    assert "No policy is set" in capsys.readouterr().out
    write_policy({"autolock_minutes": 5, "backup_folder": str(tmp_path / "share")})
    assert cli(["policy"]) == 0
    out = capsys.readouterr().out
    assert "at most 5 minutes" in out and str(tmp_path / "share") in out
    write_policy({"autolock_minutes": 500})
    assert cli(["policy"]) == 1
    assert "Problem: 'autolock_minutes'" in capsys.readouterr().out
