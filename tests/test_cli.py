import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import FIXTURES, ROOT


def run(*args, db=None, **kw):
    env = {**os.environ, "TROOPMAP_DB": str(db) if db else "/nonexistent/never-used.db"}
    return subprocess.run(
        [sys.executable, "-m", "geo", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        **kw,
    )


def test_geocode_prints_one_json_line_per_name():
    p = run("geocode", "Vladivostok", "Ussuriysk", "Khabarovsk", "Blagoveshchensk")
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["query"] for x in lines] == ["Vladivostok", "Ussuriysk", "Khabarovsk", "Blagoveshchensk"]
    assert set(lines[0]) >= {
        "query",
        "status",
        "name",
        "lat",
        "lon",
        "country",
        "feature",
        "geonameid",
        "source",
        "candidates",
    }
    assert lines[3]["geonameid"] == 2026609 and lines[3]["status"] == "matched"
    assert lines[3]["candidates"][0]["geonameid"] == 576116


def test_geocode_cyrillic_and_korean_with_near():
    p = run("geocode", "Благовещенск", "블라디보스토크", "--near", "Хабаровск")
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x["geonameid"] for x in lines] == [2026609, 2013348]


def test_geocode_not_found_exits_1():
    p = run("geocode", "Xanadu-on-Thames")
    assert p.returncode == 1 and json.loads(p.stdout)["status"] == "not_found"


def test_ingest_twice_and_export(tmp_path):
    db = tmp_path / "s.db"
    first = run("ingest", FIXTURES / "messy.csv", db=db)
    assert first.returncode == 1  # processed, some rows rejected
    s1 = json.loads(first.stdout)
    assert (s1["format"], s1["rows"], s1["accepted"], s1["duplicates"]) == ("movements", 11, 5, 1)
    assert {r["row"] for r in s1["rejected"]} == {4, 8, 9, 10, 11}
    second = json.loads(run("ingest", FIXTURES / "messy.csv", db=db).stdout)
    assert (second["accepted"], second["duplicates"]) == (0, 6)
    out = run("export", "--format", "geojson", "--since", "2024-11-15", db=db)
    assert out.returncode == 0
    assert len(json.loads(out.stdout)["features"]) == 3


def test_unreadable_file_and_bad_arguments_exit_2(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x00\x00binary")
    p = run("ingest", bad, db=tmp_path / "s.db")
    assert p.returncode == 2 and "not a text file" in p.stderr and p.stdout == ""
    assert run("ingest", tmp_path / "missing.csv", db=tmp_path / "s.db").returncode == 2
    assert run("export", "--format", "pdf").returncode == 2
    assert run("export", "--format", "csv", db="postgresql://x/y").returncode == 2


@pytest.mark.slow
def test_killing_an_ingest_leaves_the_store_consistent(tmp_path):
    big = tmp_path / "big.csv"
    rows = ["event_id,start_date,destination,destination_lat,destination_lon,unit"]
    rows += [f"E{i},2024-10-{i % 28 + 1:02d},Site {i},{40 + i % 10},{130 + i % 10},Unit {i % 7}" for i in range(60000)]
    big.write_text("\n".join(rows))
    db = tmp_path / "s.db"
    env = {**os.environ, "TROOPMAP_DB": str(db)}
    for delay in (0.5, 1.5, 2.5, 3.5, 5.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "geo", "ingest", str(big)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not db.exists():
            continue  # killed before the store was opened: nothing to check
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0] if "events" in tables else 0
        uploads = con.execute("SELECT COUNT(*) FROM uploads WHERE accepted > 0").fetchone()[0] if events else 0
        con.close()
        assert events in (0, 60000), events  # all or nothing
        assert uploads == (1 if events else 0)


def test_the_installed_command_works_from_any_folder(tmp_path):
    """scripts/setup.sh installs the project (pip install -e .): `troopmap` runs outside the repository."""
    exe = os.path.join(os.path.dirname(sys.executable), "troopmap")
    if not os.path.exists(exe):
        if os.environ.get("CI") == "true":
            pytest.fail("scripts/setup.sh must install the troopmap command")
        pytest.skip("the project is not installed into this environment (scripts/setup.sh does it)")
    p = subprocess.run([exe, "geocode", "Vladivostok"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["geonameid"] == 2013348
