"""End to end through the command line, with real files: two establishments'
briefings over several periods, certificates pinned, ingest into both stores,
byte-identical ``hq status --json`` and ``hq staff --json`` from both (one
injected time), every bad file refused, re-ingest a no-op."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
AT = "2027-01-15T09:00:00Z"


def hq(*args, passphrase="national hq passphrase"):
    env = dict(os.environ, CONSOLE_PASSPHRASE=passphrase)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "hq", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)


def test_both_stores_give_the_same_national_picture(hq_briefings, pg_cluster, tmp_path):
    hb = hq_briefings
    stores = [str(tmp_path / "hq-file"), pg_cluster.new_database("e2e")]
    outputs = []
    for db in stores:
        assert hq("init", "--db", db).returncode == 0
        # "hmp Ashdown" comes after "HMP Brackley" by code point, before it
        # in a locale's collation (the server's): both stores list alike.
        for label, pem in (("hmp Ashdown", hb["a_pem"]), ("HMP Brackley", hb["b_pem"])):
            done = hq("trust", "--db", db, label, str(pem))
            assert done.returncode == 0 and "SHA-256 fingerprint:" in done.stdout
        first = hq("ingest", "--db", db, str(hb["files"]))
        assert first.returncode == 0, first.stderr
        assert "5 held, 0 already held, 0 refused." in first.stdout
        again = hq("ingest", "--db", db, str(hb["files"]))
        assert again.returncode == 0 and "0 held, 5 already held, 0 refused." in again.stdout
        bad = hq("ingest", "--db", db, str(hb["tampered"]), str(hb["lookalike"]),
                 str(hb["unpinned"]), str(hb["copy4"]))
        assert bad.returncode == 1
        assert bad.stderr.count("\n") == 4 and "Traceback" not in bad.stderr
        assert "0 held, 0 already held, 4 refused." in bad.stdout
        status = hq("status", "--db", db, "--json", "--at", AT)
        staff = hq("staff", "--db", db, "--json")
        text = hq("status", "--db", db, "--at", AT)
        assert status.returncode == staff.returncode == text.returncode == 0
        assert "hmp Ashdown" in text.stdout and "broken" in text.stdout
        outputs.append((status.stdout, staff.stdout))
        wrong = hq("status", "--db", db, passphrase="not the passphrase")
        assert wrong.returncode == 2 and "does not unlock the HQ store" in wrong.stderr
    assert outputs[0] == outputs[1]
    assert '"SN100"' in outputs[0][1] and '"continuity": "broken"' in outputs[0][0]
