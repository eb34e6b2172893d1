"""The store at scale: ingest rows/s into SQLite and PostGIS, and filter latency at 1,000,000 events, side by side
with the naive baseline (the whole table in pandas, filtered there: what every rerun of every page did before).

    .venv/bin/python bench/store.py [EVENTS]          # default 1,000,000

PostGIS is measured on TROOPMAP_BENCH_PG if set, else on a throwaway server started by scripts/postgis.sh (as
root it installs PostgreSQL first); without one, only SQLite is measured. The data is generated but varied: 20,000
places around 400 towns, 1,200 units, 150 sources, 60,000 reports, three years of dates, 40 % movements.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from geo.filters import Filters  # noqa: E402
from geo.model import Event, EventTable, Kind, Place, Precision  # noqa: E402
from geo.store import Store  # noqa: E402

SYLLABLES = "ka ro vo no gor sk ev mir dar lu zi pol tav ber ogr ilk usa nov ch sha ter vol lin at ra".split()
ECHELONS = ["Brigade", "Regiment", "Division", "Battalion", "Army", "Corps"]
ARMS = ["Motor Rifle", "Tank", "Guards Tank", "Naval Infantry", "Airborne", "Artillery", "Air Assault", "Engineer"]
VERBS = ["was seen moving", "redeployed", "was reported heading", "advanced", "withdrew", "was observed en route"]


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def generate(n: int, seed: int = 14) -> EventTable:
    """n events as columns (the shape readers produce), with many distinct values in every column."""
    rng = random.Random(seed)
    towns = [(rng.uniform(44, 58), rng.uniform(24, 60)) for _ in range(300)]
    towns += [(rng.uniform(38, 48), rng.uniform(124, 135)) for _ in range(100)]
    places = []
    for i in range(20_000):
        lat, lon = rng.choice(towns)
        places.append(
            Place(
                f"{name(rng)} {i}", f"{name(rng)}", lat + rng.gauss(0, 0.4), lon + rng.gauss(0, 0.6), status="matched"
            )
        )
    places += [Place(f"{name(rng)}-unknown-{i}") for i in range(500)]  # unresolved: not on the map
    units = [f"{rng.randint(1, 300)}th {rng.choice(ARMS)} {rng.choice(ECHELONS)} {name(rng)}" for _ in range(1_200)] + [
        None
    ]
    sources = [f"{name(rng)} {rng.choice(['Telegram', 'Agency', 'Monitor', 'OSINT', 'Ministry'])}" for _ in range(150)]
    day0 = dt.date(2023, 1, 1)
    cols: dict[str, list] = {f: [] for f in Event.FIELDS}
    for i in range(n):
        p = rng.choice(places)
        moving = rng.random() < 0.4
        o = rng.choice(places) if moving and rng.random() < 0.9 else None
        start = day0 + dt.timedelta(days=rng.randint(0, 1095)) if rng.random() > 0.03 else None
        unit = rng.choice(units)
        cols["kind"].append(Kind.MOVEMENT if moving else Kind.PRESENCE)
        cols["place"].append(p)
        cols["origin"].append(o)
        cols["start"].append(start)
        cols["end"].append(start + dt.timedelta(days=rng.randint(1, 14)) if start and rng.random() < 0.2 else None)
        cols["precision"].append(Precision.DAY if rng.random() < 0.9 else Precision.WEEK)
        cols["unit"].append(unit)
        cols["strength"].append(rng.randint(1, 60) * 100 if rng.random() < 0.5 else None)
        cols["strength_approx"].append(rng.random() < 0.3)
        cols["confidence"].append(rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 6, None]))
        cols["confidence_label"].append(None)
        cols["reliability"].append(rng.choice("ABCDEF") if rng.random() < 0.5 else None)
        cols["source"].append(rng.choice(sources))
        cols["source_url"].append(f"https://example.org/{i}")
        cols["report_id"].append(f"R{rng.randint(1, 60_000)}")
        cols["event_id"].append(f"E{i}")
        cols["evidence"].append(
            f"{unit or 'Troops'} {rng.choice(VERBS)} {'from ' + o.mention + ' ' if o else ''}to {p.mention}"
            f"{' on ' + start.isoformat() if start else ''}."
        )
        cols["notes"].append(None)
        cols["extra"].append(None)
    return EventTable(cols)


FILTERS = {
    "everything (count, page, map)": Filters(),
    "one month": Filters(since=dt.date(2024, 6, 1), until=dt.date(2024, 6, 30)),
    "confidence 1-2": Filters(min_confidence=2),
    "a unit (substring)": Filters(unit="naval infantry brigade"),
    "a report": Filters(report="R4242"),
    "a map view (bbox)": Filters(bbox=(47.0, 30.0, 51.0, 38.0)),
    "view + month + conf": Filters(
        since=dt.date(2024, 6, 1), until=dt.date(2024, 6, 30), min_confidence=3, bbox=(47.0, 30.0, 51.0, 38.0)
    ),
}


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def page_queries(s: Store, f: Filters):
    """What a page asks the store for one view: the count, the first page of rows, the map's aggregates."""
    return s.count(f), len(s.events(f, limit=100)), len(s.map_summary(f)["presences"])


def pandas_mask(df: pd.DataFrame, f: Filters) -> pd.Series:
    m = pd.Series(True, index=df.index)
    if f.since:
        m &= df["stop"] >= f.since.isoformat()
    if f.until:
        m &= df["start"] <= f.until.isoformat()
    if f.min_confidence:
        m &= df["confidence"] <= f.min_confidence
    if f.unit:
        m &= df["unit"].str.casefold().str.contains(f.unit.casefold(), regex=False, na=False)
    if f.report:
        m &= df["report_id"] == f.report
    if f.bbox:
        s, w, n, e = f.bbox
        lat0, lat1 = df[["lat", "olat"]].min(axis=1), df[["lat", "olat"]].max(axis=1)
        lon0, lon1 = df[["lon", "olon"]].min(axis=1), df[["lon", "olon"]].max(axis=1)
        m &= df["lat"].notna() & (lat1 >= s) & (lat0 <= n) & (lon1 >= w) & (lon0 <= e)
    return m


def measure(label: str, url: str, table: EventTable) -> dict:
    with Store(url) as s:
        t = time.perf_counter()
        counts = s.add_upload(table, file_name="bench.csv")
        ingest = time.perf_counter() - t
        t = time.perf_counter()
        again = s.add_upload(table, file_name="bench.csv")
        reupload = time.perf_counter() - t
        assert counts["accepted"] == len(table) and again["accepted"] == 0, (counts, again)
        print(
            f"{label}: ingest {len(table):,} events in {ingest:.1f} s = {len(table) / ingest:,.0f} rows/s; "
            f"the same upload again stores nothing in {reupload:.1f} s",
            flush=True,
        )
        latency = {}
        for name_, f in FILTERS.items():
            seconds, out = timed(lambda f=f: page_queries(s, f))
            latency[name_] = (seconds, out[0])
        return {"ingest": ingest, "latency": latency}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t = time.perf_counter()
    table = generate(n)
    print(f"generated {n:,} events in {time.perf_counter() - t:.1f} s", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        results["SQLite"] = measure("SQLite", str(path), table)
        gc.collect()
        # the baseline: the whole events table in pandas (as the old store decoded every event on every rerun)
        import sqlite3

        db = sqlite3.connect(path)
        sql = (
            "SELECT e.*, u.name AS unit, s.name AS source FROM events e LEFT JOIN units u ON u.id = e.unit_id"
            " LEFT JOIN sources s ON s.id = e.source_id"
        )
        t = time.perf_counter()
        df = pd.read_sql_query(sql, db)
        load = time.perf_counter() - t
        db.close()
        baseline = {}
        for name_, f in FILTERS.items():
            seconds, kept = timed(lambda f=f, df=df: int(pandas_mask(df, f).sum()))
            baseline[name_] = (seconds, kept)
        del df
        gc.collect()
        pg_url, pg_dir = os.environ.get("TROOPMAP_BENCH_PG"), None
        if not pg_url:
            pg_dir = Path(tempfile.mkdtemp(prefix="troopmap-pg.", dir="/tmp"))  # the server's user must reach it
            run = subprocess.run(
                [str(ROOT / "scripts" / "postgis.sh"), "start", str(pg_dir)], capture_output=True, text=True
            )
            pg_url = run.stdout.strip() if run.returncode == 0 else None
            if not pg_url:
                print(f"PostGIS not measured: {run.stderr.strip()}")
        try:
            if pg_url:
                results["PostGIS"] = measure("PostGIS", pg_url, table)
        finally:
            if pg_dir:
                subprocess.run([str(ROOT / "scripts" / "postgis.sh"), "stop", str(pg_dir)], check=False)
    print(f"\nfilter latency at {n:,} events (best of 3; store: count + first 100 rows + map grid, one snapshot each)")
    heads = list(results)
    print(
        f"| filter | events kept | {' | '.join(heads)} | pandas: load table + filter | pandas: filter, table in RAM |"
    )
    print("|---|---|" + "---|" * (len(heads) + 2))
    for name_ in FILTERS:
        kept = results["SQLite"]["latency"][name_][1]
        if kept != baseline[name_][1]:
            print(f"note: {name_}: the store kept {kept:,}, pandas {baseline[name_][1]:,}")
        cells = [f"{results[h]['latency'][name_][0] * 1000:,.0f} ms" for h in heads]
        b = baseline[name_][0]
        print(f"| {name_} | {kept:,} | {' | '.join(cells)} | {(load + b):.2f} s | {b * 1000:,.0f} ms |")
    print(f"(pandas read the table in {load:.1f} s; peak memory of this process {peak_mb():,.0f} MB)")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
