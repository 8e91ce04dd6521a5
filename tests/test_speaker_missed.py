"""Quotes with an ordinary cue that an earlier rule left without a speaker or gave to the
wrong person: (text, expected) tables.

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
        # a participle after the object takes the sentence's subject, not the possessive
        # owner of a noun of saying in the object ("Reed's comments")
        ("The Lee campaign shrugged off Reed’s comments, telling reporters, “Nobody here "
         "ever asked for his support.”",
         [("Nobody here ever asked for his support.", "the Lee campaign", "The Lee campaign")]),
        ("Ann Lee tried to downplay Reed’s remarks, saying they were “not a big deal.”",
         [("not a big deal.", "Ann Lee", "Ann Lee")]),
        # guard: a name in the clause an earlier cue reports is still that cue's report
        ("Ann Lee said Tom Reed had told donors the plan was “dead on arrival.”",
         [("dead on arrival.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_subject_before_an_earlier_noun_of_saying(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of advising and of answering back report the words they introduce
        ("The Acme Institute released its review on Monday. “Keep the levy in place for the "
         "rest of the decade,” it recommended.",
         [("Keep the levy in place for the rest of the decade,", "it", "it")]),
        ("“Wait until the audit is done,” the committee recommended in its report.",
         [("Wait until the audit is done,", "the committee", "the committee")]),
        ("Tom Reed mocked the plan. “You were never there,” Ann Lee fired back in a post on "
         "Tuesday.",
         [("You were never there,", "Ann Lee", "Ann Lee")]),
        ("“We have heard all this before,” Tom Reed said, and Ann Lee cut in: “Not from me "
         "you haven't.”",
         [("We have heard all this before,", "Tom Reed", "Tom Reed"),
          ("Not from me you haven't.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_verbs_of_advising_and_answering(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appositive between the name and its cue may itself quote a title or slogan
        ("“We have had better weeks than this one,” council delegate Tom Reed, wearing a "
         "cap and “Lee for Mayor” pins, said as the balloons fell.",
         [("We have had better weeks than this one,", "Tom Reed", "Tom Reed"),
          ("Lee for Mayor", None, None)]),
        ("Ann Lee, the author of “Going Viral,” a book about rumours, said the days when a "
         "town shared “one evening story” are gone.",
         [("Going Viral,", None, None), ("one evening story", "Ann Lee", "Ann Lee")]),
        # guard: an appositive without a quote is read as before
        ("Ann Lee, the author of a book about rumours, said the days when a town shared "
         "“one evening story” are gone.",
         [("one evening story", "Ann Lee", "Ann Lee")]),
    ],
)
def test_appositive_quoting_a_title(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an opening conjunction or adverb, a name set off by the comma of its
        # participle phrase is still the subject of the coordinated cue
        ("But Ann Lee, making it clear that jobs came first, stood beside the new premier, "
         "Tom Reed, and described his government as “freely elected.”",
         [("freely elected.", "Ann Lee", "Ann Lee")]),
        ("And Tom Reed, after posting a video about the “war on farmers,” rewrote his "
         "speech for the Monday rally.",
         [("war on farmers,", "Tom Reed", "Tom Reed")]),
        # guard: a time phrase after the conjunction is no subject
        ("And a few weeks later, on the steps of the town hall, Ann Lee voiced regret for "
         "“my failure to calm our politics.”",
         [("my failure to calm our politics.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_name_after_opening_conjunction(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised "-ly" word after a lower-case word is a name, not an opening adverb
        ("“We are full every night,” said Skelly, a nurse at the clinic.",
         [("We are full every night,", "Skelly", "Skelly")]),
        ("“Nobody warned us about the flood,” said Donnelly, who farms near the river.",
         [("Nobody warned us about the flood,", "Donnelly", "Donnelly")]),
        # guard: opening a sentence, such a word is still an adverb
        ("Conversely, the mayor said the plan was “a disaster for the town.”",
         [("a disaster for the town.", "the mayor", "the mayor")]),
    ],
)
def test_name_ending_like_an_adverb(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase ends with a preposition's object, a participle clause follows, then the
        # inverted cue: the name after the cue speaks, not the object
        ("The strike would bring “a winter of misery” to towns on the coast, forcing "
         "them to ration fuel, said Tom Reed, a union organiser.",
         [("a winter of misery", "Tom Reed", "Tom Reed")]),
        # guard: a name that opens the reported clause is no inverted speaker
        ("Ann Lee, leading in the polls, said Reed was “a spent force.”",
         [("a spent force.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_inverted_cue_after_a_prepositional_object(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appositive longer than a line of print still sits between a name and its cue
        ("“That is a very good question, a very good one,” Ann Lee, the front-runner in the "
         "mayoral race and the clear leader in the northern wards after winning the spring "
         "primary by a wide margin, said when Tom Reed asked her about the budget.",
         [("That is a very good question, a very good one,", "Ann Lee", "Ann Lee")]),
    ],
)
def test_long_appositive(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long aside set off by dashes between the subject and its cue
        ("On Friday, Reed — named by the local paper as the most likely choice for the "
         "party's candidate for the governor's office — told a radio host that “you have to "
         "take it very seriously.”",
         [("you have to take it very seriously.", "Reed", "Reed")]),
    ],
)
def test_long_dash_aside(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
