"""Kept for importers of the flat layout: the resolver now lives in :mod:`geo.places.resolver`."""

from geo.places.ranking import Candidate, Resolution, rank
from geo.places.resolver import (
    USER_AGENT,
    Geocoder,
    GeocodingError,
    NominatimResolver,
    find_candidates,
    nominatim_candidates,
    resolve_offline,
)

__all__ = [
    "USER_AGENT",
    "Candidate",
    "Geocoder",
    "GeocodingError",
    "NominatimResolver",
    "Resolution",
    "find_candidates",
    "nominatim_candidates",
    "rank",
    "resolve_offline",
]
