"""Text helpers: folding for comparison (accents off, but letters of their own such as й, ї, ў, Hangul
syllables kept), and word lists as fast regular expressions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, longest first, written as a trie.

    Python's ``re`` tries the branches of ``a|b|c`` one after the other at every position; with the shared
    prefixes written once ("(?:jan(?:uary|vier)|...)"), a position that starts no word fails at its first
    character.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer ones are tried first
            return f"(?:{body})?"
        return body

    return pattern(trie)
