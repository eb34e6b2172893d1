import datetime as dt

import pytest

from geo.model import Event, Kind, Place


def test_event_from_fields_is_the_event_the_constructor_makes():
    fields = dict(
        kind=Kind.MOVEMENT,
        place=Place("Ussuriysk", "Ussuriysk", 43.8, 131.95, status="matched"),
        origin=Place("Vladivostok", "Vladivostok", 43.1, 131.9, status="matched"),
        start=dt.date(2024, 10, 8),
        strength=1500,
        evidence="About 1,500 soldiers were moved by rail from Vladivostok to Ussuriysk.",
    )
    made = Event.from_fields(fields)
    assert made == Event(**fields)
    assert made.content() == Event(**fields).content()
    assert made.extra == {} and made.extra is not Event.from_fields(fields).extra  # each its own


def test_event_from_fields_refuses_a_misspelt_field():
    with pytest.raises(TypeError, match="strenght"):
        Event.from_fields(dict(kind=Kind.PRESENCE, place=None, strenght=3))
