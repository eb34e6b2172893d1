"""Filters: what a view asks the store for. Each store turns them into SQL; :meth:`Filters.keep` is the same rule
in Python, for events that are not in a store (and for the tests that hold the two to each other)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.model import Event


@dataclass(frozen=True)
class Filters:
    """The filters shared by `export` and the dashboard (CONTRACT.md), plus the map's bounding box."""

    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: int | None = None  # Admiralty digits: 1 is best, so "at least 3" keeps 1, 2 and 3
    unit: str | None = None  # case-insensitive substring
    report: str | None = None
    source: str | None = None  # case-insensitive substring
    # (south, west, north, east) in degrees: keeps mapped events whose extent (the place, or the box around origin
    # and place) meets the box. West must not exceed east (a box across the antimeridian is two boxes).
    bbox: tuple[float, float, float, float] | None = None

    def describe(self) -> str:
        parts = []
        if self.since or self.until:
            parts.append(f"{self.since or '…'} to {self.until or '…'}")
        if self.min_confidence:
            parts.append(f"confidence 1–{self.min_confidence}")
        for name in ("unit", "report", "source"):
            if v := getattr(self, name):
                parts.append(f"{name}: {v}")
        if self.bbox:
            parts.append("within {:.2f}, {:.2f} – {:.2f}, {:.2f}".format(*self.bbox))
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
        if self.bbox:
            extent = event_extent(e)
            if extent is None:
                return False
            south, west, north, east = self.bbox
            lat0, lon0, lat1, lon1 = extent
            if lat1 < south or lat0 > north or lon1 < west or lon0 > east:
                return False
        return True


def event_extent(e: Event) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) around an event's place and resolved origin; None when its place is unresolved."""
    p, o = e.place, e.origin
    if not (p and p.resolved):
        return None
    lats, lons = [p.lat], [p.lon]
    if o and o.resolved:
        lats.append(o.lat)
        lons.append(o.lon)
    return min(lats), min(lons), max(lats), max(lons)
