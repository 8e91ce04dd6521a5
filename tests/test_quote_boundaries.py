"""Quote boundaries on real-world mark patterns: (text, expected quoted words) tables."""

from __future__ import annotations

import pytest

from service import document, quotes


def _words(text: str) -> list[str]:
    doc = document.parse(text)
    return [text[span.start:span.end] for span in quotes.find_quotes(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nested quote in the outer quote's own style belongs to the outer quote.
        ("Ann Lee wrote, “Show you care even when “your side” is wrong. Anything else rings "
         "hollow.” Her post spread fast.",
         ["Show you care even when “your side” is wrong. Anything else rings hollow."]),
        ('"Police said the driver shouted "Stop now!" as he fled," the mayor wrote.',
         ['Police said the driver shouted "Stop now!" as he fled,']),
        ("Tom Reyes said that “several of the names on the “short list” back other "
         "candidates” and left.",
         ["several of the names on the “short list” back other candidates"]),
        ("“Two “fine” plans and a “bold” one,” she said.",
         ["Two “fine” plans and a “bold” one,"]),
        # ... but an outer quote that never closes was left unclosed: the second opener
        # starts a quote of its own.
        ("“We are ready. “We will win,” Ms. Park said.", ["We are ready.", "We will win,"]),
        ("“We are ready. “We will win,” she said. “Nothing stops us.”",
         ["We are ready.", "We will win,", "Nothing stops us."]),
        # A typographic quote inside a passage in straight marks (pasted copy) is a quote in
        # its own right.
        ('"“We lost the vote,” Mr. Diaz said before he left the hall on Monday."',
         ["We lost the vote,"]),
        # A typographic opener inside a straight quote read as nested: the nesting was
        # wrong, and the outer quote must not come back to swallow what follows.
        ("''''Ann Lee said: “we,” said Ann Lee.'' said Ann Lee.", ["Ann Lee said:", "we,"]),
    ],
)
def test_nested_double_quotes(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A passage pasted in straight marks runs over its paragraphs; a paragraph inside it
        # that opens with a typographic mark is the pasted copy's own quote, not more of it.
        ('The station reported:\n\n"The vote was closed to the press.\n\n"Ms. Ortiz said the '
         "count differed from the first one.\n\n“That is not what we were told,” Ms. Ortiz "
         'said."',
         ['The vote was closed to the press.\n\n"Ms. Ortiz said the count differed from the '
          "first one.", "That is not what we were told,"]),
        # Paragraphs re-opened in the passage's own style still continue it.
        ("“We will win.\n\n“Nothing stops us,” she said.",
         ["We will win.\n\n“Nothing stops us,"]),
        ('"We will win.\n\n"Nothing stops us," she said.',
         ['We will win.\n\n"Nothing stops us,']),
    ],
)
def test_paragraph_continuation_keeps_the_passage_style(text: str,
                                                        expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two right single marks close a double quote in converted copy, as '' does.
        ("The host asked a “question’’ that stung the senator.", ["question"]),
        ("He called it “a bad deal,’’ and left the room.", ["a bad deal,"]),
        # ... but a nested single quote inside a double one is still nested.
        ("“She told me ‘no’ twice,” he said.", ["She told me ‘no’ twice,"]),
        # A lone right single mark inside a double quote stays an apostrophe.
        ("“The players’ union agreed,” Kay said.", ["The players’ union agreed,"]),
    ],
)
def test_two_right_single_marks_close_a_double_quote(text: str,
                                                     expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unclosed quote runs on past a participle clause: a participle never inverts
        # with its subject, so ", citing the …" is no attribution.
        ('"The board is still reluctant to call it fraud, citing the ongoing audit by the '
         'state.\n\nThe company declined to comment.',
         ["The board is still reluctant to call it fraud, citing the ongoing audit by the "
          "state."]),
        # A finite cue after the comma still ends it.
        ('"The board is still reluctant to call it fraud, said the state auditor on Monday.',
         ["The board is still reluctant to call it fraud"]),
    ],
)
def test_unclosed_quote_stops_at_a_finite_attribution_only(text: str,
                                                           expected: list[str]) -> None:
    assert _words(text) == expected
