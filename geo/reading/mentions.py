"""Which gazetteer hits are ordinary words, not places.

A capital letter says "proper noun" only where the writing system does not capitalise for other reasons. At the
start of a sentence every word has one, German gives one to every noun, and Hangul has no case at all: there a
word that the gazetteer knows ("March", "Mitte", "Les", "Кроме", "위해") is read as a place only when it is rare as
an ordinary word of the report's language, or names a big place. Whether a word is ordinary comes from
per-language word frequencies (wordfreq's "small" lists, loaded once per language, about 20 ms each), not from a
hand list. Acronyms ("NIS", "EU", "UN", "NATO") are organisations far more often than the place that shares their
letters, and month and weekday names are dates.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress
from operator import gt, itemgetter, ne, not_, or_

from geo.gazetteer import Candidate, Gazetteer, context_points, normalise, rank
from geo.model import Place
from geo.reading import lexicon as lx
from geo.reading.sentences import CYRILLIC, HANGUL, Tokens
from geo.reading.when import months, weekdays

# a place this big is named often enough that its name is common for its own sake ("Moscow", "Berlin", "서울")
BIG_PLACE = 1_000_000
# Zipf frequency (log10 of occurrences per billion words) from which a word is an ordinary word of the language:
# 4 is about once in 100,000 words ("Kursk" in Russian news text is 3.7, "March" in English 5.3)
COMMON_AT_SENTENCE_START = 4.0
COMMON_NOUN_DE = 4.5  # German nouns: their capital says nothing, so only the clearly common ones are doubted
COMMON_KO = 5.5  # Hangul: only the most frequent words (particles and verb forms: "위해" = "for")
# anywhere in a sentence, a very common word ("la Santé") names a small place only by chance
COMMON_ANYWHERE, SMALL_PLACE = 5.0, 100_000


@lru_cache(maxsize=16)
def _frequencies(language: str) -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # the filter is an improvement, not a requirement
        return {}
    try:
        return get_frequency_dict(language, "small")
    except (LookupError, ValueError, OSError):
        return {}


def zipf(word: str, language: str) -> float:
    """The word's Zipf frequency in the language (0 when unknown)."""
    f = _frequencies(language).get(word.casefold())
    return math.log10(f) + 9 if f else 0.0


def load(languages) -> None:
    """Load the frequency lists now (before worker processes fork, so that they share them)."""
    for lang in languages:
        _frequencies(lang)


def is_acronym(word: str) -> bool:
    """ "NIS", "EU", "NATO": two to five capitals and nothing else."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


def ordinary_word(
    word: str,
    language: str,
    *,
    sentence_start: bool,
    hangul: bool,
    population: int,
    calendar_word: bool = False,
) -> bool:
    """Whether a one-word gazetteer hit is more likely an ordinary word than the place it could name.

    ``population``: the biggest candidate's; ``calendar_word``: the word names a month or a weekday.
    """
    if population >= BIG_PLACE:
        return False
    if is_acronym(word) or calendar_word:
        return True
    if hangul:
        return zipf(word, language) >= COMMON_KO
    if sentence_start and zipf(word, language) >= COMMON_AT_SENTENCE_START:
        return True
    if language == "de" and zipf(word, language) >= COMMON_NOUN_DE:
        return True
    return population < SMALL_PLACE and zipf(word, language) >= COMMON_ANYWHERE


# -- inflected Russian and Ukrainian names ------------------------------------------------------------------
# Relational adjectives made from a town's name: "курский" <- Курск, "харківський" <- Харків, "ростовский" <-
# Ростов; and the "-щина" names of a town's region: "Херсонщина" <- Херсон. Each ending with the endings the
# town's own name may have kept before it.
_ADJECTIVE_ENDINGS = (
    ("ский", ("ск", "", "и", "ы")),
    ("ський", ("ськ", "", "и")),
    ("цький", ("цьк", "ці")),
    ("цкий", ("цк",)),
)
# the words after such an adjective that make it name an area
AREA_NOUNS = ("област", "обл", "направлен", "напрям", "район", "округ", "край", "громад", "губерн", "приморь")
_REGION_SUFFIXES = (("щина", ("", "ськ")), ("ччина", ("цьк", "к")))


@lru_cache(maxsize=4)
def _analyzer(language: str):
    """pymorphy3's analyser for ru or uk, or None when it (or its dictionary) is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except (ImportError, ValueError, OSError):
        return None


def load_morphology(languages) -> None:
    for lang in languages:
        if lang in {"ru", "uk"}:
            _analyzer(lang)


@lru_cache(maxsize=1 << 16)
def lemma_keys(word: str, language: str, next_word: str = "") -> tuple[tuple[str, bool], ...]:
    """The dictionary forms a Cyrillic word may stand for, as lower-case keys to look up, each with whether it
    names a region (a "-щина" name, or a relational adjective: "Курской области" is the area of Kursk).

    "Харькова" -> харьков; "Миколаєва" -> миколаїв; "Ростовської" -> ростов (region); "Херсонщину" -> херсон
    (region). An adjective counts only before a word for an area ("области", "напрямку"): "Черноморского флота"
    is a fleet.
    """
    lang = language if language in {"ru", "uk"} else ("uk" if any(c in word for c in "іїєґІЇЄҐ") else "ru")
    morph = _analyzer(lang)
    if morph is None:
        return ()
    area = next_word.casefold().startswith(AREA_NOUNS)
    out: list[tuple[str, bool]] = []
    parses = sorted(morph.parse(word)[:4], key=lambda p: p.tag.POS == "ADJF")  # nouns first
    for p in parses:
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "ADJF":
            if not area:
                continue
            for end, stems in _ADJECTIVE_ENDINGS:
                if lemma.endswith(end) and len(lemma) > len(end) + 2:
                    out += [(lemma[: -len(end)] + s, True) for s in stems]
            continue
        for end, stems in _REGION_SUFFIXES:
            if lemma.endswith(end) and len(lemma) > len(end) + 2:
                out += [(lemma[: -len(end)] + s, True) for s in stems]
        out.append((lemma, False))
    return tuple(dict.fromkeys(k for k in out if k[0] != word.casefold()))


# a lower-case adjective before a word for an area: "на курское направление", "у сумському напрямку"
PLACE_ADJECTIVE = re.compile(
    r"(?<![\w-])([а-яёіїєґ'’]{2,}(?:ск|цк|зк)(?:ое|ий|ая|ой|ого|ому|ом|ые|ых|ої|ій|е|а|у|у|ого|им|ою))\s+(?="
    + "|".join(AREA_NOUNS)
    + ")"
)


@lru_cache(maxsize=1 << 14)
def modifies_noun(word: str, next_word: str, language: str) -> bool:
    """ "Черноморского флота", "Курская битва": a place's adjective before an ordinary noun (not a word for an
    area) names a thing, not a place. Only where pymorphy3 reads the word as an adjective and the next as a noun."""
    lang = language if language in {"ru", "uk"} else "ru"
    morph = _analyzer(lang)
    if morph is None or not next_word[:1].islower() or next_word.casefold().startswith(AREA_NOUNS):
        return False
    if len(next_word) < 4 or not all(p.tag.POS == "ADJF" for p in morph.parse(word)[:3]):
        return False
    following = morph.parse(next_word)[:3]
    if following[0].tag.POS != "NOUN" or any(p.tag.POS in {"PREP", "CONJ", "PRCL"} for p in following):
        return False
    # and it agrees with the noun: "Двуречной противник" (genitive, then nominative) is a place and a subject
    adjectives = [morph.parse(word)[0].tag]  # its likeliest reading
    nouns = [p.tag for p in following if p.tag.POS == "NOUN"]
    return any(
        a.case == n.case and a.number == n.number and (a.number == "plur" or not n.gender or a.gender == n.gender)
        for a in adjectives
        for n in nouns
    )


# -- finding toponyms --------------------------------------------------------------------------------------
MAX_NGRAM = 4


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    first: int  # token index of the first and last token in the report
    last: int
    candidates: tuple[Candidate, ...]
    particle: str | None = None  # Korean: the particle cut off the name
    place: Place | None = None
    kinds: tuple[str, ...] | None = None  # how each candidate matched, when found by another spelling

    def to_contract(self) -> dict:
        p = self.place
        return {
            "mention": self.text,
            "start": self.start,
            "end": self.end,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "country": p.country,
            "feature": p.feature,
            "geonameid": p.geonameid,
        }


class MentionFinder:
    """Find the toponyms of a text with the offline gazetteer, and resolve them together (the places of one report
    are each other's context)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        load(lx.LANGUAGES)
        # prose repeats its words and names: each is looked up once while it is in these caches
        self._lookup = lru_cache(maxsize=1 << 17)(self._lookup_uncached)
        self._longest_name = lru_cache(maxsize=1 << 17)(self.gazetteer.longest_name)
        self._inflected = lru_cache(maxsize=1 << 16)(self._inflected_uncached)
        self._ordinary_seen: dict[tuple[str, str, bool], bool] = {}
        # another spelling of a name (transliterations, sound keys, Korean romanisations): the gazetteer's own
        # matching, where it offers one (Gazetteer.find), for capitalised words no name starts with
        self._respelled = lru_cache(maxsize=1 << 16)(self._respelled_uncached)
        self._no_spelling: set[tuple[str, str]] = set()
        self._find = getattr(gazetteer, "find", None)
        load_morphology(lx.LANGUAGES)

    def _respelled_uncached(self, surface: str) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
        """Candidates for a name the exact lookups miss ("Tschassiw Jar", "Assipowitschy"), and how each matched.
        (Korean words are left to the exact lookups: the sound keys of ordinary words, "지난", "캠프", find
        villages.)"""
        if self._find is None:
            return (), ()
        return self._find(surface)

    def _another_spelling(self, text, tokens: Tokens, i: int, sent_of, capital, sentence_starts, lang):
        """A mention of up to three capitalised words starting at word i, found by another spelling."""
        words = tokens.texts
        last = i
        while last + 1 < len(words) and last - i < 2 and sent_of[last + 1] == sent_of[i] and capital[last + 1]:
            if tokens.starts[last + 1] - tokens.ends[last] > 1:  # one space or hyphen between the words of a name
                break
            last += 1
        if last == i and (words[i], lang) in self._no_spelling:  # a word alone, known to be no name (most are)
            return None
        if _function_word(words[i].casefold(), lang) or words[i].casefold() in _PREPOSITIONS.get(lang, ()):
            return None  # "До Кремінної": the preposition is not part of the name (the next word is tried alone)
        for j in range(last, i - 1, -1):
            surface = text[tokens.starts[i] : tokens.ends[j]]
            if j == i and (len(surface) < 4 or _function_word(surface.casefold(), lang)):
                continue
            cands, kinds = self._respelled(surface)
            if not cands and j == i == last:
                self._no_spelling.add((words[i], lang))
            if CYRILLIC.match(surface) and j == i and tokens.starts[i] in sentence_starts:
                # a Cyrillic word opening a sentence: its lemmas, not its sound ("Колонн" is no Köln)
                kept = [(c, k) for c, k in zip(cands, kinds) if "sound" not in k]
                cands, kinds = tuple(c for c, _ in kept), tuple(k for _, k in kept)
            if not cands:
                continue
            if j == i and self._ordinary(words[i], surface, None, cands, lang, tokens.starts[i], text, sentence_starts):
                return None
            if self._person_or_org(text, tokens, True, i, j, sent_of, sentence_starts, lang):
                return None
            start, end = tokens.starts[i], tokens.ends[j]
            return Mention(start, end, surface, sent_of[i], i, j, cands, kinds=kinds)
        return None

    def _lookup_uncached(self, surface: str) -> tuple[tuple[Candidate, ...], str | None]:
        """The candidates for a run of words, and the Korean particle cut off to find them."""
        key = normalise(surface)
        cands = self.gazetteer.lookup_key(key)
        if cands or surface.isascii():
            return cands, None
        if CYRILLIC.search(surface):
            return self.gazetteer.lookup_stem(surface), None
        if HANGUL.search(surface):
            for particle in sorted(lx.KO_PARTICLES, key=len, reverse=True):
                if key.endswith(particle) and len(key) > len(particle) + 1:
                    stem = key[: -len(particle)]
                    found = self.gazetteer.lookup_key(stem)
                    if not found and stem.endswith(lx.KO_PLACE_SUFFIXES) and len(stem) > 2:
                        found = self.gazetteer.lookup_key(stem[:-1])
                    if found:
                        return found, particle
            if key.endswith(lx.KO_PLACE_SUFFIXES) and len(key) > 2:
                return self.gazetteer.lookup_key(key[:-1]), None
        return (), None

    def find(self, text, tokens: Tokens, sent_of, sentences, lang) -> list[Mention]:
        words = tokens.texts
        n_tokens = len(words)
        # A name starts at a word that could be in one (a capital, or no case at all: Hangul carries its
        # particles) or at most MAX_NGRAM - 1 words before one ("de Gaulle"): only those words are tried,
        # and they are found by passes that run no Python code per word.
        initials = list(map(itemgetter(0), words))
        cased = list(map(ne, map(str.upper, initials), map(str.lower, initials)))
        capital = list(map(str.isupper, initials))
        number = list(map(str.isdigit, words))  # no name has a number in it
        hopeful = list(compress(range(n_tokens), map(gt, map(or_, capital, map(not_, cased)), number)))
        tried = set().union(*(map(back.__add__, hopeful) for back in range(1 - MAX_NGRAM, 1)))
        tried = sorted(tried.difference(range(1 - MAX_NGRAM, 0)))
        sentence_starts = {a for a, _ in sentences}
        cyrillic = lang in {"ru", "uk"} or CYRILLIC.search(text) is not None  # inflected names to look up
        mentions: list[Mention] = []
        after = 0  # the first word not inside a mention found already
        for i in tried:
            if i < after:
                continue
            longest = MAX_NGRAM
            if cased[i]:
                # a cased word that starts no name in the gazetteer starts no mention, nor one without a capital
                # within reach ("de Gaulle", but not "de la")
                longest = min(self._longest_name(words[i]), MAX_NGRAM)
                if not longest and cyrillic and capital[i] and CYRILLIC.match(words[i]):
                    # an inflected form the stems miss: "Харькова", "Ростовської області", "Херсонщину"
                    nxt = words[i + 1] if i + 1 < n_tokens and sent_of[i + 1] == sent_of[i] else ""
                    cands = self._inflected(words[i], nxt, lang)
                    if not cands and self._find is not None:  # the gazetteer's own lemmas: "Дворічної"
                        found_by_spelling = self._another_spelling(
                            text, tokens, i, sent_of, capital, sentence_starts, lang
                        )
                        if found_by_spelling:
                            mentions.append(found_by_spelling)
                            after = found_by_spelling.last + 1
                        continue
                    if (
                        cands
                        and not self._ordinary(
                            words[i], words[i], None, cands, lang, tokens.starts[i], text, sentence_starts
                        )
                        and not _inside_longer_name(text, tokens, i, sent_of, sentence_starts)
                    ):
                        start, end = tokens.starts[i], tokens.ends[i]
                        mentions.append(Mention(start, end, text[start:end], sent_of[i], i, i, cands))
                        after = i + 1
                    continue
                if not longest and capital[i] and self._find is not None and not CYRILLIC.match(words[i]):
                    found_by_spelling = self._another_spelling(text, tokens, i, sent_of, capital, sentence_starts, lang)
                    if found_by_spelling:
                        mentions.append(found_by_spelling)
                        after = found_by_spelling.last + 1
                    continue
                if not longest or not (capital[i] or True in capital[i : i + longest]):
                    continue
            # the spans i..j to try, longest first: no longer than a name starting so, within the sentence, up
            # to the next number
            last = min(i + longest, n_tokens) - 1
            if True in number[i : last + 1]:
                last = number.index(True, i) - 1
            last = i + sent_of[i : last + 1].count(sent_of[i]) - 1
            found = None
            if cyrillic and cased[i] and capital[i] and CYRILLIC.match(words[i]):
                # a name the stems miss ("Харькова"): its dictionary form, if it is a one-word name
                nxt = words[i + 1] if i + 1 < n_tokens and sent_of[i + 1] == sent_of[i] else ""
                if not self._lookup(words[i])[0] and (cands := self._inflected(words[i], nxt, lang)):
                    found = (i, words[i], cands, None, None)
            for j in range(last, i - 1, -1):
                # in a cased script, a name has a capital in it (a name of one word, two letters or more)
                if cased[i] and not (True in capital[i : j + 1] if j > i else capital[i] and len(words[i]) >= 2):
                    continue
                surface = text[tokens.starts[i] : tokens.ends[j]]
                cands, particle = self._lookup(surface)
                if cands:
                    found = (j, surface, cands, particle, None)
                    break
            if found is None and cased[i] and capital[i] and self._find is not None:
                # a name the exact and lemma lookups miss ("Краматорську", "Часового Яру"): another spelling
                found_by_spelling = self._another_spelling(text, tokens, i, sent_of, capital, sentence_starts, lang)
                if found_by_spelling:
                    mentions.append(found_by_spelling)
                    after = found_by_spelling.last + 1
                continue
            if found and not self._person_or_org(text, tokens, cased[i], i, found[0], sent_of, sentence_starts, lang):
                j, surface, cands, particle, kinds = found
                if i == j and self._ordinary(
                    words[i], surface, particle, cands, lang, tokens.starts[i], text, sentence_starts
                ):
                    continue
                if (
                    i == j
                    and cyrillic
                    and j + 1 < n_tokens
                    and sent_of[j + 1] == sent_of[j]
                    and modifies_noun(words[j], words[j + 1], lang)
                ):
                    continue  # "Черноморского флота": a fleet, not a town
                start, end = tokens.starts[i], tokens.ends[j] - (len(particle) if particle else 0)
                mentions.append(Mention(start, end, text[start:end], sent_of[i], i, j, cands, particle, kinds=kinds))
                after = j + 1
        if cyrillic:
            mentions = self._place_adjectives(text, tokens, sent_of, lang, mentions)
        return mentions

    def _place_adjectives(self, text, tokens: Tokens, sent_of, lang, found: list[Mention]) -> list[Mention]:
        """Lower-case adjectives of a place before an area word ("на курское направление"): the area of that place."""
        taken = {k for m in found for k in range(m.first, m.last + 1)}
        extra = []
        for hit in PLACE_ADJECTIVE.finditer(text):
            k = bisect_right(tokens.starts, hit.start()) - 1
            if k in taken or k + 1 >= len(tokens.texts) or tokens.starts[k] != hit.start():
                continue
            cands = self._inflected(hit.group(1), tokens.texts[k + 1], lang)
            if cands:
                extra.append(Mention(hit.start(), hit.end(1), hit.group(1), sent_of[k], k, k, cands))
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def _inflected_uncached(self, word: str, next_word: str, lang: str) -> tuple[Candidate, ...]:
        """Candidates for a Russian or Ukrainian word through its dictionary forms (geo.reading.mentions)."""
        for key, region in lemma_keys(word, lang, next_word):
            cands = self.gazetteer.lookup_key(normalise(key))
            if cands:
                if region:  # the area named after a town: its point stands for the area
                    cands = tuple(replace(c, feature="region") if c.feature == "city" else c for c in cands)
                return cands
        return ()

    def _ordinary(self, word, surface, particle, cands, lang, start, text, sentence_starts) -> bool:
        """A one-word hit that is an ordinary word of the language, an acronym or a date word (geo.reading.mentions)."""
        if particle is not None:
            return False  # a Korean name with its particle cut off is a noun
        hangul = bool(HANGUL.search(word))
        before = text[max(0, start - 3) : start].rstrip()
        # the first word of a sentence, of a quote, or after a dateline ("KHERSON, 12 janvier (AFP) – Les ...")
        opening = start in sentence_starts or not before or before[-1] in '"«“„(–—-:'
        key = (word, lang, opening)
        if key not in self._ordinary_seen:  # one word, one answer: its candidates are the word's
            low = word.casefold()
            self._ordinary_seen[key] = ordinary_word(
                word,
                lang,
                sentence_start=opening,
                hangul=hangul,
                population=max((c.population or 0 for c in cands), default=0),
                calendar_word=not hangul and (low in months() or low in weekdays()),
            )
        return self._ordinary_seen[key]

    @staticmethod
    def _person_or_org(text, tokens: Tokens, cased, i, j, sent_of, sentence_starts, lang) -> bool:
        """ "General Park", "Mark Rutte", "Park Jong-il": a place name inside a longer proper name is not a place.
        ``cased``: whether the name's first word is in a cased script."""
        if not cased:
            return False
        words, starts, ends = tokens.texts, tokens.starts, tokens.ends
        prev = words[i - 1].casefold() if i > 0 and sent_of[i - 1] == sent_of[i] else None
        if prev in lx.TITLES:
            return True
        if i == j and starts[i] in sentence_starts and _function_word(words[i].casefold(), lang):
            return True
        if lang == "de":  # German capitalises every noun: adjacency says nothing
            return False
        k = j + 1  # the word after the name
        if (
            k < len(words)
            and sent_of[k] == sent_of[j]
            and words[k][:1].isupper()
            and not (len(words[k]) > 1 and words[k].isupper())  # "у Краматорську СБУ ...": an acronym follows
            and text[ends[j] : starts[k]] in _ADJACENT
            and starts[k] not in sentence_starts
            and not (k + 1 < len(words) and words[k + 1].casefold() in lx.REGION_WORDS)  # "Суджи Курской области"
        ):
            return True
        if (
            prev
            and words[i - 1][:1].isupper()
            and text[ends[i - 1] : starts[i]] in _ADJACENT
            and not _function_word(prev, lang)
            and prev not in _PREPOSITIONS.get(lang, ())  # "Поблизу Білогорівки": a preposition opening a sentence
        ):
            return True  # "Mark Berlin": a first name before it, even at the start of a sentence
        return False

    # - resolving -
    @staticmethod
    def _rank(m: Mention, context=()):
        # a name in capitals of five letters or more is a dateline ("МОСКВА, 6 ноября"), not an acronym
        name = m.text.title() if len(m.text) >= 5 and m.text.isupper() else m.text
        if m.kinds is None:
            return rank(name, m.candidates, context)
        return rank(name, m.candidates, context, kinds=m.kinds)  # found by another spelling: say how

    def resolve(self, mentions: list[Mention]) -> None:
        """Each mention in the context of the report's other places (not of its own repeats)."""
        first = {}  # a report repeats its places: each name, with its candidates, is ranked once
        for m in mentions:
            if (m.text, id(m.candidates)) not in first:
                first[m.text, id(m.candidates)] = (normalise(m.text), self._rank(m))
        places: dict[tuple[str, int], Place] = {}
        for m in mentions:
            key = (m.text, id(m.candidates))
            if key not in places:
                own = first[key][0]
                others = [r for name, r in first.values() if name != own]
                places[key] = self._rank(m, context_points(others)).to_place(m.text)
            m.place = places[key]


_PREPOSITIONS = {
    lang: frozenset().union(*(t.get(lang, ()) for t in (lx.ORIGIN, lx.DESTINATION, lx.AMBIGUOUS, lx.LOCATION)))
    for lang in lx.LANGUAGES
}


def mark_regions(mentions: list[Mention], tokens: Tokens, sent_of) -> None:
    """A town's name with a word for a region next to it ("la región de Donetsk", "Kursk oblast") names the
    region: its point stands for the region, and a town named with it carries the event."""
    words = tokens.texts
    for m in mentions:
        p = m.place
        if p is None or p.feature != "city":
            continue
        for k in (m.first - 2, m.first - 1, m.last + 1):
            if 0 <= k < len(words) and sent_of[k] == m.sentence and words[k].casefold() in lx.REGION_WORDS:
                m.place = replace(p, feature="region")
                break


def _inside_longer_name(text: str, tokens: Tokens, i: int, sent_of, sentence_starts) -> bool:
    """ "Часового Яру": a word right after another capitalised word (not the sentence's first) is part of a
    longer name the gazetteer does not know, not a name of its own."""
    if i == 0 or sent_of[i - 1] != sent_of[i]:
        return False
    prev = tokens.texts[i - 1]
    return (
        prev[:1].isupper()
        and tokens.starts[i - 1] not in sentence_starts
        and text[tokens.ends[i - 1] : tokens.starts[i]] in _ADJACENT
    )


_ADJACENT = {" ", "-", "\u00a0"}  # what joins the words of one proper name


def _function_word(low: str, lang: str) -> bool:
    return low in lx.FUNCTION_WORDS.get(lang, set()) or low in lx.FUNCTION_WORDS["en"]
