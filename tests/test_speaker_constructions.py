"""Who really speaks in passive, subordinate-clause and inverted constructions: (text,
expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover,
but for the guards marked "... but not", which keep a rule from reaching too far.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive cue's agent asks, names or describes: the agent speaks
        ("Senator Ann Lee was asked by moderator Tom Reed whether her tax plan would “add "
         "another costly program to the budget.”",
         [("add another costly program to the budget.", "Tom Reed", "Tom Reed")]),
        ("Lee was asked by Acme News moderator Dan Fisk whether the cuts were “a betrayal of "
         "workers.”",
         [("a betrayal of workers.", "Dan Fisk", "Dan Fisk")]),
        ("Lee was asked by host Dan Fisk, who backs Lee but has previously dismissed the story "
         "about her taxes, “Why did you vote against the bill? Tell us.”",
         [("Why did you vote against the bill? Tell us.", "Dan Fisk", "Dan Fisk")]),
        ("Vigo County, called the “Gateway to the West” by its residents, has backed every "
         "winner since 1956.",
         [("Gateway to the West", "its residents", "its residents")]),
        ("The plan has been called “a reckless gamble” by Jane Roe, a professor at Leeds "
         "University, and it faces a vote.",
         [("a reckless gamble", "Jane Roe", "Jane Roe")]),
        ("The policy was described as “a disaster in the making” by several economists.",
         [("a disaster in the making", "several economists", "several economists")]),
        ("The inquiry — often labeled as a “witch hunt” by Democrats — is now in its third "
         "year.",
         [("witch hunt", "Democrats", "Democrats")]),
        # ... but not a bare plural (left null as tests/test_speakers.py has it), a time, a
        # means or a measure, nor a quote outside the agent's phrase
        ("The plan was called “a disgrace” by critics.", [("a disgrace", None, None)]),
        ("Lee was asked by phone whether the plan was “a good deal.”",
         [("a good deal.", "Lee", "Lee")]),
        ("Lee was asked by host Dan Fisk about the cuts and said they were “a betrayal of "
         "workers.”",
         [("a betrayal of workers.", "Lee", "Lee")]),
        ("Asked by reporters whether she would run, Lee said “not this year.”",
         [("not this year.", "Lee", "Lee")]),
    ],
)
def test_passive_agent(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cue of an adverbial clause owns the quote right after it ...
        ("When someone in the crowd shouted, “Go home,” Tom Reed joked, “I am home!”",
         [("Go home,", "the crowd", "the crowd"), ("I am home!", "Tom Reed", "Tom Reed")]),
        ("When Lee said, “We won,” the crowd cheered.",
         [("We won,", "Lee", "Lee")]),
        # ... and none after the comma that closes it: the main clause's subject speaks
        ("When Trump suggested the city would sue, Rubio fired back: “If they sue us in a "
         "court in Miami, they will lose.”",
         [("If they sue us in a court in Miami, they will lose.", "Rubio", "Rubio")]),
        ("Some in the crowd booed, and when Reed thanked the city and said it was good to be "
         "home, a man yelled “Stay there!”",
         [("Stay there!", "a man", "a man")]),
        # ... but not a clause after its main clause, nor "as" the preposition
        ("Ann Lee issued a statement after Tom Reed told a rally in Salem, Oregon, on Monday "
         "that the levy was “dead and buried.”",
         [("dead and buried.", "Tom Reed", "Tom Reed")]),
        ("As Lee told the council last week, “Nobody wants this tax.”",
         [("Nobody wants this tax.", "Lee", "Lee")]),
        # a participle after "by" shares the clause's subject
        ("Kelly pressed him on his remarks. Trump tried to laugh it off by interjecting, "
         "“Only on Tuesdays.” But Kelly was relentless.",
         [("Only on Tuesdays.", "Trump", "Trump")]),
    ],
)
def test_adverbial_clause(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised reporting verb opening the sentence, then its speaker
        ("The bureau erred in the check, Comey has said. The gunman should have been "
         "stopped from buying the rifle, in what officials called a hate crime. Said Comey, "
         "“The thought that our error is connected to this is painful.”",
         [("The thought that our error is connected to this is painful.", "Comey", "Comey")]),
        ("Senators debated the bill for hours. Added the senator: “We will not back down.”",
         [("We will not back down.", "the senator", "the senator")]),
        ("“It was close,” Tom Reed said. Added union economist Jane Doe, “Nobody expected "
         "this.”",
         [("It was close,", "Tom Reed", "Tom Reed"),
          ("Nobody expected this.", "Jane Doe", "Jane Doe")]),
        # ... but not a verb that takes the person as its object
        ("Reed met the mayor. Asked the mayor: “Why now?”",
         [("Why now?", None, None)]),
        # a capitalised cue after an appositive: the name it attributes is the mention
        ("Mike Murphy runs the group. “Not our plane, but we love the message!” Murphy, the "
         "head of Forward Now PAC, Tweeted on Friday.",
         [("Not our plane, but we love the message!", "Mike Murphy", "Murphy")]),
    ],
)
def test_inverted_and_capitalised_cues(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # perception in the passive: the subject still speaks
        ("“Should there be a registry for every visitor?” a reporter can be heard asking Reed "
         "after the event.",
         [("Should there be a registry for every visitor?", "a reporter", "a reporter")]),
        # a time phrase between a relative pronoun and its cue
        ("Lee has clashed with Reed, now the council leader, who in 2010 said the party's top "
         "goal was to make Lee a “one-term mayor.”",
         [("one-term mayor.", "Reed", "who")]),
        # a relative clause closed by its quote's comma: the main clause's subject speaks on
        ("Reed, who has in the past described the mayor as “a pathological liar,” clearly "
         "intended the crowd to “recognize” the mayor and “turn away” from him.",
         [("a pathological liar,", "Reed", "who"), ("recognize", "Reed", "Reed"),
          ("turn away", "Reed", "Reed")]),
        # ... but not past a list of adjectives
        ("The crowd cheered his daughter Ann Reed, who portrayed him as a generous, "
         "magnanimous leader who would be “the people's champion” and “a fighter.”",
         [("the people's champion", "Ann Reed", "who"), ("a fighter.", "Ann Reed", "who")]),
    ],
)
def test_relative_and_perception_clauses(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert attributed(text) == expected
