"""Read the three CSV layouts data teams bring: movements (ours), ACLED exports, and free-text reports.

A reader never stops at a bad row: it returns the accepted records *and* a list of problems
``(row, column, reason)``, rows numbered as a spreadsheet shows them (the header is row 1). Only a file that
cannot be read at all raises :class:`ReadError`. Places that cannot be resolved are kept, marked unresolved.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from geo.confidence import UnknownConfidenceLabel, parse_confidence
from geo.dates import DateError, guess_dayfirst, parse_date
from geo.model import Event, Kind, Place, Precision, Problem, Report
from geo.spreadsheet import unescape_cell

csv.field_size_limit(16 * 1024 * 1024)

ENCODINGS_TRIED = ("utf-8-sig", "cp1251", "cp1252", "latin-1")


class ReadError(ValueError):
    """The file cannot be read at all (not text, no header, an unknown layout)."""


@dataclass
class ReadResult:
    format: str
    encoding: str
    delimiter: str
    rows: int = 0
    events: list[Event] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unresolved: list[dict] = field(default_factory=list)  # {row, name}: kept, but not on the map until fixed
    event_rows: list[int] = field(default_factory=list)  # the CSV row each event came from
    report_rows: list[int] = field(default_factory=list)  # the CSV row each report came from
    sha256: str = ""

    def summary(self, accepted: int | None = None, duplicates: int = 0) -> dict:
        """The `ingest` summary of CONTRACT.md."""
        n = len(self.events) + len(self.reports) if accepted is None else accepted
        return {
            "format": self.format,
            "encoding": self.encoding,
            "rows": self.rows,
            "accepted": n,
            "duplicates": duplicates,
            "rejected": [p.to_dict() for p in self.problems],
            "unresolved": self.unresolved,
        }


# -- decoding ----------------------------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM) when it is valid, else the best guess of charset-normalizer."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("this is not a text file (it contains NUL bytes); upload a CSV")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    if best is not None:
        enc = best.encoding
        # short Cyrillic files are often guessed as a Mac or DOS code page; Windows-1251 is what they mostly are
        if enc in {"mac_cyrillic", "cp855", "cp866", "koi8_r", "koi8_u"}:
            try:
                return data.decode("cp1251"), "cp1251"
            except UnicodeDecodeError:
                pass
        return str(best), enc
    for enc in ENCODINGS_TRIED[1:]:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise ReadError("cannot tell the file's text encoding; save it as UTF-8")


def sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _norm_col(c: str) -> str:
    return re.sub(r"[\s\-]+", "_", (c or "").strip().strip("\ufeff").lower())


# -- layouts -----------------------------------------------------------------------------------------------
ALIASES = {
    "date": "start_date",
    "location": "destination",
    "location_lat": "destination_lat",
    "location_lon": "destination_lon",
    "lat": "destination_lat",
    "lon": "destination_lon",
    "latitude": "destination_lat",
    "longitude": "destination_lon",
}


def detect_format(columns: Sequence[str]) -> str:
    cols = set(columns)
    if {"event_id_cnty", "event_date", "latitude", "longitude"} <= cols:
        return "acled-legacy" if {"data_id", "event_id_no_cnty"} & cols else "acled"
    if {"report_id", "text"} <= cols:
        return "reports"
    mapped = {ALIASES.get(c, c) for c in cols}
    if "start_date" in mapped and ({"destination", "destination_lat"} & mapped):
        return "movements"
    raise ReadError(
        "unknown layout: the header must be a movements file (start_date or date, and destination or "
        "location), an ACLED export (event_id_cnty, event_date, latitude, longitude) or a reports file "
        f"(report_id, text); found columns: {', '.join(columns) or 'none'}"
    )


# -- small parsers -----------------------------------------------------------------------------------------
_APPROX = re.compile(r"^(~|≈|c\.|ca\.?|about|around|approx\.?|approximately|some|up to|over|more than|over)\s*", re.I)


def parse_strength(text: str) -> tuple[int | None, bool]:
    """'~1 500' -> (1500, approximate); '12,000' and '12.000' -> 12000. Raises ValueError with a reason."""
    s = text.strip()
    if not s:
        return None, False
    approx = bool(_APPROX.match(s))
    s = _APPROX.sub("", s)
    if s.startswith("-"):
        raise ValueError(f"negative strength {text!r}")
    digits = re.sub(r"(?<=\d)[\s\u00a0\u202f,.'](?=\d{3}(\D|$))", "", s)
    if not re.fullmatch(r"\d+", digits):
        raise ValueError(f"strength {text!r} is not a number of troops")
    return int(digits), approx


def parse_coord(lat: str, lon: str) -> tuple[float, float] | None:
    if not lat.strip() and not lon.strip():
        return None
    try:
        la, lo = float(lat.replace(",", ".")), float(lon.replace(",", "."))
    except ValueError:
        raise ValueError(f"coordinates {lat!r}, {lon!r} are not numbers") from None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        raise ValueError(f"coordinates {la}, {lo} are outside the globe")
    return la, lo


class _Row:
    """One CSV row, read by normalised column name."""

    __slots__ = ("values",)

    def __init__(self, values: dict[str, str]):
        # cleaned once: stripped, spreadsheet escapes undone, empty cells left out
        self.values = {k: unescape_cell(v) for k, v in ((k, v.strip()) for k, v in values.items()) if v}

    def get(self, *names: str) -> str:
        for n in names:
            v = self.values.get(n)
            if v:
                return v
        return ""


# -- the reader --------------------------------------------------------------------------------------------
Resolver = Callable[[Sequence[str]], dict[str, Place]]


def read_csv_bytes(
    data: bytes, resolve_places: Resolver | None = None, progress: Callable[[float], None] | None = None
) -> ReadResult:
    """Read a CSV file of any of the three layouts. ``resolve_places`` maps place names to Places (a whole
    file's names at once, so they give each other context); without one, places stay unresolved."""
    text, encoding = decode(data)
    if not text.strip():
        raise ReadError("the file is empty")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise ReadError(f"cannot read the header line: {e}") from None
    columns = [_norm_col(c) for c in header]
    fmt = detect_format(columns)
    result = ReadResult(fmt, encoding, delimiter, sha256=hashlib.sha256(data).hexdigest())
    rows: list[tuple[int, _Row]] = []
    line = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            line += 1
            result.rows += 1
            result.problems.append(Problem(line, None, f"malformed CSV line: {e}"))
            continue
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        result.rows += 1
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns) :]):
            result.problems.append(
                Problem(
                    line,
                    None,
                    f"row has {len(values)} fields but the header has {len(columns)}; check the delimiter and quoting",
                )
            )
            continue
        rows.append((line, _Row(dict(zip(columns, values)))))
    if fmt == "reports":
        _read_reports(rows, result)
    else:
        _read_events(rows, result, fmt, resolve_places, progress)
    result.problems.sort(key=lambda p: p.row)
    return result


def _read_reports(rows: list[tuple[int, _Row]], result: ReadResult) -> None:
    dates = [r.get("published") for _, r in rows]
    dayfirst = guess_dayfirst(dates)
    seen: dict[str, str] = {}
    for line, r in rows:
        rid, text = r.get("report_id"), r.get("text")
        if not rid:
            result.problems.append(Problem(line, "report_id", "no report_id"))
            continue
        if not text:
            result.problems.append(Problem(line, "text", "the report has no text"))
            continue
        if rid in seen and seen[rid] != text:
            result.problems.append(Problem(line, "report_id", f"report_id {rid!r} is used twice with different text"))
            continue
        published = None
        if p := r.get("published"):
            try:
                published, _ = parse_date(p, dayfirst)
            except DateError as e:
                result.problems.append(Problem(line, "published", str(e)))
                continue
        seen[rid] = text
        result.report_rows.append(line)
        result.reports.append(
            Report(
                rid,
                text,
                published,
                r.get("source") or None,
                (r.get("language") or "").lower() or None,
                r.get("title") or None,
            )
        )


def _read_events(rows, result: ReadResult, fmt: str, resolve_places: Resolver | None, progress) -> None:
    acled = fmt.startswith("acled")
    date_col = "event_date" if acled else "start_date"
    dayfirst = guess_dayfirst([r.get(date_col, "date") for _, r in rows] + [r.get("end_date") for _, r in rows])
    names = sorted(
        {n for _, r in rows for n in (r.get("origin"), r.get("destination", "location")) if n}
        if not acled
        else {r.get("location") for _, r in rows if r.get("location")}
    )
    places = resolve_places(names) if resolve_places else {n: Place(n) for n in names}
    total = max(1, len(rows))
    for i, (line, r) in enumerate(rows):
        try:
            event, unresolved = (_acled_event if acled else _movement_event)(r, dayfirst, places)
        except _RowRejected as e:
            result.problems.append(Problem(line, e.column, e.reason))
        else:
            result.events.append(event)
            result.event_rows.append(line)
            result.unresolved.extend({"row": line, "name": n} for n in unresolved)
        if progress and i % 1000 == 0:
            progress(i / total)


class _RowRejected(Exception):
    def __init__(self, column: str | None, reason: str):
        self.column, self.reason = column, reason


def _dates(r: _Row, start_col: tuple[str, ...], dayfirst: bool):
    s = r.get(*start_col)
    if not s:
        raise _RowRejected(start_col[0], "no date")
    try:
        start, precision = parse_date(s, dayfirst)
    except DateError as e:
        raise _RowRejected(start_col[0], str(e)) from None
    end = None
    if e_ := r.get("end_date"):
        try:
            end, _ = parse_date(e_, dayfirst)
        except DateError as e:
            raise _RowRejected("end_date", str(e)) from None
        if end < start:
            raise _RowRejected("end_date", f"end date {end} is before start date {start}")
    return start, end, precision


def _place(name: str, lat: str, lon: str, column: str, places: dict[str, Place]) -> Place | None:
    try:
        coord = parse_coord(lat, lon)
    except ValueError as e:
        raise _RowRejected(f"{column}_lat", str(e)) from None
    if coord:
        return Place(
            name or f"{coord[0]:.4f}, {coord[1]:.4f}",
            name or None,
            coord[0],
            coord[1],
            source="input",
            status="matched",
        )
    if name:
        return places.get(name) or Place(name)
    return None


def _movement_event(r: _Row, dayfirst: bool, places: dict[str, Place]) -> tuple[Event, list[str]]:
    start, end, precision = _dates(r, ("start_date", "date"), dayfirst)
    dest = _place(
        r.get("destination", "location"),
        r.get("destination_lat", "location_lat", "lat", "latitude"),
        r.get("destination_lon", "location_lon", "lon", "longitude"),
        "destination",
        places,
    )
    origin = _place(r.get("origin"), r.get("origin_lat"), r.get("origin_lon"), "origin", places)
    if dest is None:
        raise _RowRejected("destination", "no place: the destination/location has neither a name nor coordinates")
    kind_text = r.get("kind").lower()
    if kind_text and kind_text not in {"movement", "presence"}:
        raise _RowRejected("kind", f"kind {kind_text!r} is neither 'movement' nor 'presence'")
    kind = Kind(kind_text) if kind_text else (Kind.MOVEMENT if origin else Kind.PRESENCE)
    try:
        strength, approx = parse_strength(r.get("strength"))
    except ValueError as e:
        raise _RowRejected("strength", str(e)) from None
    conf, reliability = _confidence(r)
    if stated := r.get("precision").lower():
        if stated not in {p.value for p in Precision}:
            raise _RowRejected("precision", f"precision {stated!r} is not one of day, week, month, year")
        precision = Precision(stated)
    return Event(
        kind=kind,
        place=dest,
        origin=origin,
        start=start,
        end=end,
        precision=precision,
        unit=r.get("unit") or None,
        strength=strength,
        strength_approx=approx,
        confidence=conf.credibility if conf else None,
        confidence_label=conf.label if conf else None,
        reliability=reliability,
        source=r.get("source") or None,
        source_url=r.get("source_url") or None,
        report_id=r.get("report_id") or None,
        event_id=r.get("event_id") or None,
        evidence=r.get("evidence", "notes") or None,
        notes=r.get("notes") or None,
    ), [p.mention for p in (origin, dest) if p and not p.resolved]


def _confidence(r: _Row):
    try:
        conf = parse_confidence(r.get("confidence"))
    except UnknownConfidenceLabel as e:
        raise _RowRejected("confidence", str(e)) from None
    reliability = conf.reliability if conf else None
    if rel := r.get("source_reliability"):
        if not re.fullmatch(r"[A-Fa-f]", rel):
            raise _RowRejected("source_reliability", f"source reliability {rel!r} is not a letter A-F")
        reliability = rel.upper()
    return conf, reliability


ACLED_PRECISION = {"1": Precision.DAY, "2": Precision.WEEK, "3": Precision.MONTH}
ACLED_GEO_KM = {"1": None, "2": 25.0, "3": 100.0}  # ACLED geo_precision: exact town, nearby, region


def _acled_event(r: _Row, dayfirst: bool, places: dict[str, Place]) -> tuple[Event, list[str]]:
    start, _, _ = _dates(r, ("event_date",), dayfirst)
    precision = ACLED_PRECISION.get(r.get("time_precision"), Precision.DAY)
    place = _place(r.get("location"), r.get("latitude"), r.get("longitude"), "location", places)
    if place is None:
        raise _RowRejected("location", "no place: location, latitude and longitude are empty")
    if place.resolved:
        place = Place(
            place.mention,
            place.name,
            place.lat,
            place.lon,
            r.get("iso") if not r.get("iso").isdigit() else None,
            "city",
            None,
            "acled",
            "matched",
            ACLED_GEO_KM.get(r.get("geo_precision")),
        )
    actors = " / ".join(a for a in (r.get("actor1"), r.get("actor2")) if a)
    return Event(
        kind=Kind.PRESENCE,
        place=place,
        start=start,
        precision=precision,
        unit=actors or None,
        source=r.get("source") or None,
        event_id=r.get("event_id_cnty") or None,
        evidence=r.get("notes") or None,
        notes=r.get("sub_event_type") or r.get("event_type") or None,
        extra={"event_type": r.get("event_type"), "fatalities": r.get("fatalities")},
    ), [] if place.resolved else [place.mention]
