"""Upload page (data teams): read a CSV, review what was understood, fix places, then store it once."""

import hashlib

import pandas as pd
import streamlit as st

from geo.escape import markdown_text
from geo.gazetteer import CUSTOM_PLACES, add_custom_place
from geo.ingest import CONFIDENCE_CHOICES, apply_review, commit_upload, read_upload, review_rows
from geo.readers import ReadError
from geo.roles import Action
from geo.spreadsheet import safe_rows
from views.auth import require
from views.shared import gazetteer, geocoder, store

st.title("Upload reports")
who = require(Action.UPLOAD)  # viewers stop here, with the reason: the server decides, not the widgets
st.caption(
    "Movements CSV, ACLED export or free-text reports (report_id, published, source, language, title, text). "
    "Nothing is stored until you press Store."
)
uploaded = st.file_uploader("CSV file", type=["csv", "tsv", "txt"])
if uploaded is None:
    st.stop()

data = uploaded.getvalue()
key = hashlib.sha256(data).hexdigest()
if st.session_state.get("upload_key") != key:
    bar = st.progress(0.0, text=f"Reading {uploaded.name}…")
    try:
        result = read_upload(data, geocoder(store()), progress=lambda x: bar.progress(min(x, 1.0)))
    except ReadError as e:
        bar.empty()
        st.error(markdown_text(f"{uploaded.name} cannot be read: {e}"))
        st.stop()
    bar.empty()
    st.session_state.update(upload_key=key, upload_result=result, upload_done=None)
result = st.session_state["upload_result"]

delimiter = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}.get(result.delimiter, result.delimiter)
st.write(
    f"Detected a **{markdown_text(result.format)}** file, **{markdown_text(result.encoding)}**, {delimiter}-separated."
)
cols = st.columns(4)
for col, (label, value) in zip(
    cols,
    [
        ("Rows", result.rows),
        ("Events read", len(result.events)),
        ("Rejected", len(result.problems)),
        ("Unresolved places", len(result.unresolved)),
    ],
    strict=True,
):
    col.metric(label, value)
if result.reports:
    st.write(f"{len(result.reports)} reports; the events below were read from their text: check them.")

if result.problems:
    st.subheader("Rejected rows")
    st.dataframe(pd.DataFrame(safe_rows(p.to_dict() for p in result.problems)), hide_index=True, width="stretch")

unresolved = sorted({u["name"] for u in result.unresolved})
if unresolved:
    st.subheader("Places to fix")
    st.caption(
        "Pick one of the places the gazetteer knows by that name, or type coordinates. "
        "The fix is saved to the custom gazetteer and used from now on."
    )
    for name in unresolved:
        with st.form(f"fix_{name}"):
            st.markdown(f"**{markdown_text(name)}**")
            place = next(e.place for e in result.events if e.place and e.place.mention == name)
            options = ["(type coordinates)"] + [  # radio labels are Markdown: a custom place's name is user text
                markdown_text(f"{c['name']}, {c.get('country') or '?'} ({c['lat']:.3f}, {c['lon']:.3f})")
                for c in place.candidates
            ]
            pick = st.radio("Candidates", options, key=f"pick_{name}")
            lat = st.number_input("Latitude", -90.0, 90.0, 0.0, format="%.5f", key=f"lat_{name}")
            lon = st.number_input("Longitude", -180.0, 180.0, 0.0, format="%.5f", key=f"lon_{name}")
            if st.form_submit_button("Save place"):
                if pick != options[0]:
                    c = place.candidates[options.index(pick) - 1]
                    lat, lon = c["lat"], c["lon"]
                if lat == 0.0 and lon == 0.0:
                    st.error("Type coordinates or pick a candidate first.")
                else:
                    require(Action.FIX_PLACE)
                    add_custom_place(CUSTOM_PLACES, name, lat, lon)
                    gazetteer.clear()
                    st.session_state.pop("upload_key")
                    st.rerun()

st.subheader("Events to store")
rows = review_rows(result)  # one content hash per event, once per rerun
duplicates = sum(1 for r in rows if r["duplicate"])
if duplicates:
    st.warning(f"{duplicates} events repeat an earlier row of this file: they are flagged below and stored once.")
edited = st.data_editor(
    pd.DataFrame(safe_rows(rows)),  # text cells formula-safe; apply_review reads them back
    hide_index=True,
    width="stretch",
    height=min(36 * (len(result.events) + 1) + 4, 640),
    key=f"review_{key}",
    disabled=[
        "row",
        "duplicate",
        "report",
        "kind",
        "from",
        "place",
        "place status",
        "start",
        "end",
        "source said",
        "sentence",
    ],
    column_config={
        "keep": st.column_config.CheckboxColumn("keep", help="untick to leave the event out", width=50),
        "row": st.column_config.NumberColumn(width=50),
        "unit": st.column_config.TextColumn(width=200),
        "from": st.column_config.TextColumn(width=130),
        "place": st.column_config.TextColumn(width=130),
        "confidence": st.column_config.SelectboxColumn(
            options=CONFIDENCE_CHOICES, width=170, help="Admiralty credibility; empty: the source stated none"
        ),
        "source said": st.column_config.TextColumn(width=120, help="the source's own words for its confidence"),
        "strength": st.column_config.NumberColumn(min_value=0, step=1, width=80),
        "sentence": st.column_config.TextColumn(width=420),
    },
)
done = st.session_state.get("upload_done")
if done and done[0] == key:
    summary = done[1]
    events_stored = summary["accepted"] - (len(result.reports) if result.format == "reports" else 0)
    reports = f" and {len(result.reports)} reports" if result.format == "reports" else ""
    st.success(
        f"Stored {events_stored} new events{reports} from {markdown_text(uploaded.name)}; "
        f"{summary['duplicates']} were already in the store. They are on the Map now."
    )
if st.button("Store", type="primary", disabled=bool(done and done[0] == key)):
    try:
        reviewed = apply_review(result, edited.to_dict("records"))
        summary = commit_upload(reviewed, store(), uploaded.name, user=who.user)
    except (ValueError, RuntimeError) as e:
        st.error(markdown_text(f"Nothing was stored: {e}"))
    else:
        st.session_state["upload_done"] = (key, summary)
        st.rerun()  # shows the summary, with Store disabled
