"""The resolver chain: custom gazetteer and GeoNames offline, then (only when asked for) Nominatim.

Nominatim is reached through geopy, at most one request a second, with a real user agent; its answers are
cached in the store. A failed service is reported as ``status="error"``, never as "not found".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from geo.gazetteer import Candidate, Gazetteer, Resolution, load_gazetteer, rank

log = logging.getLogger(__name__)

USER_AGENT = "troopmap/0.1 (open-source deployment mapping; https://github.com/troopmap/troopmap)"


class GeocodingError(RuntimeError):
    """A geocoding service could not answer (timeout, refused, rate limited)."""


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
        out.append(
            Candidate(
                r.get("name") or r.get("display_name", "").split(",")[0],
                float(r["lat"]),
                float(r["lon"]),
                country.upper() if country else None,
                feature,
                None,
                int((r.get("extratags") or {}).get("population") or 0)
                if str((r.get("extratags") or {}).get("population") or "0").isdigit()
                else 0,
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

    def resolve(self, name: str, context: Sequence[tuple[float, float]] = (), country: str | None = None) -> Resolution:
        res = self.gazetteer.resolve(name, context, country)
        if res.status != "not_found" or self.nominatim is None or not name.strip():
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
        return rank(name, cands, context)

    def resolve_all(
        self, names: Sequence[str], near: Sequence[str] = (), country: str | None = None
    ) -> list[Resolution]:
        """Resolve names that help each other: each is read in the context of the others and of ``near``.

        First every name is resolved alone; the clear answers (and the ``near`` places) become the context in
        which every name is resolved again, so "Blagoveshchensk" next to "Khabarovsk" is the one on the Amur.
        """
        first = [self.gazetteer.resolve(n, (), country) for n in names]
        near_points = [(r.best.lat, r.best.lon) for r in (self.gazetteer.resolve(n) for n in near) if r.best]
        out = []
        for i, name in enumerate(names):
            context = near_points + [
                (r.best.lat, r.best.lon)
                for j, r in enumerate(first)
                if j != i and r.status == "matched" and r.best and r.best.feature != "country"
            ]
            out.append(self.resolve(name, context, country))
        return out
