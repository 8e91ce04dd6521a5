"""Quotes of real speech that used to come out with ``speaker: null``: (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover; the
rows that keep a speaker null guard against the rule taking titles or slogans for speech.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of saying with a manner, followed by a phrase rather than punctuation
        ("“They were never serious about a deal,” Senator Mark Hollis fumed on Tuesday.",
         [("They were never serious about a deal,", "Mark Hollis", "Senator Mark Hollis")]),
        ("“Let me help you out: the answer is no,” the governor riffed on the question.",
         [("Let me help you out: the answer is no,", "the governor", "the governor")]),
        ("“The plan is dead on arrival in the Senate,” Ann Lee confided to a colleague.",
         [("The plan is dead on arrival in the Senate,", "Ann Lee", "Ann Lee")]),
        ("The coach gushed about a “season unlike any other in our history.”",
         [("season unlike any other in our history.", "the coach", "The coach")]),
        # "has written" describes a writer ("who has written two books"), not a quote
        ("Curator Tom Reed said the sketch was “a study for a larger painting.”\n\n"
         "Art historian Ann Lee, who has written two books on the painter, was more "
         "cautious. “It may be by him,” she said.",
         [("a study for a larger painting.", "Curator Tom Reed", "Curator Tom Reed"),
          ("It may be by him,", "Ann Lee", "she")]),
    ],
)
def test_unlisted_verbs_of_saying(text: str,
                                  expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chain of sentence adverbs before the subject ("And then", "But now")
        ("And then Ann Lee went fully on the attack, saying, “Is the mayor going to resign "
         "over this?”",
         [("Is the mayor going to resign over this?", "Ann Lee", "Ann Lee")]),
        ("But now the union has changed its tune, saying, “We never opposed the merger.”",
         [("We never opposed the merger.", "the union", "the union")]),
        # a time phrase opening the sentence, then the subject of a coordinated cue
        ("Eight years ago, he backed Lee over Reed and said, “Reed has never done anything "
         "for this town.”",
         [("Reed has never done anything for this town.", "he", "he")]),
        ("Three weeks ago, Tom Reed toured the plant and said, “These jobs are staying "
         "here.”",
         [("These jobs are staying here.", "Tom Reed", "Tom Reed")]),
        ("Six months earlier, she had campaigned for Lee and told voters, “He will fix the "
         "roads.”",
         [("He will fix the roads.", "she", "she")]),
    ],
)
def test_clause_openers_before_the_subject(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role in lower case before a label's name
        ("The council voted on Monday.\n\nFormer mayor Ann Lee:“We learned that from the "
         "budget review.”",
         [("We learned that from the budget review.", "Ann Lee", "Ann Lee")]),
        ("The council voted on Monday.\n\nFormer secretary of state Ann Lee: “We learned "
         "that from the budget review.”",
         [("We learned that from the budget review.", "Ann Lee", "Ann Lee")]),
        # a clause before the name is no role: its subject speaks
        ("The vote was close.\n\nHe told Lee: “You lost this one fair and square.”",
         [("You lost this one fair and square.", "He", "He")]),
        # "More from X:", "From X:" in a digest
        ("The map favours the party. More from Lee: “The partisanship of the state is a "
         "starting point.”",
         [("The partisanship of the state is a starting point.", "Lee", "Lee")]),
        ("Turnout fell in the north. From Acme Research: “Fewer young voters came out than "
         "in any year since 1990.”",
         [("Fewer young voters came out than in any year since 1990.", "Acme Research",
           "Acme Research")]),
        # two authors label one text after a digest headline's dash
        ("The race is close. Polls tighten - Ann Lee and Tom Reed: “We found that voters "
         "care about inspiration.”",
         [("We found that voters care about inspiration.", "Ann Lee",
           "Ann Lee and Tom Reed")]),
    ],
)
def test_colon_labels(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label closing the paragraph before a quote paragraph
        ("The council voted on Monday.\n\nStated Reed:\n\n“I think the stakes are very high "
         "for the whole region.”",
         [("I think the stakes are very high for the whole region.", "Reed", "Reed")]),
        ("The council voted on Monday.\n\nFormer mayor Ann Lee:\n\n“I think the stakes are "
         "very high for the whole region.”",
         [("I think the stakes are very high for the whole region.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_label_in_the_paragraph_before(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union spoke out against “slander” in the campaign.",
         [("slander", "the union", "The union")]),
        ("In 2011 the senator spoke out for “shotgun weddings” as a remedy.",
         [("shotgun weddings", "the senator", "the senator")]),
        # "spoke" alone sets the scene: the later cue attributes
        ("An aide, who spoke on condition of anonymity, said of the mayor, “She takes the "
         "threat very seriously.”",
         [("She takes the threat very seriously.", "an aide", "An aide")]),
    ],
)
def test_speaking_about(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
