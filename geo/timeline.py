"""The timeline: one clean chart of the filtered events over time, readable at slide size.

One lane per place; a bar for a date range, a dot for a single date, coloured by confidence; each mark
labelled with the unit (and strength). The title, the filters and a handling line are on the chart itself.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # no display: charts are files
matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text: searchable, editable in a slide
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from geo.dates import period_end  # noqa: E402
from geo.mapping import STYLE, strength_text  # noqa: E402
from geo.model import Event, Kind  # noqa: E402

SLIDE = (19.2, 10.8)  # inches at 100 dpi: 1920 x 1080
MAX_LANES = 24
ROWS_PER_LANE = 3


def plain(text: object) -> str:
    """Report text for a chart: matplotlib reads $...$ as maths, so dollars are escaped."""
    return str(text or "").replace("$", r"\$")


def _lane(e: Event) -> str:
    p = e.place
    return (p.name or p.mention) if p else "(no place)"


def build_timeline(
    events: Sequence[Event],
    title: str = "Reported troop movements",
    subtitle: str = "",
    classification: str = "",
    size: tuple[float, float] = SLIDE,
):
    """A matplotlib Figure of the dated events; undated ones are counted in a note, not dropped silently."""
    dated = sorted((e for e in events if e.start), key=lambda e: (e.start, _lane(e)))
    undated = len(events) - len(dated)
    lanes: list[str] = []
    for e in dated:
        if _lane(e) not in lanes:
            lanes.append(_lane(e))
    hidden = lanes[MAX_LANES:]
    lanes = lanes[:MAX_LANES]
    fig, ax = plt.subplots(figsize=size, dpi=100)
    fig.subplots_adjust(left=0.16, right=0.97, top=0.84, bottom=0.17)
    # each lane has a row for each of its marks, up to ROWS_PER_LANE (more share them in turn): a mark's label
    # sits above it, in its own row, clear of the mark above
    marks = Counter(_lane(e) for e in dated)
    rows_of = {name: min(marks[name], ROWS_PER_LANE) for name in lanes}
    first_row, rows = {}, 0
    for name in lanes:
        first_row[name] = rows
        rows += rows_of[name]
    stacked: dict[str, int] = {}
    for e in dated:
        if _lane(e) not in first_row:
            continue
        style = STYLE.get(e.confidence, STYLE[None])
        k = stacked.get(_lane(e), 0)
        stacked[_lane(e)] = k + 1
        y = first_row[_lane(e)] + k % ROWS_PER_LANE
        end = e.end or period_end(e.start, e.precision)
        label = plain(e.unit or "unit not stated")
        if e.strength:
            label += f" ({strength_text(e)})"
        if e.kind is Kind.MOVEMENT and e.origin:
            label += f" from {plain(e.origin.name or e.origin.mention)}"
        x0 = mdates.date2num(e.start)
        if end > e.start:
            width = mdates.date2num(end + dt.timedelta(days=1)) - x0
            ax.barh(
                y,
                width,
                left=x0,
                height=0.36,
                color=style["color"],
                alpha=0.9,
                hatch=None if style["dash"] is None else "//",
                edgecolor="white",
                linewidth=0,
            )
            # the label sits on the bar's left end, so a long bar never pushes it off the slide
            ax.annotate(
                label, (x0, y - 0.18), xytext=(0, 2), textcoords="offset points", va="bottom", fontsize=12, color="#222"
            )
            continue
        else:
            ax.plot([x0 + 0.5], [y], marker="o", markersize=11, color=style["color"], linestyle="none")
            width = 1
        ax.annotate(
            label,
            (x0 + max(width, 1), y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=12,
            color="#222",
        )
    ax.set_yticks([first_row[n] + (rows_of[n] - 1) / 2 for n in lanes], [plain(n) for n in lanes], fontsize=14)
    for n in lanes[1:]:  # a thin rule between places
        ax.axhline(first_row[n] - 0.5, color="#e4e4e4", linewidth=1)
    ax.set_ylim(rows - 0.4, -0.7)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.tick_params(axis="x", labelsize=13)
    if dated:
        lo = min(e.start for e in dated)
        hi = max((e.end or period_end(e.start, e.precision)) for e in dated)
        pad = max(3, (hi - lo).days * 0.35)
        ax.set_xlim(mdates.date2num(lo - dt.timedelta(days=2)), mdates.date2num(hi + dt.timedelta(days=pad)))
    else:
        ax.text(0.5, 0.5, "No dated events match these filters", transform=ax.transAxes, ha="center", fontsize=18)
    ax.grid(axis="x", color="#ddd")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.text(0.16, 0.94, plain(title), fontsize=26, weight="bold", color="#111")
    sub = plain(subtitle)
    notes = []
    if undated:
        notes.append(f"{undated} undated events not shown")
    if hidden:
        notes.append(f"{len(hidden)} more places not shown")
    fig.text(0.16, 0.895, sub + (" — " + "; ".join(notes) if notes else ""), fontsize=15, color="#444")
    if classification:
        fig.text(0.5, 0.985, plain(classification), ha="center", va="top", fontsize=14, weight="bold", color="#b00")
        fig.text(0.5, 0.01, plain(classification), ha="center", va="bottom", fontsize=14, weight="bold", color="#b00")
    handles = [
        Line2D([0], [0], color=s["color"], lw=8, label=(f"{k} – {s['label']}" if k else s["label"]))
        for k, s in STYLE.items()
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=4,
        fontsize=12,
        frameon=False,
        bbox_to_anchor=(0.56, 0.03),
        title="Confidence (Admiralty)",
        title_fontsize=12,
    )
    return fig


def timeline_bytes(events: Sequence[Event], fmt: str = "png", **kwargs) -> bytes:
    fig = build_timeline(events, **kwargs)
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=100, metadata={"Software": "troopmap"} if fmt == "png" else None)
    plt.close(fig)
    return buf.getvalue()
