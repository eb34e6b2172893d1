"""Fusion: one fact per movement, whatever the number of reports, languages and layouts that tell it."""

import datetime as dt

from geo.fusion import canonical_unit, fuse, units_compatible
from geo.model import Event, Kind, Place

VL = Place("Vladivostok", "Vladivostok", 43.10562, 131.87353, geonameid=2013348, status="matched")
VL_RU = Place("Владивосток", "Vladivostok", 43.10562, 131.87353, geonameid=2013348, status="matched")
CJ = Place("Chongjin", "Chongjin", 41.79556, 129.77583, geonameid=2044757, status="matched")
KH = Place("Khabarovsk", "Khabarovsk", 48.48271, 135.08379, geonameid=2022890, status="matched")


def move(**kw):
    base = {
        "kind": Kind.MOVEMENT,
        "place": VL,
        "origin": CJ,
        "start": dt.date(2024, 10, 8),
        "end": dt.date(2024, 10, 13),
    }
    return Event(**{**base, **kw})


def test_a_structured_row_and_the_sentence_it_came_from_are_one_fact_with_both_listed():
    row = move(
        unit="KPA special operations forces",
        strength=1500,
        confidence=3,
        source="NIS statement",
        report_id="R001",
        event_id="S001",
    )
    sentence = move(
        unit="North Korean special forces",
        strength=1500,
        confidence=3,
        source="NIS statement",
        report_id="R001",
        evidence="… carried about 1,500 North Korean special forces to Vladivostok …",
    )
    facts = fuse([row, sentence])
    assert len(facts) == 1 and len(facts[0].events) == 2
    assert facts[0].unit == "KPA special operations forces"
    assert not facts[0].corroborated and facts[0].confidence == 3  # one source said it twice: nothing earned


def test_two_independent_sources_in_two_languages_confirm_a_movement():
    seoul = move(unit="North Korean special forces", confidence=3, source="Yonhap", report_id="K1")
    moscow = move(
        place=VL_RU,
        origin=None,
        unit="северокорейский спецназ",
        confidence=2,
        source="Kommersant",
        report_id="R9",
        start=dt.date(2024, 10, 12),
        end=None,
    )
    facts = fuse([seoul, moscow])
    assert len(facts) == 1
    assert facts[0].corroborated and facts[0].confidence == 1
    assert len(facts[0].sources) == 2


def test_one_report_saying_confirmed_is_not_confirmation():
    alone = move(unit="KPA", confidence=1, confidence_label="confirmed", source="Daily paper", report_id="P1")
    assert fuse([alone])[0].confidence == 2


def test_different_places_dates_or_units_stay_apart():
    a = move(unit="KPA special operations forces", source="A", report_id="1")
    elsewhere = move(place=KH, unit="KPA special operations forces", source="B", report_id="2")
    later = move(start=dt.date(2024, 11, 20), end=None, unit="KPA special operations forces", source="C", report_id="3")
    other_unit = move(unit="3rd Marine Brigade", source="D", report_id="4")
    assert len(fuse([a, elsewhere, later, other_unit])) == 4


def test_a_denial_is_attached_to_the_claim_it_denies_and_blocks_confirmation():
    claims = [
        Event(
            Kind.PRESENCE,
            VL,
            start=dt.date(2024, 10, 15),
            unit="North Korean troops",
            confidence=3,
            source=s,
            report_id=r,
        )
        for s, r in (("Yonhap", "K1"), ("Reuters", "E1"))
    ]
    denial = Event(
        Kind.PRESENCE,
        VL,
        start=dt.date(2024, 10, 18),
        unit="северокорейские военные",
        confidence=4,
        confidence_label="denied",
        source="Kremlin",
        report_id="R3",
    )
    facts = fuse([*claims, denial])
    assert len(facts) == 1
    assert facts[0].denials == (denial,) and not facts[0].corroborated and facts[0].confidence == 3


def test_unit_names_map_to_one_canonical_unit_across_languages():
    names = ["North Korean special forces", "forces spéciales nord-coréennes", "북한 특수부대", "northkorean"]
    assert {canonical_unit(n)[0] for n in names[:3]} == {"KPA special operations forces"}
    assert canonical_unit("about 1 500 North Korean special forces")[0] == "KPA special operations forces"
    assert canonical_unit("troops") == (None, None)
    assert units_compatible("KPA", "North Korean special forces")  # the force and one of its units
    assert not units_compatible("KPA special operations forces", "3rd Marine Brigade")
