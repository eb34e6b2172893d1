"""Map page (analysts): the filtered events on an offline map; click a line or dot for its report and sentence."""

import streamlit as st
from streamlit_folium import st_folium

from geo.mapping import MapOptions, build_map, unmapped
from pages.shared import filters_sidebar, store

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
    f"{len(shown)} of {len(events)} events — {f.describe()}. Click a line or a dot for the report and "
    "the sentence it came from; the ▶ control plays the events through time."
)


@st.fragment
def draw_map() -> None:
    m = build_map(shown, MapOptions(inline=False, tiles=tiles))
    # returned_objects=[]: panning or zooming sends nothing back, so nothing reruns
    st_folium(m, key="troopmap", height=620, use_container_width=True, returned_objects=[])


draw_map()

missing = unmapped(shown)
if missing:
    st.warning(
        f"{len(missing)} events are not on the map because their place could not be resolved. "
        "Fix them on the Upload page."
    )
    st.dataframe(
        [
            {
                "event": e.event_id or e.key()[:8],
                "place": e.place.mention if e.place else "(none)",
                "date": e.start,
                "unit": e.unit,
                "report": e.report_id,
            }
            for e in missing
        ],
        use_container_width=True,
    )
