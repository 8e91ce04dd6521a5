"""bench/agreement_polnear.py on an invented two-annotator corpus laid out like PolNeAR."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "“We will win,” Jane Roe said.\n\n“It is over,” he said."
_FIGURE = re.compile(r"(\w+)=\s*([\d.]+)")


def _span(part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def _annotation(second_source: str) -> str:
    """Both quotes attributed; the second to ``second_source``'s first occurrence."""
    lines = []
    for number, (content, source) in enumerate(
        [("“We will win,”", "Jane Roe"), ("“It is over,”", second_source)], start=1
    ):
        (cs, ce), (ss, se) = _span(content), _span(source)
        lines += [f"T{number}1\tContent {cs} {ce}\t{content}",
                  f"T{number}2\tSource {ss} {se}\t{source}",
                  f"E{number}\tSource:T{number}2 Content:T{number}1"]
    return "\n".join(lines) + "\n"


def test_annotators_are_scored_against_each_other_and_ours_against_each(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "article.txt").write_text(TEXT, encoding="utf-8")
    # Two annotators: one marks the pronoun, the other the name it stands for.
    (folder / "attributions" / "article_aaaa.ann").write_text(_annotation("he"), "utf-8")
    (folder / "attributions" / "article_bbbb.ann").write_text(_annotation("Jane Roe"), "utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "agreement_polnear.py"), str(tmp_path),
         "--split", "dev"], capture_output=True, text=True, check=True, timeout=120,
    )
    humans, ours = (dict(_FIGURE.findall(line)) for line in result.stdout.splitlines()[1:3])
    assert "1 articles, 2 ordered annotator pairs" in result.stdout
    assert humans["gold"] == "4" and humans["precision"] == "1.000"
    assert humans["speaker_accuracy"] == "0.500"  # each disagrees with the other once
    assert ours["speaker_accuracy"] == "0.750"  # "he" suits one annotator on both, one on one


def test_absent_corpus_is_named(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "agreement_polnear.py"), str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2 and "nowhere" in result.stderr
