"""The one resolver: offline gazetteer first, then (only when asked for) Nominatim.

CSV ingest, prose extraction, the ``geocode`` command and the dashboard's fix-a-place form all come here, and
all read a name in the context of the others the same way (:meth:`Geocoder.resolve_all`, :func:`context_points`).

Finding candidates for a name, from strict to loose, each tagged with how it matched:

1. the normalised name (main or alternate name of a place);
2. the name without a preposition of place ("под Курском", "pod Kurskiem") or a Korean particle ("평양에서"),
   and its dictionary forms (Russian and Ukrainian cases through pymorphy3: Харькове -> Харьков);
3. its sound keys (transliteration schemes folded together; Korean romanisations folded together).

Nominatim is reached through geopy, at most one request a second, with a real user agent; its answers are
cached in the store. A failed service is reported as ``status="error"``, never as "not found".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from geo.places.gazetteer import FOCUS, Candidate, Gazetteer, load_gazetteer
from geo.places.names import (
    CYRILLIC,
    HANGUL,
    korean_skeleton,
    lemma_variants,
    normalise,
    skeletons,
    strip_particle,
    strip_preposition,
)
from geo.places.ranking import SMALL_POPULATION, Context, Resolution, as_context, context_points, match_kinds, rank

log = logging.getLogger(__name__)

USER_AGENT = "troopmap/0.1 (open-source deployment mapping; https://github.com/troopmap/troopmap)"
_RESOLVED_MAX = 200_000


class GeocodingError(RuntimeError):
    """A geocoding service could not answer (timeout, refused, rate limited)."""


def find_candidates(gaz: Gazetteer, name: str) -> tuple[list[Candidate], list[str]]:
    """Every place ``name`` may mean, with how it matched ('main', 'alternate', '+lemma', '+sound')."""
    key = normalise(name)
    found: dict[Candidate, str] = {}

    def take(cands: Sequence[Candidate], kinds: Sequence[str]) -> None:
        for c, k in zip(cands, kinds):
            found.setdefault(c, k)

    if not key:
        return [], []
    exact = gaz.lookup_key(key)
    take(exact, match_kinds(key, exact))
    forms: list[str] = []
    if not found:
        stripped = strip_preposition(key)
        bases = [key] + ([stripped] if stripped else [])
        # the ending rules first; pymorphy3 (loaded on first use) only when their forms name no place
        for morph in (False, True):
            for base in bases:
                if base is not key:
                    forms.append(base)
                if HANGUL.search(base):
                    forms.extend(strip_particle(base))
                elif CYRILLIC.search(base) or base is stripped:
                    forms.extend(lemma_variants(base, morph=morph))
            for form in dict.fromkeys(forms):
                hits = gaz.lookup_key(form)
                take(hits, [k + "+lemma" for k in match_kinds(form, hits)])
            if found or not CYRILLIC.search(key):
                break
        forms = list(dict.fromkeys(forms))
    if not found or all(c.population < SMALL_POPULATION and c.source == "geonames" for c in found):
        # a spelling the gazetteer does not list, or one that only a small namesake has: Korean romanisations
        # first (their keys are few), then the sound keys, of places this tool is about or big ones only (a
        # sound key of a common word finds a village somewhere)
        for form in [key] + forms:
            if (HANGUL.search(form) or form.isascii()) and (k := korean_skeleton(form)):
                hits = gaz.lookup_korean(k)
                take(hits, ["alternate+sound"] * len(hits))
    if not found or all(c.population < SMALL_POPULATION and c.source == "geonames" for c in found):
        for form in [f for f in ([key] + forms) if not HANGUL.search(f)][:8]:
            for s in skeletons(form):
                hits = [c for c in gaz.lookup_sound(s) if c.country in FOCUS or c.population >= SMALL_POPULATION]
                take(hits, ["alternate+sound"] * len(hits))
    return list(found), list(found.values())


def resolve_offline(
    gaz: Gazetteer,
    name: str,
    context: Sequence | Context = (),
    country: str | None = None,
    *,
    explain: bool = False,
) -> Resolution:
    """Resolve one name against the offline index, in a context, optionally within one country."""
    ctx = as_context(context)
    # a name alone is memoised under itself (Gazetteer.resolve looks it up before calling here)
    memo = name if not (ctx or country or explain) else (name, ctx, country, explain)
    try:
        return gaz._resolved[memo]
    except KeyError:
        pass
    cands, kinds = find_candidates(gaz, name)
    if country:
        kept = [(c, k) for c, k in zip(cands, kinds) if (c.country or "").upper() == country.upper()]
        cands, kinds = [c for c, _ in kept], [k for _, k in kept]
    key = normalise(name)
    res = rank(name, cands, ctx, kinds=kinds, common=key in gaz.common, explain=explain)
    if len(gaz._resolved) >= _RESOLVED_MAX:
        gaz._resolved.clear()
    gaz._resolved[memo] = res
    return res


def near_context(results: Sequence[Resolution]) -> Context:
    """What ``--near`` names say: countries named, regions (a point with its radius), places and their admin-1."""
    points, countries, regions = [], set(), set()
    for r in results:
        b = r.best
        if b is None:
            continue
        if b.feature == "country":
            countries.add(b.country)
            continue
        points.append((b.lat, b.lon, b.uncertainty_km or 0.0))
        if b.admin1 and b.country:
            regions.add((b.country, b.admin1))
    return Context(points=tuple(points), countries=frozenset(countries), regions=frozenset(regions))


def nominatim_candidates(raw: Sequence[dict]) -> tuple[Candidate, ...]:
    """Shape Nominatim's raw answers into candidates (pure: no I/O, tested on its own)."""
    out = []
    for r in raw:
        cls, typ = r.get("class") or r.get("category"), r.get("type")
        if cls == "boundary" and typ == "administrative":
            feature = "country" if r.get("addresstype") == "country" else "region"
        elif cls == "place" and typ in {"city", "town", "village", "hamlet", "suburb"}:
            feature = "city"
        else:
            feature = "site"
        country = (r.get("address") or {}).get("country_code")
        population = str((r.get("extratags") or {}).get("population") or "0")
        out.append(
            Candidate(
                r.get("name") or r.get("display_name", "").split(",")[0],
                float(r["lat"]),
                float(r["lon"]),
                country.upper() if country else None,
                feature,
                None,
                int(population) if population.isdigit() else 0,
                "nominatim",
            )
        )
    return tuple(out)


@dataclass
class NominatimResolver:
    """geopy's Nominatim behind geopy's RateLimiter (1 request/s); transport injectable for tests."""

    geocode: Callable[..., object] | None = None
    min_delay_seconds: float = 1.0
    error_wait_seconds: float = 5.0
    domain: str = "nominatim.openstreetmap.org"
    _limited: Callable[..., object] | None = field(default=None, init=False, repr=False)

    def _call(self) -> Callable[..., object]:
        if self._limited is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            fn = self.geocode or Nominatim(user_agent=USER_AGENT, domain=self.domain, timeout=10).geocode
            # swallow_exceptions=False: a failed service must surface, not look like "no match"
            self._limited = RateLimiter(
                fn,
                min_delay_seconds=self.min_delay_seconds,
                max_retries=1,
                error_wait_seconds=self.error_wait_seconds,
                swallow_exceptions=False,
            )
        return self._limited

    def search(self, name: str) -> list[dict]:
        from geopy.exc import GeopyError

        try:
            found = self._call()(name, exactly_one=False, limit=5, addressdetails=True, language="en")
        except GeopyError as e:
            raise GeocodingError(f"Nominatim failed for {name!r}: {e}") from e
        return [loc.raw for loc in (found or [])]


@dataclass
class Geocoder:
    """Resolve names offline first; fall back to Nominatim only when one is given."""

    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    nominatim: NominatimResolver | None = None
    store: object | None = None  # a geo.store.Store, for the Nominatim cache

    def resolve(
        self,
        name: str,
        context: Sequence | Context = (),
        country: str | None = None,
        *,
        explain: bool = False,
    ) -> Resolution:
        res = self.gazetteer.resolve(name, context, country, explain=explain)
        if res.status != "not_found" or res.candidates or self.nominatim is None or not name.strip():
            return res
        cached = self.store.cache_get("nominatim", name) if self.store else None
        source = "cache"
        if cached is None:
            try:
                cached = self.nominatim.search(name)
            except GeocodingError as e:
                return Resolution(name, "error", error=str(e))
            source = "nominatim"
            if self.store:
                self.store.cache_put("nominatim", name, cached)
        cands = nominatim_candidates(cached)
        if country:
            cands = tuple(c for c in cands if (c.country or "").upper() == country.upper())
        if source == "cache":
            cands = tuple(Candidate(**{**c.__dict__, "source": "cache"}) for c in cands)
        return rank(name, cands, context, explain=explain)

    def resolve_all(
        self,
        names: Sequence[str],
        near: Sequence[str] = (),
        country: str | None = None,
        *,
        explain: bool = False,
    ) -> list[Resolution]:
        """Resolve names that help each other: each is read in the context of the others and of ``near``.

        First every name is resolved alone (with ``near``); the clear answers become the context in which every
        name is resolved again, so "Blagoveshchensk" next to "Khabarovsk" is the one on the Amur. ``near``
        names are a person's word that the names are near them; the other names are only mentioned with them.
        """
        near_ctx = near_context([self.gazetteer.resolve(n) for n in near])
        first = [self.gazetteer.resolve(n, near_ctx, country) for n in names]
        out = []
        for i, name in enumerate(names):
            context = near_ctx.merged(context_points(first, skip=i)) if len(names) > 1 else near_ctx
            out.append(self.resolve(name, context, country, explain=explain))
        return out
