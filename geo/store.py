"""The store: events, reports, uploads and the geocoding cache, behind one narrow interface.

The embedded backend is SQLite. Every write is one transaction, so a crash half-way through an upload leaves
the store as it was before it. The interface (``Store``) speaks in model objects and plain dicts only, so a
PostgreSQL/PostGIS backend can sit behind it later.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson

from geo.model import Event, EventTable, Kind, Place, Precision, Report, bulk

DEFAULT_DB = Path.home() / ".local" / "share" / "troopmap" / "troopmap.db"


class StoreError(RuntimeError):
    """The store cannot be opened or written (bad URL, unsupported backend, unwritable file)."""


@dataclass(frozen=True)
class Filters:
    """The filters shared by `export` and the dashboard (CONTRACT.md)."""

    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: int | None = None  # Admiralty digits: 1 is best, so "at least 3" keeps 1, 2 and 3
    unit: str | None = None  # case-insensitive substring
    report: str | None = None
    source: str | None = None  # case-insensitive substring

    def describe(self) -> str:
        parts = []
        if self.since or self.until:
            parts.append(f"{self.since or '…'} to {self.until or '…'}")
        if self.min_confidence:
            parts.append(f"confidence 1–{self.min_confidence}")
        for name in ("unit", "report", "source"):
            if v := getattr(self, name):
                parts.append(f"{name}: {v}")
        return "; ".join(parts) or "all events"

    def keep(self, e: Event) -> bool:
        """Whether an event passes; events with no date or no confidence pass the date/confidence filters
        only when those filters are off, so nothing vanishes without a filter asking for it."""
        start, end = e.start, e.end or e.start
        if self.since and (end is None or end < self.since):
            return False
        if self.until and (start is None or start > self.until):
            return False
        if self.min_confidence and (e.confidence is None or e.confidence > self.min_confidence):
            return False
        if self.unit and self.unit.casefold() not in (e.unit or "").casefold():
            return False
        if self.report and (e.report_id or "") != self.report:
            return False
        if self.source and self.source.casefold() not in (e.source or "").casefold():
            return False
        return True


SCHEMA = """
CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name TEXT, sha256 TEXT, uploaded_at TEXT, user TEXT, format TEXT, encoding TEXT,
    rows INTEGER, accepted INTEGER, duplicates INTEGER, rejected INTEGER
);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS event_chunks (
    id INTEGER PRIMARY KEY,
    upload_id INTEGER REFERENCES uploads(id),
    size INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_keys (
    id INTEGER PRIMARY KEY,
    chunk_id INTEGER NOT NULL REFERENCES event_chunks(id)
);
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY,
    upload_id INTEGER REFERENCES uploads(id),
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS geocache (
    provider TEXT, query TEXT, body TEXT, fetched_at TEXT,
    PRIMARY KEY (provider, query)
);
"""
# How events are kept. Events are written column by column, CHUNK of them to a row of event_chunks: its body
# is a JSON object holding one list per Event field (places as ids into `places`, dates as ISO text). Binding
# twenty values a row cost a million-row file more time than reading it; a chunk is one value. event_keys has
# each stored event's key (the first 60 bits of Event.key()) and its chunk: it is what makes a second upload of
# the same events store nothing.
CHUNK = 50_000
_KINDS = {k: k.value for k in Kind} | {v.value: v for v in Kind}
_PRECISIONS = {p: p.value for p in Precision} | {v.value: v for v in Precision}


def _key_numbers(keys: list[str]) -> list[int]:
    """Event keys as event_keys' primary key: their first 60 bits, an integer SQLite and JSON hold exactly."""
    return list(map(int, map(itemgetter(slice(15)), keys), repeat(16)))


def sqlite_path(url: str | os.PathLike | None) -> Path:
    """A SQLite path from a path or a ``sqlite:///`` URL; other SQLAlchemy URLs are named as unsupported."""
    url = str(url or os.environ.get("TROOPMAP_DB") or DEFAULT_DB)
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"store URL scheme {scheme!r} is not built in; use a SQLite path or sqlite:///PATH")
    return Path(url)


class Store:
    """An embedded SQLite store. Open with ``Store(url)``; ``url=None`` uses TROOPMAP_DB or the default."""

    def __init__(self, url: str | os.PathLike | None = None):
        self.path = sqlite_path(url)
        # a store this process cannot write (a read-only folder or file system) is still read and exported
        self.read_only = self.path.exists() and not (
            os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        )
        if self.read_only:
            self._db = _open_read_only(self.path)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # big uploads insert into large tables: keep their pages in memory (256 MB at most)
            self._db.execute("PRAGMA cache_size=-262144")
            self._db.executescript(SCHEMA)
            self._migrate()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception (or a killed process) rolls back everything written inside."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        """Stores from the first release kept one row, with a JSON body, per event: move those events over."""
        if "body" not in {r[1] for r in self._db.execute("PRAGMA table_info(events)")}:
            return
        with self.transaction() as db:
            places: dict[str, int] = {}
            for (upload_id,) in db.execute("SELECT DISTINCT upload_id FROM events").fetchall():
                bodies = db.execute("SELECT body FROM events WHERE upload_id IS ? ORDER BY start, key", (upload_id,))
                self._insert_events(db, [Event.from_dict(json.loads(b)) for (b,) in bodies], upload_id, places)
            db.execute("DROP TABLE events")

    # -- writing -------------------------------------------------------------------------------------------
    def add_upload(
        self,
        events: Iterable[Event],
        reports: Sequence[Report] = (),
        *,
        file_name: str = "",
        sha256: str = "",
        user: str = "",
        fmt: str = "",
        encoding: str = "",
        rows: int = 0,
        rejected: int = 0,
    ) -> dict[str, int]:
        """Store one upload's events and reports in one transaction; returns accepted/duplicates counts.

        An event whose key is already stored (from this upload or an earlier one) is a duplicate and is not
        written again.
        """
        try:
            with bulk(), self.transaction() as db:
                cur = db.execute(
                    "INSERT INTO uploads (file_name, sha256, uploaded_at, user, format, encoding, rows, rejected)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (
                        file_name,
                        sha256,
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        user,
                        fmt,
                        encoding,
                        rows,
                        rejected,
                    ),
                )
                upload_id = cur.lastrowid
                sent, accepted = self._insert_events(db, events, upload_id, {})
                for r in reports:
                    db.execute(
                        "INSERT OR REPLACE INTO reports (report_id, upload_id, body) VALUES (?,?,?)",
                        (r.report_id, upload_id, json.dumps(r.to_dict(), ensure_ascii=False)),
                    )
                db.execute(
                    "UPDATE uploads SET accepted=?, duplicates=? WHERE id=?", (accepted, sent - accepted, upload_id)
                )
        except sqlite3.Error as e:
            raise StoreError(f"could not store the upload, nothing was written: {e}") from e
        return {"accepted": accepted, "duplicates": sent - accepted, "upload_id": upload_id}

    @staticmethod
    def _insert_events(
        db: sqlite3.Connection, events: Iterable[Event], upload_id: int | None, places: dict[str, int]
    ) -> tuple[int, int]:
        """Write the events not stored yet; returns (events given, events written)."""
        table = EventTable.of(events)
        keys = _key_numbers(table.keys())
        stored: set[int] = set()
        for i in range(0, len(keys), CHUNK):
            found = db.execute(
                "SELECT value FROM json_each(?) WHERE value IN (SELECT id FROM event_keys)",
                (json.dumps(keys[i : i + CHUNK]),),
            )
            stored.update(k for (k,) in found)
        columns = table.columns
        if stored or len(set(keys)) < len(keys):  # keep only each new key's first event
            seen = set(stored)
            keep = [not (k in seen or seen.add(k)) for k in keys]
            keys = list(compress(keys, keep))
            columns = {name: list(compress(c, keep)) for name, c in columns.items()}
        columns = _encode(db, columns, places)
        for i in range(0, len(keys), CHUNK):
            body = _json({name: c[i : i + CHUNK] for name, c in columns.items()})
            chunk = db.execute(
                "INSERT INTO event_chunks (upload_id, size, body) VALUES (?,?,?)",
                (upload_id, len(keys[i : i + CHUNK]), body),
            ).lastrowid
            db.execute(
                "INSERT INTO event_keys (id, chunk_id) SELECT value, ? FROM json_each(?)",
                (chunk, json.dumps(sorted(keys[i : i + CHUNK]))),  # in order: the index grows at its end
            )
        return len(table), len(keys)

    def cache_put(self, provider: str, query: str, body: Any) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO geocache VALUES (?,?,?,?)",
                (
                    provider,
                    query,
                    json.dumps(body, ensure_ascii=False),
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )

    # -- reading -------------------------------------------------------------------------------------------
    def cache_get(self, provider: str, query: str) -> Any | None:
        row = self._db.execute("SELECT body FROM geocache WHERE provider=? AND query=?", (provider, query)).fetchone()
        return json.loads(row[0]) if row else None

    def events(self, filters: Filters | None = None) -> list[Event]:
        """Events in date order (undated last; in the order they were stored within a day), filtered."""
        with bulk():
            places: dict[int | None, Place | None] = {
                i: Place.from_dict(json.loads(b)) for i, b in self._db.execute("SELECT id, body FROM places")
            }
            places[None] = None
            events: list[Event] = []
            for (body,) in self._db.execute("SELECT body FROM event_chunks ORDER BY id"):
                events.extend(_decode(json.loads(body), places))
        events.sort(key=lambda e: (e.start is None, e.start or dt.date.min))
        return events if filters is None else [e for e in events if filters.keep(e)]

    def reports(self) -> list[Report]:
        rows = self._db.execute("SELECT body FROM reports ORDER BY report_id").fetchall()
        return [Report.from_dict(json.loads(b)) for (b,) in rows]

    def uploads(self) -> list[dict[str, Any]]:
        cur = self._db.execute("SELECT * FROM uploads ORDER BY id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM event_keys").fetchone()[0]


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL store needs its -shm file, which a read-only folder cannot hold: then the
    file is opened as immutable (nothing else can be writing it there either)."""
    uri = path.resolve().as_uri()
    error: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            db = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, check_same_thread=False)
            db.execute("SELECT COUNT(*) FROM event_keys").fetchone()
            return db
        except sqlite3.Error as e:
            error = e
    raise StoreError(f"cannot open store {path} (read-only): {error}") from error


def _json(value: Any) -> str:
    try:
        return orjson.dumps(value, default=str).decode()
    except orjson.JSONEncodeError:  # an integer wider than 64 bits, which only the standard library writes
        return json.dumps(value, ensure_ascii=False, default=str)


def _encode(db: sqlite3.Connection, columns: dict[str, list], places: dict[str, int]) -> dict[str, list]:
    """Event columns as JSON-ready lists: places as ids into the places table (added when new), dates as ISO."""
    place_ids: dict[int, int | None] = {id(None): None}
    for p in {id(p): p for c in (columns["place"], columns["origin"]) for p in c}.values():
        if p is None:
            continue
        body = json.dumps(p.to_dict(), ensure_ascii=False, default=str)
        if body not in places:
            db.execute("INSERT OR IGNORE INTO places (body) VALUES (?)", (body,))
            places[body] = db.execute("SELECT id FROM places WHERE body=?", (body,)).fetchone()[0]
        place_ids[id(p)] = places[body]
    iso = {d: d.isoformat() if d else None for c in (columns["start"], columns["end"]) for d in set(c)}
    return columns | {
        "kind": list(map(_KINDS.__getitem__, columns["kind"])),
        "place": list(map(place_ids.__getitem__, map(id, columns["place"]))),
        "origin": list(map(place_ids.__getitem__, map(id, columns["origin"]))),
        "start": list(map(iso.__getitem__, columns["start"])),
        "end": list(map(iso.__getitem__, columns["end"])),
        "precision": list(map(_PRECISIONS.__getitem__, columns["precision"])),
        "extra": [x or None for x in columns["extra"]],
    }


def _decode(columns: dict[str, list], places: dict[int | None, Place | None]) -> Iterator[Event]:
    """The events of one chunk, from the lists :func:`_encode` wrote."""
    dates = {d: dt.date.fromisoformat(d) if d else None for c in (columns["start"], columns["end"]) for d in set(c)}
    columns |= {
        "kind": list(map(_KINDS.__getitem__, columns["kind"])),
        "place": list(map(places.__getitem__, columns["place"])),
        "origin": list(map(places.__getitem__, columns["origin"])),
        "start": list(map(dates.__getitem__, columns["start"])),
        "end": list(map(dates.__getitem__, columns["end"])),
        "precision": list(map(_PRECISIONS.__getitem__, columns["precision"])),
    }
    return iter(EventTable(columns))
