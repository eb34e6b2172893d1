"""geo.reading.mentions and what it changes in the extractor: ordinary words, acronyms and date words are not
places; inflected Russian and Ukrainian names are. Sentences written for these tests."""

import datetime as dt

import pytest

from geo.extraction import Extractor
from geo.model import Report
from geo.reading import mentions


@pytest.fixture(scope="module")
def extractor(geocoder):
    return Extractor(geocoder)


def place_names(extractor, text, lang):
    out = extractor.extract(Report("T", text, dt.date(2024, 11, 20), "test", lang))
    return [m.place.name for m in out.places if m.place.resolved and m.place.feature != "country"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("NIS officials briefed the committee about the brigade.", "en"),
        ("The EU and the UN discussed the brigade's supplies.", "en"),
        ("March was a quiet month for the brigade.", "en"),
        ("Im Rest des Landes blieb die Brigade in ihren Kasernen.", "de"),
        ("Seit Mitte Oktober übt die Brigade an dieser Stelle.", "de"),
        ("Кроме того, бригада получила новые машины.", "ru"),
        ("Les soldats de la brigade ont reçu du matériel, selon le ministère de la Santé.", "fr"),
    ],
)
def test_ordinary_words_and_acronyms_draw_no_place(extractor, text, lang):
    assert place_names(extractor, text, lang) == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Moscow sent another brigade.", "en", "Moscow"),  # a big place keeps its name at a sentence start
        ("Berlin schickte eine Brigade.", "de", "Berlin"),
        ("Колонна вышла из-под Харькова ночью.", "ru", "Kharkiv"),
        ("Евакуйовані прибули до Миколаєва.", "uk", "Mykolayiv"),
    ],
)
def test_real_places_survive_the_filter(extractor, text, lang, expected):
    assert expected in place_names(extractor, text, lang)


def test_a_place_adjective_before_an_area_word_names_the_region(extractor):
    out = extractor.extract(Report("T", "Підрозділи прибули з Ростовської області.", None, "test", "uk"))
    (m,) = [m for m in out.places if m.place.resolved]
    assert (m.text, m.place.feature) == ("Ростовської", "region")


def test_a_place_adjective_before_another_noun_is_no_place(extractor):
    assert place_names(extractor, "Корабли Черноморского флота вышли в море.", "ru") == []


def test_frequency_lookup_and_acronyms():
    assert mentions.zipf("the", "en") > 6
    assert mentions.zipf("xqzwv", "en") == 0
    assert mentions.is_acronym("NATO") and not mentions.is_acronym("Nato") and not mentions.is_acronym("N")


def test_a_lower_case_place_adjective_before_a_front_word_is_that_area(extractor):
    out = extractor.extract(Report("T", "Подкрепление переброшено на белгородское направление.", None, "t", "ru"))
    assert [(m.place.name, m.place.feature) for m in out.places if m.place.resolved] == [("Belgorod", "region")]


class _Respelling:
    """The test gazetteer with a ``find`` that knows one other spelling, as the geocoder's Gazetteer.find does
    with transliterations and sound keys."""

    def __init__(self, gazetteer, spellings):
        self._gazetteer, self._spellings = gazetteer, spellings

    def __getattr__(self, name):
        return getattr(self._gazetteer, name)

    def find(self, name):
        target = self._spellings.get(name)
        cands = self._gazetteer.lookup(target) if target else ()
        return cands, ("alternate+sound",) * len(cands)


def test_a_name_spelled_otherwise_is_found_through_the_gazetteers_own_matching(gazetteer):
    finder = mentions.MentionFinder(_Respelling(gazetteer, {"Kurskk": "Kursk", "Obviously": "Kursk"}))
    text = "Obviously, the soldiers arrived in Kurskk on Monday."
    from geo.reading.sentences import Tokens, split_sentences

    tokens, sentences = Tokens(text), split_sentences(text)
    found = finder.find(text, tokens, [0] * len(tokens.texts), sentences, "en")
    assert [(m.text, m.kinds[0]) for m in found] == [("Kurskk", "alternate+sound")]  # an ordinary word is not


class _ExactOnly:
    """The test gazetteer without ``find``: exact and stem lookups only."""

    def __init__(self, gazetteer):
        self._gazetteer = gazetteer

    def __getattr__(self, name):
        if name == "find":
            raise AttributeError(name)
        return getattr(self._gazetteer, name)


def test_without_the_gazetteers_own_matching_nothing_changes(gazetteer):
    finder = mentions.MentionFinder(_ExactOnly(gazetteer))
    text = "The soldiers arrived in Kurskk on Monday."
    from geo.reading.sentences import Tokens, split_sentences

    tokens, sentences = Tokens(text), split_sentences(text)
    assert finder.find(text, tokens, [0] * len(tokens.texts), sentences, "en") == []


def test_a_preposition_opening_a_sentence_is_no_first_name(extractor):
    assert place_names(extractor, "Поблизу Харкова тривають бої.", "uk") == ["Kharkiv"]


def test_a_preposition_is_not_part_of_a_name_found_by_another_spelling(gazetteer):
    finder = mentions.MentionFinder(_Respelling(gazetteer, {"До Курська": "Kursk", "Курська": "Kursk"}))
    text = "До Курська прибули війська."
    from geo.reading.sentences import Tokens, split_sentences

    tokens, sentences = Tokens(text), split_sentences(text)
    found = finder.find(text, tokens, [0] * len(tokens.texts), sentences, "uk")
    assert [m.text for m in found] == ["Курська"]


@pytest.mark.parametrize(
    "word, noun, lang, expected",
    [
        ("Черноморского", "флота", "ru", True),  # a fleet
        ("Курская", "битва", "ru", True),  # a battle
        ("Двуречной", "противник", "ru", False),  # "в районе Двуречной противник ...": a place, then the subject
        ("Курского", "направления", "ru", False),  # an area word
    ],
)
def test_a_place_adjective_names_a_thing_only_when_it_agrees_with_the_noun(word, noun, lang, expected):
    assert mentions.modifies_noun(word, noun, lang) is expected


def test_an_acronym_after_a_place_is_no_longer_name(extractor):
    assert place_names(extractor, "Тим часом у Харкові СБУ затримала агента.", "uk") == ["Kharkiv"]


def test_a_dateline_in_capitals_is_a_place(extractor):
    assert "Moscow" in place_names(extractor, "МОСКВА, 6 ноября. Войска прибыли в Курск.", "ru")
