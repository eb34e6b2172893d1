import os
from pathlib import Path

import pytest

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


@pytest.fixture
def store(tmp_path):
    from geo.store import Store

    with Store(tmp_path / "test.db") as s:
        yield s


@pytest.fixture
def fixture_bytes():
    return lambda name: (FIXTURES / name).read_bytes()
