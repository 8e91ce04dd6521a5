"""Speaker names that must not keep a role word, a live blog's time stamp, an owner before a
possessive, a sentence's capitalised opening word or an organisation a surname was run into:
(invented news text, expected [(quoted words, speaker name, mention)]) tables."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Role words before a name are titles: stripped from the name.
        ("Democratic rival Ann Lee toured the port on Monday.\n\nRival Ann Lee spoke later. "
         "“The docks need money,” Lee said.",
         [("The docks need money,", "Ann Lee", "Lee")]),
        ("Reporter Dana Cole filed from the border. “The crossing is shut,” Cole said.",
         [("The crossing is shut,", "Dana Cole", "Cole")]),
        # A live blog's time stamp run into the entry's first word is no part of the name.
        ("8:05 PMTom Reed took the stage in Dover.\n\n“We will win this,” Reed said.",
         [("We will win this,", "Tom Reed", "Reed")]),
        # A plural possessive ("News’") places the person, as "’s" does.
        ("Harbor News’ Dana Cole asked about the budget. “It is late,” Cole said.",
         [("It is late,", "Dana Cole", "Cole")]),
        # A common word that opens a sentence is not the first word of the name after it,
        # when the text writes the word in lower case elsewhere and uses the name alone.
        ("Maybe Reed will run. Nobody knows, maybe not even Reed. “I have not decided,” "
         "Reed said.", [("I have not decided,", "Reed", "Reed")]),
        # A surname does not grow into an organisation's run it was glued to when the text
        # gives the person's own fuller name.
        ("Dana Cole runs a think tank. At the Harbor Policy Center Cole was blunt. “Taxes "
         "are too high,” Cole said.", [("Taxes are too high,", "Dana Cole", "Cole")]),
        ("Ann Lee Jr. spoke. “Taxes are too high,” Lee said. Lee Train is her slogan.",
         [("Taxes are too high,", "Ann Lee Jr.", "Lee")]),
        # ... but a one-word organisation still takes its fuller name.
        ("Acme Energy filed the report. “Output fell,” Acme said.",
         [("Output fell,", "Acme Energy", "Acme")]),
        # Initials keep a person's name a person's.
        ("George H.W. Bush spoke at the library. “Service matters,” Bush said.",
         [("Service matters,", "George H.W. Bush", "Bush")]),
    ],
)
def test_speaker_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected
