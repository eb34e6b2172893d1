"""Ingest from the outside: hostile files and broken stores through the command line (CONTRACT.md exit codes)."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import FIXTURES, ROOT


def run(*args, db, env=None, **kw):
    env = {**os.environ, "TROOPMAP_DB": str(db), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "geo", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        **kw,
    )


def test_ingest_names_the_row_with_a_stray_quote_and_stores_the_rows_after_it(tmp_path):
    p = run("ingest", FIXTURES / "stray_quote.csv", db=tmp_path / "s.db")
    assert p.returncode == 1, p.stderr  # processed, one row rejected
    summary = json.loads(p.stdout)
    assert (summary["rows"], summary["accepted"]) == (10, 9)
    assert [(r["row"], r["column"]) for r in summary["rejected"]] == [(5, None)]
    assert "unbalanced quote" in summary["rejected"][0]["reason"]


def test_ingest_of_mixed_encodings_stores_nothing_garbled(tmp_path):
    db = tmp_path / "s.db"
    p = run("ingest", FIXTURES / "mixed_encodings.csv", db=db)
    assert p.returncode == 1 and json.loads(p.stdout)["encoding"] == "mixed: utf-8, cp1251, cp1252"
    out = run("export", "--format", "csv", db=db).stdout
    assert "Уссурийск" in out and "Légion étrangère" in out and "Р" + "’" not in out and "Ã" not in out


def test_dev_zero_is_refused_at_once():
    start = time.monotonic()
    p = run("ingest", "/dev/zero", db="/nonexistent/never-used.db")
    assert p.returncode == 2 and "not a text file" in p.stderr and p.stdout == ""
    assert time.monotonic() - start < 60


def test_endless_input_stops_at_the_size_limit(tmp_path):
    """Endless text (no NUL bytes) is read up to TROOPMAP_MAX_UPLOAD_MB and no further: memory stays bounded."""
    yes = subprocess.Popen(["yes", "2024-10-01,Vladivostok"], stdout=subprocess.PIPE)
    try:
        p = run("ingest", "/dev/stdin", db=tmp_path / "s.db", env={"TROOPMAP_MAX_UPLOAD_MB": "3"}, stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    assert p.returncode == 2 and "larger than 3 MB" in p.stderr and "TROOPMAP_MAX_UPLOAD_MB" in p.stderr
    assert len(p.stderr) < 300


def test_a_million_column_header_is_one_short_line(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\n")
    p = run("ingest", wide, db=tmp_path / "s.db")
    assert p.returncode == 2 and len(p.stderr) < 200 and "1,000,000 columns" in p.stderr


# -- stores that are damaged or cannot be written ---------------------------------------------------------------
@pytest.fixture(scope="module")
def filled_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "full.db"
    assert run("ingest", FIXTURES / "messy.csv", db=db).returncode == 1
    return db


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1])
def test_a_truncated_store_is_one_clear_line(filled_store, tmp_path, keep):
    db = tmp_path / "cut.db"
    data = filled_store.read_bytes()
    db.write_bytes(data[: int(len(data) * keep)])
    for args in (["export", "--format", "csv"], ["ingest", FIXTURES / "messy.csv"]):
        p = run(*args, db=db)
        assert p.returncode == 2, p.stderr
        assert p.stderr.startswith("error: ") and p.stderr.count("\n") == 1 and "Traceback" not in p.stderr


def read_only_mount(folder):
    """The command line that runs a command with ``folder`` mounted read-only (a new mount namespace), or None."""
    unshare = shutil.which("unshare")
    if not unshare:
        return None
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}'"],
        capture_output=True,
    )
    if probe.returncode != 0:
        return None
    return lambda *cmd: [
        unshare,
        "-rm",
        "sh",
        "-c",
        f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}' && exec \"$@\"",
        "sh",
        *map(str, cmd),
    ]


def test_a_store_in_a_read_only_folder_is_still_read_and_exported(filled_store, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(filled_store, folder / "s.db")
    wrap = read_only_mount(folder)
    if wrap is None:
        pytest.skip("cannot mount a folder read-only here (unshare -rm not permitted)")
    env = {**os.environ, "TROOPMAP_DB": str(folder / "s.db")}
    cli = [sys.executable, "-m", "geo"]
    p = subprocess.run(wrap(*cli, "export", "--format", "geojson"), capture_output=True, text=True, cwd=ROOT, env=env)
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)["features"]) == 5
    p = subprocess.run(
        wrap(*cli, "ingest", FIXTURES / "stray_quote.csv"), capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert p.returncode == 2 and "readonly" in p.stderr.replace("read-only", "readonly") and "Traceback" not in p.stderr
    assert sorted(os.listdir(folder)) == ["s.db"]  # nothing was written beside it


def test_a_store_damaged_inside_is_one_clear_line(tmp_path):
    """A store that opens but has a garbled page where the events are: exit 2 and one line, not a traceback."""
    import sqlite3

    db = tmp_path / "s.db"
    rows = ["event_id,start_date,destination,destination_lat,destination_lon,unit"]
    rows += [f"E{i},2024-10-{i % 28 + 1:02d},Site {i},{40 + i % 10},{130 + i % 10},Unit {i % 7}" for i in range(5000)]
    (tmp_path / "big.csv").write_text("\n".join(rows))
    assert run("ingest", tmp_path / "big.csv", db=db).returncode == 0
    con = sqlite3.connect(db)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='event_chunks'").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size  # the table's root page, overwritten
    db.write_bytes(bytes(data))
    p = run("export", "--format", "csv", db=db)
    assert p.returncode == 2 and p.stderr.startswith("error: ") and "Traceback" not in p.stderr
    assert "damaged" in p.stderr or "malformed" in p.stderr


def test_an_event_read_from_prose_with_a_far_date_is_left_out_and_named(fixture_bytes, geocoder, monkeypatch):
    """Whatever the extractor makes of a text, no event dated outside 1900-2100 reaches the store."""
    import dataclasses
    import datetime as dt

    from geo import extraction
    from geo.ingest import read_upload

    real = extraction.Extractor.extract

    def far(self, report):
        found = real(self, report)
        if report.report_id == "T2" and found.events:
            found.events[0] = dataclasses.replace(found.events[0], start=dt.date(9999, 12, 31), end=None)
        return found

    monkeypatch.setattr(extraction.Extractor, "extract", far)
    r = read_upload(fixture_bytes("reports.csv"), geocoder)
    assert [(p.row, p.column) for p in r.problems] == [(3, "text")]
    assert "T2" in r.problems[0].reason and "outside the years 1900–2100" in r.problems[0].reason
    assert all(e.start is None or e.start.year < 2100 for e in r.events)


# -- faults: two uploads at once, a full disk --------------------------------------------------------------------
def _movements(path, n):
    """n distinct events at 50 named sites (a few names, so the file reads fast)."""
    rows = ["event_id,start_date,destination,destination_lat,destination_lon,unit"]
    rows += [f"E{i},2024-10-{i % 28 + 1:02d},Site {i % 50},{40 + i % 10},{130 + i % 5},Unit {i % 7}" for i in range(n)]
    path.write_text("\n".join(rows))
    return path


def _stored(db) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM event_keys").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_two_uploads_of_one_file_at_once_store_it_once(tmp_path):
    big, db = _movements(tmp_path / "big.csv", 10_000), tmp_path / "s.db"
    env = {**os.environ, "TROOPMAP_DB": str(db)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "geo", "ingest", str(big)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    assert _stored(db) == 10_000  # nothing doubled, nothing lost
    summaries = [json.loads(out) for rc, out, _ in results if rc == 0]
    assert sum(s["accepted"] for s in summaries) == 10_000
    for rc, out, err in results:  # an upload that could not wait for the other says so in one line
        assert rc == 0 or (rc == 2 and out == "" and err.startswith("error: ") and err.count("\n") == 1), err


def test_a_full_disk_stores_nothing_of_the_upload_and_says_so(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    unshare = shutil.which("unshare")
    probe = unshare and subprocess.run([unshare, "-rm", "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)])
    if not probe or probe.returncode != 0:
        pytest.skip("cannot mount a small file system here (unshare -rm not permitted)")
    big = _movements(tmp_path / "big.csv", 30_000)  # more than 1 MB stored
    db = folder / "s.db"
    script = (
        f"mount -t tmpfs -o size=1m tmpfs '{folder}' && "
        f"'{sys.executable}' -m geo ingest '{FIXTURES / 'messy.csv'}' > /dev/null 2>&1; "
        f"'{sys.executable}' -m geo ingest '{big}' > '{tmp_path / 'out'}' 2> '{tmp_path / 'err'}'; echo $? > '{tmp_path / 'rc'}'; "
        f"'{sys.executable}' -m geo export --format csv > '{tmp_path / 'export.csv'}' 2>/dev/null"
    )
    subprocess.run(
        [unshare, "-rm", "sh", "-c", script], cwd=ROOT, env={**os.environ, "TROOPMAP_DB": str(db)}, check=True
    )
    err = (tmp_path / "err").read_text()
    assert (tmp_path / "rc").read_text().strip() == "2" and (tmp_path / "out").read_text() == ""
    assert err.count("\n") == 1 and "disk is full" in err and "nothing was written" in err
    exported = (tmp_path / "export.csv").read_text().splitlines()
    assert len(exported) == 1 + 5  # the store still holds, and shows, exactly the first upload


def test_a_report_the_extractor_fails_on_is_named_in_a_short_line(fixture_bytes, geocoder, monkeypatch):
    from geo import extraction
    from geo.ingest import read_upload

    def boom(self, report):
        raise RuntimeError("x" * 1_000_000)

    monkeypatch.setattr(extraction.Extractor, "extract", boom)
    r = read_upload(fixture_bytes("reports.csv"), geocoder)
    assert [p.row for p in r.problems] == [2, 3, 4] and all(len(p.reason) <= 500 for p in r.problems)
