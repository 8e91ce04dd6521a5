"""Quotes and relative clauses, second pass: which clause's subject a quote belongs to when a
relative clause stands before or after it. Tables of (text, expected [(quoted words, speaker
name, mention)])."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative "who" a phrase past the quote speaks for the noun right before it, which
        # comes after the quote: it does not take the quoted words.
        ("Ann Lee offered herself as the “law and order” candidate and made an appeal to "
         "farmers who have felt ignored.",
         [("law and order", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke on Monday. Ann Lee found the plan a “fair deal,” unlike a few aides "
         "who said otherwise.",
         [("fair deal,", "Ann Lee", "Ann Lee")]),
        # Nobody in the sentence says it: no guessed speaker.
        ("Sam Hill spoke on Monday. In a poll, most voters found the plan a “fair deal” "
         "compared to a few who said otherwise.",
         [("fair deal", None, None)]),
        # A "who" right after the quote's comma still speaks it.
        ("“We will not back down,” said Ann Lee, who added that the plan was “a fair deal.”",
         [("We will not back down,", "Ann Lee", "Ann Lee"),
          ("a fair deal.", "Ann Lee", "who")]),
    ],
)
def test_later_relative_does_not_take_the_quote(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative "that"/"which" whose verb carries the quote right after it attributes
        # it: the mention is the pronoun, the name the thing it stands for, not the
        # sentence's subject who handed the thing out.
        ("Sam Hill spoke on Monday. They passed out water bottles that said, “The party "
         "welcomes you to town.”",
         [("The party welcomes you to town.", "water bottles", "that")]),
        ("Sam Hill spoke on Monday. The page was replaced on Thursday by a message that said, "
         "“Sorry, the item is gone.”",
         [("Sorry, the item is gone.", "a message", "that")]),
        ("Sam Hill spoke on Monday. Her press release linked to the Associated Press report, "
         "which notes, “More than half the people who met her were donors.”",
         [("More than half the people who met her were donors.",
           "the Associated Press report", "which")]),
        ("Residents were angry. They turned to the Dover Police Department which reported "
         "“2,521 shooting incidents” in the city.",
         [("2,521 shooting incidents", "the Dover Police Department", "which")]),
        ("Sam Hill spoke on Monday. Ann Lee's aides penned a series of angry letters that "
         "called him “a danger to the town.”",
         [("a danger to the town.", "angry letters", "that")]),
        # ... but a thing in what a speaker's cue reports, or one its subject put out, is
        # that speaker's; a slogan on it is nobody's.
        ("Sam Hill spoke on Monday. Ann Lee said the town lost a voice that said “we can all "
         "do better than this.”",
         [("we can all do better than this.", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke on Monday. Ann Lee retweeted a message from her aide, Tom Reed, that "
         "read: “The vote is a win for every family in Dover.”",
         [("The vote is a win for every family in Dover.", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke on Monday. Ann Lee released a video that said, “the plan will cost "
         "jobs.”",
         [("the plan will cost jobs.", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke on Monday. Ann Lee held up a sign that read “Save Our Library.”",
         [("Save Our Library.", None, None)]),
        ("Sam Hill spoke on Monday. That said, “we will not back down,” Ann Lee told "
         "reporters.",
         [("we will not back down,", "Ann Lee", "Ann Lee")]),
    ],
)
def test_relative_thing_carries_the_quote(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quote inside a relative clause still open at its mark, whose own verb says or
        # frames it, is the clause's "who"'s, not the main clause's subject's.
        ("Sam Hill spoke first. Tom Reed, who estimates that his legal bills were “in the "
         "seven figures,” described the strain on his family.",
         [("in the seven figures,", "Tom Reed", "who")]),
        ("Sam Hill spoke first. Ann Lee, who has cast herself as the “voice of the farm "
         "towns,” has won two primaries.",
         [("voice of the farm towns,", "Ann Lee", "who")]),
        ("Sam Hill spoke first. Tom Reed compared that record with Ann Lee, who has styled "
         "herself as the “candidate of the small shops.”",
         [("candidate of the small shops.", "Ann Lee", "who")]),
        # A clause whose verb merely mentions the words, or one a later verb has closed,
        # gives its "who" nothing.
        ("Sam Hill spoke first. Ann Lee, who once served as a “special envoy” to the region, "
         "left the post in May.",
         [("special envoy", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke first. Tom Reed and others who moved to the valley prefer the term "
         "“new neighbours.”",
         [("new neighbours.", "Tom Reed", "Tom Reed")]),
    ],
)
def test_quote_inside_relative_clause_is_its_subjects(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
