"""Extraction accuracy on a development part and a held-out part of a truth-scored corpus.

    .venv/bin/python bench/accuracy.py CORPUS_DIR [--part dev|held-out|all|both] [-v] [--output OUT.json]

CORPUS_DIR holds reports.csv, truth.json and score.py (the shared development corpus). The reports are split
once, by a fixed rule, into a development part (about two thirds of each language) that one develops on, and a
held-out part that is only scored at checkpoints: a report is held out when the first hex digit of the SHA-1 of
its id, salted with SALT, falls in the last third within its language. The split does not depend on the reports'
content, so adding reports never moves an old one.

The script runs ``python -m geo extract`` once on the whole file, writes each part's truth and output to a temp
directory, and runs score.py on each (plus the place recall per language). With -v the failures of the part are
printed: use -v on the development part only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SALT = "troopmap-12"


def part_of(report_id: str, language: str, ids_in_language: list[str]) -> str:
    """'dev' or 'held-out': the third of each language with the highest salted hashes is held out."""
    ranked = sorted(ids_in_language, key=lambda i: hashlib.sha1(f"{SALT}:{i}".encode()).hexdigest())
    cut = len(ranked) - round(len(ranked) / 3)
    return "dev" if ranked.index(report_id) < cut else "held-out"


def split(reports_csv: Path) -> dict[str, tuple[str, str]]:
    """report_id -> (language, part)."""
    with open(reports_csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_lang: dict[str, list[str]] = {}
    for r in rows:
        by_lang.setdefault(r["language"], []).append(r["report_id"])
    return {
        r["report_id"]: (r["language"], part_of(r["report_id"], r["language"], by_lang[r["language"]])) for r in rows
    }


def score(corpus: Path, truth: dict, out: list, ids: set[str], tmp: Path, name: str, verbose: bool) -> str:
    t = {"points": truth["points"], "reports": {k: v for k, v in truth["reports"].items() if k in ids}}
    (tmp / f"truth-{name}.json").write_text(json.dumps(t))
    (tmp / f"out-{name}.json").write_text(json.dumps([r for r in out if str(r["report_id"]) in ids]))
    cmd = [sys.executable, str(corpus / "score.py"), str(tmp / f"truth-{name}.json"), str(tmp / f"out-{name}.json")]
    res = subprocess.run(cmd + (["-v"] if verbose else []), capture_output=True, text=True)
    return res.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--part", choices=("dev", "held-out", "both", "all"), default="dev")
    ap.add_argument("--output", type=Path, help="reuse this extract output instead of running the extractor")
    ap.add_argument("-v", action="store_true", help="print the failures (of the development part only, please)")
    a = ap.parse_args()
    parts = split(a.corpus / "reports.csv")
    truth = json.loads((a.corpus / "truth.json").read_text())
    if a.output:
        out = json.loads(a.output.read_text())
    else:
        res = subprocess.run(
            [sys.executable, "-m", "geo", "extract", str(a.corpus / "reports.csv")],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if res.returncode not in (0, 1):
            sys.exit(res.stderr)
        out = json.loads(res.stdout)
    wanted = {"both": ("dev", "held-out"), "all": ("all",)}.get(a.part, (a.part,))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name in wanted:
            ids = {i for i, (_, p) in parts.items() if name in ("all", p)}
            print(f"== {name} ({len(ids)} reports)")
            print(score(a.corpus, truth, out, ids, tmp, name, a.v and name != "held-out"))
            langs = sorted({lang for i, (lang, _) in parts.items() if i in ids})
            figures = []
            for lang in langs:
                lids = {i for i in ids if parts[i][0] == lang}
                line = score(a.corpus, truth, out, lids, tmp, f"{name}-{lang}", False).splitlines()[-1]
                figures.append(f"{lang} {line.split()[2]}")
            print("places recall by language: " + ", ".join(figures))


if __name__ == "__main__":
    main()
