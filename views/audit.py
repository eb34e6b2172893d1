"""Audit page (editors): every upload stored, with who, when, which file and what it changed."""

import pandas as pd
import streamlit as st

from geo.roles import Action
from geo.spreadsheet import safe_rows
from views.auth import require
from views.shared import store

st.title("Audit trail")
require(Action.REVIEW)
rows = store().uploads()
if not rows:
    st.info("Nothing has been stored yet.")
    st.stop()
frame = pd.DataFrame(safe_rows(reversed(rows)))[
    ["uploaded_at", "user", "file_name", "format", "encoding", "rows", "accepted", "duplicates", "rejected", "sha256"]
]
left, right = st.columns(2)
users = left.multiselect("Who", sorted(frame["user"].dropna().unique()))
files = right.text_input("File name contains")
if users:
    frame = frame[frame["user"].isin(users)]
if files:
    frame = frame[frame["file_name"].str.contains(files, case=False, regex=False, na=False)]
st.caption(
    f"{len(frame)} of {len(rows)} uploads, newest first. Stored in the store itself, not in a file of the repository."
)
st.dataframe(
    frame,
    hide_index=True,
    width="stretch",
    column_config={
        "uploaded_at": st.column_config.TextColumn("when (UTC)"),
        "file_name": st.column_config.TextColumn("file"),
        "accepted": st.column_config.NumberColumn("new events"),
        "sha256": st.column_config.TextColumn("file SHA-256", width=120),
    },
)
