"""Reading reports: the parts of the extractor that decide what a sentence says (see DESIGN.md, geo/reading/).

``geo.extraction`` runs the pipeline; the modules here answer its questions: is this capitalised word an
ordinary word (mentions), does this clause deny, negate, forecast or only report talk (cues), what date and what
troop strength does it state (when, quantities).
"""
