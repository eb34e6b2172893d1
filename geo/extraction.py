"""Read free-text reports: the facade over geo.reading, and the runs over many reports (worker processes).

The pipeline, per report:

1. split into sentences and word tokens with their offsets (geo.reading.sentences);
2. find toponyms and resolve them together, so the places of one report are each other's context
   (geo.reading.mentions);
3. per clause, read dates (geo.reading.when), a strength (geo.reading.quantities) and confidence, negation and
   modality (geo.reading.cues), and make events from the roles of the places, carried across the sentences the
   text links (geo.reading.events, geo.reading.links).

The readers' public functions are re-exported here for the callers of the flat layout.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from geo.model import Event, Kind, Problem, Report, bulk
from geo.reading.cues import find_confidence
from geo.reading.events import read_events
from geo.reading.mentions import Mention, MentionFinder, mark_regions
from geo.reading.quantities import find_strength
from geo.reading.sentences import Tokens, detect_language, split_sentences
from geo.reading.when import find_dates

__all__ = [
    "Extraction",
    "Extractor",
    "Mention",
    "detect_language",
    "extract_all",
    "find_confidence",
    "find_dates",
    "find_strength",
    "highlight_html",
    "split_sentences",
    "unreadable",
]

log = logging.getLogger(__name__)


@dataclass
class Extraction:
    report: Report
    language: str
    places: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_contract(self) -> dict:
        """The `extract` object of CONTRACT.md."""
        events = []
        for e in self.events:
            end = {"name": e.place.name or e.place.mention, "lat": e.place.lat, "lon": e.place.lon}
            events.append(
                {
                    "kind": e.kind.value,
                    "origin": {"name": e.origin.name or e.origin.mention, "lat": e.origin.lat, "lon": e.origin.lon}
                    if e.origin
                    else None,
                    "destination": end if e.kind is Kind.MOVEMENT else None,
                    "location": end if e.kind is Kind.PRESENCE else None,
                    "start": e.start.isoformat() if e.start else None,
                    "end": e.end.isoformat() if e.end else None,
                    "strength": e.strength,
                    "unit": e.unit,
                    "confidence": e.confidence,
                    "evidence": e.evidence,
                }
            )
        return {
            "report_id": self.report.report_id,
            "language": self.language,
            "places": [m.to_contract() for m in self.places if m.place and m.place.resolved],
            "events": events,
        }


class Extractor:
    """Turn reports into candidate events with the offline geocoder."""

    def __init__(self, geocoder):
        self.geocoder = geocoder
        self.gazetteer = geocoder.gazetteer
        self.mentions = MentionFinder(self.gazetteer)

    def extract(self, report: Report) -> Extraction:
        text = report.text or ""
        lang = detect_language(text, report.language)
        out = Extraction(report, lang)
        sentences = split_sentences(text)
        tokens = Tokens(text)
        # the sentence of each word: how many sentences after the first start at or before it
        sent_of = list(map(partial(bisect_right, [a for a, _ in sentences[1:]]), tokens.starts))
        mentions = self.mentions.find(text, tokens, sent_of, sentences, lang)
        self.mentions.resolve(mentions)
        mark_regions(mentions, tokens, sent_of)
        out.places = mentions
        out.events = read_events(report, lang, text, tokens, sentences, mentions)
        return out


def extract_all(
    extractor: Extractor,
    reports: Sequence[Report],
    processes: int | None = 1,
    progress: Callable[[float], None] | None = None,
) -> list[Extraction | Exception]:
    """Each report's extraction, or the exception that stopped it (one unreadable report costs only itself).

    With ``processes`` other than 1 (None: one per core) and enough reports, the work is shared by worker
    processes. They are forked, so they start with the gazetteer already loaded; extraction is offline, so
    no worker calls a rate-limited service. Where fork is not available it runs in this process.
    """
    if processes is None:
        processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with bulk():  # extractions hold no reference cycles: the collector would walk all those kept, again and again
        return _extract_all(extractor, reports, processes, progress)


def _extract_all(extractor, reports, processes, progress):
    if processes == 1 or len(reports) < 200 or "fork" not in mp.get_all_start_methods():
        out = []
        for i, r in enumerate(reports):
            out.append(_extract_or_error(extractor, r))
            if progress:
                progress((i + 1) / len(reports))
        return out
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor
    try:
        with mp.get_context("fork").Pool(processes) as pool:
            out = pool.map(_extract_in_worker, reports, chunksize=64)
    finally:
        _WORKER_EXTRACTOR = None
    for report, x in zip(reports, out):
        if isinstance(x, Extraction):
            x.report = report
    if progress:
        progress(1.0)
    return out


_WORKER_EXTRACTOR: Extractor | None = None


def _extract_in_worker(report: Report) -> Extraction | Exception:
    """An extraction made light to send back: the caller has the report, and each mention's gazetteer
    candidates served only to rank them."""
    out = _extract_or_error(_WORKER_EXTRACTOR, report)
    if isinstance(out, Extraction):
        out.report = None
        for m in out.places:
            m.candidates = ()
    return out


def unreadable(report: Report, row: int, error: Exception) -> Problem:
    """The problem to show for a report the extractor failed on: the other reports are read all the same."""
    return Problem(row, "text", f"report {report.report_id}: could not be read ({error})")


def _extract_or_error(extractor: Extractor, report: Report) -> Extraction | Exception:
    try:
        return extractor.extract(report)
    except Exception as e:  # named by the caller, next to the report it came from
        log.exception("extraction failed for report %s", report.report_id)
        return e


def highlight_html(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The report text as escaped HTML, with each (start, end, title) span marked: for the Sources page.

    Everything from the report is escaped; the only markup is the <mark> this function writes.
    """
    import html

    out, pos = [], 0
    for start, end, title in sorted(spans):
        if start < pos:
            continue  # overlapping marks: keep the first
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
