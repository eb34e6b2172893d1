"""Troop strengths as reports write them: number words, Korean numerals, and the counts that are not strengths.
Sentences written for these tests."""

import pytest

from geo.reading.quantities import find_strength, in_range, with_digits


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("Some five thousand soldiers remain in the town.", "en", 5000),
        ("Quelque deux mille soldats sont arrivés.", "fr", 2000),
        ("Rund dreitausend Soldaten wurden verlegt.", "de", 3000),
        ("Unos dos mil soldados llegaron.", "es", 2000),
        ("Прибыли около 2 тыс. военнослужащих.", "ru", 2000),
        ("Перекинули понад три тисячі військових.", "uk", 3000),
        ("북한군 1만 1천 명이 이동했다.", "ko", 11000),
        ("북한군 1천500여 명이 도착했다.", "ko", 1500),
    ],
)
def test_strengths_in_words_and_numerals(sentence, lang, expected):
    assert find_strength(sentence, lang)[0] == expected


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("At least 30 soldiers were killed or wounded there.", "en"),
        ("Les pertes s'élèveraient à 1 200 hommes en une semaine.", "fr"),
        ("Between 2,000-3,000 soldiers may be there.", "en"),
        ("사상자가 3천 명을 넘어섰다.", "ko"),
    ],
)
def test_losses_and_ranges_are_not_a_strength(sentence, lang):
    assert find_strength(sentence, lang)[0] is None


def test_a_strength_before_an_equipment_count_is_kept():
    assert find_strength("Залучалися близько 1 500 військовослужбовців і до 60 одиниць техніки.", "uk")[0] == 1500


def test_with_digits_leaves_other_text_alone():
    assert with_digits("Troops moved to Kursk.", "en") == "Troops moved to Kursk."
    assert in_range("between 2,000-", "3,000 soldiers") and not in_range("about ", " soldiers")


@pytest.mark.parametrize(
    "sentence, lang",
    [
        ("Selon elle, les Russes ont perdu 80 soldats dans le secteur.", "fr"),
        ("Die Angreifer haben 120 Soldaten verloren.", "de"),
        ("Los rusos perdieron 300 soldados en una semana.", "es"),
    ],
)
def test_troops_lost_are_no_strength(sentence, lang):
    assert find_strength(sentence, lang)[0] is None


def test_a_day_after_its_month_is_no_count():
    assert find_strength("Images taken on January 12 show a buildup of troops.", "en")[0] is None


@pytest.mark.parametrize(
    "sentence, lang, expected",
    [
        ("북한군 약 3천명이 이동했다.", "ko", 3000),
        ("북한군 2천여 명의 병력이 도착했다.", "ko", 2000),  # 2000 is no year here
        ("A 2,000-strong contingent arrived.", "en", 2000),
    ],
)
def test_more_counts(sentence, lang, expected):
    assert find_strength(sentence, lang)[0] == expected


@pytest.mark.parametrize(
    "sentence, lang",
    [("Russia has moved several thousand troops.", "en"), ("Несколько тысяч военных прибыли.", "ru")],
)
def test_several_thousand_is_no_count(sentence, lang):
    assert find_strength(sentence, lang)[0] is None
