"""Dates as data files give them: ISO, day-first or month-first, partial ("2024-10", "October 2024"), weeks.

Each parse gives the first day of what was said and its precision, so "October 2024" is 2024-10-01 with
month precision and can be drawn as the month it is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from geo.errors import quote
from geo.model import Precision


class DateError(ValueError):
    """A date that cannot be read, does not exist, or lies outside the years troopmap accepts."""


# Reports are about the present and the recent past; a year outside these is a typo or a placeholder
# (9999-12-31, 0001-01-01), and such dates break date arithmetic further on (the timeline's axis, for one).
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I)
_YEAR = re.compile(r"^(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_MONTHS = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")


def _make(y: int, m: int, d: int, text: str) -> dt.date:
    try:
        date = dt.date(y, m, d)
    except ValueError as e:
        raise DateError(f"impossible date {quote(text)} ({e})") from None
    return in_range(date, text)


def in_range(date: dt.date, text: str = "") -> dt.date:
    """``date`` itself when it lies in EARLIEST..LATEST; DateError otherwise."""
    if not EARLIEST <= date <= LATEST:
        raise DateError(
            f"date {quote(text or date.isoformat())} is outside the years {EARLIEST.year}–{LATEST.year} troopmap accepts"
        )
    return date


def guess_dayfirst(values: list[str]) -> bool:
    """Decide day-first or month-first for a whole column: a first number over 12 means day-first, a second
    number over 12 means month-first; with no evidence either way, day-first (the more common outside the US)."""
    for v in values:
        if m := _NUMERIC.match(v.strip()):
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    return True


@lru_cache(maxsize=65536)  # a file repeats its dates many times
def parse_date(text: str, dayfirst: bool = True) -> tuple[dt.date, Precision]:
    """Read one date; raise DateError with the reason when it cannot be read or does not exist."""
    s = str(text).strip()
    if m := _ISO.match(s):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), s), Precision.DAY
    if m := _ISO_MONTH.match(s):
        return _make(int(m.group(1)), int(m.group(2)), 1, s), Precision.MONTH
    if m := _ISO_WEEK.match(s):
        try:
            week = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError as e:
            raise DateError(f"impossible week {quote(s)} ({e})") from None
        return in_range(week, s), Precision.WEEK
    if m := _YEAR.match(s):
        return _make(int(m.group(1)), 1, 1, s), Precision.YEAR
    if m := _NUMERIC.match(s):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        d, mo = (a, b) if dayfirst else (b, a)
        return _make(y, mo, d, s), Precision.DAY
    if m := _WORDS.match(s):
        month = _MONTHS.get(m.group(2).lower())
        if month is None:
            raise DateError(f"unreadable date {quote(s)}: unknown month {quote(m.group(2))}")
        day = m.group(1) or m.group(3)
        if day:
            return _make(int(m.group(4)), month, int(day), s), Precision.DAY
        return _make(int(m.group(4)), month, 1, s), Precision.MONTH
    raise DateError(
        f"unreadable date {quote(s)}; use YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, 'October 2024' or '8 October 2024'"
    )


def period_end(start: dt.date, precision: Precision) -> dt.date:
    """The last day a partial date covers (the end of its week, month or year)."""
    if precision is Precision.WEEK:
        return start + dt.timedelta(days=6)
    if precision is Precision.MONTH:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision is Precision.YEAR:
        return start.replace(month=12, day=31)
    return start
