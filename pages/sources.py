"""Sources page (briefers). Filled in by the dashboard issue."""

import streamlit as st

st.title("Sources")
