"""Map page (analysts): the filtered events on an offline map; click a line or dot for its report and sentence."""

import streamlit as st
from streamlit_folium import st_folium

from geo.escape import markdown_text
from geo.mapping import MapOptions, build_map, unmapped
from geo.spreadsheet import safe_rows
from views.shared import filters_sidebar, store

s = store()
events = s.events()
f = filters_sidebar(events)
shown = [e for e in events if f.keep(e)]

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
st.caption(
    f"{len(shown)} of {len(events)} events — {markdown_text(f.describe())}. Click a line or a dot for the report and "
    "the sentence it came from; the ▶ control plays the events through time."
)


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
    m = build_map(shown, MapOptions(inline=False, tiles=tiles, center=center, zoom=zoom))
    # only the centre and zoom come back, and only this fragment reruns when they change
    out = st_folium(m, key="troopmap", height=620, use_container_width=True, returned_objects=["center", "zoom"])
    if out and out.get("center") and out.get("zoom"):
        st.query_params["c"] = f"{out['center']['lat']:.4f},{out['center']['lng']:.4f}"
        st.query_params["z"] = str(out["zoom"])


draw_map()

missing = unmapped(shown)
if missing:
    st.warning(
        f"{len(missing)} events are not on the map because their place could not be resolved. "
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
