"""Map page (analysts): the filtered events on an offline map; click a line or dot for its report and sentence.

The page asks the store for what it draws: up to MAP_DETAIL_MAX mapped events, each event; beyond that, places and
routes gathered with their counts (geo.aggregates). What is drawn is cached per (store version, filters), so twenty
analysts looking at the same view cost the store one query.
"""

import streamlit as st
from streamlit_folium import st_folium

from geo import aggregates
from geo.escape import markdown_text
from geo.filters import Filters
from geo.mapping import MapOptions, build_map
from geo.spreadsheet import safe_rows
from views.shared import filters_sidebar, store

MAP_DETAIL_MAX = aggregates.DETAIL_MAX

s = store()
f = filters_sidebar(s)
version = s.version()


@st.cache_data(max_entries=64, show_spinner="Asking the store…")
def map_data(url: str, version: int, f: Filters) -> dict:
    """What the map draws for these filters at this store version (plain data, shared by every session)."""
    return aggregates.map_data(store(), f, MAP_DETAIL_MAX)


data = map_data(s.url, version, f)
summary = data["summary"]

with st.sidebar:
    st.header("Basemap")
    tiles = st.radio(
        "Tiles",
        ["offline", "osm"],
        horizontal=True,
        key="tiles",
        format_func={"offline": "Offline borders", "osm": "OpenStreetMap (online)"}.get,
    )

st.title("Reported movements")
caption = f"{data['matching']:,} of {data['total']:,} events — {markdown_text(f.describe())}. "
if summary:
    caption += (
        f"More than {MAP_DETAIL_MAX:,} to draw one by one: shown as {summary['places']:,} places and "
        f"{summary['routes']:,} routes with their counts and best confidence. Click one to list its events below; "
        "narrow the filters to see each event."
    )
    if summary["hidden_routes"]:
        caption += (
            f" {summary['hidden_routes']:,} smaller routes ({summary['hidden_movements']:,} movements) are not drawn."
        )
else:
    caption += (
        "Click a line or a dot for the report and the sentence it came from; the ▶ control plays the events "
        "through time."
    )
st.caption(caption)


def _view_from_url() -> tuple[tuple[float, float] | None, int | None]:
    try:
        lat, lon = (float(x) for x in st.query_params.get("c", "").split(","))
        return (lat, lon), int(st.query_params.get("z", ""))
    except ValueError:
        return None, None


@st.fragment
def draw_map() -> None:
    # the view a link asked for is used to build the map once; later pans only update the URL, so the
    # map is not rebuilt (st_folium redraws whenever the map's script changes)
    center, zoom = st.session_state.setdefault("initial_view", _view_from_url())
    m = build_map(
        [],
        MapOptions(inline=False, tiles=tiles, center=center, zoom=zoom),
        records=data["records"],
        labels=data["labels"],
    )
    # the centre and zoom come back (only this fragment reruns when they change), and what was clicked
    out = st_folium(
        m,
        key="troopmap",
        height=620,
        use_container_width=True,
        returned_objects=["center", "zoom", "last_object_clicked"],
    )
    if out and out.get("center") and out.get("zoom"):
        st.query_params["c"] = f"{out['center']['lat']:.4f},{out['center']['lng']:.4f}"
        st.query_params["z"] = str(out["zoom"])
    clicked = (out or {}).get("last_object_clicked")
    if summary and clicked and clicked.get("lat") is not None:
        # the server fetches what was clicked: the events whose place or route meets the clicked cell
        half = summary["cell"] / 2
        lat, lon = clicked["lat"], clicked["lng"]
        near = Filters(**{**f.__dict__, "bbox": (lat - half, lon - half, lat + half, lon + half)})
        rows = s.events(near, limit=200)
        st.subheader(f"Events near {lat:.3f}, {lon:.3f} ({s.count(near):,}; the first {len(rows)} listed)")
        st.dataframe(safe_rows(_table(rows)), width="stretch", hide_index=True)


def _table(events) -> list[dict]:
    return [
        {
            "date": e.start,
            "what": e.label,
            "confidence": e.confidence,
            "source": e.source,
            "report": e.report_id,
            "sentence": e.evidence,
        }
        for e in events
    ]


draw_map()

if data["unmapped"]:
    missing = s.unmapped(f, limit=200)
    st.warning(
        f"{data['unmapped']:,} events are not on the map because their place could not be resolved"
        f"{f' (the first {len(missing)} listed)' if data['unmapped'] > len(missing) else ''}. "
        "Fix them on the Upload page."
    )
    st.dataframe(
        safe_rows(
            [
                {
                    "event": e.event_id or e.key()[:8],
                    "place": e.place.mention if e.place else "(none)",
                    "date": e.start,
                    "unit": e.unit,
                    "report": e.report_id,
                }
                for e in missing
            ]
        ),
        width="stretch",
    )
