"""Speaker names that must not take in a headline's words, a number, a nationality or a
pronoun: (invented news text, expected [(quoted words, speaker name, mention)]) tables."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A headline of two sentences is not set apart as a headline, but its capitalised
        # function words ("Is", "About", "Just") show its run is no longer form of a name:
        ("Jane Doe Is Right About the Budget. Her Critics Are Not.\n\nThe senator spoke on "
         "Monday. “We will balance it,” Doe said.",
         [("We will balance it,", "Jane Doe", "Doe")]),
        # ... the name it opens with stays hers only when a given name and a surname do.
        ("Report On Doe Is Damning. Critics Want More.\n\nThe senator spoke on Monday. “We "
         "will balance it,” Doe said.", [("We will balance it,", "Doe", "Doe")]),
        ("One Letter From Reed Just Set Off A Storm. Nobody Expected It.\n\nThe mayor wrote "
         "to the council. “It was overdue,” Reed said.",
         [("It was overdue,", "Reed", "Reed")]),
        # A pronoun does not resolve to a headline's run either (a guard: a short line
        # without final punctuation is a heading, already passed over).
        ("Mayor Tom Reed met Ann Lee for a debate on Tuesday.\n\n9:31 PM Tom Reed Hits Ann Lee On "
         "Pension Cuts For Nurses\n\nThe debate turned sharp. “She has no plan,” he said.",
         [("She has no plan,", "Tom Reed", "he")]),
        # A listed verb after a person's full name ends the name ("Calls for", "Says").
        ("Tom Reed Calls for Inquiry after Audit Reveals Losses.\n\nThe mayor spoke on "
         "Friday. “We need answers,” Reed said.",
         [("We need answers,", "Tom Reed", "Reed")]),
        ("Ann Lee Says She Will Run Again. Rivals Are Worried.\n\nThe governor spoke on "
         "Friday. “I am ready,” she said.", [("I am ready,", "Ann Lee", "she")]),
        # ... but a listed verb that is also a given name stays a name.
        ("Film critic George Will reviewed it. “It is dull,” Will said.",
         [("It is dull,", "George Will", "Will")]),
        # ... and a two-word place ending in a verb form stays whole.
        ("“Trade will grow,” the United States said.",
         [("Trade will grow,", "United States", "United States")]),
    ],
)
def test_headline_runs(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nationality or country alone is no person a pronoun may stand for.
        ("“It is useless,” Tom Reed told reporters on Saturday.\n\nBut the former Mexican "
         "president did not stop there.\n\n“The wall will fail,” he continued.",
         [("It is useless,", "Tom Reed", "Tom Reed"), ("The wall will fail,", "Tom Reed", "he")]),
        ("Ann Lee met voters in Leeds.\n\nThe vote in Britain shocked her rivals. She, too, "
         "warned that “the turmoil will last.”",
         [("the turmoil will last.", "Ann Lee", "She")]),
        # ... but a given name spelled as a country is a person's ("Georgia Lee").
        ("Georgia Lee spoke first. “We will win,” she said.",
         [("We will win,", "Georgia Lee", "she")]),
    ],
)
def test_nationality_is_no_person(text: str,
                                  expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare number after a person's full name is no part of the name.
        ("Since President Tom Reed’s 2008 win, donors have drifted. They left after Reed "
         "called bankers “greedy fat cats” in a speech.",
         [("greedy fat cats", "Tom Reed", "Reed")]),
        ("Rep. Ann Lee 43 raised money fast. “We had a good day,” Lee told reporters.",
         [("We had a good day,", "Ann Lee", "Lee")]),
        # ... but it may belong to anything else's ("Channel 4").
        ("“We stand by the report,” Channel 4 said.",
         [("We stand by the report,", "Channel 4", "Channel 4")]),
    ],
)
def test_number_after_name(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
