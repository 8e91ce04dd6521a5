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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence attributed twice: the cue whose object or clause holds the quote
        # attributes it; the trailing cue repeats it, and the next sentence goes on from it
        ("Asked on Tuesday about the memo, Ann Lee said “I know nothing about the memo,” "
         "she said. “I have never seen it.”",
         [("I know nothing about the memo,", "Ann Lee", "Ann Lee"),
          ("I have never seen it.", "Ann Lee", "she")]),
        ("Acme spokesman Tom Reed said that the firm will show that Lee has “the steady hand "
         "a city needs,” he said.",
         [("the steady hand a city needs,", "Tom Reed", "Tom Reed")]),
        # ... not after a colon lead-in, a dash aside or another quote: there the trailing
        # cue is the one that attributes the words
        ("In her speech, Ann Lee declared the need for grit: “Change the world,” she said.",
         [("Change the world,", "Ann Lee", "she")]),
        ("Ann Lee suggested that the plan was unserious - “We need the details,” she said - "
         "and left.",
         [("We need the details,", "Ann Lee", "she")]),
        ("“I like him,” Ann Lee said, and “he works hard,” she added.",
         [("I like him,", "Ann Lee", "Ann Lee"), ("he works hard,", "Ann Lee", "she")]),
        # ... nor when the two cues name different people
        ("Tom Reed said that the mayor has “a steady hand,” Ann Lee said.",
         [("a steady hand,", "Ann Lee", "Ann Lee")]),
    ],
)
def test_double_cue(text: str, expected: Expected) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle set off by a comma right after a subordinate clause goes with that
        # clause's subject, the nearest, not the sentence's
        ("“Too forced?” Tom Reed tweeted when Ann Lee ended a debate with a reference to "
         "a space film, remarking, “May the Force be with you.”",
         [("Too forced?", "Tom Reed", "Tom Reed"),
          ("May the Force be with you.", "Ann Lee", "Ann Lee")]),
        # ... also when the comma stands inside the closing mark of a quote
        ("Tom Reed scoffed when Ann Lee closed her speech with a nod to “the greatest "
         "generation,” remarking, “We owe them everything.”",
         [("the greatest generation,", "Tom Reed", "Tom Reed"),
          ("We owe them everything.", "Ann Lee", "Ann Lee")]),
        # ... not after a clause the comma closes, nor after a preposition
        ("When Ann Lee left, Tom Reed rose, saying, “We are done here.”",
         [("We are done here.", "Tom Reed", "Tom Reed")]),
        ("Ann Lee went after Tom Reed on Wednesday over his taxes, calling the refusal "
         "“disqualifying.”",
         [("disqualifying.", "Ann Lee", "Ann Lee")]),
    ],
)
def test_participle_after_subordinate_clause(text: str, expected: Expected) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time phrase between auxiliary and verb leaves "who" the verb's subject, and
        # the relative pronoun is the mention that attributes the quote
        ("Tom Beck, who has in the past described Roe as “a pathological liar,” spoke on "
         "Friday.",
         [("a pathological liar,", "Tom Beck", "who")]),
        ("Ann Lee, who has on several occasions called the plan “a fraud,” voted no.",
         [("a fraud,", "Ann Lee", "who")]),
    ],
)
def test_relative_pronoun_subject(text: str, expected: Expected) -> None:
    assert attributed(text) == expected
