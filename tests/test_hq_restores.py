"""A briefing made after a recorded restore says so in its data, and HQ holds
it as a recorded restore rather than refusing it as a break; the same gap
with no restore recorded (a vault copied back by hand) is still refused."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from console.audit import unlock
from console.audit.genesis import create_vault
from console.lawful.backups import make_backup
from console.lawful.restore import restore_backup
from console.records import subjects, users
from console.records.commands import SubjectFields
from hq import ingest as hq_ingest
from hq.trust import pin
from reports import briefing_json
from tests.conftest import PASS

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)


def _brief(v, path):
    from reports.briefing_service import BriefingOptions, make_briefing
    make_briefing(v, path, BriefingOptions())
    return path


def _data(path) -> dict:
    import json

    from pyhanko.pdf_utils.reader import PdfFileReader
    with open(path, "rb") as fh:
        files = briefing_json.attachments(PdfFileReader(fh))
    return json.loads(files[0][1])


@pytest.fixture(scope="module")
def briefings(tmp_path_factory):
    """b1; a backup; b2; the backup restored (recorded); b3. And, from a copy
    of the vault taken with the backup and put back by hand, c3."""
    import console.storage.keyslots as ks
    from tests.conftest import FAST_KDF
    root = tmp_path_factory.mktemp("hq-restores")
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ks, "DEFAULT_KDF", FAST_KDF)
        folder = root / "vault"
        with create_vault(folder, "governor", PASS, "HMP Ashdown", kdf=FAST_KDF) as v:
            subjects.create_subject(v, SubjectFields("First Person", staff_number="SN1"))
            out["b1"] = _brief(v, root / "b1.pdf")
            out["pem"] = root / "a.pem"
            out["pem"].write_bytes(users.certificate_pem(v))
            backup = make_backup(v, root / "b.gcbackup")
        shutil.copytree(folder, root / "copy")
        with unlock.open_vault(folder, "governor", PASS) as v:
            subjects.create_subject(v, SubjectFields("Second Person", staff_number="SN2"))
            out["b2"] = _brief(v, root / "b2.pdf")
        restore_backup(folder, backup, "governor", PASS)
        with unlock.open_vault(folder, "governor", PASS) as v:
            subjects.create_subject(v, SubjectFields("Third Person", staff_number="SN3"))
            subjects.create_subject(v, SubjectFields("Fourth Person", staff_number="SN4"))
            out["b3"] = _brief(v, root / "b3.pdf")
        # Opened as on another computer: this one's copy of the seal would
        # refuse the copy put back (the point here is what HQ sees).
        with unlock.open_vault(root / "copy", "governor", PASS, use_copy=False) as c:
            for n in range(4):
                subjects.create_subject(c, SubjectFields(f"Copied Person {n}"))
            out["c3"] = _brief(c, root / "c3.pdf")
    return out


def test_the_briefing_data_records_the_restore(briefings):
    b2, b3 = _data(briefings["b2"]), _data(briefings["b3"])
    assert "restores" not in _data(briefings["b1"]) and "restores" not in b2
    (r,) = b3["restores"]
    assert r["restored_to"] < b2["chain"]["entries"] <= r["replaced"]["entries"]
    assert r["replaced"]["head"] == b2["chain"]["head"] or \
        r["replaced"]["entries"] > b2["chain"]["entries"]
    assert briefing_json.problems(b3) == []


@pytest.mark.parametrize("order", [("b1", "b2", "b3"), ("b1", "b3", "b2")])
def test_hq_holds_a_briefing_after_a_recorded_restore(hq_store, briefings, order):
    pin(hq_store, "HMP Ashdown", briefings["pem"].read_bytes(), now=NOW)
    results = {}
    for name in order:
        (o,) = hq_ingest.ingest(hq_store, [briefings[name]], now=NOW, workers=1)
        results[name] = o.result
    assert results["b1"] == "held" and results["b3"] == "held", results


def test_the_same_gap_without_a_recorded_restore_is_refused(hq_store, briefings):
    pin(hq_store, "HMP Ashdown", briefings["pem"].read_bytes(), now=NOW)
    hq_ingest.ingest(hq_store, [briefings["b1"], briefings["b2"]], now=NOW, workers=1)
    (o,) = hq_ingest.ingest(hq_store, [briefings["c3"]], now=NOW, workers=1)
    assert o.result != "held"
