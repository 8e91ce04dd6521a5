"""Quotes given to the wrong person by a construction the earlier rules misread: (text,
expected) tables.

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
        # a phrase about someone's words opens the sentence; the main clause's subject speaks
        ("Responding to Reed's remarks, Ann Lee wrote: “The town deserves better than this.”",
         [("The town deserves better than this.", "Ann Lee", "Ann Lee")]),
        ("Asked about Reed's charges, Ann Lee said that the plan did not amount to a "
         "“giveaway.”",
         [("giveaway.", "Ann Lee", "Ann Lee")]),
        ("Replying to Ann Lee's comments, Tom Reed wrote: “We were never consulted.”",
         [("We were never consulted.", "Tom Reed", "Tom Reed")]),
        # guard: a verb of saying before the comma still reports the clause after it
        ("In those last weeks, Ann Lee wrote, she began reading “every letter twice.”",
         [("every letter twice.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_opening_phrase_about_words(text: str,
                                    expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with a common-noun subject and a cue of its own holds the quote
        ("Tom Reed, the former treasurer, criticized the deal, which an independent audit "
         "said was “deeply flawed” but legal.",
         [("deeply flawed", "an independent audit", "an independent audit")]),
        ("Ann Lee praised the budget, which the state's auditors described as “a model of "
         "restraint.”",
         [("a model of restraint.", "the state's auditors", "the state's auditors")]),
        ("Tom Reed, the union's founder, recalled the strike of 1998, in what the union later "
         "called “our finest hour.”",
         [("our finest hour.", "the union", "the union")]),
        # guard: a relative clause on a thing with no cue of its own leaves the subject
        ("Ann Lee praised the plan, which the council passed in May, as “long overdue.”",
         [("long overdue.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_relative_clause_with_its_own_cue(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause closed by a comma, then a present-tense main verb: the antecedent
        ("Ann Hoff, who declined to comment on the lawsuit, proposes: “Let the voters "
         "decide.”",
         [("Let the voters decide.", "Ann Hoff", "Ann Hoff")]),
        ("Jane Roe, who declined to be interviewed, offers a blunt verdict in her memoir: "
         "“The next crash will be worse.”",
         [("The next crash will be worse.", "Jane Roe", "Jane Roe")]),
        ("Tom Reed, who told the council he would not run again, proposes: “Start again "
         "from scratch.”",
         [("Start again from scratch.", "Tom Reed", "Tom Reed")]),
        # guard: the quote inside the relative clause stays with the relative pronoun
        ("The plan was backed by Ann Hoff, who called it “a fair deal for everyone.”",
         [("a fair deal for everyone.", "Ann Hoff", "who")]),
    ],
)
def test_quote_after_closed_relative_clause(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote led in by a comma or colon and ending in "?" or "!" closes its sentence;
        # the capitalised subject after it opens the next one
        ("Ann Lee, visibly angry, responded: “What difference does it make?” Her critics "
         "cited the remark for years.",
         [("What difference does it make?", "Ann Lee", "Ann Lee")]),
        ("Tom Reed emailed her on Monday, telling her, “You are the best player we have!” "
         "She replied that she was honored.",
         [("You are the best player we have!", "Tom Reed", "Tom Reed")]),
        ("Ann Lee answers Reed with, “Why now? Why today?” Reed then writes back, "
         "“Because it matters.”",
         [("Why now? Why today?", "Ann Lee", "Ann Lee"),
          ("Because it matters.", "Reed", "Reed")]),
        # guard: a quote standing alone still goes on to the subject and cue after it
        ("“Why now?” Reed asked the council.",
         [("Why now?", "Reed", "Reed")]),
        ("The mayor paused.\n\n“Is that really what you want?” She asked it twice.",
         [("Is that really what you want?", "She", "She")]),
    ],
)
def test_question_or_exclamation_after_lead_in(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
