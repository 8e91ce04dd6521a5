"""The acceptance example: the seed pair in ../shared/seeds, read at run time (never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.models import Report
from service.pipeline import verify

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def report() -> Report:
    sources = sorted(SEEDS.glob("000_*.txt"))
    candidates = sorted(SEEDS.glob("001_*.txt"))
    if not sources or not candidates:
        pytest.skip(f"seed pair not found in {SEEDS} (it lives next to the checkout, not in it)")
    return verify(sources[0].read_text(encoding="utf-8"), candidates[0].read_text(encoding="utf-8"))


def _status_of(report: Report, start: str) -> str:
    (verdict,) = [v for v in report.verdicts if v.candidate.text.startswith(start)]
    return verdict.status


def test_summary(report: Report) -> None:
    summary = report.summary
    assert (summary.quotes, summary.intact, summary.altered, summary.unsourced) == (22, 6, 15, 1)
    assert (summary.misattributed, summary.altered_misattributed, summary.dropped) == (0, 0, 1)


@pytest.mark.parametrize(
    ("start", "status"),
    [
        ("deep humiliation for the junta", "intact"),
        ("fake news", "intact"),
        ("discredit", "intact"),
        ("free fall", "intact"),
        ("significant changes", "intact"),
        ("The military has no place in our politics.", "intact"),
        ("The military should exercise caution", "unsourced"),
        ("terrorist", "altered"),
        ("routinely", "altered"),
        ("stunning gains", "altered"),
        ("insufficient attention", "altered"),
        ("concrete action", "altered"),
        ("Nobody must be overlooked", "altered"),
    ],
)
def test_status(report: Report, start: str, status: str) -> None:
    assert _status_of(report, start) == status


@pytest.mark.parametrize(
    ("candidate_start", "source_start"),
    [
        ("stunning gains", "staggering progress"),
        ("Nobody must be overlooked", "Amid all the crises"),
        ("insufficient attention", "enough attention"),
        ("concrete action", "concrete measures"),
        ("the Spring Revolution is stronger", "After three years"),
        ("We are getting closer", "With each passing day"),
        ("routinely", "systematically"),
    ],
)
def test_hard_alignments(report: Report, candidate_start: str, source_start: str) -> None:
    (verdict,) = [v for v in report.verdicts if v.candidate.text.startswith(candidate_start)]
    assert verdict.source is not None
    assert verdict.source.text.startswith(source_start)


def test_unsourced_quote_points_to_the_narration(report: Report) -> None:
    (verdict,) = [v for v in report.verdicts if v.status == "unsourced"]
    assert verdict.source is None
    assert verdict.evidence is not None
    assert verdict.evidence.text.startswith("Any attempts at negotiation by the military")


def test_dropped_quote_and_where_it_survives(report: Report) -> None:
    (dropped,) = report.dropped
    assert dropped.quote.text.startswith("It must be permanently subject to a civilian government.")
    assert dropped.evidence is not None
    assert "permanently" in dropped.evidence.text and "dictatorship" in dropped.evidence.text


def test_speakers_match_on_every_sourced_quote(report: Report) -> None:
    sourced = [v for v in report.verdicts if v.source is not None]
    assert len(sourced) == 21
    both_sides = [v for v in sourced if v.candidate.speaker and v.source and v.source.speaker]
    assert both_sides and all(v.speaker_match == "same" for v in both_sides)


def test_altered_quotes_carry_changes_and_severity(report: Report) -> None:
    altered = [v for v in report.verdicts if v.status == "altered"]
    assert all(v.wording.changes and v.severity in ("high", "low") for v in altered)
    (routinely,) = [v for v in altered if v.candidate.text.startswith("routinely")]
    assert [(c.op, c.source, c.candidate) for c in routinely.wording.changes] == [
        ("replace", "systematically", "routinely")
    ]
