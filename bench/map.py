"""Map speed in the browser: page load to map drawn, for 1,000 and 10,000 events, and bytes sent per event.

    .venv/bin/python bench/map.py

The standalone map (every script inlined, offline basemap) is opened in headless Chromium; the clock runs from
navigation to the moment the event layer has drawn everything (window.troopmapDrawn is set).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.briefing import CHROMIUM_ARGS, chromium_path  # noqa: E402
from geo.mapping import MapOptions, map_html, payload_size  # noqa: E402
from geo.model import Event, Kind, Place  # noqa: E402


def events(n: int) -> list[Event]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        lat, lon = rng.uniform(42, 56), rng.uniform(30, 140)
        place = Place(f"Site {i}", f"Site {i}", lat, lon, status="matched")
        origin = Place(f"O{i}", f"O{i}", lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3), status="matched")
        moving = i % 2 == 0
        out.append(
            Event(
                Kind.MOVEMENT if moving else Kind.PRESENCE,
                place,
                origin=origin if moving else None,
                start=dt.date(2024, 10, 1) + dt.timedelta(days=i % 60),
                unit=f"Unit {i % 40}",
                strength=rng.randint(1, 50) * 100,
                confidence=rng.randint(1, 6),
                source="bench",
                report_id=f"R{i % 300}",
                evidence="A sentence of about the usual length about troops moving.",
            )
        )
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for n in (1_000, 10_000):
            evs = events(n)
            t = time.perf_counter()
            html = map_html(evs, MapOptions(inline=True))
            build = time.perf_counter() - t
            f = Path(tmp) / f"map{n}.html"
            f.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(f.as_uri(), timeout=300000)
            page.wait_for_function(f"window.troopmapDrawn === {n}", timeout=300000)
            drawn = time.perf_counter() - t
            page.close()
            print(
                f"{n:>6,} events: built in {build:.2f} s; page load to map drawn {drawn:.2f} s; "
                f"page {len(html) / 1e6:.1f} MB (1.5 MB of it the basemap and scripts); "
                f"event data {payload_size(evs) / n:,.0f} bytes/event"
            )
        browser.close()


if __name__ == "__main__":
    main()
