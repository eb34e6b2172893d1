"""Timeline page (briefers): the filtered events over time, as a slide-sized chart to download."""

import streamlit as st

from geo.briefing import BrowserUnavailable, briefing_zip, subtitle
from geo.escape import markdown_text
from geo.timeline import timeline_bytes
from views.shared import filters_sidebar, store

TIMELINE_MAX = 5_000

s = store()
f = filters_sidebar(s)
matching = s.count(f)
# the chart is read at slide size: beyond a few thousand events it is a solid block (and slow to draw)
shown = s.events(f, limit=TIMELINE_MAX)

with st.sidebar:
    st.header("Chart")
    title = st.text_input("Title", "Reported troop movements", key="tl_title")
    handling = st.text_input(
        "Handling line",
        st.query_params.get("handling", ""),
        key="tl_handling",
        placeholder="e.g. UNCLASSIFIED // FOR TRAINING",
    )

st.title("Timeline")
if matching > len(shown):
    st.warning(
        f"{matching:,} events match these filters; the chart draws the first {len(shown):,} in date order. "
        "Narrow the dates, the confidence or the unit to see all of a period."
    )
sub = subtitle(f, shown)
png = timeline_bytes(shown, "png", title=title, subtitle=sub, classification=handling)
st.image(png, width="stretch")
left, right = st.columns(2)
left.download_button("Download PNG (1920×1080)", png, "timeline.png", "image/png", width="stretch")
right.download_button(
    "Download SVG",
    timeline_bytes(shown, "svg", title=title, subtitle=sub, classification=handling),
    "timeline.svg",
    "image/svg+xml",
    width="stretch",
)

with st.expander("Briefing pack"):
    st.write(
        "The map and this timeline as slide images, with a table of the events shown, their sources and "
        "confidence, in one zip."
    )
    if st.button("Make briefing pack"):
        with st.spinner("Drawing the map in headless Chromium…"):
            try:
                pack = briefing_zip(shown, title, sub, handling)
            except BrowserUnavailable as e:
                st.error(markdown_text(str(e)))
            else:
                st.download_button("Download briefing pack (zip)", pack, "briefing.zip", "application/zip")
