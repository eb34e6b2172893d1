"""Numbers as reports write them, made into digits so that one count reader serves every language.

"five thousand", "deux mille", "dreitausend" go through text2num (en, fr, de, es); Korean mixes digits and
number words ("1만 1천", "1천500여"), which are read here. A count next to losses or equipment ("lost 12 tanks",
"4.000 las bajas") is not a troop strength, and neither is a range ("2,000-3,000 soldiers"): both are the
caller's to skip, with ``about_losses`` and ``in_range``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.reading.cues import table_pattern

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


def with_digits(sentence: str, language: str) -> str:
    """The sentence with its number words written as digits (other text unchanged)."""
    if language in {"ru", "uk"}:
        sentence = _CYRILLIC_THOUSANDS.sub(lambda m: str(int(_CYRILLIC_UNITS[m.group(1).casefold()] * 1000)), sentence)
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
