"""Which mention attributes a quote when the text names its speaker more than once.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it: ``speaker.mention`` is the span that attributes
*this* quote, not merely another mention of the same person. The rows fail without the rule
they cover.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed

Expected = list[tuple[str, str | None, str | None]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole sentence of reported speech between two quotes: the later quote goes on
        # from that sentence's speaker, the one last in focus
        ("“We will fight this,” said Megan Greene, chief economist at Acme. “The board is "
         "ready.” Greene added that the bank wants out before the vote. “They do not like "
         "to talk about it.”",
         [("We will fight this,", "Megan Greene", "Megan Greene"),
          ("The board is ready.", "Megan Greene", "Megan Greene"),
          ("They do not like to talk about it.", "Megan Greene", "Greene")]),
        ("“Schools matter,” says Ann Lee, 32, of Dover. She says parents should be free to "
         "choose. “It is their life.”",
         [("Schools matter,", "Ann Lee", "Ann Lee"),
          ("It is their life.", "Ann Lee", "She")]),
        # ... not a denied cue, which reports nothing said
        ("“We had problems in the past,” Tom Reed said after the summit. He didn’t suggest "
         "retaliation. “Our goal is to set some norms.”",
         [("We had problems in the past,", "Tom Reed", "Tom Reed"),
          ("Our goal is to set some norms.", "Tom Reed", "Tom Reed")]),
    ],
)
def test_sentence_between_quotes(text: str, expected: Expected) -> None:
    assert attributed(text) == expected
