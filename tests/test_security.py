"""Text from an upload never runs: real payloads through ingest and every export of the command line.

The payloads live in tests/fixtures/hostile_*.csv: a Jinja expression that would create a file in the working
folder, Wikipedia-style {{cite …}} text, HTML and JavaScript, Markdown images pointing at a local port, live
spreadsheet formulas and control characters. The browser half (the four pages, the exported map, the briefing
pack) is in test_browser.py.
"""

import csv
import html
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from geo.escape import html_text, inert_json, markdown_text, xml_text
from tests.conftest import FIXTURES, ROOT

MARKER = "pwned-by-template"  # the file the fixture's Jinja payload would create
JINJA = "{{ lipsum.__globals__.os.popen('touch pwned-by-template').read() }}"


def geo(*args, cwd, db):
    env = {**os.environ, "TROOPMAP_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "geo", *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A store holding both hostile fixtures, ingested from a folder the payload would write into."""
    work = tmp_path_factory.mktemp("hostile")
    db = work / "store.db"
    for name in ("hostile_movements.csv", "hostile_reports.csv"):
        p = geo("ingest", FIXTURES / name, cwd=work, db=db)
        assert p.returncode in (0, 1), p.stderr
    return work, db


@pytest.mark.parametrize("fmt", ["html", "csv", "kml", "geojson"])
def test_exports_keep_every_payload_as_text(hostile_store, fmt):
    work, db = hostile_store
    p = geo("export", "--format", fmt, cwd=work, db=db)
    assert p.returncode == 0, p.stderr[-2000:]
    assert not (work / MARKER).exists(), "a Jinja expression from a CSV cell ran on the server"
    assert "TemplateSyntaxError" not in p.stderr and "Traceback" not in p.stderr
    assert "uid=" not in p.stdout
    if fmt == "html":
        # the payload reaches the page as JSON data; the browser shows it verbatim (test_browser.py checks that)
        assert "lipsum.__globals__" in p.stdout and "{{ lipsum" not in p.stdout and "{{cite" not in p.stdout
        assert "<script>window.__pwned" not in p.stdout and "<img src=x" not in p.stdout
    if fmt == "kml":
        root = ET.fromstring(p.stdout.encode("utf-8"))  # raises on characters XML cannot hold
        names = [n.text or "" for n in root.iter("{http://www.opengis.net/kml/2.2}name")]
        assert names and not any("<" in n or "\x1b" in n for n in names)
    if fmt == "geojson":
        units = {f["properties"]["unit"] for f in json.loads(p.stdout)["features"]}
        assert JINJA in units  # data formats keep the text exactly as typed


def test_csv_export_has_no_live_formula(hostile_store):
    work, db = hostile_store
    rows = list(csv.reader(io.StringIO(geo("export", "--format", "csv", cwd=work, db=db).stdout)))
    cells = [c for r in rows[1:] for c in r]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'@SUM") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not _number(c))]


def _number(s):
    try:
        float(s)
    except ValueError:
        return False
    return True


def test_export_round_trip_keeps_the_payload_text(hostile_store, tmp_path):
    """Exported, then read back: the units are the text that was typed, not the escaped form."""
    work, db = hostile_store
    out = tmp_path / "events.csv"
    out.write_text(geo("export", "--format", "csv", cwd=work, db=db).stdout, encoding="utf-8")
    db2 = tmp_path / "again.db"
    assert geo("ingest", out, cwd=tmp_path, db=db2).returncode in (0, 1)
    units = {
        f["properties"]["unit"]
        for f in json.loads(geo("export", "--format", "geojson", cwd=work, db=db2).stdout)["features"]
    }
    assert JINJA in units and '=HYPERLINK("http://127.0.0.1:47123/formula","click")' in units


def test_inert_json_reads_back_to_the_same_data_and_holds_no_template_or_tag():
    data = [{"a": JINJA, "b": "{% x %} {# y #} </script><!--", "c": [1, 2.5, None, True], "d": "'\u2028"}]
    text = inert_json(data)
    assert json.loads(text) == data
    for bad in ("{{", "{%", "{#", "</", "<!--", "'"):
        assert bad not in text


def test_html_text_stops_markup_template_and_template_literal():
    s = html_text("<b>{{x}}</b> ${y} `z` \\")
    assert "<" not in s and "{" not in s and "$" not in s and "`" not in s and "\\" not in s


@pytest.mark.parametrize(
    "payload",
    ["![x](http://127.0.0.1:47123/b.png)", "[link](http://h/)", "$\\href{http://h}{x}$", "**bold** <b>x</b>", "# h"],
)
def test_markdown_text_has_no_live_syntax(payload):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(markdown_text(payload))
    assert "<img" not in rendered and "<a " not in rendered and "<strong>" not in rendered and "<h1>" not in rendered
    assert "$" not in markdown_text(payload) and "http:" not in markdown_text(payload)  # no LaTeX, no bare URL
    assert (
        MarkdownIt("commonmark").render(markdown_text(payload)).strip() == f"<p>{html.escape(payload, quote=False)}</p>"
    )


def test_xml_text_drops_what_xml_cannot_hold():
    assert xml_text("a\x00b\x1bc\x0bd\ud800e\tf\n") == "abcde\tf\n"
