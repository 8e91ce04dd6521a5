"""Extraction time on adversarial inputs must grow linearly with their size.

Usage: python bench/adversarial_extract.py [--scale S]

For each pathological shape the input is built at sizes n, 2n and 4n and extracted once; the
script prints the seconds and the ratio t(4n)/t(n) (linear: about 4; quadratic: about 16).
An input that hits a regex time budget prints TextTooComplex (what the web layer turns into a
422) instead of a time. Exit status 1 if any ratio exceeds 8.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import document, quotes, speakers  # noqa: E402
from service.models import TextTooComplex  # noqa: E402

SHAPES: dict[str, Callable[[int], str]] = {
    # n is the shape's unit count at scale 1; every builder returns about n units.
    "quotation marks only": lambda n: '"' * n,
    "mixed marks, spaced": lambda n: "“a” ‘b’ «c» " * (n // 6),
    "no spaces or punctuation": lambda n: "a" * (n * 10),
    "unclosed quotes, one paragraph": lambda n: "“word " * n,
    "unclosed quotes, many paragraphs": lambda n: "“he said it\n" * n,
    "deeply nested marks": lambda n: "“‘«‹„" * (n // 5) + "x" + "›»’”" * (n // 5),
    "paragraphs": lambda n: "Jane Doe said: “We will win,” she added.\n\n" * (n // 4),
    "reporting verbs": lambda n: "said told added according to " * (n // 5),
    "capitalised words": lambda n: "Alpha Beta Gamma said " * (n // 4),
    "appositive commas": lambda n: "“x,” " + "a, " * n + "said",
    # German copy takes the German rules (speakers_german): one long paragraph of them.
    "German, one paragraph": lambda n: "Der Sprecher sagte: „Wir gehen.“ „Ja“, so er. " * (n // 8),
    "German noun phrases": lambda n: "Die der des " + "Große " * (n // 2) + "sagte „x“",
}


def _seconds(text: str) -> str:
    started = time.perf_counter()
    try:
        doc = document.parse(text)
        speakers.attribute(doc, quotes.find_quotes(doc))
    except TextTooComplex:
        return "TextTooComplex"
    return f"{time.perf_counter() - started:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=25_000, help="units at size n")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'shape':34} {'chars(n)':>9} {'t(n)':>8} {'t(2n)':>8} {'t(4n)':>8} {'t4n/tn':>7}")
    for name, build in SHAPES.items():
        texts = [build(args.scale * factor) for factor in (1, 2, 4)]
        times = [_seconds(text) for text in texts]
        ratio = "-"
        if all(t != "TextTooComplex" for t in times):
            value = float(times[2]) / max(float(times[0]), 1e-3)
            worst = max(worst, value)
            ratio = f"{value:.1f}"
        print(f"{name:34} {len(texts[0]):9} {times[0]:>8} {times[1]:>8} {times[2]:>8} {ratio:>7}")
    print(f"worst ratio t(4n)/t(n) = {worst:.1f} (linear ≈ 4)")
    return 1 if worst > 8 else 0


if __name__ == "__main__":
    raise SystemExit(main())
