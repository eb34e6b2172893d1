"""The dashboard pages, run headless with Streamlit's AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    monkeypatch.setenv("TROOPMAP_DB", str(tmp_path / "app.db"))
    monkeypatch.setenv("TROOPMAP_CACHE", str(tmp_path / "cache"))


def run_page(page, **query):
    at = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def text_of(at):
    return " ".join(str(x.value) for x in [*at.markdown, *at.caption, *at.title, *at.warning, *at.error, *at.info])


def stored_events():
    from geo.store import Store

    with Store() as s:
        return s.events()


def test_map_page_shows_the_sample_story_and_filters_change_it(app_env):
    at = run_page("map")
    assert not at.exception
    events = stored_events()
    assert len(events) >= 7  # the sample movements, and what was read from the sample reports
    assert f"{len(events)} of {len(events)} events" in text_of(at)
    at.select_slider(key="f_conf").set_value(3).run()
    kept = sum(1 for e in events if e.confidence and e.confidence <= 3)
    assert 0 < kept < len(events)
    assert f"{kept} of {len(events)} events" in text_of(at)
    assert at.query_params["conf"] in (["3"], "3")  # the view is in the URL


def test_filters_come_from_the_url(app_env):
    at = run_page("map", unit="KPA (four brigades)")
    assert f"1 of {len(stored_events())} events" in text_of(at)


def test_timeline_page_offers_png_and_svg(app_env):
    at = run_page("timeline")
    assert not at.exception
    labels = [b.label for b in at.get("download_button")]
    assert any("PNG" in x for x in labels) and any("SVG" in x for x in labels)


def test_sources_page_marks_places_and_escapes_the_text(app_env):
    at = run_page("sources", report="R001")
    assert not at.exception
    html = " ".join(h.proto.body for h in at.get("html"))  # st.html: no Markdown pass over the report
    assert "<mark" in html and ">Vladivostok</mark>" in html
    table = at.dataframe[0].value
    assert len(table) >= 4  # the report's events read from the store
    # each confidence says what it means, or that none was stated: never a bare "None"
    assert all(c.endswith("stated") or " – " in c for c in table["confidence"]), list(table["confidence"])
    assert table["confidence"].str.contains("possibly true").any()


def test_upload_page_shows_reasons_for_bad_rows(app_env):
    at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=120).run()
    assert not at.exception
    # AppTest cannot drive a file uploader; the page's work is the same functions it calls:
    from geo.geocoding import Geocoder
    from geo.ingest import read_upload, review_rows

    result = read_upload((FIXTURES / "messy.csv").read_bytes(), Geocoder())
    assert {p.row for p in result.problems} == {4, 8, 9, 10, 11}
    assert all(r["keep"] for r in review_rows(result))
