"""Unit symbols (APP-6 D / MIL-STD-2525D) for units whose type or echelon a report names.

Drawn with the `milsymbol` package (a Python port of milsymbol.js) as SVG, server-side, so the map needs no
extra script. Chosen over `military-symbol` (PyPI), whose current release needs Python 3.12 and fails to import
here, and over vendoring milsymbol.js (850 kB in every exported map for a handful of symbols).

Only our own codes and numbers go into a symbol, never report text. The affiliation frame is "unknown" (yellow
quatrefoil): a report says who a unit belongs to, not which side the reader is on. A unit of no recognised type
or echelon gets no symbol, and the map draws a plain dot.
"""

from __future__ import annotations

import re
from functools import lru_cache

# entity codes (symbol set 10, land units), found by word stems in several languages
UNIT_TYPES = [
    (
        "121700",
        (
            "special forces",
            "special operations",
            "sof",
            "forces spéciales",
            "forces d'opérations spéciales",
            "спецназ",
            "сил специальных операций",
            "сил спеціальних операцій",
            "spezialkräfte",
            "spezialeinheit",
            "fuerzas especiales",
            "특수부대",
            "특수작전",
        ),
    ),
    (
        "121104",
        (
            "marine",
            "naval infantry",
            "морпех",
            "морской пехот",
            "морська піхота",
            "морської піхоти",
            "infanterie de marine",
            "marineinfanterie",
            "infantería de marina",
            "해병",
        ),
    ),
    ("120500", ("armour", "armor", "tank", "танков", "танк", "blindé", "panzer", "blindad", "기갑", "전차")),
    ("130300", ("artillery", "артиллер", "артилер", "artillerie", "artillería", "포병")),
    ("121300", ("reconnaissance", "recon", "развед", "розвід", "aufklärung", "reconocimiento", "정찰")),
    (
        "121100",
        ("infantry", "rifle", "motor rifle", "пехот", "мотострелк", "піхот", "infanterie", "infantería", "보병"),
    ),
]
ECHELONS = [
    ("23", ("army", "армия", "армія", "armée", "armee", "ejército", "군단급")),
    ("22", ("corps", "корпус", "korps", "cuerpo", "군단")),
    ("21", ("division", "дивизи", "дивізі", "división", "사단")),
    ("18", ("brigade", "бригад", "brigada", "여단")),
    ("17", ("regiment", "полк", "régiment", "regimiento", "연대")),
    ("16", ("battalion", "батальон", "батальйон", "bataillon", "batallón", "대대")),
    ("15", ("company", "рота", "compagnie", "kompanie", "compañía", "중대")),
]
UNKNOWN = "1"  # standard identity: unknown


def _find(text: str, table) -> str | None:
    low = text.casefold()
    for code, stems in table:
        for s in stems:
            if re.search(rf"(?<!\w){re.escape(s)}", low):
                return code
    return None


def unit_sidc(unit: str | None) -> str | None:
    """A 20-digit SIDC for a unit description, or None when neither its type nor its echelon is recognised."""
    if not unit:
        return None
    entity, echelon = _find(unit, UNIT_TYPES), _find(unit, ECHELONS)
    if entity is None and echelon is None:
        return None
    return f"10{0}{UNKNOWN}10{0}{0}{echelon or '00'}{entity or '000000'}0000"


@lru_cache(maxsize=512)
def symbol_svg(sidc: str, strength: str = "", size: int = 32) -> str | None:
    """The symbol as an SVG string (strength in the unique-designation field), None if the code is invalid."""
    import milsymbol

    sym = milsymbol.Symbol(sidc, size=size, unique_designation=strength)
    valid = sym.is_valid() if callable(sym.is_valid) else sym.is_valid
    return sym.as_svg() if valid else None
