"""What a clause claims: whether it states an event at all.

A report names many places that saw nothing: "no troops were seen in X", "Moscow denied that ...", "units will
be sent to Y", "the ministers met in Z", "the NIS told lawmakers in Seoul". Each sentence is cut into clauses (at
";" and at words such as "but", "tandis que", "während"); a clause that negates, denies or forecasts, and a
sentence about diplomacy, give their places but no event. A negation that only doubts a report ("could not be
independently confirmed") is a confidence cue (geo.confidence), not a negation of the event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.confidence import PUNCTUATION, cues, fold_label, spaced
from geo.reading import lexicon as lx
from geo.reading.sentences import HANGUL
from geo.text import alternation


@lru_cache(maxsize=64)
def table_pattern(table_name: str, language: str) -> re.Pattern:
    """Word-start stems, whole words ("no$") and phrases or Korean entries (anywhere), as one expression; the
    names of several tables joined by "+" give one expression for all of them."""
    stems = [s for name in table_name.split("+") for s in getattr(lx, name).get(language, ())]
    prefixes = [s for s in stems if not s.endswith("$") and " " not in s and not HANGUL.search(s)]
    words = [s[:-1] for s in stems if s.endswith("$")]
    phrases = [s for s in stems if " " in s or HANGUL.search(s)]
    branches = []
    if prefixes:
        branches.append(rf"(?<!\w)(?:{alternation(prefixes)})")
    if words:
        branches.append(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
    if phrases:
        branches.append(alternation(phrases))
    return re.compile("|".join(branches) or "(?!)")


_CUE_TABLES = ("NEGATION", "DENIAL", "FORECAST", "DIPLOMACY", "SPEECH")


def _any_cue(language: str) -> re.Pattern:
    return table_pattern("+".join(_CUE_TABLES), language)


def quiet(low: str, language: str) -> bool:
    """Whether a casefolded sentence has none of the words this module looks for: most have none, and one search
    then stands for all of them."""
    return _any_cue(language).search(low) is None


def has(table_name: str, low: str, language: str) -> bool:
    return table_pattern(table_name, language).search(low) is not None


def clauses(sentence: str, language: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses (offsets into the sentence)."""
    low = sentence.casefold()
    cuts = [m.start() for m in re.finditer(r"[;:]\s", sentence)]
    cuts += [m.start() for m in table_pattern("CLAUSE_JOINERS", language).finditer(low)]
    # a comma before a pronoun opens a clause with a subject of its own: "..., они будут нести службу"
    pronouns = lx.REFER_BACK.get(language, ())
    cuts += [m.start() for m in re.finditer(r",\s+(\w+)", low) if m.group(1) in pronouns]
    spans, start = [], 0
    for c in sorted(set(cuts)):
        if c > start:
            spans.append((start, c))
            start = c
    spans.append((start, len(sentence)))
    return spans


def negated(low: str, language: str) -> bool:
    """A negation that is not part of a "could not confirm" cue."""
    verify = table_pattern("VERIFY", language)
    for m in table_pattern("NEGATION", language).finditer(low):
        if language == "ko":
            if not verify.search(low[max(0, m.start() - 8) : m.start()]):
                return True
            continue
        after = " ".join(low[m.end() :].split()[:4])
        if verify.search(after) or table_pattern("NOT_NEGATING", language).match(after):
            continue
        return True
    return False


def no_event(clause: str, language: str) -> bool:
    """Whether a clause states no event: it negates, denies or forecasts one."""
    low = clause.casefold()
    return negated(low, language) or has("DENIAL", low, language) or has("FORECAST", low, language)


def diplomatic(sentence: str, language: str) -> bool:
    """Whether a sentence is about a visit, a meeting, talks or a conference."""
    return has("DIPLOMACY", sentence.casefold(), language)


def speech_near(before: str, language: str) -> bool:
    """Whether the words just before a place ("told reporters in", "said in") are about saying something."""
    return has("SPEECH", before.casefold(), language)


def units(sentence: str, language: str) -> list[tuple[int, int]]:
    """The parts of a sentence that each state their own event, with their own date, count and certainty:
    cut at ";" and at a comma before a clause joiner ("..., and that a battalion was moved ... last week")."""
    joiners = table_pattern("CLAUSE_JOINERS", language)
    low = sentence.casefold()
    if ";" not in sentence and not ("," in sentence and joiners.search(low)):
        return [(0, len(sentence))]
    cuts = [m.end() for m in re.finditer(r";\s+", sentence)]
    for m in re.finditer(r",\s+", low):
        j = joiners.match(low, m.end())
        if j is not None and (language == "ko" or j.start() == m.end()):
            cuts.append(m.end())
    spans, start = [], 0
    for c in sorted(set(cuts)):
        if sentence[start:c].strip() and sentence[c:].strip():
            spans.append((start, c))
            start = c
    spans.append((start, len(sentence)))
    return spans


@lru_cache(maxsize=1 << 14)
def says(word: str, language: str) -> bool:
    """Whether a word is a verb of saying or denying ("said", "dément", "заявил", "negó")."""
    return table_pattern("SPEECH+DENIAL", language).match(word.casefold()) is not None


# -- confidence --------------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _cue_pattern(language: str) -> tuple[re.Pattern, dict[str, int]]:
    """The cues (normalised labels) for text that is folded but keeps its spacing: a space in a cue stands for
    any run of spaces and punctuation, and a cue may touch punctuation, "_" included, but no letter or digit."""
    table = cues(language)
    body = alternation(table).replace(re.escape(" "), PUNCTUATION + "+")
    if language == "ko":  # a Korean cue is a word's start: endings follow it ("가능성이 높다고", "확인되지 않았다며")
        return re.compile(rf"(?<![^\W_])({body})(?![^\W_\uac00-\ud7a3])"), table
    return re.compile(rf"(?<![^\W_])({body})(?![^\W_])"), table


def find_confidence(sentence: str, language: str) -> tuple[int | None, str | None]:
    """The most doubtful cue a sentence states (longest phrase first, so "not confirmed" beats "confirmed")."""
    pat, table = _cue_pattern(language)
    text = fold_label(sentence)  # spacing is left to the pattern: respacing every sentence cost more
    found = []
    for m in pat.finditer(text):
        cue = spaced(m.group(1))
        digit = table[cue]
        if digit == 1 and _negated(spaced(text[: m.start()])):
            digit = 6  # "no está confirmada", "wurde nicht offiziell bestätigt": not confirmed
        found.append((digit, cue))
    if not found:
        return None, None
    return max(found)


_NEGATION = {
    *("not", "no", "never", "unable", "cannot", "failed", "impossible", "without"),
    *("pas", "jamais", "sans"),
    *("не", "ні", "без", "невозможно", "неможливо"),
    *("nicht", "kein", "keine", "nie", "ohne"),
    *("nunca", "sin", "imposible"),
    *("안", "못"),
}


def _negated(before: str) -> bool:
    """A negation among the five words before a cue ("n'a pas été en mesure de vérifier", "unable to verify")."""
    return any(w in _NEGATION for w in before.split()[-5:])


def has_stem(low: str, table: dict[str, tuple[str, ...]], lang: str) -> bool:
    key = (id(table), lang)
    if key not in _STEMS:
        _STEMS[key] = stem_pattern(table.get(lang, ()) + (table["en"] if lang != "en" else ()), lang)
    return _STEMS[key].search(low) is not None


_STEMS: dict[tuple[int, str], re.Pattern] = {}


def stem_pattern(stems, lang: str) -> re.Pattern:
    """Word-start stems, whole words ("sent$"), and phrases or Korean entries, which are looked for anywhere
    (a Korean particle follows its noun), as one regular expression. German stems of five letters or more are
    looked for anywhere too, as the head of a compound."""
    prefixes = [s for s in stems if not s.endswith("$") and " " not in s and not (lang == "ko" and HANGUL.search(s))]
    words = [s[:-1] for s in stems if s.endswith("$")]
    phrases = [s for s in stems if " " in s or (lang == "ko" and HANGUL.search(s))]
    if lang == "de":  # a compound ends in its head: "Spezialkräfte", "Panzerbrigade", "Marineinfanterie"
        heads = [s for s in prefixes if len(s) >= 5]
        prefixes = [s for s in prefixes if len(s) < 5]
        phrases += heads
    branches = [rf"(?<!\w)(?:{alternation(prefixes)})" if prefixes else None]
    branches += [rf"(?<!\w)(?:{alternation(words)})(?!\w)" if words else None]
    branches += [alternation(phrases) if phrases else None]
    return re.compile("|".join(b for b in branches if b) or "(?!)")
