"""Sources page: every report, with the places and events found in it marked in the text."""

import streamlit as st

from geo.escape import markdown_text
from geo.extraction import Extractor, highlight_html
from geo.mapping import confidence_text, date_text, strength_text
from geo.spreadsheet import safe_rows
from views.shared import geocoder, store

s = store()
reports = s.reports()
st.title("Sources")
if not reports:
    st.info("No free-text reports yet. Upload a reports CSV (report_id, published, source, language, title, text).")
    st.stop()

ids = [r.report_id for r in reports]
wanted = st.query_params.get("report")
rid = st.selectbox(
    "Report",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    format_func=lambda i: next(f"{r.report_id} — {r.title or ''}" for r in reports if r.report_id == i),
)
st.query_params["report"] = rid
report = next(r for r in reports if r.report_id == rid)
st.caption(
    markdown_text(
        f"{report.source or 'source not stated'} · published {report.published or 'date unknown'} · "
        f"language {report.language or '?'}"
    )
)

found = Extractor(geocoder()).extract(report)
spans = [(m.start, m.end, f"{m.place.name or 'unresolved'} ({m.place.status})") for m in found.places]
# st.html, not st.markdown: escaped HTML with no Markdown pass over it, so a report's "![x](url)" or "$…$" stays text
st.html(f'<div class="tm-report" style="line-height:1.6">{highlight_html(report.text, spans)}</div>')

stored = [e for e in s.events() if e.report_id == rid]
st.subheader(f"Events from this report ({len(stored)} on the map)")
if stored:
    st.dataframe(
        safe_rows(
            [
                {
                    "when": date_text(e),
                    "what": e.label,
                    "sentence": e.evidence,
                    "strength": strength_text(e),
                    "confidence": confidence_text(e),
                }
                for e in stored
            ]
        ),
        width="stretch",
        hide_index=True,
        column_config={  # pixels, so that all five fit the page; a cell shows its whole text on hover
            "when": st.column_config.TextColumn(width=160),
            "what": st.column_config.TextColumn(width=230),
            "sentence": st.column_config.TextColumn(width=260),
            "strength": st.column_config.TextColumn(width=90),
            "confidence": st.column_config.TextColumn(width=180),
        },
    )
else:
    st.write("None stored yet: review this report's events on the Upload page.")
