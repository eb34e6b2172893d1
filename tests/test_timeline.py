import datetime as dt
import io

from PIL import Image

from geo.briefing import subtitle
from geo.confidence import ADMIRALTY_LABELS
from geo.model import Event, Kind, Place, Precision
from geo.store import Filters
from geo.timeline import timeline_bytes


def events():
    vl = Place("Vladivostok", "Vladivostok", 43.1, 131.9, status="matched")
    us = Place("Ussuriysk", "Ussuriysk", 43.8, 131.9, status="matched")
    return [
        Event(
            Kind.MOVEMENT,
            vl,
            origin=us,
            start=dt.date(2024, 10, 8),
            end=dt.date(2024, 10, 13),
            unit="SOF $x$",
            strength=1500,
            confidence=3,
        ),
        Event(Kind.PRESENCE, us, start=dt.date(2024, 10, 14), unit="Brigade", confidence=1),
        Event(Kind.PRESENCE, us, start=dt.date(2024, 10, 1), precision=Precision.MONTH, unit="Four brigades"),
        Event(Kind.PRESENCE, us, unit="undated"),
    ]


def test_png_is_slide_sized_and_not_blank():
    img = Image.open(io.BytesIO(timeline_bytes(events(), "png", title="T", subtitle="s"))).convert("RGB")
    assert img.size == (1920, 1080)
    assert len(img.resize((96, 54)).getcolors(96 * 54)) > 10


def test_svg_states_title_filters_legend_and_what_it_leaves_out():
    f = Filters(since=dt.date(2024, 10, 1), min_confidence=3)
    sub = subtitle(f, events()[:3])
    assert sub.startswith("2024-10-01 – 2024-10-31")  # the month-precision event runs to the month's end, as drawn
    assert True and "confidence 1–3" in sub and "3 events" in sub
    svg = timeline_bytes(events(), "svg", title="Seed story", subtitle=sub, classification="UNCLASSIFIED").decode()
    for text in [
        "Seed story",
        "2024-10-01 – 2024-10-31",
        "confidence 1–3",
        "UNCLASSIFIED",
        "Vladivostok",
        "Ussuriysk",
        "1 undated event not shown",
        *ADMIRALTY_LABELS.values(),
    ]:
        assert text in svg, text
    assert "SOF $x$" in svg  # report text is drawn as text, not read as maths


def test_no_events_says_so():
    svg = timeline_bytes([], "svg", title="Empty").decode()
    assert "No dated events match these filters" in svg


def test_labels_stay_clear_of_the_bars_when_a_place_has_several_events():
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    from geo.timeline import build_timeline

    def at(name, unit=None, confidence=3):
        place = Place(name, name, 43.1, 131.9, status="matched")
        return Event(
            Kind.PRESENCE,
            place,
            start=dt.date(2024, 10, 8),
            end=dt.date(2024, 10, 13),
            unit=unit,
            confidence=confidence,
        )

    # the sample story: one place with three reports of the same week, four with one each
    same_week = [
        at("Vladivostok", "KPA special operations forces"),
        at("Vladivostok", "North Korean special forces", None),
    ]
    same_week += [at(name) for name in ("Vladivostok", "Ussuriysk", "Khabarovsk", "Blagoveshchensk", "Primorsky Krai")]
    fig = build_timeline(same_week)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    bars = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Rectangle)]
    labels = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(bars) == 7 and len(labels) == 2  # only marks with something to say are labelled: no filler
    assert not any(label.overlaps(bar) for label in labels for bar in bars)
    assert not any(a.overlaps(b) for i, a in enumerate(labels) for b in labels[i + 1 :])
    plt.close(fig)


def _boxes(fig):
    from matplotlib.patches import Rectangle

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    marks = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Rectangle)]
    marks += [line.get_window_extent(renderer) for line in ax.lines if line.get_marker() == "o"]
    labels = [t.get_window_extent(renderer) for t in ax.texts]
    return marks, labels, fig.get_window_extent(renderer)


def test_fifty_overlapping_events_never_overlap_and_stay_on_the_slide():
    import matplotlib.pyplot as plt

    from geo.timeline import build_timeline

    places = ["Vladivostok", "Ussuriysk", "Khabarovsk", "Blagoveshchensk", "Kursk", "블라디보스토크"]
    units = ["KPA special operations forces", "11th Army Corps", "North Korean troops", None, "Marine brigade"]
    evs = []
    for i in range(50):
        place = Place(places[i % 6], places[i % 6], 43.1, 131.9, status="matched")
        start = dt.date(2024, 10, 1) + dt.timedelta(days=(i * 7) % 19)
        evs.append(
            Event(
                Kind.PRESENCE,
                place,
                start=start,
                end=start + dt.timedelta(days=i % 4),
                unit=units[i % 5],
                strength=(i + 1) * 100 if i % 3 else None,
                confidence=(i % 6) + 1,
            )
        )
    fig = build_timeline(evs, subtitle="fifty")
    marks, labels, page = _boxes(fig)
    assert labels, "the marks are labelled"
    assert not any(a.overlaps(b) for i, a in enumerate(labels) for b in labels[i + 1 :]), "labels overlap"
    assert not any(label.overlaps(mark) for label in labels for mark in marks), "a label covers a mark"
    assert all(page.x0 <= b.x0 and b.x1 <= page.x1 for b in labels), "a label runs off the slide"
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "summarised" in texts or len(marks) >= 50  # every event drawn, or the summary says so
    plt.close(fig)


def test_busy_place_is_summarised_with_a_count_and_its_dates():
    from geo.timeline import build_timeline

    vl = Place("Vladivostok", "Vladivostok", 43.1, 131.9, status="matched")
    evs = [
        Event(Kind.PRESENCE, vl, start=dt.date(2024, 10, 8), end=dt.date(2024, 10, 13), unit=f"unit {i}")
        for i in range(12)
    ]
    fig = build_timeline(evs)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == ["12 events, 8–13 Oct"]


def test_korean_place_names_are_drawn_with_a_hangul_font():
    import os

    import matplotlib.font_manager as fm
    import pytest

    if "NanumGothic" not in {f.name for f in fm.fontManager.ttflist}:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have fonts-nanum (scripts/setup.sh installs it)")
        pytest.skip("fonts-nanum is not installed")
    place = Place("블라디보스토크", "블라디보스토크", 43.1, 131.9, status="matched")
    svg = timeline_bytes([Event(Kind.PRESENCE, place, start=dt.date(2024, 10, 8), unit="특수부대")], "svg").decode()
    assert "NanumGothic" in svg  # the glyphs come from the Hangul font, not DejaVu's empty boxes
    assert "DejaVuSans" in svg  # (and Latin text from DejaVu)
