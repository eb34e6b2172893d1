"""The map at scale: aggregates from the store fit the budget, count every event once and escape report text."""

import datetime as dt
import json
import random

from geo import aggregates
from geo.filters import Filters
from geo.model import Event, Kind, Place


def spread(n, seed=3, name="Town"):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place = Place(
            f"{name} {i % 500}", f"{name} {i % 500}", rng.uniform(40, 60), rng.uniform(20, 60), status="matched"
        )
        moving = i % 3 == 0
        origin = Place(f"O{i % 50}", f"O{i % 50}", rng.uniform(40, 60), rng.uniform(20, 60), status="matched")
        out.append(
            Event(
                Kind.MOVEMENT if moving else Kind.PRESENCE,
                place,
                origin=origin if moving else None,
                start=dt.date(2024, 1, 1) + dt.timedelta(days=i % 200),
                confidence=rng.choice([2, 3, 5, None]),
                unit=f"Unit {i % 40}",
                evidence="x",
            )
        )
    return out


def test_aggregates_fit_the_budget_and_count_every_mapped_event_once(store):
    store.add_upload(spread(6000))
    f = Filters(min_confidence=5)
    s = aggregates.fit(aggregates.from_store(store.map_summary(f)), 300, 200)
    assert len(s.presences) <= 300 and len(s.routes) <= 200
    assert s.events == store.count(f) - store.count_unmapped(f)
    recs = aggregates.records(s)
    assert all(r["c"] in (2, 3, 5) for r in recs)  # the best confidence of each group, never an unstated one
    assert sum(r["n"] for r in recs) + s.hidden_movements == s.events
    assert len(json.dumps(recs)) < 2_000_000


def test_a_group_keeps_its_best_confidence_and_date_span():
    a = aggregates.Group(3, 4, 50.0, 30.0, "A", dt.date(2024, 1, 5), dt.date(2024, 1, 9))
    b = aggregates.Group(5, 2, 50.1, 30.1, "B", dt.date(2024, 1, 1), None)
    c = aggregates.Group(1, None, 50.2, 30.2, "C", None, dt.date(2024, 2, 1))
    for other in (b, c):
        a.merge(other)
    assert (a.n, a.best, a.first, a.last, a.name) == (9, 2, dt.date(2024, 1, 1), dt.date(2024, 2, 1), "B")
    assert 50.0 < a.lat < 50.2


def test_report_text_in_aggregates_is_escaped(store):
    evil = "<img src=x onerror=alert(1)>${alert(2)}`"
    store.add_upload(spread(50, name=evil))
    recs = aggregates.records(aggregates.fit(aggregates.from_store(store.map_summary(None))))
    text = json.dumps(recs)
    assert "<img" not in text and "${" not in text and "`" not in text
    assert "&lt;img" in text
