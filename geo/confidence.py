"""Confidence scales, mapped to the Admiralty (NATO STANAG 2511) information-credibility digit.

One table (``TABLE``) holds every accepted spelling. Each row is ``(digit, scale, language, spellings)``;
``parse_confidence`` looks a label up in it, ``cues`` gives the extractor the same words to find in prose.
Labels are compared after :func:`normalise_label` (case, accents, punctuation and spacing do not matter).

Choices worth knowing (documented in the README too):

* Admiralty credibility: 1 Confirmed by other sources, 2 Probably true, 3 Possibly true, 4 Doubtful,
  5 Improbable, 6 Truth cannot be judged. A two-character code such as ``B2`` also sets source reliability.
* ICD 203 likelihood terms: almost certain -> 1, very likely / likely -> 2, roughly even chance -> 3,
  unlikely -> 4, very unlikely / almost no chance -> 5.
* Analytic confidence: high -> 2, moderate -> 3, low -> 4 (high confidence is not corroboration).
* Percentages: >= 95 -> 1, >= 55 -> 2, >= 45 -> 3, >= 20 -> 4, below -> 5 (the ICD 203 bands).
* Attribution ("according to", "selon", "по данным", "повідомляє") is not a credibility statement and is
  not in the table.
* Plain words: confirmed -> 1; unconfirmed / could not be confirmed / unclear -> 6 (cannot be judged);
  probably -> 2; possibly, reportedly, alleged -> 3; denied / doubtful -> 4 (a denial by a party to the
  conflict makes a report doubtful, not improbable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.text import fold_marks

ADMIRALTY_LABELS = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

RELIABILITY_LABELS = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

# (digit, scale, language, spellings). Longer phrases win over the shorter ones they contain
# ("not confirmed" over "confirmed"), so negations need no special handling.
TABLE: list[tuple[int, str, str, tuple[str, ...]]] = [
    *[(d, "admiralty", "en", (str(d), label)) for d, label in ADMIRALTY_LABELS.items()],
    (6, "admiralty", "en", ("cannot be judged", "truth cannot be judged")),
    (1, "icd203", "en", ("almost certain", "almost certainly", "nearly certain", "nearly certainly")),
    (2, "icd203", "en", ("very likely", "highly likely", "highly probable", "likely", "probable", "probably")),
    (3, "icd203", "en", ("roughly even chance", "roughly even odds", "even chance")),
    (4, "icd203", "en", ("unlikely", "probably not", "improbable but possible")),
    (5, "icd203", "en", ("very unlikely", "highly unlikely", "highly improbable", "almost no chance", "remote")),
    (2, "analytic", "en", ("high", "high confidence")),
    (3, "analytic", "en", ("moderate", "medium", "moderate confidence", "medium confidence")),
    (4, "analytic", "en", ("low", "low confidence")),
    # plain words, English
    (1, "words", "en", ("confirmed", "verified", "corroborated", "confirm", "verify", "independently verify")),
    (
        6,
        "words",
        "en",
        (
            "unconfirmed",
            "not confirmed",
            "could not be confirmed",
            "cannot confirm",
            "could not confirm",
            "unverified",
            "not verified",
            "unclear",
            "unknown",
        ),
    ),
    (
        3,
        "words",
        "en",
        (
            "possible",
            "possibly",
            "reportedly",
            "purportedly",
            "claimed",
            "claims",
            "said to have",
            "alleged",
            "allegedly",
            "may",
            "might",
            "could",
            "apparently",
            "appears to",
            "seems to",
            "suspected",
        ),
    ),
    (4, "words", "en", ("denied", "denies", "deny", "disputed")),
    # French
    (
        1,
        "words",
        "fr",
        (
            "confirme",
            "confirmee",
            "confirmes",
            "confirmees",
            "verifie",
            "verifiee",
            "verifies",
            "verifiees",
            "confirmer",
            "verifier",
        ),
    ),
    (
        6,
        "words",
        "fr",
        (
            "non confirme",
            "non confirmee",
            "non confirmes",
            "non confirmees",
            "pas pu confirmer",
            "ne pouvait pas confirmer",
            "ne peut pas confirmer",
            "ne pas pouvoir confirmer",
            "impossible a confirmer",
            "incertain",
        ),
    ),
    (2, "words", "fr", ("probablement", "probable", "vraisemblablement", "tres probablement")),
    (
        3,
        "words",
        "fr",
        (
            "possiblement",
            "peut-etre",
            "seraient",
            "serait",
            "aurait",
            "auraient",
            "presume",
            "pretend",
            "pretendent",
            "affirment",
            "selon des informations non verifiees",
            "presumes",
            "presumee",
            "presumees",
        ),
    ),
    (4, "words", "fr", ("peu probable", "douteux", "dement", "dementi", "nie", "a nie")),
    (5, "words", "fr", ("improbable", "tres peu probable")),
    # Russian
    (
        1,
        "words",
        "ru",
        (
            "подтверждено",
            "подтвержден",
            "подтверждена",
            "подтверждены",
            "подтвердили",
            "подтвердил",
            "подтвердить",
            "проверить",
        ),
    ),
    (
        6,
        "words",
        "ru",
        (
            "не подтверждено",
            "не подтверждена",
            "не подтвержден",
            "не подтверждены",
            "неподтвержденным",
            "неподтвержденные",
            "неподтвержденный",
            "неподтвержденных",
            "неизвестно",
        ),
    ),
    (2, "words", "ru", ("вероятно", "скорее всего", "по всей видимости")),
    (
        3,
        "words",
        "ru",
        (
            "возможно",
            "предположительно",
            "якобы",
            "как утверждают",
            "утверждают",
            "по утверждению",
            "по неподтвержденным данным",
            "как сообщается",
        ),
    ),
    (
        4,
        "words",
        "ru",
        (
            "маловероятно",
            "сомнительно",
            "опровергает",
            "опровергли",
            "опровергло",
            "опровергла",
            "опроверг",
            "отрицает",
            "отрицают",
        ),
    ),
    # Ukrainian
    (
        1,
        "words",
        "uk",
        ("підтверджено", "підтверджені", "підтверджена", "підтвердили", "підтвердив", "підтвердити", "перевірити"),
    ),
    (
        6,
        "words",
        "uk",
        ("не підтверджено", "не підтверджені", "непідтверджені", "непідтвердженими", "непідтверджених", "невідомо"),
    ),
    (2, "words", "uk", ("ймовірно", "імовірно", "найімовірніше")),
    (
        3,
        "words",
        "uk",
        ("можливо", "можливий", "можлива", "нібито", "як стверджують", "стверджують", "начебто", "імовірно можливо"),
    ),
    (
        4,
        "words",
        "uk",
        ("малоймовірно", "сумнівно", "заперечує", "спростовує", "спростували", "спростувало", "заперечили"),
    ),
    # Korean
    (1, "words", "ko", ("확인됐다", "확인되었다", "확인된", "확인했다")),
    (
        6,
        "words",
        "ko",
        (
            "미확인",
            "확인되지 않은",
            "확인할 수 없다",
            "확인되지 않았다",
            "확인되지 않",
            "검증되지 않",
            "독자적으로 확인할 수 없",
        ),
    ),
    (2, "words", "ko", ("가능성이 높다", "유력하다")),
    (3, "words", "ko", ("가능성", "추정", "것으로 보인다", "것으로 알려졌다", "전해졌다")),
    (4, "words", "ko", ("가능성이 낮다", "부인했다", "부인")),
    # German
    (
        1,
        "words",
        "de",
        (
            "bestatigt",
            "bestaetigt",
            "bestatigen",
            "uberprufen",
            "uberprufbar",
            "uberpruft",
            "verifizieren",
            "verifiziert",
        ),
    ),
    (6, "words", "de", ("unbestatigt", "nicht bestatigt", "unklar", "ungewiss")),
    (2, "words", "de", ("wahrscheinlich", "vermutlich", "mutmasslich")),
    (
        3,
        "words",
        "de",
        ("moglicherweise", "moglich", "angeblich", "behauptet", "behaupten", "soll", "sollen", "berichten zufolge"),
    ),
    (4, "words", "de", ("unwahrscheinlich", "zweifelhaft", "dementiert", "bestritten")),
    # Spanish
    (
        1,
        "words",
        "es",
        (
            "confirmado",
            "confirmada",
            "confirmados",
            "confirmadas",
            "confirmo",
            "confirmaron",
            "confirmar",
            "verificada",
            "verificado",
            "verificar",
        ),
    ),
    (6, "words", "es", ("no confirmado", "no confirmada", "sin confirmar", "no pudo confirmar")),
    (2, "words", "es", ("probablemente", "probable", "probablemente cierta", "probablemente cierto")),
    (
        3,
        "words",
        "es",
        ("posiblemente", "posible", "supuestamente", "afirman", "segun afirman", "presuntamente", "habria", "habrian"),
    ),
    (4, "words", "es", ("poco probable", "dudoso", "desmentido", "negado", "nego")),
    (5, "words", "es", ("improbable",)),
]


class UnknownConfidenceLabel(ValueError):
    """A label that is in none of the accepted scales. The message lists what is accepted."""

    def __init__(self, label: str):
        self.label = label
        super().__init__(
            f"unknown confidence label {label!r}; accepted: Admiralty digits 1-6 or their labels "
            f"({', '.join(ADMIRALTY_LABELS.values())}), a code like 'B2', a percentage, ICD 203 terms "
            f"(almost certain ... almost no chance), high/moderate/low, or plain words such as "
            f"{', '.join(sorted(_EXAMPLES))}"
        )


@dataclass(frozen=True)
class Confidence:
    credibility: int | None  # Admiralty 1-6, None when only reliability was given
    reliability: str | None  # Admiralty A-F
    label: str  # what the source said, kept verbatim

    @property
    def text(self) -> str:
        return ADMIRALTY_LABELS.get(self.credibility, "not stated") if self.credibility else "not stated"


PUNCTUATION = r"[\s\-‐–—_'’`.,;:!?\"«»()]"  # what separates the words of a label
_PUNCTUATION = re.compile(PUNCTUATION + "+")


def fold_label(text: str) -> str:
    """Case-fold and drop accents (but keep Hangul syllables whole): :func:`normalise_label` but the spacing."""
    text = text.casefold()
    if not text.isascii():
        text = fold_marks(text.replace("ё", "е")).replace("ß", "ss")
    return text


def normalise_label(text: str) -> str:
    """Case-fold, drop accents (but keep Hangul syllables whole), turn punctuation into single spaces."""
    return spaced(fold_label(text)).strip()


def spaced(text: str) -> str:
    """Each run of spaces and punctuation as one space."""
    return _PUNCTUATION.sub(" ", text)


_LOOKUP: dict[str, int] = {}
for _digit, _scale, _lang, _spellings in TABLE:
    for _s in _spellings:
        _LOOKUP.setdefault(normalise_label(_s), _digit)
_EXAMPLES = {"confirmed", "unconfirmed", "likely", "denied", "вероятно", "можливо", "unklar"}

_CODE = re.compile(r"^([a-f])\s*([1-6])?$")
_PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*(%|percent|pct)$")


def percent_to_digit(p: float) -> int:
    if p >= 95:
        return 1
    if p >= 55:
        return 2
    if p >= 45:
        return 3
    if p >= 20:
        return 4
    return 5


def parse_confidence(label: object) -> Confidence | None:
    """Map a label from any accepted scale to the Admiralty digit. Empty -> None; unknown -> error."""
    if label is None:
        return None
    return _parse(str(label))


@lru_cache(maxsize=4096)  # a file repeats a handful of labels a million times
def _parse(label: str) -> Confidence | None:
    raw = label.strip()
    if not raw or raw.casefold() in {"nan", "none", "null"}:
        return None
    key = normalise_label(raw)
    if key in _LOOKUP:
        return Confidence(_LOOKUP[key], None, raw)
    if m := _CODE.match(key.replace(" ", "")):
        return Confidence(int(m.group(2)) if m.group(2) else None, m.group(1).upper(), raw)
    if m := _PERCENT.match(raw.strip().casefold()):
        p = float(m.group(1).replace(",", "."))
        if 0 <= p <= 100:
            return Confidence(percent_to_digit(p), None, raw)
    raise UnknownConfidenceLabel(raw)


def cues(language: str | None = None) -> dict[str, int]:
    """Normalised cue phrases (plain words and ICD 203 terms) -> digit, for finding confidence in prose.

    Single letters, digits and scale words that are common outside a confidence statement ("high", "low")
    are left out. With a language, that language's words and the English ones are given.
    """
    out: dict[str, int] = {}
    for digit, scale, lang, spellings in TABLE:
        if scale not in {"words", "icd203"}:
            continue
        if language and lang not in {language, "en"}:
            continue
        for s in spellings:
            out.setdefault(normalise_label(s), digit)
    return out
