from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.location import Location

from geo.geocoding import Geocoder, NominatimResolver, nominatim_candidates

SEVERSK_RAW = {
    "name": "Sergeyevka training ground",
    "lat": "43.55",
    "lon": "132.37",
    "class": "landuse",
    "type": "military",
    "address": {"country_code": "ru"},
    "display_name": "Sergeyevka, Primorsky Krai",
}


class FakeNominatim:
    """Stands in for geopy's Nominatim.geocode: records calls, answers or fails as told."""

    def __init__(self, answer=None, error=None):
        self.calls, self.answer, self.error = [], answer, error

    def __call__(self, query, **kwargs):
        self.calls.append((query, kwargs))
        if self.error:
            raise self.error
        return [Location(r["display_name"], (float(r["lat"]), float(r["lon"])), r) for r in self.answer or []]


def test_offline_gazetteer_answers_before_nominatim_is_asked(gazetteer):
    fake = FakeNominatim([SEVERSK_RAW])
    r = Geocoder(gazetteer, NominatimResolver(fake, min_delay_seconds=0)).resolve("Khabarovsk")
    assert r.best.source == "geonames" and fake.calls == []


def test_nominatim_fills_the_gap_and_its_answer_is_cached(gazetteer, store):
    fake = FakeNominatim([SEVERSK_RAW])
    geo = Geocoder(gazetteer, NominatimResolver(fake, min_delay_seconds=0), store)
    r = geo.resolve("Sergeyevka training ground")
    assert (r.status, r.best.source, r.best.country, r.best.feature) == ("matched", "nominatim", "RU", "site")
    assert fake.calls[0][1]["addressdetails"] is True
    again = geo.resolve("Sergeyevka training ground")
    assert again.best.source == "cache" and len(fake.calls) == 1


def test_a_failed_service_is_an_error_not_a_miss(gazetteer, store):
    for err in (GeocoderTimedOut("timed out"), GeocoderServiceError("HTTP 503")):
        fake = FakeNominatim(error=err)
        resolver = NominatimResolver(fake, min_delay_seconds=0, error_wait_seconds=0)
        r = Geocoder(gazetteer, resolver, store).resolve("Nowhere-in-particular")
        assert r.status == "error" and "Nominatim failed" in r.to_dict()["error"]
        assert store.cache_get("nominatim", "Nowhere-in-particular") is None  # a failure is not cached


def test_nominatim_is_rate_limited_to_one_request_a_second(monkeypatch, gazetteer):
    import geopy.extra.rate_limiter as rl

    clock = {"t": 100.0}
    sleeps = []

    def sleep(self, seconds):
        sleeps.append(seconds)
        clock["t"] += seconds

    monkeypatch.setattr(rl.BaseRateLimiter, "_clock", lambda self: clock["t"])
    monkeypatch.setattr(rl.RateLimiter, "_sleep", sleep)
    resolver = NominatimResolver(FakeNominatim([]))
    resolver.search("a")
    resolver.search("b")
    clock["t"] += 5
    resolver.search("c")
    assert sleeps == [1.0]  # the second call waited a second; the third came late enough


def test_nominatim_is_off_unless_asked(gazetteer):
    r = Geocoder(gazetteer).resolve("Sergeyevka training ground")
    assert r.status == "not_found"


def test_shaping_nominatim_answers_is_pure():
    [c] = nominatim_candidates([{**SEVERSK_RAW, "class": "boundary", "type": "administrative"}])
    assert c.feature == "region" and (c.lat, c.lon) == (43.55, 132.37)


def test_resolve_all_lets_names_give_each_other_context(geocoder):
    res = geocoder.resolve_all(["Vladivostok", "Ussuriysk", "Khabarovsk", "Blagoveshchensk"])
    assert [r.status for r in res] == ["matched"] * 4
    assert res[3].best.geonameid == 2026609
    alone = geocoder.resolve_all(["Blagoveshchensk"], near=["Ufa"])
    assert alone[0].best.geonameid == 576116


def run_geocode(*args):
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    p = subprocess.run(
        [sys.executable, "-m", "geo", "geocode", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return p.returncode, [json.loads(line) for line in p.stdout.splitlines()]


def test_geocode_command_reads_inflected_forms_and_refuses_acronyms(gazetteer):
    code, lines = run_geocode("Харькове", "NATO", "--explain")
    kharkiv, nato = lines
    assert (kharkiv["status"], kharkiv["geonameid"], kharkiv["country"]) == ("matched", 706483, "UA")
    assert "+lemma" in kharkiv["explain"]["candidates"][0]["match"]
    assert (nato["status"], nato["name"]) == ("not_found", None)
    assert "acronym" in nato["explain"]["decision"]
    assert code == 1  # some input was not resolved


def test_geocode_imports_only_what_resolving_needs(gazetteer):
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from geo.cli import main; main(['geocode', 'Kursk']); "
        "print(sorted(m for m in ('streamlit', 'folium', 'pandas', 'matplotlib', 'geo.mapping', 'geo.briefing', "
        "'geo.store', 'geo.extraction') if m in sys.modules))"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert p.stdout.splitlines()[-1] == "[]"


def test_near_a_country_or_region_and_the_country_filter(geocoder):
    [r] = geocoder.resolve_all(["Pokrovsk"], near=["Russia"])
    assert r.best.country == "RU"
    [r] = geocoder.resolve_all(["Moscow"], country="US")
    assert (r.best.country, r.best.admin1) == ("US", "ID")


def test_csv_ingest_resolves_with_the_same_resolver(geocoder):
    from geo.ingest import place_resolver

    places = place_resolver(geocoder)(["Pokrovsk", "в Курской области", "NATO"])
    assert (places["Pokrovsk"].country, places["Pokrovsk"].geonameid) == ("UA", 704422)
    assert places["в Курской области"].name == "Kursk Oblast"
    assert places["NATO"].status == "not_found" and not places["NATO"].resolved
