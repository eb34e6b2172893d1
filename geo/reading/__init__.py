"""Reading reports (see DESIGN.md, geo/reading/): one module per question a report is asked.

- ``sentences``: sentences, words with their offsets, the language of a text that states none;
- ``mentions``: toponyms found with the gazetteer, ordinary words and acronyms told from names, resolved together;
- ``when``: the date grammar of the seven languages (absolute, ranges, nights, weeks, weekdays, relative ones);
- ``quantities``: troop strengths (number words, Korean numerals; losses, equipment and ranges skipped);
- ``cues``: confidence cues, negation, denial, forecast, diplomacy and speech, clauses;
- ``links``: the words that tie a sentence to the one before it ("there", "from there", "of them");
- ``events``: clause roles and events, carried across the sentences that the text links.

``geo.extraction`` is the facade: ``Extractor.extract(report)`` runs them in that order.
"""
