"""Which of several places with one name is meant: a score per candidate, made of named parts.

The score is in "decades of population": a place ten times bigger scores 1 more. Every other feature is a
bonus or a penalty on that scale (:data:`WEIGHTS`), so a decision reads as a sum of reasons, which
``geocode --explain`` prints:

- population (log10), a capital's bonus;
- how the name matched: the place's main name, one of its alternate names, a name that is another
  candidate's main name (an old or foreign name: bare "Pokrovsk" is the town in Donetsk oblast, not Engels,
  which was called Pokrovsk until 1931), a sound key (a transliteration GeoNames does not list);
- context: a country or admin-1 region named in the same request or document, and the distance to the
  places named with it (``--near`` names count fully; places a document merely mentions count less against a
  capital or a city of millions, which a report names wherever it is about);
- the query's script: a Cyrillic spelling leans to the countries that write Cyrillic, a Ukrainian one to
  Ukraine, Hangul to the two Koreas.

Acronyms, all-caps words and frequent words of a report language ("NATO", "UN", "Selon", "March") resolve
only with a strong signal: a custom entry, a country, a big place by its main name, or the context.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.model import Place
from geo.places.gazetteer import Candidate
from geo.places.names import CYRILLIC, HANGUL, UKRAINIAN_LETTERS, normalise, skeleton, skeletons

# name -> (value, why): the one table of the model's weights, fitted on bench/names.csv (dev part) with
# `bench/geocode.py --fit` (one pass of coordinate search; each value the middle of its best plateau)
WEIGHTS: dict[str, tuple[float, str]] = {
    "custom": (7.0, "a custom entry scores like a place of 10 million people: it was put there on purpose"),
    "capital": (1.0, "a country's capital (GeoNames PPLC)"),
    "alternate": (-0.5, "matched one of the place's alternate names, not its main name"),
    "variant": (-0.2, "matched an alternate name that respells the main name (same sound key)"),
    "other_main": (-1.3, "the name is another candidate's main name: an old or foreign name of this place"),
    "sound": (-1.5, "matched by sound key only: a transliteration the gazetteer does not list"),
    "lemma": (-0.1, "matched once an inflection, preposition or particle was taken off"),
    "country": (1.5, "in a country named in the request or document"),
    "region": (1.0, "in the admin-1 region of a place named in the request or document"),
    "distance": (-2.0, "times log10(1 + km/30) to the nearest place named with it"),
    "script": (0.4, "the query's script is written in the place's country"),
    "ukrainian": (0.5, "the query has Ukrainian letters (і ї є ґ) and the place is in Ukraine"),
}
CLEAR_MARGIN = 1.0  # the best candidate must beat the next by this much (10x population) to count as matched
MAX_CANDIDATES = 5
FAR_KM = 3000.0  # a small place this far from every other place named is more likely a false match
SMALL_POPULATION = 100_000
SIGNAL_KM = 300.0  # a context place this near is a strong signal for an acronym or a common word
CYRILLIC_COUNTRIES = frozenset("RU UA BY KZ KG BG RS MK MN TJ".split())
_ACRONYM = re.compile(r"^[^\W\d_]{2,6}$")


def weight(name: str) -> float:
    return WEIGHTS[name][0]


@dataclass(frozen=True)
class Context:
    """What the other names of a request or document say: points (lat, lon, radius km), countries, regions.

    ``points`` are places a person said the name is near (``--near``); ``weak_points`` are places a document
    or request merely mentions with it: they pull a small place more than a capital or a city of millions.
    """

    points: tuple[tuple[float, float, float], ...] = ()
    weak_points: tuple[tuple[float, float, float], ...] = ()
    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()  # (country, admin-1 code)

    def __bool__(self) -> bool:
        return bool(self.points or self.weak_points or self.countries or self.regions)

    def __iter__(self):  # old callers read the context as a list of (lat, lon) points
        return iter((p[0], p[1]) for p in self.points + self.weak_points)

    def __len__(self) -> int:
        return len(self.points) + len(self.weak_points)

    def merged(self, other: Context) -> Context:
        return Context(
            self.points + other.points,
            self.weak_points + other.weak_points,
            self.countries | other.countries,
            self.regions | other.regions,
        )


def as_context(context) -> Context:
    if isinstance(context, Context):
        return context
    return Context(points=tuple((p[0], p[1], p[2] if len(p) > 2 else 0.0) for p in context or ()))


@dataclass(frozen=True)
class Resolution:
    query: str
    status: str  # matched, ambiguous, not_found, error
    best: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    error: str | None = None
    explain: dict | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        """The `geocode` line of CONTRACT.md (with ``explain`` when it was asked for)."""
        b = self.best
        return {
            "query": self.query,
            "status": self.status,
            "name": b.name if b else None,
            "lat": b.lat if b else None,
            "lon": b.lon if b else None,
            "country": b.country if b else None,
            "feature": b.feature if b else None,
            "geonameid": b.geonameid if b else None,
            "source": b.source if b else None,
            "candidates": [c.to_dict() for c in self.candidates if c != b],
            **({"error": self.error} if self.error else {}),
            **({"explain": self.explain} if self.explain is not None else {}),
        }

    def to_place(self, mention: str | None = None) -> Place:
        b = self.best
        return Place(
            mention=mention or self.query,
            name=b.name if b else None,
            lat=b.lat if b else None,
            lon=b.lon if b else None,
            country=b.country if b else None,
            feature=b.feature if b else None,
            geonameid=b.geonameid if b else None,
            source=b.source if b else None,
            status=self.status,
            uncertainty_km=b.uncertainty_km if b else None,
            candidates=tuple(c.to_dict() for c in self.candidates if c != b),
        )


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def main_keys(c: Candidate) -> set[str]:
    """The keys that count as the place's own name: its main name (any name of a custom entry is its own)."""
    key = normalise(c.name)
    return {key, re.sub(r" (si|ni|ri|li|ŭp|up|dong|tong)$", "", key)}


def match_kinds(query: str, cands: Sequence[Candidate]) -> list[str]:
    """'main' or 'alternate' for each candidate found under the exact key of ``query``."""
    key = normalise(query)
    return ["main" if c.source != "geonames" or key in main_keys(c) else "alternate" for c in cands]


def _nearest(c: Candidate, points: Sequence[tuple[float, float, float]]) -> float | None:
    if not points:
        return None
    return min(max(0.0, km((c.lat, c.lon), (p[0], p[1])) - p[2] - (c.uncertainty_km or 0.0)) for p in points)


def _distance_penalty(c: Candidate, ctx: Context) -> float | None:
    """The penalty for being far from the places named with it (the milder of --near's and the document's)."""
    out = []
    if (d := _nearest(c, ctx.points)) is not None:
        out.append(weight("distance") * math.log10(1 + d / 30.0))
    if (d := _nearest(c, ctx.weak_points)) is not None:
        out.append(weight("distance") * math.log10(1 + d / 30.0) * _prominence_factor(c))
    return round(max(out), 3) if out else None


def _prominence_factor(c: Candidate) -> float:
    """How much a document's other places pull this one: a capital or a city of millions is named anywhere."""
    if c.code == "PPLC" or c.population >= 1_000_000:
        return 0.3
    return 1.0 if c.population < SMALL_POPULATION else 0.6


def features(query: str, c: Candidate, kind: str, ctx: Context) -> dict[str, float]:
    """The named parts of a candidate's score (their sum is the score)."""
    f: dict[str, float] = {}
    if c.source == "custom":
        f["custom"] = weight("custom")
    else:
        f["population"] = round(math.log10(c.population + 10), 3)
    if c.code == "PPLC":
        f["capital"] = weight("capital")
    for part in kind.split("+"):
        if part in WEIGHTS:
            f[part] = weight(part)
    if ctx.countries and c.country in ctx.countries:
        f["country"] = weight("country")
    if ctx.regions and c.admin1 and (c.country, c.admin1) in ctx.regions:
        f["region"] = weight("region")
    if c.feature != "country" and (p := _distance_penalty(c, ctx)) is not None:
        f["distance"] = p
    if CYRILLIC.search(query):
        if c.country in CYRILLIC_COUNTRIES:
            f["script"] = weight("script")
        if UKRAINIAN_LETTERS.search(query.lower()) and c.country == "UA":
            f["ukrainian"] = weight("ukrainian")
    elif HANGUL.search(query) and c.country in {"KP", "KR"}:
        f["script"] = weight("script")
    return f


def score(c: Candidate, context: Sequence = (), query: str = "", kind: str = "main") -> float:
    return sum(features(query, c, kind, as_context(context)).values())


# the frequent words of the report languages that are also names in the index (Gazetteer.common), set when an
# index is loaded, so that every caller of rank() (the prose extractor too) holds them to the same rule
_COMMON_WORDS: frozenset[str] = frozenset()


def set_common_words(words: frozenset[str]) -> None:
    global _COMMON_WORDS
    _COMMON_WORDS = words


def needs_signal(query: str, common: bool | None = None) -> str | None:
    """Why a query may name no place at all ('acronym', 'common word'), or None. ``common``: whether the
    query is a frequent word; None: look it up among the loaded index's common words."""
    q = query.strip()
    if _ACRONYM.match(q) and q.upper() == q != q.lower():
        return "acronym"
    if common is None:
        common = normalise(q) in _COMMON_WORDS
    if common:
        return "common word"
    return None


def _strong(c: Candidate, kind: str, f: dict[str, float], why: str, ctx: Context) -> bool:
    """Whether a candidate for an acronym or a common word is good enough to be taken for a place."""
    if c.source == "custom" or c.feature in {"country", "region"}:
        return True
    if why == "acronym":
        # an all-caps word is an organisation's name far more often than a town's: only a city of millions by
        # its main name makes it a place (a context does not: "EU" in a report about France is not Eu)
        return kind.split("+")[0] == "main" and c.population >= 1_000_000
    elif "sound" not in kind:
        # a big place by its main name ("Nice"); by another name, a city of millions ("Moskau") or a big place
        # written in its own script ("Запоріжжя"): not "Rest" for Rasht, nor "Selon" for Salon-de-Provence
        own = kind.split("+")[0] in {"main", "variant"} or "script" in f
        if c.population >= (200_000 if own else 1_000_000):
            return True
    if "country" in f or "region" in f:
        return True
    d = _nearest(c, ctx.points + ctx.weak_points)
    return d is not None and d <= SIGNAL_KM


def rank(
    query: str,
    cands: Sequence[Candidate],
    context: Sequence = (),
    *,
    kinds: Sequence[str] | None = None,
    common: bool | None = None,
    explain: bool = False,
) -> Resolution:
    """Order candidates by their score; decide matched, ambiguous or not_found.

    ``kinds``: how each candidate matched ('main', 'alternate', with '+sound' or '+lemma'); found from the
    query when not given. ``common``: the query is a frequent word of a report language (None: look it up).
    """
    if not cands:
        return Resolution(query, "not_found", explain={"reason": "no place has this name"} if explain else None)
    ctx = as_context(context)
    kinds = list(kinds) if kinds is not None else match_kinds(query, cands)
    # an alternate name that only respells the place's main name (Sloviansk, Slovyansk) counts nearly as it;
    # a name that is one candidate's main name and another's alternate is an old or foreign name of the other
    sounds = skeletons(query)
    variant = [k.startswith("alternate") and skeleton(c.name) in sounds for c, k in zip(cands, kinds)]
    kinds = [k.replace("alternate", "variant", 1) if v else k for k, v in zip(kinds, variant)]
    if any(k.split("+")[0] == "main" for k in kinds):
        kinds = [
            k.replace("alternate", "alternate+other_main", 1)
            if k.startswith("alternate") and c.source == "geonames"
            else k
            for c, k in zip(cands, kinds)
        ]
    scored = []
    for c, k in zip(cands, kinds):
        f = features(query, c, k, ctx)
        scored.append((sum(f.values()), c, k, f))
    scored.sort(key=lambda t: -t[0])
    top = tuple(c for _, c, _, _ in scored[:MAX_CANDIDATES])
    why = needs_signal(query, common)
    best_score, best, best_kind, best_f = scored[0]
    report = _explain(scored) if explain else None
    if why and not _strong(best, best_kind, best_f, why, ctx):
        if report is not None:
            report["decision"] = f"not_found: {why} without a strong signal (custom entry, big place, context)"
        return Resolution(query, "not_found", None, top, explain=report)
    if (ctx.points or ctx.weak_points) and all(_implausible(c, ctx) for _, c, _, _ in scored):
        # "Atlantis" in a file about the Russian Far East: the only Atlantis known is a small town in
        # South Africa. Keep it unresolved, with the far places as candidates a person can still pick.
        if report is not None:
            report["decision"] = f"not_found: every candidate is small and over {FAR_KM:.0f} km from the context"
        return Resolution(query, "not_found", None, top, explain=report)
    margin = best_score - scored[1][0] if len(scored) > 1 else None
    clear = margin is None or margin >= CLEAR_MARGIN or _same_place(best, scored[1][1])
    if report is not None:
        report["decision"] = (
            "matched: the only candidate"
            if margin is None
            else f"{'matched' if clear else 'ambiguous'}: beats the next by {margin:.2f} (clear at {CLEAR_MARGIN})"
        )
    return Resolution(query, "matched" if clear else "ambiguous", best, top, explain=report)


def _explain(scored: list) -> dict:
    return {
        "candidates": [
            {
                "name": c.name,
                "lat": c.lat,
                "lon": c.lon,
                "country": c.country,
                "admin1": c.admin1,
                "geonameid": c.geonameid,
                "population": c.population,
                "match": k,
                "score": round(s, 3),
                "reasons": f,
            }
            for s, c, k, f in scored[:MAX_CANDIDATES]
        ]
    }


def context_points(results: Sequence[Resolution], skip: int | None = None) -> Context:
    """The context other names give: clear matches, and of those the well-known ones when there are any, so
    that two small false matches (a Dej and a Salon read from "Des" and "Selon") cannot vouch for each other
    against a report's real places. A document's places are weak context (see :class:`Context`)."""
    clear = [r.best for i, r in enumerate(results) if i != skip and r.status == "matched" and r.best]
    countries = frozenset(c.country for c in clear if c.feature == "country" and c.country)
    places = [c for c in clear if c.feature != "country"]
    strong = [c for c in places if not _small(c)]
    # one point per half degree (about 50 km): a file naming a thousand places still gives a short list
    cells = {}
    for c in strong or places:
        cells.setdefault((round(c.lat * 2), round(c.lon * 2)), (c.lat, c.lon, c.uncertainty_km or 0.0))
    return Context(weak_points=tuple(cells.values()), countries=countries)


def _small(c: Candidate) -> bool:
    return not (c.source == "custom" or c.feature in {"country", "region"} or c.population >= SMALL_POPULATION)


def _implausible(c: Candidate, ctx: Context) -> bool:
    if not _small(c):
        return False
    if ctx.countries and c.country in ctx.countries:
        return False
    d = _nearest(c, ctx.points + ctx.weak_points)
    return d is not None and d > FAR_KM


def _same_place(a: Candidate, b: Candidate) -> bool:
    """A custom site and the GeoNames city it sits in are one answer, not a real ambiguity."""
    return km((a.lat, a.lon), (b.lat, b.lon)) < 15
