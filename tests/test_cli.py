"""The command line, run as a user would: one sentence on error, exit codes.
(Run in this process through the ``cli`` fixture; tests/test_smoke.py runs
``python main.py`` itself.)"""

import json

import pytest

PASS = "correct horse battery"


@pytest.fixture
def run(cli):
    def run(args, passphrase=PASS, extra_env=None):
        return cli(args, passphrase=passphrase, env=extra_env)
    return run


@pytest.fixture
def cli_vault(tmp_path, run):
    v = tmp_path / "v"
    r = run(["init", "--vault", str(v), "--establishment", "HMP Clitown", "--name", "Gwen Hughes"])
    assert r.returncode == 0, r.stderr
    return v


def test_init_list_show_verify(cli_vault, run):
    r = run(["list", "--vault", str(cli_vault), "--json"])
    assert r.returncode == 0 and json.loads(r.stdout) == []
    r = run(["audit-verify", "--vault", str(cli_vault)])
    assert r.returncode == 0 and "intact" in r.stdout


def test_wrong_passphrase_prints_one_sentence(cli_vault, run):
    r = run(["list", "--vault", str(cli_vault), "--json"], passphrase="wrong one")
    assert r.returncode != 0
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "passphrase" in lines[0] and "Traceback" not in r.stderr


def test_missing_passphrase_without_terminal(cli_vault, run):
    r = run(["list", "--vault", str(cli_vault)], passphrase=None)
    assert r.returncode == 2 and "CONSOLE_PASSPHRASE" in r.stderr


def test_user_add_and_deputy_refused(cli_vault, run):
    r = run(["user", "add", "dep", "--vault", str(cli_vault), "--role", "deputy"],
            extra_env={"CONSOLE_NEW_PASSPHRASE": "deputy passphrase"})
    assert r.returncode == 0, r.stderr
    r = run(["user", "add", "dep2", "--vault", str(cli_vault), "--user", "dep"],
            passphrase="deputy passphrase",
            extra_env={"CONSOLE_NEW_PASSPHRASE": "another passphrase"})
    assert r.returncode == 2 and "Only the governor" in r.stderr
    r = run(["user", "list", "--vault", str(cli_vault), "--json"])
    assert {u["name"] for u in json.loads(r.stdout)} == {"governor", "dep"}


def test_show_unknown_reference(cli_vault, run):
    r = run(["show", "CC-2000-001", "--vault", str(cli_vault)])
    assert r.returncode == 2 and "reference" in r.stderr


def test_missing_vault(tmp_path, run):
    r = run(["list", "--vault", str(tmp_path / "none")])
    assert r.returncode == 2 and "no vault" in r.stderr.lower()


def test_terminal_output_cannot_be_rearranged_by_record_text():
    from cli.common import term
    hostile = "Ann\u202eevil\rOVERWRITE\x1b[2J\u2067x\u2069"
    assert term(hostile) == "Annevil\nOVERWRITE[2Jx"     # a carriage return starts a line
    assert term(hostile, one_line=True) == "Annevil OVERWRITE[2Jx"
    assert term("Łukasz عمران\tok\nnext") == "Łukasz عمران\tok\nnext"
