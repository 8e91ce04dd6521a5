"""Quotes with an ordinary cue that an earlier rule left without a speaker or gave to the
wrong person: (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover; the
guard rows keep the constructions the rule must leave alone.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after the object takes the sentence's subject, not the possessive
        # owner of a noun of saying in the object ("Reed's comments")
        ("The Lee campaign shrugged off Reed’s comments, telling reporters, “Nobody here "
         "ever asked for his support.”",
         [("Nobody here ever asked for his support.", "the Lee campaign", "The Lee campaign")]),
        ("Ann Lee tried to downplay Reed’s remarks, saying they were “not a big deal.”",
         [("not a big deal.", "Ann Lee", "Ann Lee")]),
        # guard: a name in the clause an earlier cue reports is still that cue's report
        ("Ann Lee said Tom Reed had told donors the plan was “dead on arrival.”",
         [("dead on arrival.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_subject_before_an_earlier_noun_of_saying(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
