"""Quote and speaker extraction scored against the German WikiNews quotation corpus.

Usage: python bench/eval_german.py [CORPUS] [--split dev|test ...] [--errors N]
       [--only speaker|quote]

CORPUS defaults to ../shared/corpora/german-news-quotation-attribution-2024 (next to the
checkout; Petersen-Frey and Biemann, LREC-COLING 2024). Gold: every annotation of type
``Direct``; each of its quote spans, without the quotation marks at its edges, is a gold quote
with the annotation's speaker spans as its Source. Indirect and reported speech carry no
quotation marks and are not ours to find. Scoring is PolNeAR's (``eval_polnear.py``): a match
covers half of both spans, an unmatched prediction with a speaker is a false positive, the
speaker is right when ``speaker.mention`` overlaps a gold speaker span.

Verbatim's speaker rules are English; this script measures how far they carry to German
copy (quotation marks „…“ and »…« are language-neutral, cue verbs and names are not). The
corpus has no train split here: there is nothing to tune on, only to report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval_polnear import ROOT, Gold, Score, add_error_options, print_split, score_article

_MARKS = "„“”‚‘’»«›‹\"'"


def _without_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _MARKS:
        start += 1
    while end > start and text[end - 1] in _MARKS:
        end -= 1
    return start, end


def load_gold(article: dict[str, object]) -> tuple[str, list[Gold]]:
    text = str(article["originalText"])
    gold: list[Gold] = []
    for annotation in article["annotations"]:  # type: ignore[attr-defined]
        if annotation["type"] != "Direct":
            continue
        sources = tuple(
            (span["charBegin"], span["charEnd"]) for span in annotation["speaker"]["spans"]
        )
        cues = tuple((span["charBegin"], span["charEnd"]) for span in annotation["cue"]["spans"])
        for span in annotation["quote"]["spans"]:
            start, end = _without_marks(text, span["charBegin"], span["charEnd"])
            if text[start:end].strip():
                gold.append(Gold(start, end, sources, cues))
    return text, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus", nargs="?",
        default=str(ROOT.parent / "shared/corpora/german-news-quotation-attribution-2024"),
    )
    parser.add_argument("--split", action="append", choices=["dev", "test"])
    add_error_options(parser)
    args = parser.parse_args()
    data = Path(args.corpus) / "data"
    if not data.is_dir():
        print(f"German quotation corpus not found at {args.corpus} (expected a data/ folder); "
              "pass its path as the first argument.", file=sys.stderr)
        return 2
    for split in args.split or ["dev", "test"]:
        score = Score()
        errors: list[str] = []
        for path in sorted((data / split).glob("*.json")):
            text, gold = load_gold(json.loads(path.read_text(encoding="utf-8")))
            score_article(text, gold, score, errors)
        print_split(split, score, errors, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
