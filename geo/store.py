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
from pathlib import Path
from typing import Any

from geo.model import Event, Report

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
CREATE TABLE IF NOT EXISTS events (
    key TEXT PRIMARY KEY,
    upload_id INTEGER REFERENCES uploads(id),
    start TEXT, end_ TEXT, confidence INTEGER, unit TEXT, report_id TEXT, source TEXT,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_start ON events(start);
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


def _place_json(p, cache: dict[int, str]) -> str:
    if p is None:
        return "null"
    if id(p) not in cache:
        cache[id(p)] = json.dumps(p.to_dict(), ensure_ascii=False, default=str)
    return cache[id(p)]


def _event_json(e: Event, places: dict[int, str]) -> str:
    """Event.to_dict() as JSON, with each Place object encoded only once per upload."""
    body = json.dumps(e.scalars(), ensure_ascii=False, default=str)
    return f'{body[:-1]}, "place": {_place_json(e.place, places)}, "origin": {_place_json(e.origin, places)}}}'


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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # big uploads insert into large indexes: keep them in memory (256 MB at most) rather than on disk
            self._db.execute("PRAGMA cache_size=-262144")
            self._db.executescript(SCHEMA)
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

        An event whose content key is already stored (from this upload or an earlier one) is a duplicate and
        is not written again.
        """
        try:
            with self.transaction() as db:
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
                accepted = duplicates = 0
                batch: list[tuple] = []

                def flush() -> int:
                    before = db.total_changes
                    db.executemany(
                        "INSERT OR IGNORE INTO events (key, upload_id, start, end_, confidence, unit, report_id,"
                        " source, body) VALUES (?,?,?,?,?,?,?,?,?)",
                        batch,
                    )
                    batch.clear()
                    return db.total_changes - before

                sent = 0
                places: dict[int, str] = {}  # a file names few places many times: encode each once
                for e in events:
                    start, end = e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None
                    batch.append(
                        (
                            e.key(),
                            upload_id,
                            start,
                            end,
                            e.confidence,
                            e.unit,
                            e.report_id,
                            e.source,
                            _event_json(e, places),
                        )
                    )
                    sent += 1
                    if len(batch) >= 5000:
                        accepted += flush()
                accepted += flush()
                duplicates = sent - accepted
                for r in reports:
                    db.execute(
                        "INSERT OR REPLACE INTO reports (report_id, upload_id, body) VALUES (?,?,?)",
                        (r.report_id, upload_id, json.dumps(r.to_dict(), ensure_ascii=False)),
                    )
                db.execute("UPDATE uploads SET accepted=?, duplicates=? WHERE id=?", (accepted, duplicates, upload_id))
        except sqlite3.Error as e:
            raise StoreError(f"could not store the upload, nothing was written: {e}") from e
        return {"accepted": accepted, "duplicates": duplicates, "upload_id": upload_id}

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
        """Events in date order (undated last), filtered."""
        rows = self._db.execute("SELECT body FROM events ORDER BY start IS NULL, start, key").fetchall()
        events = [Event.from_dict(json.loads(b)) for (b,) in rows]
        return [e for e in events if filters is None or filters.keep(e)]

    def reports(self) -> list[Report]:
        rows = self._db.execute("SELECT body FROM reports ORDER BY report_id").fetchall()
        return [Report.from_dict(json.loads(b)) for (b,) in rows]

    def uploads(self) -> list[dict[str, Any]]:
        cur = self._db.execute("SELECT * FROM uploads ORDER BY id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
