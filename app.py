"""troopmap: the frame. Page config and navigation only; each page lives in views/.

Not in pages/: Streamlit also reads a folder of that name as pages of its own, and then a first visit to any
page but the main one shows a "Page not found" dialog over it.
"""

import streamlit as st

st.set_page_config(page_title="troopmap", layout="wide")

pages = [
    st.Page("views/map.py", title="Map", default=True),
    st.Page("views/timeline.py", title="Timeline", url_path="Timeline"),
    st.Page("views/upload.py", title="Upload", url_path="Upload"),
    st.Page("views/sources.py", title="Sources", url_path="Sources"),
]
st.navigation(pages).run()
