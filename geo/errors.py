"""The errors troopmap raises on purpose, and how their messages are kept short.

``TroopmapError`` is the root; each narrow error also subclasses the builtin it resembles (as geopy's do), so
code that caught ``ValueError`` before still catches a :class:`ReadError`. A message may quote what a file or a
user gave, and that can be megabytes long: :func:`clip` cuts any echoed value to a few dozen characters.
"""

from __future__ import annotations

from collections.abc import Sequence

QUOTE_CHARS = 60  # at most this much of an echoed value is shown
MESSAGE_CHARS = 500  # no message is longer than this


class TroopmapError(Exception):
    """Something troopmap refuses, with a message a person can act on."""

    def __init__(self, message: str = ""):
        super().__init__(clip(message, MESSAGE_CHARS))


class ReadError(TroopmapError, ValueError):
    """The file cannot be read at all (not text, no header, an unknown layout, too large)."""


def clip(text: object, limit: int = QUOTE_CHARS) -> str:
    """``text`` as a string of at most ``limit`` characters, saying how much was cut."""
    s = str(text)
    if len(s) <= limit:
        return s
    note = f"… ({len(s):,} characters)"
    return s[: max(limit - len(note), 1)] + note


def quote(value: object) -> str:
    """A value from the input for a message: repr-quoted, and clipped."""
    return clip(repr(str(value)))


def listing(values: Sequence[str], limit: int = 8) -> str:
    """The first few of ``values`` for a message, and how many there are in all."""
    shown = ", ".join(clip(v, 30) for v in values[:limit]) or "none"
    return shown if len(values) <= limit else f"{shown}, … ({len(values):,} in all)"
