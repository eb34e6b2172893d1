"""The domain model: places, events and reports, as frozen dataclasses.

Everything here is plain data. Readers and the extractor produce these objects, the store keeps them,
the map, the timeline and the exporters draw them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from hashlib import sha256
from json.encoder import encode_basestring
from typing import Any


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of plain objects are built.

    Rows, events and their strings hold no reference cycles, yet every few thousand allocations the collector
    walks all of them again; reading a million-row file spent about half of its time there.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Precision(str, enum.Enum):
    """How precisely a date is known: a report may only say "the week of" or "October 2024"."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Kind(str, enum.Enum):
    MOVEMENT = "movement"  # from an origin (maybe unknown) to a destination
    PRESENCE = "presence"  # at a location


@dataclass(frozen=True)
class Place:
    """A place as a report named it, and what the gazetteer made of it.

    ``status`` is ``matched``, ``ambiguous`` (best guess kept, the others in ``candidates``), ``not_found``
    (kept unresolved so a person can fix it), ``manual`` (coordinates typed or picked by a person) or ``error``
    (a geocoding service failed).
    """

    mention: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    source: str | None = None
    status: str = "not_found"
    uncertainty_km: float | None = None  # a region or an approximate place is drawn as a circle this wide
    candidates: tuple[dict[str, Any], ...] = ()

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in _PLACE_FIELD_NAMES}
        d["candidates"] = list(self.candidates)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d:
            return None
        d = dict(d)
        d["candidates"] = tuple(d.get("candidates") or ())
        return cls(**{k: v for k, v in d.items() if k in _PLACE_FIELDS})


_PLACE_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Place))
_PLACE_FIELDS = set(_PLACE_FIELD_NAMES)


@dataclass(frozen=True)
class Event:
    """One reported movement or presence, with a link back to where it was read."""

    kind: Kind
    place: Place | None  # the destination of a movement, the location of a presence
    origin: Place | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision = Precision.DAY
    unit: str | None = None
    strength: int | None = None
    strength_approx: bool = False
    confidence: int | None = None  # Admiralty information credibility 1-6
    confidence_label: str | None = None  # the words the source used
    reliability: str | None = None  # Admiralty source reliability A-F
    source: str | None = None
    source_url: str | None = None
    report_id: str | None = None
    event_id: str | None = None
    evidence: str | None = None  # the sentence (or row notes) the event was read from
    notes: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in _EVENT_FIELD_NAMES}
        d["kind"] = self.kind.value
        d["precision"] = self.precision.value
        d["start"] = self.start.isoformat() if self.start else None
        d["end"] = self.end.isoformat() if self.end else None
        d["place"] = self.place.to_dict() if self.place else None
        d["origin"] = self.origin.to_dict() if self.origin else None
        return d

    @classmethod
    def from_values(cls, values: Sequence[Any]) -> Event:
        """An event from every field's value, typed and in field order (``Event.FIELDS``).

        Readers and the store build events by the million. The frozen ``__init__`` checks each field as it
        sets it; filling the instance's own (key-sharing, so small) attribute dict directly is several times
        cheaper, and each event takes a third less memory than one built from a dict.
        """
        event = object.__new__(cls)
        attributes = event.__dict__
        for name, value in zip(_EVENT_FIELD_NAMES, values):
            attributes[name] = value
        return event

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        d = {k: v for k, v in d.items() if k in _EVENT_FIELDS}
        d["kind"] = Kind(d["kind"])
        d["precision"] = Precision(d.get("precision") or "day")
        for k in ("start", "end"):
            d[k] = dt.date.fromisoformat(d[k]) if d.get(k) else None
        d["place"] = Place.from_dict(d.get("place"))
        d["origin"] = Place.from_dict(d.get("origin"))
        d["extra"] = d.get("extra") or {}
        return cls(**d)

    def content(self) -> tuple:
        """What tells events without an ``event_id`` apart, as a tuple to compare within one process: every
        field but ``extra``, places by mention and point. :meth:`key` hashes the same content."""
        values = list(map(self.__dict__.__getitem__, _EVENT_CONTENT_NAMES))
        for i in _EVENT_PLACE_POSITIONS:
            if (p := values[i]) is not None:
                values[i] = (p.mention, p.lat, p.lon)
        return tuple(values)

    def key(self) -> str:
        """The event's identity, so that storing it twice changes nothing.

        An event with an ``event_id`` is identified by that id (within its report and source): a second row
        with the same id is the same event, even if its notes differ. Without an id, the content identifies it.
        """
        if self.event_id:
            return _id_key(self.event_id, self.report_id, self.source)
        d = self.to_dict()
        d.pop("extra")
        for p in ("place", "origin"):
            if d[p]:
                d[p] = {k: d[p][k] for k in ("mention", "lat", "lon")}
        blob = json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)
        return sha256(blob.encode()).hexdigest()[:32]

    @property
    def label(self) -> str:
        """A short human label: 'unit: origin → place'."""
        where = self.place.name or self.place.mention if self.place else "?"
        if self.kind is Kind.MOVEMENT and self.origin:
            where = f"{self.origin.name or self.origin.mention} → {where}"
        return f"{self.unit or 'unknown unit'}: {where}"


# the same text as json.dumps(["id", event_id, report_id, source], ensure_ascii=False), built directly:
# a million-row file computes this a million times
_ID_BLOB = '["id", {}, {}, {}]'


def _id_key(event_id: str, report_id: str | None, source: str | None) -> str:
    blob = _ID_BLOB.format(_json_str(event_id), _json_str(report_id), _json_str(source))
    return sha256(blob.encode()).hexdigest()[:32]


def _json_str(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


_EVENT_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Event))
Event.FIELDS = _EVENT_FIELD_NAMES
_EVENT_FIELDS = set(_EVENT_FIELD_NAMES)
_content_fields = [f for f in dataclasses.fields(Event) if f.name != "extra"]
_EVENT_CONTENT_NAMES = tuple(f.name for f in _content_fields)
_EVENT_PLACE_POSITIONS = [i for i, f in enumerate(_content_fields) if f.type == "Place | None"]


class EventTable(Sequence[Event]):
    """Events held column by column, as a large file is read and stored.

    A million-row file becomes a few dozen lists instead of a million objects; an :class:`Event` is built only
    when one is asked for (by index or by iterating), and the store writes the columns as they are.
    ``columns`` maps every name in ``Event.FIELDS`` to a list, all of the same length; ``extra`` may be
    ``None`` for rows that have none.
    """

    def __init__(self, columns: dict[str, list[Any]]):
        self.columns = columns
        self._length = len(columns["kind"])

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventTable:
        if isinstance(events, EventTable):
            return events
        rows = [tuple(map(e.__dict__.__getitem__, _EVENT_FIELD_NAMES)) for e in events]
        columns = list(zip(*rows)) or [()] * len(_EVENT_FIELD_NAMES)
        return cls({name: list(c) for name, c in zip(_EVENT_FIELD_NAMES, columns)})

    def __len__(self) -> int:
        return self._length

    def _rows(self) -> Iterator[tuple]:
        *fields, extra = (self.columns[name] for name in _EVENT_FIELD_NAMES)
        return zip(*fields, (x if x is not None else {} for x in extra))

    def __iter__(self) -> Iterator[Event]:
        return map(Event.from_values, self._rows())

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if not -self._length <= i < self._length:
            raise IndexError(i)
        values = [self.columns[name][i] for name in _EVENT_FIELD_NAMES]
        values[-1] = values[-1] if values[-1] is not None else {}
        return Event.from_values(values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def keys(self) -> list[str]:
        """``Event.key()`` of every row; rows with an ``event_id`` are keyed without building their Event."""
        c = self.columns
        # a file repeats its report ids and sources: quote each distinct one once
        quoted = [list(map({v: _json_str(v) for v in set(c[n])}.__getitem__, c[n])) for n in ("report_id", "source")]
        blobs = map(_ID_BLOB.format, map(_json_str, c["event_id"]), *quoted)
        keys = [sha256(b.encode()).hexdigest()[:32] for b in blobs]
        if None in c["event_id"]:
            for i, event_id in enumerate(c["event_id"]):
                if event_id is None:
                    keys[i] = self[i].key()
        return keys


@dataclass(frozen=True)
class Report:
    """A free-text report as it came in a reports CSV."""

    report_id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        d = dict(d)
        d["published"] = dt.date.fromisoformat(d["published"]) if d.get("published") else None
        return cls(**{k: d.get(k) for k in ("report_id", "text", "published", "source", "language", "title")})


@dataclass(frozen=True)
class Problem:
    """Why one row (1-based, counting the header as row 1) or one column of an input was not taken as it was."""

    row: int
    column: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": self.reason}
