"""Name keys: one spelling of a place in, the keys it is indexed or looked up under out.

Three kinds of key, from strict to loose:

- :func:`normalise`: case, accents, apostrophes and hyphens folded; scripts kept ("Namp’o" = "nampo").
- :func:`skeleton`: a sound key that is the same for a Cyrillic name and its romanisations under the common
  schemes (BGN/PCGN and the Ukrainian national system, German, French, Spanish, Polish): Харків, Kharkiv, Charkiw
  and Jarkiv meet, and so do the -y/-iy/-yy/-ij endings, ё/yo/io, я/ya/ja/ia and ж/zh/j/sch.
- :func:`korean_skeleton`: Revised Romanisation and McCune-Reischauer folded together (Gaeseong = Kaesŏng,
  Cheongjin = Ch'ŏngjin), and Hangul romanised first (평양 -> pyeongyang).

Inflected forms are brought back to their dictionary form by :func:`lemma_variants` (prepositions and Korean
particles cut off, Russian and Ukrainian case endings undone by pymorphy3 when it is installed, and by a few
declension rules otherwise); the caller keeps the variants that are names in the index.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.text import fold_marks

# -- normalise ---------------------------------------------------------------------------------------------
_APOSTROPHES = re.compile(r"['’ʼ`´‘]")
_SEPARATORS = re.compile(r"[\s\-‐–—_.,;:/()\"«»]+")


@lru_cache(maxsize=65536)  # prose repeats its words and names
def normalise(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens; keep Cyrillic and Hangul letters as they are.

    ``Namp’o`` and ``nampo``, ``Blagoveščensk`` and ``blagovescensk``, ``Хабаровськ`` with ``ё``/``е`` all
    compare equal. Hangul survives because NFKD splits syllables into jamo that NFC puts back together.
    """
    if name.isascii():  # the common case, without the per-letter Unicode work
        return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", name.lower())).strip()
    # й, ї and ў are letters of their own, not и, і and у with an accent (fold_marks keeps them)
    text = fold_marks(name.casefold().replace("ё", "е").replace("ß", "ss"))
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
UKRAINIAN_LETTERS = re.compile(r"[іїєґ]")
WORD = re.compile(r"\w+")

# -- the old stemmer, kept for the prose extractor's first-word index ----------------------------------------
_ENDINGS = sorted(
    """ями ами ого его ому ему ыми ими ой ей ий ый ій ая яя ое ее ом ем ам ям ах ях
    ою ею ую юю ів ов ев ої а я у ю е ы и і ь й о""".split(),
    key=len,
    reverse=True,
)


def stem_word(word: str) -> str:
    if not CYRILLIC.search(word):
        return word
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


@lru_cache(maxsize=65536)
def stem_key(key: str) -> str:
    """The stem of each word of a normalised name: "курській області" and "курська область" meet."""
    return " ".join(stem_word(w) for w in key.split())


# -- Cyrillic and Hangul to Latin ----------------------------------------------------------------------------
# One romanisation for every Cyrillic name (BGN-like); skeleton() then folds it with the other schemes.
_CYR = dict(
    zip(
        "абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя",
        "a b v g g d e e ie zh z i i i i k l m n o p r s t u u f kh ts ch sh shch - y - e yu ya".split(),
        strict=True,
    )
)
_CYR["ъ"] = _CYR["ь"] = ""


def cyrillic_to_latin(text: str) -> str:
    return "".join(_CYR.get(c, c) for c in text.lower())


_KO_INITIAL = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_KO_MEDIAL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_KO_FINAL = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()


def hangul_to_latin(text: str) -> str:
    """Revised Romanisation, letter by letter (no sound changes across syllables: enough for a key)."""
    out = []
    for c in text:
        code = ord(c) - 0xAC00
        if 0 <= code < 11172:
            i, m, f = code // 588, (code % 588) // 28, code % 28
            out.append(_KO_INITIAL[i].strip("-") + _KO_MEDIAL[m] + _KO_FINAL[f].strip("-"))
        else:
            out.append(c)
    return "".join(out)


# -- skeletons ------------------------------------------------------------------------------------------------
_LETTERS = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ć": "ch", "ś": "sh", "ź": "zh", "ż": "zh", "ł": "l"})
_NOT_LETTER = re.compile(r"[^a-zSqc]")
# romanisation schemes: how each writes х, ч, ш/щ, ж, й and ц; the query is read under each, the index under "en"
SCHEMES = ("en", "de", "fr", "es", "pl")
_COMMON = [
    ("schtsch", "S"),
    ("shch", "S"),
    ("szcz", "S"),
    ("chtch", "S"),
    ("tsch", "q"),
    ("tch", "q"),
    ("dsch", "dS"),
    ("sch", "S"),
    ("sz", "S"),
    ("zh", "S"),
    ("sh", "S"),
    ("cz", "q"),
    ("kh", "h"),
]
_BY_SCHEME = {
    "en": [("ch", "q"), ("ts", "c"), ("tz", "c"), ("j", "dS"), ("z", "s")],
    "de": [("ch", "h"), ("ts", "c"), ("tz", "c"), ("j", "i"), ("z", "c")],
    "fr": [("ch", "S"), ("ts", "c"), ("dj", "dS"), ("j", "S"), ("z", "s")],
    "es": [("ch", "q"), ("ts", "c"), ("j", "h"), ("z", "s")],
    "pl": [("ch", "h"), ("ts", "c"), ("j", "i"), ("c", "c"), ("z", "s")],
}
_FINAL = [("y", "i"), ("w", "v"), ("ou", "u"), ("x", "ks"), ("g", "h"), ("ph", "f")]
_PATTERNS = {}
for _scheme, _rules in _BY_SCHEME.items():
    _table = dict(_COMMON + _rules)
    _PATTERNS[_scheme] = (
        re.compile("|".join(sorted(map(re.escape, _table), key=len, reverse=True))),
        _table,
    )
_FINAL_RE = re.compile("|".join(re.escape(a) for a, _ in _FINAL))
_FINAL_TABLE = dict(_FINAL)
_DOUBLE = re.compile(r"(.)\1+")
_IE = re.compile(r"i[eo]")


def _latin(text: str) -> str:
    """Lower case, scholarly letters spelled out, other marks off: 'Sinŭiju' -> 'sinuiju'."""
    text = text.lower().translate(_LETTERS)
    return text if text.isascii() else fold_marks(text.replace("ß", "ss"))


@lru_cache(maxsize=65536)
def skeleton(name: str, scheme: str = "en") -> str:
    """The sound key of a Cyrillic or Latin name (Latin read under ``scheme``); '' for other scripts."""
    if CYRILLIC.search(name):
        text, scheme = cyrillic_to_latin(name), "en"
    else:
        text = _latin(name)
    if not text.isascii():
        return ""
    pattern, table = _PATTERNS[scheme]
    text = pattern.sub(lambda m: table[m.group()], text)
    text = _FINAL_RE.sub(lambda m: _FINAL_TABLE[m.group()], text)
    text = _NOT_LETTER.sub("", text)
    text = _DOUBLE.sub(r"\1", text)
    # я/ya/ja/ia, е/ye/je/ie, ё/yo/io and the -iy/-yy/-ii endings all fold onto one vowel
    text = _IE.sub("e", text)
    return _DOUBLE.sub(r"\1", text)


def skeletons(name: str) -> set[str]:
    """The sound keys of a query under every scheme (a Cyrillic name has one)."""
    if CYRILLIC.search(name):
        return {skeleton(name)} - {""}
    return {skeleton(name, s) for s in SCHEMES} - {""}


_KO_RULES = [
    ("eo", "o"),
    ("eu", "u"),
    ("ae", "e"),
    ("oe", "e"),
    ("ch", "c"),
    ("sh", "s"),
    ("j", "c"),
    ("g", "k"),
    ("d", "t"),
    ("b", "p"),
    ("r", "l"),
]
_KO_RE = re.compile("|".join(re.escape(a) for a, _ in _KO_RULES))
_KO_TABLE = dict(_KO_RULES)
_KO_SUFFIX = re.compile(r"[\s-](si|ri|ni|li|up|ŭp|eup|dong|tong|gun|kun|nodongjagu|rodongjagu)$")


@lru_cache(maxsize=65536)
def korean_skeleton(name: str) -> str:
    """Revised and McCune-Reischauer romanisations, and Hangul, folded to one key: 'Gaeseong' = 'Kaesŏng'."""
    if HANGUL.search(name):
        name = hangul_to_latin(name)
    text = _KO_SUFFIX.sub("", _latin(name))
    if not text.isascii():
        return ""
    text = _KO_RE.sub(lambda m: _KO_TABLE[m.group()], text)
    text = re.sub(r"[^a-z]", "", text)
    return _DOUBLE.sub(r"\1", text)


# -- inflection --------------------------------------------------------------------------------------------
# words of place before a name ("в Харькове", "pod Kurskiem", "near Kursk"); cut off when what remains is a name
PREPOSITIONS = frozenset(
    """в во на под подо під підо у із из з зі від от до около возле біля близ за над поблизу район районе
    pod w we z ze do u koło kolo przy ke na v ve od
    in near at from to around outside into by of à a au aux de du des en près vers bei nahe nach von aus um im
    en cerca desde hacia""".split()
)
KO_PARTICLES = sorted(
    """에서부터 으로부터 에서의 까지의 로부터 으로의 으로는 에서는 에서도 까지 부터 에서 으로 에게 에는 에도 에의 로의 로는
    의 에 로 은 는 이 가 을 를 과 와 도 서 쪽 인근 일대 지역 부근 근처 방면 방향""".split(),
    key=len,
    reverse=True,
)
KO_PLACE_SUFFIXES = ("시", "군", "읍", "리", "동", "항", "역", "주", "도")

# Russian and Ukrainian noun and adjective endings -> the nominative endings they may come from
_RU_UK_ENDINGS = [
    ("ами", ("а", "ы", "и", "")),
    ("ями", ("я", "и")),
    ("ого", ("ий", "ый", "ой", "е", "ое")),
    ("его", ("ий", "ее")),
    ("ому", ("ий", "ый", "ой")),
    ("ему", ("ий",)),
    ("ой", ("ая", "а", "ый", "ой", "ий")),
    ("ей", ("ая", "я", "ь", "ий")),
    ("ій", ("а", "я", "ий", "ій")),
    ("ом", ("", "о", "ий", "ый")),
    ("ем", ("", "е", "ь", "ий")),
    ("ою", ("а",)),
    ("ею", ("я", "а")),
    ("ах", ("ы", "и", "а", "")),
    ("ях", ("и", "я")),
    ("ую", ("ая", "а")),
    ("ім", ("ий",)),
    ("их", ("ие", "і", "и")),
    ("ых", ("ые", "ы")),
    ("ої", ("а",)),
    ("ці", ("ка",)),
    ("зі", ("га",)),
    ("сі", ("ха",)),
    ("а", ("", "о", "е", "ь", "й")),
    ("я", ("ь", "е", "й", "ье", "я")),
    ("у", ("", "а", "о")),
    ("ю", ("ь", "я", "й")),
    ("е", ("", "а", "о", "ь", "я", "й")),
    ("і", ("", "а", "я", "ь", "і", "ія")),
    ("и", ("а", "ь", "и", "")),
    ("ы", ("а",)),
]
_LAST_VOWEL = re.compile(r"([ое])([^аеиоуіїєюяьй]+)$")
# Polish and Czech: "w Charkowie", "pod Kurskiem", "w Kijowie"
_LATIN_SLAVIC_ENDINGS = [("iem", ("",)), ("em", ("",)), ("ie", ("",)), ("u", ("",)), ("a", ("",)), ("e", ("",))]


# pymorphy3's dictionaries used: Russian (pymorphy3-dicts-ru, MIT). The Ukrainian one (pymorphy3-dicts-uk) is
# GPLv3, so it is not a dependency; the ending rules below cover the Ukrainian cases
MORPH_LANGUAGES = ("ru",)


@lru_cache(maxsize=1)
def _morph():
    """pymorphy3's analysers for MORPH_LANGUAGES, loaded on first need (0.15 s)."""
    out = []
    try:
        import pymorphy3
    except ImportError:  # the rules below still bring the common case forms back
        return out
    for lang in MORPH_LANGUAGES:
        try:
            out.append(pymorphy3.MorphAnalyzer(lang=lang))
        except (ValueError, OSError, ImportError):
            continue
    return out


def _word_lemmas(word: str, morph: bool) -> list[str]:
    """Dictionary forms a Russian or Ukrainian word may come from: pymorphy3's (``morph``), then the ending
    rules'."""
    forms = [word]
    for m in _morph() if morph else ():
        for p in m.parse(word)[:6]:
            forms.append(p.normal_form)
            if "ADJF" in p.tag:  # an adjective keeps its gender: курской -> курская
                nom = p.inflect({"nomn"})
                if nom:
                    forms.append(nom.word)
    for end, bases in _RU_UK_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            forms.extend(stem + b for b in bases)
            # Ukrainian о/е turn to і in a closed syllable: Харкова -> Харків, Львові -> Львів
            if m := _LAST_VOWEL.search(stem):
                forms.extend(stem[: m.start(1)] + "і" + m.group(2) + b for b in bases)
    return list(dict.fromkeys(f.replace("ё", "е") for f in forms))


def lemma_variants(key: str, limit: int = 40, *, morph: bool = True) -> list[str]:
    """Normalised dictionary forms of a normalised, possibly inflected name (the name itself not included).

    Cyrillic: every word's lemmas, combined (a name has few words); ``morph``: pymorphy3's too (0.15 s to load
    the first time: the resolver asks for them only when the ending rules' forms name no place). Latin: a
    Polish or Czech case ending.
    """
    words = key.split()
    out: list[str] = []
    if CYRILLIC.search(key):
        options = [_word_lemmas(w, morph) if CYRILLIC.search(w) else [w] for w in words]
        combos = [""]
        for opts in options:
            combos = [f"{c} {o}".strip() for c in combos for o in opts][:limit]
        out = combos
    elif key.isascii() and len(words) <= 3:
        last = words[-1]
        for end, bases in _LATIN_SLAVIC_ENDINGS:
            if last.endswith(end) and len(last) - len(end) >= 3:
                out.extend(" ".join([*words[:-1], last[: -len(end)] + b]) for b in bases)
    return [o for o in dict.fromkeys(out) if o and o != key]


def strip_preposition(key: str) -> str | None:
    """'под курском' -> 'курском'; None when the first word is no preposition of place."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in PREPOSITIONS else None


def strip_particle(key: str) -> list[str]:
    """'평양에서' -> ['평양']; '남포항으로' -> ['남포항', '남포']: the forms left once a Korean particle (and then a
    place suffix) is cut off, longest first."""
    out = []
    for p in KO_PARTICLES:
        if key.endswith(p) and len(key) > len(p) + 1:
            out.append(key[: -len(p)])
    for form in list(out) + [key]:
        if form.endswith(KO_PLACE_SUFFIXES) and len(form) > 2:
            out.append(form[:-1])
    return list(dict.fromkeys(out))
