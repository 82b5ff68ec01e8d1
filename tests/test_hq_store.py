"""The HQ store itself, on both back ends: created and unlocked under the
HQ passphrase, refusing wrong passphrases and second openings with one
sentence, unreadable without the key, and migrated by Alembic to exactly the
schema the code describes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from console.errors import ValidationError, WrongPassphrase
from hq.errors import StoreExists, StoreInUse, StoreNotFound, StoreUnreachable
from hq.store import location
from hq.store.store import Store
from tests.conftest import FAST_KDF, PASS


def test_create_then_unlock_and_wrong_passphrase(hq_location):
    with Store.create(hq_location, PASS, kdf=FAST_KDF) as s:
        store_id, fp = s.store_id, s.identity().fingerprint
    with pytest.raises(WrongPassphrase) as err:
        Store.open(hq_location, "not the passphrase")
    assert str(err.value) == ("That passphrase does not unlock the HQ store; check Caps Lock "
                              "and try again.")
    with Store.open(hq_location, PASS) as s:
        assert s.store_id == store_id and s.identity().fingerprint == fp
        assert s.settings()["overdue_days"] == 35
        s.set_setting("overdue_days", 28)
    with Store.open(hq_location, PASS) as s:
        assert s.setting("overdue_days") == 28
    with pytest.raises(StoreExists):
        Store.create(hq_location, PASS, kdf=FAST_KDF)


def test_the_schema_alembic_makes_is_the_one_the_code_describes(hq_store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hq.store.tables import metadata
    with hq_store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_the_file_store_is_unreadable_without_its_key_and_held_once(tmp_path):
    folder = tmp_path / "hq"
    with Store.create(str(folder), PASS, kdf=FAST_KDF):
        with pytest.raises(StoreInUse):
            Store.open(str(folder), PASS)
    raw = (folder / "hq.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"HQ Counter-Corruption" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(folder / "hq.db").execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(StoreNotFound):
        Store.open(str(tmp_path / "elsewhere"), PASS)


def test_a_server_url_never_shows_its_password():
    loc = location.parse("postgresql://hq:s3cret-pw@db.example.org:5432/national")
    assert "s3cret" not in loc.label and "national" in loc.label
    assert loc.sqlalchemy_url().startswith("postgresql+psycopg://")
    with pytest.raises(ValidationError):
        location.parse("postgresql://hq@db.example.org/")
    with pytest.raises(ValidationError):
        location.parse("mysql://hq@db/national")
    assert location.parse("~/hq").folder == Path("~/hq").expanduser()


def test_an_unreachable_server_is_one_sentence_without_the_url(tmp_path):
    url = f"postgresql://hq:s3cret-pw@/national?host={tmp_path}/no-server"
    with pytest.raises(StoreUnreachable) as err:
        Store.open(url, PASS)
    assert "s3cret" not in str(err.value) and "could not be reached" in str(err.value)
