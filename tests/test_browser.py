"""End-to-end: the dashboard and the exports in headless Chromium, with every request off this machine refused.

In CI (CI=true) a missing Chromium is a failure, not a skip: scripts/setup.sh installs Debian's chromium.
Screenshots go to tests/screenshots/ for a person to look at.
"""

import contextlib
import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from geo.mapping import MapOptions, map_html
from geo.model import Event, Kind, Place
from tests.conftest import FIXTURES, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = ROOT / "tests" / "screenshots"
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "${window.__pwned=1}",
    "`;window.__pwned=1;`",
    "\\",
]


@pytest.fixture(scope="module")
def chromium():
    path = os.environ.get("TROOPMAP_CHROMIUM") or shutil.which("chromium")
    if not path:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests: Chromium is missing (scripts/setup.sh dev installs it)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    from geo.briefing import CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


def offline_page(browser, size=(1400, 900)):
    """A page that refuses every request that does not go to this machine, and records what it refused."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.refused = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "http://127.0.0.1", "http://localhost", "ws://127.0.0.1")):
            return r.continue_()
        page.refused.append(url)
        return r.abort()

    page.route("**/*", route)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def hostile_events():
    out = []
    for i, p in enumerate(PAYLOADS):
        place = Place(p, "Vladivostok" if i % 2 else p, 43.1 + i * 0.3, 131.9 + i * 0.3, status="matched")
        origin = Place("Chongjin", "Chongjin", 41.8, 129.8, status="matched")
        out.append(
            Event(
                Kind.MOVEMENT if i % 2 else Kind.PRESENCE,
                place,
                origin=origin if i % 2 else None,
                start=dt.date(2024, 10, 8 + i),
                unit=p,
                source=p,
                report_id=p,
                evidence=p,
                confidence_label=p,
                confidence=3,
            )
        )
    return out


def test_exported_map_draws_offline_and_runs_no_injected_script(browser, tmp_path):
    html = map_html(hostile_events(), MapOptions(inline=True, title="<b>bold</b> ${x}"))
    assert "http://" not in html.replace("http://www.w3.org", "") or "https://" not in html
    f = tmp_path / "map.html"
    f.write_text(html, encoding="utf-8")
    page = offline_page(browser)
    page.goto(f.as_uri())
    page.wait_for_function("window.troopmapDrawn === 5")
    # open every popup and tooltip, where folium-style code would have run the payloads
    page.evaluate("""() => { for (const k in window) { const m = window[k];
        if (m instanceof L.Map) m.eachLayer(l => { if (l.getPopup && l.getPopup()) { l.openPopup(); }
                                                   if (l.getTooltip && l.getTooltip()) { l.openTooltip(); } }); } }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []
    assert page.refused == []
    text = page.inner_text("body")
    assert "<script>window.__pwned=1</script>" in text and "${window.__pwned=1}" in text
    assert page.locator("path.tm-movement").count() >= 2
    assert page.locator(".leaflet-pane path").count() > 200  # the basemap's countries are drawn too
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "export-hostile.png"))
    page.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dashboard(db: Path, **env: str):
    """The dashboard, started as `scripts/run.sh` starts it, on a free port and its own store."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env={**os.environ, "TROOPMAP_DB": str(db), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the dashboard did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def app(chromium, tmp_path_factory):
    with dashboard(tmp_path_factory.mktemp("app") / "app.db") as url:
        yield url


def map_frame(page):
    page.wait_for_selector("iframe[title*='st_folium'], iframe[src*='streamlit_folium']", timeout=60000)
    for _ in range(120):
        for f in page.frames:
            if "streamlit_folium" in f.url:
                try:
                    if f.evaluate("window.troopmapDrawn") is not None:
                        return f
                except Exception:  # the frame is still loading
                    pass
        page.wait_for_timeout(500)
    raise AssertionError("the map never drew")


def test_map_page_draws_the_sample_movements_offline(browser, app):
    page = offline_page(browser)
    page.goto(app + "/")
    frame = map_frame(page)
    assert frame.evaluate("window.troopmapDrawn") >= 7
    frame.wait_for_selector("path.tm-movement", timeout=30000)  # the Chongjin -> Vladivostok arrow
    # the offline basemap (fetched from the app itself, drawn when it arrives)
    frame.wait_for_function("document.querySelectorAll('.leaflet-pane path').length > 200", timeout=30000)
    assert "Vladivostok" in frame.inner_text("body")  # place labels
    assert page.refused == [], page.refused  # nothing was asked of the internet
    assert "Page not found" not in page.inner_text("body")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "map-page.png"), full_page=True)
    page.close()


def test_timeline_and_sources_pages_render(browser, app):
    page = offline_page(browser)
    page.goto(app + "/Timeline")
    page.wait_for_selector("img[src*='media']", timeout=60000)
    page.screenshot(path=str(SHOTS / "timeline-page.png"), full_page=True)
    page.goto(app + "/Sources?report=R001")
    page.wait_for_selector("mark", timeout=60000)
    assert page.locator("mark").count() >= 4
    page.wait_for_selector("[data-testid='stDataFrame'] canvas", timeout=60000)  # the report's events
    page.wait_for_timeout(1000)  # the grid paints its cells after the canvas appears
    page.screenshot(path=str(SHOTS / "sources-page.png"), full_page=True)
    assert page.refused == []
    page.close()


def test_a_link_to_a_page_opens_it_cleanly_as_the_first_visit(browser, tmp_path):
    """A link someone sends (here to one report's sources) is often the first thing a fresh server is asked."""
    with dashboard(tmp_path / "app.db") as url:
        page = offline_page(browser)
        page.goto(url + "/Sources?report=R001")
        page.wait_for_selector("mark", timeout=60000)
        page.wait_for_timeout(2000)  # Streamlit's "Page not found" dialog came about a second after the page
        assert "Page not found" not in page.inner_text("body")
        assert page.locator("h1").first.inner_text() == "Sources"
        page.close()


def test_upload_page_shows_reasons_and_stores_nothing_until_asked(browser, app):
    page = offline_page(browser)
    page.goto(app + "/Upload")
    page.wait_for_selector("input[type=file]", state="attached", timeout=60000)
    page.set_input_files("input[type=file]", str(FIXTURES / "messy.csv"))
    page.wait_for_selector("text=Rejected rows", timeout=60000)
    page.wait_for_selector("text=Places to fix", timeout=60000)  # the page renders top to bottom
    page.wait_for_selector("text=Events to store", timeout=60000)
    body = page.inner_text("body")
    assert "Places to fix" in body and "Xanadu-on-Thames" in body
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "upload-page.png"), full_page=True)
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_map_image_from_the_command_line_is_slide_sized_and_not_blank(chromium, tmp_path):
    from PIL import Image

    from geo.store import Store

    db = tmp_path / "s.db"
    with Store(db) as s:
        s.add_upload(hostile_events())
    out = tmp_path / "m.png"
    env = {**os.environ, "TROOPMAP_DB": str(db)}
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "export",
            "--format",
            "png",
            "-o",
            str(out),
            "--classification",
            "UNCLASSIFIED // TEST",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert p.returncode == 0, p.stderr
    img = Image.open(out).convert("RGB")
    assert img.size == (1920, 1080)
    assert len(img.resize((64, 36)).getcolors(64 * 36)) > 20  # land, sea, lines, legend: not one flat colour
    SHOTS.mkdir(exist_ok=True)
    img.save(SHOTS / "map-image.png")


def test_a_link_reopens_the_same_view(browser, app):
    page = offline_page(browser)
    page.goto(app + "/?c=51.7000,36.2000&z=7")
    frame = map_frame(page)
    center = frame.evaluate("[window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    assert abs(center[0] - 51.7) < 0.05 and abs(center[1] - 36.2) < 0.05 and center[2] == 7
    frame.evaluate("window.map.setView([48.5, 135.1], 6)")  # the analyst pans to Khabarovsk
    page.wait_for_function("location.search.includes('z=6')", timeout=30000)
    assert "c=48.5" in page.url
    page.close()


def test_a_link_reopens_the_same_moment_of_the_time_control(browser, app):
    page = offline_page(browser)
    page.goto(app + "/?t=2024-10-05")
    frame = map_frame(page)
    assert frame.inner_text(".tm-time span") == "up to 2024-10-01"  # the last event date on or before t
    frame.evaluate("document.querySelector('.tm-time input').value = 99")
    frame.dispatch_event(".tm-time input", "input")
    page.wait_for_function("!location.search.includes('t=')", timeout=30000)  # back to all dates
    # panning makes Streamlit rewrite the URL from its copy of the query, which still has the t it was opened with
    frame.evaluate("Object.values(window).find(v => v instanceof L.Map).setView([44.5, 133.0], 7)")
    page.wait_for_function("location.search.includes('z=7')", timeout=30000)
    page.wait_for_timeout(3000)  # the control puts its t back every 0.5 s; under load Streamlit's rewrite comes late
    assert "t=" not in page.evaluate("location.search")
    page.close()


# ---- hostile uploads (issue #11): the fixtures' payloads, through the four pages and the command line's images ----

BEACON_PORT = 47123  # the port the fixtures' Markdown images, links and formulas point at
JINJA = "{{ lipsum.__globals__.os.popen('touch pwned-by-template').read() }}"


@pytest.fixture
def listener():
    """A local web server on the fixtures' port that records every request: a fetched beacon shows up here."""
    import http.server
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *a):
            pass

    # the fixtures name one port, so tests that listen on it take turns (pytest -n runs them side by side)
    for _ in range(240):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", BEACON_PORT), Handler)
            break
        except OSError:
            time.sleep(0.5)
    else:
        pytest.fail(f"port {BEACON_PORT} stayed busy: the payloads' listener cannot start")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield hits
    server.shutdown()
    server.server_close()


def _ingest_hostile(db: Path, cwd: Path) -> None:
    for name in ("hostile_movements.csv", "hostile_reports.csv"):
        p = subprocess.run(
            [sys.executable, "-m", "geo", "ingest", str(FIXTURES / name)],
            cwd=cwd,
            env={**os.environ, "TROOPMAP_DB": str(db), "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert p.returncode in (0, 1), p.stderr


def _clean(page, where):
    body = page.inner_text("body")
    assert "Traceback" not in body and "TemplateSyntaxError" not in body, where
    for f in page.frames:
        assert f.evaluate("window.__pwned") is None, f"a payload ran on {where} ({f.url})"


def test_hostile_upload_runs_and_fetches_nothing_on_any_page(browser, listener, tmp_path):
    db = tmp_path / "hostile.db"
    _ingest_hostile(db, tmp_path)
    before = set(ROOT.iterdir())
    with dashboard(db) as url:
        page = offline_page(browser)
        # Map, with a source filter whose text is a Markdown image (it is repeated in the caption)
        page.goto(url + "/")
        frame = map_frame(page)
        # every popup's content, put into the page as Leaflet puts it (innerHTML), clustered markers included
        popups = frame.evaluate("""() => { const m = Object.values(window).find(v => v instanceof L.Map);
            const seen = new Set(), out = [];
            const walk = l => { if (l.getLayers) l.getLayers().forEach(walk);
                if (l.getPopup && l.getPopup() && !seen.has(l.getPopup().getContent())) {
                    seen.add(l.getPopup().getContent()); const d = document.createElement('div');
                    d.innerHTML = l.getPopup().getContent(); document.body.appendChild(d); out.push(d.innerText); } };
            m.eachLayer(walk); return out.join('\\n'); }""")
        page.wait_for_timeout(500)  # an <img onerror> would have fired by now
        _clean(page, "Map")
        # the text shows as typed: the template, the markup and the script are there, verbatim
        assert (
            JINJA in popups and '<img src=x onerror="window.__pwned=1">' in popups and "${window.__pwned=1}" in popups
        )
        page.goto(url + "/?source=" + urllib.request.quote("![beacon](http://127.0.0.1:47123/beacon.png)"))
        map_frame(page)
        page.wait_for_timeout(1000)
        assert "![beacon](http://127.0.0.1:47123/beacon.png)" in page.inner_text("body")
        _clean(page, "Map with a filter")
        page.screenshot(path=str(SHOTS / "hostile-map.png"), full_page=True)
        # Sources: the report's text, with its Markdown image, LaTeX and HTML, shown as text
        page.goto(url + "/Sources?report=RH1")
        page.wait_for_selector(".tm-report", timeout=60000)
        page.wait_for_timeout(1000)
        body = page.inner_text("body")
        assert "![beacon](http://127.0.0.1:47123/text.png)" in body and "{{cite news |title=x}}" in body
        assert "![beacon](http://127.0.0.1:47123/source.png)" in body  # the source line under the title
        _clean(page, "Sources")
        page.screenshot(path=str(SHOTS / "hostile-sources.png"), full_page=True)
        # Timeline
        page.goto(url + "/Timeline")
        page.wait_for_selector("img[src*='media']", timeout=60000)
        _clean(page, "Timeline")
        # Upload: the place to fix is named as typed
        page.goto(url + "/Upload")
        page.wait_for_selector("input[type=file]", state="attached", timeout=60000)
        page.set_input_files("input[type=file]", str(FIXTURES / "hostile_movements.csv"))
        page.wait_for_selector("text=Events to store", timeout=60000)
        page.wait_for_timeout(1500)
        assert "![place](http://127.0.0.1:47123/place.png)" in page.inner_text("body")
        _clean(page, "Upload")
        page.screenshot(path=str(SHOTS / "hostile-upload.png"), full_page=True)
        page.close()
    assert listener == [], f"the analyst's browser fetched {listener}"
    assert set(ROOT.iterdir()) == before and not (tmp_path / "pwned-by-template").exists()


def test_table_download_has_no_live_formula(browser, listener, tmp_path):
    """Streamlit's own "Download as CSV" on a dashboard table writes cells as shown: they must be formula-safe."""
    db = tmp_path / "hostile.db"
    _ingest_hostile(db, tmp_path)
    with dashboard(db) as url:
        page = offline_page(browser)
        page.goto(url + "/")
        map_frame(page)
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.wait_for(timeout=60000)
        grid.hover()
        # Streamlit saves through the File System Access API: catch what it writes instead of a native dialog
        page.evaluate("""() => { window.__saved = []; window.showSaveFilePicker = async () => ({
            createWritable: async () => ({close: async () => {}, write: async d => {
                window.__saved.push(typeof d === 'string' ? d : await new Response(d).text()); }})}); }""")
        page.locator("button[aria-label='Download as CSV']").first.click()
        page.wait_for_function("window.__saved.length > 0", timeout=30000)
        text = page.evaluate("window.__saved.join('')")
        page.close()
    assert "HYPERLINK" in text
    import csv
    import io

    cells = [c for row in list(csv.reader(io.StringIO(text)))[1:] for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))], text


def test_briefing_pack_of_hostile_events_runs_nothing(browser, listener, tmp_path):
    db = tmp_path / "hostile.db"
    _ingest_hostile(db, tmp_path)
    out = tmp_path / "pack"
    p = subprocess.run(
        [sys.executable, "-m", "geo", "brief", "--output", str(out)],
        cwd=tmp_path,
        env={**os.environ, "TROOPMAP_DB": str(db), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    assert not (tmp_path / "pwned-by-template").exists()
    page = offline_page(browser)
    page.goto((out / "index.html").as_uri())
    page.wait_for_timeout(500)
    assert "<script>window.__pwned=1</script>" in page.inner_text("body")  # shown, not run
    _clean(page, "briefing pack")
    page.close()
    assert listener == []


def test_the_popup_link_opens_the_report_it_came_from(browser, app):
    page = offline_page(browser)
    page.goto(app + "/")
    frame = map_frame(page)
    # open the popup of an event read from report R001 and click its link, as an analyst would
    frame.evaluate("""() => { const m = Object.values(window).find(v => v instanceof L.Map); let done = false;
        const walk = l => { if (done) return; if (l.getLayers) { l.getLayers().forEach(walk); return; }
            const p = l.getPopup && l.getPopup(); if (p && String(p.getContent()).includes('report=R001')) {
                if (l.getLatLng) m.setView(l.getLatLng(), 9); l.openPopup(); done = true; } };
        m.eachLayer(walk); }""")
    link = frame.locator(".leaflet-popup-content a[href*='report=R001']").first
    link.wait_for(timeout=10000)
    with page.context.expect_page(timeout=30000) as opened:
        link.click()
    report = opened.value
    report.wait_for_selector("mark", timeout=60000)
    assert report.locator("h1").first.inner_text() == "Sources"
    assert "report=R001" in report.url and "between 8 and 13 October" in report.inner_text("body")  # its text
    report.close()
    page.close()


def test_a_viewer_cannot_write_and_every_write_is_in_the_audit_with_its_user(browser, tmp_path):
    """Signed in through a proxy header: a viewer reads, is refused Upload and Audit; an editor's upload is audited."""
    with dashboard(tmp_path / "roles.db", TROOPMAP_AUTH="proxy", TROOPMAP_EDITORS="editor@example.org") as url:
        viewer = browser.new_context(extra_http_headers={"X-Forwarded-Email": "viewer@example.org"})
        page = viewer.new_page()
        page.goto(url + "/Upload")
        page.wait_for_selector("text=Not allowed", timeout=60000)
        assert "viewer@example.org is a viewer" in page.inner_text("body")
        assert page.locator("input[type=file]").count() == 0  # no upload control at all
        page.goto(url + "/Audit")
        page.wait_for_selector("text=Not allowed", timeout=60000)
        page.goto(url + "/")
        map_frame(page)  # a viewer reads the map
        viewer.close()

        editor = browser.new_context(extra_http_headers={"X-Forwarded-Email": "editor@example.org"})
        page = editor.new_page()
        page.goto(url + "/Upload")
        page.wait_for_selector("input[type=file]", state="attached", timeout=60000)
        page.set_input_files("input[type=file]", str(FIXTURES / "messy.csv"))
        page.get_by_role("button", name="Store").click()
        page.wait_for_selector("text=Stored", timeout=60000)
        page.goto(url + "/Audit")
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=60000)
        page.wait_for_timeout(1000)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "audit-page.png"), full_page=True)
        editor.close()
    from geo.store import Store

    with Store(tmp_path / "roles.db") as s:
        users = {u["user"] for u in s.uploads()}
    assert "editor@example.org" in users and "viewer@example.org" not in users


def test_labels_of_many_overlapping_places_never_overlap(browser, tmp_path):
    """45 events at places a few kilometres apart: at every zoom, no two visible place labels meet."""
    events = []
    for i in range(45):
        place = Place(
            f"Village number {i}",
            f"Village number {i}",
            50.0 + (i % 9) * 0.05,
            36.0 + (i // 9) * 0.07,
            status="matched",
        )
        events.append(
            Event(
                Kind.PRESENCE,
                place,
                start=dt.date(2024, 10, 1 + i % 20),
                unit="Rifle company",
                confidence=1 + i % 6,
                source=f"S{i}",
                report_id=f"R{i}",
            )
        )
    f = tmp_path / "crowd.html"
    f.write_text(map_html(events, MapOptions(inline=True)), encoding="utf-8")
    page = offline_page(browser)
    page.goto(f.as_uri())
    page.wait_for_function("window.troopmapDrawn > 0")
    for zoom in (6, 8, 10):
        page.evaluate(f"Object.values(window).find(v => v instanceof L.Map).setZoom({zoom}, {{animate: false}})")
        page.wait_for_timeout(400)
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('.tm-label'))
            .filter(el => getComputedStyle(el).visibility !== 'hidden')
            .map(el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
        assert boxes, f"no label visible at zoom {zoom}"
        clash = [
            (a, b)
            for i, a in enumerate(boxes)
            for b in boxes[i + 1 :]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        ]
        assert not clash, f"{len(clash)} pairs of labels overlap at zoom {zoom}"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "labels-crowd.png"))
    page.close()
