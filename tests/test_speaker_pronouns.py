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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening phrase before the pronoun names nobody: the pronoun is still the person
        # the sentence before was about, not the last name in it.
        ("Gary Johnson left the party in 2011 after a long dispute with Ed Crane.\n\nIn "
         "2012, he said, “I am running to win.”",
         [("I am running to win.", "Gary Johnson", "he")]),
        ("Gary Johnson left the party in 2011 after a long dispute with Ed Crane.\n\nIn his "
         "statement on Monday, he wrote that the rules were “rigged from the start.”",
         [("rigged from the start.", "Gary Johnson", "he")]),
        ("Gary Johnson left the party in 2011 after a long dispute with Ed Crane.\n\nBut he "
         "said, “I am running to win.”",
         [("I am running to win.", "Gary Johnson", "he")]),
        # A phrase that names someone itself leaves the pronoun to the other rules.
        ("Gary Johnson left the party in 2011 after a long dispute with Ed Crane.\n\nAfter "
         "meeting Ann Lee, he said, “I am running to win.”",
         [("I am running to win.", "Ed Crane", "he")]),
    ],
)
def test_pronoun_after_an_opening_phrase(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she" never resolves to a man's given name, "he" never to a woman's: the given-name
        # lists decide for common names beyond the most frequent ones.
        ("Meghan Ross chairs the board. At Monday's meeting Reince Carter spoke first.\n\n"
         "“I will vote against it,” she said.",
         [("I will vote against it,", "Meghan Ross", "she")]),
        ("Brigid Hale runs the clinic. On Monday it had a visit from Philippe Moreau.\n\n“We "
         "need more beds,” she said.",
         [("We need more beds,", "Brigid Hale", "she")]),
        ("Ari Stone runs the clinic. On Monday it had a visit from Dottie Marsh.\n\n“We need "
         "more beds,” he said.",
         [("We need more beds,", "Ari Stone", "he")]),
    ],
)
def test_pronoun_agrees_in_gender(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
