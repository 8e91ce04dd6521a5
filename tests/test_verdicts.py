"""Verdicts: statuses, severity, evidence and dropped quotes from hand-built quote records."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from service.alignment import align
from service.models import Change, Dropped, QuoteKind, Verdict
from service.verdicts import judge
from tests.handmade import document, quotes_of

Spec = tuple[str, str | None] | tuple[str, str | None, QuoteKind]


def _judge(
    source: str, source_specs: Sequence[Spec], candidate: str, candidate_specs: Sequence[Spec]
) -> tuple[tuple[Verdict, ...], tuple[Dropped, ...]]:
    source_doc, candidate_doc = document(source), document(candidate)
    source_quotes = quotes_of(source_doc, source_specs)
    candidate_quotes = quotes_of(candidate_doc, candidate_specs)
    matches = align(source_doc, source_quotes, candidate_doc, candidate_quotes)
    return judge(source_doc, source_quotes, candidate_doc, candidate_quotes, matches)


SOURCE = (
    "“We will not raise taxes this year,” said Finance Minister Olav Berg.\n"
    "Opposition leader Kari Lund disagreed. “The budget has a hole in it,” Lund said."
)

STATUS_CASES = [
    # (candidate quote, its speaker, status, speaker match, severity)
    ("We will not raise taxes this year.", "Olav Berg", "intact", "same", None),
    ("We will not raise taxes this year.", "Berg", "intact", "same", None),
    ("not raise taxes", "Olav Berg", "intact", "same", None),
    ("We will not raise taxes this year.", "Kari Lund", "misattributed", "different", None),
    ("We will not raise taxes this year.", None, "intact", "unknown", None),
    ("We will raise taxes this year.", "Olav Berg", "altered", "same", "high"),
    ("We will not raise levies this year.", "Olav Berg", "altered", "same", "low"),
    ("We will raise taxes this year.", "Kari Lund", "altered_misattributed", "different", "high"),
    ("We will raise taxes this year.", None, "altered", "unknown", "high"),
]


@pytest.mark.parametrize(("words", "speaker", "status", "match", "severity"), STATUS_CASES)
def test_status_rules(
    words: str, speaker: str | None, status: str, match: str, severity: str | None
) -> None:
    candidate = f"Kari Lund and Olav Berg spoke. “{words}”"
    verdicts, dropped = _judge(
        SOURCE,
        [
            ("We will not raise taxes this year,", "Olav Berg"),
            ("The budget has a hole in it,", "Kari Lund"),
        ],
        candidate,
        [(words, speaker)],
    )
    (verdict,) = verdicts
    assert (verdict.status, verdict.speaker_match, verdict.severity) == (status, match, severity)
    assert verdict.source is not None and verdict.source.text.startswith("We will")
    assert [d.quote.text for d in dropped] == ["The budget has a hole in it,"]


def test_unsourced_carries_narration_evidence_and_invented_none() -> None:
    source = (
        "Elena Varga said the new stadium would be finished by 2027 and cost less than planned.\n"
        "“This stadium belongs to the people,” Varga said."
    )
    candidate = (
        "“The new stadium will be finished by 2027 and will cost less than planned,” she said.\n"
        "“This stadium belongs to the people,” Varga said. “We are proud of it.”"
    )
    verdicts, dropped = _judge(
        source,
        [("This stadium belongs to the people,", "Elena Varga")],
        candidate,
        [
            (
                "The new stadium will be finished by 2027 and will cost less than planned,",
                "Elena Varga",
            ),
            ("This stadium belongs to the people,", "Elena Varga"),
            ("We are proud of it.", "Elena Varga"),
        ],
    )
    assert [v.status for v in verdicts] == ["unsourced", "intact", "unsourced"]
    told = verdicts[0].evidence
    assert told is not None and told.text == (
        "Elena Varga said the new stadium would be finished by 2027 and cost less than planned."
    )
    assert source[told.start : told.end] == told.text
    assert verdicts[2].evidence is None
    assert verdicts[0].source is None and verdicts[0].speaker_match == "unknown"
    assert dropped == ()


def test_dropped_quote_points_to_where_its_words_survive() -> None:
    source = (
        "“The factory will close in June and 400 jobs will be lost,” said Irene Fox.\n"
        "“We tried everything,” Fox said.\n"
        "“It is a dark day,” said Dan Greer."
    )
    candidate = (
        "Irene Fox said the factory would close in June, and 400 jobs would be lost.\n"
        "“We tried everything,” Fox said."
    )
    verdicts, dropped = _judge(
        source,
        [
            ("The factory will close in June and 400 jobs will be lost,", "Irene Fox"),
            ("We tried everything,", "Irene Fox"),
            ("It is a dark day,", "Dan Greer"),
        ],
        candidate,
        [("We tried everything,", "Irene Fox")],
    )
    assert [v.status for v in verdicts] == ["intact"]
    assert [d.quote.text for d in dropped] == [
        "The factory will close in June and 400 jobs will be lost,",
        "It is a dark day,",
    ]
    survives = dropped[0].evidence
    assert survives is not None
    assert (
        survives.text
        == "Irene Fox said the factory would close in June, and 400 jobs would be lost."
    )
    assert candidate[survives.start : survives.end] == survives.text
    assert dropped[1].evidence is None


def test_headings_are_neither_judged_nor_dropped() -> None:
    source = "“Enough is enough”\n“We are tired of waiting,” said Maya Roth."
    candidate = "“Time is up”\n“We are tired of waiting,” said Maya Roth."
    verdicts, dropped = _judge(
        source,
        [("Enough is enough", None, "heading"), ("We are tired of waiting,", "Maya Roth")],
        candidate,
        [("Time is up", None, "heading"), ("We are tired of waiting,", "Maya Roth")],
    )
    assert [(v.id, v.status) for v in verdicts] == [("q2", "intact")]
    assert dropped == ()


MERGES = [
    # (source, candidate's merged words, status, severity, changes)
    # The two parts of one split quote, separated only by the attribution: one statement.
    (
        "“Libraries are where children grow,” said Ruth Adeyemi. “Sundays matter to parents.”",
        "Libraries are where children grow. Sundays matter to parents.",
        "intact",
        None,
        [],
    ),
    (
        "“The ward is full,” said Dr. Anna Kowalczyk, the head of surgery. “We need beds.”",
        "The ward is full. We need beds.",
        "intact",
        None,
        [],
    ),
    # Quotes from two paragraphs: said apart, so altered even when each piece is kept.
    (
        "“The ward is full,” said Anna Kowalczyk.\n\n“We need beds before the winter.”",
        "The ward is full. We need beds before the winter.",
        "altered",
        "low",
        [],
    ),
    (
        "“The ward is full, yet again,” said Anna Kowalczyk.\n\n“We need beds before the winter.”",
        "The ward is full … We need beds before the winter.",
        "altered",
        "low",
        [Change("delete", "yet again", "")],
    ),
    # A sentence of narration between them in one paragraph is no attribution.
    (
        "“The ward is full,” said Anna Kowalczyk. The hospital opened in 1962. "
        "“We need beds before the winter.”",
        "The ward is full. We need beds before the winter.",
        "altered",
        "low",
        [],
    ),
    # A real change besides the join keeps its own severity.
    (
        "“The ward is full,” said Anna Kowalczyk.\n\n“We need 40 beds before the winter.”",
        "The ward is full. We need 60 beds before the winter.",
        "altered",
        "high",
        [Change("replace", "40", "60")],
    ),
]


@pytest.mark.parametrize(("source", "merged", "status", "severity", "changes"), MERGES)
def test_merged_quotes_are_intact_only_when_one_split_quote(
    source: str, merged: str, status: str, severity: str | None, changes: list[Change]
) -> None:
    speaker = "Ruth Adeyemi" if "Ruth" in source else "Anna Kowalczyk"
    first, second = (part.split("”")[0] for part in source.split("“")[1:])
    candidate = f"{speaker} said: “{merged}”"
    verdicts, dropped = _judge(
        source, [(first, speaker), (second, speaker)], candidate, [(merged, speaker)]
    )
    (verdict,) = verdicts
    assert (verdict.status, verdict.severity) == (status, severity)
    assert list(verdict.wording.changes) == changes
    assert dropped == ()


NEAR_SOURCE = (
    "Flood water reached the village before midnight.\n"
    "“We had roughly twenty seconds to get out. I took the cat and ran,” said Mei Tanaka."
)
NEAR_QUOTE = "We had roughly twenty seconds to get out. I took the cat and ran,"

NEAR_COPIES = [
    # (candidate's short quote, its speaker, status, severity, changes)
    # Word for word but for one word, same speaker: that quote, altered.
    ("roughly thirty seconds", "Mei Tanaka", "altered", "high",
     [Change("replace", "twenty", "thirty")]),
    ("took the dog and ran", "Mei Tanaka", "altered", "low", [Change("replace", "cat", "dog")]),
    # Another speaker, two words changed, only function words kept, or too short: not it.
    ("roughly thirty seconds", "Tom Reyes", "unsourced", None, []),
    ("roughly thirty minutes", "Mei Tanaka", "unsourced", None, []),
    ("had to leave", "Mei Tanaka", "unsourced", None, []),
    ("thirty seconds", "Mei Tanaka", "unsourced", None, []),
]


@pytest.mark.parametrize(("words", "speaker", "status", "severity", "changes"), NEAR_COPIES)
def test_short_near_copy_of_a_stretch_aligns(
    words: str, speaker: str, status: str, severity: str | None, changes: list[Change]
) -> None:
    candidate = (
        "Tom Reyes and Mei Tanaka fled their hillside homes as the swollen river burst its "
        f"banks. {speaker} said they had “{words}”."
    )
    verdicts, dropped = _judge(
        NEAR_SOURCE, [(NEAR_QUOTE, "Mei Tanaka")], candidate, [(words, speaker)]
    )
    (verdict,) = verdicts
    assert (verdict.status, verdict.severity) == (status, severity)
    assert list(verdict.wording.changes) == changes
    assert [d.quote.text for d in dropped] == ([] if verdict.source else [NEAR_QUOTE])
