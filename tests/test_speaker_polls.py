"""Quotes a poll, study or statement speaks though a person-shaped subject stands nearer:
a poll that frames the sentence ("In a new poll, 40 percent said “…”"). (text, expected)
tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover; the
guard rows keep the quotes a person speaks with that person.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a poll that frames the sentence speaks when its subject only counts respondents
        ("Turnout looks low. In a new Harlow poll, 40 percent of voters said they were "
         "“very worried” about the economy.",
         [("very worried", "a new Harlow poll", "a new Harlow poll")]),
        ("In the survey, most Republicans said the party was “headed the wrong way.”",
         [("headed the wrong way.", "the survey", "the survey")]),
        ("In a Marist poll released Monday, 31% of Democrats and Democratic-leaning voters "
         "said they were “extremely enthusiastic” about voting.",
         [("extremely enthusiastic", "a Marist poll released Monday",
           "a Marist poll released Monday")]),
        ("Still, in the study, six in 10 parents said schools were “not safe enough for "
         "kids.”",
         [("not safe enough for kids.", "the study", "the study")]),
        # guard: a person as the subject keeps the quote, whatever frames the sentence
        ("In the 2016 report, Ann Lee said most parents were “not happy at all.”",
         [("not happy at all.", "Ann Lee", "Ann Lee")]),
        # guard: a count inside another clause makes no count subject
        ("In a new poll, Lee leads with 40 percent and Reed said it was “very good news.”",
         [("very good news.", "Reed", "Reed")]),
        # guard: a frame that is no poll ("In a letter") frames no respondents
        ("In a letter, 40 senators said the bill was “dead on arrival.”",
         [("dead on arrival.", "senators", "senators")]),
    ],
)
def test_poll_frame(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph that ends by putting out a statement gives the next quote-only
        # paragraph to whoever put it out, as "Doe tweeted …" does
        ("The city council issued a statement apologizing for the delay.\n"
         "“We regret the inconvenience to every family affected by the closure.”",
         [("We regret the inconvenience to every family affected by the closure.",
           "the city council", "The city council")]),
        ("At the mayor's request, the city council released a brief statement on Friday.\n"
         "“We regret the inconvenience to every family affected by the closure.”",
         [("We regret the inconvenience to every family affected by the closure.",
           "the city council", "the city council")]),
        # guard: a paragraph that puts out nothing hands its subject no quote
        ("The council met on Friday. It voted to close the school.\n"
         "“We regret the inconvenience to every family affected by the closure.”",
         [("We regret the inconvenience to every family affected by the closure.", None,
           None)]),
    ],
)
def test_statement_across_paragraphs(text: str,
                                     expected: list[tuple[str, str | None, str | None]]
                                     ) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote a dash joins back to a person's sentence after a crowd's chant is the
        # person's, not the crowd's
        ('Tom Reed took the stage at noon. He said, "We will win this state" - at which '
         'point the crowd chanted "Win it now!" - "and we will win it big in November."',
         [("We will win this state", "Tom Reed", "He"),
          ("Win it now!", "the crowd", "the crowd"),
          ("and we will win it big in November.", "Tom Reed", "He")]),
        # guard: chants listed together stay the crowd's
        ('The rally ran late. The crowd chanted "Win it now!" and "Win it all!"',
         [("Win it now!", "the crowd", "The crowd"),
          ("Win it all!", "the crowd", "The crowd")]),
    ],
)
def test_quote_resumed_after_chant(text: str,
                                   expected: list[tuple[str, str | None, str | None]]
                                   ) -> None:
    assert attributed(text) == expected
