"""Numbers as reports write them, made into digits so that one count reader serves every language.

"five thousand", "deux mille", "dreitausend" go through text2num (en, fr, de, es); Korean mixes digits and
number words ("1만 1천", "1천500여"), which are read here. A count next to losses or equipment ("lost 12 tanks",
"4.000 las bajas") is not a troop strength, and neither is a range ("2,000-3,000 soldiers"): both are the
caller's to skip, with ``about_losses`` and ``in_range``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.reading import lexicon as lx
from geo.reading import links
from geo.reading.cues import has_stem, table_pattern
from geo.reading.when import months
from geo.text import alternation

_DIGIT = re.compile(r"\d")

_KO_NUMBER = re.compile(r"\d+\s*[만천백](?:\s*\d+\s*[천백])*(?:\s*\d+)?")
_TEXT2NUM = {"en", "fr", "de", "es"}
# articles that text2num would read as "one": "unos dos mil" is about two thousand, not "1 2000"
_ARTICLES = {"es": re.compile(r"(?i)\b(?:un|una|unos|unas)\b"), "fr": re.compile(r"(?i)\b(?:un|une)\b(?!\s+mille)")}
_NUMBER_WORD = {
    "en": re.compile(
        r"(?i)\b(?:hundred|thousand|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
    ),
    "fr": re.compile(
        r"(?i)\b(?:cent|cents|mille|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|trente|quarante|cinquante|soixante)\b"
    ),
    "de": re.compile(
        r"(?i)\b(?:\w*(?:hundert|tausend)|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwanzig|dreißig|vierzig)\b"
    ),
    "es": re.compile(
        r"(?i)\b(?:cien|ciento|cientos|mil|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|cuarenta|cincuenta)\b"
    ),
}
_UNITS = {"만": 10000, "천": 1000, "백": 100}


def _korean(m: re.Match) -> str:
    total, rest = 0, m.group(0)
    for num, unit in re.findall(r"(\d+)\s*([만천백]?)", rest):
        total += int(num) * _UNITS.get(unit, 1)
    return str(total)


# Russian and Ukrainian counts of thousands in words ("три тисячі", "пять тысяч"): text2num reads neither language
_CYRILLIC_UNITS = {
    "одна": 1,
    "одну": 1,
    "один": 1,
    "две": 2,
    "два": 2,
    "дві": 2,
    "двох": 2,
    "двух": 2,
    "три": 3,
    "трёх": 3,
    "трьох": 3,
    "четыре": 4,
    "чотири": 4,
    "пять": 5,
    "п'ять": 5,
    "п’ять": 5,
    "шесть": 6,
    "шість": 6,
    "семь": 7,
    "сім": 7,
    "восемь": 8,
    "вісім": 8,
    "девять": 9,
    "дев'ять": 9,
    "дев’ять": 9,
    "десять": 10,
    "полторы": 1.5,
    "півтори": 1.5,
    "полутора": 1.5,
}
_CYRILLIC_THOUSANDS = re.compile(
    r"(?i)(?<!\w)("
    + "|".join(sorted(map(re.escape, _CYRILLIC_UNITS), key=len, reverse=True))
    + r")\s+(тысяч\w*|тисяч\w*)"
)


# "около тысячи военных", "понад тисячу", "un millier de soldats": a thousand with no number before it
_BARE_THOUSAND = {
    "ru": re.compile(r"(?i)\b(тысяч[аиуе]|тысячей)\b"),
    "uk": re.compile(r"(?i)\b(тисяч[аіуе]|тисячею)\b"),
    "fr": re.compile(r"(?i)\b(?:un|d'un|quelque|environ un)\s+(millier)\s+d[e']\s*"),
}


# words after which the genitive "тысячи"/"тисячі" is one thousand
_ABOUT_A = {
    "около",
    "более",
    "свыше",
    "до",
    "почти",
    "менее",
    "порядка",
    "близько",
    "понад",
    "майже",
    "менш",
    "більш",
    "більше",
    "приблизно",
    "примерно",
}


def _bare_thousand(sentence: str, language: str) -> str:
    pattern = _BARE_THOUSAND.get(language)
    if pattern is None:
        return sentence
    if language == "fr":
        return pattern.sub(
            lambda m: m.group(0).replace(m.group(1), "1000").replace(" de ", " ").replace(" d'", " "), sentence
        )
    # only where no number word or digit comes just before ("три тысячи" is read by _CYRILLIC_THOUSANDS)
    out, last = [], 0
    for m in pattern.finditer(sentence):
        before = sentence[max(0, m.start() - 12) : m.start()].split()
        if before and (before[-1][:1].isdigit() or before[-1].casefold() in _CYRILLIC_UNITS):
            continue
        if m.group(1)[-1] in "иі" and not (before and before[-1].casefold() in _ABOUT_A):
            continue  # "тысячи военных" may be thousands; "около тысячи" is one thousand
        out.append(sentence[last : m.start()] + "1000")
        last = m.end()
    return "".join(out) + sentence[last:]


def with_digits(sentence: str, language: str) -> str:
    """The sentence with its number words written as digits (other text unchanged)."""
    if language in {"ru", "uk"}:
        sentence = _CYRILLIC_THOUSANDS.sub(lambda m: str(int(_CYRILLIC_UNITS[m.group(1).casefold()] * 1000)), sentence)
    sentence = _bare_thousand(sentence, language)
    if language == "ko" or "천" in sentence or "만" in sentence:
        sentence = _KO_NUMBER.sub(_korean, sentence)
    if language in _TEXT2NUM and _NUMBER_WORD[language].search(sentence):
        from text_to_num import alpha2digit

        protected = _ARTICLES.get(language)
        if protected:
            sentence = protected.sub(lambda m: m.group(0).replace("n", "\u2060n", 1), sentence)
        sentence = alpha2digit(sentence, language).replace("\u2060", "")
    return sentence


@lru_cache(maxsize=16)
def _casualty(language: str) -> re.Pattern:
    return table_pattern("CASUALTY", language)


def about_losses(before: str, after: str, language: str) -> bool:
    """Whether the words around a count ("lost 12 ...", "... were killed") make it a count of losses or things."""
    pat = _casualty(language)
    near_before = " ".join(before.casefold().split()[-3:])
    near_after = " ".join(re.split(r"\d", after.casefold(), maxsplit=1)[0].split()[:7])  # up to the next number
    return bool(pat.search(near_before) or pat.search(near_after))


_RANGE_BEFORE = re.compile(r"\d\s*(?:[-–—~]|to|or|à|bis|oder|a|o|до|или|або)\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—~]|to|or|à|bis|oder|a|o|до|или|або)\s*\d", re.IGNORECASE)


def in_range(before: str, after: str) -> bool:
    """Whether a number is one end of a range ("2,000-3,000", "between 2 and 3 thousand" is left alone)."""
    return bool(_RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after))


# -- strength ----------------------------------------------------------------------------------------------
# a number not inside a word or another number; the look behind follows the first digit, so that re skips
# ahead to the digits
# (Hangul may follow a number: "1500여 명", "3000명")
_NUMBER = re.compile(r"(\d(?<![\w.,]\d)(?:\d{0,2}(?:[ \u00a0\u202f.,]\d{3})+|\d*(?:[.,]\d+)?))(?![^\W\uac00-\ud7a3])")


_WORDS = re.compile(r"\w+")
_NOT_A_COUNT = re.compile(r"\s*(?:%|percent|per cent|km|кілометр|километр|월|일|년)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_THOUSANDS_SEPARATOR = re.compile(r"[ \u00a0\u202f.,](?=\d{3}\b)")


def find_strength(sentence: str, language: str) -> tuple[int | None, bool, str | None]:
    """A troop count: a number (with a multiplier word) followed within a few words by a word for troops."""
    nouns = troop_nouns(language)
    if language == "ko":  # "3천명": the word for persons is glued to the number word
        sentence = with_digits(sentence, language)
    low = sentence.casefold()
    if not nouns.search(low) and not links.of_them_anywhere(low, language):  # no word for troops, no count
        return None, False, None
    if language != "ko":
        sentence = with_digits(sentence, language)
    for m in _NUMBER.finditer(sentence):
        raw = m.group(1)
        after = sentence[m.end() : m.end() + 80]
        before = sentence[max(0, m.start() - 30) : m.start()].casefold()
        if _NOT_A_COUNT.match(after):
            continue
        if (
            (_YEAR.fullmatch(raw) and not nouns.match(after.lstrip().removeprefix("여").lstrip().casefold()))
            or _starts_with_month(after)
            or _ends_with_month(before)
        ):
            continue
        digits = _THOUSANDS_SEPARATOR.sub("", raw)
        if not digits.isdigit():
            continue
        value = int(digits)
        if mult_vague(before, after):
            continue  # "several thousand troops": a count nobody stated
        words = _WORDS.findall(after.casefold())
        mult = 1
        if words and words[0] in lx.THOUSAND:
            mult = lx.THOUSAND[words[0]]
            words = words[1:]
        elif after[:1] in lx.THOUSAND:  # Korean: 3천 명
            mult = lx.THOUSAND[after[:1]]
        window = " ".join(words[:5])
        found = nouns.search(window)
        if found is None and not _counts_troops_named_elsewhere(sentence, m, after, mult, language):
            continue
        if in_range(before, after) or about_losses(before, after, language):
            continue  # one end of a range, or a count of losses or equipment
        if found is None:  # "7,000 of them", "the number of fighters is put at 4,500"
            approx = any(w in lx.APPROXIMATE for w in _WORDS.findall(before)[-2:])
            return value * mult, approx, None
        noun = found.group()
        approx = (
            any(w in lx.APPROXIMATE for w in _WORDS.findall(before)[-2:]) or "~" in before[-2:] or after[:1] == "여"
        )  # "1500여 명": some 1,500
        unit = _unit_phrase(sentence[m.end() : m.end() + 80], noun, language)
        return value * mult, approx, unit
    return None, False, None


def mult_vague(before: str, after: str) -> bool:
    """Whether a number came from a multiplier alone after a vague word ("several thousand" -> "several 1000")."""
    words = _WORDS.findall(before.casefold())
    return bool(words) and words[-1] in lx.VAGUE


def _counts_troops_named_elsewhere(sentence: str, m: re.Match, after: str, mult: int, language: str) -> bool:
    """A count whose troop noun is not after it: "rund 7.000 von ihnen" (the troops just spoken of), "die Zahl
    der Kämpfer dort wird auf rund 4.500 geschätzt" (the noun after a word for "number of", before the count)."""
    rest = after.casefold()
    if mult != 1:  # "7 тысяч из них": skip the multiplier word
        rest = rest.lstrip()[len(_WORDS.match(rest.lstrip()).group()) :] if _WORDS.match(rest.lstrip()) else rest
    if links.of_them(rest, language):
        return True
    before = sentence[max(0, m.start() - 80) : m.start()].casefold()
    said = links.number_of(before, language)
    if said is None or _DIGIT.search(before[said.end() :]):
        return False
    return troop_nouns(language).search(" ".join(_WORDS.findall(before[said.end() :])[:3])) is not None


@lru_cache(maxsize=16)
def troop_nouns(language: str) -> re.Pattern:
    # a word for troops may follow a number with no space ("3천명", "3000명"), not a letter ("운명")
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(lx.TROOP_NOUNS.get(language, ()) + lx.TROOP_NOUNS['en'])})")


@lru_cache(maxsize=16)
def troop_words(language: str) -> re.Pattern:
    """The language's own words for troops, long enough to say on their own that a clause is about troops ("men"
    starts "Menschen", "명" starts "명령")."""
    words = [w for w in lx.TROOP_NOUNS.get(language, ()) if len(w) >= (2 if language == "ko" else 4)]
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(words)})" if words else "(?!)")


_UNIT_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")
_WORDLIKE = re.compile(r"[\w'’-]+")
_APOSTROPHE = re.compile("['’]")


@lru_cache(maxsize=16)
def _place_words(language: str) -> frozenset[str]:
    """The prepositions that introduce a place, which end a unit's name ("forces spéciales à ...")."""
    return frozenset().union(*(t.get(language, set()) for t in (lx.DESTINATION, lx.AMBIGUOUS, lx.LOCATION)))


_NEXT_WORD = re.compile(r"[.\s]*(?:de\s+)?(\w+)")


def _ends_with_month(before: str) -> bool:
    """ "January 12 show ...": a day after its month is a date, not a count."""
    words = _WORDS.findall(before[-15:])
    return bool(words) and words[-1].casefold() in months()


def _starts_with_month(after: str) -> bool:
    """A number followed by a month name is a date ("14 листопада"), not a count."""
    m = _NEXT_WORD.match(after)
    return bool(m) and m.group(1).casefold() in months()


def _unit_phrase(after: str, noun: str, language: str) -> str | None:
    """The words naming the troops: up to the troop noun, and in French and Spanish (where adjectives follow
    the noun) the lower-case words after it ("membres des forces spéciales nord-coréennes")."""
    words = _UNIT_WORDS.findall(after)
    if words and words[0].casefold() in lx.THOUSAND:
        words = words[1:]
    for i, w in enumerate(words[:6]):
        if w.casefold().startswith(noun.split()[0]):
            end = i + len(noun.split())
            if language in {"fr", "es"}:
                stop = _place_words(language)
                while (
                    end < len(words)
                    and end < i + 6
                    and _WORDLIKE.fullmatch(words[end])
                    and words[end].islower()
                    and _APOSTROPHE.split(words[end])[0] not in stop
                    and not has_stem(words[end], lx.MOVEMENT, language)
                ):
                    end += 1
            return " ".join(words[:end])
    return None
