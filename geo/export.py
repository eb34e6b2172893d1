"""Write filtered events out: CSV (safe in a spreadsheet), GeoJSON, KML, standalone HTML.

Report text is untrusted: a CSV cell that a spreadsheet would run as a formula is prefixed with a quote,
KML descriptions are HTML-escaped before XML escaping (Google Earth renders them as HTML).
"""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from geo.escape import xml_text
from geo.mapping import STYLE, date_text, strength_text
from geo.model import Event, Kind
from geo.spreadsheet import safe_cell

CSV_COLUMNS = [
    "event_id",
    "report_id",
    "start_date",
    "end_date",
    "kind",
    "unit",
    "strength",
    "origin",
    "destination",
    "origin_lat",
    "origin_lon",
    "destination_lat",
    "destination_lon",
    "confidence",
    "source_reliability",
    "source",
    "source_url",
    "notes",
    "evidence",
    "precision",
]


def to_csv(events: Sequence[Event]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in events:
        o, p = e.origin, e.place
        strength = "" if e.strength is None else (f"~{e.strength}" if e.strength_approx else e.strength)
        w.writerow(
            [
                safe_cell(v)
                for v in [
                    e.event_id,
                    e.report_id,
                    e.start.isoformat() if e.start else None,
                    e.end.isoformat() if e.end else None,
                    e.kind.value,
                    e.unit,
                    strength,
                    o.mention if o else None,
                    p.mention if p else None,
                    o.lat if o else None,
                    o.lon if o else None,
                    p.lat if p else None,
                    p.lon if p else None,
                    e.confidence_label or e.confidence,
                    e.reliability,
                    e.source,
                    e.source_url,
                    e.notes,
                    e.evidence,
                    e.precision.value,
                ]
            ]
        )
    return out.getvalue()


def _geometry(e: Event) -> dict | None:
    p, o = e.place, e.origin
    if not (p and p.resolved):
        return None
    if e.kind is Kind.MOVEMENT and o and o.resolved:
        return {"type": "LineString", "coordinates": [[o.lon, o.lat], [p.lon, p.lat]]}  # GeoJSON is (lon, lat)
    return {"type": "Point", "coordinates": [p.lon, p.lat]}


def to_geojson(events: Sequence[Event]) -> str:
    feats = []
    for e in events:
        props = {k: v for k, v in e.to_dict().items() if k not in {"place", "origin", "extra"}}
        props["place"] = e.place.mention if e.place else None
        props["place_name"] = e.place.name if e.place else None
        props["place_status"] = e.place.status if e.place else None
        props["origin"] = e.origin.mention if e.origin else None
        props["confidence_text"] = STYLE.get(e.confidence, STYLE[None])["label"]
        feats.append({"type": "Feature", "geometry": _geometry(e), "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, indent=1)


def _kml_color(hex_rgb: str, alpha: str = "ff") -> str:
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return alpha + b + g + r  # KML colours are aabbggrr


def to_kml(events: Sequence[Event], name: str = "troopmap events") -> str:
    ns = "http://www.opengis.net/kml/2.2"
    ET.register_namespace("", ns)
    kml = ET.Element(f"{{{ns}}}kml")
    doc = ET.SubElement(kml, f"{{{ns}}}Document")
    ET.SubElement(doc, f"{{{ns}}}name").text = xml_text(name)
    for k, s in STYLE.items():
        st = ET.SubElement(doc, f"{{{ns}}}Style", id=f"conf{k or 0}")
        ls = ET.SubElement(st, f"{{{ns}}}LineStyle")
        ET.SubElement(ls, f"{{{ns}}}color").text = _kml_color(s["color"])
        ET.SubElement(ls, f"{{{ns}}}width").text = "3"
        ic = ET.SubElement(st, f"{{{ns}}}IconStyle")
        ET.SubElement(ic, f"{{{ns}}}color").text = _kml_color(s["color"])
    for e in events:
        geom = _geometry(e)
        if geom is None:
            continue
        pm = ET.SubElement(doc, f"{{{ns}}}Placemark")
        # Google Earth renders <name> and <description> as HTML: escape for HTML here, ElementTree escapes for XML,
        # and characters XML 1.0 cannot hold at all (NUL, ESC, VT…) are dropped, or the file would not open
        ET.SubElement(pm, f"{{{ns}}}name").text = html.escape(xml_text(e.label))
        desc = (
            f"{date_text(e)}; strength {strength_text(e)}; confidence "
            f"{e.confidence or '-'} {STYLE.get(e.confidence, STYLE[None])['label']}; source {e.source or '-'}"
            f"; report {e.report_id or '-'}\n{e.evidence or ''}"
        )
        ET.SubElement(pm, f"{{{ns}}}description").text = html.escape(xml_text(desc))
        ET.SubElement(pm, f"{{{ns}}}styleUrl").text = f"#conf{e.confidence or 0}"
        if e.start:
            ts = ET.SubElement(pm, f"{{{ns}}}TimeSpan")
            ET.SubElement(ts, f"{{{ns}}}begin").text = e.start.isoformat()
            ET.SubElement(ts, f"{{{ns}}}end").text = (e.end or e.start).isoformat()
        coords = geom["coordinates"] if geom["type"] == "LineString" else [geom["coordinates"]]
        tag = "LineString" if geom["type"] == "LineString" else "Point"
        g = ET.SubElement(pm, f"{{{ns}}}{tag}")
        if tag == "LineString":
            ET.SubElement(g, f"{{{ns}}}tessellate").text = "1"
        ET.SubElement(g, f"{{{ns}}}coordinates").text = " ".join(f"{x},{y},0" for x, y in coords)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode")
