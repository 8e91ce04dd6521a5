"""CI guards for extraction accuracy on the gold corpora's dev splits (bench/eval_*.py).

The corpora live in ``../shared/corpora`` next to the checkout, not in the repository: these
tests skip when it is absent. Only dev splits are read here (test is for reporting); the floors
sit a little under the figures the README reports, so a rule change that costs accuracy fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
_FIGURE = re.compile(r"(\w+)=\s*([\d.]+)")


def _scores(script: str, corpus: Path) -> dict[str, float]:
    if not (corpus / "data").is_dir():
        pytest.skip(f"{corpus} is absent: no gold corpus to score against")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), str(corpus), "--split", "dev"],
        capture_output=True, text=True, check=True, timeout=300,
    )
    return {name: float(value) for name, value in _FIGURE.findall(result.stdout)}


def test_polnear_dev_floor() -> None:
    scores = _scores("eval_polnear.py", CORPORA / "polnear")
    assert scores["gold"] > 800
    assert scores["F1"] >= 0.95
    assert scores["end_to_end"] >= 0.91


def test_german_dev_floor() -> None:
    scores = _scores("eval_german.py", CORPORA / "german-news-quotation-attribution-2024")
    assert scores["gold"] > 100
    assert scores["recall"] >= 0.95
    assert scores["F1"] >= 0.94
    assert scores["speaker_accuracy"] >= 0.76  # German speaker rules (speakers_german)


@pytest.mark.parametrize("script", ["eval_polnear.py", "eval_german.py"])
def test_absent_corpus_is_named(tmp_path: Path, script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "not found at" in result.stderr and "nowhere" in result.stderr
