"""The seed pair (../shared/seeds/) read at run time: what an editor sees in each document."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from service import document, quotes, speakers
from service.models import Quote

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _extract(prefix: str) -> tuple[Quote, ...]:
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip(f"seed documents not found in {SEEDS} (they live next to the checkout)")
    doc = document.parse(paths[0].read_text(encoding="utf-8"))
    return speakers.attribute(doc, quotes.find_quotes(doc))


def _speaker_of(found: tuple[Quote, ...], words: str) -> str | None:
    matches = [quote for quote in found if words in quote.text]
    assert len(matches) == 1, f"expected one quote containing {words!r}, got {len(matches)}"
    speaker = matches[0].speaker
    return None if speaker is None else speaker.name


def test_candidate_has_22_quotations_and_one_heading() -> None:
    found = _extract("001")
    kinds = Counter(quote.kind for quote in found)
    assert kinds == {"quotation": 22, "heading": 1}
    heading = next(quote for quote in found if quote.kind == "heading")
    assert heading.speaker is None
    assert all(quote.speaker is not None for quote in found if quote.kind == "quotation")


def test_source_headline_and_section_heading_are_headings() -> None:
    found = _extract("000")
    headings = [quote for quote in found if quote.kind == "heading"]
    assert len(headings) == 2
    assert all(quote.speaker is None for quote in headings)
    assert headings[0].start < 100  # the title line, first paragraph


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("stunning gains", "Duwa Lashi La"),
        ("stronger than ever, after three years", "Duwa Lashi La"),
        ("getting closer to winning", "Duwa Lashi La"),
        ("deep humiliation", "Duwa Lashi La"),
        ("terrorist", "the military"),
        ("fake news", "the military"),
        ("discredit", "the military"),
        ("free fall", "Volker Turk"),
        ("routinely", "Volker Turk"),
        ("insufficient attention", "Volker Turk"),
        ("Nobody must be overlooked", "Volker Turk"),
        ("Too long have the people", "Volker Turk"),
        ("concerned governments", "Elaine Pearson"),
        ("Member nations", "Elaine Pearson"),
        ("significant changes", "Amnesty International"),
        ("ripping a page", "Montse Ferrer"),
        ("Hundreds of people", "Montse Ferrer"),
        ("The junta military has been killing", "John Quinley III"),
        ("concrete action", "John Quinley III"),
        ("well-oiled killing machine", "John Quinley III"),
        ("exercise caution", "Duwa Lashi La"),
        ("no place in our politics", "Duwa Lashi La"),
    ],
)
def test_candidate_speakers(words: str, speaker: str) -> None:
    assert _speaker_of(_extract("001"), words) == speaker


def test_candidate_unclosed_quote_ends_before_its_attribution_clause() -> None:
    quote = next(q for q in _extract("001") if "The junta military" in q.text)
    assert not quote.text.rstrip().endswith("accountable.")
    assert "according to" not in quote.text


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("staggering progress", "Duwa Lashi La"),
        ("Spring Revolution is stronger", "Duwa Lashi La"),
        ("With each passing day", "Duwa Lashi La"),
        ("terrorists", "the military"),
        ("free fall", "Volker Turk"),
        ("systematically", "Volker Turk"),
        ("enough attention", "Volker Turk"),
        ("Amid all the crises", "Volker Turk"),
        ("Relevant governments", "Elaine Pearson"),
        ("UN member countries", "Elaine Pearson"),
        ("significant changes", "Amnesty International"),
        ("sanctions evasion playbook", "Montse Ferrer"),
        ("Airstrikes have killed", "Montse Ferrer"),
        ("Since the February 1", "John Quinley III"),
        ("concrete measures", "John Quinley III"),
        ("Without adequate intervention", "John Quinley III"),
        ("no place in our politics", "Duwa Lashi La"),
        ("permanently subject", "Duwa Lashi La"),
    ],
)
def test_source_speakers(words: str, speaker: str) -> None:
    assert _speaker_of(_extract("000"), words) == speaker


def test_source_quote_closed_by_guillemet_stops_there() -> None:
    quote = next(q for q in _extract("000") if q.text.startswith("UN member countries"))
    assert quote.text.endswith("civilians.")
