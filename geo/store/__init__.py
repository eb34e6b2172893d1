"""The store: events, reports, uploads and the geocoding cache, behind one narrow interface (``base.Store``).

``Store(url)`` opens the backend the URL names: a SQLite path or ``sqlite:///PATH`` (the embedded default), or
``postgresql://…`` (PostGIS, for a team). ``url=None`` reads TROOPMAP_DB, else uses the default file.
"""

from geo.filters import Filters
from geo.store.base import DEFAULT_DB, Store, StoreError, backend_for

__all__ = ["DEFAULT_DB", "Filters", "Store", "StoreError", "backend_for"]
