"""Words that tie a sentence to the one before it, in the seven languages.

A report tells one movement over several sentences: "About 800 soldiers took part." (the count of the troops
just spoken of), "The number of fighters there is put at 4,500." (a presence at the place just named), "From
there they drove to Tapa." (the origin), "Before that they had trained in Ussuriysk." (where they came from).
geo.reading.events and geo.reading.quantities ask these questions of a casefolded clause; the word lists are in geo.reading.lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.reading import lexicon as lx
from geo.text import alternation


@lru_cache(maxsize=64)
def _whole(table_name: str, language: str) -> re.Pattern:
    """The phrases of one table as whole words (a phrase may end in an apostrophe: "d'où")."""
    phrases = getattr(lx, table_name).get(language, ())
    if not phrases:
        return re.compile("(?!)")
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)")


def there(low: str, language: str) -> bool:
    """ "there", "dort", "там", "그곳": the clause speaks of the place the sentence before named."""
    return _whole("THERE", language).search(low) is not None


def from_there(low: str, language: str) -> bool:
    """ "from there", "von dort", "оттуда": the origin is the place the sentence before named."""
    return _whole("FROM_THERE", language).search(low) is not None


def earlier(low: str, language: str) -> bool:
    """ "previously", "zuvor", "ранее": the places of the clause are where the troops were before."""
    return _whole("EARLIER", language).search(low) is not None


def of_them(after: str, language: str) -> bool:
    """Whether the words right after a number are "of them", "von ihnen", "из них": a count of the troops just
    spoken of."""
    return _whole("OF_THEM", language).match(after.lstrip()) is not None


def number_of(before: str, language: str) -> re.Match | None:
    """The last "number of", "Zahl der", "численность" in the text before a count."""
    found = list(_whole("NUMBER_OF", language).finditer(before))
    return found[-1] if found else None


def of_them_anywhere(low: str, language: str) -> bool:
    return _whole("OF_THEM", language).search(low) is not None
