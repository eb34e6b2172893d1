"""geo.reading.when: dates relative to the date the sentence before stated. Phrases written for these tests."""

import datetime as dt

import pytest

from geo.reading import when


@pytest.mark.parametrize(
    "low, lang, days",
    [
        ("the following day it drove on", "en", 1),
        ("two days later they left", "en", 2),
        ("le lendemain, ils sont partis", "fr", 1),
        ("trois jours plus tard", "fr", 3),
        ("на следующий день колонна ушла", "ru", 1),
        ("через два дня колонна ушла", "ru", 2),
        ("наступного дня колона рушила", "uk", 1),
        ("다음날 부대가 이동했다", "ko", 1),
        ("3일 뒤 도착했다", "ko", 3),
        ("am nächsten tag fuhren sie weiter", "de", 1),
        ("zwei tage später", "de", 2),
        ("al día siguiente partieron", "es", 1),
        ("dos días después", "es", 2),
    ],
)
def test_days_after(low, lang, days):
    assert when.days_after(low, lang) == days


def test_no_relative_date():
    assert when.days_after("on 5 may they left", "en") is None
    assert when.days_after("many days later", "en") is None


def test_counted_from_the_end_of_a_range():
    prev = (dt.date(2024, 5, 6), dt.date(2024, 5, 8))
    assert when.after(prev, "the next day", "en") == (dt.date(2024, 5, 9), None)


def test_nothing_to_count_from():
    assert when.after((None, None), "the next day", "en") == (None, None)


@pytest.mark.parametrize(
    "low, lang",
    [("that same day", "en"), ("ese mismo día", "es"), ("в тот же день", "ru"), ("am selben tag", "de")],
)
def test_the_same_day_is_zero_days_after(low, lang):
    assert when.days_after(low, lang) == 0
    assert when.after((dt.date(2024, 4, 17), None), low, lang) == (dt.date(2024, 4, 17), None)


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        (
            "Columns were seen near Pinsk at the weekend.",
            dt.date(2025, 1, 22),
            (dt.date(2025, 1, 18), dt.date(2025, 1, 19)),
        ),
        ("Колонны замечены в выходные у Пинска.", dt.date(2025, 1, 19), (dt.date(2025, 1, 18), dt.date(2025, 1, 19))),
        ("Am Wochenende wurden Kolonnen gesehen.", dt.date(2025, 1, 20), (dt.date(2025, 1, 18), dt.date(2025, 1, 19))),
    ],
)
def test_the_weekend_is_the_one_before_the_report(sentence, published, expected):
    from geo.reading.when import find_dates

    assert find_dates(sentence, published)[:2] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In mid-January, about 3,000 troops moved.", (dt.date(2025, 1, 1), dt.date(2025, 1, 31))),
        ("À la mi-janvier, des troupes sont arrivées.", (dt.date(2025, 1, 1), dt.date(2025, 1, 31))),
        ("В середине января войска прибыли.", (dt.date(2025, 1, 1), dt.date(2025, 1, 31))),
        ("Troops arrived late last month.", (dt.date(2024, 12, 1), dt.date(2024, 12, 31))),
        ("지난달 병력이 이동했다.", (dt.date(2024, 12, 1), dt.date(2024, 12, 31))),
        ("Earlier this month troops arrived.", (dt.date(2025, 1, 1), dt.date(2025, 1, 31))),
    ],
)
def test_months_named_around_the_publication(sentence, expected):
    from geo.reading.when import find_dates

    assert find_dates(sentence, dt.date(2025, 1, 20))[:2] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("3일부터 5일까지 훈련했다", (dt.date(2025, 3, 3), dt.date(2025, 3, 5))),
        ("vom 3. bis zum 5. März", (dt.date(2025, 3, 3), dt.date(2025, 3, 5))),
        ("в ночь с 3 на 4 марта", (dt.date(2025, 3, 3), dt.date(2025, 3, 4))),
    ],
)
def test_more_ranges(sentence, expected):
    from geo.reading.when import find_dates

    assert find_dates(sentence, dt.date(2025, 3, 10))[:2] == expected
