"""Verification accuracy on hand-written article pairs with gold verdicts.

Each pair is a folder holding ``source.txt``, ``candidate.txt`` and ``gold.json``:

    {"quotes": [{"text": str, "status": str, "speaker": str | null}, ...],   # candidate order
     "dropped": [str, ...]}                                                  # source quote texts

``text`` is copied from the candidate (``dropped`` from the source) so each can be located
there. A predicted quote matches a gold one when their spans overlap by half of both. Prints
status accuracy (a gold quote with no matching prediction counts as wrong), precision and
recall per status, speaker accuracy and dropped precision/recall.

    python3 bench/eval_pairs.py [PAIRS_DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.alignment import speaker_match
from service.models import STATUSES, Quote, Span, Speaker
from service.pipeline import verify

DEFAULT_PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "pairs"


@dataclass
class Scores:
    gold_quotes: int = 0
    status_right: int = 0
    speaker_gold: int = 0
    speaker_right: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    dropped_tp: int = 0
    dropped_fp: int = 0
    dropped_fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.status_right / self.gold_quotes if self.gold_quotes else 0.0

    def precision(self, status: str) -> float:
        found = self.tp[status] + self.fp[status]
        return self.tp[status] / found if found else 1.0

    def recall(self, status: str) -> float:
        gold = self.tp[status] + self.fn[status]
        return self.tp[status] / gold if gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_gold if self.speaker_gold else 1.0

    @property
    def dropped_precision(self) -> float:
        found = self.dropped_tp + self.dropped_fp
        return self.dropped_tp / found if found else 1.0

    @property
    def dropped_recall(self) -> float:
        gold = self.dropped_tp + self.dropped_fn
        return self.dropped_tp / gold if gold else 1.0


def _locate(document: str, texts: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for text in texts:
        start = document.find(text, cursor)
        if start < 0:
            start = document.find(text)
        if start < 0:
            raise ValueError(f"gold text not found in its document: {text!r}")
        spans.append((start, start + len(text)))
        cursor = start + len(text)
    return spans


def _overlaps(gold: tuple[int, int], start: int, end: int) -> bool:
    shared = min(gold[1], end) - max(gold[0], start)
    return shared > 0 and shared * 2 >= gold[1] - gold[0] and shared * 2 >= end - start


def _same_speaker(predicted: Quote, gold_name: str) -> bool:
    gold = Quote("gold", "", 0, 0, Speaker(gold_name, Span(gold_name, 0, 0)), None)
    return speaker_match(predicted, gold) == "same"


def evaluate_pair(folder: Path, scores: Scores) -> None:
    source = (folder / "source.txt").read_text(encoding="utf-8")
    candidate = (folder / "candidate.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    report = verify(source, candidate)
    gold_quotes = gold["quotes"]
    spans = _locate(candidate, [q["text"] for q in gold_quotes])
    unused = list(report.verdicts)
    for expected, span in zip(gold_quotes, spans, strict=True):
        scores.gold_quotes += 1
        found = next(
            (v for v in unused if _overlaps(span, v.candidate.start, v.candidate.end)), None
        )
        if found is not None:
            unused.remove(found)
        status = None if found is None else found.status
        if status == expected["status"]:
            scores.status_right += 1
            scores.tp[expected["status"]] += 1
        else:
            scores.fn[expected["status"]] += 1
            if status is not None:
                scores.fp[status] += 1
            scores.errors.append(
                f"{folder.name}: {expected['text'][:60]!r} gold {expected['status']}, got {status}"
            )
        if expected["speaker"] is not None:
            scores.speaker_gold += 1
            if found is not None and _same_speaker(found.candidate, expected["speaker"]):
                scores.speaker_right += 1
            else:
                got = (
                    None
                    if found is None or found.candidate.speaker is None
                    else (found.candidate.speaker.name)
                )
                scores.errors.append(
                    f"{folder.name}: {expected['text'][:40]!r} speaker {expected['speaker']!r},"
                    f" got {got!r}"
                )
    for extra in unused:
        scores.fp[extra.status] += 1
        scores.errors.append(f"{folder.name}: extra quote {extra.candidate.text[:60]!r}")
    dropped_spans = _locate(source, gold["dropped"])
    predicted = [d.quote for d in report.dropped]
    for span in dropped_spans:
        hit = next((q for q in predicted if _overlaps(span, q.start, q.end)), None)
        if hit is None:
            scores.dropped_fn += 1
            scores.errors.append(
                f"{folder.name}: dropped not found {source[span[0] : span[1]][:60]!r}"
            )
        else:
            predicted.remove(hit)
            scores.dropped_tp += 1
    for extra_quote in predicted:
        scores.dropped_fp += 1
        scores.errors.append(f"{folder.name}: wrongly dropped {extra_quote.text[:60]!r}")


def evaluate(pairs_dir: Path) -> Scores:
    scores = Scores()
    for folder in sorted(p for p in pairs_dir.iterdir() if (p / "gold.json").is_file()):
        evaluate_pair(folder, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--verbose", action="store_true", help="list every wrong judgement")
    args = parser.parse_args(argv)
    if not args.pairs.is_dir():
        print(f"pairs folder not found: {args.pairs}", file=sys.stderr)
        return 2
    scores = evaluate(args.pairs)
    pairs = sum(1 for p in args.pairs.iterdir() if (p / "gold.json").is_file())
    print(f"pairs: {pairs}  gold quotes: {scores.gold_quotes}")
    print(f"status accuracy: {scores.accuracy:.3f}")
    for status in STATUSES:
        gold = scores.tp[status] + scores.fn[status]
        print(
            f"  {status:<22} precision {scores.precision(status):.3f}"
            f"  recall {scores.recall(status):.3f}  (gold {gold})"
        )
    print(f"speaker accuracy: {scores.speaker_accuracy:.3f} ({scores.speaker_gold} gold speakers)")
    print(
        f"dropped precision {scores.dropped_precision:.3f}  recall {scores.dropped_recall:.3f}"
        f"  (gold {scores.dropped_tp + scores.dropped_fn})"
    )
    if args.verbose:
        for line in scores.errors:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
