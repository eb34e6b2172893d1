"""Name keys (geo.places.names): the spellings a person may write meet on one key."""

import pytest

from geo.places.names import korean_skeleton, lemma_variants, normalise, skeletons, strip_particle


@pytest.mark.parametrize(
    "spellings",
    [
        ["Kharkiv", "Харків", "Charkiw", "Jarkiv"],
        ["Zaporizhzhia", "Запоріжжя", "Saporischschja", "Zaporizhia"],
        ["Zaporozhye", "Запорожье", "Zaporojie"],
        ["Blagoveshchensk", "Благовещенск", "Blagoweschtschensk", "Blagovechtchensk"],
        ["Ussuriysk", "Уссурийск", "Уссурійськ", "Ussurijsk", "Oussouriisk", "Ussuriisk"],
        ["Petropavlovsk-Kamchatsky", "Petropavlovsk-Kamchatskiy", "Petropavlovsk-Kamchatskii"],
        ["Artyom", "Artiom", "Артём"],
        ["Belgorod", "Бєлгород", "Белгород"],
    ],
)
def test_romanisations_share_a_sound_key(spellings):
    keys = [skeletons(s) for s in spellings]
    assert set.intersection(*keys), dict(zip(spellings, keys))


@pytest.mark.parametrize(
    "spellings",
    [["Gaeseong", "Kaesŏng", "개성"], ["Cheongjin", "Ch'ŏngjin", "청진"], ["Busan", "Pusan", "부산"]],
)
def test_korean_romanisations_share_a_key(spellings):
    assert len({korean_skeleton(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "inflected, lemma",
    [
        ("харькове", "харьков"),
        ("курском", "курск"),
        ("москве", "москва"),
        ("харкові", "харків"),
        ("авдіївці", "авдіївка"),
    ],
)
def test_case_forms_lead_back_to_the_lemma(inflected, lemma):
    assert lemma in lemma_variants(normalise(inflected))


def test_korean_particles_and_suffixes_come_off():
    assert "평양" in strip_particle("평양에서")
    assert {"남포항", "남포"} <= set(strip_particle("남포항으로"))
