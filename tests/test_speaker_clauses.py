"""Quotes and relative clauses, second pass: which clause's subject a quote belongs to when a
relative clause stands before or after it. Tables of (text, expected [(quoted words, speaker
name, mention)])."""

from __future__ import annotations

import pytest

from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative "who" a phrase past the quote speaks for the noun right before it, which
        # comes after the quote: it does not take the quoted words.
        ("Ann Lee offered herself as the “law and order” candidate and made an appeal to "
         "farmers who have felt ignored.",
         [("law and order", "Ann Lee", "Ann Lee")]),
        ("Sam Hill spoke on Monday. Ann Lee found the plan a “fair deal,” unlike a few aides "
         "who said otherwise.",
         [("fair deal,", "Ann Lee", "Ann Lee")]),
        # Nobody in the sentence says it: no guessed speaker.
        ("Sam Hill spoke on Monday. In a poll, most voters found the plan a “fair deal” "
         "compared to a few who said otherwise.",
         [("fair deal", None, None)]),
        # A "who" right after the quote's comma still speaks it.
        ("“We will not back down,” said Ann Lee, who added that the plan was “a fair deal.”",
         [("We will not back down,", "Ann Lee", "Ann Lee"),
          ("a fair deal.", "Ann Lee", "who")]),
    ],
)
def test_later_relative_does_not_take_the_quote(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
