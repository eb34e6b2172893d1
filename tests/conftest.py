import os
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a property test must not pass or fail by luck there); locally they vary,
# and HYPOTHESIS_PROFILE=long digs deeper.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "default"))

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent

# Tests never touch the user's own store, and never ask Nominatim.
os.environ.pop("TROOPMAP_NOMINATIM", None)


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def geocoder(gazetteer):
    from geo.geocoding import Geocoder

    return Geocoder(gazetteer)


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server the PostGIS store is tested on (TROOPMAP_TEST_PG, set by scripts/test.sh)."""
    url = os.environ.get("TROOPMAP_TEST_PG")
    if not url:
        reason = (
            "no PostgreSQL server to test the PostGIS store on: set TROOPMAP_TEST_PG=postgresql://... "
            "(scripts/test.sh installs and starts one when run as root)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test the PostGIS store, but {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture
def pg_url(pg_server):
    """A URL of a fresh, empty schema on the test server (dropped after the test)."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options=-csearch_path%3D{schema}%2Cpublic"
    with psycopg.connect(pg_server, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgis"])
def store_url(request, tmp_path):
    """A store URL of each backend: a SQLite file, and a PostGIS schema."""
    return str(tmp_path / "test.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from geo.store import Store

    with Store(store_url) as s:
        yield s


@pytest.fixture
def sqlite_store(tmp_path):
    from geo.store import Store

    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture
def fixture_bytes():
    return lambda name: (FIXTURES / name).read_bytes()
