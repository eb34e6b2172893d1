"""One date grammar for the seven languages: what date or range a sentence states, relative to the report's
``published`` date.

Absolute dates and ranges ("5-6 November", "с 13 по 17 января", "8~13일"), nights ("the night of 5 to 6
November", "в ночь на 6 ноября"), months alone ("late November"), weeks ("last week", a week being Monday to
Sunday), the weekend, yesterday/today, weekdays (the publication day itself when it is that weekday), Korean
day-only dates ("지난 7일"); and dates relative to the date stated before ("the following day", "the same day",
"le lendemain", "на следующий день", "наступного дня", "다음날", "am nächsten Tag", "al día siguiente", "two
days later"): the extractor adds the days to the last day of the date the report stated just before (the end of
a range: "from 6 to 8 May ... the next day" is 9 May).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from geo.dates import period_end
from geo.model import Precision
from geo.reading import lexicon as lx
from geo.text import alternation


# -- absolute and publication-relative dates -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def months() -> dict[str, int]:
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
    month = "(?P<m>" + alternation(months()) + r")\.?"
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
    return re.compile(r"(?<!\w)(?:" + alternation(months()) + r")(\.?\s+\d)?")


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
    r"(?<![\d월])(\d{1,2})\s*(?:(?:[~∼-]|일\s*부터|일\s*에서)\s*(\d{1,2})\s*)?일(?!\s*(?:밝혔|전했|말했|발표|[^.]{0,6}브리핑))"
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
    month_of = months()
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
            mon = month_of.get(g["m"].casefold()) if not g["m"].isdigit() else int(g["m"])
            if not mon:
                continue
            y = g.get("y")
            end = _infer_year(mon, int(g["d"]), published, y, year)
            start = None
            if g.get("d1"):
                mon1 = mon
                if g.get("m1"):
                    mon1 = month_of.get(g["m1"].casefold(), mon)
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
        start = _infer_year(month_of[m.group("m").casefold()], 1, published, m.group("y"), year)
        if start:
            return start, period_end(start, Precision.MONTH), Precision.MONTH
    if published:
        if any(p in low for p in lx.LAST_WEEK):
            monday = published - dt.timedelta(days=published.weekday() + 7)
            return monday, monday + dt.timedelta(days=6), Precision.WEEK
        if any(p in low for p in lx.THIS_WEEK):
            monday = published - dt.timedelta(days=published.weekday())
            return monday, monday + dt.timedelta(days=6), Precision.WEEK
        if _whole_words(lx.LAST_MONTH).search(low):  # "late last month", "le mois dernier"
            first = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            return first, period_end(first, Precision.MONTH), Precision.MONTH
        if _whole_words(lx.THIS_MONTH).search(low):
            first = published.replace(day=1)
            return first, period_end(first, Precision.MONTH), Precision.MONTH
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
    mon = int(g["m"]) if g["m"].isdigit() else months().get(g["m"].casefold())
    return _infer_year(mon, int(g["d"]), published, g.get("y"), year) if mon else None


@lru_cache(maxsize=1)
def _month_alone() -> re.Pattern:
    cues = alternation(c.casefold() for c in lx.MONTH_CUES)
    month = "(?P<m>" + alternation(months()) + r")"
    return re.compile(  # for casefolded text
        rf"(?<!\w)(?:{cues})(?:\s+(?:of|de))?[\s-]+(?:the\s+)?{month}\.?(?:\s+(?P<y>(?:19|20)\d{{2}}))?"
        r"(?!\w)(?!\s*\d)"
    )


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
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
    return weekdays()[m.group()] if m else None


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern:
    return _whole_words(tuple(weekdays()))


# -- relative to the date stated before ------------------------------------------------------------
@lru_cache(maxsize=16)
def _next_days(language: str) -> tuple[re.Pattern, dict[str, int]]:
    table = dict(lx.NEXT_DAYS.get(language, ()))
    pattern = rf"(?<!\w)(?:{alternation(table)})(?!\w)" if table else "(?!)"
    return re.compile(pattern), table


@lru_cache(maxsize=16)
def _days_later(language: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{lx.DAYS_LATER[language]})" if language in lx.DAYS_LATER else "(?!)")


def days_after(low: str, language: str) -> int | None:
    """How many days after the date stated before a casefolded sentence places itself, or None."""
    pattern, table = _next_days(language)
    m = pattern.search(low)
    if m:
        return table[m.group(0)]
    m = _days_later(language).search(low)
    if m:
        word = next(g for g in m.groups() if g)
        if word.isdigit():
            return int(word) if 0 < int(word) < 32 else None
        return lx.SMALL_NUMBERS.get(language, {}).get(word)
    return None


def after(
    previous: tuple[dt.date | None, dt.date | None], low: str, language: str, days: int | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The (start, None) a relative sentence states, counted from the last day of ``previous``, or (None, None).
    ``days``: days_after(low, language), when the caller has it already."""
    start, end = previous
    base = end or start
    if base is None:
        return None, None
    if days is None:
        days = days_after(low, language)
    return (None, None) if days is None else (base + dt.timedelta(days=days), None)
