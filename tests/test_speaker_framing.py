"""Quotes a subject framed or named rather than plainly "said": (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # framing verbs: the quoted words describe their object, in their subject's words
        ("After the vote, several unions began portraying the deal as “a betrayal of "
         "workers.”",
         [("a betrayal of workers.", "several unions", "several unions")]),
        ("The Daily Ledger characterized the council vote as “a rebuke to the mayor.”",
         [("a rebuke to the mayor.", "Daily Ledger", "Daily Ledger")]),
        ("Mayor Tom Reed spoke after his sister Ann Lee, who portrayed him as “a tireless "
         "worker.”",
         [("a tireless worker.", "Ann Lee", "who")]),
        ("The rail union has portrayed the cuts as “an attack on every commuter.”",
         [("an attack on every commuter.", "the rail union", "The rail union")]),
        ("Most economists characterise the levy as “a tax on the poor.”",
         [("a tax on the poor.", "most economists", "Most economists")]),
        ("Ann Lee, who termed the offer “an insult to nurses,” left the talks early.",
         [("an insult to nurses,", "Ann Lee", "who")]),
    ],
)
def test_framing_verbs(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of saying with a possessive owner: the owner's words, even after a verb
        ("LEEDS — Gov. Tom Reed on Thursday blamed reporters for making an issue of Ann "
         "Lee’s claim that the mayor had “lost control of the budget,” saying they missed "
         "the point.",
         [("lost control of the budget,", "Ann Lee", "Ann Lee’s")]),
        ("Tom Reed spoke for an hour. His standing rose after his call for “a total ban on "
         "cars downtown.”",
         [("a total ban on cars downtown.", "Tom Reed", "his")]),
        ("Ann Lee toured the wards. Nurses cheered her promise of “fair pay” and “safe "
         "staffing.”",
         [("fair pay", "Ann Lee", "her"), ("safe staffing.", "Ann Lee", "her")]),
        ("Watchdog director Tom Fitton called Ann Lee's assertion of a “right to privacy” "
         "over her emails “significant and worrying.”",
         [("right to privacy", "Ann Lee", "Ann Lee's"),
          ("significant and worrying.", "Tom Fitton", "Tom Fitton")]),
        ("The union has always doubted the mayor. Tom Reed has consistently pushed his "
         "pledge of “free buses for all.”",
         [("free buses for all.", "Tom Reed", "his")]),
        # the quote says something of the noun, not in it: the verb's subject speaks
        ("A spokeswoman, Ann Lee, said Thursday that Tom Reed's claim that the mayor is soft "
         "on crime is “simply not true.”",
         [("simply not true.", "Ann Lee", "Ann Lee")]),
        ("Tom Reed later said his comments were “taken out of context.”",
         [("taken out of context.", "Tom Reed", "Tom Reed")]),
        ("Ann Lee described Tom Reed's remark as “the worst excuse I have heard.”",
         [("the worst excuse I have heard.", "Ann Lee", "Ann Lee")]),
        ("During their phone call on Tuesday, the two leaders “agreed to keep talking.”",
         [("agreed to keep talking.", None, None)]),
    ],
)
def test_owned_nouns_of_saying(text: str,
                               expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an owned text ("the paper's editorial") is the subject of the participle after it
        ("Reed did visit the town, but only after the newspaper’s editorial telling him to "
         "leave his “playground for the rich.”",
         [("playground for the rich.", "the newspaper’s editorial",
           "the newspaper’s editorial")]),
        ("Ann Lee met the mayor weeks after the union’s new ad calling her “the nurses’ "
         "worst enemy.”",
         [("the nurses’ worst enemy.", "the union’s new ad", "the union’s new ad")]),
        # a statement someone issues is the object: its issuer speaks
        ("The union issued a statement calling the offer “an insult to every nurse.”",
         [("an insult to every nurse.", "the union", "The union")]),
        # a participle opening the sentence is no name: the clause's subject chants
        ("Holding signs calling the mayor “the city’s biggest loser,” the strikers chanted "
         "“Reed out, Reed out.”",
         [("the city’s biggest loser,", "the strikers", "the strikers"),
          ("Reed out, Reed out.", "the strikers", "the strikers")]),
    ],
)
def test_owned_text_with_participle(text: str,
                                    expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coordinated cue in a subordinate clause, when the sentence has no subject of
        # its own to give
        ("There have been sharper jabs, such as when Tom Reed knocked Ann Lee on trade and "
         "called her a “moderate,” a subtle dig.",
         [("moderate,", "Tom Reed", "Tom Reed")]),
        # ... but a subject of the sentence comes first
        ("Ann Lee was quick to embrace the mayor after he won the vote and said this week "
         "that he is “very competitive.”",
         [("very competitive.", "Ann Lee", "Ann Lee")]),
        ("When Tom Reed left, Ann Lee rose and called the plan “a disgrace.”",
         [("a disgrace.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_coordinated_cue_in_subordinate_clause(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
