"""Text from a report, escaped for the place it lands: HTML, JSON inside a template, Markdown, XML.

Report text is untrusted until it passes one of these, at the very last step before it reaches its sink. Each
function answers one question: what must this text not become there? (Spreadsheet formulas: ``geo.spreadsheet``.)
"""

from __future__ import annotations

import html
import json
import re

# JSON strings may hold any character; inside a Jinja template or an HTML <script>, some must not appear raw.
# Every one of these is written as a \\uXXXX escape, which JSON and JavaScript read back as the same character.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_INERT = {
    "{": "\\u007b",  # {{ {% {# open Jinja expressions, statements and comments
    "}": "\\u007d",
    "<": "\\u003c",  # </script> would close the script element
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",  # line terminators in older JavaScript parsers
    "\u2029": "\\u2029",
}
_JSON_INERT_CHARS = re.compile("[{}<>&'\u2028\u2029]")


def inert_json(value: object) -> str:
    """JSON that stays data wherever it is pasted: in a Jinja template (rendered once or twice), an HTML
    ``<script>``, or an attribute. Structural braces stay; every brace, angle bracket, ampersand and quote
    *inside a string* becomes a ``\\u`` escape, so no ``{{``, ``{%``, ``{#`` or ``</script>`` can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_STRING.sub(lambda m: _JSON_INERT_CHARS.sub(lambda c: _JSON_INERT[c.group()], m.group()), text)


def html_text(value: object) -> str:
    """Escape text for HTML that may also end up inside a JavaScript template literal or a Jinja template.

    ``html.escape`` stops markup; ``$``, backtick, backslash and braces become entities too, so text like
    ``${alert(1)}`` or ``{{ 7*7 }}`` stays text wherever folium or a template places it.
    """
    s = html.escape("" if value is None else str(value), quote=True)
    return s.translate(_HTML_EXTRA)


_HTML_EXTRA = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"})

# Streamlit's Markdown makes images, links, bare-URL links, HTML, and $…$ LaTeX out of punctuation. A numeric
# character reference (&#91;) shows the same character but, by CommonMark's rules, never acts as syntax, and the
# URL and LaTeX extensions only look at raw characters: so every ASCII punctuation mark is written as one.
_MARKDOWN_SPECIAL = re.compile(r"""[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]""")


def markdown_text(value: object) -> str:
    """Text shown through Streamlit Markdown (captions, st.write, labels) exactly as typed: no image is
    fetched, no link made, no LaTeX or HTML rendered. Line breaks become spaces (a caption is one line)."""
    s = "" if value is None else str(value)
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", " ".join(s.split()))


# XML 1.0 cannot hold most C0 controls, lone surrogates or U+FFFE/U+FFFF at all, not even as entities.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text an XML document can hold: characters XML 1.0 forbids are dropped (escaping is the writer's job)."""
    return _XML_INVALID.sub("", "" if value is None else str(value))
