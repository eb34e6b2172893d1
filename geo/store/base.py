"""The store's interface, and everything its backends (SQLite, PostGIS) share.

One row per event, with the columns the filters ask about indexed, and a spatial index over each event's extent.
A page asks for what it shows: a count, the facets of the filter widgets, one page of rows, one event, the map's
aggregates. Every read runs in one transaction, so it sees one snapshot even while an upload is being written;
every upload is one transaction, so a failure half-way leaves the store as it was.

The SQL is written once, with ``?`` placeholders and portable functions; a backend supplies the few parts that
differ (bulk insert, the spatial filter, a substring test) as small methods.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import queue
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from hashlib import sha256
from itertools import compress
from pathlib import Path
from typing import Any

from geo.filters import Filters
from geo.model import Event, EventTable, Kind, Place, Precision, Report, bulk

DEFAULT_DB = Path.home() / ".local" / "share" / "troopmap" / "troopmap.db"


class StoreError(RuntimeError):
    """The store cannot be opened or written (bad URL, unsupported backend, unreachable server, unwritable file)."""


# Columns of the events table, in the order the insert paths write them. `finish` is the event's end (END is a
# keyword), `stop` its last day (end, else start: what `since` compares), `day` its start or, undated, UNDATED
# (what pages are ordered by, and `until` compares, on one index), lat/lon the place and olat/olon the origin
# (copied from the places so the map and the spatial index need no join), pcell/rcell the map's grid cells.
EVENT_COLUMNS = (
    "key upload_id kind place_id origin_id start finish stop day precision unit_id strength strength_approx confidence"
    " confidence_label reliability source_id source_url report_id event_id evidence notes extra lat lon olat olon"
    " pcell rcell"
).split()
# The map's grids, fixed so that each event's cell is stored with it (pcell: a presence's cell, rcell: a route's
# pair of cells) and the map's summary groups by a column, in index order, instead of by an expression per row.
GRID = 0.25  # degrees, for presences: about 25 km
ROUTE_GRID = 1.0  # degrees, for each end of a route

# What a read selects to rebuild an Event: Event.FIELDS order, places as ids (looked up after), then the row id.
_EVENT_SELECT = (
    "e.kind, e.place_id, e.origin_id, e.start, e.finish, e.precision, u.name, e.strength, e.strength_approx,"
    " e.confidence, e.confidence_label, e.reliability, s.name, e.source_url, e.report_id, e.event_id, e.evidence,"
    " e.notes, e.extra, e.id"
)
_FROM = "events e LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN sources s ON s.id = e.source_id"
_ORDER = "ORDER BY e.day, e.id"
UNDATED = dt.date(9999, 12, 31)  # the day an undated event sorts on: after every dated one
_KINDS = {k.value: k for k in Kind}
_KIND_TEXT = {k: k.value for k in Kind}
_PRECISION_TEXT = {p: p.value for p in Precision}
_PRECISIONS = {p.value: p for p in Precision}
MAX_INT = 2**63 - 1


def key_number(key: str) -> int:
    """An event key (hex) as a signed 60-bit integer: what the unique index on events.key holds."""
    return int(key[:15], 16)


def _digest(text: str) -> str:
    return sha256(text.encode()).hexdigest()[:32]


def place_body(p: Place) -> str:
    return json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True, default=str)


def _cell(lat: float | None, lon: float | None, size: float) -> int | None:
    """The grid cell (of ``size`` degrees) a point falls in, as one integer; None for no point."""
    if lat is None or lon is None:
        return None
    return math.floor((lat + 90) / size) * 2_000 + math.floor((lon + 180) / size)


def backend_for(url: str | os.PathLike | None) -> type[Store]:
    """The backend a store URL names: postgresql:// (PostGIS), else a SQLite path or sqlite:/// URL."""
    text = str(url or os.environ.get("TROOPMAP_DB") or DEFAULT_DB)
    scheme = text.split("://", 1)[0].split("+", 1)[0] if "://" in text else "sqlite"
    if scheme in {"postgresql", "postgres"}:
        from geo.store.postgis import PostGISStore

        return PostGISStore
    if scheme == "sqlite":
        from geo.store.sqlite import SQLiteStore

        return SQLiteStore
    raise StoreError(f"store URL scheme {scheme!r} is not built in; use a SQLite path, sqlite:///PATH or postgresql://")


class Store(ABC):
    """A store. ``Store(url)`` opens the backend the URL names (``url=None``: TROOPMAP_DB, else the default file)."""

    param = "?"  # the placeholder the backend's driver wants

    def __new__(cls, url: str | os.PathLike | None = None, **kwargs: Any) -> Store:
        if cls is Store:
            cls = backend_for(url)
        return super().__new__(cls)

    def __init__(self, url: str | os.PathLike | None = None) -> None:
        self.url = str(url or os.environ.get("TROOPMAP_DB") or DEFAULT_DB)
        self._pool: queue.LifoQueue = queue.LifoQueue()
        self._closed = False
        self.read_only = False  # a backend sets it when the store can be read but not written

    # -- connections: a small pool, so twenty sessions' threads never share one connection's transaction ---------
    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _begin(self, db: Any, write: bool) -> None: ...

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Any]:
        """One transaction on a pooled connection: a snapshot to read, or all-or-nothing to write."""
        if self._closed:
            raise StoreError("the store is closed")
        try:
            db = self._pool.get_nowait()
        except queue.Empty:
            db = self._connect()
        self._begin(db, write)
        try:
            yield db
        except BaseException:
            self._finish(db, commit=False)
            raise
        else:
            self._finish(db, commit=write)
        self._pool.put(db)

    def _finish(self, db: Any, commit: bool) -> None:
        db.commit() if commit else db.rollback()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                return

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _q(self, db: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (written with ``?``) and return the cursor."""
        if self.param != "?":
            sql = sql.replace("?", self.param)
        return db.execute(sql, tuple(params))

    # -- what the backends supply ---------------------------------------------------------------------------
    @abstractmethod
    def _insert_events(self, db: Any, rows: list[tuple], first_new_id: int) -> int:
        """Write event rows (EVENT_COLUMNS order), skipping keys already stored; return how many were written."""

    @abstractmethod
    def _stored_keys(self, db: Any, keys: list[int]) -> set[int]:
        """Which of these keys are stored already (so a second upload of a file builds no rows)."""

    @abstractmethod
    def _bbox_sql(self, bbox: tuple[float, float, float, float]) -> tuple[str, list]:
        """A condition on ``e`` that keeps events whose extent meets the box."""

    def _contains_sql(self, column: str) -> str:
        """A condition: ``column`` (case-folded text) contains the parameter."""
        return f"instr({column}, ?) > 0"

    def _minus_span_sql(self) -> str:
        """A date parameter less the longest event span stored (meta 'span', in days)."""
        return "date(?, '-' || coalesce((SELECT value FROM meta WHERE name = 'span'), 0) || ' days')"

    def _date(self, d: dt.date) -> Any:
        return d.isoformat()

    _insert_ignore = ("INSERT OR IGNORE INTO", "")

    # -- writing --------------------------------------------------------------------------------------------
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
        with bulk():
            table = EventTable.of(events)
            keys = list(map(key_number, table.keys()))
        try:
            with self._session(write=True) as db:
                upload_id = self._new_upload(
                    db,
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
                first_new_id = (self._q(db, "SELECT max(id) FROM events").fetchone()[0] or 0) + 1
                with bulk():
                    event_rows = self._event_rows(db, table, keys, upload_id)
                accepted = self._insert_events(db, event_rows, first_new_id) if event_rows else 0
                for r in reports:
                    self._q(db, "DELETE FROM reports WHERE report_id = ?", (r.report_id,))
                    self._q(
                        db,
                        "INSERT INTO reports (report_id, upload_id, body) VALUES (?,?,?)",
                        (r.report_id, upload_id, json.dumps(r.to_dict(), ensure_ascii=False)),
                    )
                self._q(
                    db,
                    "UPDATE uploads SET accepted = ?, duplicates = ? WHERE id = ?",
                    (accepted, len(table) - accepted, upload_id),
                )
        except StoreError:
            raise
        except self._errors() as e:
            raise StoreError(f"could not store the upload, nothing was written: {e}") from e
        return {"accepted": accepted, "duplicates": len(table) - accepted, "upload_id": upload_id}

    def _errors(self) -> tuple[type[BaseException], ...]:
        return ()

    def _new_upload(self, db: Any, values: tuple) -> int:
        return self._q(
            db,
            "INSERT INTO uploads (file_name, sha256, uploaded_at, username, format, encoding, rows, rejected)"
            " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
            values,
        ).fetchone()[0]

    def _event_rows(self, db: Any, table: EventTable, keys: list[int], upload_id: int) -> list[tuple]:
        """The events not stored yet as rows of EVENT_COLUMNS; within the upload, each key's first event."""
        c = table.columns
        stored = self._stored_keys(db, keys)
        if stored or len(set(keys)) < len(keys):
            seen: set[int] = set(stored)
            keep = [not (k in seen or seen.add(k)) for k in keys]
            keys = list(compress(keys, keep))
            c = {name: list(compress(col, keep)) for name, col in c.items()}
        n = len(keys)
        if not n:
            return []
        places = {id(p): p for col in (c["place"], c["origin"]) for p in col if p is not None}
        place_ids = self._place_ids(db, places)
        place_ids[id(None)] = None
        unit_ids = self._name_ids(db, "units", c["unit"])
        source_ids = self._name_ids(db, "sources", c["source"])
        dates = {d: (None if d is None else self._date(d)) for col in (c["start"], c["end"]) for d in set(col)}
        start = list(map(dates.__getitem__, c["start"]))
        finish = list(map(dates.__getitem__, c["end"]))
        stop = [f if f is not None else s for s, f in zip(start, finish)]
        undated = self._date(UNDATED)
        span = (
            max((f - b).days for b, f in zip(c["start"], c["end"]) if b is not None and f is not None)
            if any(c["end"])
            else 0
        )
        if span > 0:  # the longest event so far: how far before `since` an event may start and still reach it
            self._q(
                db,
                "INSERT INTO meta (name, value) VALUES ('span', ?) ON CONFLICT (name) DO UPDATE"
                " SET value = CASE WHEN excluded.value > meta.value THEN excluded.value ELSE meta.value END",
                (span,),
            )
        day = [undated if s is None else s for s in start]
        # per distinct place, then looked up per event: a file names far fewer places than it has rows
        lats = {i: p.lat for i, p in places.items()} | {id(None): None}
        lons = {i: p.lon for i, p in places.items()} | {id(None): None}
        place_col, origin_col = list(map(id, c["place"])), list(map(id, c["origin"]))
        pcells = {i: _cell(p.lat, p.lon, GRID) for i, p in places.items()} | {id(None): None}
        rcells = {i: _cell(p.lat, p.lon, ROUTE_GRID) for i, p in places.items()} | {id(None): None}
        # a movement from a known origin is a route; anything else with a known place is a presence on the map
        is_route = [
            k is Kind.MOVEMENT and o is not None for k, o in zip(c["kind"], map(rcells.__getitem__, origin_col))
        ]
        pcell = [None if r else pcells[i] for r, i in zip(is_route, place_col)]
        rcell = [
            (rcells[o] * 100_000 + rcells[i]) if r and rcells[i] is not None else None
            for r, i, o in zip(is_route, place_col, origin_col)
        ]
        strength = c["strength"]
        if any(s is not None and not -MAX_INT <= s <= MAX_INT for s in strength):
            strength = [s if s is None or -MAX_INT <= s <= MAX_INT else str(s) for s in strength]
        approx = c["strength_approx"]
        if not all(a is True or a is False for a in approx):
            approx = [bool(a) for a in approx]
        return list(
            zip(
                keys,
                [upload_id] * n,
                list(map(_KIND_TEXT.__getitem__, c["kind"])),
                list(map(place_ids.__getitem__, place_col)),
                list(map(place_ids.__getitem__, origin_col)),
                start,
                finish,
                stop,
                day,
                list(map(_PRECISION_TEXT.__getitem__, c["precision"])),
                list(map(unit_ids.get, c["unit"])),
                strength,
                approx,
                c["confidence"],
                c["confidence_label"],
                c["reliability"],
                list(map(source_ids.get, c["source"])),
                c["source_url"],
                c["report_id"],
                c["event_id"],
                c["evidence"],
                c["notes"],
                [json.dumps(x, ensure_ascii=False, default=str) if x else None for x in c["extra"]],
                list(map(lats.__getitem__, place_col)),
                list(map(lons.__getitem__, place_col)),
                list(map(lats.__getitem__, origin_col)),
                list(map(lons.__getitem__, origin_col)),
                pcell,
                rcell,
            )
        )

    def _place_ids(self, db: Any, places: dict[int, Place]) -> dict[int, int | None]:
        """Row ids of places (by object id), adding the ones not stored yet. A place is stored once by content."""
        bodies = {i: place_body(p) for i, p in places.items()}
        digests = {b: _digest(b) for b in set(bodies.values())}
        found = self._ids_by(db, "places", "digest", list(digests.values()))
        new = [(d, b) for b, d in digests.items() if d not in found]
        if new:
            by_digest = {d: b for d, b in new}
            rows = []
            for i, p in places.items():
                d = digests[bodies[i]]
                if d in by_digest:
                    rows.append((d, by_digest.pop(d), p.lat, p.lon))
            ins, tail = self._insert_ignore
            self._executemany(db, f"{ins} places (digest, body, lat, lon) VALUES (?,?,?,?){tail}", rows)
            found |= self._ids_by(db, "places", "digest", [d for d, _ in new])
        return {i: found[digests[b]] for i, b in bodies.items()}

    def _name_ids(self, db: Any, table: str, names: list[str | None]) -> dict[str, int]:
        """Row ids of unit or source names, adding new ones (with their case-folded form, for substring filters)."""
        wanted = {n for n in set(names) if n is not None}
        found = self._ids_by(db, table, "name", list(wanted))
        new = [(n, n.casefold()) for n in wanted if n not in found]
        if new:
            ins, tail = self._insert_ignore
            self._executemany(db, f"{ins} {table} (name, fold) VALUES (?,?){tail}", new)
            found |= self._ids_by(db, table, "name", [n for n, _ in new])
        return found

    def _ids_by(self, db: Any, table: str, column: str, values: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {column}, id FROM {table} WHERE {column} IN ({marks})"  # noqa: S608 (names are ours)
            out.update(self._q(db, sql, chunk).fetchall())
        return out

    def _executemany(self, db: Any, sql: str, rows: list[tuple]) -> None:
        if self.param != "?":
            sql = sql.replace("?", self.param)
        db.cursor().executemany(sql, rows)

    def cache_put(self, provider: str, query: str, body: Any) -> None:
        with self._session(write=True) as db:
            self._q(db, "DELETE FROM geocache WHERE provider = ? AND query = ?", (provider, query))
            self._q(
                db,
                "INSERT INTO geocache (provider, query, body, fetched_at) VALUES (?,?,?,?)",
                (
                    provider,
                    query,
                    json.dumps(body, ensure_ascii=False),
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )

    # -- reading --------------------------------------------------------------------------------------------
    def where(self, f: Filters | None) -> tuple[str, list]:
        """The SQL condition (on ``events e``) for the filters, and its parameters."""
        if f is None:
            return "1=1", []
        parts, params = [], []
        if f.since:
            # an event reaches `since` if it ends on or after it; it starts at most the longest span before it,
            # which lets the day index narrow the rows read
            parts.append(f"e.stop >= ? AND e.day >= {self._minus_span_sql()}")
            params += [self._date(f.since), self._date(f.since)]
        if f.until:
            parts.append("e.day <= ?")  # the start, on the index pages are read in (undated: 9999-12-31)
            params.append(self._date(f.until))
        if f.min_confidence:
            parts.append("e.confidence <= ?")
            params.append(f.min_confidence)
        if f.unit:
            parts.append(f"e.unit_id IN (SELECT id FROM units WHERE {self._contains_sql('fold')})")  # noqa: S608
            params.append(f.unit.casefold())
        if f.source:
            parts.append(f"e.source_id IN (SELECT id FROM sources WHERE {self._contains_sql('fold')})")  # noqa: S608
            params.append(f.source.casefold())
        if f.report:
            parts.append("e.report_id = ?")
            params.append(f.report)
        if f.bbox:
            sql, p = self._bbox_sql(f.bbox)
            parts.append(sql)
            params.extend(p)
        return " AND ".join(parts) or "1=1", params

    def count(self, filters: Filters | None = None) -> int:
        where, params = self.where(filters)
        with self._session() as db:
            return self._q(db, f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]  # noqa: S608

    def version(self) -> int:
        """Changes whenever an upload is stored: what cached views of the store are keyed on."""
        with self._session() as db:
            return self._q(db, "SELECT coalesce(max(id), 0) FROM uploads").fetchone()[0]

    def events(self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0) -> list[Event]:
        """Events in date order (undated last; in the order they were stored within a day), filtered, paged."""
        return [e for _, e in self.events_with_ids(filters, limit=limit, offset=offset)]

    def events_with_ids(
        self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0, extra_sql: str = ""
    ) -> list[tuple[int, Event]]:
        """Like :meth:`events`, each with its row id (what :meth:`event` takes)."""
        where, params = self.where(filters)
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        sql = f"SELECT {_EVENT_SELECT} FROM {_FROM} WHERE {where}{extra_sql} {_ORDER}{page}"  # noqa: S608
        with self._session() as db, bulk():
            rows = self._q(db, sql, params).fetchall()
            return self._build(db, rows)

    def event(self, event_id: int) -> Event | None:
        """One event by its row id, with everything it holds (for the details of a clicked feature)."""
        with self._session() as db, bulk():
            rows = self._q(db, f"SELECT {_EVENT_SELECT} FROM {_FROM} WHERE e.id = ?", (event_id,)).fetchall()  # noqa: S608
            return self._build(db, rows)[0][1] if rows else None

    def _build(self, db: Any, rows: list[tuple]) -> list[tuple[int, Event]]:
        ids = {i for r in rows for i in (r[1], r[2]) if i is not None}
        places: dict[int | None, Place | None] = {None: None}
        if len(ids) > 20_000:
            found = self._q(db, "SELECT id, body FROM places").fetchall()
        else:
            found = self._place_bodies(db, ids)
        places.update((i, Place.from_dict(json.loads(b))) for i, b in found)
        dates: dict[Any, dt.date | None] = {None: None}
        out = []
        for r in rows:
            v = list(r[:-1])
            v[0] = _KINDS[v[0]]
            v[1] = places[v[1]]
            v[2] = places[v[2]]
            for k in (3, 4):
                d = v[k]
                if d not in dates:
                    dates[d] = d if isinstance(d, dt.date) else dt.date.fromisoformat(d)
                v[k] = dates[d]
            v[5] = _PRECISIONS[v[5]]
            if v[7] is not None and not isinstance(v[7], int):
                v[7] = int(v[7])  # a strength too wide for 64 bits (text), or PostgreSQL's numeric
            v[8] = bool(v[8])
            v[18] = json.loads(v[18]) if v[18] else {}
            out.append((r[-1], Event.from_values(v)))
        return out

    def facets(self, filters: Filters | None = None) -> dict[str, Any]:
        """What the filter widgets offer: the date range, the units, sources and report ids stored."""
        with self._session() as db:
            lo, hi = self._q(db, "SELECT min(start), max(stop) FROM events").fetchone()
            units = [n for (n,) in self._q(db, "SELECT name FROM units ORDER BY name")]
            sources = [n for (n,) in self._q(db, "SELECT name FROM sources ORDER BY name")]
            reports = [
                r
                for (r,) in self._q(
                    db, "SELECT DISTINCT report_id FROM events WHERE report_id IS NOT NULL ORDER BY report_id"
                )
            ]
        as_date = lambda d: d if d is None or isinstance(d, dt.date) else dt.date.fromisoformat(d)  # noqa: E731
        return {"since": as_date(lo), "until": as_date(hi), "units": units, "sources": sources, "reports": reports}

    def frame(self, filters: Filters | None = None, *, limit: int | None = None, offset: int = 0):
        """The filtered events as a GeoDataFrame (EPSG:4326): one row per event, text columns as stored,
        geometry a line from origin to place for a movement, the place's point otherwise, empty when unresolved."""
        from geo.frames import events_frame

        return events_frame(self.events(filters, limit=limit, offset=offset))

    def map_summary(self, filters: Filters | None, max_routes: int = 20_000) -> dict[str, Any]:
        """The filtered mapped events gathered for a map at scale, in one snapshot.

        ``presences``: per GRID cell: count, best (lowest) confidence, mean point, one of its place ids, first and
        last day. ``routes``: movements per pair of ROUTE_GRID cells (origin, place): count, best confidence, mean
        origin, mean place, an origin and a place id, first and last day; the ``max_routes`` busiest only, with
        ``route_groups`` and ``movements`` counting all of them. Unresolved events are left out (see
        :meth:`count_unmapped`).
        """
        where, params = self.where(filters)
        presences_sql = (
            f"SELECT count(*), min(e.confidence), avg(e.lat), avg(e.lon), min(e.place_id), min(e.start), max(e.stop)"  # noqa: S608
            f" FROM events e WHERE {where} AND e.pcell IS NOT NULL GROUP BY e.pcell"
        )
        routes_sql = (
            f"SELECT count(*), min(e.confidence), avg(e.olat), avg(e.olon), avg(e.lat), avg(e.lon),"  # noqa: S608
            f" min(e.origin_id), min(e.place_id), min(e.start), max(e.stop), count(*) OVER (), sum(count(*)) OVER ()"
            f" FROM events e WHERE {where} AND e.rcell IS NOT NULL GROUP BY e.rcell ORDER BY count(*) DESC LIMIT ?"
        )
        with self._session() as db:
            presences = self._q(db, presences_sql, params).fetchall()
            routes = self._q(db, routes_sql, [*params, max_routes]).fetchall()
            ids = {r[4] for r in presences} | {i for r in routes for i in (r[6], r[7])}
            names = self._place_names(db, ids)
        groups, movements = (routes[0][10], int(routes[0][11])) if routes else (0, 0)
        return {
            "presences": presences,
            "routes": [r[:10] for r in routes],
            "route_groups": groups,
            "movements": movements,
            "names": names,
            "cell": GRID,
            "route_cell": ROUTE_GRID,
        }

    def _place_names(self, db: Any, ids: set) -> dict[int, str]:
        out: dict[int, str] = {}
        for pid, body in self._place_bodies(db, ids):
            d = json.loads(body)
            out[pid] = d.get("name") or d.get("mention") or "?"
        return out

    def _place_bodies(self, db: Any, ids: set) -> list[tuple[int, str]]:
        """(id, body) of the places with these ids."""
        found: list[tuple[int, str]] = []
        wanted = [i for i in ids if i is not None]
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            sql = f"SELECT id, body FROM places WHERE id IN ({','.join('?' * len(chunk))})"  # noqa: S608
            found += self._q(db, sql, chunk).fetchall()
        return found

    def count_unmapped(self, filters: Filters | None = None) -> int:
        if filters is not None and filters.bbox:
            return 0  # an unresolved event has no extent: no box holds it
        where, params = self.where(filters)
        with self._session() as db:
            return self._q(db, f"SELECT count(*) FROM events e WHERE {where} AND e.lat IS NULL", params).fetchone()[0]  # noqa: S608

    def unmapped(self, filters: Filters | None = None, *, limit: int = 200) -> list[Event]:
        """Filtered events whose place is unresolved (the map cannot draw them), the first ``limit`` of them."""
        return [e for _, e in self.events_with_ids(filters, limit=limit, extra_sql=" AND e.lat IS NULL")]

    def cache_get(self, provider: str, query: str) -> Any | None:
        with self._session() as db:
            row = self._q(
                db, "SELECT body FROM geocache WHERE provider = ? AND query = ?", (provider, query)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def reports(self) -> list[Report]:
        with self._session() as db:
            rows = self._q(db, "SELECT body FROM reports ORDER BY report_id").fetchall()
        return [Report.from_dict(json.loads(b)) for (b,) in rows]

    def report_ids(self) -> list[tuple[str, str | None]]:
        """(report_id, title) of every stored report, in id order."""
        return [(r.report_id, r.title) for r in self.reports()]

    def report(self, report_id: str) -> Report | None:
        with self._session() as db:
            row = self._q(db, "SELECT body FROM reports WHERE report_id = ?", (report_id,)).fetchone()
        return Report.from_dict(json.loads(row[0])) if row else None

    def uploads(self) -> list[dict[str, Any]]:
        with self._session() as db:
            cur = self._q(
                db,
                "SELECT id, file_name, sha256, uploaded_at, username, format, encoding, rows, accepted, duplicates,"
                " rejected FROM uploads ORDER BY id",
            )
            names = [d[0] for d in cur.description]
            rows = cur.fetchall()
        return [{("user" if n == "username" else n): v for n, v in zip(names, r)} for r in rows]
