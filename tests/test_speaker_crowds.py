"""Quotes a crowd voices together: chants, shouts and songs of protesters, supporters and
audiences. (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover; the
guard rows keep the quotes a person speaks with that person, and leave a chant that no crowd
in the sentence voices with nobody.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the crowd's phrase, counted, as the subject of a participle of chanting
        ("About 300 nurses gathered at the gates, and about 200 protesters marched on the "
         "hall on Friday, chanting “no more cuts to our clinics.”",
         [("no more cuts to our clinics.", "about 200 protesters", "about 200 protesters")]),
        # ... in a relative clause after a person who is not the chanter
        ("The mayor spoke near the plaza, where about 80 strikers had gathered since dawn, "
         "chanting “no contract, no work” after the talks failed.",
         [("no contract, no work", "about 80 strikers", "about 80 strikers")]),
        # ... a bare plural with a name as modifier
        ("When Ann Lee spoke, Reed protesters interrupted her speech, shouting “you sold "
         "out the workers!”",
         [("you sold out the workers!", "Reed protesters", "Reed protesters")]),
        # a crowd's verb that is no verb of saying elsewhere
        ("The crowd roared “we want the vote now” as the senator left.",
         [("we want the vote now", "the crowd", "The crowd")]),
        # the crowd takes up a chant: the noun is the cue
        ("At one point the crowd loudly took up the chant “send them all home now” again.",
         [("send them all home now", "the crowd", "the crowd")]),
        ("A mix of students and union activists joined in a loud chant of “save our "
         "hospital now!”",
         [("save our hospital now!", "a mix of students and union activists",
           "A mix of students and union activists")]),
        # two crowd nouns coordinated; two quotes listed together are both theirs
        ("The parade was loud, with many marchers and onlookers chanting “we are still "
         "here” and “love wins.”",
         [("we are still here", "many marchers and onlookers", "many marchers and onlookers"),
          ("love wins.", "many marchers and onlookers", "many marchers and onlookers")]),
        # the crowd a person rouses to chanting is the chanter
        ("Playing the prosecutor, Ann Lee roused the audience to loud chants of “throw "
         "away the key!”",
         [("throw away the key!", "the audience", "the audience")]),
        # the crowd as the source after the quote, or after the quote's "shouts of"
        ("“Let the members vote on it,” came shouts from the crowd, as the delegates booed.",
         [("Let the members vote on it,", "the crowd", "the crowd")]),
        ("Then came shouts of “let the members vote on it” from the crowd.",
         [("let the members vote on it", "the crowd", "the crowd")]),
        # a slogan in title case voiced by a named crowd still has its speaker
        ("Outside, hundreds of angry fans roared “Bring Back Reed” as the owner left.",
         [("Bring Back Reed", "hundreds of angry fans", "hundreds of angry fans")]),
        # guard: a chant no crowd in the sentence voices is nobody's
        ("When the governor took the stage, there were spontaneous chants of “four more "
         "years for all of us.”",
         [("four more years for all of us.", None, None)]),
        # guard: the crowd as the object of a person's verb does not chant
        ("Ann Lee praised her large crowds and their energy, alternately shouting “get them "
         "out of here” and “be nice to them.”",
         [("get them out of here", "Ann Lee", "Ann Lee"),
          ("be nice to them.", "Ann Lee", "Ann Lee")]),
        # guard: a person named after the crowd, or right after the quote, keeps the quote
        ("As protesters chanted outside, Ann Lee shouted “we will not be moved by this.”",
         [("we will not be moved by this.", "Ann Lee", "Ann Lee")]),
        ("Protesters were chanting outside. “We will not be moved by this,” Ann Lee shouted.",
         [("We will not be moved by this,", "Ann Lee", "Ann Lee")]),
    ],
)
def test_crowd_speaks_its_chant(text: str, expected: list[tuple[str, str | None,
                                                                  str | None]]) -> None:
    assert attributed(text) == expected
