"""Briefing images: drawn by headless Chromium, which must ask nothing of the network."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from geo.briefing import CHROMIUM_ARGS
from tests.conftest import FIXTURES, ROOT
from tests.network import outside_traffic, strace


def test_chromium_is_started_with_its_background_services_off_and_no_names_resolvable():
    for flag in [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-domain-reliability",
    ]:
        assert flag in CHROMIUM_ARGS
    rules = next(a for a in CHROMIUM_ARGS if a.startswith("--host-resolver-rules="))
    assert "MAP * ~NOTFOUND" in rules and "EXCLUDE localhost" in rules
    # Playwright passes its own --disable-features list; a second one would replace it
    assert not any(a.startswith("--disable-features") for a in CHROMIUM_ARGS)


def test_outside_traffic_tells_a_route_lookup_from_a_request():
    log = "\n".join(
        [
            "10 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 5",
            '10 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr)}, 28) = 0',
            "10 close(5) = 0",
            "10 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 5",
            '10 connect(5, {sa_family=AF_INET, sin_port=htons(8501), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        ]
    )
    assert outside_traffic(log) == []
    dns = '11 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.53")}, 16) = 0'
    tcp = "12 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n" + (
        '12 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.0.1")}, 16 <unfinished ...>\n'
        "12 <... connect resumed>) = -1 EINPROGRESS"
    )
    udp = log.split("\n10 close")[0] + '\n10 sendto(5, ""..., 20, 0, NULL, 0) = 20'
    assert [len(outside_traffic(x)) for x in (dns, tcp, udp)] == [1, 1, 1]


@pytest.mark.slow
@pytest.mark.browser
def test_map_image_export_asks_nothing_of_the_network(tmp_path):
    """Chromium used to send DNS queries for Google's update and account hosts while drawing the map."""
    if strace() is None:
        pytest.skip("strace is not installed (scripts/setup.sh dev installs it)")
    if not (os.environ.get("TROOPMAP_CHROMIUM") or shutil.which("chromium")):
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium")
        pytest.skip("chromium is not installed")
    db, log, png = tmp_path / "s.db", tmp_path / "strace.txt", tmp_path / "map.png"
    env = {**os.environ, "TROOPMAP_DB": str(db)}
    geo = [sys.executable, "-m", "geo"]
    subprocess.run([*geo, "ingest", FIXTURES / "messy.csv"], cwd=ROOT, env=env, capture_output=True, check=False)
    p = subprocess.run(
        [*strace(log), *geo, "export", "--format", "png", "--output", png],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    record = log.read_text()
    assert "connect(" in record  # strace saw the browser's own sockets, so it was watching
    assert outside_traffic(record) == [], json.dumps(outside_traffic(record)[:5], indent=1)
