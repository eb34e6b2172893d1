"""geo.reading.links and what it changes on the map: a report tells one movement over several sentences (the
count in one, the origin in the next, "there", "from there", "before that"). Sentences written for these tests."""

import datetime as dt

import pytest

from geo.extraction import Extractor
from geo.model import Kind, Report
from geo.reading import links
from geo.reading.quantities import find_strength

PUB = dt.date(2024, 11, 20)


@pytest.fixture(scope="module")
def extractor(geocoder):
    return Extractor(geocoder)


def events(extractor, text, lang, title=""):
    return extractor.extract(Report("T", text, PUB, "test", lang, title=title)).events


def arrows(evs):
    return sorted((e.kind.value, e.origin.name if e.origin else "", e.place.name, e.strength or 0) for e in evs)


@pytest.mark.parametrize(
    "low, lang",
    [("the number of troops there is rising", "en"), ("dort sind 300 soldaten", "de"), ("там находятся", "ru")],
)
def test_there(low, lang):
    assert links.there(low, lang)


def test_there_is_a_whole_word():
    assert not links.there("таможня закрыта", "ru")
    assert not links.there("therefore it moved", "en")


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("Rund 7.000 von ihnen sind angekommen.", "de", 7000),
        ("Some 2,000 of them have arrived.", "en", 2000),
        ("Около 900 из них уже прибыли.", "ru", 900),
        ("Die Zahl der Kämpfer wird auf rund 4.500 geschätzt.", "de", 4500),
        ("El número de soldados asciende a 1.200.", "es", 1200),
    ],
)
def test_counts_whose_troops_are_named_elsewhere(sentence, lang, expected):
    assert find_strength(sentence, lang)[0] == expected


def test_the_number_of_tanks_is_no_troop_count():
    assert find_strength("The number of tanks destroyed rose to 40.", "en")[0] is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A brigade was moved from Brest to Baranovichi on 12 November. About 800 soldiers took part.", "en"),
        ("Бригада совершила марш из Бреста в Барановичи 12 ноября. Привлекалось около 800 военнослужащих.", "ru"),
        (
            "Eine Brigade wurde am 12. November von Brest nach Baranowitschi verlegt. Rund 800 Soldaten nahmen teil.",
            "de",
        ),
    ],
)
def test_a_count_without_a_place_is_the_strength_of_the_movement_before(extractor, text, lang):
    (e,) = events(extractor, text, lang)
    assert (e.kind, e.origin.name, e.place.name, e.strength) == (Kind.MOVEMENT, "Brest", "Baranovichi", 800)


def test_a_count_there_is_a_presence_at_the_place_before(extractor):
    text = "Russian units were fighting near Belgorod on 3 November. Some 3,500 soldiers are deployed there."
    assert ("presence", "", "Belgorod", 3500) in arrows(events(extractor, text, "en"))


def test_a_count_two_paragraphs_later_stays_put(extractor):
    text = (
        "A brigade was moved from Brest to Baranovichi on 12 November. The weather was cold. Trains ran late. "
        "Officials said 40,000 soldiers serve in the army."
    )
    (e,) = events(extractor, text, "en")
    assert e.strength is None


def test_a_denied_count_is_not_carried(extractor):
    text = "A brigade was moved from Brest to Baranovichi on 12 November. No 800 soldiers were seen."
    (e,) = events(extractor, text, "en")
    assert e.strength is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("More than 3,000 soldiers arrived in Kursk on 5 November. The trains had left from Khabarovsk.", "en"),
        ("5 листопада до Курська прибули понад 3000 військових. Ешелони з ними вирушили з Хабаровська.", "uk"),
    ],
)
def test_an_origin_in_the_next_sentence_completes_the_arrival(extractor, text, lang):
    ev = events(extractor, text, lang)
    assert [(e.kind, e.origin.name, e.place.name) for e in ev] == [(Kind.MOVEMENT, "Khabarovsk", "Kursk")]
    assert ev[0].start == dt.date(2024, 11, 5)


def test_where_they_were_before_is_the_origin(extractor):
    text = "Rund 7.000 Soldaten haben am 3. November Kursk erreicht; zuvor waren sie in Ussurijsk und Chabarowsk."
    assert arrows(events(extractor, text, "de")) == [
        ("movement", "Khabarovsk", "Kursk", 7000),
        ("movement", "Ussuriysk", "Kursk", 7000),
    ]


def test_from_there(extractor):
    text = "A battalion arrived in Vladivostok on 6 November. From there it drove to Ussuriysk the following day."
    ev = events(extractor, text, "en")
    last = [e for e in ev if e.place.name == "Ussuriysk"][0]
    assert (last.origin.name, last.start) == ("Vladivostok", dt.date(2024, 11, 7))


def test_a_date_only_in_the_title_dates_the_event(extractor):
    text = "Witnesses filmed a column of trucks moving from Simferopol to Dzhankoi."
    (e,) = events(extractor, text, "en", title="Column near Dzhankoi, 18 November")
    assert e.start == dt.date(2024, 11, 18)


def test_the_same_day_takes_the_date_of_a_sentence_without_places(extractor):
    text = (
        "The peacekeepers began to leave on 17 November. A first column of 300 soldiers moved from Aghdam to Yevlakh "
        "that same day."
    )
    (e,) = events(extractor, text, "en")
    assert (e.origin.name, e.start, e.strength) == ("Aghdam", dt.date(2024, 11, 17), 300)


def test_moved_to_the_area_then_where_from(extractor):
    text = (
        "North Korean units have joined Russian assaults near Belgorod. At least 30 North Korean soldiers were "
        "wounded there on Saturday. About 1,500 soldiers had been moved to the area on 12 November. They came "
        "from Bryansk, where they had trained."
    )
    evs = events(extractor, text, "en")
    assert ("movement", "Bryansk", "Belgorod", 1500) in arrows(evs)
    assert any(e.place.name == "Belgorod" and e.start == dt.date(2024, 11, 16) for e in evs)  # "there on Saturday"


def test_a_place_passed_through_is_no_end_of_the_movement(extractor):
    (e,) = events(extractor, "Колонна ушла из Симферополя через Джанкой на Херсон 26 ноября.", "ru")
    assert (e.origin.name, e.place.name) == ("Simferopol", "Kherson")


def test_a_korean_list_and_an_area_noun_carry_one_particle(extractor):
    evs = events(extractor, "북한군 1천500여 명이 지난주 원산·함흥 일대에서 열차 편으로 평양에 도착했다.", "ko")
    assert sorted(e.origin.name for e in evs) == ["Hamhŭng", "Wŏnsan"]
    assert {e.place.name for e in evs} == {"Pyongyang"}


def test_further_units_from_elsewhere_arrive_where_the_movement_before_went(extractor):
    text = (
        "Nach Angaben des Generalstabs hat Russland am 18. November rund 3.000 Soldaten aus Belgorod nach Kursk "
        "verlegt. Zwei Tage später trafen weitere Einheiten aus Brjansk ein."
    )
    assert [(e.origin.name, e.place.name, e.start) for e in events(extractor, text, "de")] == [
        ("Belgorod", "Kursk", dt.date(2024, 11, 18)),
        ("Bryansk", "Kursk", dt.date(2024, 11, 20)),
    ]


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("Ворог перекинув близько тисячі військових.", "uk", 1000),
        ("Противник перебросил около тысячи военнослужащих.", "ru", 1000),
        ("Un millier de soldats sont arrivés.", "fr", 1000),
        ("Тысячи военных ушли на фронт.", "ru", None),  # thousands, not one thousand
    ],
)
def test_a_thousand_without_a_number(sentence, lang, expected):
    assert find_strength(sentence, lang)[0] == expected


def test_part_of_them_arrived_from_elsewhere(extractor):
    text = (
        "По его данным, в районе Белгорода противник сосредоточил не менее 1 500 военнослужащих; часть из них, "
        "вероятно, прибыла из-под Курска на прошлой неделе."
    )
    evs = events(extractor, text, "ru")
    assert ("movement", "Kursk", "Belgorod", 1500) in arrows(evs)


def test_a_town_passed_through_does_not_take_the_region_after_it(extractor):
    (e,) = events(extractor, "Колонна ушла из Симферополя через Джанкой на Херсонщину 26 ноября.", "ru")
    assert (e.origin.name, e.place.name) == ("Simferopol", "Kherson")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Les soldats ont renforcé leurs positions près de Koursk et de Belgorod le 5 novembre.", "fr"),
        ("Las tropas reforzaron sus posiciones cerca de Kursk y de Bélgorod el 5 de noviembre.", "es"),
    ],
)
def test_near_x_and_y_are_both_where_troops_are(extractor, text, lang):
    assert sorted(arrows(events(extractor, text, lang))) == [
        ("presence", "", "Belgorod", 0),
        ("presence", "", "Kursk", 0),
    ]


def test_a_movement_to_a_country_is_no_presence_at_its_origin(extractor):
    text = "Die Bundeswehr hat am 18. November rund 500 Soldaten aus Cottbus nach Litauen verlegt."
    (e,) = events(extractor, text, "de")
    assert (e.kind.value, e.origin.name, e.place.name, e.strength) == ("movement", "Cottbus", "Lithuania", 500)


def test_where_troops_come_from_is_not_where_they_are(extractor):
    text = "Satellitenbilder zeigen am 18. November Fahrzeuge bei Kursk. Ob es sich um Truppen aus Omsk handelt, ist unklar."
    assert [e.place.name for e in events(extractor, text, "de")] == ["Kursk"]
