"""The shared store: PostgreSQL with PostGIS, for a team whose dashboards (and their replicas) share one database.

Selected by a ``postgresql://`` URL (TROOPMAP_DB or ``--db``). Uploads are loaded with COPY into a temporary table,
then moved into ``events`` in one statement that skips the keys already stored (``ON CONFLICT DO NOTHING``), so two
replicas storing the same file at once store it once. Each event has a geometry (its place, or the line from its
origin) under a GiST index, for the map's bounding box. Reads are REPEATABLE READ: one snapshot per read.
"""

from __future__ import annotations

import os
from typing import Any

from geo.store.base import EVENT_COLUMNS, Store, StoreError

try:
    import psycopg
except ImportError:  # pragma: no cover - psycopg is in requirements.txt
    psycopg = None

TYPES = {
    "key": "BIGINT",
    "upload_id": "BIGINT",
    "kind": "TEXT",
    "place_id": "BIGINT",
    "origin_id": "BIGINT",
    "start": "DATE",
    "finish": "DATE",
    "stop": "DATE",
    "day": "DATE",
    "precision": "TEXT",
    "unit_id": "INTEGER",
    "strength": "NUMERIC",
    "strength_approx": "BOOLEAN",
    "confidence": "INTEGER",
    "confidence_label": "TEXT",
    "reliability": "TEXT",
    "source_id": "INTEGER",
    "source_url": "TEXT",
    "report_id": "TEXT",
    "event_id": "TEXT",
    "evidence": "TEXT",
    "notes": "TEXT",
    "extra": "TEXT",
    "lat": "DOUBLE PRECISION",
    "lon": "DOUBLE PRECISION",
    "olat": "DOUBLE PRECISION",
    "olon": "DOUBLE PRECISION",
    "pcell": "BIGINT",
    "rcell": "BIGINT",
}
_COLUMNS = ", ".join(EVENT_COLUMNS)
SCHEMA = [
    "CREATE EXTENSION IF NOT EXISTS postgis",
    """CREATE TABLE IF NOT EXISTS uploads (
    id BIGSERIAL PRIMARY KEY, file_name TEXT, sha256 TEXT, uploaded_at TEXT, username TEXT, format TEXT,
    encoding TEXT, rows BIGINT, accepted BIGINT, duplicates BIGINT, rejected BIGINT)""",
    "CREATE TABLE IF NOT EXISTS places (id BIGSERIAL PRIMARY KEY, digest TEXT NOT NULL UNIQUE, body TEXT NOT NULL,"
    " lat DOUBLE PRECISION, lon DOUBLE PRECISION)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BIGINT)",
    "CREATE TABLE IF NOT EXISTS units (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, fold TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, fold TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS events (id BIGSERIAL PRIMARY KEY, "
    + ", ".join(f"{c} {TYPES[c]}{' NOT NULL UNIQUE' if c == 'key' else ''}" for c in EVENT_COLUMNS)
    + ", geom geometry(Geometry, 4326))",
    "CREATE INDEX IF NOT EXISTS events_order ON events(day, id)",
    "CREATE INDEX IF NOT EXISTS events_stop ON events(stop)",
    "CREATE INDEX IF NOT EXISTS events_unmapped ON events(day) WHERE lat IS NULL",
    "CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence)",
    "CREATE INDEX IF NOT EXISTS events_unit ON events(unit_id)",
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_id)",
    "CREATE INDEX IF NOT EXISTS events_report ON events(report_id)",
    "CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom)",
    "CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, upload_id BIGINT, body TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS geocache (provider TEXT, query TEXT, body TEXT, fetched_at TEXT,"
    " PRIMARY KEY (provider, query))",
]
_SCHEMA_LOCK = 7_140_014  # an advisory lock: two replicas starting at once create the tables once
_GEOM = (
    "CASE WHEN lat IS NULL THEN NULL"
    " WHEN olat IS NOT NULL AND olon IS NOT NULL THEN ST_MakeLine(ST_Point(olon, olat, 4326), ST_Point(lon, lat, 4326))"
    " ELSE ST_Point(lon, lat, 4326) END"
)


class PostGISStore(Store):
    """PostgreSQL + PostGIS through psycopg 3. ``url``: a libpq URL, ``postgresql://user@host/db``."""

    param = "%s"
    _insert_ignore = ("INSERT INTO", " ON CONFLICT DO NOTHING")

    def __init__(self, url: str | os.PathLike | None = None) -> None:
        super().__init__(url)
        if psycopg is None:  # pragma: no cover
            raise StoreError("the PostGIS store needs psycopg: pip install -r requirements.txt")
        # SQLAlchemy spells the driver into the scheme (postgresql+psycopg://); libpq does not
        self.conninfo = "postgresql://" + self.url.split("://", 1)[1]
        db = self._connect()
        try:
            db.execute("BEGIN")
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            for statement in SCHEMA:
                db.execute(statement)
            db.execute("COMMIT")
        except psycopg.Error as e:
            db.close()
            raise StoreError(f"cannot set up the PostGIS store: {e}") from e
        self._pool.put(db)

    def _connect(self) -> Any:
        try:
            return psycopg.connect(self.conninfo, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            raise StoreError(f"cannot reach the PostGIS store: {e}") from e

    def _begin(self, db: Any, write: bool) -> None:
        db.execute("BEGIN" if write else "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def _finish(self, db: Any, commit: bool) -> None:
        db.execute("COMMIT" if commit else "ROLLBACK")

    def _errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.Error,)

    def _contains_sql(self, column: str) -> str:
        return f"strpos({column}, ?) > 0"

    def _date(self, d: Any) -> Any:
        return d

    def _minus_span_sql(self) -> str:
        return "(?::date - coalesce((SELECT value FROM meta WHERE name = 'span'), 0)::int)"

    def _stored_keys(self, db: Any, keys: list[int]) -> set[int]:
        found: set[int] = set()
        for i in range(0, len(keys), 100_000):
            cur = db.execute("SELECT key FROM events WHERE key = ANY(%s)", (keys[i : i + 100_000],))
            found.update(k for (k,) in cur)
        return found

    def _bbox_sql(self, bbox: tuple[float, float, float, float]) -> tuple[str, list]:
        south, west, north, east = bbox
        return "e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", [west, south, east, north]

    def _insert_events(self, db: Any, rows: list[tuple], first_new_id: int) -> int:
        columns = ", ".join(f"{c} {TYPES[c]}" for c in EVENT_COLUMNS)
        db.execute(f"CREATE TEMP TABLE upload_rows (seq BIGINT, {columns}) ON COMMIT DROP")
        with db.cursor().copy(f"COPY upload_rows (seq, {_COLUMNS}) FROM STDIN") as copy:  # noqa: S608
            for i, row in enumerate(rows):
                copy.write_row((i, *row))
        cur = db.execute(
            f"INSERT INTO events ({_COLUMNS}, geom) SELECT {_COLUMNS}, {_GEOM} FROM upload_rows"  # noqa: S608
            " ORDER BY seq ON CONFLICT (key) DO NOTHING"
        )
        written = cur.rowcount
        db.execute("DROP TABLE upload_rows")
        if written >= 10_000:
            # fresh statistics for the planner now, not when autovacuum comes round: without them it read a
            # whole index in date order looking for one report's 20 events (3 s at a million events)
            db.execute("ANALYZE events")
        return written
