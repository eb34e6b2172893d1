import pytest

from geo.confidence import ADMIRALTY_LABELS, TABLE, UnknownConfidenceLabel, cues, parse_confidence


@pytest.mark.parametrize(
    "label, digit",
    [
        ("1", 1),
        ("6", 6),
        ("Confirmed by other sources", 1),
        ("probably TRUE", 2),
        ("Possibly true", 3),
        ("doubtful", 4),
        ("Improbable", 5),
        ("Truth cannot be judged", 6),
        ("almost certain", 1),
        ("very likely", 2),
        ("likely", 2),
        ("roughly even chance", 3),
        ("unlikely", 4),
        ("very unlikely", 5),
        ("almost no chance", 5),
        ("high", 2),
        ("moderate", 3),
        ("low", 4),
        ("97%", 1),
        ("70 %", 2),
        ("50%", 3),
        ("30%", 4),
        ("5%", 5),
        ("confirmed", 1),
        ("unconfirmed", 6),
        ("denied", 4),
        ("confirmé", 1),
        ("non confirmé", 6),
        ("peu probable", 4),
        ("probablement", 2),
        ("подтверждено", 1),
        ("не подтверждено", 6),
        ("вероятно", 2),
        ("возможно", 3),
        ("не підтверджено", 6),
        ("ймовірно", 2),
        ("можливо", 3),
        ("미확인", 6),
        ("확인된", 1),
        ("bestätigt", 1),
        ("unbestätigt", 6),
        ("vermutlich", 2),
        ("möglicherweise", 3),
        ("confirmado", 1),
        ("sin confirmar", 6),
        ("probablemente", 2),
        ("poco probable", 4),
    ],
)
def test_every_scale_maps_to_the_admiralty_digit(label, digit):
    assert parse_confidence(label).credibility == digit


def test_the_original_label_is_kept_verbatim():
    c = parse_confidence("  Не подтверждено ")
    assert c.label == "Не подтверждено" and c.credibility == 6


def test_two_character_code_sets_reliability_and_credibility():
    c = parse_confidence("B2")
    assert (c.reliability, c.credibility) == ("B", 2)
    assert parse_confidence("f6").reliability == "F"


def test_unknown_label_is_an_error_listing_what_is_accepted():
    with pytest.raises(UnknownConfidenceLabel) as err:
        parse_confidence("fairly sure-ish")
    msg = str(err.value)
    assert "fairly sure-ish" in msg and "Probably true" in msg and "B2" in msg


@pytest.mark.parametrize("empty", [None, "", "  ", "NaN"])
def test_empty_means_not_stated_not_a_default(empty):
    assert parse_confidence(empty) is None


@pytest.mark.parametrize("bad", ["150%", "G7", "7"])
def test_out_of_scale_values_are_errors(bad):
    with pytest.raises(UnknownConfidenceLabel):
        parse_confidence(bad)


def test_table_covers_every_admiralty_digit_and_the_seven_languages():
    assert {d for d, *_ in TABLE} == set(ADMIRALTY_LABELS)
    assert {lang for _, _, lang, _ in TABLE} >= {"en", "fr", "ru", "uk", "ko", "de", "es"}


def test_cues_for_prose_leave_out_bare_digits_and_scale_words():
    c = cues("fr")
    assert "3" not in c and "high" not in c
    assert c["non confirme"] == 6 and c["confirme"] == 1
