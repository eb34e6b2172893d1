import datetime as dt
import json
import sqlite3

import pytest

from geo.model import Event, Kind, Place
from geo.store import Filters, Store, StoreError


def ev(i, start="2024-10-08", conf=3, unit="Special forces", report="R1", event_id=None):
    return Event(
        Kind.PRESENCE,
        Place(f"P{i}", f"P{i}", 43.0 + i, 131.0, status="matched"),
        start=dt.date.fromisoformat(start),
        confidence=conf,
        unit=unit,
        report_id=report,
        event_id=event_id,
        evidence=f"sentence {i}",
    )


def test_storing_the_same_events_twice_changes_nothing(store):
    first = store.add_upload([ev(1), ev(2)], file_name="a.csv")
    second = store.add_upload([ev(1), ev(2)], file_name="a.csv")
    assert (first["accepted"], second["accepted"], second["duplicates"]) == (2, 0, 2)
    assert store.count() == 2
    assert [u["accepted"] for u in store.uploads()] == [2, 0]  # both uploads are on record


def test_same_event_id_is_the_same_event_even_if_notes_differ(store):
    a = ev(1, event_id="X1")
    b = Event(**{**a.__dict__, "evidence": "a different note"})
    assert store.add_upload([a, b])["duplicates"] == 1


def test_a_failure_mid_upload_leaves_the_store_as_it_was(store):
    store.add_upload([ev(1)])

    def events():
        yield ev(2)
        yield ev(3)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        store.add_upload(events(), file_name="bad.csv")
    assert store.count() == 1
    assert [u["file_name"] for u in store.uploads()] == [""]  # the failed upload left no record


def test_events_round_trip_through_the_store(store):
    e = ev(1)
    store.add_upload([e])
    assert store.events() == [e]


def test_filters(store):
    store.add_upload(
        [ev(1, "2024-10-01", 1), ev(2, "2024-10-10", 3, unit="Marines"), ev(3, "2024-10-20", 6, report="R2")]
    )

    def names(f):
        return [e.place.name for e in store.events(f)]

    assert names(Filters(since=dt.date(2024, 10, 5))) == ["P2", "P3"]
    assert names(Filters(until=dt.date(2024, 10, 5))) == ["P1"]
    assert names(Filters(min_confidence=3)) == ["P1", "P2"]
    assert names(Filters(unit="marine")) == ["P2"]
    assert names(Filters(report="R2")) == ["P3"]


def test_unsupported_url_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="postgresql"):
        Store("postgresql://db/troops")
    assert Store(f"sqlite:///{tmp_path}/x.db").count() == 0


def test_store_file_is_sqlite_with_integrity(store):
    store.add_upload([ev(1)])
    assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_store_from_before_event_columns_keeps_its_events(tmp_path):
    """Stores written by the first release kept each event as one JSON body; opening one moves them over."""
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT, sha256 TEXT, uploaded_at TEXT,"
        " user TEXT, format TEXT, encoding TEXT, rows INTEGER, accepted INTEGER, duplicates INTEGER,"
        " rejected INTEGER);"
        "CREATE TABLE events (key TEXT PRIMARY KEY, upload_id INTEGER, start TEXT, end_ TEXT, confidence INTEGER,"
        " unit TEXT, report_id TEXT, source TEXT, body TEXT NOT NULL);"
        "CREATE INDEX events_start ON events(start);"
        "INSERT INTO uploads (file_name, accepted) VALUES ('old.csv', 2);"
    )
    events = [ev(1, event_id="X1"), ev(2)]
    for e in events:
        old.execute("INSERT INTO events (key, upload_id, body) VALUES (?, 1, ?)", (e.key(), json.dumps(e.to_dict())))
    old.commit()
    old.close()
    with Store(path) as s:
        assert s.events() == events
        assert s.add_upload(events)["duplicates"] == 2  # still recognised as already stored
        assert [u["file_name"] for u in s.uploads()] == ["old.csv", ""]


def test_a_strength_too_wide_for_64_bits_is_stored_as_it_is(store):
    e = Event(Kind.PRESENCE, Place("P", "P", 43.0, 131.0, status="matched"), strength=10**30)
    store.add_upload([e])
    assert store.events() == [e]
