"""Characters per second of the extraction core (document → quotes → speakers), one core.

Usage: python bench/perf_extract.py [CORPUS] [--rounds N] [--seeds DIR]

CORPUS defaults to ../shared/corpora/polnear; every article text of every split is
extracted, ``--rounds`` times over, in this one process (one core). Target: ≥ 1,000,000 chars/s.
Then the two seed articles (``--seeds``, default ../shared/seeds; skipped with a note when
absent) are extracted as verification does, and the best time for the pair is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import document, quotes, speakers  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared/corpora/polnear"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared/seeds"))
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8")
             for path in sorted(Path(args.corpus).glob("data/*/text/*.txt"))]
    if not texts:
        print(f"no PolNeAR texts under {args.corpus}/data/*/text/; pass the corpus path.",
              file=sys.stderr)
        return 2
    characters = sum(len(text) for text in texts)
    for text in texts[:20]:  # warm up caches and lazily compiled patterns
        speakers.attribute(document.parse(text), quotes.find_quotes(document.parse(text)))
    best = float("inf")
    found = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        found = 0
        for text in texts:
            doc = document.parse(text)
            found += len(speakers.attribute(doc, quotes.find_quotes(doc)))
        best = min(best, time.perf_counter() - started)
    print(f"texts={len(texts)} characters={characters} quotes={found} "
          f"best_of_{args.rounds}={best:.3f}s chars_per_second={characters / best:,.0f}")
    seeds = [path.read_text(encoding="utf-8") for path in sorted(Path(args.seeds).glob("*.txt"))]
    if len(seeds) < 2:
        print(f"no seed articles under {args.seeds}; pass --seeds to time the seed pair.")
        return 0
    print(f"seed_pair_extraction_ms={_best_seconds(seeds[:2], args.rounds * 5) * 1000:.2f} "
          f"(best of {args.rounds * 5} rounds of 20)")
    return 0


def _best_seconds(texts: list[str], rounds: int) -> float:
    """Best mean time to extract all of ``texts`` once, over ``rounds`` rounds of 20."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(20):
            for text in texts:
                doc = document.parse(text)
                speakers.attribute(doc, quotes.find_quotes(doc))
        best = min(best, (time.perf_counter() - started) / 20)
    return best


if __name__ == "__main__":
    raise SystemExit(main())
