"""Briefing outputs: the map and the timeline as slide-sized images, and a briefing pack folder.

The map image is the standalone HTML map (every script inlined, offline basemap) photographed by headless
Chromium, so what the briefer gets is what the dashboard draws. Chromium is Debian's (``/usr/bin/chromium``,
or ``TROOPMAP_CHROMIUM``), driven by Playwright; nothing is fetched from the network.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from geo.errors import TroopmapError
from geo.mapping import STYLE, MapOptions, date_text, map_html, strength_text
from geo.model import Event
from geo.timeline import date_span, plural, timeline_bytes

SLIDE_PX = (1920, 1080)
# Offline means silent: headless Chromium still phones home by itself (component and safe-browsing updates,
# variations, domain reliability reports, DNS for Google's account and update hosts). These turn that off, and
# the resolver rule makes every name but localhost unresolvable, so nothing can leave even if a feature is
# missed (tests/test_ingest.py watches the export under strace). Pages are also routed: see html_to_png.
# Playwright adds its own --disable-features list (optimization hints, network time, ...): a second
# --disable-features here would replace it, so there is none.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--no-default-browser-check",
    "--no-first-run",
    "--no-pings",
    "--metrics-recording-only",
    "--safebrowsing-disable-auto-update",
    "--password-store=basic",
    "--use-mock-keychain",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


class BrowserUnavailable(TroopmapError, RuntimeError):
    """No Chromium to draw the map with."""


def chromium_path() -> str:
    path = os.environ.get("TROOPMAP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BrowserUnavailable(
            "map images need Chromium: install Debian's 'chromium' package "
            "(or set TROOPMAP_CHROMIUM to a Chromium binary)"
        )
    return path


def html_to_png(
    page_html: str, size: tuple[int, int] = SLIDE_PX, ready: str = "window.troopmapDrawn !== undefined"
) -> bytes:
    """Screenshot a self-contained page in headless Chromium, with every network request refused."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "map.html"
        page_file.write_text(page_html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                # offline by construction: anything but the file itself is refused
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                page.goto(page_file.as_uri())
                page.wait_for_function(ready, timeout=30000)
                page.wait_for_timeout(300)  # let Leaflet finish its last frame
                return page.screenshot(type="png")
            finally:
                browser.close()


def map_png(events: Sequence[Event], options: MapOptions) -> bytes:
    """The map as a 1920x1080 PNG: legend, title, date range, scale bar and the handling line included."""
    opts = MapOptions(
        **{**options.__dict__, "inline": True, "time_control": False, "sources_url": None, "interactive": False}
    )
    return html_to_png(map_html(events, opts))


def subtitle(filters, events: Sequence[Event]) -> str:
    """What a slide must say about what it shows: the dates covered, the filters, how many events."""
    drawn = date_span(events)  # what the chart draws: a month-precision date runs to the month's end
    span = f"{drawn[0]} – {drawn[1]}" if drawn else "no dated events"
    rest = [p for p in filters.describe().split("; ") if p != "all events" and " to " not in p]
    return " · ".join([span, *rest, plural(len(events), "event")])


def timeline_image(events: Sequence[Event], fmt: str, title: str, subtitle: str, classification: str = "") -> bytes:
    return timeline_bytes(events, fmt, title=title, subtitle=subtitle, classification=classification)


def events_table_html(events: Sequence[Event]) -> str:
    rows = []
    for e in events:
        cells = [
            date_text(e),
            e.kind.value,
            e.label,
            strength_text(e),
            f"{e.confidence or '–'} {STYLE.get(e.confidence, STYLE[None])['label']}",
            e.source or "",
            e.report_id or "",
            e.evidence or "",
        ]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>" for h in ["When", "Kind", "What", "Strength", "Confidence", "Source", "Report", "Sentence"]
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def write_pack(
    events: Sequence[Event], folder: Path, title: str, subtitle: str, classification: str = "", tiles: str = "offline"
) -> list[Path]:
    """A briefing pack: map.png, timeline.png, timeline.svg, events.csv and index.html that shows them all."""
    from geo.export import to_csv

    folder.mkdir(parents=True, exist_ok=True)
    opts = MapOptions(inline=True, tiles=tiles, title=title, subtitle=subtitle, classification=classification or None)
    files = {
        "map.png": map_png(events, opts),
        "timeline.png": timeline_image(events, "png", title, subtitle, classification),
        "timeline.svg": timeline_image(events, "svg", title, subtitle, classification),
        "events.csv": to_csv(events).encode("utf-8"),
    }
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:Arial,sans-serif;margin:24px}} img{{max-width:100%;border:1px solid #ccc;margin:8px 0}}
table{{border-collapse:collapse;font-size:13px}} td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}
.cls{{color:#b00;font-weight:bold}}</style></head><body>
<div class="cls">{html.escape(classification)}</div><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p>
<img src="map.png" alt="map"><img src="timeline.png" alt="timeline">{events_table_html(events)}
<div class="cls">{html.escape(classification)}</div></body></html>"""
    files["index.html"] = page.encode("utf-8")
    written = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


def briefing_zip(events: Sequence[Event], title: str, subtitle_text: str, classification: str = "") -> bytes:
    """The briefing pack as one zip, for a download button."""
    import io
    import zipfile

    with tempfile.TemporaryDirectory() as tmp:
        files = write_pack(events, Path(tmp) / "briefing", title, subtitle_text, classification)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.write(f, f"briefing/{f.name}")
        return buf.getvalue()
