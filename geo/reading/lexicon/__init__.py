"""The word lists the reader reads prose with: one file per language (en, fr, ru, uk, ko, de, es), each defining
the same tables, described once here.

These are general grammar and domain words (prepositions, movement verbs, words for troops), not names from any
particular report. Month and weekday names come from Babel (CLDR), not from here. Cyrillic and Latin entries are
stems: a word matches when it starts with one (so "перекинули" matches "перекину"); an entry ending in "$" must be
the whole word ("sent$" is not "sentence").

The readers use each table in one of two layouts, built here from the language files:

- ``per-language``: ``{language: words}``, only the languages that have words (``lx.MOVEMENT["de"]``);
- ``merged``: every language's words in one collection, for words that are read whatever the report's language
  (``w in lx.APPROXIMATE``).

A language file holds a table's words under the name in ``Table.file_name`` (Korean's particles are ``PARTICLES``
in ko.py and ``KO_PARTICLES`` here).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

LANGUAGES = ("en", "fr", "ru", "uk", "ko", "de", "es")


@dataclass(frozen=True)
class Table:
    name: str  # as the readers use it: lx.NAME
    file_name: str  # as each language file defines it
    layout: str  # "per-language" or "merged"
    kind: type  # set, tuple, dict or str (a regular-expression piece)
    help: str


TABLES = (
    Table(
        "ORIGIN",
        "ORIGIN",
        "per-language",
        set,
        "The role a place plays, from the word before it. 'ambiguous' words (à, в, на, in) mean 'to' in a sentence about a movement and 'at' otherwise.",
    ),
    Table(
        "DESTINATION",
        "DESTINATION",
        "per-language",
        set,
        "prepositions before the place a movement goes to ('to', 'vers', 'nach', 'в' + accusative)",
    ),
    Table(
        "AMBIGUOUS",
        "AMBIGUOUS",
        "per-language",
        set,
        "prepositions that mean 'to' in a sentence about a movement and 'at' otherwise (à, в, на, in)",
    ),
    Table(
        "LOCATION",
        "LOCATION",
        "per-language",
        set,
        "prepositions before the place where something is ('near', 'près de', 'bei', 'под')",
    ),
    Table(
        "REFERENCE",
        "REFERENCE",
        "per-language",
        set,
        "'west of X': X is a reference point, not where anything happened",
    ),
    Table(
        "LIST_JOINERS",
        "LIST_JOINERS",
        "merged",
        set,
        "words that join the places of a list ('Luhansk and Krasnodar'): they share one role",
    ),
    Table("KO_PARTICLES", "PARTICLES", "merged", dict, "Korean marks a noun's role with a particle after it"),
    Table(
        "KO_PLACE_SUFFIXES",
        "PLACE_SUFFIXES",
        "merged",
        tuple,
        "Korean: a syllable that makes a name a port, station, city or province (청진항)",
    ),
    Table(
        "TITLES",
        "TITLES",
        "merged",
        set,
        "titles before a name: the capitalised word after one is a person, not a place ('General Park')",
    ),
    Table("MOVEMENT", "MOVEMENT", "per-language", tuple, "Stems of words that say something moved"),
    Table(
        "MILITARY",
        "MILITARY",
        "per-language",
        tuple,
        "Stems of words for troops, units and military things: a sentence needs one (or a movement word right after a sentence that had events, for 'They were moved ...') before its places become events.",
    ),
    Table(
        "TROOP_NOUNS",
        "TROOP_NOUNS",
        "per-language",
        tuple,
        "Words for troops a number counts ('1 500 soldiers', '3 тисяч військових')",
    ),
    Table("THOUSAND", "THOUSAND", "merged", dict, "multiplier words after a number: word -> factor"),
    Table(
        "APPROXIMATE",
        "APPROXIMATE",
        "merged",
        set,
        "words before a number that make it approximate ('about 800', 'rund 7.000')",
    ),
    Table("LAST_WEEK", "LAST_WEEK", "merged", tuple, "Relative dates, resolved against the report's publication date"),
    Table("THIS_WEEK", "THIS_WEEK", "merged", tuple, "'this week': the Monday to Sunday of the publication day"),
    Table(
        "WEEKEND",
        "WEEKEND",
        "merged",
        tuple,
        "'at the weekend': the Saturday and Sunday before the report (its own when it is published on one)",
    ),
    Table("YESTERDAY", "YESTERDAY", "merged", tuple, "'yesterday': the day before publication"),
    Table("TODAY", "TODAY", "merged", tuple, "'today': the publication day"),
    Table(
        "NOW",
        "NOW",
        "merged",
        tuple,
        "words that date what a sentence says to the day the report was published, as 'today' does",
    ),
    Table(
        "REFER_BACK",
        "REFER_BACK",
        "per-language",
        set,
        "words that open a sentence about what the sentence before spoke of ('They were moved', 'Ces soldats'): such a sentence that states no date of its own takes that sentence's",
    ),
    Table(
        "DEFINITE",
        "DEFINITE",
        "per-language",
        set,
        "definite articles: followed by a word for troops, they too open a sentence about the troops just spoken of",
    ),
    Table(
        "RANGE_JOINERS",
        "RANGE_JOINERS",
        "merged",
        str,
        "what joins the two ends of a date range ('5-6', '5 to 6', 'du 5 au 6'), as regular-expression pieces",
    ),
    Table(
        "FUNCTION_WORDS",
        "FUNCTION_WORDS",
        "per-language",
        set,
        "Articles, pronouns, prepositions and other words that start sentences: capitalised there, they are not names even when a small town somewhere bears them ('Les', 'Des', 'Selon', 'Die').",
    ),
    Table(
        "ORIGIN_VERBS",
        "ORIGIN_VERBS",
        "merged",
        set,
        "Verbs whose object is where a movement starts or ends ('left Khabarovsk', 'reached Kursk')",
    ),
    Table(
        "DESTINATION_VERBS",
        "DESTINATION_VERBS",
        "merged",
        set,
        "verbs whose object is where a movement ends ('reached Kursk', 'entered the town')",
    ),
    Table(
        "MONTH_CUES",
        "MONTH_CUES",
        "merged",
        set,
        "Words before a lone month name that make it a date ('late November', 'Ende November', 'en novembre')",
    ),
    Table(
        "NEGATION",
        "NEGATION",
        "per-language",
        tuple,
        "Same shape as MOVEMENT: stems matched at a word's start, '$' for a whole word, phrases and Korean anywhere. A clause with one of these states no event: its places are places only.",
    ),
    Table(
        "NOT_NEGATING",
        "NOT_NEGATING",
        "per-language",
        tuple,
        "a negation in front of one of these is no negation of the event: 'no fewer than', 'not only'",
    ),
    Table(
        "VERIFY",
        "VERIFY",
        "per-language",
        tuple,
        "a negation in front of one of these doubts a report ('could not be confirmed'): that is a confidence cue",
    ),
    Table(
        "DENIAL",
        "DENIAL",
        "per-language",
        tuple,
        "words of denial: a clause with one states no event ('Moscow denied that ...')",
    ),
    Table(
        "FORECAST",
        "FORECAST",
        "per-language",
        tuple,
        "said of what is to come, or of what might be: a forecast, a plan, a possibility",
    ),
    Table(
        "DIPLOMACY",
        "DIPLOMACY",
        "per-language",
        tuple,
        "diplomacy and talk: a sentence about a visit, a meeting or a conference states no deployment",
    ),
    Table(
        "SPEECH",
        "SPEECH",
        "per-language",
        tuple,
        "saying something: a place next to one is where it was said ('told reporters in Seoul'), not where troops are",
    ),
    Table(
        "CLAUSE_JOINERS",
        "CLAUSE_JOINERS",
        "per-language",
        tuple,
        "words that join two clauses of one sentence: a negation or a forecast in one leaves the other alone",
    ),
    Table(
        "CASUALTY",
        "CASUALTY",
        "per-language",
        tuple,
        "A count near one of these is of losses or of equipment, not of troops present (geo.reading.quantities)",
    ),
    Table(
        "NIGHT_TO",
        "NIGHT_TO",
        "merged",
        tuple,
        "'the night to 29 October' (в ночь на 29 октября) is the night from the 28th to the 29th",
    ),
    Table(
        "SINCE",
        "SINCE",
        "merged",
        tuple,
        "'since October': the start of a longer stretch, not the day an event happened",
    ),
    Table(
        "AREA_NOUNS",
        "AREA_NOUNS",
        "per-language",
        set,
        "area nouns: 'de'/'d''/'of' after one of them is a genitive ('le secteur d'Orikhiv'), not 'from'",
    ),
    Table(
        "REGION_WORDS",
        "REGION_WORDS",
        "merged",
        set,
        "a place named with one of these next to it is a region ('la región de Donetsk', 'Kursk oblast', 'Gebiet Donezk')",
    ),
    Table(
        "REACH",
        "REACH",
        "per-language",
        tuple,
        "a verb saying troops got somewhere: its object is where they got to ('die Region Kursk erreicht')",
    ),
    Table(
        "ORIGIN_PHRASES",
        "ORIGIN_PHRASES",
        "merged",
        set,
        "two-word prepositions (as the tokens give them, hyphens dropped)",
    ),
    Table(
        "DESTINATION_PHRASES",
        "DESTINATION_PHRASES",
        "merged",
        set,
        "phrases before the place a movement heads for ('bound for', 'en direction de', 'rumbo a')",
    ),
    Table(
        "PLACE_NOUNS",
        "PLACE_NOUNS",
        "per-language",
        tuple,
        "words for 'the town', 'the area': after 'to', a movement to the place just named",
    ),
    Table(
        "THERE",
        "THERE",
        "per-language",
        tuple,
        "'there', 'at that place': a sentence with a count and no name of its own speaks of the place just named",
    ),
    Table(
        "FROM_THERE",
        "FROM_THERE",
        "per-language",
        tuple,
        "'from there': the origin of a movement is the place just named",
    ),
    Table(
        "EARLIER",
        "EARLIER",
        "per-language",
        tuple,
        "'previously', 'before that': a sentence about the troops just spoken of, naming where they were before, names the origin of their movement",
    ),
    Table(
        "OF_THEM",
        "OF_THEM",
        "per-language",
        tuple,
        "'of them': a count whose noun is the troops just spoken of ('7,000 of them', 'rund 7.000 von ihnen')",
    ),
    Table(
        "NUMBER_OF",
        "NUMBER_OF",
        "per-language",
        tuple,
        "'the number of soldiers ... is estimated at 4,500': a count whose troop noun comes before it",
    ),
    Table(
        "NEXT_DAYS",
        "NEXT_DAYS",
        "per-language",
        tuple,
        "a date relative to the last date stated before: (phrase, days after it); 'the same day' is 0. 'N days later' is DAYS_LATER below.",
    ),
    Table(
        "DAYS_LATER",
        "DAYS_LATER",
        "per-language",
        str,
        "'two days later', 'трое суток спустя': a number (digits or a number word) and these words after it",
    ),
    Table(
        "SMALL_NUMBERS",
        "SMALL_NUMBERS",
        "per-language",
        dict,
        "the numbers up to a week in words, for 'two days later' where text2num does not reach (ru, uk, de, es small)",
    ),
    Table(
        "COMBAT",
        "COMBAT",
        "per-language",
        tuple,
        "stems of words of fighting ('attacks', 'assaut', 'штурм'): the place they act on, right after them or after"
        " one of COMBAT_LINKS ('attacks on Toretsk', 'Angriffe auf Torezk'), is where the troops are",
    ),
    Table("COMBAT_LINKS", "COMBAT_LINKS", "per-language", tuple, "prepositions between a word of COMBAT and its place"),
    Table(
        "FROM_AFAR",
        "FROM_AFAR",
        "per-language",
        tuple,
        "stems of weapons that strike from afar (drones, missiles, shelling): near one, an attack on a place puts no"
        " troops there",
    ),
    Table(
        "VIA",
        "VIA",
        "per-language",
        tuple,
        "prepositions of a place passed through ('via', 'через'): no end of a movement",
    ),
    Table(
        "AREA_AFTER",
        "AREA_AFTER",
        "per-language",
        tuple,
        "Korean nouns for an area after a place ('원산 일대에서'): the place takes the particle they carry",
    ),
    Table("LAST_MONTH", "LAST_MONTH", "merged", tuple, "'last month': the calendar month before the publication day's"),
    Table(
        "THIS_MONTH", "THIS_MONTH", "merged", tuple, "'this month', 'earlier this month': the publication day's month"
    ),
    Table(
        "VAGUE", "VAGUE", "merged", set, "words before a multiplier that leave the count unknown ('several thousand')"
    ),
)

FILES = {lang: importlib.import_module(f"{__name__}.{lang}") for lang in LANGUAGES}


def _build(t: Table):
    values = {lang: getattr(FILES[lang], t.file_name) for lang in LANGUAGES}
    if t.layout == "per-language":
        return {lang: t.kind(v) for lang, v in values.items() if v}
    if t.kind is dict:
        return {k: v for lang in LANGUAGES for k, v in values[lang].items()}
    if t.kind is set:
        return {w for v in values.values() for w in v}
    if t.kind is str:  # regular-expression pieces: longest first, so "et\s+le" is tried before "et"
        pieces = dict.fromkeys(p for v in values.values() for p in v)
        return "(?:" + "|".join(sorted(pieces, key=len, reverse=True)) + ")"
    return tuple(dict.fromkeys(w for v in values.values() for w in v))


globals().update({t.name: _build(t) for t in TABLES})
