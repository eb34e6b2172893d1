"""`python -m geo SUBCOMMAND`: the command line of CONTRACT.md.

Machine-readable output on stdout, human messages on stderr; exit 0 on success, 1 when the input was
processed but some of it was rejected, 2 when nothing could run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

log = logging.getLogger("geo")

FORMATS = ["csv", "geojson", "kml", "html", "png", "timeline-png", "timeline-svg"]


class UsageError(Exception):
    pass


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=_date, help="keep events that end on or after this date")
    p.add_argument("--until", type=_date, help="keep events that start on or before this date")
    p.add_argument(
        "--min-confidence",
        type=int,
        choices=range(1, 7),
        metavar="N",
        help="keep Admiralty credibility 1..N (1 = confirmed)",
    )
    p.add_argument("--unit", help="keep units whose name contains this text")
    p.add_argument("--report", help="keep events from this report id")
    p.add_argument("--source", help="keep sources whose name contains this text")


def filters_from(a: argparse.Namespace):
    from geo.store import Filters

    return Filters(a.since, a.until, a.min_confidence, a.unit, a.report, getattr(a, "source", None))


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m geo", description="troopmap: map reported troop movements")
    ap.add_argument("--db", default=os.environ.get("TROOPMAP_DB"), help="store: SQLite path or sqlite:/// URL")
    ap.add_argument(
        "--nominatim",
        action="store_true",
        default=os.environ.get("TROOPMAP_NOMINATIM") == "1",
        help="ask Nominatim (online, 1 request/s) for names the offline gazetteer lacks",
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    sub = ap.add_subparsers(dest="command", required=True)

    g = sub.add_parser("geocode", help="resolve place names; one JSON object per line")
    g.add_argument("names", nargs="+")
    g.add_argument("--near", nargs="*", default=[], help="names of places the names are near (context)")
    g.add_argument("--country", help="ISO-2 country code the places must be in")
    g.add_argument(
        "--explain",
        action="store_true",
        help="add to each line an 'explain' object: every candidate's score and its reasons, and the decision",
    )

    x = sub.add_parser("extract", help="read a reports CSV and print the places and events found")
    x.add_argument("file", type=Path)

    i = sub.add_parser("ingest", help="read a movements, ACLED or reports CSV into the store")
    i.add_argument("file", type=Path)
    i.add_argument("--user", default=os.environ.get("USER", ""), help="who uploads (kept with the upload)")

    e = sub.add_parser("export", help="write the filtered events")
    e.add_argument("--format", choices=FORMATS, required=True)
    e.add_argument(
        "--output", "-o", type=Path, help="file to write (default: stdout; images need a file or go to stdout as bytes)"
    )
    e.add_argument("--title", default="Reported troop movements")
    e.add_argument(
        "--classification",
        default=os.environ.get("TROOPMAP_CLASSIFICATION", ""),
        help="handling line printed on images, e.g. 'UNCLASSIFIED // FOR TRAINING'",
    )
    e.add_argument("--tiles", default="offline", help="'offline' (default), 'osm' or a tile URL template")
    add_filter_args(e)

    b = sub.add_parser("brief", help="write a briefing pack: map and timeline images, events table")
    b.add_argument("--output", "-o", type=Path, required=True, help="folder to write the pack into")
    b.add_argument("--title", default="Reported troop movements")
    b.add_argument("--classification", default=os.environ.get("TROOPMAP_CLASSIFICATION", ""))
    b.add_argument("--tiles", default="offline")
    add_filter_args(b)
    return ap


def _geocoder(a, store=None):
    from geo.places.resolver import Geocoder, NominatimResolver

    return Geocoder(nominatim=NominatimResolver() if a.nominatim else None, store=store)


def cmd_geocode(a) -> int:
    # imports only what resolving needs: no store unless Nominatim's cache is wanted, no map or briefing code
    store = None
    if a.nominatim:
        from geo.store import Store

        store = Store(a.db)
    results = _geocoder(a, store).resolve_all(a.names, a.near, a.country, explain=a.explain)
    for r in results:
        print(json.dumps(r.to_dict(), ensure_ascii=False))
    return 1 if any(r.status in {"not_found", "error"} for r in results) else 0


def cmd_extract(a) -> int:
    from geo.extraction import Extractor, extract_all, unreadable
    from geo.readers import read_csv_bytes, read_file_bytes

    result = read_csv_bytes(read_file_bytes(a.file))
    if result.format != "reports":
        raise UsageError(f"{a.file} is a {result.format} file; extract reads a reports CSV (report_id, text, ...)")
    extractions = extract_all(Extractor(_geocoder(a)), result.reports, processes=None)
    print(
        json.dumps([x.to_contract() for x in extractions if not isinstance(x, Exception)], ensure_ascii=False, indent=1)
    )
    for report, row, x in zip(result.reports, result.report_rows, extractions):
        if isinstance(x, Exception):
            result.problems.append(unreadable(report, row, x))
    for p in sorted(result.problems, key=lambda p: p.row):
        print(f"row {p.row}: {p.column or ''}: {p.reason}", file=sys.stderr)
    return 1 if result.problems else 0


def cmd_ingest(a) -> int:
    from geo.ingest import ingest_file
    from geo.store import Store

    with Store(a.db) as store:
        summary = ingest_file(a.file, store, _geocoder(a, store), a.user)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(
        f"{a.file}: {summary['accepted']} accepted, {summary['duplicates']} already stored, "
        f"{len(summary['rejected'])} rejected, {len(summary['unresolved'])} places unresolved",
        file=sys.stderr,
    )
    return 1 if summary["rejected"] else 0


def cmd_export(a) -> int:
    from geo import briefing, export
    from geo.mapping import MapOptions, map_html
    from geo.store import Store

    f = filters_from(a)
    with Store(a.db) as store:
        events = store.events(f)
    subtitle = briefing.subtitle(f, events)
    if a.format in {"png", "timeline-png", "timeline-svg"}:
        if a.format == "png":
            data = briefing.map_png(
                events,
                MapOptions(
                    inline=True,
                    tiles=a.tiles,
                    title=a.title,
                    subtitle=subtitle,
                    classification=a.classification or None,
                    time_control=False,
                    sources_url=None,
                ),
            )
        else:
            data = briefing.timeline_image(events, a.format.split("-")[1], a.title, subtitle, a.classification)
        if a.output:
            a.output.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return 0
    text = {
        "csv": lambda: export.to_csv(events),
        "geojson": lambda: export.to_geojson(events),
        "kml": lambda: export.to_kml(events, a.title),
        "html": lambda: map_html(
            events,
            MapOptions(
                inline=True,
                tiles=a.tiles,
                title=a.title,
                subtitle=subtitle,
                classification=a.classification or None,
                sources_url=None,
            ),
        ),
    }[a.format]()
    if a.output:
        a.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"exported {len(events)} events ({f.describe()})", file=sys.stderr)
    return 0


def cmd_brief(a) -> int:
    from geo import briefing
    from geo.store import Store

    f = filters_from(a)
    with Store(a.db) as store:
        events = store.events(f)
    files = briefing.write_pack(events, a.output, a.title, briefing.subtitle(f, events), a.classification, a.tiles)
    print(json.dumps({"events": len(events), "files": [str(p) for p in files]}, indent=1))
    return 0


COMMANDS = {
    "geocode": cmd_geocode,
    "extract": cmd_extract,
    "ingest": cmd_ingest,
    "export": cmd_export,
    "brief": cmd_brief,
}


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    try:
        a = ap.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    logging.basicConfig(
        level=logging.INFO if a.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return COMMANDS[a.command](a)
    except Exception as e:
        if isinstance(e, sqlite3.DatabaseError):  # the store opened, then a damaged page turned up while reading it
            print(f"error: the store {a.db or 'TROOPMAP_DB'} is damaged: {e}", file=sys.stderr)
            return 2
        if not isinstance(e, (OSError, UsageError, *_known_errors())):
            raise
        print(f"error: {e}", file=sys.stderr)
        return 2


def _known_errors() -> tuple[type[Exception], ...]:
    """The errors that mean "could not run" (exit 2), imported only once one was raised: ``geocode`` must not
    pay for loading the store, the readers and the briefing code to start."""
    from geo.briefing import BrowserUnavailable
    from geo.readers import ReadError
    from geo.store import StoreError

    return (StoreError, ReadError, BrowserUnavailable)
