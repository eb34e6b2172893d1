"""geo.reading.events: the role each place plays in its clause. Sentences written for these tests."""

import datetime as dt

import pytest

from geo.extraction import Extractor
from geo.model import Report


@pytest.fixture(scope="module")
def extractor(geocoder):
    return Extractor(geocoder)


def arrows(extractor, text, lang):
    out = extractor.extract(Report("T", text, dt.date(2024, 11, 20), "test", lang))
    return [(e.kind.value, e.origin.name if e.origin else None, e.place.name) for e in out.events]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # from and to
        (
            "About 900 soldiers were moved from Bryansk to Kursk on 3 November.",
            "en",
            [("movement", "Bryansk", "Kursk")],
        ),
        ("Около 900 военных перебросили из Брянска в Курск 3 ноября.", "ru", [("movement", "Bryansk", "Kursk")]),
        # a list shares the role of its first item
        (
            "Des soldats ont été transférés de Koursk et de Belgorod vers Briansk le 3 novembre.",
            "fr",
            [("movement", "Kursk", "Bryansk"), ("movement", "Belgorod", "Bryansk")],
        ),
        # a place passed through is no end
        ("Troops moved from Kursk via Belgorod to Kharkiv on 3 November.", "en", [("movement", "Kursk", "Kharkiv")]),
        # a capital that speaks is an actor
        ("Moscow said that 900 soldiers arrived in Kursk on 3 November.", "en", [("movement", None, "Kursk")]),
    ],
)
def test_roles(extractor, text, lang, expected):
    assert arrows(extractor, text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "On 15 November about 900 soldiers boarded a train at Chita bound for Rostov-on-Don.",
            "en",
            [("movement", "Chita", "Rostov-on-Don")],
        ),
        ("A convoy was seen heading for Pokrovsk on 15 November.", "en", [("movement", None, "Pokrovsk")]),
    ],
)
def test_the_place_a_train_is_at_when_it_is_bound_elsewhere_is_its_origin(extractor, text, lang, expected):
    assert arrows(extractor, text, lang) == expected
