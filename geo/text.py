"""Folding text for comparison: accents off, but letters of their own (й, ї, ў, Hangul syllables) kept."""

from __future__ import annotations

import unicodedata

KEEP = set("йїўЙЇЎ")


class _Fold(dict):
    """A str.translate table filled on first use: each character mapped once to itself without its marks."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        if c in KEEP:
            out = c
        else:
            out = "".join(x for x in unicodedata.normalize("NFKD", c) if unicodedata.category(x) != "Mn")
            out = unicodedata.normalize("NFC", out)
        self[code] = out
        return out


_FOLD = _Fold()


def fold_marks(text: str) -> str:
    """'Blagoveščensk' -> 'Blagovescensk'; 'Курській' stays; Hangul stays (decomposed, then put back)."""
    return text.translate(_FOLD)
