"""troopmap: the frame. Page config and navigation only; each page lives in pages/."""

import streamlit as st

st.set_page_config(page_title="troopmap", layout="wide")

pages = [
    st.Page("pages/map.py", title="Map", default=True),
    st.Page("pages/timeline.py", title="Timeline", url_path="Timeline"),
    st.Page("pages/upload.py", title="Upload", url_path="Upload"),
    st.Page("pages/sources.py", title="Sources", url_path="Sources"),
]
st.navigation(pages).run()
