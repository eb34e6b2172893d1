"""Read the three CSV layouts data teams bring: movements (ours), ACLED exports, and free-text reports.

A reader never stops at a bad row: it returns the accepted records *and* a list of problems
``(row, column, reason)``, rows numbered as a spreadsheet shows them (the header is row 1). Only a file that
cannot be read at all raises :class:`ReadError`. Places that cannot be resolved are kept, marked unresolved.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from geo.confidence import UnknownConfidenceLabel, parse_confidence
from geo.dates import DateError, guess_dayfirst, parse_date
from geo.errors import MESSAGE_CHARS, ReadError, clip, listing
from geo.model import Event, EventTable, Kind, Place, Precision, Problem, Report, bulk
from geo.settings import max_upload_bytes
from geo.spreadsheet import unescape_cell

csv.field_size_limit(16 * 1024 * 1024)

ENCODINGS_TRIED = ("utf-8-sig", "cp1251", "cp1252", "latin-1")


MAX_COLUMNS = 1000  # ACLED's layout has 31; a header far wider is not a data file


@dataclass
class ReadResult:
    format: str
    encoding: str
    delimiter: str
    rows: int = 0
    events: Sequence[Event] = field(default_factory=list)  # an EventTable for events files
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
# Lines as csv sees them (universal newlines, the ending kept): the same split on the bytes and on the text, so
# line i of the one is line i of the other in any ASCII-compatible encoding.
_BYTE_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_TEXT_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# A row that is not UTF-8, in a file whose rows change encoding, is tried as each of these.
ROW_ENCODINGS = ("cp1251", "cp1252")
_ENCODING_NAMES = {"cp1251": "Windows-1251 (Cyrillic)", "cp1252": "Windows-1252 (Western European)"}
# What text read with the wrong code page looks like: letters of two scripts (Latin, Cyrillic, Greek) side by
# side ("Lйgion": Latin-1 read as Windows-1251; "Grφίe": as Greek), or four accented Latin letters in a row
# ("Óññóðèéñê", Windows-1251 read as Latin-1).
_GARBLED = re.compile(
    r"[A-Za-z\u00c0-\u024f][\u0370-\u04ff]|[\u0400-\u04ff][A-Za-z\u00c0-\u024f\u0370-\u03ff]"
    r"|[\u0370-\u03ff][A-Za-z\u00c0-\u024f\u0400-\u04ff]|[\u00c0-\u024f]{4,}"
)


@dataclass
class Decoded:
    """A file's text; ``bad`` names the lines (0 = the header) that could not be decoded, with the reason, and
    holds only their line ending in ``text``."""

    text: str
    encoding: str
    bad: dict[int, str] = field(default_factory=dict)
    by_row: bool = False  # decoded a row at a time: the bytes as a whole are in no one encoding


def decode(data: bytes) -> Decoded:
    """Bytes to text: UTF-8 (with or without BOM) when it is valid, else the best guess of charset-normalizer.

    A file whose rows are in different encodings (UTF-8 rows pasted into a Windows-1251 file, say) is read row
    by row: each row as UTF-8 when it is, else as whichever of :data:`ROW_ENCODINGS` reads as words; a row that
    reads as garbled text in all of them, or as different words in two, is left out with the reason.
    """
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("this is not a text file (it contains NUL bytes); upload a CSV")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        pass
    text, encoding = _guess(data)
    if encoding.replace("-", "_").startswith(("utf_16", "utf_32")):
        return Decoded(text, encoding)
    lines = _BYTE_LINE.findall(data)
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    utf8 = [i for i, line in enumerate(lines) if not line.isascii() and _is_utf8(line)]
    if utf8:
        return _decode_rows(lines, set(utf8))
    legacy = [line for line in lines if not line.isascii()]
    if encoding in TRUSTED_GUESSES:
        if not _GARBLED.search(text) or not any(
            _GARBLED.search(line.decode(encoding, "replace")) and _row_encoding(line)[0] for line in legacy
        ):
            return Decoded(text, encoding)  # nothing reads as garbled, or no other code page reads it better
    elif not all(_row_encoding(line)[0] for line in legacy):
        return Decoded(text, encoding)  # a far guess, but no Windows code page reads every row as words either
    return _decode_rows(lines, set())


def _guess(data: bytes) -> tuple[str, str]:
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
        # a Korean code page is kept only when it reads Hangul: a one-row French file in Windows-1252 was "johab"
        # and read as Chinese ideographs
        doubtful = enc not in TRUSTED_GUESSES or (enc in _KOREAN and not _mostly_hangul(str(best)))
        if doubtful and (windows := _windows_code_page(data)):
            return windows
        return str(best), enc
    for enc in ENCODINGS_TRIED[1:]:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise ReadError("cannot tell the file's text encoding; save it as UTF-8")


# Guesses kept as they are. Short files of a few Russian or French words are often guessed as something far
# away (Thai cp874, Big5, Central European cp1250): then the Windows code page whose reading is all Cyrillic,
# or all Latin, letters is taken instead (see _windows_code_page).
TRUSTED_GUESSES = frozenset(
    {
        "ascii",
        "cp1251",
        "cp1252",
        "latin_1",
        "iso8859_15",
        "cp949",
        "euc_kr",
        "iso2022_kr",
        "johab",
        "cp1253",
        "iso8859_7",
    }
)
_KOREAN = frozenset({"cp949", "euc_kr", "iso2022_kr", "johab"})
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def _mostly_hangul(text: str) -> bool:
    foreign = sum(not c.isascii() for c in text)
    return foreign > 0 and len(_HANGUL.findall(text)) >= 0.9 * foreign


_LETTERS = {"cp1251": re.compile(r"[\u0400-\u04ff]"), "cp1252": re.compile(r"[\u00c0-\u024f]")}


def _windows_code_page(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when Windows-1251 or -1252 reads ``data`` as words: no garbled-looking word, and nine
    in ten of its non-ASCII characters letters of that code page's script."""
    for enc, letters in _LETTERS.items():
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        foreign = sum(not c.isascii() for c in text)
        if foreign and not _GARBLED.search(text) and len(letters.findall(text)) >= 0.9 * foreign:
            return text, enc
    return None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _row_encoding(line: bytes) -> tuple[str | None, str]:
    """(the code page that reads ``line`` as words, its text), or (None, why none does)."""
    readings: dict[str, str] = {}
    for enc in ROW_ENCODINGS:
        try:
            text = line.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _GARBLED.search(text):
            readings[enc] = text
    if len(set(readings.values())) == 1:
        enc = next(iter(readings))
        return enc, readings[enc]
    names = " or ".join(_ENCODING_NAMES[e] for e in readings or ROW_ENCODINGS)
    if readings:
        return None, f"this row is not UTF-8 and reads as different words in {names}; save the file as UTF-8"
    return None, f"this row is not UTF-8 and reads as garbled text in {names}; save the file as UTF-8"


def _decode_rows(lines: list[bytes], utf8: set[int]) -> Decoded:
    """A file whose rows change encoding, decoded one row at a time."""
    texts: list[str] = []
    bad: dict[int, str] = {}
    used: list[str] = []
    for i, line in enumerate(lines):
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        if i in utf8:
            enc, text = "utf-8", line.decode("utf-8")
        else:
            enc, text = _row_encoding(line)
        if enc is None:
            bad[i] = text
            texts.append(line[len(line.rstrip(b"\r\n")) :].decode("ascii"))  # the row's line ending only
            continue
        if enc not in used:
            used.append(enc)
        texts.append(text)
    return Decoded("".join(texts), used[0] if len(used) == 1 else "mixed: " + ", ".join(used), bad, by_row=True)


def sniff_delimiter(text: str) -> str:
    header = text[: text.find("\n")] if "\n" in text[:65536] else text[:65536]
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
        f"(report_id, text); found columns: {listing(columns)}"
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


class _Table:
    """A file's rows, read a column at a time: cells stripped and spreadsheet escapes undone.

    Validation works on columns, not rows: a million-row file names a few dozen places, dates and confidence
    labels, so each distinct value (or combination of values) is checked once and its answer shared by every
    row that has it.
    """

    def __init__(self, columns: list[str], cells: list[Sequence[str]], length: int, escaped: bool = True):
        self.index: dict[str, int] = {}
        for i, c in enumerate(columns):
            self.index.setdefault(c, i)
        self.cells = cells  # column by column
        self.length = length
        self.escaped = escaped  # False when the file has no apostrophe at all, so no cell can be escaped

    def __call__(self, *names: str) -> list[str]:
        """The column under the first of ``names`` whose cell is not empty, row by row ("" when none is)."""
        out: list[str] | None = None
        for name in names:
            i = self.index.get(name)
            if i is None:
                continue
            values = list(map(str.strip, self.cells[i]))
            if self.escaped:
                values = [unescape_cell(v) for v in values]
            out = values if out is None else [a or b for a, b in zip(out, values)]
        return out if out is not None else [""] * self.length


class _Answers(list):
    """What :func:`_each` found for each row; ``rejected`` says whether it rejected any."""

    rejected = False


def _each(fn: Callable[..., object], *columns: list[str]) -> _Answers:
    """``fn`` of each row's values in ``columns``, computed once per distinct combination. A row ``fn``
    rejects gets the :class:`_RowRejected` itself in place of a value."""
    n = len(columns[0])
    # a column with one value throughout (often one the file does not have) is passed as that value
    fixed = [c[0] if n and c[0] == c[-1] and c.count(c[0]) == n else None for c in columns]
    moving = [c for c, f in zip(columns, fixed) if f is None]
    keys = moving[0] if len(moving) == 1 else list(zip(*moving)) if moving else [()] * n

    def answer(key: object) -> object:
        values = iter((key,) if len(moving) == 1 else key)
        try:
            return fn(*(f if f is not None else next(values) for f in fixed))
        except _RowRejected as e:
            return e

    answers = {k: answer(k) for k in set(keys)}
    out = _Answers(map(answers.__getitem__, keys))
    out.rejected = any(type(a) is _RowRejected for a in answers.values())
    return out


def _text(values: list[str]) -> list[str | None]:
    """Empty cells as None."""
    if "" not in values:
        return values
    return [v or None for v in values]


# -- the reader --------------------------------------------------------------------------------------------
Resolver = Callable[[Sequence[str]], dict[str, Place]]


def read_csv_bytes(
    data: bytes, resolve_places: Resolver | None = None, progress: Callable[[float], None] | None = None
) -> ReadResult:
    """Read a CSV file of any of the three layouts. ``resolve_places`` maps place names to Places (a whole
    file's names at once, so they give each other context); without one, places stay unresolved."""
    with bulk():
        return _read(data, resolve_places, progress)


def _read(data: bytes, resolve_places: Resolver | None, progress: Callable[[float], None] | None) -> ReadResult:
    check_size(len(data))
    sha256 = hashlib.sha256(data).hexdigest()
    decoded = decode(data)
    text, encoding = decoded.text, decoded.encoding
    if not text or text.isspace():
        raise ReadError("the file is empty")
    if decoded.by_row:  # rows in several encodings: parse the text as it was decoded row by row
        data, encoding = text.encode("utf-8"), "utf-8"
    delimiter = sniff_delimiter(text)
    escaped = "'" in text
    lines = _Lines(text)
    try:
        header = next(csv.reader(lines, delimiter=delimiter))
    except (StopIteration, csv.Error) as e:
        raise ReadError(f"cannot read the header line: {e}") from None
    if lines.index > 1:
        raise ReadError("the header line has an unbalanced '\"': its last field runs on over the lines below it")
    if 0 in decoded.bad:
        raise ReadError(f"cannot read the header line: {decoded.bad[0]}")
    if len(header) > MAX_COLUMNS:
        raise ReadError(f"the header has {len(header):,} columns; troopmap reads files of at most {MAX_COLUMNS:,}")
    columns = [_norm_col(c) for c in header]
    width = len(columns)
    fmt = detect_format(columns)
    result = ReadResult(fmt, decoded.encoding, delimiter, sha256=sha256)
    body = lines.end  # where the rows begin
    del text, lines  # pandas reads the bytes; a StringIO of the text would take four times its size
    cells, numbers = (None, []) if decoded.bad else _fast_columns(data, encoding, delimiter, width)
    if cells is None:  # read row by row, to say which rows are broken and keep the others
        rows, numbers = _rows(data.decode(encoding), body, delimiter, width, result.problems, decoded.bad)
        cells = list(zip(*rows)) or [()] * width
        del rows
    result.rows = len(numbers) + len(result.problems)  # so far the only problems are rows that could not be split
    table = _Table(columns, cells, len(numbers), escaped)
    if fmt == "reports":
        _read_reports(table, numbers, result)
    else:
        _read_events(table, numbers, result, fmt, resolve_places, progress)
    result.problems = sorted(
        (Problem(p.row, p.column, clip(p.reason, MESSAGE_CHARS)) for p in result.problems), key=lambda p: p.row
    )
    return result


def check_size(size: int) -> None:
    """ReadError when a file of ``size`` bytes is over TROOPMAP_MAX_UPLOAD_MB."""
    limit = max_upload_bytes()
    if size > limit:
        raise ReadError(
            f"the file is larger than {limit / 2**20:,.0f} MB, the most troopmap reads (TROOPMAP_MAX_UPLOAD_MB); "
            "split it into smaller files"
        )


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """A file's bytes, read no further than the size limit (so /dev/zero or an endless pipe cannot fill memory)."""
    limit = max_upload_bytes()
    chunks: list[bytes] = []
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(min(1 << 20, limit + 1 - size)):
            if not size and b"\x00" in chunk[:4096] and not chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise ReadError("this is not a text file (it contains NUL bytes); upload a CSV")
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                check_size(size)
    return b"".join(chunks)


class _Lines:
    """The text's lines, ending kept, from a character offset, as an iterator for csv.reader; ``index`` counts
    the lines given and ``end`` is where the last one ended, so a reading can start again at any line."""

    def __init__(self, text: str, pos: int = 0, index: int = 0):
        self.text = text
        self.seek(pos, index)

    def seek(self, pos: int, index: int) -> None:
        self._lines = _TEXT_LINE.finditer(self.text, pos)
        self.index, self.end = index, pos

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        m = next(self._lines)
        self.index += 1
        self.end = m.end()
        return m.group()


def _fast_columns(data: bytes, encoding: str, delimiter: str, width: int):
    """The file's columns and each row's line, parsed by pandas' C reader, when every row sits on its own line
    and has the header's width; (None, []) for any other file.

    Blank lines come back as rows of empty cells and are dropped here. Files this cannot take whole (broken
    quoting, a row too wide, a field across lines) are read by :func:`_rows`, which names every broken row.
    """
    import pandas as pd

    physical_lines = data.count(b"\n") + (not data.endswith(b"\n"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # pandas warns, and drops cells, when a row is wider than the header
            frame = pd.read_csv(
                io.BytesIO(data),
                sep=delimiter,
                encoding=encoding,
                dtype=str,
                na_filter=False,
                header=0,
                index_col=False,
                skip_blank_lines=False,
                engine="c",
                on_bad_lines="error",
            )
    except (ValueError, UnicodeError, Warning, pd.errors.ParserError):
        return None, []
    if len(frame) + 1 != physical_lines or frame.shape[1] != width:
        return None, []
    cells = [frame.iloc[:, i].tolist() for i in range(width)]
    del frame
    lines = list(range(2, len(cells[0]) + 2)) if cells else []
    blank = [i for i, v in enumerate(cells[0]) if not v or v.isspace()] if cells else []
    blank = [i for i in blank if all(not c[i] or c[i].isspace() for c in cells)]
    if blank:
        keep = [True] * len(lines)
        for i in blank:
            keep[i] = False
        cells = [list(compress(c, keep)) for c in cells]
        lines = list(compress(lines, keep))
    return cells, lines


def _rows(
    text: str, start: int, delimiter: str, width: int, problems: list[Problem], bad: dict[int, str]
) -> tuple[list[list[str]], list[int]]:
    """Rows one by one from offset ``start`` of ``text``, each with its row number as a spreadsheet shows it
    (the header is row 1, a field that spans lines is still one row): for files :func:`_fast_columns` cannot
    take. A row that cannot be split into the header's fields is left out, with its reason in ``problems``;
    when such a row spans several lines (an unbalanced quote swallowing the rows below it), reading starts
    again on its second line, so the rows it swallowed are read as the rows they are.
    """
    lines = _Lines(text, start, index=1)
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[list[str]] = []
    numbers: list[int] = []
    number = 1
    while True:
        first, begin = lines.index, lines.end  # the line this row starts on, and where
        try:
            values = next(reader)
        except StopIteration:
            return rows, numbers
        except csv.Error as e:
            values, reason = None, f"malformed CSV line: {e}"
        else:
            reason = None
        number += 1
        span = lines.index - first
        if bad and (line := next((i for i in range(first, lines.index) if i in bad), None)) is not None:
            reason = bad[line]
        elif values is not None and span > 1:
            reason = _swallowed(text[begin : lines.end], lines.end >= len(text), values, delimiter, width)
        if reason is None and values is not None and len(values) > width and "".join(values[width:]).strip():
            reason = f"row has {len(values)} fields but the header has {width}; check the delimiter and quoting"
        if reason is not None:
            if values is not None and not "".join(values).strip() and not (bad and first in bad):
                continue  # a blank line
            problems.append(Problem(number, None, reason))
            if span > 1:
                lines.seek(_line_end(text, begin), first + 1)
            continue
        if not "".join(values).strip():
            continue  # a blank line
        rows.append((values + [""] * width)[:width])  # a short row is padded
        numbers.append(number)


def _line_end(text: str, pos: int) -> int:
    m = _TEXT_LINE.match(text, pos)
    return m.end() if m else len(text)


def _shape(value: str) -> str:
    """What a value looks like: "2024-10-05" and "1999-01-31" are both "9-9-9", "E17" and "T2" both "a9"."""
    return re.sub(r"([a9])\1+", r"\1", re.sub(r"[^\W\d_]", "a", re.sub(r"\d", "9", value.strip())))


def _swallowed(record: str, at_end: bool, values: list[str], delimiter: str, width: int) -> str | None:
    """Why a row that spans lines (``record``, its text) is an unbalanced quote rather than a field with line
    breaks, or None.

    It is when the quote is still open at the end of the file, when the row does not have the header's number
    of fields, or when a line the field runs on over looks like a row of its own: as many fields, and a first
    field like the row's own (the same shape, with a digit in it: an id or a date, not a word of prose).
    """
    physical = _TEXT_LINE.findall(record)
    below = "the line below" if len(physical) == 2 else f"the {len(physical) - 1} lines below"
    lead = f"unbalanced quote: a field opened by '\"' runs on over {below}"
    if at_end and _open_at_end(record, delimiter):
        return f"{lead}, to the end of the file; close or remove the quote"
    if len(values) != width:
        return f"{lead}, giving {len(values)} fields where the header has {width}; close or remove the quote"
    first, *rest = (_literal_fields(line, delimiter) for line in physical)
    shape = _shape(first[0]) if first else ""
    if "9" in shape and any(len(f) >= width and _shape(f[0]) == shape for f in rest):
        return f"{lead}, which read as rows of their own; close or remove the quote"
    return None


def _open_at_end(record: str, delimiter: str) -> bool:
    """Whether a quoted field in ``record`` is still open where the text ends (a quote inside a field that was
    not opened by one is a plain character, and does not count)."""
    try:
        for _ in csv.reader(_Lines(record), delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)
    return False


def _literal_fields(line: str, delimiter: str) -> list[str]:
    """A line's fields with quotes taken as plain characters and then dropped: how it reads as a row alone."""
    try:
        fields = next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    except csv.Error:  # a NUL byte, say
        return []
    return [f.replace('"', "") for f in fields]


def _read_reports(col: _Table, lines: list[int], result: ReadResult) -> None:
    published_column = col("published")
    dayfirst = guess_dayfirst(list(dict.fromkeys(published_column)))
    seen: dict[str, str] = {}
    for line, rid, text, p, source, language, title in zip(
        lines, col("report_id"), col("text"), published_column, col("source"), col("language"), col("title")
    ):
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
        if p:
            try:
                published, _ = parse_date(p, dayfirst)
            except DateError as e:
                result.problems.append(Problem(line, "published", str(e)))
                continue
        seen[rid] = text
        result.report_rows.append(line)
        result.reports.append(Report(rid, text, published, source or None, language.lower() or None, title or None))


class _RowRejected(Exception):
    def __init__(self, column: str | None, reason: str):
        self.column, self.reason = column, reason


def _read_events(col: _Table, lines: list[int], result: ReadResult, fmt: str, resolve_places, progress) -> None:
    acled = fmt.startswith("acled")
    starts = col("event_date") if acled else col("start_date", "date")
    ends = col("end_date")
    dayfirst = guess_dayfirst(list(dict.fromkeys(starts + ends)))
    dates = _each(lambda s, e: _dates(s, e, "event_date" if acled else "start_date", dayfirst), starts, ends)
    if acled:
        names_column = col("location")
        names = sorted(set(names_column) - {""})
    else:
        origin_names, dest_names = col("origin"), col("destination", "location")
        names = sorted((set(origin_names) | set(dest_names)) - {""})
    places = resolve_places(names) if resolve_places else {n: Place(n) for n in names}
    checks, columns_of = (
        _acled_columns(col, dates, names_column, places)
        if acled
        else _movement_columns(col, dates, origin_names, dest_names, places)
    )
    if progress:
        progress(0.5)
    # a row is rejected for the first reason found, in the order the checks come
    rejected: dict[int, _RowRejected] = {}
    for answers in checks:
        if answers.rejected:
            for i, a in enumerate(answers):
                if type(a) is _RowRejected:
                    rejected.setdefault(i, a)
    result.problems.extend(Problem(lines[i], e.column, e.reason) for i, e in sorted(rejected.items()))
    keep = [i not in rejected for i in range(len(lines))] if rejected else None
    columns = columns_of((lambda c: list(compress(c, keep))) if keep else (lambda c: c))
    result.events = EventTable(columns)
    result.event_rows = list(compress(lines, keep)) if keep else lines
    unresolved = {id(p) for p in columns["place"] if not p.resolved} | {
        id(p) for p in columns["origin"] if p is not None and not p.resolved
    }
    if unresolved:
        for line, origin, place in zip(result.event_rows, columns["origin"], columns["place"]):
            if id(origin) in unresolved or id(place) in unresolved:
                result.unresolved.extend(
                    {"row": line, "name": p.mention} for p in (origin, place) if id(p) in unresolved
                )
    if progress:
        progress(1.0)


def _dates(s: str, e: str, column: str, dayfirst: bool) -> tuple[dt.date, dt.date | None, Precision]:
    if not s:
        raise _RowRejected(column, "no date")
    try:
        start, precision = parse_date(s, dayfirst)
    except DateError as err:
        raise _RowRejected(column, str(err)) from None
    end = None
    if e:
        try:
            end, _ = parse_date(e, dayfirst)
        except DateError as err:
            raise _RowRejected("end_date", str(err)) from None
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


def _kind(text: str, has_origin: bool) -> Kind:
    text = text.lower()
    if text and text not in {"movement", "presence"}:
        raise _RowRejected("kind", f"kind {text!r} is neither 'movement' nor 'presence'")
    return Kind(text) if text else Kind.MOVEMENT if has_origin else Kind.PRESENCE


def _strength(text: str) -> tuple[int | None, bool]:
    try:
        return parse_strength(text)
    except ValueError as e:
        raise _RowRejected("strength", str(e)) from None


def _confidence(label: str, stated_reliability: str) -> tuple[int | None, str | None, str | None]:
    """(credibility digit, the label as written, source reliability letter)."""
    try:
        conf = parse_confidence(label)
    except UnknownConfidenceLabel as e:
        raise _RowRejected("confidence", str(e)) from None
    reliability = conf.reliability if conf else None
    if stated_reliability:
        if not re.fullmatch(r"[A-Fa-f]", stated_reliability):
            raise _RowRejected("source_reliability", f"source reliability {stated_reliability!r} is not a letter A-F")
        reliability = stated_reliability.upper()
    return (conf.credibility, conf.label, reliability) if conf else (None, None, reliability)


def _precision(text: str) -> Precision | None:
    text = text.lower()
    if text and text not in {p.value for p in Precision}:
        raise _RowRejected("precision", f"precision {text!r} is not one of day, week, month, year")
    return Precision(text) if text else None


def _movement_columns(col: _Table, dates, origin_names, dest_names, places):
    """The checks of a movements file, and a function that gives its event columns for the rows kept."""
    dests = _each(
        lambda n, la, lo: _place(n, la, lo, "destination", places),
        dest_names,
        col("destination_lat", "location_lat", "lat", "latitude"),
        col("destination_lon", "location_lon", "lon", "longitude"),
    )
    origins = _each(
        lambda n, la, lo: _place(n, la, lo, "origin", places), origin_names, col("origin_lat"), col("origin_lon")
    )
    no_place = _Answers()
    if None in dests:
        reason = _RowRejected("destination", "no place: the destination/location has neither a name nor coordinates")
        no_place = _Answers(reason if d is None else d for d in dests)
        no_place.rejected = True
    kinds = _each(_kind, col("kind"), [o is not None and type(o) is not _RowRejected for o in origins])
    strengths = _each(_strength, col("strength"))
    confidences = _each(_confidence, col("confidence"), col("source_reliability"))
    precisions = _each(_precision, col("precision"))

    def columns(kept: Callable[[list], list]) -> dict[str, list]:
        when, strength, conf = kept(dates), kept(strengths), kept(confidences)
        return {
            "kind": kept(kinds),
            "place": kept(dests),
            "origin": kept(origins),
            "start": list(map(itemgetter(0), when)),
            "end": list(map(itemgetter(1), when)),
            "precision": [p or d[2] for p, d in zip(kept(precisions), when)],
            "unit": _text(kept(col("unit"))),
            "strength": list(map(itemgetter(0), strength)),
            "strength_approx": list(map(itemgetter(1), strength)),
            "confidence": list(map(itemgetter(0), conf)),
            "confidence_label": list(map(itemgetter(1), conf)),
            "reliability": list(map(itemgetter(2), conf)),
            "source": _text(kept(col("source"))),
            "source_url": _text(kept(col("source_url"))),
            "report_id": _text(kept(col("report_id"))),
            "event_id": _text(kept(col("event_id"))),
            "evidence": _text(kept(col("evidence", "notes"))),
            "notes": _text(kept(col("notes"))),
            "extra": [None] * len(when),
        }

    return [dates, dests, origins, no_place, kinds, strengths, confidences, precisions], columns


ACLED_PRECISION = {"1": Precision.DAY, "2": Precision.WEEK, "3": Precision.MONTH}
ACLED_GEO_KM = {"1": None, "2": 25.0, "3": 100.0}  # ACLED geo_precision: exact town, nearby, region


def _acled_place(name: str, lat: str, lon: str, iso: str, geo_precision: str, places) -> Place:
    place = _place(name, lat, lon, "location", places)
    if place is None:
        raise _RowRejected("location", "no place: location, latitude and longitude are empty")
    if not place.resolved:
        return place
    return Place(
        place.mention,
        place.name,
        place.lat,
        place.lon,
        iso if not iso.isdigit() else None,
        "city",
        None,
        "acled",
        "matched",
        ACLED_GEO_KM.get(geo_precision),
    )


def _acled_columns(col: _Table, dates, names, places):
    located = _each(
        lambda *v: _acled_place(*v, places), names, col("latitude"), col("longitude"), col("iso"), col("geo_precision")
    )

    def columns(kept: Callable[[list], list]) -> dict[str, list]:
        n = len(kept(dates))
        event_types, sub_types = kept(col("event_type")), kept(col("sub_event_type"))
        return {
            "kind": [Kind.PRESENCE] * n,
            "place": kept(located),
            "origin": [None] * n,
            "start": list(map(itemgetter(0), kept(dates))),
            "end": [None] * n,
            "precision": [ACLED_PRECISION.get(p, Precision.DAY) for p in kept(col("time_precision"))],
            "unit": [
                " / ".join(a for a in pair if a) or None for pair in zip(kept(col("actor1")), kept(col("actor2")))
            ],
            "strength": [None] * n,
            "strength_approx": [False] * n,
            "confidence": [None] * n,
            "confidence_label": [None] * n,
            "reliability": [None] * n,
            "source": _text(kept(col("source"))),
            "source_url": [None] * n,
            "report_id": [None] * n,
            "event_id": _text(kept(col("event_id_cnty"))),
            "evidence": _text(kept(col("notes"))),
            "notes": [s or e or None for s, e in zip(sub_types, event_types)],
            "extra": [{"event_type": e, "fatalities": f} for e, f in zip(event_types, kept(col("fatalities")))],
        }

    return [dates, located], columns
