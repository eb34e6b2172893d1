"""Fusion: events that tell of the same movement or presence become one fact that lists its sources.

Two events are the same fact when they are of the same kind, their places (and origins, when both give one) are
within ``NEAR_KM`` of each other, their dates overlap (or one is undated, or they are at most ``SLACK_DAYS``
apart), and their units are compatible: the same unit once names are mapped to one canonical name
(``data/unit_aliases.csv``, editable), or one side names only the force (KPA) or no unit at all.

Corroboration is earned, not read: a fact is Admiralty 1 ("confirmed by other sources") only when at least two
*independent* sources (different source names and different reports) report it and none of them doubts it.
A single report's own "confirmed" is kept as 2 (probably true), since one voice cannot confirm itself.
Denials (Admiralty 4 or 5) do not corroborate: they are attached to the facts they contradict, at the same
place, with compatible units and dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from geo.gazetteer import km
from geo.model import Event, Kind, Place

NEAR_KM = 25.0
SLACK_DAYS = 2
DENIAL_SLACK_DAYS = 14  # a denial comes days after the claims it answers
ALIASES = Path(__file__).resolve().parent.parent / "data" / "unit_aliases.csv"
DENIAL = {4, 5}
# words that name troops without naming a unit: compatible with any unit
GENERIC = {
    "troops", "soldiers", "forces", "military", "servicemen", "personnel", "unit not stated",
    "troupes", "soldats", "militaires", "forces armées",
    "войска", "военные", "солдаты", "военнослужащие",
    "війська", "військові", "солдати", "військовослужбовці",
    "군", "병력", "군인", "장병",
    "truppen", "soldaten", "streitkräfte",
    "tropas", "soldados", "militares",
}  # fmt: skip


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


@lru_cache(maxsize=4)
def load_aliases(path: Path = ALIASES) -> dict[str, tuple[str, str]]:
    """Normalised alias -> (canonical unit, force)."""
    out: dict[str, tuple[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out[_norm(row["alias"])] = (row["canonical"], row["force"])
    return out


def canonical_unit(
    unit: str | None, aliases: dict[str, tuple[str, str]] | None = None
) -> tuple[str | None, str | None]:
    """(canonical name, force) for a unit as a report wrote it; (None, None) for no unit or a generic word."""
    if not unit:
        return None, None
    key = _norm(unit)
    if not key or key in GENERIC:
        return None, None
    aliases = load_aliases() if aliases is None else aliases
    if key in aliases:
        return aliases[key]
    # the longest alias the name contains ("about 1 500 North Korean special forces")
    hits = [(len(a), v) for a, v in aliases.items() if f" {a} " in f" {key} "]
    if hits:
        return max(hits)[1]
    return unit.strip(), None


def units_compatible(a: str | None, b: str | None) -> bool:
    (ca, fa), (cb, fb) = canonical_unit(a), canonical_unit(b)
    if ca is None or cb is None or ca == cb:
        return True
    # one side names only the force the other's unit belongs to
    return (fa is not None and fa == fb) and (ca == fa or cb == fb)


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or not (a.resolved and b.resolved):
        return False
    if a.geonameid and a.geonameid == b.geonameid:
        return True
    return km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM + max(a.uncertainty_km or 0, b.uncertainty_km or 0)


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    if e.start is None:
        return None
    return e.start, e.end or e.start


def dates_compatible(a: Event, b: Event, slack_days: int = SLACK_DAYS) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    slack = dt.timedelta(days=slack_days)
    return sa[0] <= sb[1] + slack and sb[0] <= sa[1] + slack


def same_fact(a: Event, b: Event) -> bool:
    """Do two events tell of the same movement or presence?"""
    if a.kind is not b.kind or not _same_place(a.place, b.place):
        return False
    if a.kind is Kind.MOVEMENT and a.origin and b.origin and not _same_place(a.origin, b.origin):
        return False
    return dates_compatible(a, b) and units_compatible(a.unit, b.unit)


@dataclass(frozen=True)
class Fact:
    """One movement or presence as several reports tell it: the best-stated event stands for it."""

    events: tuple[Event, ...]
    denials: tuple[Event, ...] = ()
    confidence: int | None = None
    corroborated: bool = False
    unit: str | None = None
    sources: tuple[str, ...] = field(default=())

    @property
    def event(self) -> Event:
        """The member that says most: an exact date range, a strength, a unit, the best confidence."""
        return min(
            self.events,
            key=lambda e: (
                e.kind is Kind.MOVEMENT and e.origin is None,  # an arrow needs its origin
                e.start is None,
                e.precision.value != "day",
                e.strength is None,
                e.unit is None,
                e.confidence or 9,
            ),
        )

    @property
    def independent_sources(self) -> int:
        return max(1, _independent(self.events))


def _independent(events: Iterable[Event]) -> int:
    """How many independent voices tell it: different source names in different reports."""
    events = list(events)
    names = {n for e in events if (n := _norm(e.source or ""))}
    reports = {e.report_id for e in events if e.report_id}
    return min(len(names), len(reports))


def fuse(events: Iterable[Event]) -> list[Fact]:
    """Group events into facts (see the module's docstring for the rules), in the order of their first event."""
    claims = [e for e in events if e.confidence not in DENIAL]
    denials = [e for e in events if e.confidence in DENIAL]
    groups: list[list[Event]] = []
    # only events at one place can be one fact: bucket by rounded place so the pairwise test stays local
    buckets: dict[tuple[int, int], list[int]] = {}
    for e in claims:
        placed = None
        if e.place and e.place.resolved:
            cell = (round(e.place.lat * 2), round(e.place.lon * 2))
            near = {i for dx in (-1, 0, 1) for dy in (-1, 0, 1) for i in buckets.get((cell[0] + dx, cell[1] + dy), [])}
            for i in sorted(near):
                if all(same_fact(e, other) for other in groups[i]):
                    placed = i
                    break
            if placed is None:
                buckets.setdefault(cell, []).append(len(groups))
        if placed is None:
            groups.append([e])
        else:
            groups[placed].append(e)
    facts = []
    for g in groups:
        disputing = tuple(d for d in denials if _disputes(d, g))
        facts.append(_fact(g, disputing))
    # a denial that contradicts no claim is a fact of its own (drawn as a denial)
    attached = {id(d) for f in facts for d in f.denials}
    facts += [_fact([d], ()) for d in denials if id(d) not in attached]
    return facts


def _disputes(denial: Event, claims: Sequence[Event]) -> bool:
    return any(
        _same_place(denial.place, c.place)
        and dates_compatible(denial, c, DENIAL_SLACK_DAYS)
        and units_compatible(denial.unit, c.unit)
        for c in claims
    )


def _fact(events: Sequence[Event], denials: tuple[Event, ...]) -> Fact:
    stated = [e.confidence for e in events if e.confidence]
    corroborated = _independent(events) >= 2 and not denials
    if corroborated:
        confidence = 1
    elif stated:
        # a report's own "confirmed" is one voice and cannot confirm itself; an analyst's row (with an event_id)
        # that says 1 has been checked by that analyst and keeps it
        checked = any(e.confidence == 1 and e.event_id for e in events)
        confidence = 2 if min(stated) == 1 and not checked else min(stated)
    else:
        confidence = None
    units = [canonical_unit(e.unit)[0] for e in events]
    unit = max((u for u in units if u), key=units.count, default=None)
    sources = tuple(dict.fromkeys(f"{e.source or 'source not stated'} ({e.report_id or 'no report'})" for e in events))
    return Fact(tuple(events), denials, confidence, corroborated, unit, sources)
