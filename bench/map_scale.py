"""The map at scale: what the Map page sends and how fast Chromium draws it with 10,000, 100,000 and 1,000,000 events
in the store, side by side with the baseline (one feature per event, as before geo.aggregates).

    .venv/bin/python bench/map_scale.py [N ...]       # default 10000 100000 1000000

For each size: a SQLite store is filled with generated events (bench/store.py's varied data), the page's map data is
asked of it cold (count, summary, records: what st.cache_data then keeps per store version and filters), the
standalone map is built from it, and headless Chromium opens it: the clock runs from navigation to every record
drawn (window.troopmapDrawn). The baseline builds and draws one record per event up to 100,000 events; at
1,000,000 its payload is estimated from its bytes per event (it would not fit a browser tab).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from store import generate  # noqa: E402

from geo import aggregates  # noqa: E402
from geo.briefing import CHROMIUM_ARGS, chromium_path  # noqa: E402
from geo.escape import inert_json  # noqa: E402
from geo.filters import Filters  # noqa: E402
from geo.mapping import MapOptions, event_records, map_html  # noqa: E402
from geo.store import Store  # noqa: E402

BASELINE_MAX = 100_000


def drawn_seconds(browser, html: str, records: int, folder: Path) -> float:
    f = folder / "map.html"
    f.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    t = time.perf_counter()
    page.goto(f.as_uri(), timeout=300_000)
    page.wait_for_function(f"window.troopmapDrawn === {records}", timeout=300_000, polling=100)
    seconds = time.perf_counter() - t
    page.close()
    return seconds


def main() -> None:
    from playwright.sync_api import sync_playwright

    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for n in sizes:
            with Store(Path(tmp) / f"{n}.db") as s:
                s.add_upload(generate(n))
                for label, f in (
                    ("default view", Filters()),
                    ("one month", Filters(since=_d("2024-06-01"), until=_d("2024-06-30"))),
                ):
                    t = time.perf_counter()
                    data = aggregates.map_data(s, f)
                    query = time.perf_counter() - t
                    t = time.perf_counter()
                    html = map_html([], MapOptions(inline=True), records=data["records"], labels=data["labels"])
                    build = time.perf_counter() - t
                    payload = len(inert_json(data["records"]))
                    drawn = drawn_seconds(browser, html, len(data["records"]), Path(tmp))
                    mode = "aggregates" if data["summary"] else "each event"
                    rows.append(
                        f"| {n:,} | {label}: {data['matching']:,} events | ours ({mode}, {len(data['records']):,} "
                        f"features) | {query:.2f} s | {build:.2f} s | {payload / 1e6:.2f} MB | {len(html) / 1e6:.1f} MB"
                        f" | {drawn:.1f} s |"
                    )
                    print(rows[-1], flush=True)
                # the baseline: every event its own feature
                if n <= BASELINE_MAX:
                    t = time.perf_counter()
                    events = s.events()
                    records = event_records(events, with_symbols=False)
                    html = map_html([], MapOptions(inline=True), records=records, labels=[])
                    build = time.perf_counter() - t
                    drawn = drawn_seconds(browser, html, len(records), Path(tmp))
                    per_event = len(inert_json(records)) / n
                    rows.append(
                        f"| {n:,} | default view | baseline (one feature per event) | – | {build:.2f} s | "
                        f"{per_event * n / 1e6:.1f} MB | {len(html) / 1e6:.1f} MB | {drawn:.1f} s |"
                    )
                else:
                    rows.append(
                        f"| {n:,} | default view | baseline (one feature per event) | – | – | "
                        f"~{per_event * n / 1e6:.0f} MB (estimated) | – | not drawable |"
                    )
                print(rows[-1], flush=True)
        browser.close()
    print("\n| stored | view | map | store queries (cold) | build | event data | page | navigation to drawn |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"(peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB)")


def _d(text: str):
    import datetime as dt

    return dt.date.fromisoformat(text)


if __name__ == "__main__":
    main()
