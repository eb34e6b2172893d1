"""Which gazetteer hits are ordinary words, not places.

A capital letter says "proper noun" only where the writing system does not capitalise for other reasons. At the
start of a sentence every word has one, German gives one to every noun, and Hangul has no case at all: there a
word that the gazetteer knows ("March", "Mitte", "Les", "Кроме", "위해") is read as a place only when it is rare as
an ordinary word of the report's language, or names a big place. Whether a word is ordinary comes from
per-language word frequencies (wordfreq's "small" lists, loaded once per language, about 20 ms each), not from a
hand list. Acronyms ("NIS", "EU", "UN", "NATO") are organisations far more often than the place that shares their
letters, and month and weekday names are dates.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# a place this big is named often enough that its name is common for its own sake ("Moscow", "Berlin", "서울")
BIG_PLACE = 1_000_000
# Zipf frequency (log10 of occurrences per billion words) from which a word is an ordinary word of the language:
# 4 is about once in 100,000 words ("Kursk" in Russian news text is 3.7, "March" in English 5.3)
COMMON_AT_SENTENCE_START = 4.0
COMMON_NOUN_DE = 4.5  # German nouns: their capital says nothing, so only the clearly common ones are doubted
COMMON_KO = 5.5  # Hangul: only the most frequent words (particles and verb forms: "위해" = "for")
# anywhere in a sentence, a very common word ("la Santé") names a small place only by chance
COMMON_ANYWHERE, SMALL_PLACE = 5.0, 100_000


@lru_cache(maxsize=16)
def _frequencies(language: str) -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # the filter is an improvement, not a requirement
        return {}
    try:
        return get_frequency_dict(language, "small")
    except (LookupError, ValueError, OSError):
        return {}


def zipf(word: str, language: str) -> float:
    """The word's Zipf frequency in the language (0 when unknown)."""
    f = _frequencies(language).get(word.casefold())
    return math.log10(f) + 9 if f else 0.0


def load(languages) -> None:
    """Load the frequency lists now (before worker processes fork, so that they share them)."""
    for lang in languages:
        _frequencies(lang)


def is_acronym(word: str) -> bool:
    """ "NIS", "EU", "NATO": two to five capitals and nothing else."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def ordinary_word(
    word: str,
    language: str,
    *,
    sentence_start: bool,
    hangul: bool,
    population: int,
    calendar_word: bool = False,
) -> bool:
    """Whether a one-word gazetteer hit is more likely an ordinary word than the place it could name.

    ``population``: the biggest candidate's; ``calendar_word``: the word names a month or a weekday.
    """
    if population >= BIG_PLACE:
        return False
    if is_acronym(word) or calendar_word:
        return True
    if hangul:
        return zipf(word, language) >= COMMON_KO
    if sentence_start and zipf(word, language) >= COMMON_AT_SENTENCE_START:
        return True
    if language == "de" and zipf(word, language) >= COMMON_NOUN_DE:
        return True
    return population < SMALL_PLACE and zipf(word, language) >= COMMON_ANYWHERE


# -- inflected Russian and Ukrainian names ------------------------------------------------------------------
# Relational adjectives made from a town's name: "курский" <- Курск, "харківський" <- Харків, "ростовский" <-
# Ростов; and the "-щина" names of a town's region: "Херсонщина" <- Херсон. Each ending with the endings the
# town's own name may have kept before it.
_ADJECTIVE_ENDINGS = (
    ("ский", ("ск", "", "и", "ы")),
    ("ський", ("ськ", "", "и")),
    ("цький", ("цьк", "ці")),
    ("цкий", ("цк",)),
)
# the words after such an adjective that make it name an area
AREA_NOUNS = ("област", "обл", "направлен", "напрям", "район", "округ", "край", "громад", "губерн", "приморь")
_REGION_SUFFIXES = (("щина", ("", "ськ")), ("ччина", ("цьк", "к")))


@lru_cache(maxsize=4)
def _analyzer(language: str):
    """pymorphy3's analyser for ru or uk, or None when it (or its dictionary) is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except (ImportError, ValueError, OSError):
        return None


def load_morphology(languages) -> None:
    for lang in languages:
        if lang in {"ru", "uk"}:
            _analyzer(lang)


@lru_cache(maxsize=1 << 16)
def lemma_keys(word: str, language: str, next_word: str = "") -> tuple[tuple[str, bool], ...]:
    """The dictionary forms a Cyrillic word may stand for, as lower-case keys to look up, each with whether it
    names a region (a "-щина" name, or a relational adjective: "Курской области" is the area of Kursk).

    "Харькова" -> харьков; "Миколаєва" -> миколаїв; "Ростовської" -> ростов (region); "Херсонщину" -> херсон
    (region). An adjective counts only before a word for an area ("области", "напрямку"): "Черноморского флота"
    is a fleet.
    """
    lang = language if language in {"ru", "uk"} else ("uk" if any(c in word for c in "іїєґІЇЄҐ") else "ru")
    morph = _analyzer(lang)
    if morph is None:
        return ()
    area = next_word.casefold().startswith(AREA_NOUNS)
    out: list[tuple[str, bool]] = []
    parses = sorted(morph.parse(word)[:4], key=lambda p: p.tag.POS == "ADJF")  # nouns first
    for p in parses:
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "ADJF":
            if not area:
                continue
            for end, stems in _ADJECTIVE_ENDINGS:
                if lemma.endswith(end) and len(lemma) > len(end) + 2:
                    out += [(lemma[: -len(end)] + s, True) for s in stems]
            continue
        for end, stems in _REGION_SUFFIXES:
            if lemma.endswith(end) and len(lemma) > len(end) + 2:
                out += [(lemma[: -len(end)] + s, True) for s in stems]
        out.append((lemma, False))
    return tuple(dict.fromkeys(k for k in out if k[0] != word.casefold()))


# a lower-case adjective before a word for an area: "на курское направление", "у сумському напрямку"
PLACE_ADJECTIVE = re.compile(
    r"(?<![\w-])([а-яёіїєґ'’]{2,}(?:ск|цк|зк)(?:ое|ий|ая|ой|ого|ому|ом|ые|ых|ої|ій|е|а|у|у|ого|им|ою))\s+(?="
    + "|".join(AREA_NOUNS)
    + ")"
)


@lru_cache(maxsize=1 << 14)
def modifies_noun(word: str, next_word: str, language: str) -> bool:
    """ "Черноморского флота", "Курская битва": a place's adjective before an ordinary noun (not a word for an
    area) names a thing, not a place. Only where pymorphy3 reads the word as an adjective and the next as a noun."""
    lang = language if language in {"ru", "uk"} else "ru"
    morph = _analyzer(lang)
    if morph is None or not next_word[:1].islower() or next_word.casefold().startswith(AREA_NOUNS):
        return False
    if len(next_word) < 4 or not all(p.tag.POS == "ADJF" for p in morph.parse(word)[:3]):
        return False
    following = morph.parse(next_word)[:3]
    return following[0].tag.POS == "NOUN" and not any(p.tag.POS in {"PREP", "CONJ", "PRCL"} for p in following)
