import datetime as dt
import re

from geo.confidence import ADMIRALTY_LABELS
from geo.mapping import MapOptions, build_map, map_html, popup_html, safe_html, unmapped
from geo.model import Event, Kind, Place
from geo.symbols import symbol_svg, unit_sidc

VL = Place("Vladivostok", "Vladivostok", 43.1, 131.9, status="matched")


def ev(**kw):
    return Event(**{"kind": Kind.PRESENCE, "place": VL, "start": dt.date(2024, 10, 8), "confidence": 3, **kw})


def test_export_needs_no_network():
    html = map_html([ev()], MapOptions(inline=True))
    urls = set(re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html))
    assert urls == set(), urls  # every script and stylesheet is inlined
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html and "tile.openstreetmap" not in html


def test_dashboard_map_loads_scripts_from_the_app_itself():
    html = build_map([ev()], MapOptions(inline=False)).get_root().render()
    assert "/app/static/leaflet.js" in html and "cdn." not in html


def test_online_tiles_are_an_option():
    html = build_map([ev()], MapOptions(inline=False, tiles="osm")).get_root().render()
    assert "tile.openstreetmap.org" in html


def test_popup_escapes_html_and_template_literals():
    bad = "<script>x()</script> ${x()} `x` \\"
    html = popup_html(ev(unit=bad, evidence=bad, source=bad, report_id=bad, confidence_label=bad))
    assert "<script>" not in html and "${" not in html and "`" not in html and "\\" not in html
    assert "&lt;script&gt;" in html and "&#36;&#123;x()&#125;" in html
    assert 'href="/Sources?report=%3Cscript%3E' in html  # the report link is URL-encoded too


def test_popup_says_what_an_analyst_needs():
    html = popup_html(
        ev(
            unit="SOF",
            strength=1500,
            strength_approx=True,
            confidence_label="possibly true",
            reliability="B",
            source="NIS",
            report_id="R1",
            evidence="They were seen.",
        )
    )
    for text in [
        "2024-10-08",
        "SOF",
        "about 1 500",
        "3 – Possibly true",
        "possibly true",
        "B – Usually reliable",
        "NIS",
        "R1",
        "They were seen.",
    ]:
        assert text in html, text


def test_legend_uses_the_admiralty_labels():
    html = map_html([ev()], MapOptions(inline=True))
    for label in ADMIRALTY_LABELS.values():
        assert safe_html(label) in html


def test_unresolved_events_are_listed_not_dropped():
    lost = ev(place=Place("Xanadu"))
    assert unmapped([ev(), lost]) == [lost]


def test_units_of_known_type_get_a_symbol():
    assert unit_sidc("KPA special operations forces")[10:16] == "121700"
    assert unit_sidc("3rd Marine Brigade")[8:10] == "18"
    assert unit_sidc("soldiers") is None
    svg = symbol_svg(unit_sidc("infantry brigade"), "about 1 500")
    assert svg.startswith("<svg") and "1 500" in svg
    html = map_html([ev(unit="special forces")], MapOptions(inline=True))
    assert "tm-symbol" in html and '"sym":"\\u003csvg' in html  # the SVG travels as escaped JSON


def test_the_sample_story_shows_the_vladivostok_transfer_once_with_both_sources(geocoder):
    from geo.ingest import read_upload
    from geo.mapping import event_records
    from tests.conftest import ROOT

    events = []
    for name in ("sample_movements.csv", "sample_reports.csv"):
        events += read_upload((ROOT / "data" / name).read_bytes(), geocoder).events
    arrows = [r for r in event_records(events) if r["k"] == "m" and abs(r["to"][0] - 43.1) < 0.1]
    assert len(arrows) == 1, [r["tip"] for r in arrows]  # the structured row and the report's sentence: one fact
    assert "Told by 2 reports" in arrows[0]["pop"] and "report=R001" in arrows[0]["pop"]
    # the Kremlin's denial is shown on the claim it denies, not drawn as a sighting of its own
    denied = [r for r in event_records(events) if "Denied by" in r["pop"]]
    assert denied and "Kremlin" in denied[0]["pop"]
    assert "2024-10-08" in arrows[0]["tip"]  # the date is on the hover tip


def test_legend_folds_on_the_dashboard_and_is_open_on_images():
    dashboard = build_map([ev()], MapOptions(inline=False)).get_root().render()
    image = build_map([ev()], MapOptions(inline=True, interactive=False)).get_root().render()
    assert 'tm-legend\\" open' not in dashboard and "\\u003csummary" in dashboard  # folded to its title
    assert 'tm-legend\\" open' in image  # a slide shows the whole legend
