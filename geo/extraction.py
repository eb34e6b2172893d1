"""Read free-text reports: find places, dates, strengths and confidence, and link them into events.

The pipeline, per report:

1. split into sentences and word tokens (with character offsets, so every find points back into the text);
2. find toponyms: the longest run of up to four tokens whose normalised form is a gazetteer name, or, for
   Cyrillic, whose stems are (Хабаровська -> Хабаровськ), or, for Korean, once a particle is cut off
   (블라디보스토크로 -> 블라디보스토크); people ("General Park", "Mark Rutte") and lower-case words are not places;
3. resolve them together, so the places of one report are each other's context;
4. per sentence, read dates (absolute, ranges, relative to the publication date), a strength, and confidence
   cues (the one table of geo.confidence);
5. make events: in a sentence about a movement, places after "from"-words are origins and the others
   destinations; otherwise each place is a presence. A movement missing one end takes it from the sentence
   before ("They were moved by train from Vladivostok").
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing as mp
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import accumulate, chain, compress
from operator import gt, itemgetter, ne, not_, or_

from geo import lexicon as lx
from geo.confidence import PUNCTUATION, cues, fold_label, spaced
from geo.dates import period_end
from geo.gazetteer import Candidate, Gazetteer, context_points, km, normalise, rank
from geo.model import Event, Kind, Place, Precision, Problem, Report, bulk
from geo.reading import cues as scope
from geo.reading import links, quantities, when
from geo.reading import mentions as names
from geo.text import alternation

log = logging.getLogger(__name__)

MAX_NGRAM = 4
_TOKEN = re.compile(r"\w+", re.UNICODE)
# a full stop ends a sentence, except after a one- or two-digit number (German ordinals: "am 28. Oktober")
_SENTENCE_END = re.compile(
    # the pattern starts at the punctuation, so that re can skip ahead to it; the gap after it is group 1
    r"[.!?。](?<!\b\d\.)(?<!\b\d\d\.)(\s+)(?=[\"«“„(]?[^\W\d_a-zа-яё]|[\"«“„(]?\d+\s*월)|(\n+)",
    re.UNICODE,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


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


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    first: int  # token index of the first and last token in the report
    last: int
    candidates: tuple[Candidate, ...]
    particle: str | None = None  # Korean: the particle cut off the name
    place: Place | None = None

    def to_contract(self) -> dict:
        p = self.place
        return {
            "mention": self.text,
            "start": self.start,
            "end": self.end,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "country": p.country,
            "feature": p.feature,
            "geonameid": p.geonameid,
        }


@dataclass
class Extraction:
    report: Report
    language: str
    places: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_contract(self) -> dict:
        """The `extract` object of CONTRACT.md."""
        events = []
        for e in self.events:
            end = {"name": e.place.name or e.place.mention, "lat": e.place.lat, "lon": e.place.lon}
            events.append(
                {
                    "kind": e.kind.value,
                    "origin": {"name": e.origin.name or e.origin.mention, "lat": e.origin.lat, "lon": e.origin.lon}
                    if e.origin
                    else None,
                    "destination": end if e.kind is Kind.MOVEMENT else None,
                    "location": end if e.kind is Kind.PRESENCE else None,
                    "start": e.start.isoformat() if e.start else None,
                    "end": e.end.isoformat() if e.end else None,
                    "strength": e.strength,
                    "unit": e.unit,
                    "confidence": e.confidence,
                    "evidence": e.evidence,
                }
            )
        return {
            "report_id": self.report.report_id,
            "language": self.language,
            "places": [m.to_contract() for m in self.places if m.place and m.place.resolved],
            "events": events,
        }


def detect_language(text: str, stated: str | None) -> str:
    if stated and stated.lower()[:2] in lx.LANGUAGES:
        return stated.lower()[:2]
    if _HANGUL.search(text):
        return "ko"
    if _CYRILLIC.search(text):
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


# -- dates -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    import babel.dates as bd

    out: dict[str, int] = {}
    for lang in lx.LANGUAGES:
        if lang == "ko":
            continue
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for num, name in bd.get_month_names(width, context, lang).items():
                    key = name.casefold().rstrip(".")
                    if len(key) >= 3:
                        out.setdefault(key, num)
    return out


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """The absolute date patterns, in the order they win, each with what a sentence needs for it to match:
    a month name ("named"), two of them ("two named"), a month name followed by a number ("month first") or 월
    ("korean").

    Words that may open a range ("from", "du", "between") are not part of the patterns: they were optional,
    so leaving them out changes where a match starts, never whether there is one, and each position the
    search tries costs less.
    """
    month = "(?P<m>" + alternation(_months()) + r")\.?"
    month1 = month.replace("?P<m>", "?P<m1>")
    day, day1 = r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?", r"(?P<d1>\d{1,2})(?:st|nd|rd|th|er|\.)?"
    # a pattern that opens with a day says "no letter or digit before it" after its first digit, not before:
    # re then skips ahead to the digits instead of trying every position (a third faster)
    opening_day, opening_day1 = (d.replace(r"\d{1,2})", r"\d(?<!\w\d)\d?)", 1) for d in (day, day1))
    year = r"(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2}))?"
    of = r"(?:\s+de|\s+of)?"
    join = rf"\s*{lx.RANGE_JOINERS}\s*(?:(?:le|the|dem|el)\s+)?"
    flags = re.UNICODE  # the patterns read casefolded text: IGNORECASE made the month trie 1.7-5x slower
    patterns = (
        # 8 October to 3 November (2024)
        re.compile(rf"{opening_day1}{of}\s+{month1}{join}{day}{of}\s+{month}{year}", flags),
        # du 8 au 13 octobre / between 20 and 26 October / з 10 по 14 листопада / 8-13 October
        re.compile(rf"{opening_day1}{join}{day}{of}\s+{month}{year}", flags),
        # October 8-13
        re.compile(rf"(?<!\w){month}\s+{day1}{join}{day}{year}", flags),
        # 19 октября / el 15 de noviembre / 28. Oktober
        re.compile(rf"{opening_day}{of}\s+{month}{year}\b", flags),
        # October 19(, 2024)
        re.compile(rf"(?<!\w){month}\s+{day}\b{year}", flags),
        # 10월 8일부터 13일까지 / 12월 3일
        re.compile(
            r"(?P<m>\d{1,2})월\s*(?P<d1>\d{1,2})일\s*(?:부터|에서)?\s*[-~–]?\s*(?:(?P<m2>\d{1,2})월\s*)?"
            r"(?P<d>\d{1,2})일\s*(?:까지)?",
            flags,
        ),
        re.compile(r"(?:(?P<y>(?:19|20)\d{2})년\s*)?(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일", flags),
    )
    needs = ("two named", "named", "month first", "named", "month first", "korean", "korean")
    return tuple(zip(patterns, needs))


@lru_cache(maxsize=1)
def _any_month() -> re.Pattern:
    """Which date patterns a casefolded sentence can need: a month name, and whether a number follows one."""
    return re.compile(r"(?<!\w)(?:" + alternation(_months()) + r")(\.?\s+\d)?")


def _infer_year(
    month: int, day: int, published: dt.date | None, stated: str | None, year: int | None
) -> dt.date | None:
    """The date of a day and month; ``year`` is the one to assume when the text states none (None: this year)."""
    year = int(stated) if stated else year or dt.date.today().year
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    if not stated and published and d > published + dt.timedelta(days=31):
        d = d.replace(year=year - 1)  # "12 December" in a January report is last December
    return d


_DIGIT = re.compile(r"\d")


_DATELINE_PREFIX = re.compile(
    r"^\s*\(?[^\W\d_a-zа-яё][^\W\d_a-zа-яё\s.'-]*(?:[\s-][^\W\d_a-zа-яё][^\W\d_a-zа-яё.'-]*)*\s*[,=]"
    r"[^.()\n]{0,30}?(?:\([^)]{1,30}\))?\s*\.?\s*(?:[-–—]+|\.)\s*"
)
_NIGHT_TO = re.compile(r"(?:" + "|".join(map(re.escape, lx.NIGHT_TO)) + r")\s*$")
# Korean days of the current month: "지난 7일", "8~10일", "23일 새벽"; a day right before a verb of saying or a
# briefing is when something was said ("24일 정례 브리핑에서", "6일 전했다")
_KO_DAYS = re.compile(
    r"(?<![\d월])(\d{1,2})\s*(?:[~∼-]\s*(\d{1,2})\s*)?일(?!\s*(?:밝혔|전했|말했|발표|[^.]{0,6}브리핑))"
)


def strip_dateline(sentence: str) -> str:
    """A report's opening "SEOUL, Oct 18 (Reuters) -" / "KIEV, 5 oct (EFE).-" / "ЛУГАНСК, 4 февраля." cut off:
    its date is when the report was filed. The spacing is kept, so offsets do not move."""
    m = _DATELINE_PREFIX.match(sentence)
    if not m or not re.search(r"\d", m.group()):
        return sentence
    return " " * m.end() + sentence[m.end() :]


def _korean_days(sentence: str, published: dt.date | None):
    """The first Korean day (or range of days) stated without a month, in the month of publication (or the one
    before, for a day still to come in it)."""
    if not published or "일" not in sentence:
        return None
    m = _KO_DAYS.search(sentence)
    if not m:
        return None

    def day(d: int) -> dt.date | None:
        first = published.replace(day=1)
        if d > published.day:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        try:
            return first.replace(day=d)
        except ValueError:
            return None

    a, b = day(int(m.group(1))), day(int(m.group(2))) if m.group(2) else None
    if a is None or (b is not None and b < a):
        return None
    return a, b


def find_dates(sentence: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The first date or date range a sentence states (relative ones against ``published``)."""
    start, end, precision = _find_dates(strip_dateline(sentence), published)
    return start, end, precision


def _find_dates(sentence: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None, Precision]:
    low = sentence.casefold()
    best: tuple[int, dt.date, dt.date | None] | None = None
    months = _months()
    year = published.year if published else None  # for dates that state none
    # every absolute date has a digit in it, and a month name or 월: only the patterns that can match are run,
    # in the order they win, until one does
    patterns = _date_patterns() if _DIGIT.search(sentence) else ()
    if patterns:
        months_named = list(_any_month().finditer(low))
        present = {
            "named": bool(months_named),
            "two named": len(months_named) >= 2,
            "month first": any(m.group(1) for m in months_named),
            "korean": "월" in sentence,
        }
    found_by_pattern = []
    for p, need in patterns:
        found = list(p.finditer(low)) if present[need] else []
        found_by_pattern.append(found)
        for m in found:
            g = m.groupdict()
            mon = months.get(g["m"].casefold()) if not g["m"].isdigit() else int(g["m"])
            if not mon:
                continue
            y = g.get("y")
            end = _infer_year(mon, int(g["d"]), published, y, year)
            start = None
            if g.get("d1"):
                mon1 = mon
                if g.get("m1"):
                    mon1 = months.get(g["m1"].casefold(), mon)
                if g.get("m2"):
                    end = _infer_year(int(g["m2"]), int(g["d"]), published, y, year)
                start = _infer_year(mon1, int(g["d1"]), published, y, year)
                if "월" in m.group(0) and g.get("m2") is None:
                    start = _infer_year(mon, int(g["d1"]), published, y, year)
            if end is None:
                continue
            if start and start > end:
                start = None
            cand = (m.start(), start or end, end if start else None)
            if best is None or cand[0] < best[0]:
                best = cand
        if best:
            break
    if best and best[2] is None:
        # "left on 30 October and reached Kursk on 4 November": several single dates span the event
        found_by_pattern += [
            list(p.finditer(low)) if present[need] else [] for p, need in patterns[len(found_by_pattern) :]
        ]
        if sum(map(len, found_by_pattern)) > 1:  # one match states one date
            singles = {d for found in found_by_pattern for m in found if (d := _single(m, published, year))}
            if len(singles) > 1:
                return min(singles), max(singles), Precision.DAY
    if best:
        if best[2] is None and _NIGHT_TO.search(low[: best[0]]):  # "в ночь на 29 октября": 28 to 29 October
            return best[1] - dt.timedelta(days=1), best[1], Precision.DAY
        return best[1], best[2], Precision.DAY
    if "월" not in low and (days := _korean_days(sentence, published)):
        return days[0], days[1], Precision.DAY
    m = _month_alone().search(low)
    if m and m.group().split()[0] in lx.SINCE and _weekday(low) is not None:
        m = None  # "on Tuesday ..., the most since October": the weekday says when
    if m:  # "late November", "Ende November", "en novembre"
        start = _infer_year(months[m.group("m").casefold()], 1, published, m.group("y"), year)
        if start:
            return start, period_end(start, Precision.MONTH), Precision.MONTH
    if published:
        if any(p in low for p in lx.LAST_WEEK):
            monday = published - dt.timedelta(days=published.weekday() + 7)
            return monday, monday + dt.timedelta(days=6), Precision.WEEK
        if any(p in low for p in lx.THIS_WEEK):
            monday = published - dt.timedelta(days=published.weekday())
            return monday, monday + dt.timedelta(days=6), Precision.WEEK
        if _whole_words(lx.WEEKEND).search(low):  # the weekend before (or of) the publication day
            saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
            return saturday, saturday + dt.timedelta(days=1), Precision.DAY
        if _whole_words(lx.YESTERDAY).search(low):
            return published - dt.timedelta(days=1), None, Precision.DAY
        if _whole_words(lx.TODAY + lx.NOW).search(low):
            return published, None, Precision.DAY
        wd = _weekday(low)
        if wd is not None:
            back = (published.weekday() - wd) % 7  # "on Friday" in a Friday's report is that day
            return published - dt.timedelta(days=back), None, Precision.DAY
    return None, None, Precision.DAY


@lru_cache(maxsize=8)
def _whole_words(phrases: tuple[str, ...]) -> re.Pattern:
    """Any of the phrases, as whole words."""
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)")


def _single(m: re.Match, published: dt.date | None, year: int | None) -> dt.date | None:
    """The date a single-date match states (None for a range match)."""
    g = m.groupdict()
    if g.get("d1"):
        return None
    mon = int(g["m"]) if g["m"].isdigit() else _months().get(g["m"].casefold())
    return _infer_year(mon, int(g["d"]), published, g.get("y"), year) if mon else None


@lru_cache(maxsize=1)
def _month_alone() -> re.Pattern:
    cues = alternation(c.casefold() for c in lx.MONTH_CUES)
    month = "(?P<m>" + alternation(_months()) + r")"
    return re.compile(  # for casefolded text
        rf"(?<!\w)(?:{cues})(?:\s+(?:of|de))?\s+(?:the\s+)?{month}\.?(?:\s+(?P<y>(?:19|20)\d{{2}}))?"
        r"(?!\w)(?!\s*\d)"
    )


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    import babel.dates as bd

    out = {}
    for lang in lx.LANGUAGES:
        for context in ("format", "stand-alone"):
            for num, name in bd.get_day_names("wide", context, lang).items():
                out[name.casefold()] = num
    return out


def _weekday(low: str) -> int | None:
    """The first weekday a sentence names."""
    m = _weekday_pattern().search(low)
    return _weekdays()[m.group()] if m else None


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern:
    return _whole_words(tuple(_weekdays()))


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
    nouns = _troop_nouns(language)
    low = sentence.casefold()
    if not nouns.search(low) and not links.of_them_anywhere(low, language):  # no word for troops, no count
        return None, False, None
    sentence = quantities.with_digits(sentence, language)
    for m in _NUMBER.finditer(sentence):
        raw = m.group(1)
        after = sentence[m.end() : m.end() + 80]
        before = sentence[max(0, m.start() - 30) : m.start()].casefold()
        if _NOT_A_COUNT.match(after):
            continue
        if (_YEAR.fullmatch(raw) and not nouns.match(after.lstrip().casefold())) or _starts_with_month(after):
            continue
        digits = _THOUSANDS_SEPARATOR.sub("", raw)
        if not digits.isdigit():
            continue
        value = int(digits)
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
        if quantities.in_range(before, after) or quantities.about_losses(before, after, language):
            continue  # one end of a range, or a count of losses or equipment
        if found is None:  # "7,000 of them", "the number of fighters is put at 4,500"
            approx = any(w in lx.APPROXIMATE for w in _WORDS.findall(before)[-2:])
            return value * mult, approx, None
        noun = found.group()
        approx = any(w in lx.APPROXIMATE for w in _WORDS.findall(before)[-2:]) or "~" in before[-2:]
        unit = _unit_phrase(sentence[m.end() : m.end() + 80], noun, language)
        return value * mult, approx, unit
    return None, False, None


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
    return _troop_nouns(language).search(" ".join(_WORDS.findall(before[said.end() :])[:3])) is not None


@lru_cache(maxsize=16)
def _troop_nouns(language: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(lx.TROOP_NOUNS.get(language, ()) + lx.TROOP_NOUNS['en'])})")


_UNIT_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")
_WORDLIKE = re.compile(r"[\w'’-]+")
_APOSTROPHE = re.compile("['’]")


@lru_cache(maxsize=16)
def _place_words(language: str) -> frozenset[str]:
    """The prepositions that introduce a place, which end a unit's name ("forces spéciales à ...")."""
    return frozenset().union(*(t.get(language, set()) for t in (lx.DESTINATION, lx.AMBIGUOUS, lx.LOCATION)))


_NEXT_WORD = re.compile(r"[.\s]*(?:de\s+)?(\w+)")


def _starts_with_month(after: str) -> bool:
    """A number followed by a month name is a date ("14 листопада"), not a count."""
    m = _NEXT_WORD.match(after)
    return bool(m) and m.group(1).casefold() in _months()


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
                    and not _has_stem(words[end], lx.MOVEMENT, language)
                ):
                    end += 1
            return " ".join(words[:end])
    return None


# -- confidence --------------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _cue_pattern(language: str) -> tuple[re.Pattern, dict[str, int]]:
    """The cues (normalised labels) for text that is folded but keeps its spacing: a space in a cue stands for
    any run of spaces and punctuation, and a cue may touch punctuation, "_" included, but no letter or digit."""
    table = cues(language)
    body = alternation(table).replace(re.escape(" "), PUNCTUATION + "+")
    if language == "ko":  # a Korean cue is a word's start: endings follow it ("가능성이 높다고", "확인되지 않았다며")
        return re.compile(rf"(?<![^\W_])({body})(?![^\W_\uac00-\ud7a3])"), table
    return re.compile(rf"(?<![^\W_])({body})(?![^\W_])"), table


def find_confidence(sentence: str, language: str) -> tuple[int | None, str | None]:
    """The most doubtful cue a sentence states (longest phrase first, so "not confirmed" beats "confirmed")."""
    pat, table = _cue_pattern(language)
    text = fold_label(sentence)  # spacing is left to the pattern: respacing every sentence cost more
    found = []
    for m in pat.finditer(text):
        cue = spaced(m.group(1))
        digit = table[cue]
        if digit == 1 and _negated(spaced(text[: m.start()])):
            digit = 6  # "no está confirmada", "wurde nicht offiziell bestätigt": not confirmed
        found.append((digit, cue))
    if not found:
        return None, None
    return max(found)


_NEGATION = {"not", "no", "never", "pas", "jamais", "не", "ні", "nicht", "kein", "keine", "nie", "nunca", "안", "못"}


def _negated(before: str) -> bool:
    """A negation among the three words before a cue."""
    return any(w in _NEGATION for w in before.split()[-3:])


# -- toponyms ----------------------------------------------------------------------------------------------
class Extractor:
    """Turn reports into candidate events with the offline geocoder."""

    def __init__(self, geocoder):
        self.geocoder = geocoder
        self.gazetteer: Gazetteer = geocoder.gazetteer
        names.load(lx.LANGUAGES)
        # prose repeats its words and names: each is looked up once while it is in these caches
        self._lookup = lru_cache(maxsize=1 << 17)(self._lookup_uncached)
        self._longest_name = lru_cache(maxsize=1 << 17)(self.gazetteer.longest_name)
        self._inflected = lru_cache(maxsize=1 << 16)(self._inflected_uncached)
        self._ordinary_seen: dict[tuple[str, str, bool], bool] = {}
        names.load_morphology(lx.LANGUAGES)

    def extract(self, report: Report) -> Extraction:
        text = report.text or ""
        lang = detect_language(text, report.language)
        out = Extraction(report, lang)
        sentences = split_sentences(text)
        tokens = Tokens(text)
        # the sentence of each word: how many sentences after the first start at or before it
        sent_of = list(map(partial(bisect_right, [a for a, _ in sentences[1:]]), tokens.starts))
        mentions = self._find_mentions(text, tokens, sent_of, sentences, lang)
        self._resolve(mentions)
        _mark_regions(mentions, tokens, sent_of)
        out.places = mentions
        out.events = self._events(report, lang, text, tokens, sentences, mentions)
        return out

    # - finding -
    def _lookup_uncached(self, surface: str) -> tuple[tuple[Candidate, ...], str | None]:
        """The candidates for a run of words, and the Korean particle cut off to find them."""
        key = normalise(surface)
        cands = self.gazetteer.lookup_key(key)
        if cands or surface.isascii():
            return cands, None
        if _CYRILLIC.search(surface):
            return self.gazetteer.lookup_stem(surface), None
        if _HANGUL.search(surface):
            for particle in sorted(lx.KO_PARTICLES, key=len, reverse=True):
                if key.endswith(particle) and len(key) > len(particle) + 1:
                    stem = key[: -len(particle)]
                    found = self.gazetteer.lookup_key(stem)
                    if not found and stem.endswith(lx.KO_PLACE_SUFFIXES) and len(stem) > 2:
                        found = self.gazetteer.lookup_key(stem[:-1])
                    if found:
                        return found, particle
            if key.endswith(lx.KO_PLACE_SUFFIXES) and len(key) > 2:
                return self.gazetteer.lookup_key(key[:-1]), None
        return (), None

    def _find_mentions(self, text, tokens: Tokens, sent_of, sentences, lang) -> list[Mention]:
        words = tokens.texts
        n_tokens = len(words)
        # A name starts at a word that could be in one (a capital, or no case at all: Hangul carries its
        # particles) or at most MAX_NGRAM - 1 words before one ("de Gaulle"): only those words are tried,
        # and they are found by passes that run no Python code per word.
        initials = list(map(itemgetter(0), words))
        cased = list(map(ne, map(str.upper, initials), map(str.lower, initials)))
        capital = list(map(str.isupper, initials))
        number = list(map(str.isdigit, words))  # no name has a number in it
        hopeful = list(compress(range(n_tokens), map(gt, map(or_, capital, map(not_, cased)), number)))
        tried = set().union(*(map(back.__add__, hopeful) for back in range(1 - MAX_NGRAM, 1)))
        tried = sorted(tried.difference(range(1 - MAX_NGRAM, 0)))
        sentence_starts = {a for a, _ in sentences}
        cyrillic = lang in {"ru", "uk"} or _CYRILLIC.search(text) is not None  # inflected names to look up
        mentions: list[Mention] = []
        after = 0  # the first word not inside a mention found already
        for i in tried:
            if i < after:
                continue
            longest = MAX_NGRAM
            if cased[i]:
                # a cased word that starts no name in the gazetteer starts no mention, nor one without a capital
                # within reach ("de Gaulle", but not "de la")
                longest = min(self._longest_name(words[i]), MAX_NGRAM)
                if not longest and cyrillic and capital[i] and _CYRILLIC.match(words[i]):
                    # an inflected form the stems miss: "Харькова", "Ростовської області", "Херсонщину"
                    nxt = words[i + 1] if i + 1 < n_tokens and sent_of[i + 1] == sent_of[i] else ""
                    cands = self._inflected(words[i], nxt, lang)
                    if (
                        cands
                        and not self._ordinary(
                            words[i], words[i], None, cands, lang, tokens.starts[i], text, sentence_starts
                        )
                        and not _inside_longer_name(text, tokens, i, sent_of, sentence_starts)
                    ):
                        start, end = tokens.starts[i], tokens.ends[i]
                        mentions.append(Mention(start, end, text[start:end], sent_of[i], i, i, cands))
                        after = i + 1
                    continue
                if not longest or not (capital[i] or True in capital[i : i + longest]):
                    continue
            # the spans i..j to try, longest first: no longer than a name starting so, within the sentence, up
            # to the next number
            last = min(i + longest, n_tokens) - 1
            if True in number[i : last + 1]:
                last = number.index(True, i) - 1
            last = i + sent_of[i : last + 1].count(sent_of[i]) - 1
            found = None
            if cyrillic and cased[i] and capital[i] and _CYRILLIC.match(words[i]):
                # a name the stems miss ("Харькова"): its dictionary form, if it is a one-word name
                nxt = words[i + 1] if i + 1 < n_tokens and sent_of[i + 1] == sent_of[i] else ""
                if not self._lookup(words[i])[0] and (cands := self._inflected(words[i], nxt, lang)):
                    found = (i, words[i], cands, None)
            for j in range(last, i - 1, -1):
                # in a cased script, a name has a capital in it (a name of one word, two letters or more)
                if cased[i] and not (True in capital[i : j + 1] if j > i else capital[i] and len(words[i]) >= 2):
                    continue
                surface = text[tokens.starts[i] : tokens.ends[j]]
                cands, particle = self._lookup(surface)
                if cands:
                    found = (j, surface, cands, particle)
                    break
            if found and not self._person_or_org(text, tokens, cased[i], i, found[0], sent_of, sentence_starts, lang):
                j, surface, cands, particle = found
                if i == j and self._ordinary(
                    words[i], surface, particle, cands, lang, tokens.starts[i], text, sentence_starts
                ):
                    continue
                if (
                    i == j
                    and cyrillic
                    and j + 1 < n_tokens
                    and sent_of[j + 1] == sent_of[j]
                    and names.modifies_noun(words[j], words[j + 1], lang)
                ):
                    continue  # "Черноморского флота": a fleet, not a town
                start, end = tokens.starts[i], tokens.ends[j] - (len(particle) if particle else 0)
                mentions.append(Mention(start, end, text[start:end], sent_of[i], i, j, cands, particle))
                after = j + 1
        if cyrillic:
            mentions = self._place_adjectives(text, tokens, sent_of, lang, mentions)
        return mentions

    def _place_adjectives(self, text, tokens: Tokens, sent_of, lang, found: list[Mention]) -> list[Mention]:
        """Lower-case adjectives of a place before an area word ("на курское направление"): the area of that place."""
        taken = {k for m in found for k in range(m.first, m.last + 1)}
        extra = []
        for hit in names.PLACE_ADJECTIVE.finditer(text):
            k = bisect_right(tokens.starts, hit.start()) - 1
            if k in taken or k + 1 >= len(tokens.texts) or tokens.starts[k] != hit.start():
                continue
            cands = self._inflected(hit.group(1), tokens.texts[k + 1], lang)
            if cands:
                extra.append(Mention(hit.start(), hit.end(1), hit.group(1), sent_of[k], k, k, cands))
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def _inflected_uncached(self, word: str, next_word: str, lang: str) -> tuple[Candidate, ...]:
        """Candidates for a Russian or Ukrainian word through its dictionary forms (geo.reading.mentions)."""
        for key, region in names.lemma_keys(word, lang, next_word):
            cands = self.gazetteer.lookup_key(normalise(key))
            if cands:
                if region:  # the area named after a town: its point stands for the area
                    cands = tuple(replace(c, feature="region") if c.feature == "city" else c for c in cands)
                return cands
        return ()

    def _ordinary(self, word, surface, particle, cands, lang, start, text, sentence_starts) -> bool:
        """A one-word hit that is an ordinary word of the language, an acronym or a date word (geo.reading.mentions)."""
        if particle is not None:
            return False  # a Korean name with its particle cut off is a noun
        hangul = bool(_HANGUL.search(word))
        before = text[max(0, start - 3) : start].rstrip()
        # the first word of a sentence, of a quote, or after a dateline ("KHERSON, 12 janvier (AFP) – Les ...")
        opening = start in sentence_starts or not before or before[-1] in '"«“„(–—-:'
        key = (word, lang, opening)
        if key not in self._ordinary_seen:  # one word, one answer: its candidates are the word's
            low = word.casefold()
            self._ordinary_seen[key] = names.ordinary_word(
                word,
                lang,
                sentence_start=opening,
                hangul=hangul,
                population=max((c.population or 0 for c in cands), default=0),
                calendar_word=not hangul and (low in _months() or low in _weekdays()),
            )
        return self._ordinary_seen[key]

    @staticmethod
    def _person_or_org(text, tokens: Tokens, cased, i, j, sent_of, sentence_starts, lang) -> bool:
        """ "General Park", "Mark Rutte", "Park Jong-il": a place name inside a longer proper name is not a place.
        ``cased``: whether the name's first word is in a cased script."""
        if not cased:
            return False
        words, starts, ends = tokens.texts, tokens.starts, tokens.ends
        prev = words[i - 1].casefold() if i > 0 and sent_of[i - 1] == sent_of[i] else None
        if prev in lx.TITLES:
            return True
        if i == j and starts[i] in sentence_starts and _function_word(words[i].casefold(), lang):
            return True
        if lang == "de":  # German capitalises every noun: adjacency says nothing
            return False
        k = j + 1  # the word after the name
        if (
            k < len(words)
            and sent_of[k] == sent_of[j]
            and words[k][:1].isupper()
            and text[ends[j] : starts[k]] in _ADJACENT
            and starts[k] not in sentence_starts
            and not (k + 1 < len(words) and words[k + 1].casefold() in lx.REGION_WORDS)  # "Суджи Курской области"
        ):
            return True
        if (
            prev
            and words[i - 1][:1].isupper()
            and text[ends[i - 1] : starts[i]] in _ADJACENT
            and not _function_word(prev, lang)
        ):
            return True  # "Mark Berlin": a first name before it, even at the start of a sentence
        return False

    # - resolving -
    def _resolve(self, mentions: list[Mention]) -> None:
        """Each mention in the context of the report's other places (not of its own repeats)."""
        first = {}  # a report repeats its places: each name, with its candidates, is ranked once
        for m in mentions:
            if (m.text, id(m.candidates)) not in first:
                first[m.text, id(m.candidates)] = (normalise(m.text), rank(m.text, m.candidates))
        places: dict[tuple[str, int], Place] = {}
        for m in mentions:
            key = (m.text, id(m.candidates))
            if key not in places:
                own = first[key][0]
                others = [r for name, r in first.values() if name != own]
                places[key] = rank(m.text, m.candidates, context_points(others)).to_place(m.text)
            m.place = places[key]

    # - events -
    @staticmethod
    def _speaks(m: Mention, tokens: Tokens, lang: str) -> bool:
        """Whether the word after a place is a verb of saying or denying: the place stands for its government."""
        k = m.last + 1
        if k >= len(tokens.texts) or m.particle is not None or not tokens.starts[k] - m.end <= 1:
            return False  # "Warsaw said", not "troops reached Kursk, said the ministry"
        return scope.says(tokens.texts[k], lang)

    def _role(self, m: Mention, tokens, lang, moving: bool, mentions_in_sentence, sentence_start: int) -> str:
        if m.particle is not None:
            role = lx.KO_PARTICLES.get(m.particle, "at")
            if role == "at" and moving and m.particle in {"에서"}:
                return "origin"
            return {"at": "destination" if moving else "location"}.get(role, role)
        if _HANGUL.search(m.text):
            return "location"
        langs = [lang] if lang in lx.ORIGIN else list(lx.ORIGIN)
        first = max(0, m.first - 5)
        while first < m.first and tokens.starts[first] < sentence_start:
            first += 1
        before = [w.casefold() for w in tokens.texts[first : m.first]]
        genitive = len(before) >= 2 and before[-1] in _GENITIVE and before[-2] in lx.AREA_NOUNS.get(lang, ())
        before = before[-5:] if genitive else before[-3:]  # "vers le secteur d'Orikhiv": look past "secteur d'"
        # a list ("Vladivostok, Ussuriysk et Khabarovsk") takes the role of its first item
        prev_in_list = [q for q in mentions_in_sentence if q.last < m.first]
        if prev_in_list and m.first - prev_in_list[-1].last <= 2 and not self._speaks(m, tokens, lang):
            between = tokens.texts[prev_in_list[-1].last + 1 : m.first]
            if all(w.casefold() in lx.LIST_JOINERS for w in between):
                return "list"
        if len(before) >= 2:
            pair = " ".join(before[-2:])
            if pair in lx.ORIGIN_PHRASES:  # "из-под Харькова", "з-під Бахмута"
                return "origin"
            if pair in lx.DESTINATION_PHRASES or before[-1] in lx.DESTINATION_PHRASES:  # "bound for", "в направлении"
                return "destination"
        if self._speaks(m, tokens, lang):  # "Warsaw said", "Moscou dément": an actor, not a place of events
            return "subject"
        near = before[-2:]
        for w in reversed(near):
            for lg in langs:
                if w in lx.REFERENCE.get(lg, ()) or (
                    w in {"of", "de", "от", "від"} and len(before) >= 2 and before[-2] in lx.REFERENCE.get(lg, ())
                ):
                    return "reference"
        if before and before[-1] in lx.ORIGIN_VERBS:
            return "origin"
        if before and before[-1] in lx.DESTINATION_VERBS:
            return "destination"
        for k in range(len(before) - 1, -1, -1):
            w = before[k]
            if k > 0 and w in _GENITIVE and before[k - 1] in lx.AREA_NOUNS.get(lang, ()):
                continue  # "le secteur d'Orikhiv", "en direction de Khojavend": of, not from
            for lg in langs:
                if w in lx.DESTINATION.get(lg, ()):
                    return "destination"
                if w in lx.ORIGIN.get(lg, ()):
                    return "origin"
                if w in lx.AMBIGUOUS.get(lg, ()):
                    return "destination" if moving else "location"
                if w in lx.LOCATION.get(lg, ()):
                    return "location"
        return "subject"  # no preposition: "Moscou dément", "Pyongyang aurait décidé" speak of a government

    @staticmethod
    def _stated(roles, sentence: str, offset: int, lang: str, text: str, quiet: bool = False):
        """The (mention, role) pairs of a sentence that an event may be made of: not those in a clause that negates,
        denies or forecasts (geo.reading.cues), nor the place where something was said ("told reporters in Seoul",
        "In Seoul, the NIS said ...")."""
        if not quiet and scope.no_event(sentence, lang):  # only a sentence that negates, denies or forecasts is cut
            spans = scope.clauses(sentence, lang)
            barred = [scope.no_event(sentence[x:y], lang) for x, y in spans]
        else:
            spans, barred = [(0, len(sentence))], [False]
        head = sentence.lstrip()
        kept = []
        for m, r in roles:
            at = m.start - offset
            clause = next(k for k, (x, y) in enumerate(spans) if x <= at < y or k == len(spans) - 1)
            if barred[clause]:
                continue
            if m.start <= 2 and text[m.end : m.end + 1] in {",", "=", "(", "–", "—", " "} and _dateline(text, m):
                continue  # "SEOUL, Oct 18 (Reuters) -", "(서울=연합뉴스)": where the report was filed
            if r in {"location", "destination"} and m.particle is None and not quiet:
                before = sentence[max(0, at - 40) : at]
                if scope.speech_near(" ".join(before.split()[-4:]), lang):
                    continue
                opening = len(sentence) - len(head)
                if (
                    at - opening < 12
                    and sentence[m.end - offset : m.end - offset + 2].startswith(",")
                    and _statement_follows(sentence[m.end - offset :], lang)
                ):
                    continue  # "In Seoul, the NIS told lawmakers ...": where it was said
            kept.append((m, r))
        return kept

    def _events(self, report, lang, text, tokens, sentences, mentions) -> list[Event]:
        found: list[dict] = []  # each event's fields, made into events once the report's own cue is known
        report_cue: tuple[int | None, str | None] = (None, None)
        prev_places: list[Place] = []
        last_made: list[dict] = []  # the events the sentence before made
        last_named: list[Place] = []  # the places the sentence before named, events or not
        prev_when: tuple[dt.date | None, dt.date | None, Precision] = (None, None, Precision.DAY)
        # events are read per clause that states its own (geo.reading.cues.units), mentions found per sentence
        units = [(a + x, a + y) for a, b in sentences for x, y in scope.units(text[a:b], lang)]
        # what a whole sentence states, for its clauses that state no date, count or cue of their own
        whole = {a: b for a, b in sentences}
        sentence_of = [max(a for a in whole if a <= x) for x, _ in units]
        said: dict[int, tuple] = {}

        def stated_before(k: int) -> tuple[dt.date | None, dt.date | None]:
            """The last date a clause before clause k states (places or not)."""
            for j in range(k - 1, -1, -1):
                start, end, _ = find_dates(text[units[j][0] : units[j][1]], report.published)
                if start is not None:
                    return start, end
            return None, None

        def sentence_says(k: int) -> tuple:
            a = sentence_of[k]
            if a not in said:
                sent = text[a : whole[a]]
                said[a] = (find_dates(sent, report.published), find_strength(sent, lang), find_confidence(sent, lang))
            return said[a]

        unit_starts = [a for a, _ in units[1:]]
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.place and m.place.resolved and m.place.feature != "country":
                by_sentence.setdefault(bisect_right(unit_starts, m.start), []).append(m)
        starts = sorted(whole)
        made_in = -1  # the sentence (its number in ``starts``) of the events in last_made
        for s, (a, b) in enumerate(units):
            sentence = text[a:b]
            ms = by_sentence.get(s, [])
            conf = find_confidence(sentence, lang)
            split = (a, b) != (sentence_of[s], whole[sentence_of[s]])  # a clause of a longer sentence
            here = bisect_right(starts, a) - 1  # the number of the sentence this clause is part of
            if not ms:
                carried = self._count_carried(
                    sentence, lang, split, here - made_in <= 2, prev_places, prev_when, last_made, conf, report, found
                )
                if carried:
                    last_made, made_in = carried, here
                if not split:  # a cue in a sentence without places speaks for the whole report
                    if conf[0] is not None:
                        report_cue = max(report_cue, conf, key=lambda c: c[0] or 0)
                    if not carried:
                        prev_places, prev_when = [], (None, None, Precision.DAY)
                continue
            named, last_named = last_named, [m.place for m in ms if m.start > 2]  # (not a dateline)
            low = sentence.casefold()
            strength, approx, unit = find_strength(sentence, lang)
            if split and strength is None:
                strength, approx, unit = sentence_says(s)[1]
            if split and conf[0] is None:
                conf = sentence_says(s)[2]
            moving = _has_stem(low, lx.MOVEMENT, lang)
            # "They are housed in ...": the troops of the sentence before, and its date if this one states none
            refers_back = bool(prev_places) and _refers_back(sentence, lang)
            military = (
                strength is not None
                or refers_back
                or _has_stem(
                    text[sentence_of[s] : whole[sentence_of[s]]].casefold() if split else low, lx.MILITARY, lang
                )
            )
            if not (military or (moving and prev_places)):
                continue
            quiet = scope.quiet(low, lang)  # no negation, denial, forecast, diplomacy or speech
            if not quiet and scope.diplomatic(sentence, lang):  # a visit, talks, a conference: places, no event
                prev_places = []
                continue
            start, end, precision = find_dates(sentence, report.published)
            if start is None and split:
                start, end, precision = sentence_says(s)[0]
            if start is None and when.days_after(low, lang) is not None:
                # "the following day", "два дня спустя", "ese mismo día": after the last date stated before
                start, end = when.after(stated_before(s), low, lang)
                precision = Precision.DAY
            if start is None and refers_back:
                start, end, precision = prev_when
            roles: list[tuple[Mention, str]] = []
            for m in ms:
                role = self._role(m, tokens, lang, moving, ms, a)
                if role == "list":
                    role = roles[-1][1] if roles else "location"
                roles.append((m, role))
            if any(m.particle in {"와", "과", "및"} for m, _ in roles):  # Korean lists run forwards
                for k in range(len(roles) - 2, -1, -1):
                    if roles[k][0].particle in {"와", "과", "및"}:
                        roles[k] = (roles[k][0], roles[k + 1][1])
            roles = self._stated(roles, sentence, a, lang, text, quiet)
            if not roles:
                prev_places = []
                continue
            roles = _town_carries_region(roles)
            if not any(r in {"origin", "destination", "location"} for _, r in roles):
                # "advanced south of Pokrovsk": with no other place, the reference point is where it happened
                roles = [(m, "location" if r == "reference" else r) for m, r in roles]
            if (
                moving
                and not any(r in {"destination", "location"} for _, r in roles)
                and _has_stem(low, lx.REACH, lang)
            ):
                # "haben die Region Kursk erreicht": the object of a verb of reaching is where they got to
                roles = [(m, "destination" if r == "subject" else r) for m, r in roles]
            origins = [m.place for m, r in roles if r == "origin"]
            targets = _most_specific([(m, r) for m, r in roles if r in {"destination", "location"}], tokens.texts)
            earlier = not moving and here - made_in <= 1 and links.earlier(low, lang)
            if earlier and not origins:  # "zuvor waren sie in Ussurijsk ausgebildet worden": where they were before
                origins = [p for p in (targets or [m.place for m, _ in roles]) if p not in prev_places]
                targets = []
            arrival_before = (
                moving
                and here - made_in <= 1
                and all(e["kind"] == Kind.MOVEMENT and e.get("origin") is None for e in last_made)
                and not _to_that_place(sentence, lang)
            )  # "3,000 arrived in the Kursk region. The trains left Khabarovsk": where the arrivals came from
            if (refers_back or earlier or arrival_before) and not targets and origins and last_made:
                # "... had been moved to the area on 12 December. They came from Korenevo.": the origin of the
                # events of the sentence before; one movement from each origin ("from Luhansk and Krasnodar")
                linked = []
                for e in last_made:
                    if e.get("origin") is not None:
                        linked.append(e)
                        continue
                    for o in origins:
                        if o == e["place"]:
                            continue
                        moved = dict(e, kind=Kind.MOVEMENT, origin=o, evidence=f"{e['evidence']} {sentence.strip()}")
                        if start is not None and (start, end) != prev_when[:2]:  # this sentence states its own date
                            moved.update(start=start, end=end, precision=precision)
                        if moved["strength"] is None and strength is not None:
                            moved.update(strength=strength, strength_approx=approx, unit=unit)
                        linked.append(moved)
                        if e in found:
                            found.remove(e)
                        found.append(moved)
                last_made = []
                continue
            if moving and refers_back and not targets and origins and prev_places:
                targets = prev_places[:1]
            if moving and origins and not targets and named and _to_that_place(sentence, lang):
                targets = [p for p in (prev_places or named)[:1] if p not in origins]  # "moved to the town from X"
            if moving and targets and not origins and prev_places and any(r == "destination" for _, r in roles):
                origins = [p for p in prev_places[:1] if p not in targets]
            elif targets and not origins and prev_places and links.from_there(low, lang):  # "from there ... to X"
                origins = [p for p in prev_places[:1] if p not in targets]
            common = dict(
                start=start,
                end=end,
                precision=precision,
                strength=strength,
                strength_approx=approx,
                unit=unit,
                confidence=conf[0],
                confidence_label=conf[1],
                source=report.source,
                report_id=report.report_id,
                evidence=sentence.strip(),
            )
            if moving and origins and targets:
                # "from Smolensk and Bryansk to Baranovichi": one movement from each origin
                made = [dict(common, kind=Kind.MOVEMENT, place=t, origin=o) for t in targets for o in origins if o != t]
            elif moving and targets and any(r == "destination" for _, r in roles):
                made = [dict(common, kind=Kind.MOVEMENT, place=t) for t in targets]
            else:
                made = [dict(common, kind=Kind.PRESENCE, place=p) for p in (targets or origins)]
            found.extend(made)
            last_made, made_in = made, here
            prev_places, prev_when = targets or origins, (start, end, precision)
        if report_cue[0] is not None:
            for e in found:
                if e["confidence"] is None:
                    e.update(confidence=report_cue[0], confidence_label=report_cue[1])
        if report.title and any(e["start"] is None for e in found):
            # a date given only in the title ("Column near Dzhankoi, 26 November") dates what the text leaves undated
            start, end, precision = find_dates(report.title, report.published)
            if start is not None:
                for e in found:
                    if e["start"] is None:
                        e.update(start=start, end=end, precision=precision)
        return _dedupe([Event(**e) for e in found])

    @staticmethod
    def _count_carried(sentence, lang, split, adjacent, prev_places, prev_when, last_made, conf, report, found):
        """A clause that names no place but counts troops: "The number of fighters there is put at 4,500" is a
        presence at the place the sentence before named; "About 800 servicemen took part" is the strength of the
        events the sentence before told, when they state none. Returns the events it made or completed."""
        if not adjacent or not (prev_places or last_made):
            return []
        strength, approx, unit = find_strength(sentence, lang)
        low = sentence.casefold()
        if strength is None or not scope.quiet(low, lang):
            return []
        if prev_places and links.there(low, lang):
            start, end, precision = find_dates(sentence, report.published)
            if start is None:
                start, end, precision = prev_when
            e = dict(
                kind=Kind.PRESENCE,
                place=prev_places[0],
                start=start,
                end=end,
                precision=precision,
                strength=strength,
                strength_approx=approx,
                unit=unit,
                confidence=conf[0],
                confidence_label=conf[1],
                source=report.source,
                report_id=report.report_id,
                evidence=sentence.strip(),
            )
            found.append(e)
            return [e]
        if split or not last_made or any(e["strength"] is not None for e in last_made):
            return []
        for e in last_made:
            e.update(
                strength=strength, strength_approx=approx, unit=unit, evidence=f"{e['evidence']} {sentence.strip()}"
            )
        return last_made


def extract_all(
    extractor: Extractor,
    reports: Sequence[Report],
    processes: int | None = 1,
    progress: Callable[[float], None] | None = None,
) -> list[Extraction | Exception]:
    """Each report's extraction, or the exception that stopped it (one unreadable report costs only itself).

    With ``processes`` other than 1 (None: one per core) and enough reports, the work is shared by worker
    processes. They are forked, so they start with the gazetteer already loaded; extraction is offline, so
    no worker calls a rate-limited service. Where fork is not available it runs in this process.
    """
    if processes is None:
        processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with bulk():  # extractions hold no reference cycles: the collector would walk all those kept, again and again
        return _extract_all(extractor, reports, processes, progress)


def _extract_all(extractor, reports, processes, progress):
    if processes == 1 or len(reports) < 200 or "fork" not in mp.get_all_start_methods():
        out = []
        for i, r in enumerate(reports):
            out.append(_extract_or_error(extractor, r))
            if progress:
                progress((i + 1) / len(reports))
        return out
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor
    try:
        with mp.get_context("fork").Pool(processes) as pool:
            out = pool.map(_extract_in_worker, reports, chunksize=64)
    finally:
        _WORKER_EXTRACTOR = None
    for report, x in zip(reports, out):
        if isinstance(x, Extraction):
            x.report = report
    if progress:
        progress(1.0)
    return out


_WORKER_EXTRACTOR: Extractor | None = None


def _extract_in_worker(report: Report) -> Extraction | Exception:
    """An extraction made light to send back: the caller has the report, and each mention's gazetteer
    candidates served only to rank them."""
    out = _extract_or_error(_WORKER_EXTRACTOR, report)
    if isinstance(out, Extraction):
        out.report = None
        for m in out.places:
            m.candidates = ()
    return out


def unreadable(report: Report, row: int, error: Exception) -> Problem:
    """The problem to show for a report the extractor failed on: the other reports are read all the same."""
    return Problem(row, "text", f"report {report.report_id}: could not be read ({error})")


def _extract_or_error(extractor: Extractor, report: Report) -> Extraction | Exception:
    try:
        return extractor.extract(report)
    except Exception as e:  # named by the caller, next to the report it came from
        log.exception("extraction failed for report %s", report.report_id)
        return e


@lru_cache(maxsize=16)
def _that_place_pattern(lang: str) -> re.Pattern:
    preps = lx.DESTINATION.get(lang, set()) | lx.AMBIGUOUS.get(lang, set())
    nouns = lx.PLACE_NOUNS.get(lang, ())
    return re.compile(
        rf"(?<!\w)(?:{alternation(preps)})\s+(?:(?:the|this|that|la|le|die|den|das|el|esta|este)\s+)?"
        rf"(?:{alternation(nouns)})(?!\w)"
    )


def _to_that_place(sentence: str, lang: str) -> bool:
    """ "moved to the town", "перекинули до міста": a movement to the place the sentence before named."""
    return lang in lx.PLACE_NOUNS and _that_place_pattern(lang).search(sentence.casefold()) is not None


def _mark_regions(mentions: list[Mention], tokens: Tokens, sent_of) -> None:
    """A town's name with a word for a region next to it ("la región de Donetsk", "Kursk oblast") names the
    region: its point stands for the region, and a town named with it carries the event."""
    words = tokens.texts
    for m in mentions:
        p = m.place
        if p is None or p.feature != "city":
            continue
        for k in (m.first - 2, m.first - 1, m.last + 1):
            if 0 <= k < len(words) and sent_of[k] == m.sentence and words[k].casefold() in lx.REGION_WORDS:
                m.place = replace(p, feature="region")
                break


def _inside_longer_name(text: str, tokens: Tokens, i: int, sent_of, sentence_starts) -> bool:
    """ "Часового Яру": a word right after another capitalised word (not the sentence's first) is part of a
    longer name the gazetteer does not know, not a name of its own."""
    if i == 0 or sent_of[i - 1] != sent_of[i]:
        return False
    prev = tokens.texts[i - 1]
    return (
        prev[:1].isupper()
        and tokens.starts[i - 1] not in sentence_starts
        and text[tokens.ends[i - 1] : tokens.starts[i]] in _ADJACENT
    )


REGION_REACH_KM = 300  # how far a region's point may lie from a town in it
_DATELINE = re.compile(r"\s*(?:[,=]|\(|[–—-]|\d)")


def _dateline(text: str, m: Mention) -> bool:
    """Whether the report opens with this place as its dateline: in capitals ("SEOUL,"), before "=" or "("
    ("(서울=연합뉴스)"), or before a comma and a date ("Kyiv, 5 October -")."""
    if _DATELINE.match(text, m.end) is None:
        return False
    after = text[m.end : m.end + 20]
    return m.text.isupper() or after[:1] in {"=", "("} or re.match(r",\s*\S{0,12}\s*\d", after) is not None


def _statement_follows(rest: str, lang: str) -> bool:
    """Whether a verb of saying comes within the next eight words, before any word of movement."""
    for w in rest.casefold().split()[:8]:
        if _has_stem(w, lx.MOVEMENT, lang):
            return False
        if scope.has("SPEECH", w, lang):
            return True
    return False


def _town_carries_region(roles):
    """ "Sudzha, in the Kursk region" / "у Суджи Курской области": a region named right after a town near it
    lends the town its role, so that the town, the more specific place, carries the event."""
    out = list(roles)
    for k in range(1, len(out)):
        (t, tr), (r, rr) = out[k - 1], out[k]
        if (
            r.place.feature == "region"
            and t.place.feature not in {"region", "country"}
            and r.first - t.last <= 6
            and rr in {"destination", "location", "origin"}
            and tr not in {"destination", "location", "origin"}
            and _km(r.place, t.place) <= REGION_REACH_KM
        ):
            out[k - 1] = (t, rr)
    return out


def _most_specific(roles, words: list[str]) -> list[Place]:
    """The places that carry a sentence's event: a region drops out when a town near it is named right before
    it ("in Sudzha, Kursk oblast" is Sudzha; "in the Kursk region and in Sumy" keeps both)."""
    towns = [m for m, _ in roles if m.place.feature not in {"region", "country"}]
    out = []
    for m, _ in roles:
        p = m.place
        if p.feature == "region" and any(_names_its_region(t, m, words) for t in towns):
            continue
        out.append(p)
    return out


def _names_its_region(town: Mention, region: Mention, words: list[str]) -> bool:
    """A region named within four words after a town near it, with no "and" between."""
    if region.first <= town.last:
        return False
    between = [w.casefold() for w in words[town.last + 1 : region.first]]
    return (
        len(between) <= 4
        and not any(w in lx.LIST_JOINERS for w in between)
        and _km(region.place, town.place) <= REGION_REACH_KM
    )


def _km(a: Place, b: Place) -> float:
    return km((a.lat, a.lon), (b.lat, b.lon))


def _dedupe(events: Sequence[Event]) -> list[Event]:
    """One report's events, each once (extraction sets no event_id: events differ by their content)."""
    seen, out = set(), []
    for e in events:
        k = e.content()
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def _has_stem(low: str, table: dict[str, tuple[str, ...]], lang: str) -> bool:
    key = (id(table), lang)
    if key not in _STEMS:
        _STEMS[key] = _stem_pattern(table.get(lang, ()) + (table["en"] if lang != "en" else ()), lang)
    return _STEMS[key].search(low) is not None


_STEMS: dict[tuple[int, str], re.Pattern] = {}


def _stem_pattern(stems, lang: str) -> re.Pattern:
    """Word-start stems, whole words ("sent$"), and phrases or Korean entries, which are looked for anywhere
    (a Korean particle follows its noun), as one regular expression."""
    prefixes = [s for s in stems if not s.endswith("$") and " " not in s and not (lang == "ko" and _HANGUL.search(s))]
    words = [s[:-1] for s in stems if s.endswith("$")]
    phrases = [s for s in stems if " " in s or (lang == "ko" and _HANGUL.search(s))]
    branches = [rf"(?<!\w)(?:{alternation(prefixes)})" if prefixes else None]
    branches += [rf"(?<!\w)(?:{alternation(words)})(?!\w)" if words else None]
    branches += [alternation(phrases) if phrases else None]
    return re.compile("|".join(b for b in branches if b) or "(?!)")


_ADJACENT = {" ", "-", "\u00a0"}  # what joins the words of one proper name
_GENITIVE = {"de", "d", "du", "del", "des", "of"}  # after an area noun: "le secteur d'Orikhiv"


_OPENING = re.compile(r"\W*(\w+)\W*(.*)", re.DOTALL)


def _refers_back(sentence: str, lang: str) -> bool:
    """Whether a sentence opens with words for what the sentence before spoke of: "They", "Ces soldats",
    "이들은" (a Korean particle is cut off first), or an article and troops ("The soldiers", "Les militaires")."""
    m = _OPENING.match(sentence)
    if not m:
        return False
    word, rest = m.group(1).casefold(), m.group(2).casefold()
    words = lx.REFER_BACK.get(lang, lx.REFER_BACK["en"])
    if word in words or (
        _HANGUL.match(word) and any(word.endswith(p) and word[: -len(p)] in words for p in lx.KO_PARTICLES)
    ):
        return True
    return word in lx.DEFINITE.get(lang, ()) and _troop_nouns(lang).match(rest) is not None


def _function_word(low: str, lang: str) -> bool:
    return low in lx.FUNCTION_WORDS.get(lang, set()) or low in lx.FUNCTION_WORDS["en"]


def highlight_html(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The report text as escaped HTML, with each (start, end, title) span marked: for the Sources page.

    Everything from the report is escaped; the only markup is the <mark> this function writes.
    """
    import html

    out, pos = [], 0
    for start, end, title in sorted(spans):
        if start < pos:
            continue  # overlapping marks: keep the first
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
