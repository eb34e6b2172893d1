import csv
import io
import json
import xml.etree.ElementTree as ET

from geo import export
from geo.ingest import commit_upload, place_resolver
from geo.readers import read_csv_bytes
from geo.store import Store


def load(store, geocoder, data: bytes):
    return commit_upload(read_csv_bytes(data, place_resolver(geocoder)), store, "f.csv")


def test_exported_csv_cannot_run_formulas_and_numbers_stay_numbers(store, geocoder, fixture_bytes):
    load(store, geocoder, fixture_bytes("messy.csv"))
    text = export.to_csv(store.events())
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r", "\n")), value
            assert not value.startswith("-") or _is_number(value), value
    units = {r["unit"] for r in rows}
    assert "'@SUM(A1:A9)" in units
    vlad = next(r for r in rows if r["destination"] == "Vladivostok")
    assert float(vlad["destination_lat"]) == 43.10562  # written as a plain number


def _is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def test_round_trip_csv_export_and_ingest_gives_the_same_events(store, geocoder, fixture_bytes, tmp_path):
    load(store, geocoder, fixture_bytes("messy.csv"))
    load(store, geocoder, fixture_bytes("acled_current.csv"))
    before = store.events()
    with Store(tmp_path / "empty.db") as other:
        summary = load(other, geocoder, export.to_csv(before).encode())
        after = other.events()
    assert summary["rejected"] == []
    assert len(after) == len(before)

    def key(e):
        return (
            e.event_id,
            e.start,
            e.end,
            e.precision,
            e.unit,
            e.strength,
            e.strength_approx,
            e.confidence,
            e.reliability,
            e.evidence,
            e.place.mention,
            e.place.lat,
            e.place.lon,
            e.origin.mention if e.origin else None,
        )

    assert sorted(map(key, before), key=str) == sorted(map(key, after), key=str)


def test_geojson_is_valid_and_keeps_unresolved_events(store, geocoder, fixture_bytes):
    load(store, geocoder, fixture_bytes("messy.csv"))
    fc = json.loads(export.to_geojson(store.events()))
    assert fc["type"] == "FeatureCollection"
    kinds = {f["geometry"]["type"] if f["geometry"] else None for f in fc["features"]}
    assert kinds == {"LineString", "Point", None}  # the unresolved place is there, with no geometry
    line = next(f for f in fc["features"] if f["geometry"] and f["geometry"]["type"] == "LineString")
    lon, lat = line["geometry"]["coordinates"][1]
    assert (lat, lon) == (43.10562, 131.87353)  # GeoJSON order is lon, lat


def test_kml_has_one_placemark_per_mapped_event_and_escapes_html(store, geocoder, fixture_bytes):
    load(store, geocoder, fixture_bytes("messy.csv"))
    events = store.events()
    kml = export.to_kml(events)
    root = ET.fromstring(kml)
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert len(marks) == sum(1 for e in events if e.place.resolved)
    assert {m.find("k:styleUrl", ns).text for m in marks} <= {f"#conf{i}" for i in range(7)}
    assert root.findall(".//k:LineString", ns)
    # Google Earth renders descriptions as HTML: the parsed text must still be escaped markup
    names = [m.find("k:name", ns).text for m in marks]
    assert any("&lt;img" in n for n in names) and not any("<img" in n for n in names)  # Google Earth may render it
    assert "<img" not in "".join(m.find("k:description", ns).text for m in marks)
