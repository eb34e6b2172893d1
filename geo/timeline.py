"""The timeline: one clean chart of the filtered events over time, readable at slide size.

One lane per place; a bar for a date range, a dot for a single date, coloured by confidence; each mark
labelled with the unit (and strength). The title, the filters and a handling line are on the chart itself.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display: charts are files
# SVG text as glyph outlines: slide software cannot substitute another font; each string is kept in a comment
matplotlib.rcParams["svg.fonttype"] = "path"
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.font_manager  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402

from geo.dates import period_end  # noqa: E402
from geo.mapping import STYLE, strength_text  # noqa: E402
from geo.model import Event, Kind  # noqa: E402

SLIDE = (19.2, 10.8)  # inches at 100 dpi: 1920 x 1080
DPI = 100
LABEL_PT = 15  # mark labels: about 21 px on a 1080-high slide, legible from the back of a room
LANE_PT = 17
MAX_LANES = 24
MAX_ROWS = 22  # rows of marks a slide holds with labels this size; busier lanes are summarised
MAX_ROWS_PER_LANE = 4
AXES = {"left": 0.16, "right": 0.97, "top": 0.84, "bottom": 0.19}
# Hangul and Cyrillic place names: matplotlib takes each glyph from the first family in the list that has it
# (fonts-nanum, installed by scripts/setup.sh); only families present are named, or every text warns
_FAMILIES = {f.name for f in matplotlib.font_manager.fontManager.ttflist}
matplotlib.rcParams["font.family"] = [
    f for f in ("DejaVu Sans", "NanumGothic", "Noto Sans CJK KR") if f in _FAMILIES
] or ["sans-serif"]


def plain(text: object) -> str:
    """Report text for a chart: matplotlib reads $...$ as maths, so dollars are escaped."""
    return str(text or "").replace("$", r"\$")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _lane(e: Event) -> str:
    p = e.place
    return (p.name or p.mention) if p else "(no place)"


def _end(e: Event) -> dt.date:
    """The last day an event covers: its end, or the end of its week or month when only that is known."""
    return e.end or period_end(e.start, e.precision)


def date_span(events: Sequence[Event]) -> tuple[dt.date, dt.date] | None:
    """First and last day the chart draws (a month-precision date runs to the month's end)."""
    dated = [e for e in events if e.start]
    if not dated:
        return None
    return min(e.start for e in dated), max(_end(e) for e in dated)


def short_range(a: dt.date, b: dt.date) -> str:
    if a == b:
        return f"{a.day} {a:%b}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b}"
    return f"{a.day} {a:%b} – {b.day} {b:%b}"


def _mark_label(e: Event) -> str:
    """What a mark says beside it: unit, strength, origin. Nothing when the report said none of them."""
    parts = [plain(e.unit)] if e.unit else []
    if e.strength:
        parts.append(f"({strength_text(e)})" if e.unit else f"{strength_text(e)} troops")
    if e.kind is Kind.MOVEMENT and e.origin:
        parts.append(f"from {plain(e.origin.name or e.origin.mention)}")
    return " ".join(parts)


@lru_cache(maxsize=4096)  # each label is measured for the slide's right margin and again when its row is packed
def _text_px(text: str, pt: float) -> float:
    if not text:
        return 0.0
    return TextPath((0, 0), text, size=pt).get_extents().width * DPI / 72


@dataclass
class _Mark:
    start: dt.date
    end: dt.date
    confidence: int | None
    label: str
    dashed: bool
    count: int = 1


def _summarise(events: list[Event]) -> list[_Mark]:
    """A busy lane as one bar per run of overlapping dates: "12 events, 8–13 Oct", in its best confidence."""
    runs: list[list[Event]] = []
    for e in sorted(events, key=lambda e: e.start):
        if runs and e.start <= max(_end(x) for x in runs[-1]) + dt.timedelta(days=1):
            runs[-1].append(e)
        else:
            runs.append([e])
    marks = []
    for run in runs:
        a, b = min(e.start for e in run), max(_end(e) for e in run)
        conf = min((e.confidence for e in run if e.confidence), default=None)
        style = STYLE.get(conf, STYLE[None])
        marks.append(
            _Mark(a, b, conf, f"{plural(len(run), 'event')}, {short_range(a, b)}", style["dash"] is not None, len(run))
        )
    return marks


def _pack(marks: list[_Mark], x_px, gap: float = 14.0) -> list[int]:
    """Rows for the marks of one lane: each goes in the first row where it and its label fit after the last."""
    ends: list[float] = []
    rows = []
    for m in marks:
        x0, x1 = x_px(m.start), x_px(m.end + dt.timedelta(days=1))
        right = x1 + 8 + _text_px(m.label, LABEL_PT)
        for i, end in enumerate(ends):
            if end + gap <= x0:
                ends[i] = right
                rows.append(i)
                break
        else:
            ends.append(right)
            rows.append(len(ends) - 1)
    return rows


def build_timeline(
    events: Sequence[Event],
    title: str = "Reported troop movements",
    subtitle: str = "",
    classification: str = "",
    size: tuple[float, float] = SLIDE,
):
    """A matplotlib Figure of the dated events; undated ones are counted in a note, not dropped silently.

    Every mark is a bar from its first to its last day (a single day is a dot), with its label to its right in the
    same row; rows are packed so no label meets another mark or label. A lane that would need more than
    MAX_ROWS_PER_LANE rows, or the busiest lanes when the slide would hold more than MAX_ROWS, are summarised as
    one bar per run of overlapping dates ("12 events, 8–13 Oct").
    """
    dated = sorted((e for e in events if e.start), key=lambda e: (e.start, _lane(e)))
    undated = len(events) - len(dated)
    by_lane: dict[str, list[Event]] = {}
    for e in dated:
        by_lane.setdefault(_lane(e), []).append(e)
    lanes = list(by_lane)[:MAX_LANES]
    hidden = len(by_lane) - len(lanes)
    fig = plt.figure(figsize=size, dpi=DPI)
    fig.subplots_adjust(**AXES)
    ax = fig.add_subplot()
    axes_px = size[0] * DPI * (AXES["right"] - AXES["left"])
    span = date_span(dated)
    if span:
        lo, hi = span[0] - dt.timedelta(days=1), span[1] + dt.timedelta(days=1)
        base = (hi - lo).days + 1
        # room on the right for the longest label, so a label never runs off the slide
        longest = max(_text_px(_mark_label(e), LABEL_PT) for e in dated) + 40
        longest = min(longest, axes_px * 0.45)
        pad = max(1.0, longest * base / (axes_px - longest))
        x_min, x_max = mdates.date2num(lo), mdates.date2num(hi) + pad
        ppd = axes_px / (x_max - x_min)

        def x_px(d: dt.date) -> float:
            return (mdates.date2num(d) - x_min) * ppd

    marks_of: dict[str, list[_Mark]] = {}
    rows_of: dict[str, list[int]] = {}
    summarised: set[str] = set()
    for name in lanes:
        marks_of[name] = [
            _Mark(
                e.start, _end(e), e.confidence, _mark_label(e), STYLE.get(e.confidence, STYLE[None])["dash"] is not None
            )
            for e in by_lane[name]
        ]
        rows_of[name] = _pack(marks_of[name], x_px)
        if max(rows_of[name]) + 1 > MAX_ROWS_PER_LANE:
            marks_of[name] = _summarise(by_lane[name])
            rows_of[name] = _pack(marks_of[name], x_px)
            summarised.add(name)

    def total() -> int:
        return sum(max(rows_of[n]) + 1 for n in lanes)

    while lanes and total() > MAX_ROWS:
        busiest = max((n for n in lanes if n not in summarised), key=lambda n: max(rows_of[n]), default=None)
        if busiest is None or max(rows_of[busiest]) == 0:
            hidden += 1
            lanes.pop()
            continue
        marks_of[busiest] = _summarise(by_lane[busiest])
        rows_of[busiest] = _pack(marks_of[busiest], x_px)
        summarised.add(busiest)

    first_row, rows = {}, 0
    for name in lanes:
        first_row[name] = rows
        rows += max(rows_of[name]) + 1
    for name in lanes:
        for m, r in zip(marks_of[name], rows_of[name], strict=True):
            style = STYLE.get(m.confidence, STYLE[None])
            y = first_row[name] + r
            x0 = mdates.date2num(m.start)
            if m.end > m.start or m.count > 1:
                width = mdates.date2num(m.end + dt.timedelta(days=1)) - x0
                ax.barh(
                    y,
                    width,
                    left=x0,
                    height=0.5,
                    color=style["color"],
                    alpha=0.9,
                    hatch="//" if m.dashed else None,
                    edgecolor="white",
                    linewidth=0,
                )
            else:
                width = 1
                ax.plot([x0 + 0.5], [y], marker="o", markersize=12, color=style["color"], linestyle="none")
            if m.label:
                ax.annotate(
                    m.label,
                    (x0 + width, y),
                    xytext=(8, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=LABEL_PT,
                    color="#222",
                    weight="bold" if m.count > 1 else "normal",
                )
    ax.set_yticks(
        [first_row[n] + max(rows_of[n]) / 2 for n in lanes],
        [plain(n) + (" *" if n in summarised else "") for n in lanes],
        fontsize=LANE_PT,
    )
    for n in lanes[1:]:  # a thin rule between places
        ax.axhline(first_row[n] - 0.5, color="#e4e4e4", linewidth=1)
    ax.set_ylim(max(rows, 1) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.tick_params(axis="x", labelsize=15)
    if span:
        ax.set_xlim(x_min, x_max)
    else:
        ax.text(0.5, 0.5, "No dated events match these filters", transform=ax.transAxes, ha="center", fontsize=20)
    ax.grid(axis="x", color="#ddd")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.text(AXES["left"], 0.935, plain(title), fontsize=28, weight="bold", color="#111")
    notes = []
    if undated:
        notes.append(f"{plural(undated, 'undated event')} not shown")
    if hidden:
        notes.append(f"{plural(hidden, 'more place')} not shown")
    if summarised:
        notes.append("* busy places summarised per run of dates")
    fig.text(
        AXES["left"], 0.885, plain(subtitle) + (" — " + "; ".join(notes) if notes else ""), fontsize=16, color="#444"
    )
    if classification:  # the handling line as banners, top and bottom
        for y, va in ((0.995, "top"), (0.005, "bottom")):
            fig.text(0.5, y, plain(classification), ha="center", va=va, fontsize=16, weight="bold", color="#b00")
    handles = [
        Patch(
            facecolor=s["color"],
            hatch="//" if s["dash"] else None,
            edgecolor="white",
            label=(f"{k} – {s['label']}" if k else s["label"]),
        )
        for k, s in STYLE.items()
    ]
    handles += [
        Line2D([0], [0], marker="o", color="#555", markersize=11, linestyle="none", label="single day"),
        Patch(facecolor="#555", label="date range (hatched: possibly true or less)"),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=5,
        fontsize=13,
        frameon=False,
        bbox_to_anchor=(0.56, 0.03),
        title="Confidence (Admiralty)",
        title_fontsize=13,
    )
    return fig


def timeline_bytes(events: Sequence[Event], fmt: str = "png", **kwargs) -> bytes:
    fig = build_timeline(events, **kwargs)
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=100, metadata={"Software": "troopmap"} if fmt == "png" else None)
    plt.close(fig)
    return buf.getvalue()
