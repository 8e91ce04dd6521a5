"""Relayed text and colon lead-ins: (text, expected [(quoted words, speaker name, mention)])."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outlet's text relayed after a colon lead-in: the block is the outlet's, the
        # quote nested in it (with its own cue after it) is the nested speaker's.
        ('As the Daily Ledger reported after the vote:\n\n"The council has done little with '
         "the money it raised. Its members have argued for months about the plan. “We never "
         'saw the figures,” one member told the paper in June."\n\nThe mayor disagreed.',
         [("The council has done little with the money it raised. Its members have argued "
           "for months about the plan.", "Daily Ledger", "Daily Ledger"),
          ("We never saw the figures,", "one member", "one member")]),
        ('As Acme Radio’s Tom Reed wrote after the hearing:\n\n"The agency has done almost '
         "nothing with the files it seized. “They have not even opened them,” one analyst "
         'said in May."',
         [("The agency has done almost nothing with the files it seized.", "Tom Reed",
           "Acme Radio’s Tom Reed"),
          ("They have not even opened them,", "one analyst", "one analyst")]),
        # A transcript relayed in quotes: the label in capitals opening the words names the
        # speaker (resolved to the fullest name the text gives), not the lead-in.
        ('Sen. Ann Lee spoke to a radio host on Sunday.\n\nPartial transcript as follows:'
         '\n\n"LEE: We will win this state and the next one."',
         [("LEE: We will win this state and the next one.", "Ann Lee", "LEE")]),
        ('Sen. Ann Lee spoke to a radio host on Sunday.\n\nPartial transcript as follows:'
         '\n\n"LEE: We will win this state.\n\n"And we will win the next one too."',
         [('LEE: We will win this state.\n\n"And we will win the next one too.', "Ann Lee",
           "LEE")]),
    ],
)
def test_relayed_blocks(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An absolute phrase "with X (adverb) V-ing:" introduces the quote after its colon.
        ("Protesters were pushed out of the hall, with the candidate reportedly shouting: "
         "“Get them out of here!”",
         [("Get them out of here!", "the candidate", "the candidate")]),
        ("The ad ends with a narrator saying: “Can voters trust this man?”",
         [("Can voters trust this man?", "a narrator", "a narrator")]),
        ("Supporters filled the square, with Ann Lee loudly insisting: “We will not leave.”",
         [("We will not leave.", "Ann Lee", "Ann Lee")]),
        # A subject, its verb and a colon right before the quote, even in a clause of "as".
        ("“Somebody is having a rough night,” Reed said as the protester shouted: “You lie!”",
         [("Somebody is having a rough night,", "Reed", "Reed"),
          ("You lie!", "the protester", "the protester")]),
        # "From X's post:": a sentence naming only where the words come from.
        ("Aides say former governor Jeb Reed will campaign for Lee. From Reed’s Facebook "
         "post: “We must unite behind the strongest candidate.”",
         [("We must unite behind the strongest candidate.", "Jeb Reed", "Reed’s")]),
        ("More from Acme Bank’s statement: “Rates will stay where they are this year.”",
         [("Rates will stay where they are this year.", "Acme Bank", "Acme Bank’s")]),
        # A colon lead-in without a cue whose subject is no person, ending with a role and
        # a name; a person or a role as the subject speaks for themselves.
        ("The timing of the surge does not surprise Republican pollster Dana Shore: "
         "“Lesser-known candidates always gain after early wins.”",
         [("Lesser-known candidates always gain after early wins.", "Dana Shore",
           "Dana Shore")]),
        ("The new plan drew a sharp rebuke from party chairman Tom Reed: “This is a betrayal "
         "of our voters.”",
         [("This is a betrayal of our voters.", "Tom Reed", "Tom Reed")]),
        ("Jane Doe praised analyst Ann Lee: “She saw it coming before anyone else.”",
         [("She saw it coming before anyone else.", "Jane Doe", "Jane Doe")]),
        ("The senator thanked spokesman Tom Reed: “He kept us all sane this year.”",
         [("He kept us all sane this year.", "the senator", "The senator")]),
        ("Lee kept smiling while the heckler yelled: “Go home now!”",
         [("Go home now!", "the heckler", "the heckler")]),
    ],
)
def test_colon_lead_ins(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The pronoun of a quote's own cue repeats the subject of the colon lead-in that
        # opens its sentence, not an earlier speaker; the pronoun stays the mention.
        ("Tom Axelrod mocked the campaign on Twitter.\n\nMark Fallon fired back: “As the "
         "keeper of the record,” he wrote, “we know you want us to win.”",
         [("As the keeper of the record,", "Mark Fallon", "he"),
          ("we know you want us to win.", "Mark Fallon", "he")]),
        ("Reporters for the New Yorker asked about the pills.\n\nSen. Ann Lee scolded him: "
         "“The science is against you,” she said.",
         [("The science is against you,", "Ann Lee", "she")]),
    ],
)
def test_pronoun_after_colon_lead_in(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname ending in "-ly" before a comma, after a lower-case word, is a name, not
        # a sentence adverb ("Conversely,"), so the colon lead-in's subject is found.
        ("Bill Skelly runs the firm.\n\n“Having the file is valuable,” said Skelly, "
         "explaining he worked closely with Vito, who cleaned the data: “Vito is "
         "outstanding with data.”",
         [("Having the file is valuable,", "Bill Skelly", "Skelly"),
          ("Vito is outstanding with data.", "Bill Skelly", "Skelly")]),
        ("“We will appeal,” said Donnelly, adding that the family was grieving.",
         [("We will appeal,", "Donnelly", "Donnelly")]),
        ("Tom Reed and Ann Kelly spoke.\n\n“We will appeal,” said Kelly, who leads the "
         "family’s legal team.",
         [("We will appeal,", "Ann Kelly", "Kelly")]),
        # ... while one opening the sentence is still the adverb.
        ("“It was a mess,” Jane Doe said. Finally, Tom Reed said: “We agree.”",
         [("It was a mess,", "Jane Doe", "Jane Doe"), ("We agree.", "Tom Reed", "Tom Reed")]),
    ],
)
def test_ly_surnames(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected
