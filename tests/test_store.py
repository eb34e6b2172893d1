import datetime as dt
import json
import random
import sqlite3
import threading

import pytest

from geo.model import Event, EventTable, Kind, Place
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
        Store("mysql://db/troops")
    assert Store(f"sqlite:///{tmp_path}/x.db").count() == 0


def test_an_unreachable_server_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot reach"):
        Store(f"postgresql://nobody@/none?host={tmp_path}&connect_timeout=2")


def test_store_file_is_sqlite_with_integrity(sqlite_store):
    sqlite_store.add_upload([ev(1)])
    assert sqlite3.connect(sqlite_store.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_store_of_event_chunks_keeps_its_events(tmp_path):
    """Stores of the second layout kept events in chunks of columns (JSON), places apart: opening one moves them."""
    path = tmp_path / "chunks.db"
    events = [ev(1, event_id="X1"), ev(2, "2024-10-01"), ev(2, "2024-10-01", conf=None)]
    cols = EventTable.of(events).columns
    places = {}
    for p in cols["place"] + cols["origin"]:
        if p is not None:
            places.setdefault(json.dumps(p.to_dict()), len(places) + 1)
    body = cols | {
        "kind": [k.value for k in cols["kind"]],
        "place": [places[json.dumps(p.to_dict())] if p else None for p in cols["place"]],
        "origin": [None for _ in cols["origin"]],
        "start": [d.isoformat() for d in cols["start"]],
        "end": [None for _ in cols["end"]],
        "precision": [p.value for p in cols["precision"]],
        "extra": [None for _ in cols["extra"]],
    }
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, file_name TEXT, sha256 TEXT, uploaded_at TEXT,"
        " user TEXT, format TEXT, encoding TEXT, rows INTEGER, accepted INTEGER, duplicates INTEGER,"
        " rejected INTEGER);"
        "CREATE TABLE places (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE);"
        "CREATE TABLE event_chunks (id INTEGER PRIMARY KEY, upload_id INTEGER, size INTEGER NOT NULL,"
        " body TEXT NOT NULL);"
        "CREATE TABLE event_keys (id INTEGER PRIMARY KEY, chunk_id INTEGER NOT NULL);"
        "INSERT INTO uploads (file_name, user, accepted) VALUES ('chunks.csv', 'ana', 3);"
    )
    old.executemany("INSERT INTO places VALUES (?, ?)", [(i, b) for b, i in places.items()])
    old.execute("INSERT INTO event_chunks VALUES (1, 1, 3, ?)", (json.dumps(body),))
    old.commit()
    old.close()
    with Store(path) as s:
        assert s.events() == [events[1], events[2], events[0]]  # date order, then the order they were stored
        assert s.add_upload(events)["duplicates"] == 3
        assert [(u["file_name"], u["user"]) for u in s.uploads()] == [("chunks.csv", "ana"), ("", "")]
        assert s.count(Filters(bbox=(44.5, 130, 45.5, 132))) == 2  # the spatial index was filled too


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


def varied(n, seed=1):
    """Events of many shapes: movements and presences, dated or not, some unresolved, units and sources in mixed case."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lat, lon = rng.uniform(40, 60), rng.uniform(20, 140)
        resolved = rng.random() > 0.1
        place = Place(
            f"Place {i % 37}",
            f"Place {i % 37}",
            lat if resolved else None,
            lon if resolved else None,
            status="matched" if resolved else "not_found",
        )
        moving = rng.random() < 0.4
        origin = Place(f"O{i % 11}", None, lat + rng.uniform(-5, 5), lon + rng.uniform(-5, 5), status="matched")
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 300)) if rng.random() > 0.1 else None
        end = start + dt.timedelta(days=rng.randint(1, 20)) if start and rng.random() < 0.3 else None
        out.append(
            Event(
                Kind.MOVEMENT if moving else Kind.PRESENCE,
                place,
                origin=origin if moving and rng.random() > 0.2 else None,
                start=start,
                end=end,
                unit=rng.choice(["1st Tank Army", "Marines", "МОРПЕХ бригада", None, "VDV 76th"]),
                confidence=rng.choice([1, 2, 3, 4, 5, 6, None]),
                source=rng.choice(["ISW", "Ministry Telegram", "local Press", None]),
                report_id=rng.choice(["R1", "R2", "R3", None]),
                event_id=f"E{i}" if rng.random() < 0.5 else None,
                evidence=f"sentence {i}",
                strength=rng.choice([None, 300, 1500]),
            )
        )
    return out


FILTERS = [
    Filters(),
    Filters(since=dt.date(2024, 5, 1)),
    Filters(until=dt.date(2024, 3, 1)),
    Filters(since=dt.date(2024, 4, 1), until=dt.date(2024, 4, 20)),
    Filters(min_confidence=2),
    Filters(unit="морпех"),
    Filters(unit="ARMY", min_confidence=4),
    Filters(source="press"),
    Filters(report="R2", since=dt.date(2024, 6, 1)),
    Filters(bbox=(45.0, 30.0, 55.0, 80.0)),
    Filters(bbox=(45.0, 30.0, 55.0, 80.0), unit="marines", until=dt.date(2024, 8, 1)),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.describe())
def test_the_database_filters_as_filters_keep_says(store, f):
    events = varied(400)
    store.add_upload(events)
    stored = store.events()
    assert len(stored) == 400
    expected = [e for e in stored if f.keep(e)]
    assert store.events(f) == expected
    assert store.count(f) == len(expected)


def test_pages_of_rows_and_one_event(store):
    store.add_upload(varied(120))
    everything = store.events()
    pages = [store.events(limit=50, offset=o) for o in (0, 50, 100)]
    assert [len(p) for p in pages] == [50, 50, 20]
    assert sum(pages, []) == everything
    row_id, first = store.events_with_ids(limit=1)[0]
    assert store.event(row_id) == first == everything[0]
    assert store.event(10**9) is None


def test_facets_and_version(store):
    assert store.version() == 0
    store.add_upload([ev(1, "2024-10-01", unit="Marines"), ev(2, "2024-10-09", report="R7")])
    v = store.version()
    facets = store.facets()
    assert (facets["since"], facets["until"]) == (dt.date(2024, 10, 1), dt.date(2024, 10, 9))
    assert facets["units"] == ["Marines", "Special forces"] and facets["reports"] == ["R1", "R7"]
    store.add_upload([ev(3)])
    assert store.version() > v


def test_map_summary_counts_every_mapped_event_once(store):
    events = varied(300)
    store.add_upload(events)
    f = Filters(min_confidence=4)
    summary = store.map_summary(f)
    drawn = sum(r[0] for r in summary["presences"]) + sum(r[0] for r in summary["routes"])
    assert drawn == store.count(f) - store.count_unmapped(f)
    assert all(r[1] is None or r[1] <= 4 for r in summary["routes"])
    assert set(summary["names"].values()) <= {f"Place {i}" for i in range(37)} | {f"O{i}" for i in range(11)}
    assert all(e.place.lat is None for e in store.unmapped(f))


def test_frame_is_a_geodataframe_of_the_filtered_events(store):
    store.add_upload(varied(60))
    frame = store.frame(Filters(min_confidence=3))
    assert len(frame) == store.count(Filters(min_confidence=3))
    assert frame.crs.to_epsg() == 4326
    assert set(frame.geom_type.dropna()) <= {"Point", "LineString"}
    assert frame["confidence"].max() <= 3


def test_an_upload_through_one_replica_is_seen_through_the_other(store_url):
    """Two dashboards on one store (PostGIS behind a load balancer, or two processes on one SQLite file)."""
    with Store(store_url) as a, Store(store_url) as b:
        assert b.count() == 0
        a.add_upload([ev(1), ev(2)], file_name="a.csv")
        assert b.count() == 2 and b.events() == a.events()
        assert b.add_upload([ev(1), ev(3)])["duplicates"] == 1  # the other replica knows what is stored
        assert a.count() == 3 and a.version() == b.version()


def test_reads_during_an_upload_see_all_of_it_or_none(store):
    """A reader never sees half an upload, nor events without their places (1 in 16 Map loads failed so)."""
    totals = [store.add_upload(varied(50, seed=2))["accepted"]]
    seen, errors, done = set(), [], threading.Event()

    def read():
        while not done.is_set():
            try:
                seen.add(len(store.events()))
            except Exception as e:  # noqa: BLE001 (any failure is the finding)
                errors.append(e)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for seed in range(3, 6):
            totals.append(totals[-1] + store.add_upload(varied(400, seed=seed * 1000))["accepted"])
    finally:
        done.set()
        reader.join()
    assert not errors
    assert seen <= set(totals)


def test_a_long_event_is_found_from_any_day_it_covers(store):
    """`since` reads the day index from the longest span stored back: a later, longer event widens it."""
    store.add_upload([ev(1, "2024-10-01"), ev(2, "2024-10-20")])
    long = Event(**{**ev(3, "2024-01-01").__dict__, "end": dt.date(2024, 12, 31)})
    store.add_upload([long])
    assert store.events(Filters(since=dt.date(2024, 10, 15))) == [long, ev(2, "2024-10-20")]
    assert store.count(Filters(since=dt.date(2024, 10, 15), until=dt.date(2024, 10, 16))) == 1


def test_a_large_upload_rebuilds_the_indexes_and_still_stores_each_event_once(sqlite_store):
    events = varied(30_000, seed=8)
    assert sqlite_store.add_upload(events[:5_000] * 2)["accepted"] == 5_000  # twice in one file: stored once
    counts = sqlite_store.add_upload(events)  # more new rows than the table holds: the indexes are built again
    assert (counts["accepted"], counts["duplicates"]) == (25_000, 5_000)
    assert sqlite_store.add_upload(events[:100])["duplicates"] == 100  # and the key index is back
    db = sqlite3.connect(sqlite_store.path)
    indexes = {r[1] for r in db.execute("PRAGMA index_list(events)")}
    assert {"events_key", "events_order", "events_places", "events_routes", "events_unmapped"} <= indexes
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sqlite_store.count(Filters(bbox=(45.0, 30.0, 55.0, 80.0))) == sum(
        Filters(bbox=(45.0, 30.0, 55.0, 80.0)).keep(e) for e in sqlite_store.events()
    )
