import pytest

from geo.gazetteer import Candidate, Gazetteer, normalise, rank


@pytest.mark.parametrize(
    "name",
    ["Vladivostok", "Владивосток", "블라디보스토크", "Wladiwostok", "vladivostok", "VLADIVOSTOK"],
)
def test_names_in_latin_cyrillic_and_hangul_resolve(gazetteer, name):
    r = gazetteer.resolve(name)
    assert r.status == "matched"
    assert (r.best.name, r.best.country, r.best.geonameid) == ("Vladivostok", "RU", 2013348)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Koursk", "Kursk"),
        ("Хабаровск", "Khabarovsk"),
        ("Уссурийск", "Ussuriysk"),
        ("하바롭스크", "Khabarovsk"),
        ("Chabarowsk", "Khabarovsk"),
        ("Namp’o", "Namp’o"),
    ],
)
def test_exonyms_and_transliterations(gazetteer, name, expected):
    assert gazetteer.resolve(name).best.name == expected


def test_normalise_folds_case_accents_apostrophes_but_keeps_hangul():
    assert normalise("Blagoveščensk") == normalise("BLAGOVESCENSK")
    assert normalise("Namp’o") == normalise("Nampo")
    assert normalise("Хабаровськ") == "хабаровськ"
    assert normalise("블라디보스토크") == "블라디보스토크"
    assert normalise("Saint-Pétersbourg") == "saint petersbourg"


def test_two_blagoveshchensks_are_ambiguous_alone(gazetteer):
    r = gazetteer.resolve("Blagoveshchensk")
    assert r.status == "ambiguous"
    assert {c.geonameid for c in r.candidates} == {2026609, 576116}


def test_context_picks_the_amur_city_next_to_khabarovsk(gazetteer):
    khabarovsk = gazetteer.resolve("Khabarovsk").best
    r = gazetteer.resolve("Blagoveshchensk", context=[(khabarovsk.lat, khabarovsk.lon)])
    assert r.status == "matched" and r.best.geonameid == 2026609
    # the loser stays visible
    assert 576116 in {c.geonameid for c in r.candidates}


def test_context_picks_the_bashkir_town_next_to_ufa(gazetteer):
    ufa = gazetteer.resolve("Ufa").best
    r = gazetteer.resolve("Blagoveshchensk", context=[(ufa.lat, ufa.lon)])
    assert r.best.geonameid == 576116


def test_country_filter(gazetteer):
    assert gazetteer.resolve("Moscow", country="US").best.country == "US"
    assert gazetteer.resolve("Moscow").best.country == "RU"


def test_custom_gazetteer_has_regions_in_several_languages(gazetteer):
    for name in ["Kursk Oblast", "Курская область", "région de Koursk", "Primorsky Krai", "연해주"]:
        r = gazetteer.resolve(name)
        assert r.best.source == "custom" and r.best.feature == "region", name
        assert r.best.uncertainty_km


def test_countries_resolve_in_the_report_languages(gazetteer):
    for name in ["Russia", "Russie", "Россия", "Росія", "러시아", "Russland", "Rusia"]:
        r = gazetteer.resolve(name)
        assert (r.best.feature, r.best.country) == ("country", "RU"), name


def test_unknown_name_is_not_found(gazetteer):
    assert gazetteer.resolve("Xanadu-on-Thames").status == "not_found"


def test_small_far_away_namesake_is_not_trusted():
    far = Candidate("Atlantis", -33.5, 18.5, "ZA", "city", 1, 60000, "geonames")
    r = rank("Atlantis", [far], context=[(43.1, 131.9)])
    assert r.status == "not_found" and r.best is None
    assert r.candidates == (far,)  # still offered to a person
    assert rank("Atlantis", [far]).status == "matched"  # with no context there is nothing to contradict it


def test_lookup_is_a_dict_hit_not_a_scan():
    g = Gazetteer()
    g.add(Candidate("A", 1, 2, "XX", "city", 1, 10, "geonames"), ["Alpha", "Álpha"])
    assert list(g.index) == ["alpha"]
    assert g.lookup("ALPHA")[0].name == "A"


def test_a_place_fixed_by_hand_joins_the_custom_gazetteer(tmp_path, monkeypatch):
    import shutil

    from geo.gazetteer import CUSTOM_PLACES, add_custom_place, load_gazetteer

    monkeypatch.setenv("TROOPMAP_CACHE", str(tmp_path / "cache"))
    custom = tmp_path / "places.csv"
    shutil.copy(CUSTOM_PLACES, custom)
    assert load_gazetteer(custom).resolve("Sergeyevka range").status == "not_found"
    add_custom_place(custom, "Sergeyevka range", 43.55, 132.37, "RU", alternate_names=["Сергеевка"])
    g = load_gazetteer(custom)
    for name in ["Sergeyevka range", "Сергеевка"]:
        r = g.resolve(name)
        assert (r.status, r.best.source, r.best.lat) == ("matched", "custom", 43.55)


def test_coordinates_out_of_range_are_refused(tmp_path):
    import pytest

    from geo.gazetteer import add_custom_place

    with pytest.raises(ValueError, match="out of range"):
        add_custom_place(tmp_path / "p.csv", "Nowhere", 95.0, 10.0)
