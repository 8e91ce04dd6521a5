"""Speaker names resolved against the title's gender, "it" resolved to the organisation just
named, and pronouns resolved past a reporting sentence whose subject carries an aside:
(invented news text, expected [(quoted words, speaker name, mention)]) tables."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A woman's title never grows into a man's full name with the same surname ...
        ("Tom Reed and Martha Reed toured the plant. Tom Reed left early.\n\n"
         "“The plant stays open,” Mrs. Reed said.",
         [("The plant stays open,", "Martha Reed", "Mrs. Reed")]),
        # ... even when he is the only one named in full: the surname alone is then right.
        ("Tom Reed ran the plant for years. His wife stayed in Dover.\n\n"
         "“We loved this town,” Mrs. Reed said.",
         [("We loved this town,", "Reed", "Mrs. Reed")]),
        # A man's title never grows into a woman's full name.
        ("Linda Ortiz opened the gala. The mayor, Ortiz, spoke after her.\n\n"
         "“Tonight we celebrate,” Mr. Ortiz said.",
         [("Tonight we celebrate,", "Ortiz", "Mr. Ortiz")]),
        # The title's own sex keeps its full name; a unisex or unlisted given name fits both.
        ("Martha Reed and Tom Reed spoke. “We will fight on,” Mr. Reed said.",
         [("We will fight on,", "Tom Reed", "Mr. Reed")]),
        ("Jessie Crane runs the bakery. “Bread is up,” Mr. Crane said.",
         [("Bread is up,", "Jessie Crane", "Mr. Crane")]),
        ("Ms. Okafor joined later. Adaeze Okafor leads the union. “We strike,” Ms. Okafor "
         "said.", [("We strike,", "Adaeze Okafor", "Ms. Okafor")]),
    ],
)
def test_title_gender(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" stands for the organisation named before it, never for a person in between.
        ("The Harbor Gazette said that author Tom Reed met the mayor. The Gazette reported "
         "that Reed said he was writing a book. It added, “the meeting lasted an hour.”",
         [("the meeting lasted an hour.", "Harbor Gazette", "It")]),
        # With no organisation before it, "it" stays "it" rather than a guessed person.
        ("Tom Reed sent a letter to donors on Monday.\n\n“Give what you can,” it reads.",
         [("Give what you can,", "it", "it")]),
        ("Mrs. Dana Cole spoke at the rally.\n\nAt the end it says, “Vote early.”",
         [("Vote early.", "it", "it")]),
    ],
)
def test_it_is_no_person(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plural title before a list of names is no part of the first name.
        ("Senators Ann Lee and Tom Reed met the governor. “We have a deal,” Mr. Reed said. "
         "“It holds,” Ms. Lee said.",
         [("We have a deal,", "Tom Reed", "Mr. Reed"), ("It holds,", "Ann Lee", "Ms. Lee")]),
        # "Neither" / "Either" opening a sentence is no first name.
        ("Neither Tom Reed nor his rival answered. “No comment,” Mr. Reed said.",
         [("No comment,", "Tom Reed", "Mr. Reed")]),
        ("Either Ann Lee or Tom Reed will lead. “I am ready,” Ms. Lee said.",
         [("I am ready,", "Ann Lee", "Ms. Lee")]),
    ],
)
def test_opening_words_not_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected
