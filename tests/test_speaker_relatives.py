"""Relative and nested clauses in attribution: (text, expected [(quoted words, speaker name,
mention)])."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative "who" names the noun phrase right before it, not the last name the text
        # gave: a common noun phrase is the speaker's name as it stands.
        ("The bill drew fire from Sen. Ann Lee of Ohio on Tuesday. Voters may balk at a "
         "candidate who has called the plan “a disgrace to the nation.”",
         [("a disgrace to the nation.", "a candidate", "who")]),
        ("Mayor Tom Reed spoke first. Mr. Obama sharply rebuked critics who say the new "
         "rules are “a gift to the banks.”",
         [("a gift to the banks.", "critics", "who")]),
        ("Residents of Ohio were divided. The plan appeals to blue-collar Americans who say "
         "the old mines were “the heart of our towns.”",
         [("the heart of our towns.", "blue-collar Americans", "who")]),
        ("Ann Lee spoke at a rally in Dover. One ad stars a Lincoln impersonator who promises "
         "that Reed will “never raise your taxes.”",
         [("never raise your taxes.", "a Lincoln impersonator", "who")]),
        ("In the weeks since the leak, analysts in Ohio have been sharing a passage from the "
         "memoirs of a former Soviet spymaster who wrote about the “creative” use of forgeries.",
         [("creative", "a former Soviet spymaster", "who")]),
        # An adjective's complement ends the phrase without heading it.
        ("The report was welcomed by Gov. Ann Lee. “It was a long fight,” said one aide "
         "familiar with the talks, who added that the deal was “the best we could get.”",
         [("It was a long fight,", "one aide familiar", "one aide familiar"),
          ("the best we could get.", "one aide familiar with the talks", "who")]),
        # An appositive between a name and "who" describes that name.
        ("Mayor Tom Reed spoke first. The crowd then heard from Dana Cole, a Dover native who "
         "told them the tax was “a burden on every small shop.”",
         [("a burden on every small shop.", "Dana Cole", "who")]),
        ("Ann Lee has often clashed with Reed, now the Senate majority leader, who in 2010 "
         "said his goal was “to stop her at every turn.”",
         [("to stop her at every turn.", "Reed", "who")]),
        ("Talks dragged on with Tom Reed. Sen. Ann Lee rallied for Sam Hill, a former Dover "
         "mayor who is running for Congress and who has promised “a clean break with the "
         "past.”",
         [("a clean break with the past.", "Sam Hill", "who")]),
    ],
)
def test_relative_pronoun_names_its_antecedent(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A framing verb ("called", "labeled") takes a possessed noun of saying as its object
        # and the quote after it as its complement: the verb's subject speaks, in a relative
        # clause as in a main one; a verb that merely takes the noun quotes its owner.
        ("Sen. Ann Lee, who has called Mr. Reed's comments “deeply divisive,” spoke last.",
         [("deeply divisive,", "Ann Lee", "who")]),
        ("Tom Reed spoke on Monday. Ann Lee called Reed's claim “absurd on its face.”",
         [("absurd on its face.", "Ann Lee", "Ann Lee")]),
        ("Tom Reed spoke on Monday. Ann Lee mocked Reed's call for “a return to common sense.”",
         [("a return to common sense.", "Tom Reed", "Reed's")]),
    ],
)
def test_framing_verb_speaks_for_its_object(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A "who" right after quoted words, no comma between, refers to them as its noun:
        # it says nothing, the quote is the sentence subject's term.
        ("Ann Lee spoke in Dover. She has proposed hiring a “chief trade prosecutor” who "
         "reports to the president.",
         [("chief trade prosecutor", "Ann Lee", "She")]),
        ("Ann Lee spoke in Dover. She wants a “citizen ombudsman” who answers to voters alone.",
         [("citizen ombudsman", "Ann Lee", "She")]),
    ],
)
def test_quoted_antecedent_is_not_spoken_by_its_relative(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
