"""Sentences and words: where each sentence of a report starts and ends, its words with their offsets, and the
language of a text that states none."""

from __future__ import annotations

import re
from itertools import accumulate, chain

from geo.reading import lexicon as lx

_TOKEN = re.compile(r"\w+", re.UNICODE)
# a full stop ends a sentence, except after a one- or two-digit number (German ordinals: "am 28. Oktober")
_SENTENCE_END = re.compile(
    # the pattern starts at the punctuation, so that re can skip ahead to it; the gap after it is group 1
    r"[.!?。](?<!\b\d\.)(?<!\b\d\d\.)(\s+)(?=[\"«“„(]?[^\W\d_a-zа-яё]|[\"«“„(]?\d+\s*[월일])|(\n+)",
    re.UNICODE,
)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Tokens:
    """A text's words, as parallel lists of their texts and offsets.

    Most words of a report are only skipped on the way to a name, so the lists are made by passes that run no
    Python code per word.
    """

    __slots__ = ("texts", "starts", "ends")

    def __init__(self, text: str):
        self.texts = _TOKEN.findall(text)
        gaps = _TOKEN.split(text)  # the text between the words, one more than them
        bounds = list(accumulate(map(len, chain.from_iterable(zip(gaps, self.texts)))))
        self.starts, self.ends = bounds[0::2], bounds[1::2]


def detect_language(text: str, stated: str | None) -> str:
    if stated and stated.lower()[:2] in lx.LANGUAGES:
        return stated.lower()[:2]
    if HANGUL.search(text):
        return "ko"
    if CYRILLIC.search(text):
        return "uk" if re.search(r"[іїєґІЇЄҐ]", text) else "ru"
    words = set(re.findall(r"\w+", text.casefold()))
    scores = {
        "fr": {"le", "la", "les", "des", "et", "est", "une"},
        "de": {"der", "die", "das", "und", "ist", "nicht"},
        "es": {"el", "los", "las", "y", "es", "una", "del"},
        "en": {"the", "and", "is", "of", "to", "were"},
    }
    return max(scores, key=lambda k: len(words & scores[k]))


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        gap = m.start(1) if m.group(1) else m.start(2)
        if text[start:gap].strip():
            spans.append((start, gap))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
