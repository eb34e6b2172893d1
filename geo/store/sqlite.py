"""The embedded store: one SQLite file, for one analyst (or a few on one machine).

WAL mode: readers see the snapshot their transaction began with while an upload is written. The spatial index is an
R*Tree over each event's extent, filled from the new rows in one statement after they are written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

from geo.model import Event, EventTable, Kind, Place, Precision
from geo.store.base import DEFAULT_DB, EVENT_COLUMNS, Store, StoreError, key_number

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name TEXT, sha256 TEXT, uploaded_at TEXT, username TEXT, format TEXT, encoding TEXT,
    rows INTEGER, accepted INTEGER, duplicates INTEGER, rejected INTEGER)""",
    "CREATE TABLE IF NOT EXISTS places (id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, body TEXT NOT NULL,"
    " lat REAL, lon REAL)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BIGINT)",
    "CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, fold TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, fold TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY, key INTEGER NOT NULL, upload_id INTEGER REFERENCES uploads(id),
    kind TEXT NOT NULL, place_id INTEGER REFERENCES places(id), origin_id INTEGER REFERENCES places(id),
    start TEXT, finish TEXT, stop TEXT, day TEXT, precision TEXT NOT NULL, unit_id INTEGER REFERENCES units(id),
    strength, strength_approx INTEGER, confidence INTEGER, confidence_label TEXT, reliability TEXT,
    source_id INTEGER REFERENCES sources(id), source_url TEXT, report_id TEXT, event_id TEXT, evidence TEXT,
    notes TEXT, extra TEXT, lat REAL, lon REAL, olat REAL, olon REAL, pcell INTEGER, rcell INTEGER)""",
    "CREATE UNIQUE INDEX IF NOT EXISTS events_key ON events(key)",  # an event is stored once
    "CREATE INDEX IF NOT EXISTS events_order ON events(day, id)",
    "CREATE INDEX IF NOT EXISTS events_stop ON events(stop)",
    "CREATE INDEX IF NOT EXISTS events_unmapped ON events(day) WHERE lat IS NULL",
    # what the map's summary reads, in the order it groups: scanned instead of the table, with no sort
    "CREATE INDEX IF NOT EXISTS events_places ON events(pcell, confidence, day, stop, lat, lon, place_id, start)"
    " WHERE pcell IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS events_routes ON events(rcell, confidence, day, stop, lat, lon, olat, olon, place_id,"
    " origin_id, start) WHERE rcell IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence)",
    "CREATE INDEX IF NOT EXISTS events_unit ON events(unit_id)",
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_id)",
    "CREATE INDEX IF NOT EXISTS events_report ON events(report_id)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS event_box USING rtree(id, south, north, west, east)",
    """CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, upload_id INTEGER REFERENCES uploads(id), body TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS geocache (
    provider TEXT, query TEXT, body TEXT, fetched_at TEXT, PRIMARY KEY (provider, query))""",
]
_INSERT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "  # noqa: S608 (column names are ours)
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)
_INDEX_STATEMENTS = [x for x in SCHEMA if x.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX"))]
_INDEXES = [x.split(" ON ")[0].split()[-1] for x in _INDEX_STATEMENTS]
_STORED = "SELECT value FROM json_each(?) WHERE value IN (SELECT key FROM events)"
_BOXES = (
    "INSERT INTO event_box SELECT id, min(lat, coalesce(olat, lat)), max(lat, coalesce(olat, lat)),"
    " min(lon, coalesce(olon, lon)), max(lon, coalesce(olon, lon)) FROM events WHERE id >= ? AND lat IS NOT NULL"
)


def sqlite_path(url: str | os.PathLike | None) -> Path:
    """A SQLite path from a path or a ``sqlite:///`` URL."""
    url = str(url or os.environ.get("TROOPMAP_DB") or DEFAULT_DB)
    return Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else Path(url)


class SQLiteStore(Store):
    """The embedded SQLite store."""

    def __init__(self, url: str | os.PathLike | None = None) -> None:
        super().__init__(url)
        self.path = sqlite_path(url)
        # a store this process cannot write (a read-only folder or file system) is still read and exported
        self.read_only = self.path.exists() and not (
            os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        )
        if self.read_only:
            self._uri = None
            self._pool.put(self._open_read_only())
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = self._connect()
            db.execute("PRAGMA journal_mode=WAL")
            self._migrate(db)
            self._pool.put(db)
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def _open_read_only(self) -> sqlite3.Connection:
        """A read-only connection. A WAL store needs its -shm file, which a read-only folder cannot hold: then the
        file is opened as immutable (nothing else can be writing it there either)."""
        uri = self.path.resolve().as_uri()
        error: sqlite3.Error | None = None
        for mode in ("mode=ro", "immutable=1"):
            try:
                db = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, check_same_thread=False)
                columns = {r[1] for r in db.execute("PRAGMA table_info(events)")}
            except sqlite3.Error as e:
                error = e
                continue
            if "day" not in columns:
                db.close()
                raise StoreError(
                    f"cannot open store {self.path} read-only: it is in an older layout, which is converted when"
                    " it is first opened where it can be written"
                )
            self._uri = f"{uri}?{mode}"
            return db
        raise StoreError(f"cannot open store {self.path} (read-only): {error}") from error

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            return sqlite3.connect(self._uri, uri=True, isolation_level=None, check_same_thread=False)
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=60000")  # a second writer waits for the first, it does not fail
        db.execute("PRAGMA cache_size=-262144")  # big uploads insert into large indexes: up to 256 MB of pages
        return db

    def _begin(self, db: sqlite3.Connection, write: bool) -> None:
        if write and self.read_only:
            raise StoreError(f"the store {self.path} is read-only here: it can be viewed and exported, not written")
        db.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def _finish(self, db: sqlite3.Connection, commit: bool) -> None:
        if db.in_transaction:
            db.execute("COMMIT" if commit else "ROLLBACK")

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)

    def _insert_events(self, db: sqlite3.Connection, rows: list[tuple], first_new_id: int) -> int:
        before = db.total_changes
        # a large upload into a smaller table: the indexes are built again after the rows are in (one sort each)
        # rather than kept up to date row by row (a random write each); readers keep their snapshot. The rows hold
        # no stored key and no key twice (add_upload checked), so nothing is lost while the key index is away
        rebuild = len(rows) >= 20_000 and len(rows) >= first_new_id // 2
        if rebuild:
            for name in _INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
        db.executemany(_INSERT, rows)
        if rebuild:
            for statement in _INDEX_STATEMENTS:  # the unique key index too: the rows were checked against it
                db.execute(statement)
        written = db.total_changes - before
        db.execute(_BOXES, (first_new_id,))
        return written

    def _stored_keys(self, db: sqlite3.Connection, keys: list[int]) -> set[int]:
        found: set[int] = set()
        for i in range(0, len(keys), 100_000):  # one JSON value a chunk: binding a million parameters is slow
            chunk = json.dumps(keys[i : i + 100_000])
            found.update(k for (k,) in db.execute(_STORED, (chunk,)))
        return found

    def _bbox_sql(self, bbox: tuple[float, float, float, float]) -> tuple[str, list]:
        south, west, north, east = bbox
        return (
            "e.id IN (SELECT id FROM event_box WHERE north >= ? AND south <= ? AND east >= ? AND west <= ?)",
            [south, north, west, east],
        )

    # -- stores written by earlier releases -------------------------------------------------------------------
    def _migrate(self, db: sqlite3.Connection) -> None:
        """Create the tables, moving the events of an older store's layout into them (one transaction)."""
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = lambda t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")}  # noqa: E731
        db.execute("BEGIN IMMEDIATE")
        try:
            legacy: list[tuple[int | None, list[Event]]] = []
            if "events" in tables and "body" in columns("events"):  # the first release: a JSON body per event
                for (upload_id,) in db.execute("SELECT DISTINCT upload_id FROM events").fetchall():
                    bodies = db.execute(
                        "SELECT body FROM events WHERE upload_id IS ? ORDER BY start, key", (upload_id,)
                    )
                    legacy.append((upload_id, [Event.from_dict(json.loads(b)) for (b,) in bodies]))
                db.execute("DROP TABLE events")
            if "event_chunks" in tables:  # the second: columns of 50,000 events a row
                places = {i: Place.from_dict(json.loads(b)) for i, b in db.execute("SELECT id, body FROM places")}
                places[None] = None
                for upload_id, body in db.execute("SELECT upload_id, body FROM event_chunks ORDER BY id").fetchall():
                    legacy.append((upload_id, list(_decode_chunk(json.loads(body), places))))
                for t in ("event_chunks", "event_keys", "places"):
                    db.execute(f"DROP TABLE {t}")
            if "uploads" in tables and "user" in columns("uploads"):
                db.execute("ALTER TABLE uploads RENAME COLUMN user TO username")
            for statement in SCHEMA:
                db.execute(statement)
            for upload_id, events in legacy:
                first = (db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1
                table = EventTable.of(events)
                rows = self._event_rows(db, table, list(map(key_number, table.keys())), upload_id)
                if rows:
                    self._insert_events(db, rows, first)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


_KINDS = {v.value: v for v in Kind}
_PRECISIONS = {v.value: v for v in Precision}


def _decode_chunk(columns: dict[str, list], places: dict[int | None, Place | None]) -> EventTable:
    """The events of one chunk of the second release's layout."""
    dates = {d: dt.date.fromisoformat(d) if d else None for c in (columns["start"], columns["end"]) for d in set(c)}
    return EventTable(
        columns
        | {
            "kind": list(map(_KINDS.__getitem__, columns["kind"])),
            "place": list(map(places.__getitem__, columns["place"])),
            "origin": list(map(places.__getitem__, columns["origin"])),
            "start": list(map(dates.__getitem__, columns["start"])),
            "end": list(map(dates.__getitem__, columns["end"])),
            "precision": list(map(_PRECISIONS.__getitem__, columns["precision"])),
        }
    )
