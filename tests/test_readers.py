import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.dates import DateError, parse_date
from geo.ingest import place_resolver
from geo.model import Precision
from geo.readers import ReadError, parse_strength, read_csv_bytes


def read(fixture_bytes, name, geocoder):
    return read_csv_bytes(fixture_bytes(name), place_resolver(geocoder))


def test_messy_file_keeps_good_rows_and_says_why_bad_ones_went(fixture_bytes, geocoder):
    r = read(fixture_bytes, "messy.csv", geocoder)
    assert (r.format, r.encoding, r.delimiter, r.rows) == ("movements", "utf-8-sig", ";", 11)
    reasons = {p.row: (p.column, p.reason) for p in r.problems}
    assert set(reasons) == {4, 8, 9, 10, 11}
    assert reasons[4][0] == "start_date" and "impossible date" in reasons[4][1]
    assert reasons[8][0] == "destination" and "no place" in reasons[8][1]
    assert reasons[9][0] == "strength" and "negative" in reasons[9][1]
    assert reasons[10][0] == "end_date" and "before start" in reasons[10][1]
    assert reasons[11][0] == "confidence" and "fairly sure-ish" in reasons[11][1]
    # every row is either accepted or explained
    assert len(r.events) + len(r.problems) == r.rows
    assert r.unresolved == [{"row": 5, "name": "Xanadu-on-Thames"}]


def test_messy_file_values(fixture_bytes, geocoder):
    r = read(fixture_bytes, "messy.csv", geocoder)
    a1 = r.events[0]
    assert (a1.start, a1.end, a1.strength, a1.strength_approx) == (
        dt.date(2024, 11, 9),
        dt.date(2024, 11, 12),
        2000,
        True,
    )
    assert (a1.confidence, a1.reliability, a1.confidence_label) == (2, "B", "B2")
    assert a1.origin.name == "Namp’o" and a1.place.name == "Vladivostok"
    unit_texts = [e.unit for e in r.events]
    assert "<img src=x onerror=alert(1)>" in unit_texts  # kept as text; escaping is the writer's job


def test_cp1251_file_is_decoded(fixture_bytes, geocoder):
    r = read(fixture_bytes, "cyrillic_cp1251.csv", geocoder)
    assert r.encoding == "cp1251"
    assert [e.place.name for e in r.events] == ["Blagoveshchensk", "Ussuriysk"]
    assert [e.confidence for e in r.events] == [2, 6]


@pytest.mark.parametrize("name, fmt", [("acled_current.csv", "acled"), ("acled_legacy.csv", "acled-legacy")])
def test_acled_layouts(fixture_bytes, geocoder, name, fmt):
    r = read(fixture_bytes, name, geocoder)
    assert r.format == fmt
    assert all(e.place.resolved and e.event_id.startswith("RUS") for e in r.events)
    assert all(e.unit and "North Korea" in e.unit or "Russia" in e.unit for e in r.events)


def test_acled_precision_and_bad_rows(fixture_bytes, geocoder):
    r = read(fixture_bytes, "acled_current.csv", geocoder)
    assert [e.precision for e in r.events] == [Precision.DAY, Precision.WEEK]
    assert r.events[1].place.uncertainty_km == 100.0  # geo_precision 3: a region
    assert [(p.row, p.column) for p in r.problems] == [(4, "event_date")]


def test_acled_legacy_written_dates(fixture_bytes, geocoder):
    r = read(fixture_bytes, "acled_legacy.csv", geocoder)
    assert r.events[0].start == dt.date(2022, 11, 12)


def test_reports_file(fixture_bytes):
    r = read_csv_bytes(fixture_bytes("reports.csv"))
    assert r.format == "reports" and [x.report_id for x in r.reports] == ["T1", "T2", "T3"]
    assert r.reports[1].language == "ru" and r.reports[0].published == dt.date(2024, 11, 20)


def test_month_first_file_is_detected():
    data = b"start_date,destination\n10/25/2024,Vladivostok\n11/02/2024,Ussuriysk\n"
    r = read_csv_bytes(data)
    assert [e.start for e in r.events] == [dt.date(2024, 10, 25), dt.date(2024, 11, 2)]


@pytest.mark.parametrize(
    "bad, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "not a text file"),
        (b"foo,bar\n1,2\n", "unknown layout"),
    ],
)
def test_unreadable_files_are_one_clear_error(bad, message):
    with pytest.raises(ReadError, match=message):
        read_csv_bytes(bad)


def test_row_with_too_many_fields_is_rejected_not_shifted():
    r = read_csv_bytes(b"start_date,destination\n2024-10-01,Vladivostok,extra,stuff\n2024-10-02,Ussuriysk\n")
    assert [p.row for p in r.problems] == [2] and "fields" in r.problems[0].reason
    assert len(r.events) == 1


@pytest.mark.parametrize(
    "text, value",
    [
        ("1500", (1500, False)),
        ("~1 500", (1500, True)),
        ("12,000", (12000, False)),
        ("1.500", (1500, False)),
        ("about 10,000", (10000, True)),
        ("", (None, False)),
    ],
)
def test_strength(text, value):
    assert parse_strength(text) == value


@pytest.mark.parametrize("text", ["-5", "lots", "1,5"])
def test_bad_strength(text):
    with pytest.raises(ValueError):
        parse_strength(text)


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("2024-10-08", dt.date(2024, 10, 8), Precision.DAY),
        ("2024-10", dt.date(2024, 10, 1), Precision.MONTH),
        ("October 2024", dt.date(2024, 10, 1), Precision.MONTH),
        ("8 October 2024", dt.date(2024, 10, 8), Precision.DAY),
        ("2024-W42", dt.date(2024, 10, 14), Precision.WEEK),
    ],
)
def test_dates_keep_their_precision(text, date, precision):
    assert parse_date(text) == (date, precision)


@pytest.mark.parametrize("text", ["2024-13-45", "31/02/2024", "next Tuesday"])
def test_impossible_dates(text):
    with pytest.raises(DateError):
        parse_date(text)


HEADERS = [
    "start_date,destination,confidence,strength,end_date,origin",
    "event_id;date;location;confidence",
    "report_id,published,text",
    "event_id_cnty,event_date,latitude,longitude,location",
]
cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "2024-10-08",
            "2024-13-45",
            "31/12/2024",
            "Vladivostok",
            "Курск",
            "B2",
            "likely",
            "-5",
            "~1 500",
            '"',
            '"a,b"',
            "=1+1",
            "\x00",
            "\r",
            ";",
            "\t",
            "2024-10",
        ]
    ),
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from(HEADERS),
    rows=st.lists(st.lists(cell, max_size=8), max_size=8),
    encoding=st.sampled_from(["utf-8", "cp1251", "utf-16"]),
    sep=st.sampled_from([",", ";", "\t"]),
)
def test_malformed_files_never_crash_and_never_lose_a_row(header, rows, encoding, sep):
    text = header.replace(",", sep).replace(";", sep) + "\n" + "\n".join(sep.join(r) for r in rows)
    try:
        data = text.encode(encoding, errors="replace")
    except UnicodeError:
        return
    try:
        r = read_csv_bytes(data)
    except ReadError:
        return  # a whole-file error is allowed, and has a message
    # every non-empty data row is accounted for: accepted or rejected with a reason
    taken = len(r.events) + len(r.reports)
    assert taken + len({p.row for p in r.problems}) == r.rows
    assert all(p.reason for p in r.problems)


def test_a_report_the_extractor_chokes_on_is_named_and_the_others_still_load(fixture_bytes, geocoder, monkeypatch):
    from geo import extraction
    from geo.ingest import read_upload

    real = extraction.Extractor.extract

    def flaky(self, report):
        if report.report_id == "T2":
            raise RuntimeError("boom")
        return real(self, report)

    monkeypatch.setattr(extraction.Extractor, "extract", flaky)
    seen = []
    r = read_upload(fixture_bytes("reports.csv"), geocoder, progress=seen.append)
    assert [(p.row, p.column) for p in r.problems] == [(3, "text")] and "T2" in r.problems[0].reason
    assert [x.report_id for x in r.reports] == ["T1", "T3"] and r.events
    assert seen[-1] == 1.0


def test_review_drops_unticked_events_and_takes_edits(fixture_bytes, geocoder):
    from geo.ingest import apply_review, read_upload, review_rows

    result = read_upload(fixture_bytes("messy.csv"), geocoder)
    rows = review_rows(result)
    rows[0]["keep"] = False
    assert "None" not in {str(v) for r in rows for k, v in r.items() if k not in ("start", "end", "strength")}
    rows[1]["confidence"] = "2 – Probably true"  # as the grid's choice list offers it
    rows[1]["unit"] = "Marine brigade (checked)"
    reviewed = apply_review(result, rows)
    assert len(reviewed.events) == len(result.events) - 1
    assert (reviewed.events[0].confidence, reviewed.events[0].unit) == (2, "Marine brigade (checked)")
    assert reviewed.events[0].confidence_label == "2"  # what a CSV saying 2 gives: export and re-import agree
    rows[1]["confidence"] = 9
    with pytest.raises(ValueError, match="Admiralty"):
        apply_review(result, rows)


def test_a_broken_row_does_not_change_how_the_other_rows_read(fixture_bytes, geocoder):
    """Whole files of one-line rows and files with a broken row are parsed differently; users see one result."""
    clean = read(fixture_bytes, "messy.csv", geocoder)
    broken = read_csv_bytes(
        fixture_bytes("messy.csv") + b'2024-10-09;"Vladivostok;B2;one;two;three;four;five;six;seven;eight;nine\n',
        place_resolver(geocoder),
    )
    assert list(broken.events) == list(clean.events) and broken.event_rows == clean.event_rows
    assert broken.unresolved == clean.unresolved
    assert [p.row for p in broken.problems] == [p.row for p in clean.problems] + [clean.rows + 2]
    assert broken.rows == clean.rows + 1


def test_rows_after_a_field_that_spans_lines_keep_their_spreadsheet_row_numbers():
    data = b'start_date,destination,notes\n2024-10-01,Vladivostok,"two\nlines"\n\n2024-10-02,Ussuriysk,\n2024-13-40,Khabarovsk,\n'
    r = read_csv_bytes(data)
    assert r.event_rows == [2, 4] and [p.row for p in r.problems] == [5]  # the blank line is row 3
    assert r.events[0].notes == "two\nlines"


def test_review_edits_survive_export_and_reimport(fixture_bytes, geocoder, tmp_path):
    """Ingest, edit every editable column, store, export CSV, ingest into an empty store: the same events."""
    from geo.export import to_csv
    from geo.ingest import apply_review, commit_upload, read_upload, review_rows
    from geo.spreadsheet import safe_rows
    from geo.store import Store

    result = read_upload(fixture_bytes("messy.csv"), geocoder)
    rows = safe_rows(review_rows(result))  # what the grid shows (formula-safe text)
    rows[0]["keep"] = False
    for i, r in enumerate(rows[1:4], 1):
        r["unit"] = ["=SUM(1)", "Marines (checked)", ""][i - 1]
        r["strength"] = [1200, None, 0][i - 1]
        r["confidence"] = ["1 – Confirmed by other sources", "", "5 – Improbable"][i - 1]
    reviewed = apply_review(result, rows)
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        commit_upload(reviewed, a, "messy.csv")
        exported = to_csv(a.events()).encode("utf-8")
        commit_upload(read_upload(exported, geocoder), b, "export.csv")
        first = sorted(a.events(), key=lambda e: e.key())
        again = sorted(b.events(), key=lambda e: e.key())
    assert [e.key() for e in first] == [e.key() for e in again]
    fields = ("unit", "strength", "strength_approx", "confidence", "start", "end", "kind")
    assert [tuple(getattr(e, f) for f in fields) for e in first] == [
        tuple(getattr(e, f) for f in fields) for e in again
    ]
    assert "=SUM(1)" in {e.unit for e in again}  # the text as typed, not the escaped form


# -- hostile files (issue 15) ---------------------------------------------------------------------------------
def test_a_stray_quote_names_its_row_and_the_rows_it_swallowed_are_kept(fixture_bytes):
    """Row 5 of 11 opens a quote it never closes: rows 6-11 used to vanish into its unit, with `rows: 4`."""
    r = read_csv_bytes(fixture_bytes("stray_quote.csv"))
    assert r.rows == 10
    assert [(p.row, p.column) for p in r.problems] == [(5, None)]
    assert "unbalanced quote" in r.problems[0].reason and "6 lines below" in r.problems[0].reason
    assert r.event_rows == [2, 3, 4, 6, 7, 8, 9, 10, 11]
    assert [e.event_id for e in r.events] == ["Q2", "Q3", "Q4", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11"]
    assert [e.strength for e in r.events][-1] == 1100 and all("\n" not in e.unit for e in r.events)


def test_a_quote_closed_rows_later_names_each_broken_row_and_keeps_the_rest():
    rows = ["start_date,destination,unit"] + [f"2024-10-{i:02d},Vladivostok,Unit {i}" for i in range(2, 12)]
    rows[4] = '2024-10-05,Vladivostok,"Unit 5'  # opens a quote ...
    rows[6] = '2024-10-07,"Vladivostok,Unit 7'  # ... closed here, which opens another ...
    rows[7] = '2024-10-08,Vladivostok,"Unit, 8"'  # ... closed by this legitimate quoted field
    r = read_csv_bytes(("\n".join(rows) + "\n").encode())
    assert [p.row for p in r.problems] == [5, 7] and all("unbalanced quote" in p.reason for p in r.problems)
    assert r.event_rows == [2, 3, 4, 6, 8, 9, 10, 11] and r.events[4].unit == "Unit, 8"
    assert len(r.events) + len(r.problems) == r.rows == 10


def test_fields_that_really_span_lines_are_still_one_row():
    data = (
        b"report_id,published,source,language,title,text\n"
        b'T1,2024-10-01,x,en,t,"First paragraph, with, many, commas, in, it.\nSecond, also, with, five, commas, here."\n'
        b"T2,2024-10-02,x,en,t,Plain\n"
    )
    r = read_csv_bytes(data)
    assert r.problems == [] and r.report_rows == [2, 3] and "\nSecond" in r.reports[0].text


def test_rows_in_different_encodings_are_each_read_in_their_own_and_never_stored_garbled(fixture_bytes):
    """UTF-8, Windows-1251 and Latin-1 rows in one file: read as "mac_latin2", every row garbled, before."""
    r = read_csv_bytes(fixture_bytes("mixed_encodings.csv"))
    assert r.encoding == "mixed: utf-8, cp1251, cp1252"
    assert [(e.event_id, e.place.mention, e.unit) for e in r.events] == [
        ("M2", "Владивосток", "Морская пехота"),
        ("M3", "Уссурийск", "Бригада связи"),
        ("M4", "Vladivostok", "Légion étrangère"),
        ("M6", "Khabarovsk", "Сводный батальон"),
    ]
    # b"\xe9\xf2\xe9" is "йтй" in Windows-1251 and "éòé" in Windows-1252: no way to tell, so the row is named
    assert [(p.row, p.column) for p in r.problems] == [(5, None)]
    assert "not UTF-8" in r.problems[0].reason and "save the file as UTF-8" in r.problems[0].reason
    assert r.rows == 5


def test_one_code_page_throughout_is_still_read_as_that_code_page(fixture_bytes):
    r = read_csv_bytes("start_date,destination,unit\n2024-10-01,Владивосток,Бригада морской пехоты\n".encode("cp1251"))
    assert r.encoding == "cp1251" and r.events[0].unit == "Бригада морской пехоты"


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "31/12/9999", "0001-W01"])
def test_dates_outside_1900_to_2100_are_rejected_with_a_reason(text):
    with pytest.raises(DateError, match="outside the years 1900–2100"):
        parse_date(text)


def test_far_dates_are_rejected_rows_and_the_timeline_still_draws(fixture_bytes):
    """9999-12-31 and 0001-01-01 were accepted, and the timeline then crashed with OverflowError."""
    from geo.timeline import timeline_bytes

    r = read_csv_bytes(fixture_bytes("far_dates.csv"))
    assert [(p.row, p.column) for p in r.problems] == [
        (2, "start_date"),
        (3, "start_date"),
        (4, "end_date"),
        (6, "start_date"),
    ]
    assert all("outside the years 1900–2100" in p.reason for p in r.problems)
    assert [e.event_id for e in r.events] == ["F5"]
    assert timeline_bytes(r.events, "png", title="t", subtitle="s").startswith(b"\x89PNG")


def test_a_file_over_the_size_limit_is_refused_with_the_setting_named(monkeypatch):
    monkeypatch.setenv("TROOPMAP_MAX_UPLOAD_MB", "1")
    data = b"start_date,destination\n" + b"2024-10-01,Vladivostok\n" * 50_000  # 1.1 MB
    with pytest.raises(ReadError, match="larger than 1 MB.*TROOPMAP_MAX_UPLOAD_MB"):
        read_csv_bytes(data)
    monkeypatch.setenv("TROOPMAP_MAX_UPLOAD_MB", "2")
    assert len(read_csv_bytes(data).events) == 50_000


def test_a_million_column_header_is_a_short_error():
    """The 'unknown layout' error used to list every column: 8.9 MB for a million of them."""
    with pytest.raises(ReadError) as e:
        read_csv_bytes((",".join(f"column{i}" for i in range(1_000_000)) + "\n").encode())
    assert len(str(e.value)) < 200 and "1,000,000 columns" in str(e.value)
    with pytest.raises(ReadError, match="unknown layout") as e:
        read_csv_bytes((",".join(f"column{i}" for i in range(900)) + "\n").encode())
    assert len(str(e.value)) < 600 and "900 in all" in str(e.value)


@pytest.mark.parametrize("column", ["start_date", "confidence", "strength", "source_reliability", "kind"])
def test_problems_are_short_whatever_the_cell_holds(column):
    cells = {"start_date": "2024-10-01", "destination": "Vladivostok"} | {column: "x" * 5_000_000}
    header = ",".join(cells)
    r = read_csv_bytes(f"{header}\n{','.join(cells.values())}\n".encode())
    assert [p.column for p in r.problems] == [column]
    assert len(r.problems[0].reason) <= 500


_word = st.text(alphabet="abcxyz ВладБ12-", min_size=1, max_size=8).filter(str.strip)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 12), data=st.data(), sep=st.sampled_from([",", ";", "\t"]))
def test_stray_quotes_never_let_a_row_vanish_into_another(n, data, sep):
    """Up to three fields open a quote they never close: every row is still accepted or named, and no accepted
    value holds another row."""
    rows = [[f"2024-10-{i % 28 + 1:02d}", data.draw(_word), data.draw(_word)] for i in range(n)]
    for k in data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True)):
        col = data.draw(st.integers(0, 2))
        rows[k][col] = '"' + rows[k][col]
    text = sep.join(["start_date", "destination", "unit"]) + "\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    r = read_csv_bytes(text.encode())
    named = {p.row for p in r.problems}
    assert all(row in named or row in r.event_rows for row in range(2, n + 2))
    assert not any("\n" in (e.unit or "") or "\n" in (e.place.mention or "") for e in r.events)
    assert len(r.events) + len(named) == r.rows == n


_legit = st.one_of(
    _word,
    _word.map(lambda w: f'"{w}, {w}"'),
    _word.map(lambda w: f'"{w}\nmore {w}"'),
    _word.map(lambda w: f'"say ""{w}"""'),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 10), data=st.data(), sep=st.sampled_from([",", ";"]))
def test_stray_quotes_among_good_quoting_never_let_a_row_vanish(n, data, sep):
    """Quoted fields with delimiters, line breaks and doubled quotes, and up to two fields with a quote too many
    at their start or end: every row is accepted or named, and no accepted value holds another row."""
    rows = [[f"E{i}", f"2024-10-{i % 28 + 1:02d}", data.draw(_word), data.draw(_legit)] for i in range(n)]
    for k in data.draw(st.lists(st.integers(0, n - 1), max_size=2, unique=True)):
        col = data.draw(st.integers(0, 3))
        rows[k][col] = '"' + rows[k][col].lstrip('"') if data.draw(st.booleans()) else rows[k][col] + '"'
    header = sep.join(["event_id", "start_date", "destination", "notes"])
    r = read_csv_bytes((header + "\n" + "\n".join(sep.join(row) for row in rows) + "\n").encode())
    named = {p.row for p in r.problems}
    assert all(row in named or row in r.event_rows for row in range(2, n + 2))
    assert not any("\nE" in (v or "") for e in r.events for v in (e.notes, e.place.mention, e.event_id))
    # a broken field that spanned lines may leave its last lines as rows of their own, each named
    assert len(r.events) + len(named) == r.rows >= n


_RUSSIAN = "бригада морской пехоты Владивосток Уссурийск войска переброска батальон сводный полк Хабаровск".split()
_WESTERN = "Légion étrangère brigade Größe Straße mouvement régiment über Truppen división señal élite".split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), n=st.integers(1, 8))
def test_rows_in_any_mix_of_encodings_are_read_right_or_named(data, n):
    """Russian rows in UTF-8 or Windows-1251 and Western rows in UTF-8 or Windows-1252, in any mix: each value
    read is the one written (never garbled), and a row that cannot be read is named."""
    body, want = b"event_id,start_date,destination,unit\n", {}
    for i in range(n):
        russian = data.draw(st.booleans())
        words = " ".join(
            data.draw(st.lists(st.sampled_from(_RUSSIAN if russian else _WESTERN), min_size=1, max_size=3))
        )
        encoding = data.draw(st.sampled_from(["utf-8", "cp1251" if russian else "cp1252"]))
        body += f"E{i},2024-10-{i + 1:02d},Vladivostok,{words}\n".encode(encoding)
        want[f"E{i}"] = words
    r = read_csv_bytes(body)
    assert {e.event_id: e.unit for e in r.events} == {k: want[k] for k in (e.event_id for e in r.events)}
    assert len(r.events) + len({p.row for p in r.problems}) == n


def test_a_short_western_file_guessed_as_a_korean_code_page_is_read_as_windows_1252():
    """charset-normalizer called a one-row French file 'johab' (found by the property test above)."""
    body = b"event_id,start_date,destination,unit\n" + "E0,2024-10-01,Vladivostok,étrangère étrangère\n".encode(
        "cp1252"
    )
    assert [e.unit for e in read_csv_bytes(body).events] == ["étrangère étrangère"]
    korean = b"event_id,start_date,destination,unit\n" + "E0,2024-10-01,Vladivostok,북한 특수부대\n".encode("cp949")
    assert [e.unit for e in read_csv_bytes(korean).events] == ["북한 특수부대"]
