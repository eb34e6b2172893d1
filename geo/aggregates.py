"""The map at scale: the store's per-cell summary of the filtered events, gathered into few enough features to draw.

Above a few thousand events a map of single events is a 100 MB page that no browser draws in time. Instead:
presences in one grid cell are one dot with a count; movements between the same two cells are one line with a
count; each keeps the best (lowest) Admiralty digit among its events and its date span. The cell grows until the
features fit the budget; routes beyond the route budget (the ones with fewest movements) are counted, not drawn.

Everything here is plain data. Place names come from reports: they are escaped (``safe_html``) before they go
into a record, as every other text the map shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo.escape import html_text as safe_html
from geo.mapping import STYLE

DETAIL_MAX = 1_500  # mapped events drawn one by one, each with its card (about 1 KB each as sent)
MAX_PRESENCES = 3_000
MAX_ROUTES = 1_500


@dataclass
class Group:
    """Events gathered at one cell (presences) or between two cells (routes)."""

    n: int
    best: int | None
    lat: float
    lon: float
    name: str
    first: dt.date | None
    last: dt.date | None
    olat: float | None = None
    olon: float | None = None
    oname: str | None = None
    weight: int = field(default=0, repr=False)  # events of the largest group merged in, whose names are kept
    parts: int = field(default=1, repr=False)  # groups of the store's that were merged into this one

    def __post_init__(self) -> None:
        self.weight = self.weight or self.n

    def merge(self, o: Group) -> None:
        total = self.n + o.n
        self.lat = (self.lat * self.n + o.lat * o.n) / total
        self.lon = (self.lon * self.n + o.lon * o.n) / total
        if self.olat is not None and o.olat is not None:
            self.olat = (self.olat * self.n + o.olat * o.n) / total
            self.olon = (self.olon * self.n + o.olon * o.n) / total
        if o.weight > self.weight:
            self.name, self.oname, self.weight = o.name, o.oname, o.weight
        self.best = _best(self.best, o.best)
        self.first = _min(self.first, o.first)
        self.last = _max(self.last, o.last)
        self.n = total
        self.parts += o.parts


@dataclass
class Summary:
    presences: list[Group]
    routes: list[Group]
    cell: float  # the grid the presences were gathered on, in degrees
    route_cell: float = 1.0  # the grid each end of a route was gathered on
    movements: int = 0  # mapped movements in all, drawn or not
    route_groups: int = 0  # routes the store found, before any were merged or left out

    @property
    def hidden_movements(self) -> int:
        """Movements on the routes left out to stay within the budget."""
        return self.movements - sum(g.n for g in self.routes)

    @property
    def hidden_routes(self) -> int:
        """Routes (as the store gathered them) left out to stay within the budget."""
        return self.route_groups - sum(g.parts for g in self.routes)

    @property
    def events(self) -> int:
        return sum(g.n for g in self.presences) + self.movements


def _best(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _min(a, b):
    return b if a is None else a if b is None else min(a, b)


def _max(a, b):
    return b if a is None else a if b is None else max(a, b)


def _date(d) -> dt.date | None:
    return d if d is None or isinstance(d, dt.date) else dt.date.fromisoformat(d)


def from_store(summary: dict) -> Summary:
    """Groups from :meth:`Store.map_summary`, not yet fitted to a budget."""
    names = summary["names"]
    presences = [
        Group(n, best, lat, lon, names.get(pid, "?"), _date(first), _date(last))
        for n, best, lat, lon, pid, first, last in summary["presences"]
    ]
    routes = [
        Group(n, best, lat, lon, names.get(pid, "?"), _date(first), _date(last), olat, olon, names.get(oid, "?"))
        for n, best, olat, olon, lat, lon, oid, pid, first, last in summary["routes"]
    ]
    movements = summary.get("movements", sum(g.n for g in routes))
    return Summary(
        presences,
        routes,
        summary["cell"],
        movements=movements,
        route_groups=summary.get("route_groups", len(routes)),
        route_cell=summary["route_cell"],
    )


def _regroup(groups: Iterable[Group], cell: float, route: bool) -> list[Group]:
    out: dict[tuple, Group] = {}
    for g in groups:
        key = (round(g.lat / cell), round(g.lon / cell))
        if route:
            key += (round(g.olat / cell), round(g.olon / cell))
        if key in out:
            out[key].merge(g)
        else:
            out[key] = Group(**g.__dict__)
    return list(out.values())


def fit(s: Summary, max_presences: int = MAX_PRESENCES, max_routes: int = MAX_ROUTES) -> Summary:
    """The summary on a coarser grid until it fits the budget; the smallest routes left out if they still do not."""
    cell, presences = s.cell, s.presences
    while len(presences) > max_presences and cell < 8:
        cell *= 2
        presences = _regroup(presences, cell, route=False)
    route_cell, routes = s.route_cell, s.routes
    while len(routes) > max_routes and route_cell < 4:
        route_cell *= 2
        routes = _regroup(routes, route_cell, route=True)
    if len(routes) > max_routes:
        routes = sorted(routes, key=lambda g: -g.n)[:max_routes]
    return Summary(presences, routes, cell, route_cell, s.movements, s.route_groups)


def _span(g: Group) -> str:
    if g.first is None:
        return "dates unknown"
    return g.first.isoformat() if g.last in (None, g.first) else f"{g.first.isoformat()} – {g.last.isoformat()}"


def _confidence(best: int | None) -> str:
    label = STYLE.get(best, STYLE[None])["label"]
    return f"best confidence {best} – {label}" if best else f"best confidence: {label.lower()}"


def records(s: Summary) -> list[dict]:
    """The groups as the records the map's script draws: ``n`` the count, ``tip`` what it is and ``w`` when and
    how sure, both escaped as HTML (the script builds the card from them)."""
    out = []
    for g in s.routes:
        what = f"{g.n:,} movement{'s' if g.n > 1 else ''}: {g.oname} area → {g.name} area"
        out.append(
            {
                "k": "m",
                "n": g.n,
                "from": [round(g.olat, 3), round(g.olon, 3)],
                "to": [round(g.lat, 3), round(g.lon, 3)],
                "c": g.best or 0,
                "t": g.first.isoformat() if g.first else None,
                "u": g.last.isoformat() if g.last else None,
                "tip": safe_html(what),
                "w": safe_html(f"{_span(g)} · {_confidence(g.best)}"),
            }
        )
    for g in s.presences:
        what = f"{g.n:,} reports of troops near {g.name}" if g.n > 1 else f"troops at {g.name}"
        out.append(
            {
                "k": "p",
                "n": g.n,
                "to": [round(g.lat, 3), round(g.lon, 3)],
                "c": g.best or 0,
                "t": g.first.isoformat() if g.first else None,
                "u": g.last.isoformat() if g.last else None,
                "tip": safe_html(what),
                "w": safe_html(f"{_span(g)} · {_confidence(g.best)}"),
            }
        )
    return out


def labels(s: Summary, limit: int = 60) -> list[dict]:
    """Labels for the busiest places (escaped), as the single-event map has."""
    busiest = sorted(s.presences, key=lambda g: -g.n)[:limit]
    return [{"at": [round(g.lat, 4), round(g.lon, 4)], "name": safe_html(f"{g.name} ({g.n:,})")} for g in busiest]


def map_data(store, filters, detail_max: int = DETAIL_MAX) -> dict:
    """What a map of the filtered events draws, asked of the store in a few queries (plain data, to cache).

    Up to ``detail_max`` mapped events: each event's record. Beyond: places and routes gathered with counts.
    ``summary`` says which (None for single events) and what was left out.
    """
    from geo.mapping import MAX_SYMBOLS, event_records, place_labels

    total, matching, unmapped = store.count(), store.count(filters), store.count_unmapped(filters)
    out = {"total": total, "matching": matching, "unmapped": unmapped, "summary": None}
    if matching - unmapped <= detail_max:
        events = store.events(filters)
        return out | {
            "records": event_records(events, with_symbols=len(events) <= MAX_SYMBOLS),
            "labels": place_labels(events),
        }
    s = fit(from_store(store.map_summary(filters)))
    return out | {
        "records": records(s),
        "labels": labels(s),
        "summary": {
            "places": len(s.presences),
            "routes": len(s.routes),
            "cell": s.cell,
            "hidden_routes": s.hidden_routes,
            "hidden_movements": s.hidden_movements,
        },
    }
