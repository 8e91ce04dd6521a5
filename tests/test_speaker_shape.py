"""Speaker mentions that are no speaker's noun phrase: (text, expected) tables.

A rule that takes the words before or after a cue as its speaker could take an adverb
("today"), a degree word with its adjective ("more divisive"), a contracted clause ("The final
tallies aren't") or a phrase cut off before its noun ("all of the"), and verify would then
report a quote as said by "more divisive". Each row is invented news text and the (quoted
words, speaker name, speaker mention) the speakers stage must give every quote in it: the
fuller phrase or name where the sentence has one, no speaker where it has none. The rows fail
without the shape rules; the guard rows keep common-noun speakers that are right.
"""

from __future__ import annotations

import pytest

from service.speakers import _speaker_shaped
from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a degree word and its adjective before the owner's noun are no speaker
        ("The new ads mock the slogans ''build bridges'' and ''one city,'' playing on "
         "Mr. Reyes's more divisive remarks about renters and other groups.",
         [("build bridges", None, None), ("one city,", None, None)]),
        # a contracted clause is no speaker
        ("The final tallies aren’t in, but the Ortega campaign is already claiming "
         "“a historic win.”",
         [("a historic win.", None, None)]),
    ],
)
def test_no_speaker_for_a_non_noun_phrase(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the cue, an adjective before the role gives way to the name ending the phrase
        ("“We will rebuild the bridge by spring,” said retired Army Col. Dana Whitfield, who "
         "chairs the transit authority.",
         [("We will rebuild the bridge by spring,", "Dana Whitfield",
           "Army Col. Dana Whitfield")]),
        # a time word in the subject's place gives way to the sentence's subject
        ("Researchers hope to use the enzyme for what is today often called "
         "“green chemistry.”",
         [("green chemistry.", "Researchers", "Researchers")]),
        # so does a phrase cut off before its noun ("all of the")
        ("Grant's office assured voters that all of the claims in the lawsuit are "
         "“baseless.”",
         [("baseless.", "Grant", "Grant's")]),
        # a participle after its determiner is a noun phrase: "those polled"
        ("While those polled said the governor had “lost touch with voters,” most still "
         "backed her.",
         [("lost touch with voters,", "those polled", "those polled")]),
        # guards: common-noun speakers stay
        ("“The vote was rigged,” the judge said.",
         [("The vote was rigged,", "the judge", "the judge")]),
        ("“We did nothing wrong,” a spokesman said.",
         [("We did nothing wrong,", "a spokesman", "a spokesman")]),
        ("“Prices will rise,” officials said on Friday.",
         [("Prices will rise,", "officials", "officials")]),
        ("“The numbers simply do not add up,” said one of the auditors, who asked not to be "
         "named.",
         [("The numbers simply do not add up,", "one of the auditors",
           "one of the auditors")]),
    ],
)
def test_speaker_found_past_a_non_noun_phrase(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("mention", "shaped"),
    [
        ("more divisive", False),
        ("today", False),
        ("later", False),
        ("disavowing", False),
        ("came", False),
        ("interesting", False),
        ("It’s", False),
        ("That's", False),
        ("The final results aren’t", False),
        ("the two lengthy investigative", False),
        ("many of the same", False),
        ("at one point", False),
        ("the days when the nation had", False),
        # guards: names, pronouns and common-noun speakers
        ("the judge", True),
        ("a spokesman", True),
        ("officials", True),
        ("the company", True),
        ("the ruling", True),
        ("a member of the family", True),
        ("the conservative", True),
        ("Al From", True),
        ("New York Times", True),
        ("He’s", True),
        ("she", True),
    ],
)
def test_speaker_shape(mention: str, shaped: bool) -> None:
    assert _speaker_shaped(mention) is shaped
