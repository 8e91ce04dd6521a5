"""Quotes whose source is no person speaking: documents, polls, studies, adverts and signs
as the subject of a verb of showing or saying. (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover; the
guard rows keep the quotes a person speaks with that person.
"""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a poll, survey or report as subject of a verb that is no verb of saying
        ("A fresh Gallup poll shows that most voters want “a clean break with the past.”",
         [("a clean break with the past.", "a fresh Gallup poll", "A fresh Gallup poll")]),
        ("A new survey by the Pew Center found that voters were “deeply uneasy about the "
         "economy.”",
         [("deeply uneasy about the economy.", "a new survey by the Pew Center",
           "A new survey by the Pew Center")]),
        ("A 2019 Senate committee report found “no sign of any wrongdoing by the staff.”",
         [("no sign of any wrongdoing by the staff.", "a 2019 Senate committee report",
           "A 2019 Senate committee report")]),
        # the name inside the document's phrase is not the speaker
        ("A letter from the union obtained by Reuters warns that “further action will "
         "follow.”",
         [("further action will follow.", "a letter from the union obtained by Reuters",
           "A letter from the union obtained by Reuters")]),
        # a count of respondents between the poll's verb and the quote speaks for the poll
        ("The Marist poll also finds that 40 percent of voters say the mayor is “out of "
         "touch with the city.”",
         [("out of touch with the city.", "the Marist poll", "The Marist poll")]),
        # a sign or message after the quote, in either order (the first row held before)
        ("“Vote them all out, every last one,” reads one banner.",
         [("Vote them all out, every last one,", "one banner", "one banner")]),
        ("Outside, the union had a plan. “Please stay calm and let security handle it,” "
         "begins a recorded message played before every rally.",
         [("Please stay calm and let security handle it,", "a recorded message",
           "a recorded message")]),
        ("The publisher is raising money online for a reprint: “Read the book the senator "
         "tried to bury,” the pitch on its website says.",
         [("Read the book the senator tried to bury,", "the pitch", "the pitch")]),
        ("Ann Lee wore a campaign hat reading “hands off our pensions” to the rally.",
         [("hands off our pensions", "a campaign hat", "a campaign hat")]),
        # a document's author named after "by" is the speaker, by name
        ("A survey conducted by Gallup found that voters were “tired of the whole race.”",
         [("tired of the whole race.", "Gallup", "Gallup")]),
        # guard: a title-cased slogan or title is nobody's words, whatever carries it
        ("Ann Lee wore a campaign hat reading “Make Dover Great Again” to the rally.",
         [("Make Dover Great Again", None, None)]),
        # guard: a person named before the document reports the quote
        ("Ann Lee said the poll shows her “surging ahead of everyone.”",
         [("surging ahead of everyone.", "Ann Lee", "Ann Lee")]),
        # guard: a person's cue between the document's verb and the quote keeps the quote
        ("The poll shows Reed ahead, but Ann Lee said “we will catch up by the spring.”",
         [("we will catch up by the spring.", "Ann Lee", "Ann Lee")]),
        # guard: a person who puts the document out owns its words
        ("Tom Reed released a video on Friday that says he is “in the best shape of his "
         "life.”",
         [("in the best shape of his life.", "Tom Reed", "Tom Reed")]),
        # guard: a quoted title in the document's phrase is not what the document says
        ("The 30-second spot, titled “Broken Promises,” features a report from the city "
         "auditor.",
         [("Broken Promises,", None, None)]),
    ],
)
def test_document_as_source(text: str,
                            expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
