"""Document parsing: plain text stays exact; HTML maps back into the string sent."""

from __future__ import annotations

import pytest

from service import document, quotes, speakers


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        ("One.\nTwo.", ["One.", "Two."]),
        ("One.\n\nTwo.\n\n\nThree.", ["One.", "Two.", "Three."]),
        ("\n\nOnly.\n", ["Only."]),
        ("", []),
    ],
)
def test_text_paragraphs(raw: str, paragraphs: list[str]) -> None:
    doc = document.parse(raw)
    assert doc.text == raw
    assert [doc.text[s:e] for s, e in doc.paragraphs] == paragraphs


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "\nOne.\nTwo.\n"),
        ("<p>&ldquo;Hi,&rdquo; she said &amp; left.</p>", "\n“Hi,” she said & left.\n"),
        ("<p>It&#8217;s <em>fine</em>.</p>", "\nIt’s fine.\n"),
        ("<div>A<br>B</div>", "\nA\nB\n"),
        ("<p>A <script>var x = '“no”';</script>B</p>", "\nA B\n"),
        ("<p>Line\n   wrapped</p>", "\nLine wrapped\n"),
    ],
)
def test_html_text(raw: str, text: str) -> None:
    assert document.parse(raw, "html").text.strip("\n") == text.strip("\n")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("<p>&ldquo;We <em>will</em> win,&rdquo; Jane Doe said.</p>",
         "We <em>will</em> win,"),
        ("<p>Doe said: <a href='x'>&#8220;Go now.&#8221;</a></p>", "Go now."),
    ],
)
def test_html_quote_maps_back_into_the_html(raw: str, words: str) -> None:
    doc = document.parse(raw, "html")
    (quote,) = speakers.attribute(doc, quotes.find_quotes(doc))
    span = doc.raw_span(quote.start, quote.end)
    assert span.text == words == raw[span.start:span.end]
    assert quote.speaker is not None and quote.speaker.name.endswith("Doe")


def test_html_block_elements_break_quotes() -> None:
    doc = document.parse("<h2>“Where it ends”</h2><p>Text follows here.</p>", "html")
    (quote,) = speakers.attribute(doc, quotes.find_quotes(doc))
    assert quote.kind == "heading" and quote.speaker is None


def test_text_raw_span_is_identity() -> None:
    doc = document.parse("abc “def” ghi")
    assert doc.raw_span(5, 8).text == "def"
    with pytest.raises(ValueError):
        doc.raw_span(5, 100)
