"""The frame (app.py): what every page shares when things go wrong, and what the server asks of the network."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.network import outside_traffic, strace

PAGES = ["views/map.py", "views/timeline.py", "views/upload.py", "views/sources.py"]


def open_page(page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("damage", ["truncated", "not a database"])
@pytest.mark.parametrize("page", PAGES)
def test_a_damaged_store_is_one_clear_message_on_every_page(tmp_path, monkeypatch, page, damage):
    db = tmp_path / "store.db"
    if damage == "truncated":
        from geo.store import Store

        with Store(db) as s:  # a real store, cut in half
            s.add_upload([], file_name="x")
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    else:
        db.write_bytes(b"this was never a database" * 100)
    monkeypatch.setenv("TROOPMAP_DB", str(db))
    monkeypatch.setenv("TROOPMAP_CACHE", str(tmp_path / "cache"))
    at = open_page(page)
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "The store cannot be read" in errors[0] and "TROOPMAP_DB" in errors[0]


def test_the_page_says_who_can_reach_it(tmp_path, monkeypatch):
    monkeypatch.setenv("TROOPMAP_DB", str(tmp_path / "s.db"))
    monkeypatch.setenv("TROOPMAP_NO_SAMPLES", "1")
    monkeypatch.setenv("TROOPMAP_CACHE", str(tmp_path / "cache"))
    from streamlit import config

    before = config.get_option("server.address")
    try:
        for address, said in [("127.0.0.1", "Served on 127.0.0.1 only"), ("0.0.0.0", "with no sign-in: anyone")]:
            config.set_option("server.address", address)
            at = open_page(PAGES[0])
            sidebar = " ".join(str(x.value) for x in [*at.sidebar.caption, *at.sidebar.warning])
            assert said in sidebar, sidebar
    finally:
        config.set_option("server.address", before)


def test_the_configured_server_listens_on_loopback_only():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert re.search(r'^address = "127\.0\.0\.1"$', config, re.M)
    assert re.search(r"^gatherUsageStats = false$", config, re.M)
    run_sh = (ROOT / "scripts" / "run.sh").read_text()
    assert '--server.address "${TROOPMAP_ADDRESS:-127.0.0.1}"' in run_sh


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_streamlit_asks_nothing_of_the_network_at_start(tmp_path):
    """`streamlit run` used to look up this machine's outside IP address (checkip.amazonaws.com) as it started."""
    if strace() is None:
        pytest.skip("strace is not installed (scripts/setup.sh dev installs it)")
    port = free_port()
    log = tmp_path / "strace.txt"
    env = {**os.environ, "TROOPMAP_DB": str(tmp_path / "s.db"), "TROOPMAP_CACHE": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    proc = subprocess.Popen(
        [*strace(log), *cmd],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the server did not start")
        time.sleep(3)  # whatever it does just after start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out = proc.communicate(timeout=60)[0].decode(errors="replace")
    assert "External URL" not in out and "Network URL" not in out
    assert outside_traffic(log.read_text()) == []
