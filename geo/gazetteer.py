"""Kept for importers of the flat layout: the gazetteer now lives in :mod:`geo.places`.

``geo.places.gazetteer`` builds and loads the index, ``geo.places.names`` makes the keys, and
``geo.places.ranking`` scores the candidates; their public names are re-exported here unchanged.
"""

from geo.places.gazetteer import (
    _LOADED,
    BUILD_VERSION,
    CUSTOM_PLACES,
    DATA_DIR,
    MIN_POPULATION,
    Candidate,
    Gazetteer,
    add_custom_place,
    cache_dir,
    load_gazetteer,
    read_custom_places,
    usable_name,
)
from geo.places.names import normalise, stem_key, stem_word
from geo.places.ranking import (
    CLEAR_MARGIN,
    FAR_KM,
    MAX_CANDIDATES,
    SMALL_POPULATION,
    Context,
    Resolution,
    context_points,
    km,
    rank,
    score,
)

__all__ = [
    "BUILD_VERSION",
    "CLEAR_MARGIN",
    "CUSTOM_PLACES",
    "DATA_DIR",
    "FAR_KM",
    "MAX_CANDIDATES",
    "MIN_POPULATION",
    "SMALL_POPULATION",
    "_LOADED",
    "Candidate",
    "Context",
    "Gazetteer",
    "Resolution",
    "add_custom_place",
    "cache_dir",
    "context_points",
    "km",
    "load_gazetteer",
    "normalise",
    "rank",
    "read_custom_places",
    "score",
    "stem_key",
    "stem_word",
    "usable_name",
]
