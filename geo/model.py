"""The domain model: places, events and reports, as frozen dataclasses.

Everything here is plain data. Readers and the extractor produce these objects, the store keeps them,
the map, the timeline and the exporters draw them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


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

    def scalars(self) -> dict[str, Any]:
        """Every field but the two places, as JSON-ready values."""
        d = {name: getattr(self, name) for name in _EVENT_SCALAR_NAMES}
        d["kind"] = self.kind.value
        d["precision"] = self.precision.value
        d["start"] = self.start.isoformat() if self.start else None
        d["end"] = self.end.isoformat() if self.end else None
        return d

    def to_dict(self) -> dict[str, Any]:
        d = self.scalars()
        d["place"] = self.place.to_dict() if self.place else None
        d["origin"] = self.origin.to_dict() if self.origin else None
        return d

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

    def key(self) -> str:
        """The event's identity, so that storing it twice changes nothing.

        An event with an ``event_id`` is identified by that id (within its report and source): a second row
        with the same id is the same event, even if its notes differ. Without an id, the content identifies it.
        """
        if self.event_id:
            blob = json.dumps(["id", self.event_id, self.report_id, self.source], ensure_ascii=False)
            return hashlib.sha256(blob.encode()).hexdigest()[:32]
        d = self.to_dict()
        d.pop("extra")
        for p in ("place", "origin"):
            if d[p]:
                d[p] = {k: d[p][k] for k in ("mention", "lat", "lon")}
        blob = json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    @property
    def label(self) -> str:
        """A short human label: 'unit: origin → place'."""
        where = self.place.name or self.place.mention if self.place else "?"
        if self.kind is Kind.MOVEMENT and self.origin:
            where = f"{self.origin.name or self.origin.mention} → {where}"
        return f"{self.unit or 'unknown unit'}: {where}"


_EVENT_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Event))
_EVENT_FIELDS = set(_EVENT_FIELD_NAMES)
_EVENT_SCALAR_NAMES = tuple(n for n in _EVENT_FIELD_NAMES if n not in {"place", "origin"})


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
