"""What every page needs: the store, the gazetteer, the filters (kept in the URL). Streamlit lives here, not in geo/."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import NoReturn

import streamlit as st

from geo.confidence import ADMIRALTY_LABELS
from geo.errors import clip
from geo.escape import markdown_text
from geo.gazetteer import load_gazetteer
from geo.geocoding import Geocoder, NominatimResolver
from geo.ingest import commit_upload, read_upload
from geo.roles import LOOPBACK
from geo.store import Filters, Store, StoreError

SAMPLES = [Path(__file__).resolve().parent.parent / "data" / n for n in ("sample_movements.csv", "sample_reports.csv")]


@st.cache_resource(show_spinner="Loading the offline gazetteer…")
def gazetteer():
    return load_gazetteer()


def geocoder(store: Store | None = None) -> Geocoder:
    online = st.session_state.get("nominatim", os.environ.get("TROOPMAP_NOMINATIM") == "1")
    return Geocoder(gazetteer(), NominatimResolver() if online else None, store)


def store() -> Store:
    """The store TROOPMAP_DB names (a SQLite file, or a PostGIS database shared by replicas), else the default file.
    One that cannot be opened stops the page with one clear message (see :func:`store_failed`), never a traceback."""
    try:
        return _store(os.environ.get("TROOPMAP_DB") or None)
    except (StoreError, sqlite3.DatabaseError) as e:
        store_failed(e)


def store_failed(error: Exception) -> NoReturn:
    """The one message every page shows when the store cannot be read, and the end of the page."""
    st.error(
        f"The store cannot be read, so there is nothing to show: {markdown_text(clip(error, 200))}. "
        "Restore the store file from a backup, or point TROOPMAP_DB at another store and restart."
    )
    st.stop()


@st.cache_resource
def _store(url: str | None) -> Store:
    """Opened once per server process (its connections pooled for every session); an empty store is filled with
    the built-in sample story on first start."""
    s = Store(url)
    if s.count() == 0 and os.environ.get("TROOPMAP_NO_SAMPLES") != "1" and not getattr(s, "read_only", False):
        for path in SAMPLES:
            commit_upload(read_upload(path.read_bytes(), geocoder(s)), s, path.name, user="sample data")
    return s


def facets(s: Store) -> dict:
    """What the filter widgets offer, asked of the store once per store version (not once per session and rerun)."""
    return _facets(s.url, s.version())


@st.cache_data(max_entries=4, show_spinner=False)
def _facets(url: str, version: int) -> dict:
    return store().facets()


def _qp_date(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(st.query_params.get(name, ""))
    except ValueError:
        return None


def filters_sidebar(s: Store) -> Filters:
    """The shared filters, read from and written back to the URL so a link reopens the same picture."""
    qp = st.query_params
    offered = facets(s)
    lo, hi = offered["since"] or dt.date.today(), offered["until"] or dt.date.today()
    with st.sidebar:
        st.header("Filters")
        since = _qp_date("since") or lo
        until = _qp_date("until") or hi
        picked = st.date_input("Dates", value=(since, until), key="f_dates")
        since, until = picked if isinstance(picked, tuple) and len(picked) == 2 else (since, until)
        levels = list(range(1, 7))
        conf = st.select_slider(
            "Least confidence shown",
            options=[0, *levels],
            value=int(qp.get("conf", 0) or 0),
            format_func=lambda d: "show all, even unstated" if d == 0 else f"{d} – {ADMIRALTY_LABELS[d]}",
            help="Admiralty credibility: 1 Confirmed … 6 Truth cannot be judged. Choosing 3 keeps 1, 2 and 3.",
            key="f_conf",
        )
        units = offered["units"]
        unit = st.selectbox("Unit", ["(all)", *units], index=_index(units, qp.get("unit")), key="f_unit")
        sources = offered["sources"]
        source = st.selectbox("Source", ["(all)", *sources], index=_index(sources, qp.get("source")), key="f_source")
        reports = offered["reports"]
        report = st.selectbox("Report", ["(all)", *reports], index=_index(reports, qp.get("report")), key="f_report")
    f = Filters(
        since=since if since != lo else None,
        until=until if until != hi else None,
        min_confidence=conf or None,
        unit=None if unit == "(all)" else unit,
        report=None if report == "(all)" else report,
        source=None if source == "(all)" else source,
    )
    _write_query(f)
    return f


def _index(options: list[str], value: str | None) -> int:
    return options.index(value) + 1 if value in options else 0


def _write_query(f: Filters) -> None:
    wanted = {
        "since": f.since and f.since.isoformat(),
        "until": f.until and f.until.isoformat(),
        "conf": f.min_confidence and str(f.min_confidence),
        "unit": f.unit,
        "source": f.source,
        "report": f.report,
    }
    for k, v in wanted.items():
        if v and st.query_params.get(k) != v:
            st.query_params[k] = v
        elif not v and k in st.query_params:
            del st.query_params[k]


def serving_note() -> None:
    """Say in the sidebar who can reach this dashboard: there is no sign-in yet, so the bind address is the
    only thing that keeps others from uploading (SECURITY.md)."""
    address = st.get_option("server.address") or ""
    if address in LOOPBACK:
        st.sidebar.caption(
            f"Served on {address} only: reachable from this machine, with no sign-in. "
            "See SECURITY.md before opening it to a network."
        )
    else:
        st.sidebar.warning(
            f"Listening on {address or 'every network interface'} with no sign-in: anyone who can reach this "
            "port can upload files and change places. Serve it on 127.0.0.1 behind a signing-in proxy (SECURITY.md)."
        )
