"""How far PolNeAR's annotators agree with each other, scored the way Verbatim is scored.

Usage: python bench/agreement_polnear.py [CORPUS] [--split train|dev|annotator-training ...]

Some PolNeAR articles were annotated independently by five or six annotators (16 in train,
2 in dev, the 4 articles of the annotator-training study). On those articles this script takes
each annotator in turn as gold and scores, with ``eval_polnear.py``'s own matching:

- every other annotator's quotes and Source spans, as if they were predictions (the first
  range of a discontinuous Source is its mention), pooled over all ordered pairs;
- Verbatim's extraction, against the same gold annotators.

The human line is the ceiling the corpus itself puts on a score: where two trained annotators
disagree on which span is the Source, no extractor can match both. Test articles are left out
by default (the README's advice is to look at test once, for the final score).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import permutations
from pathlib import Path

from eval_polnear import (
    Gold,
    Predicted,
    Score,
    load_gold,
    polnear_data,
    polnear_parser,
    predict,
    score_predictions,
)

SPLITS = ("train", "dev", "annotator-training", "test")


def as_predictions(gold: list[Gold]) -> list[Predicted]:
    """One annotator's quotes, each with its Source's first range as the mention."""
    return [Predicted(item.start, item.end, item.sources[0] if item.sources else None, None)
            for item in gold]


def multiply_annotated(folder: Path) -> dict[Path, list[Path]]:
    """Each article text with its annotation files, for articles with more than one."""
    annotations: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    return {folder / "text" / f"{stem}.txt": anns
            for stem, anns in annotations.items()
            if len(anns) > 1 and (folder / "text" / f"{stem}.txt").is_file()}


def score_split(folder: Path) -> tuple[Score, Score, int, int]:
    humans, system = Score(), Score()
    articles = pairs = 0
    unused: list[str] = []  # score_predictions wants an error list; nothing prints it here
    for text_path, anns in multiply_annotated(folder).items():
        text = text_path.read_text(encoding="utf-8")
        golds = [load_gold(ann, text) for ann in anns]
        ours = predict(text)
        articles += 1
        for gold in golds:
            score_predictions(text, gold, ours, system, unused)
        for gold, other in permutations(golds, 2):
            score_predictions(text, gold, as_predictions(other), humans, unused)
            pairs += 1
    return humans, system, articles, pairs


def main() -> int:
    args = polnear_parser(__doc__.splitlines()[0], SPLITS).parse_args()
    data = polnear_data(args.corpus)
    if data is None:
        return 2
    for split in args.split or ["train", "dev", "annotator-training"]:
        humans, system, articles, pairs = score_split(data / split)
        print(f"{split}: {articles} articles, {pairs} ordered annotator pairs")
        print("  " + humans.line("humans"))
        print("  " + system.line("ours"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
