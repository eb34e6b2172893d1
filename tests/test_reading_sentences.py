"""geo.reading.sentences: sentences, words with their offsets, the language of a text. Text written for these
tests."""

import pytest

from geo.reading.sentences import Tokens, detect_language, split_sentences


def test_words_point_back_into_the_text():
    text = "Troops left Kursk; 3 000 arrived."
    tokens = Tokens(text)
    assert tokens.texts == ["Troops", "left", "Kursk", "3", "000", "arrived"]
    assert all(text[a:b] == w for w, a, b in zip(tokens.texts, tokens.starts, tokens.ends))


@pytest.mark.parametrize(
    "text, n",
    [
        ("Die Truppen kamen am 28. Oktober an. Sie blieben.", 2),  # a German ordinal ends no sentence
        ("Units arrived. 3 000 more followed.", 1),  # a number after a full stop starts none either
        ("북한군이 이동했다. 8일 도착했다.", 2),
        ("First line\nSecond line", 2),
    ],
)
def test_sentences(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize(
    "text, stated, expected",
    [
        ("Войска прибыли в Курск.", None, "ru"),
        ("Війська прибули до Курська.", None, "uk"),
        ("병력이 이동했다.", None, "ko"),
        ("Les troupes sont arrivées à Koursk.", None, "fr"),
        ("Die Truppen sind nicht angekommen.", None, "de"),
        ("Troops arrived.", "es", "es"),  # a stated language wins
    ],
)
def test_language(text, stated, expected):
    assert detect_language(text, stated) == expected
