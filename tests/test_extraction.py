"""The extractor on reports written for these tests (never the shared development set)."""

import datetime as dt

import pytest

from geo.extraction import Extractor, detect_language, find_confidence, find_dates, find_strength, split_sentences
from geo.model import Kind, Report

PUB = dt.date(2024, 11, 20)  # a Wednesday


@pytest.fixture(scope="module")
def extractor(geocoder):
    return Extractor(geocoder)


def extract(extractor, text, lang=None, published=PUB):
    return extractor.extract(Report("T", text, published, "test source", lang))


def places(result):
    return [(m.text, m.place.name) for m in result.places if m.place.resolved]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Колонна техники замечена под Хабаровском и в Уссурийске.", "ru", ["Khabarovsk", "Ussuriysk"]),
        ("Підрозділи перекинули з Благовєщенська до Курська.", "uk", ["Blagoveshchensk", "Kursk"]),
        ("Бої тривають у Курській області.", "uk", ["Kursk Oblast"]),
        ("북한군이 블라디보스토크로 이동했다.", "ko", ["Vladivostok"]),
        ("병력이 하바롭스크에서 훈련 중이다.", "ko", ["Khabarovsk"]),
        ("Des unités sont arrivées à Khabarovsk.", "fr", ["Khabarovsk"]),
        ("Truppen wurden nach Wladiwostok verlegt.", "de", ["Vladivostok"]),
    ],
)
def test_places_across_scripts_and_inflections(extractor, text, lang, expected):
    assert [name for _, name in places(extract(extractor, text, lang))] == expected


def test_mentions_point_back_into_the_text(extractor):
    text = "Подразделения прибыли в Хабаровск."
    m = extract(extractor, text, "ru").places[0]
    assert text[m.start : m.end] == m.text == "Хабаровск"


@pytest.mark.parametrize(
    "text",
    [
        "General Park said on Monday that more troops were ready.",
        "Defence minister Andrew Moscow visited the troops.",
        "Les soldats nord-coréens sont arrivés.",
        "Mark Berlin told reporters the troops had left.",
    ],
)
def test_people_and_demonyms_are_not_places(extractor, text):
    assert places(extract(extractor, text, None)) == []


def test_context_settles_ambiguity_in_a_report(extractor):
    far_east = extract(extractor, "Soldiers were seen in Khabarovsk and in Blagoveshchensk.", "en")
    urals = extract(extractor, "Soldiers were seen in Ufa and in Blagoveshchensk.", "en")
    assert far_east.places[1].place.geonameid == 2026609
    assert urals.places[1].place.geonameid == 576116


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        ("They arrived between 3 and 7 November.", "2024-11-03", "2024-11-07"),
        ("Ils sont arrivés du 3 au 7 novembre.", "2024-11-03", "2024-11-07"),
        ("Они прибыли с 3 по 7 ноября.", "2024-11-03", "2024-11-07"),
        ("Вони прибули з 3 по 7 листопада.", "2024-11-03", "2024-11-07"),
        ("Sie kamen vom 3. bis 7. November an.", "2024-11-03", "2024-11-07"),
        ("Llegaron del 3 al 7 de noviembre.", "2024-11-03", "2024-11-07"),
        ("11월 3일부터 7일까지 이동했다.", "2024-11-03", "2024-11-07"),
        ("They moved from 28 October to 2 November.", "2024-10-28", "2024-11-02"),
        ("Seen on 12 November 2023.", "2023-11-12", None),
        ("Seen on November 12.", "2024-11-12", None),
        ("Vus la semaine dernière.", "2024-11-11", "2024-11-17"),
        ("Seen last week.", "2024-11-11", "2024-11-17"),
        ("Seen yesterday.", "2024-11-19", None),
        ("Seen on Monday.", "2024-11-18", None),
        ("They moved in late October.", "2024-10-01", "2024-10-31"),
        ("They left on 30 October and arrived on 4 November.", "2024-10-30", "2024-11-04"),
        ("Sie wurden Ende Oktober verlegt.", "2024-10-01", "2024-10-31"),
        ("They may move soon.", None, None),  # "may" the verb is no month: a lone month needs "in", "late"…
    ],
)
def test_dates(sentence, start, end):
    s, e, _ = find_dates(sentence, PUB)
    assert (s.isoformat() if s else None, e.isoformat() if e else None) == (start, end)


def test_a_date_well_after_publication_is_last_year():
    assert find_dates("Seen on 12 December.", dt.date(2025, 1, 10))[0] == dt.date(2024, 12, 12)


@pytest.mark.parametrize(
    "sentence, lang, strength, approx",
    [
        ("About 2,500 soldiers arrived.", "en", 2500, True),
        ("Quelque 1 200 soldats sont arrivés.", "fr", 1200, True),
        ("Прибыли около 4 тысяч военнослужащих.", "ru", 4000, True),
        ("Прибули 11 тисяч військових.", "uk", 11000, False),
        ("Unos 700 soldados llegaron.", "es", 700, True),
        ("Rund 900 Soldaten wurden verlegt.", "de", 900, True),
        ("병력 약 3천 명이 이동했다.", "ko", 3000, True),
        ("On 14 November the column moved.", "en", None, False),
        ("In 2024 the brigade moved 40 km.", "en", None, False),
    ],
)
def test_strength(sentence, lang, strength, approx):
    value, is_approx, _ = find_strength(sentence, lang)
    assert value == strength
    if strength:
        assert is_approx == approx


@pytest.mark.parametrize(
    "sentence, lang, digit",
    [
        ("The move could not be confirmed.", "en", 6),
        ("The move was confirmed by two sources.", "en", 1),
        ("Ce transfert est peu probable.", "fr", 4),
        ("Эти данные не подтверждены.", "ru", 6),
        ("Ймовірно, це бригада морської піхоти.", "uk", 2),
        ("Die Angaben sind vermutlich richtig.", "de", 2),
        ("La llegada no está confirmada.", "es", 6),
        ("Die Verlegung wurde nicht offiziell bestätigt.", "de", 6),
        ("Troops arrived in the city.", "en", None),
        ("Des soldats sont arrivés, selon Kiev.", "fr", None),  # attribution says who, not how sure
    ],
)
def test_confidence_cues(sentence, lang, digit):
    assert find_confidence(sentence, lang)[0] == digit


def test_movement_with_both_ends_date_strength_and_sentence(extractor):
    text = (
        "Around 1,200 marines were moved by rail from Ussuriysk to Khabarovsk between 3 and 6 November. "
        "Officials said the transfer was probably complete."
    )
    r = extract(extractor, text, "en")
    [e] = r.events
    assert e.kind is Kind.MOVEMENT
    assert (e.origin.name, e.place.name) == ("Ussuriysk", "Khabarovsk")
    assert (e.start, e.end, e.strength, e.strength_approx) == (dt.date(2024, 11, 3), dt.date(2024, 11, 6), 1200, True)
    assert e.confidence == 2  # from the sentence about the information, applied to the report's events
    assert e.evidence.startswith("Around 1,200 marines")
    assert e.report_id == "T" and e.source == "test source"


def test_a_movement_takes_its_missing_end_from_the_sentence_before(extractor):
    text = "Some 900 soldiers are now in Belgorod. They were moved by train from Bryansk on 2 November."
    events = extract(extractor, text, "en").events
    move = next(e for e in events if e.kind is Kind.MOVEMENT)
    assert (move.origin.name, move.place.name, move.start) == ("Bryansk", "Belgorod", dt.date(2024, 11, 2))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("About 800 soldiers reached Kursk between 3 and 5 November. They are housed in barracks in Belgorod.", "en"),
        ("800 soldats sont arrivés à Koursk du 3 au 5 novembre. Ces soldats seraient logés à Belgorod.", "fr"),
        ("About 800 soldiers reached Kursk between 3 and 5 November. The troops are housed in Belgorod.", "en"),
        ("11월 3일부터 5일까지 북한군 800명이 쿠르스크에 도착했다. 이들은 벨고로드에 머물고 있다.", "ko"),
    ],
)
def test_a_sentence_that_refers_back_takes_the_date_of_the_one_before(extractor, text, lang):
    events = extract(extractor, text, lang).events
    belgorod = next(e for e in events if e.place.name == "Belgorod")
    assert (belgorod.start, belgorod.end) == (dt.date(2024, 11, 3), dt.date(2024, 11, 5))


def test_a_sentence_about_something_new_keeps_no_date(extractor):
    text = "About 800 soldiers reached Kursk on 4 November. Satellite images show military vehicles near Belgorod."
    events = extract(extractor, text, "en").events
    assert next(e for e in events if e.place.name == "Belgorod").start is None


@pytest.mark.parametrize(
    "sentence",
    ["Some 900 soldiers are currently stationed in Belgorod.", "Derzeit sind etwa 900 Soldaten in Belgorod."],
)
def test_currently_dates_a_sentence_to_the_publication(sentence):
    assert find_dates(sentence, PUB)[:2] == (PUB, None)


def test_presences_in_a_list_and_no_event_for_a_government(extractor):
    text = (
        "Les soldats seraient logés dans des casernes à Ussuriysk, Khabarovsk et Blagoveshchensk. "
        "Moscou dément toute présence de soldats étrangers."
    )
    r = extract(extractor, text, "fr")
    assert [(e.kind, e.place.name) for e in r.events] == [
        (Kind.PRESENCE, "Ussuriysk"),
        (Kind.PRESENCE, "Khabarovsk"),
        (Kind.PRESENCE, "Blagoveshchensk"),
    ]
    assert all(e.confidence == 3 for e in r.events)  # "seraient": reported, not asserted
    assert "Moscow" in [m.place.name for m in r.places]  # still a place of the report


def test_reference_points_and_sentences_without_troops_make_no_events(extractor):
    text = (
        "Diplomats in Vienna and Prague discussed the deployment. "
        "Drones hit a depot near Kramatorsk, 20 km north of Horlivka, on 10 November."
    )
    r = extract(extractor, text, "en")
    assert [(e.place.name, e.start) for e in r.events] == [("Kramatorsk", dt.date(2024, 11, 10))]


def test_contract_output_shape(extractor):
    text = "Около 500 военнослужащих перебросили из Хабаровска в Благовещенск 12 ноября."
    out = extract(extractor, text, "ru").to_contract()
    assert set(out) == {"report_id", "language", "places", "events"}
    assert set(out["places"][0]) == {"mention", "start", "end", "name", "lat", "lon", "country", "feature", "geonameid"}
    [e] = out["events"]
    assert set(e) == {
        "kind",
        "origin",
        "destination",
        "location",
        "start",
        "end",
        "strength",
        "unit",
        "confidence",
        "evidence",
    }
    assert (e["kind"], e["origin"]["name"], e["destination"]["name"], e["start"], e["strength"]) == (
        "movement",
        "Khabarovsk",
        "Blagoveshchensk",
        "2024-11-12",
        500,
    )


def test_language_detection_and_sentences():
    assert detect_language("Вони прибули до міста.", None) == "uk"
    assert detect_language("Они прибыли в город.", None) == "ru"
    assert detect_language("병력이 이동했다.", None) == "ko"
    assert detect_language("Les soldats sont arrivés et la ville est calme.", None) == "fr"
    assert len(split_sentences("Am 28. Oktober kamen sie an. Dann fuhren sie weiter.")) == 2


def test_verbs_that_take_the_place_as_their_object(extractor):
    text = "Two trains carrying some 2,000 troops left Ussuriysk on 1 November and reached Khabarovsk on 3 November."
    [e] = [e for e in extract(extractor, text, "en").events if e.kind is Kind.MOVEMENT]
    assert (e.origin.name, e.place.name, e.strength) == ("Ussuriysk", "Khabarovsk", 2000)


def test_accusative_region(extractor):
    text = "Около 5 тысяч военных переброшены из Хабаровска в Белгородскую область 3 ноября."
    [e] = extract(extractor, text, "ru").events
    assert (e.origin.name, e.place.name, e.strength) == ("Khabarovsk", "Belgorod Oblast", 5000)


def test_many_reports_read_in_worker_processes_give_what_one_process_gives(extractor):
    from geo.extraction import extract_all

    sentences = [
        "About {n} soldiers were moved by rail from Khabarovsk to Kursk on {d} November.",
        "Des blindés ont été vus près de Belgorod le {d} novembre, selon des habitants.",
        "По данным разведки, {d} ноября в Хабаровск прибыли {n} военнослужащих.",
    ]
    reports = [
        Report(f"P{i}", sentences[i % 3].format(n=100 * (i % 40 + 1), d=1 + i % 28), PUB, "test source", None)
        for i in range(240)
    ]
    alone = [x.to_contract() for x in extract_all(extractor, reports, processes=1)]
    shared = [x.to_contract() for x in extract_all(extractor, reports, processes=2)]
    assert shared == alone and sum(len(x["events"]) for x in alone) > 100


@pytest.mark.parametrize(
    "sentence, lang, digit",
    [
        ("Reuters could not independently verify the claim.", "en", 6),
        ("Das ließ sich nicht unabhängig überprüfen.", "de", 6),
        ("La información no pudo ser verificada.", "es", 6),
        ("Подразделения якобы переброшены под Купянск.", "ru", 3),
        ("Підрозділи нібито перекинуті.", "uk", 3),
        ("이동했을 가능성이 높다고 분석했다.", "ko", 2),
        ("Le ministère a confirmé le transfert.", "fr", 1),
        ("Как утверждают источники, подкрепление переброшено.", "ru", 3),
    ],
)
def test_confidence_cues_of_checking_and_hearsay(sentence, lang, digit):
    assert find_confidence(sentence, lang)[0] == digit


@pytest.mark.parametrize(
    "sentence, lang, digit",
    [
        ("Reuters was unable to verify the report.", "en", 6),
        ("L'AFP n'a pas été en mesure de vérifier ces informations.", "fr", 6),
        ("No casualties were reported, the ministry confirmed.", "en", 1),
    ],
)
def test_a_negation_a_few_words_before_a_verb_of_checking(sentence, lang, digit):
    assert find_confidence(sentence, lang)[0] == digit
