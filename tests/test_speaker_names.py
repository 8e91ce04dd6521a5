"""Speaker names: the fullest form of the name the document uses, with titles, role and
party words stripped, and never a headline's or a sentence's words; (text, expected
[(quoted words, speaker name, mention)]) tables of invented news text."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Party words stand before a name as titles do.
        ("“It is over now,” said Republican Ann Lee.",
         [("It is over now,", "Ann Lee", "Republican Ann Lee")]),
        ("Senate Intelligence Ranking Democrat Ann Lee said: “It is over now.”",
         [("It is over now.", "Ann Lee",
           "Senate Intelligence Ranking Democrat Ann Lee")]),
        # An office abbreviation before a surname.
        ("Former AG Reed said: “It is over now.”", [("It is over now.", "Reed",
                                                     "Former AG Reed")]),
        # After an honorific the rest is a surname, even a word that is also a title.
        ("Rep. Tom King spoke first. Mr. King said: “We will win this.”",
         [("We will win this.", "Tom King", "Mr. King")]),
        ("Mr. Prince said: “We will win this.”", [("We will win this.", "Prince", "Mr. Prince")]),
        # Particles join a name ("dos", "van der").
        ("“We will win,” said Ana dos Santos, a lawyer. “We always do,” dos Santos said.",
         [("We will win,", "Ana dos Santos", "Ana dos Santos"),
          ("We always do,", "Ana dos Santos", "Santos")]),
        ("“We will win,” Jan van der Berg said.",
         [("We will win,", "Jan van der Berg", "Jan van der Berg")]),
        # A capitalised pronoun or indefinite word is no name: the person it refers to, or
        # the word as a common noun speaker.
        ("Tom Reed took the stage. His reply to the crowd was blunt: “We will win.”",
         [("We will win.", "Tom Reed", "His")]),
        ("Ann Lee spoke. Her campaign quickly sent an email calling it “a very bad plan.”",
         [("a very bad plan.", "Ann Lee", "Her")]),
        ("Tom Reed arrived late. He’s predicting “a very big win for us.”",
         [("a very big win for us.", "Tom Reed", "He’s")]),
        # A possessive's noun phrase with a name set off after it: the name speaks.
        ("“We will open the border,” Ann Lee said.\n\nHer counterpart, Foreign Minister Tom "
         "Reed, was more cautious: “Much depends on the first weeks.”",
         [("We will open the border,", "Ann Lee", "Ann Lee"),
          ("Much depends on the first weeks.", "Tom Reed", "Foreign Minister Tom Reed")]),
        ("Several banners flew over the stadium. One read “we want change now.”",
         [("we want change now.", "one", "One")]),
        ("Several residents left. Another told reporters the plan was “a disaster for all.”",
         [("a disaster for all.", "another", "Another")]),
    ],
)
def test_speaker_names(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title-case headline, even with a full stop, runs a name into its verb: it lends
        # no longer form to a name.
        ("Ann Lee Blasts Drudge Over Pension Plans.\n\nThe mayor attacked the website on "
         "Monday. “It is a disgrace,” Lee said.", [("It is a disgrace,", "Lee", "Lee")]),
        # Title case leaves short prepositions in lower case ("from", "with").
        ("Ann Lee Blasts Drudge from the Stage, Quotes Verse to Voters.\n\n“It is a "
         "disgrace,” Lee said.", [("It is a disgrace,", "Lee", "Lee")]),
        ("Tom Reed Slams Acme Board Over ‘Pension Plans.’\n\nThe mayor, Tom Reed, attacked "
         "the board. “It is a disgrace,” Reed said.",
         [("Pension Plans.", None, None), ("It is a disgrace,", "Tom Reed", "Reed")]),
        # A headline in sentence case (no final punctuation) does the same.
        ("Understated Reed raises his profile\n\nThe mayor attacked the board on Monday. "
         "“It is a disgrace,” Reed said.", [("It is a disgrace,", "Reed", "Reed")]),
        # Role words capitalised at a sentence's start are titles.
        ("Congresswoman Ann Lee said: “It is a disgrace.”",
         [("It is a disgrace.", "Ann Lee", "Congresswoman Ann Lee")]),
        ("Actress Ann Lee told reporters: “It is a disgrace.”",
         [("It is a disgrace.", "Ann Lee", "Actress Ann Lee")]),
    ],
)
def test_headline_and_role_words(text: str,
                                 expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle or verb opening a sentence is no part of the name after it.
        ("Understated Tom Reed rarely speaks. “We will win,” Reed said.",
         [("We will win,", "Tom Reed", "Reed")]),
        ("Said Tom Reed, a farmer: “We will win.”", [("We will win.", "Tom Reed", "Tom Reed")]),
        # ... unless the rest is no person's name.
        ("Downing Street said: “We will win.”",
         [("We will win.", "Downing Street", "Downing Street")]),
        # ... or the word is a given name.
        ("Irving Berlin wrote the song. “We will win,” Berlin said.",
         [("We will win,", "Irving Berlin", "Berlin")]),
        # A form that ends with the name ("Ann Lee") beats one as long that only starts
        # with it ("Lee Foundation"), whichever the text gives first.
        ("The Lee Foundation gave money to the school. Ann Lee runs it. “We will win,” "
         "Mrs. Lee said.", [("We will win,", "Ann Lee", "Mrs. Lee")]),
    ],
)
def test_sentence_openers_and_forms(text: str,
                                    expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
