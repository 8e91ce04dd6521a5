"""Quote and speaker extraction scored against PolNeAR's gold attributions.

Usage: python bench/eval_polnear.py [CORPUS] [--split dev|test|train ...] [--errors N]
       [--only speaker|quote]

CORPUS defaults to ../shared/corpora/polnear (next to the checkout). Gold, per issue 3: for
every article, its lexicographically first .ann file; every attribution with a Source span;
within its Content, every segment between double quotation marks is a gold quote (offsets
without the marks). A predicted quote matches a gold one when their overlap covers half of
both. Predicted quotes spanning several paragraphs are scored per paragraph, as PolNeAR
annotates them per paragraph segment. An unmatched prediction with a speaker is a false
positive; one with ``speaker: null`` (headings, titles, scare quotes) is not. The speaker is
right when ``speaker.mention`` overlaps the gold Source span.

Tune on train and dev; run test only to report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import document, quotes, speakers  # noqa: E402
from service.models import Quote  # noqa: E402

_OPEN = "“\""
_CLOSE = "”\""


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    sources: tuple[tuple[int, int], ...]
    cues: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    mention: tuple[int, int] | None
    quote: Quote | None  # None for another annotator's spans (bench/agreement_polnear.py)


def _ranges(field: str) -> list[tuple[int, int]]:
    result = []
    for part in field.split(";"):
        start, end = part.split()[-2:]
        result.append((int(start), int(end)))
    return result


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Segments between double quotation marks inside one Content range."""
    segments = []
    open_at: int | None = None
    position = start
    while position < end:
        char = text[position]
        width = 2 if text.startswith("''", position) else 1
        if width == 2:
            char = '"'  # two apostrophes: a straight double mark in NYT archive copy
        if open_at is None and char in _OPEN:
            open_at = position + width
        elif open_at is not None and char in _CLOSE:
            if position > open_at:
                segments.append((open_at, position))
            open_at = None
        position += width
    if open_at is not None and end > open_at:
        segments.append((open_at, end))
    return [(s, e) for s, e in segments if text[s:e].strip()]


def load_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            fields = line.split("\t")
            if len(fields) >= 2 and " " in fields[1]:
                _, _, offsets = fields[1].partition(" ")
                try:
                    spans[fields[0]] = _ranges(offsets)
                except ValueError:
                    continue
        elif line.startswith("E"):
            roles = dict(
                role.split(":", 1) for role in line.split("\t")[1].split() if ":" in role
            )
            relations.append(roles)
    gold: list[Gold] = []
    for roles in relations:
        if "Source" not in roles or "Content" not in roles:
            continue
        sources = tuple(spans.get(roles["Source"], []))
        cues = tuple(spans.get(roles.get("Cue", ""), []))
        for start, end in spans.get(roles["Content"], []):
            for s, e in _segments(text, start, end):
                gold.append(Gold(s, e, sources, cues))
    return gold


def predict(text: str) -> list[Predicted]:
    doc = document.parse(text)
    found = speakers.attribute(doc, quotes.find_quotes(doc))
    result = []
    for quote in found:
        mention = None
        if quote.speaker is not None:
            mention = (quote.speaker.mention.start, quote.speaker.mention.end)
        for start, end in doc.paragraphs:
            lo, hi = max(start, quote.start), min(end, quote.end)
            if lo < hi:
                result.append(Predicted(lo, hi, mention, quote))
    return result


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(slots=True)
class Score:
    gold: int = 0
    matched: int = 0
    false_positive: int = 0
    speaker_right: int = 0

    def line(self, name: str) -> str:
        precision = self.matched / max(1, self.matched + self.false_positive)
        recall = self.matched / max(1, self.gold)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        speaker = self.speaker_right / max(1, self.matched)
        end_to_end = self.speaker_right / max(1, self.gold)
        return (f"{name:6} gold={self.gold:5} precision={precision:.3f} recall={recall:.3f} "
                f"F1={f1:.3f} speaker_accuracy={speaker:.3f} end_to_end={end_to_end:.3f}")


def _paragraph_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _speaker_error(text: str, item: Gold, guess: Predicted) -> str:
    """A wrong or missing speaker, with its paragraph marked up for study:
    [[gold quote]], {{gold Source}}, <<gold Cue>>, ((our mention)) where they fall in it."""
    start, end = _paragraph_of(text, item.start)
    for s, _ in item.sources + ((guess.mention,) if guess.mention else ()):
        if start - 1500 < s < start:  # show the earlier paragraph that names the speaker
            start = _paragraph_of(text, s)[0]
    marks: list[tuple[int, str]] = [(item.start, "[["), (item.end, "]]")]
    for s, e in item.sources:
        marks += [(s, "{{"), (e, "}}")]
    for s, e in item.cues:
        marks += [(s, "<<"), (e, ">>")]
    if guess.mention is not None:
        marks += [(guess.mention[0], "(("), (guess.mention[1], "))")]
    pieces = []
    position = start
    for offset, mark in sorted(m for m in marks if start <= m[0] <= end):
        pieces.append(text[position:offset] + mark)
        position = offset
    pieces.append(text[position:end])
    got = "None" if guess.mention is None else text[guess.mention[0]:guess.mention[1]]
    want = " | ".join(text[s:e] for s, e in item.sources)
    cue = " | ".join(text[s:e] for s, e in item.cues)
    ours = guess.quote.speaker.name if guess.quote and guess.quote.speaker else None
    kind = "NONE " if guess.mention is None else "WRONG"
    return (f"{kind} got={got!r} (name {ours!r}) want={want!r} cue={cue!r}\n"
            f"      {''.join(pieces)[:1500].replace(chr(10) * 2, ' ¶ ')}")


def score_article(text: str, gold: list[Gold], score: Score, errors: list[str]) -> None:
    score_predictions(text, gold, predict(text), score, errors)


def score_predictions(text: str, gold: list[Gold], predicted: list[Predicted], score: Score,
                      errors: list[str]) -> None:
    """Add one article to ``score``: each gold quote takes the first unused prediction that
    covers half of it and half of which it covers."""
    used: set[int] = set()
    score.gold += len(gold)
    for item in gold:
        best = None
        for index, guess in enumerate(predicted):
            if index in used:
                continue
            shared = _overlap((item.start, item.end), (guess.start, guess.end))
            if shared * 2 >= item.end - item.start and shared * 2 >= guess.end - guess.start:
                best = index
                break
        if best is None:
            errors.append(f"MISS  {text[item.start:item.end][:90]!r}")
            continue
        used.add(best)
        score.matched += 1
        guess = predicted[best]
        if guess.mention is not None and any(
            _overlap(guess.mention, source) > 0 for source in item.sources
        ):
            score.speaker_right += 1
        else:
            errors.append(_speaker_error(text, item, guess))
    for index, guess in enumerate(predicted):
        if index not in used and guess.mention is not None:
            score.false_positive += 1
            errors.append(f"FALSE {text[guess.start:guess.end][:90]!r}")


def add_error_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--only", choices=["speaker", "quote"],
                        help="print only speaker errors (NONE/WRONG) or quote errors (MISS/FALSE)")


def print_split(split: str, score: Score, errors: list[str], args: argparse.Namespace) -> None:
    """The split's figures, then up to ``--errors`` of its errors (``--only`` one kind)."""
    print(score.line(split))
    if args.only:
        prefixes = ("NONE", "WRONG") if args.only == "speaker" else ("MISS", "FALSE")
        errors = [line for line in errors if line.startswith(prefixes)]
    for line in errors[: args.errors]:
        print("   ", line)


def polnear_parser(description: str, splits: Sequence[str]) -> argparse.ArgumentParser:
    """The command line of the PolNeAR scripts: an optional corpus path, ``--split``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared/corpora/polnear"))
    parser.add_argument("--split", action="append", choices=list(splits))
    return parser


def polnear_data(corpus: str) -> Path | None:
    """The corpus's data/ folder, or None after saying on stderr that it is absent."""
    data = Path(corpus) / "data"
    if data.is_dir():
        return data
    print(f"PolNeAR corpus not found at {corpus} (expected a data/ folder); "
          "pass its path as the first argument.", file=sys.stderr)
    return None


def main() -> int:
    parser = polnear_parser(__doc__.splitlines()[0], ["train", "dev", "test"])
    add_error_options(parser)
    args = parser.parse_args()
    data = polnear_data(args.corpus)
    if data is None:
        return 2
    for split in args.split or ["dev", "test"]:
        score = Score()
        errors: list[str] = []
        for text_path in sorted((data / split / "text").glob("*.txt")):
            anns = sorted((data / split / "attributions").glob(f"{text_path.stem}_*.ann"))
            if not anns:
                continue
            text = text_path.read_text(encoding="utf-8")
            score_article(text, load_gold(anns[0], text), score, errors)
        print_split(split, score, errors, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
