"""Ingest speed and memory: a generated 1,000,000-row movements file, next to pandas reading the same file.

    .venv/bin/python bench/ingest.py [ROWS]

Each step runs in its own process so its peak memory (max RSS) is its own. Target: within 5x of pandas alone.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = [
    "Vladivostok",
    "Ussuriysk",
    "Khabarovsk",
    "Blagoveshchensk",
    "Kursk",
    "Belgorod",
    "Chongjin",
    "Хабаровск",
    "Курск",
    "Kursk Oblast",
    "Primorsky Krai",
    "Nampo",
    "Atlantis-on-Sea",
]
CONF = ["B2", "likely", "possibly true", "3", "unconfirmed", "high", ""]


def generate(path: Path, rows: int) -> None:
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "event_id,report_id,start_date,end_date,kind,unit,strength,origin,destination,confidence,source,notes\n"
        )
        for i in range(rows):
            d = 1 + i % 28
            f.write(
                f"E{i},R{i % 997},2024-10-{d:02d},2024-10-{min(28, d + rng.randint(0, 3)):02d},movement,"
                f"Unit {i % 50},{rng.randint(1, 20) * 100},{rng.choice(PLACES)},{rng.choice(PLACES)},"
                f"{rng.choice(CONF)},Source {i % 13},row {i}\n"
            )


STEP = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
t = time.perf_counter()
step, path, db = sys.argv[1], sys.argv[2], sys.argv[3]
if step == "pandas":
    import pandas as pd
    t = time.perf_counter()  # the import is not reading
    n = len(pd.read_csv(path, dtype=str, keep_default_na=False))
elif step == "troopmap":
    from geo.geocoding import Geocoder
    from geo.ingest import commit_upload, read_upload
    from geo.store import Store
    geo = Geocoder()
    t = time.perf_counter()  # the gazetteer load is measured by bench/geocode.py
    result = read_upload(open(path, "rb").read(), geo)
    read_s = time.perf_counter() - t
    with Store(db) as s:
        summary = commit_upload(result, s, path)
    n = summary["accepted"] + summary["duplicates"]
print(json.dumps({{"rows": n, "seconds": time.perf_counter() - t,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   **({{"read_seconds": read_s}} if step == "troopmap" else {{}})}}))
"""


def run(step: str, path: Path, db: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", STEP.format(root=str(ROOT)), step, str(path), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "movements.csv", Path(tmp) / "bench.db"
        t = time.perf_counter()
        generate(path, rows)
        print(f"generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s")
        pandas = run("pandas", path, db)
        ours = run("troopmap", path, db)
    ratio = ours["seconds"] / pandas["seconds"]
    print(
        f"pandas.read_csv alone: {pandas['seconds']:.1f} s, {rows / pandas['seconds']:,.0f} rows/s, "
        f"peak {pandas['peak_mb']:.0f} MB"
    )
    print(
        f"troopmap ingest (read, validate, resolve, store): {ours['seconds']:.1f} s "
        f"(reading {ours['read_seconds']:.1f} s), {rows / ours['seconds']:,.0f} rows/s, peak {ours['peak_mb']:.0f} MB"
    )
    print(f"ratio to pandas: {ratio:.1f}x (target: 5x or less)")


if __name__ == "__main__":
    main()
