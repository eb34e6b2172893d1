"""Spreadsheet safety: text from a report must never become a live formula."""

from __future__ import annotations

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
