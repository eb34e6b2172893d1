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
    assert sub.startswith("2024-10-01 – 2024-10-14") and "confidence 1–3" in sub and "3 events" in sub
    svg = timeline_bytes(events(), "svg", title="Seed story", subtitle=sub, classification="UNCLASSIFIED").decode()
    for text in [
        "Seed story",
        "2024-10-01 – 2024-10-14",
        "confidence 1–3",
        "UNCLASSIFIED",
        "Vladivostok",
        "Ussuriysk",
        "1 undated events not shown",
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
    assert len(bars) == 7 and len(labels) == 7
    assert not any(label.overlaps(bar) for label in labels for bar in bars)
    assert not any(a.overlaps(b) for i, a in enumerate(labels) for b in labels[i + 1 :])
    plt.close(fig)
