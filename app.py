"""troopmap: the frame. Page config and navigation only; each page lives in views/.

Not in pages/: Streamlit also reads a folder of that name as pages of its own, and then a first visit to any
page but the main one shows a "Page not found" dialog over it.
"""

import sqlite3

import streamlit as st

from geo.store import StoreError
from views.shared import serving_note, store, store_failed

st.set_page_config(page_title="troopmap", layout="wide")

pages = [
    st.Page("views/map.py", title="Map", default=True),
    st.Page("views/timeline.py", title="Timeline", url_path="Timeline"),
    st.Page("views/upload.py", title="Upload", url_path="Upload"),
    st.Page("views/sources.py", title="Sources", url_path="Sources"),
    st.Page("views/audit.py", title="Audit", url_path="Audit"),
]
page = st.navigation(pages)
serving_note()
store()  # a store that cannot be opened is one message on every page, before the page draws anything
try:
    page.run()
except (StoreError, sqlite3.DatabaseError) as e:  # and so is one that breaks while a page reads it
    store_failed(e)
