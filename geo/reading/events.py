"""Events from the clauses of a report: the role of each place (origin, destination, location, an actor that
speaks, a reference point), negation and modality scope (geo.reading.cues), datelines and places of statements,
the most specific place of a phrase, and the links between sentences (geo.reading.links): an origin, a count, a
date or "there" carried from one sentence to the next when the text ties them."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from geo.gazetteer import km
from geo.model import Event, Kind, Place, Precision, Report
from geo.reading import cues as scope
from geo.reading import lexicon as lx
from geo.reading import links, when
from geo.reading.cues import find_confidence, has_stem
from geo.reading.mentions import Mention
from geo.reading.quantities import find_strength, troop_nouns, troop_words
from geo.reading.sentences import HANGUL, Tokens
from geo.reading.when import find_dates
from geo.text import alternation


def _speaks(m: Mention, tokens: Tokens, lang: str) -> bool:
    """Whether the word after a place is a verb of saying or denying: the place stands for its government."""
    k = m.last + 1
    if k >= len(tokens.texts) or m.particle is not None or not tokens.starts[k] - m.end <= 1:
        return False  # "Warsaw said", not "troops reached Kursk, said the ministry"
    return scope.says(tokens.texts[k], lang)


def _korean_particle(m: Mention, tokens) -> str | None:
    """The particle of a Korean place, or of the area noun right after it ("원산 일대에서", "개성 인근에")."""
    if m.particle is not None:
        return m.particle
    k = m.last + 1
    if k < len(tokens.texts) and tokens.starts[k] - m.end <= 1:
        word = tokens.texts[k]
        for noun in lx.AREA_AFTER.get("ko", ()):
            if word.startswith(noun) and word[len(noun) :] in lx.KO_PARTICLES:
                return word[len(noun) :]
    return None


def _role(m: Mention, tokens, lang, moving: bool, mentions_in_sentence, sentence_start: int) -> str:
    particle = _korean_particle(m, tokens) if HANGUL.match(m.text) else m.particle
    if particle is not None:
        role = lx.KO_PARTICLES.get(particle, "at")
        if role == "at" and moving and particle in {"에서"}:
            return "origin"
        return {"at": "destination" if moving else "location"}.get(role, role)
    if HANGUL.search(m.text):
        return "location"
    langs = [lang] if lang in lx.ORIGIN else list(lx.ORIGIN)
    first = max(0, m.first - 5)
    while first < m.first and tokens.starts[first] < sentence_start:
        first += 1
    before = [w.casefold() for w in tokens.texts[first : m.first]]
    genitive = len(before) >= 2 and before[-1] in _GENITIVE and before[-2] in lx.AREA_NOUNS.get(lang, ())
    before = before[-5:] if genitive else before[-3:]  # "vers le secteur d'Orikhiv": look past "secteur d'"
    # a list ("Vladivostok, Ussuriysk et Khabarovsk") takes the role of its first item
    prev_in_list = [q for q in mentions_in_sentence if q.last < m.first]
    if prev_in_list and m.first - prev_in_list[-1].last <= 3 and not _speaks(m, tokens, lang):
        between = [w.casefold() for w in tokens.texts[prev_in_list[-1].last + 1 : m.first]]
        if all(w in lx.LIST_JOINERS for w in between):
            return "list"
        # "près de Verbove et de Mala Tokmachka": the first item's preposition repeated
        first_item = prev_in_list[-1].first
        repeated = tokens.texts[first_item - 1].casefold() if first_item > 0 else None
        if len(between) == 2 and between[0] in lx.LIST_JOINERS and between[1] == repeated:
            return "list"
    if len(before) >= 2:
        pair = " ".join(before[-2:])
        if pair in lx.ORIGIN_PHRASES:  # "из-под Харькова", "з-під Бахмута"
            return "origin"
        if pair in lx.DESTINATION_PHRASES or before[-1] in lx.DESTINATION_PHRASES:  # "bound for", "в направлении"
            return "heading"
    if _speaks(m, tokens, lang):  # "Warsaw said", "Moscou dément": an actor, not a place of events
        return "subject"
    near = before[-2:]
    for w in reversed(near):
        for lg in langs:
            if w in lx.REFERENCE.get(lg, ()) or (
                w in {"of", "de", "от", "від"} and len(before) >= 2 and before[-2] in lx.REFERENCE.get(lg, ())
            ):
                return "reference"
    if before and before[-1] in lx.VIA.get(lang, ()):
        return "via"  # "через Чонгар на Херсонщину": passed through, no end of the movement
    verb = before
    if genitive:  # "captured the village of Kurakhove", "left the town of X": the verb before "the village of"
        verb = before[:-2]
        while verb and (verb[-1] in lx.DEFINITE.get(lang, ()) or verb[-1] in {"the", "a", "an"}):
            verb = verb[:-1]
    if verb and verb[-1] in lx.ORIGIN_VERBS:
        return "origin"
    if verb and verb[-1] in lx.DESTINATION_VERBS:
        return "destination"
    if _fought_at(verb, lang) and not _struck_from_afar(tokens, m, lang):
        return "location"  # "attacks on Toretsk", "штурм Часова Яра": where the troops are
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if k > 0 and w in _GENITIVE and before[k - 1] in lx.AREA_NOUNS.get(lang, ()):
            continue  # "le secteur d'Orikhiv", "en direction de Khojavend": of, not from
        if k > 0 and w in _GENITIVE and before[k - 1] in lx.LOCATION.get(lang, ()):
            return "location"  # "près de Verbove", "cerca de Bajmut": near, not from
        for lg in langs:
            if w in lx.DESTINATION.get(lg, ()):
                return "destination"
            if w in lx.ORIGIN.get(lg, ()):
                return "origin"
            if w in lx.AMBIGUOUS.get(lg, ()):
                return "destination" if moving else "location"
            if w in lx.LOCATION.get(lg, ()):
                return "location"
    return "subject"  # no preposition: "Moscou dément", "Pyongyang aurait décidé" speak of a government


VERB_FINAL = {"de"}  # languages whose subordinate clauses end in their verb (Korean places carry particles)


def _fought_at(before: list[str], lang: str) -> bool:
    """Whether the words before a place make it the object of fighting: "attacked X", "attacks on X"."""
    stems = lx.COMBAT.get(lang)
    if not stems or not before:
        return False
    if before[-1].startswith(stems):
        return True
    return len(before) >= 2 and before[-1] in lx.COMBAT_LINKS[lang] and before[-2].startswith(stems)


def _struck_from_afar(tokens: Tokens, m: Mention, lang: str) -> bool:
    """Whether drones, missiles or shelling are named near a place: an attack on it is no presence of troops."""
    stems = lx.FROM_AFAR.get(lang)
    near = tokens.texts[max(0, m.first - 12) : m.last + 12]
    return bool(stems) and any(w.casefold().startswith(stems) for w in near)


def _stated(roles, sentence: str, offset: int, lang: str, text: str, quiet: bool = False):
    """The (mention, role) pairs of a sentence that an event may be made of: not those in a clause that negates,
    denies or forecasts (geo.reading.cues), nor the place where something was said ("told reporters in Seoul",
    "In Seoul, the NIS said ...")."""
    if not quiet and scope.no_event(sentence, lang):  # only a sentence that negates, denies or forecasts is cut
        spans = scope.clauses(sentence, lang)
        barred = [scope.no_event(sentence[x:y], lang) for x, y in spans]
    else:
        spans, barred = [(0, len(sentence))], [False]
    head = sentence.lstrip()
    kept = []
    for m, r in roles:
        at = m.start - offset
        clause = next(k for k, (x, y) in enumerate(spans) if x <= at < y or k == len(spans) - 1)
        if barred[clause]:
            continue
        if m.start <= 2 and text[m.end : m.end + 1] in {",", "=", "(", "–", "—", " "} and _dateline(text, m):
            continue  # "SEOUL, Oct 18 (Reuters) -", "(서울=연합뉴스)": where the report was filed
        if r in {"location", "destination"} and m.particle is None and not quiet:
            before = sentence[max(0, at - 40) : at]
            if scope.speech_near(" ".join(before.split()[-4:]), lang):
                continue
            if lang in VERB_FINAL and scope.speech_near(" ".join(sentence[m.end - offset :].split()[:2]), lang):
                continue  # "wie das Ministerium in Minsk mitteilte": where it was said
            opening = len(sentence) - len(head)
            if (
                at - opening < 12
                and (
                    sentence[m.end - offset : m.end - offset + 2].startswith(",")
                    or find_strength(sentence, lang)[0] is None
                )
                and _statement_follows(sentence[m.end - offset :], lang)
            ):
                continue  # "In Seoul, the NIS told lawmakers ...", "В Киеве это не комментируют": where it was said
        kept.append((m, r))
    return kept


def read_events(
    report: Report, lang: str, text: str, tokens: Tokens, sentences, mentions: list[Mention]
) -> list[Event]:
    """The events of a report: per clause, who moved from where to where, when, how many, how sure; carried
    across the sentences that the text links."""
    found: list[dict] = []  # each event's fields, made into events once the report's own cue is known
    report_cue: tuple[int | None, str | None] = (None, None)
    prev_places: list[Place] = []
    last_made: list[dict] = []  # the events the sentence before made
    last_named: list[Place] = []  # the places the sentence before named, events or not
    prev_when: tuple[dt.date | None, dt.date | None, Precision] = (None, None, Precision.DAY)
    # events are read per clause that states its own (geo.reading.cues.units), mentions found per sentence
    units = [(a + x, a + y) for a, b in sentences for x, y in scope.units(text[a:b], lang)]
    # what a whole sentence states, for its clauses that state no date, count or cue of their own
    whole = {a: b for a, b in sentences}
    sentence_of = [max(a for a in whole if a <= x) for x, _ in units]
    said: dict[int, tuple] = {}

    def stated_before(k: int) -> tuple[dt.date | None, dt.date | None]:
        """The last date a clause before clause k states (places or not)."""
        for j in range(k - 1, -1, -1):
            start, end, _ = find_dates(text[units[j][0] : units[j][1]], report.published)
            if start is not None:
                return start, end
        return None, None

    def sentence_says(k: int) -> tuple:
        a = sentence_of[k]
        if a not in said:
            sent = text[a : whole[a]]
            said[a] = (find_dates(sent, report.published), find_strength(sent, lang), find_confidence(sent, lang))
        return said[a]

    unit_starts = [a for a, _ in units[1:]]
    by_sentence: dict[int, list[Mention]] = {}
    countries: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.place and m.place.resolved and m.place.feature != "country":
            by_sentence.setdefault(bisect_right(unit_starts, m.start), []).append(m)
        elif m.place and m.place.resolved:  # a country: no event of its own, but the end of a movement to it
            countries.setdefault(bisect_right(unit_starts, m.start), []).append(m)
    starts = sorted(whole)
    made_in = -1  # the sentence (its number in ``starts``) of the events in last_made
    for s, (a, b) in enumerate(units):
        sentence = text[a:b]
        ms = by_sentence.get(s, [])
        conf = find_confidence(sentence, lang)
        split = (a, b) != (sentence_of[s], whole[sentence_of[s]])  # a clause of a longer sentence
        here = bisect_right(starts, a) - 1  # the number of the sentence this clause is part of
        if not ms:
            carried = _count_carried(
                sentence, lang, split, here - made_in <= 2, prev_places, prev_when, last_made, conf, report, found
            )
            if carried:
                last_made, made_in = carried, here
            if not split:  # a cue in a sentence without places speaks for the whole report
                # (not a mere modal, "may", "sollen", "could", which speaks of what the sentence itself says)
                if conf[0] is not None and conf[0] != 3:
                    report_cue = max(report_cue, conf, key=lambda c: c[0] or 0)
                if not carried:
                    prev_places, prev_when = [], (None, None, Precision.DAY)
            continue
        named, last_named = last_named, [m.place for m in ms if m.start > 2]  # (not a dateline)
        low = sentence.casefold()
        strength, approx, unit = find_strength(sentence, lang)
        if split and strength is None:
            strength, approx, unit = sentence_says(s)[1]
        if split and conf[0] is None:
            conf = sentence_says(s)[2]
        moving = has_stem(low, lx.MOVEMENT, lang)
        # "They are housed in ...": the troops of the sentence before, and its date if this one states none
        refers_back = bool(prev_places) and (
            _refers_back(sentence, lang) or links.of_them_anywhere(low[:40], lang)  # "часть из них прибыла ..."
        )
        military = (
            strength is not None
            or refers_back
            or has_stem(text[sentence_of[s] : whole[sentence_of[s]]].casefold() if split else low, lx.MILITARY, lang)
            or troop_words(lang).search(low) is not None
        )
        if not (military or (moving and prev_places)):
            continue
        quiet = scope.quiet(low, lang)  # no negation, denial, forecast, diplomacy or speech
        if not quiet and scope.diplomatic(sentence, lang):  # a visit, talks, a conference: places, no event
            prev_places = []
            continue
        start, end, precision = find_dates(sentence, report.published)
        if start is None and split:
            start, end, precision = sentence_says(s)[0]
        if start is None and (days := when.days_after(low, lang)) is not None:
            # "the following day", "два дня спустя", "ese mismo día": after the last date stated before
            start, end = when.after(stated_before(s), low, lang, days)
            precision = Precision.DAY
        if start is None and refers_back:
            start, end, precision = prev_when
        roles: list[tuple[Mention, str]] = []
        for m in ms:
            role = _role(m, tokens, lang, moving, ms, a)
            if role == "list":
                role = roles[-1][1] if roles else "location"
            roles.append((m, role))
        if lang == "ko":  # Korean lists run forwards: "원산·함흥 일대에서", "수자와 코레네보에서" are both from
            for k in range(len(roles) - 2, -1, -1):
                item, following = roles[k][0], roles[k + 1][0]
                if item.particle in {"와", "과", "및"} or (
                    HANGUL.match(item.text)
                    and _korean_particle(item, tokens) is None
                    and following.start - item.end <= 2
                    and text[item.end : following.start].strip() in {"", "·", ",", "ㆍ"}
                ):
                    roles[k] = (item, roles[k + 1][1])
        roles = _stated(roles, sentence, a, lang, text, quiet)
        if not roles:
            prev_places = []
            continue
        if any(r == "heading" for _, r in roles):
            # "boarded a train at Chita bound for Rostov": with a place it is bound for, the place it is at is
            # where it starts, when no other origin is named
            starts_here = moving and not any(r == "origin" for _, r in roles)
            roles = [
                (m, "destination" if r == "heading" else "origin" if starts_here and r == "destination" else r)
                for m, r in roles
            ]
        roles = _town_carries_region(roles)
        if not any(r in {"origin", "destination", "location"} for _, r in roles):
            # "advanced south of Pokrovsk": with no other place, the reference point is where it happened
            roles = [(m, "location" if r in {"reference", "via"} else r) for m, r in roles]
        if moving and not any(r in {"destination", "location"} for _, r in roles) and has_stem(low, lx.REACH, lang):
            # "haben die Region Kursk erreicht": the object of a verb of reaching is where they got to
            roles = [(m, "destination" if r == "subject" else r) for m, r in roles]
        origins = [m.place for m, r in roles if r == "origin"]
        targets = _most_specific([(m, r) for m, r in roles if r in {"destination", "location"}], tokens.texts, text)
        if moving and origins and not targets:
            # "500 Soldaten aus Munster nach Litauen verlegt": a movement to a country, not a presence at its origin
            for c in countries.get(s, []):
                if _role(c, tokens, lang, True, sorted(ms + [c], key=lambda q: q.start), a) == "destination":
                    targets = [c.place]
                    break
        earlier = not moving and here - made_in <= 1 and links.earlier(low, lang)
        if earlier and not origins:  # "zuvor waren sie in Ussurijsk ausgebildet worden": where they were before
            origins = [p for p in (targets or [m.place for m, _ in roles]) if p not in prev_places]
            targets = []
        arrival_before = (
            moving
            and here - made_in <= 1
            and all(e["kind"] == Kind.MOVEMENT and e.get("origin") is None for e in last_made)
            and not _to_that_place(sentence, lang)
        )  # "3,000 arrived in the Kursk region. The trains left Khabarovsk": where the arrivals came from
        if (refers_back or earlier or arrival_before) and not targets and origins and last_made:
            # "... had been moved to the area on 12 December. They came from Korenevo.": the origin of the
            # events of the sentence before; one movement from each origin ("from Luhansk and Krasnodar")
            linked = []
            for e in last_made:
                if e.get("origin") is not None:
                    linked.append(e)
                    continue
                for o in origins:
                    if o == e["place"]:
                        continue
                    moved = dict(e, kind=Kind.MOVEMENT, origin=o, evidence=f"{e['evidence']} {sentence.strip()}")
                    if start is not None and (start, end) != prev_when[:2]:  # this sentence states its own date
                        moved.update(start=start, end=end, precision=precision)
                    if moved["strength"] is None and strength is not None:
                        moved.update(strength=strength, strength_approx=approx, unit=unit)
                    linked.append(moved)
                    if e in found:
                        found.remove(e)
                    found.append(moved)
            last_made = []
            continue
        if moving and refers_back and not targets and origins and prev_places:
            targets = prev_places[:1]
        if moving and origins and not targets and named and _to_that_place(sentence, lang):
            targets = [p for p in (prev_places or named)[:1] if p not in origins]  # "moved to the town from X"
        elif (
            moving
            and origins
            and not targets
            and prev_places
            and last_made
            and here - made_in <= 1
            and all(e["kind"] == Kind.MOVEMENT for e in last_made)
        ):
            # "... moved 3,000 soldiers to Kursk. Two days later further units arrived from Bryansk": where the
            # movement before went
            targets = [p for p in prev_places[:1] if p not in origins]
        if moving and targets and not origins and prev_places and any(r == "destination" for _, r in roles):
            origins = [p for p in prev_places[:1] if p not in targets]
        elif targets and not origins and prev_places and links.from_there(low, lang):  # "from there ... to X"
            origins = [p for p in prev_places[:1] if p not in targets]
        common = _said(report, sentence, (start, end, precision), strength, approx, unit, conf)
        if moving and origins and targets:
            # "from Smolensk and Bryansk to Baranovichi": one movement from each origin
            made = [dict(common, kind=Kind.MOVEMENT, place=t, origin=o) for t in targets for o in origins if o != t]
        elif moving and targets and any(r == "destination" for _, r in roles):
            made = [dict(common, kind=Kind.MOVEMENT, place=t) for t in targets]
        elif targets or moving:
            made = [dict(common, kind=Kind.PRESENCE, place=p) for p in (targets or origins)]
        else:  # "troops from Omsk", "des soldats venus de Bouriatie": where they come from, not where they are
            made = []
        if not made:  # nothing happened here: the sentence before stays the one linked to
            continue
        found.extend(made)
        last_made, made_in = made, here
        prev_places, prev_when = targets or origins, (start, end, precision)
    if report_cue[0] is not None:
        for e in found:
            if e["confidence"] is None:
                e.update(confidence=report_cue[0], confidence_label=report_cue[1])
    if report.title and any(e["start"] is None for e in found):
        # a date given only in the title ("Column near Dzhankoi, 26 November") dates what the text leaves undated
        start, end, precision = find_dates(report.title, report.published)
        if start is not None:
            for e in found:
                if e["start"] is None:
                    e.update(start=start, end=end, precision=precision)
    return _dedupe([Event(**e) for e in found])


def _said(report, sentence: str, when, strength, approx, unit, conf) -> dict:
    """The fields every event read from a sentence carries: when, how many, which unit, how sure, who said it."""
    start, end, precision = when
    return dict(
        start=start,
        end=end,
        precision=precision,
        strength=strength,
        strength_approx=approx,
        unit=unit,
        confidence=conf[0],
        confidence_label=conf[1],
        source=report.source,
        report_id=report.report_id,
        evidence=sentence.strip(),
    )


def _count_carried(sentence, lang, split, adjacent, prev_places, prev_when, last_made, conf, report, found):
    """A clause that names no place but speaks of the troops and the place just named. "About 1,500 soldiers
    had been moved to the area on 12 December" is a movement to it; "The number of fighters there is put at
    4,500", "30 soldiers were wounded there on Saturday" are presences at it (with their count or date); "About
    800 servicemen took part" is the strength of the events the sentence before told, when they state none.
    Returns the events it made or completed."""
    if not adjacent or not (prev_places or last_made):
        return []
    strength, approx, unit = find_strength(sentence, lang)
    low = sentence.casefold()
    if not scope.quiet(low, lang):
        return []
    there = bool(prev_places) and links.there(low, lang)
    moved_there = (
        bool(prev_places)
        and has_stem(low, lx.MOVEMENT, lang)
        and _to_that_place(sentence, lang)  # "moved to the area" ("deployed there" is where they are)
        and (strength is not None or troop_nouns(lang).search(low) is not None)
    )
    start, end, precision = find_dates(sentence, report.published) if there or moved_there else (None, None, None)
    if moved_there or (there and (strength is not None or (start is not None and troop_nouns(lang).search(low)))):
        if start is None:
            start, end, precision = prev_when
        e = dict(
            kind=Kind.MOVEMENT if moved_there else Kind.PRESENCE,
            place=prev_places[0],
            **_said(report, sentence, (start, end, precision), strength, approx, unit, conf),
        )
        found.append(e)
        return [e]
    if strength is None or split or not last_made or any(e["strength"] is not None for e in last_made):
        return []
    for e in last_made:
        e.update(strength=strength, strength_approx=approx, unit=unit, evidence=f"{e['evidence']} {sentence.strip()}")
    return last_made


@lru_cache(maxsize=16)
def _that_place_pattern(lang: str) -> re.Pattern:
    preps = lx.DESTINATION.get(lang, set()) | lx.AMBIGUOUS.get(lang, set())
    nouns = lx.PLACE_NOUNS.get(lang, ())
    return re.compile(
        rf"(?<!\w)(?:{alternation(preps)})\s+(?:(?:the|this|that|la|le|die|den|das|el|esta|este)\s+)?"
        rf"(?:{alternation(nouns)})(?!\w)"
    )


def _to_that_place(sentence: str, lang: str) -> bool:
    """ "moved to the town", "перекинули до міста": a movement to the place the sentence before named."""
    return lang in lx.PLACE_NOUNS and _that_place_pattern(lang).search(sentence.casefold()) is not None


REGION_REACH_KM = 300  # how far a region's point may lie from a town in it
_DATELINE = re.compile(r"\s*(?:[,=]|\(|[–—-]|\d)")


def _dateline(text: str, m: Mention) -> bool:
    """Whether the report opens with this place as its dateline: in capitals ("SEOUL,"), before "=" or "("
    ("(서울=연합뉴스)"), or before a comma and a date ("Kyiv, 5 October -")."""
    if _DATELINE.match(text, m.end) is None:
        return False
    after = text[m.end : m.end + 20]
    return m.text.isupper() or after[:1] in {"=", "("} or re.match(r",\s*\S{0,12}\s*\d", after) is not None


def _statement_follows(rest: str, lang: str) -> bool:
    """Whether a verb of saying comes within the next eight words, before any word of movement."""
    for w in rest.casefold().split()[:8]:
        if has_stem(w, lx.MOVEMENT, lang):
            return False
        if scope.has("SPEECH", w, lang):
            return True
    return False


def _town_carries_region(roles):
    """ "Sudzha, in the Kursk region" / "у Суджи Курской области": a region named right after a town near it
    lends the town its role, so that the town, the more specific place, carries the event."""
    out = list(roles)
    for k in range(1, len(out)):
        (t, tr), (r, rr) = out[k - 1], out[k]
        if (
            r.place.feature == "region"
            and t.place.feature not in {"region", "country"}
            and r.first - t.last <= 6
            and rr in {"destination", "location", "origin"}
            and tr not in {"destination", "location", "origin", "via"}  # "через Чонгар на Херсонщину": passed
            and _km(r.place, t.place) <= REGION_REACH_KM
        ):
            out[k - 1] = (t, rr)
    return out


def _most_specific(roles, words: list[str], text: str = "") -> list[Place]:
    """The places that carry a sentence's event: a region drops out when a town near it is named right before
    it ("in Sudzha, Kursk oblast" is Sudzha; "in the Kursk region and in Sumy" keeps both)."""
    towns = [m for m, _ in roles if m.place.feature not in {"region", "country"}]
    out = []
    for m, _ in roles:
        p = m.place
        if p.feature == "region" and any(_names_its_region(t, m, words, text) for t in towns):
            continue
        out.append(p)
    return out


def _names_its_region(town: Mention, region: Mention, words: list[str], text: str = "") -> bool:
    """A region named within four words after a town near it, with no "and" between, or within ten when they
    describe the town after a comma ("Vuhledar, a mining town in the south of the Donetsk region")."""
    if region.first <= town.last:
        return False
    between = [w.casefold() for w in words[town.last + 1 : region.first]]
    apposition = text[town.end : town.end + 1] == "," and not any(c in text[town.end + 1 : region.start] for c in ",;:")
    return (
        len(between) <= (10 if apposition else 4)
        and not any(w in lx.LIST_JOINERS for w in between)
        and _km(region.place, town.place) <= REGION_REACH_KM
    )


def _km(a: Place, b: Place) -> float:
    return km((a.lat, a.lon), (b.lat, b.lon))


def _dedupe(events: Sequence[Event]) -> list[Event]:
    """One report's events, each once (extraction sets no event_id: events differ by their content)."""
    seen, out = set(), []
    for e in events:
        k = e.content()
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


_GENITIVE = {"de", "d", "du", "del", "des", "of"}  # after an area noun: "le secteur d'Orikhiv"


_OPENING = re.compile(r"\W*(\w+)\W*(.*)", re.DOTALL)


def _refers_back(sentence: str, lang: str) -> bool:
    """Whether a sentence opens with words for what the sentence before spoke of: "They", "Ces soldats",
    "이들은" (a Korean particle is cut off first), or an article and troops ("The soldiers", "Les militaires")."""
    m = _OPENING.match(sentence)
    if not m:
        return False
    word, rest = m.group(1).casefold(), m.group(2).casefold()
    words = lx.REFER_BACK.get(lang, lx.REFER_BACK["en"])
    if word in words or (
        HANGUL.match(word) and any(word.endswith(p) and word[: -len(p)] in words for p in lx.KO_PARTICLES)
    ):
        return True
    return word in lx.DEFINITE.get(lang, ()) and troop_nouns(lang).match(rest) is not None
