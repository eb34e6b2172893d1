"""geo.reading.lexicon: one file per language, every file the same tables in the same shape."""

import re

import pytest

from geo.reading import lexicon as lx

KINDS = {set: (tuple,), tuple: (tuple,), dict: (dict,), str: (str, tuple)}


@pytest.mark.parametrize("lang", lx.LANGUAGES)
def test_every_language_file_defines_every_table_and_nothing_else(lang):
    module = lx.FILES[lang]
    defined = {n for n in vars(module) if n.isupper()}
    assert defined == {t.file_name for t in lx.TABLES}
    for t in lx.TABLES:
        value = getattr(module, t.file_name)
        assert isinstance(value, KINDS[t.kind]), (lang, t.name)


def test_every_table_says_what_it_is_for():
    assert all(t.help for t in lx.TABLES)


@pytest.mark.parametrize("lang, script", [("ko", "[a-zа-я]"), ("ru", "[\uac00-\ud7a3]"), ("en", "[а-я\uac00-\ud7a3]")])
def test_a_language_file_holds_its_own_script(lang, script):
    module = lx.FILES[lang]
    for t in (t for t in lx.TABLES if t.kind is not str):  # (regular-expression pieces hold \\d and the like)
        words = getattr(module, t.file_name)
        words = words if not isinstance(words, dict) else list(words)
        for w in words:
            assert not re.search(script, str(w)), (lang, t.name, w)


def test_the_readers_see_one_table_per_name():
    assert lx.MOVEMENT["de"] and "ko" not in lx.ORIGIN  # per language, only the languages with words
    assert "environ" in lx.APPROXIMATE and "около" in lx.APPROXIMATE  # merged
    assert lx.KO_PARTICLES["에서"] == "at"
    assert re.fullmatch(lx.RANGE_JOINERS, "et le") and re.fullmatch(lx.RANGE_JOINERS, "по")
