"""Dates a sentence states relative to the date the sentence before stated.

"The following day", "the same day", "le lendemain", "на следующий день", "наступного дня", "다음날", "am nächsten Tag", "al día
siguiente" and "two days later" in each language: the extractor adds the days to the last day of the date the
report stated just before (the end of a range: "from 6 to 8 May ... the next day" is 9 May).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from geo import lexicon as lx
from geo.text import alternation


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
    previous: tuple[dt.date | None, dt.date | None], low: str, language: str
) -> tuple[dt.date | None, dt.date | None]:
    """The (start, None) a relative sentence states, counted from the last day of ``previous``, or (None, None)."""
    start, end = previous
    base = end or start
    if base is None:
        return None, None
    days = days_after(low, language)
    return (None, None) if days is None else (base + dt.timedelta(days=days), None)
