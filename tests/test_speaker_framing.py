"""Quotes a subject framed or named rather than plainly "said": (text, expected) tables.

Each row is invented news text and the (quoted words, speaker name, speaker mention) the
speakers stage must give every quote in it. The rows fail without the rule they cover.
"""

from __future__ import annotations

import pytest

from service import document, quotes, speakers


def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = document.parse(text)
    return [
        (q.text, q.speaker.name if q.speaker else None,
         q.speaker.mention.text if q.speaker else None)
        for q in speakers.attribute(doc, quotes.find_quotes(doc))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # framing verbs: the quoted words describe their object, in their subject's words
        ("After the vote, several unions began portraying the deal as “a betrayal of "
         "workers.”",
         [("a betrayal of workers.", "several unions", "several unions")]),
        ("The Daily Ledger characterized the council vote as “a rebuke to the mayor.”",
         [("a rebuke to the mayor.", "Daily Ledger", "Daily Ledger")]),
        ("Mayor Tom Reed spoke after his sister Ann Lee, who portrayed him as “a tireless "
         "worker.”",
         [("a tireless worker.", "Ann Lee", "who")]),
        ("The rail union has portrayed the cuts as “an attack on every commuter.”",
         [("an attack on every commuter.", "the rail union", "The rail union")]),
        ("Most economists characterise the levy as “a tax on the poor.”",
         [("a tax on the poor.", "most economists", "Most economists")]),
        ("Ann Lee, who termed the offer “an insult to nurses,” left the talks early.",
         [("an insult to nurses,", "Ann Lee", "who")]),
    ],
)
def test_framing_verbs(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _found(text) == expected
