"""Pronoun speakers resolved to the right earlier person: (text, expected [(quoted words,
speaker name, mention)]). Invented news text."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he"/"she" never stands for a party, place or group word that a cue's subject
        # happens to be: the person named before it is meant.
        ("Sen. Tom Reed toured the plant on Monday. Most Republicans agreed the bill was "
         "dead.\n\n“We will bring it back in the fall,” he said.",
         [("We will bring it back in the fall,", "Tom Reed", "he")]),
        ("Tom Reed, who runs a bakery in Aurora, Colorado, slammed the new tax on Monday."
         "\n\n“It will close half the shops on this street,” he said.",
         [("It will close half the shops on this street,", "Tom Reed", "he")]),
        ("Ann Lee met the mayor on Monday. Analysts say the plan will fail.\n\n“We have the "
         "votes,” she said.",
         [("We have the votes,", "Ann Lee", "she")]),
    ],
)
def test_pronoun_never_names_a_group_or_place(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
