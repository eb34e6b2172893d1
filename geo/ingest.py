"""From an uploaded file to the store: read, resolve places, extract events from prose, store once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from geo.confidence import ADMIRALTY_LABELS
from geo.dates import DateError, in_range
from geo.errors import MESSAGE_CHARS, clip
from geo.geocoding import Geocoder
from geo.model import Event, Place, Problem
from geo.readers import ReadResult, read_csv_bytes, read_file_bytes
from geo.spreadsheet import unescape_cell
from geo.store import Store


def place_resolver(geocoder: Geocoder) -> Callable[[Sequence[str]], dict[str, Place]]:
    """Resolve a whole file's place names together, so they give each other context."""

    def resolve(names: Sequence[str]) -> dict[str, Place]:
        return {n: r.to_place(n) for n, r in zip(names, geocoder.resolve_all(list(names)))}

    return resolve


def read_upload(
    data: bytes,
    geocoder: Geocoder,
    progress: Callable[[float], None] | None = None,
    processes: int | None = 1,
) -> ReadResult:
    """Read a file and, for a reports file, extract its candidate events (nothing is stored yet).

    ``processes``: worker processes for extraction (None: one per core); the dashboard reads in one.
    """
    result = read_csv_bytes(data, place_resolver(geocoder), progress)
    if result.format == "reports":
        from geo.extraction import Extractor, extract_all, unreadable

        kept = []
        extractions = extract_all(Extractor(geocoder), result.reports, processes, progress)
        for report, row, extraction in zip(result.reports, result.report_rows, extractions, strict=True):
            if isinstance(extraction, Exception):  # one unreadable report must not cost the others
                problem = unreadable(report, row, extraction)  # quotes the report id and the error: keep it short
                result.problems.append(Problem(problem.row, problem.column, clip(problem.reason, MESSAGE_CHARS)))
                continue
            kept.append(report)
            events = [e for e in extraction.events if _dated_sanely(e, report.report_id, row, result)]
            result.events.extend(events)
            result.event_rows.extend([row] * len(events))
        result.reports = kept
    return result


def _dated_sanely(event: Event, report_id: str, row: int, result: ReadResult) -> bool:
    """Whether an event read from prose has dates in the years troopmap accepts; if not, a problem says so (a
    date outside them breaks the timeline, and can only be a misreading)."""
    for date in (event.start, event.end):
        if date is not None:
            try:
                in_range(date)
            except DateError as e:
                result.problems.append(
                    Problem(row, "text", f"report {clip(report_id, 40)}: an event read from it: {e}")
                )
                return False
    return True


def commit_upload(result: ReadResult, store: Store, file_name: str, user: str = "") -> dict:
    """Store what a read accepted, in one transaction; return the `ingest` summary."""
    counts = store.add_upload(
        result.events,
        result.reports,
        file_name=file_name,
        sha256=result.sha256,
        user=user,
        fmt=result.format,
        encoding=result.encoding,
        rows=result.rows,
        rejected=len(result.problems),
    )
    accepted = counts["accepted"] + (len(result.reports) if result.format == "reports" else 0)
    return result.summary(accepted=accepted, duplicates=counts["duplicates"])


def ingest_file(path: Path, store: Store, geocoder: Geocoder, user: str = "", processes: int | None = None) -> dict:
    """Read a file (no further than the size limit), then store what it holds."""
    result = read_upload(read_file_bytes(path), geocoder, processes=processes)
    return commit_upload(result, store, Path(path).name, user)


CONFIDENCE_CHOICES = ["", *(f"{d} – {label}" for d, label in ADMIRALTY_LABELS.items())]


def confidence_choice(digit: int | None) -> str:
    """The review grid's words for a confidence digit ("3 – Possibly true"; empty when none was stated)."""
    return CONFIDENCE_CHOICES[digit] if digit else ""


def review_rows(result: ReadResult) -> list[dict]:
    """One plain row per read event, for a person to check (and untick) before anything is stored.

    Text is never None (an empty cell is ""), confidence is a choice with its meaning, and an event that the same
    file already gave is flagged, with the row that gave it first.
    """
    rows, first = [], {}
    for i, e in enumerate(result.events):
        row = result.event_rows[i] if i < len(result.event_rows) else None
        key = e.key()
        first.setdefault(key, row)
        rows.append(
            {
                "keep": True,
                "row": row,
                "duplicate": "" if first[key] == row else f"same as row {first[key]}",
                "report": e.report_id or "",
                "kind": e.kind.value,
                "from": (e.origin.name or e.origin.mention) if e.origin else "",
                "place": (e.place.name or e.place.mention) if e.place else "",
                "place status": e.place.status if e.place else "",
                "start": e.start,
                "end": e.end,
                "unit": e.unit or "",
                "strength": e.strength,
                "confidence": confidence_choice(e.confidence),
                "source said": e.confidence_label
                if e.confidence_label and e.confidence_label != str(e.confidence)
                else "",
                "sentence": e.evidence or "",
            }
        )
    return rows


def apply_review(result: ReadResult, rows: list[dict]) -> ReadResult:
    """The read with the person's decisions applied: unticked events dropped, edited fields taken.

    An edit is stored as the value a file would give (a confidence set to 2 is stored as "2", as if a CSV had said
    so), so an export of the reviewed events reads back to the same events.
    """
    import dataclasses

    kept = []
    for e, row in zip(result.events, rows, strict=True):
        if not row.get("keep"):
            continue
        conf = row.get("confidence")
        if isinstance(conf, str):
            conf = conf.split(" ", 1)[0]
        conf = int(conf) if conf not in (None, "") and str(conf) != "nan" else None
        if conf is not None and not 1 <= conf <= 6:
            raise ValueError(f"confidence {conf} is not an Admiralty digit 1-6")
        strength = row.get("strength")
        strength = int(strength) if strength not in (None, "") and str(strength) != "nan" else None
        if strength is not None and strength < 0:
            raise ValueError(f"strength {strength} is negative")
        unit = row.get("unit")
        unit = unescape_cell(unit) if isinstance(unit, str) else None  # shown formula-safe (safe_rows)
        changes = {"unit": unit or None, "strength": strength, "confidence": conf}
        if strength != e.strength:
            changes["strength_approx"] = False
        if conf != e.confidence:
            changes["confidence_label"] = str(conf) if conf else None
        kept.append(dataclasses.replace(e, **changes))
    return dataclasses.replace(result, events=kept, event_rows=[])
