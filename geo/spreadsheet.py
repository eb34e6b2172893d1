"""Spreadsheet safety: text from a report must never become a live formula."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would treat as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    s = str(value)
    return "'" + s if s.startswith(FORMULA_START) else s


def unescape_cell(s: str) -> str:
    """The reader's inverse of :func:`safe_cell`, so an exported file reads back to the same events."""
    return s[1:] if s.startswith("'") and s[1:2] in FORMULA_START and s[1:2] != "" else s


def safe_rows(rows: Iterable[Mapping[str, Any]], keep: Container[str] = ()) -> list[dict[str, Any]]:
    """Rows for a table a person may download from the dashboard (Streamlit's own "Download as CSV" writes cells
    as they are): every text cell made formula-safe, except the columns in ``keep`` (edited in place, and
    read back with :func:`unescape_cell`)."""
    return [{k: v if k in keep or not isinstance(v, str) else safe_cell(v) for k, v in row.items()} for row in rows]
