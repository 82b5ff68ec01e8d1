"""The replica commands as scripts use them, with the names they keep:
``replica create/open``, ``measures``, ``log add``, ``sync export/import/
status``; exit codes and JSON included."""

from __future__ import annotations

import json

from tests import replicas_world as rw
from tests.test_replicas import world, world_template  # noqa: F401 - fixtures


def test_a_deputy_works_offline_through_the_commands(world, cli, tmp_path):  # noqa: F811
    pack, folder = tmp_path / "viewer.gcpack", tmp_path / "laptop"
    r = cli("replica", "create", "--vault", world.home, "--for", "deputy", "--out", pack,
            passphrase=rw.PASS)
    assert r.returncode == 0, r.stderr
    r = cli("replica", "open", pack, "--vault", folder, "--user", "deputy",
            passphrase=rw.DEPUTY_PASS)
    assert r.returncode == 0, r.stderr
    assert "Replica opened: 2 records" in r.stdout
    r = cli("measures", world.refs[0], "--vault", folder, "--user", "deputy", "--json",
            passphrase=rw.DEPUTY_PASS)
    mid = json.loads(r.stdout)[0]["id"]
    r = cli("log", "add", world.refs[0], mid, "--text", "Checked the locker at 07:00",
            "--vault", folder, "--user", "deputy", passphrase=rw.DEPUTY_PASS)
    assert r.returncode == 0, r.stderr
    r = cli("sync", "status", "--vault", folder, "--user", "deputy", "--json",
            passphrase=rw.DEPUTY_PASS)
    doc = json.loads(r.stdout)
    assert doc["replica"] is True and doc["read_only"] is None
    r = cli("sync", "export", "--vault", folder, "--user", "deputy", "--out",
            tmp_path / "c.gcpack", passphrase=rw.DEPUTY_PASS)
    assert "1 operation." in r.stdout
    r = cli("sync", "import", "--vault", world.home, tmp_path / "c.gcpack", "--json",
            passphrase=rw.PASS)
    assert r.returncode == 0, r.stderr
    assert [o["outcome"] for o in json.loads(r.stdout)["operations"]] == ["applied"]
    r = cli("measures", world.refs[0], "--vault", world.home, "--json", passphrase=rw.PASS)
    log = json.loads(r.stdout)[0]["log"]
    assert [(e["by"], e["text"]) for e in log] == [("deputy", "Checked the locker at 07:00")]
    r = cli("sync", "status", "--vault", world.home, "--json", passphrase=rw.PASS)
    doc = json.loads(r.stdout)
    assert [(x["user"], x["ops_taken"]) for x in doc["replicas"]][0] == ("deputy", 1)


def test_refusals_are_one_sentence_and_exit_two(world, cli, tmp_path):  # noqa: F811
    bad = tmp_path / "bad.gcpack"
    bad.write_bytes(b"GCPACK\x01\nnot really")
    r = cli("sync", "import", "--vault", world.home, bad, passphrase=rw.PASS)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "nothing was applied" in r.stderr
    assert "Traceback" not in r.stderr
    r = cli("sync", "import", "--vault", world.home, tmp_path / "missing.gcpack",
            passphrase=rw.PASS)
    assert r.returncode == 2 and "no file at that path" in r.stderr
    r = cli("sync", "export", "--vault", world.home, "--out", tmp_path / "x.gcpack",
            passphrase=rw.PASS)
    assert r.returncode == 2 and "--for USER" in r.stderr
    r = cli("replica", "create", "--vault", world.home, "--for", "governor", "--out",
            tmp_path / "y.gcpack", passphrase=rw.PASS)
    assert r.returncode == 2 and "deputy or a viewer" in r.stderr
    folder = world.root / "replica-deputy"
    r = cli("replica", "create", "--vault", folder, "--user", "deputy", "--for", "viewer",
            "--out", tmp_path / "z.gcpack", passphrase=rw.DEPUTY_PASS)
    assert r.returncode == 2 and "Only the governor" in r.stderr
