"""Events as a GeoDataFrame (geopandas): the shape exports, tables and GIS formats take. No folium here.

Coordinates are (lon, lat), as GIS tools and GeoJSON order them; the events hold (lat, lon).
"""

from __future__ import annotations

from collections.abc import Sequence

from shapely.geometry import LineString, Point

from geo.confidence import ADMIRALTY_LABELS
from geo.model import Event, Kind


def _geometry(e: Event) -> Point | LineString | None:
    """A movement whose origin is known: the line origin -> place; else the place's point; unresolved: None."""
    p, o = e.place, e.origin
    if not (p and p.resolved):
        return None
    if e.kind is Kind.MOVEMENT and o and o.resolved:
        return LineString([(o.lon, o.lat), (p.lon, p.lat)])  # (x, y) is (lon, lat)
    return Point(p.lon, p.lat)


FRAME_COLUMNS = [
    "event_id",
    "report_id",
    "kind",
    "start",
    "end",
    "precision",
    "unit",
    "strength",
    "strength_approx",
    "confidence",
    "confidence_label",
    "confidence_text",
    "reliability",
    "source",
    "source_url",
    "place",
    "place_name",
    "place_status",
    "origin",
    "origin_name",
    "evidence",
    "notes",
]


def events_frame(events: Sequence[Event]):
    """The events as a GeoDataFrame in EPSG:4326 (lon, lat): a line from origin to place for a movement whose
    origin is known, the place's point otherwise, no geometry when the place is unresolved (the row is kept)."""
    import geopandas as gpd
    import pandas as pd

    rows = []
    for e in events:
        p, o = e.place, e.origin
        rows.append(
            {
                "event_id": e.event_id,
                "report_id": e.report_id,
                "kind": e.kind.value,
                "start": e.start,
                "end": e.end,
                "precision": e.precision.value,
                "unit": e.unit,
                # GIS formats hold 64-bit integers at most: a wider strength is kept as its digits in notes' place
                "strength": e.strength if e.strength is None or abs(e.strength) < 2**63 else None,
                "strength_approx": e.strength_approx,
                "confidence": e.confidence,
                "confidence_label": e.confidence_label,
                "confidence_text": ADMIRALTY_LABELS.get(e.confidence, "No confidence stated"),
                "reliability": e.reliability,
                "source": e.source,
                "source_url": e.source_url,
                "place": p.mention if p else None,
                "place_name": p.name if p else None,
                "place_status": p.status if p else None,
                "origin": o.mention if o else None,
                "origin_name": o.name if o else None,
                "evidence": e.evidence,
                "notes": e.notes,
            }
        )
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    for c in ("start", "end"):
        frame[c] = pd.to_datetime(frame[c])
    for c in ("strength", "confidence"):
        frame[c] = frame[c].astype("Int64")
    geometry = [_geometry(e) for e in events]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"))
