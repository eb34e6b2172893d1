"""Vendored front-end files (Leaflet, plugins, the offline basemap), found on disk.

They live in ``static/`` at the repository root, which Streamlit serves at ``/app/static/`` when static serving
is on (see ``.streamlit/config.toml``); exports inline them, so an exported file needs no network either.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_URL = "/app/static/"


def asset_path(name: str) -> Path:
    return STATIC_DIR / name


@lru_cache(maxsize=32)
def data_uri(name: str) -> str:
    """The file as a data: URI, for a page that must work with no server at all."""
    mime = {".js": "text/javascript", ".css": "text/css", ".geojson": "application/json"}[Path(name).suffix]
    return f"data:{mime};base64," + base64.b64encode(asset_path(name).read_bytes()).decode()


def asset_url(name: str, inline: bool) -> str:
    return data_uri(name) if inline else STATIC_URL + name
