"""geo.reading.cues and what it changes on the map: negated, denied, forecast and diplomatic sentences, places of
statements and datelines draw no event. Sentences written for these tests."""

import datetime as dt

import pytest

from geo.extraction import Extractor
from geo.model import Kind, Report
from geo.reading import cues


@pytest.fixture(scope="module")
def extractor(geocoder):
    return Extractor(geocoder)


def events(extractor, text, lang, published=dt.date(2024, 11, 20)):
    return extractor.extract(Report("T", text, published, "test", lang)).events


@pytest.mark.parametrize(
    "text, lang",
    [
        ("No additional troops were seen in Belgorod on Monday.", "en"),
        ("Kyiv denied that its brigades had been moved to Sumy.", "en"),
        ("Aucune troupe n'a été observée à Koursk cette semaine.", "fr"),
        ("Keine neuen Truppen wurden in Belgorod gesichtet.", "de"),
        ("No hay tropas adicionales en Bélgorod, según el ministerio.", "es"),
        ("Войска не были переброшены в Белгород.", "ru"),
        ("The brigade will be deployed to Kursk next month.", "en"),
        ("Les soldats seront envoyés à Koursk en décembre.", "fr"),
        ("Defence ministers met in Brussels to discuss troop rotations.", "en"),
        ("General Kim told reporters in Seoul that the troops were ready.", "en"),
    ],
)
def test_sentences_that_state_no_event_draw_no_arrow(extractor, text, lang):
    assert events(extractor, text, lang) == []


def test_a_negation_in_one_clause_leaves_the_other_alone(extractor):
    text = "About 900 soldiers arrived in Belgorod on 3 November, but no troops were seen in Kursk."
    (e,) = events(extractor, text, "en")
    assert (e.place.name, e.start) == ("Belgorod", dt.date(2024, 11, 3))


def test_could_not_confirm_is_doubt_not_negation(extractor):
    text = "Some 900 soldiers arrived in Belgorod on 3 November, which could not be independently confirmed."
    (e,) = events(extractor, text, "en")
    assert e.place.name == "Belgorod"


def test_a_dateline_is_where_the_report_was_filed(extractor):
    text = "SEOUL, Nov 20 (Agency) - About 2,000 soldiers were moved from Wonsan to Vladivostok on 18 November."
    ev = events(extractor, text, "en")
    assert [(e.kind, e.origin.name if e.origin else None, e.place.name) for e in ev] == [
        (Kind.MOVEMENT, "Wŏnsan", "Vladivostok")
    ]
    assert ev[0].start == dt.date(2024, 11, 18)


def test_the_town_carries_the_event_not_its_region(extractor):
    ev = events(extractor, "About 900 soldiers are now near Sudzha, in the Kursk region.", "en")
    assert [e.place.name for e in ev] == ["Sudzha"]


@pytest.mark.parametrize(
    "clause, lang, expected",
    [
        ("no troops were seen", "en", True),
        ("which could not be verified", "en", False),
        ("не менее 1500 военнослужащих", "ru", False),
        ("was nicht unabhängig überprüfbar ist", "de", False),
        ("확인되지 않았다", "ko", False),
        ("병력은 없었다", "ko", True),
    ],
)
def test_negation(clause, lang, expected):
    assert cues.negated(clause.casefold(), lang) is expected


def test_units_cut_a_sentence_where_a_new_claim_starts():
    s = "Troops were seen near Kursk since April, and that a battalion was moved to Sudzha last week."
    assert [s[a:b].strip() for a, b in cues.units(s, "en")] == [
        "Troops were seen near Kursk since April,",
        "and that a battalion was moved to Sudzha last week.",
    ]


def test_a_capital_that_speaks_is_an_actor_even_in_a_list(extractor):
    text = "Border posts near Terespol were closed, and Warsaw said 5,000 soldiers were on alert."
    assert "Warsaw" not in [e.place.name for e in events(extractor, text, "en")]


def test_to_the_town_is_the_town_just_named(extractor):
    text = "Fighting continues in Toretsk. Yesterday 400 soldiers were moved to the town from Horlivka."
    moves = [e for e in events(extractor, text, "en") if e.kind is Kind.MOVEMENT]
    assert [(e.origin.name, e.place.name) for e in moves] == [("Horlivka", "Toretsk")]


def test_compound_preposition_is_an_origin(extractor):
    text = "Колонна военных выдвинулась из-под Белгорода на Курск."
    (e,) = events(extractor, text, "ru")
    assert (e.kind, e.origin.name, e.place.name) == (Kind.MOVEMENT, "Belgorod", "Kursk")


@pytest.mark.parametrize(
    "text",
    [
        "In Belgorod, 600 soldiers arrived overnight, the governor said.",
        "BELGORODSKY, a unit of 600 soldiers, arrived in Belgorod on Monday.",
        "About 600 soldiers arrived in Belgorod, said the governor.",
    ],
)
def test_a_statement_elsewhere_in_the_sentence_keeps_the_event(extractor, text):
    assert [e.place.name for e in events(extractor, text, "en")] == ["Belgorod"]


def test_a_region_and_a_town_named_apart_both_carry_events(extractor):
    text = "About 900 soldiers are now in the Kursk region and in Belgorod."
    assert sorted(e.place.name for e in events(extractor, text, "en")) == ["Belgorod", "Kursk Oblast"]


def test_a_capital_that_names_a_place_is_an_actor(extractor):
    text = "Les soldats sont entrés vendredi à Koursk, que Moscou appelle la ville héroïque."
    assert [e.place.name for e in events(extractor, text, "fr")] == ["Kursk"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Russian units continued their attacks on Toretsk on 3 November.", "en"),
        ("Russische Einheiten haben am 3. November ihre Angriffe auf Torezk fortgesetzt.", "de"),
        ("3 ноября российские подразделения продолжили штурм Торецка.", "ru"),
    ],
)
def test_where_troops_attack_is_where_they_are(extractor, text, lang):
    assert [(e.kind, e.place.name) for e in events(extractor, text, lang)] == [(Kind.PRESENCE, "Toretsk")]


def test_a_strike_from_afar_puts_no_troops_there(extractor):
    assert events(extractor, "Russian forces attacked Kherson with drones and artillery on 3 November.", "en") == []


def test_german_compounds_name_troops(extractor):
    text = "Wagner-Kämpfer haben am 14. November bei Brest mit Spezialkräften eine Übung begonnen."
    assert [e.place.name for e in events(extractor, text, "de")] == ["Brest"]


def test_a_german_clause_of_saying_ends_in_its_verb(extractor):
    text = "Soldaten haben am 14. November bei Brest eine Übung begonnen, wie das Ministerium in Minsk mitteilte."
    assert [e.place.name for e in events(extractor, text, "de")] == ["Brest"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("В Киеве заявления российского военного ведомства не комментируют.", "ru"),
        ("In Kyiv the defence ministry did not comment on the reports.", "en"),
    ],
)
def test_a_place_opening_a_sentence_of_comment_is_where_it_was_said(extractor, text, lang):
    assert events(extractor, text, lang) == []


def test_the_verb_before_the_village_of(extractor):
    (e,) = events(extractor, "Russian forces captured the village of Kurakhove on 14 November.", "en")
    assert e.place.name == "Kurakhove"


def test_what_is_to_come_next_week_is_no_event(extractor):
    text = "The Kremlin said on Monday that troops would be withdrawn from Kherson next month."
    assert events(extractor, text, "en") == []


def test_a_modal_in_a_sentence_without_places_speaks_only_for_itself(extractor):
    text = "Die Bundeswehr hat am 18. November rund 500 Soldaten nach Vilnius verlegt. Dort sollen sie verstärken."
    (e,) = events(extractor, text, "de")
    assert e.confidence is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In Berlin demonstrierten am Samstag tausende Menschen gegen den Krieg.", "de"),
        ("On 14 November 2,000 troops at Fort Bragg were put on standby for deployment to Poland.", "en"),
    ],
)
def test_people_and_troops_on_standby_are_no_deployment(extractor, text, lang):
    assert events(extractor, text, lang) == []


def test_a_region_describing_the_town_before_it_drops_out(extractor):
    text = "On 14 November Russian troops entered Toretsk, a mining town in the north of the Donetsk region."
    assert [e.place.name for e in events(extractor, text, "en")] == ["Toretsk"]


def test_a_delegation_is_no_deployment(extractor):
    assert events(extractor, "Вчора до Ізюма прибула делегація Міністерства оборони.", "uk") == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("На Покровському напрямку ворог 15 листопада атакував 20 разів.", "uk"),
        ("The enemy attacked near Pokrovsk on 15 November.", "en"),
    ],
)
def test_the_enemy_is_troops(extractor, text, lang):
    assert [e.place.name for e in events(extractor, text, lang)] == ["Pokrovsk"]
