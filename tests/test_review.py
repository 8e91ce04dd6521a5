"""The review page: rendering reports built by hand, escaping, and the page's HTTP views."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from flask import Flask, request
from flask.testing import FlaskClient
from markupsafe import escape

from service import pipeline, review
from service.models import (
    Change,
    Dropped,
    Format,
    Quote,
    Report,
    Span,
    Speaker,
    Status,
    Summary,
    Verdict,
    Wording,
)
from service.web.formtext import StrictFormDataParser, UndecodableText

SOURCE = (
    "Harbour officials met on Monday.\n\n"
    '"We will systematically inspect every vessel," port director Ines Alvarez said. '
    "She added that fees would stay the same.\n\n"
    '"Safety comes before speed," Alvarez said. '
    '"Our crews are exhausted," union chief Tom Berg warned.'
)
CANDIDATE = (
    "Harbour officials met on Monday.\n\n"
    '"We will routinely inspect every vessel," port director Ines Alvarez said. '
    'She said: "Fees will stay the same."\n\n'
    '"Safety comes before speed," Tom Berg said.'
)


def _span(document: str, text: str) -> Span:
    start = document.index(text)
    return Span(text, start, start + len(text))


def _quote(document: str, text: str, ident: str, name: str | None, mention: str = "") -> Quote:
    body = _span(document, text)
    speaker = None if name is None else Speaker(name, _span(document, mention or name))
    return Quote(ident, body.text, body.start, body.end, speaker, None)


def _report(
    source: str, candidate: str, verdicts: tuple[Verdict, ...], dropped: tuple[Dropped, ...]
) -> Report:
    counts = {status: sum(v.status == status for v in verdicts) for status in review.STATUS_STYLES}
    summary = Summary(
        quotes=len(verdicts),
        intact=counts["intact"],
        altered=counts["altered"],
        misattributed=counts["misattributed"],
        altered_misattributed=counts["altered_misattributed"],
        unsourced=counts["unsourced"],
        dropped=len(dropped),
    )
    return Report(summary, verdicts, dropped)


def _fixture_report() -> Report:
    altered = Verdict(
        "q1",
        "altered",
        _quote(CANDIDATE, "We will routinely inspect every vessel,", "q1", "Ines Alvarez"),
        _quote(SOURCE, "We will systematically inspect every vessel,", "q1", "Ines Alvarez"),
        Wording(0.84, (Change("replace", "systematically", "routinely"),)),
        "same",
        severity="high",
    )
    unsourced = Verdict(
        "q2",
        "unsourced",
        _quote(CANDIDATE, "Fees will stay the same.", "q2", "Ines Alvarez", "She"),
        None,
        Wording(0.0, ()),
        "unknown",
        evidence=_span(SOURCE, "fees would stay the same"),
    )
    misattributed = Verdict(
        "q3",
        "misattributed",
        _quote(CANDIDATE, "Safety comes before speed,", "q3", "Tom Berg"),
        _quote(SOURCE, "Safety comes before speed,", "q2", "Ines Alvarez", "Alvarez"),
        Wording(1.0, ()),
        "different",
    )
    dropped = Dropped(_quote(SOURCE, "Our crews are exhausted,", "q3", "Tom Berg"), None)
    return _report(SOURCE, CANDIDATE, (altered, unsourced, misattributed), (dropped,))


@dataclass
class _Page(HTMLParser):
    """The parts of a rendered page the tests look at."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (element id, href)
    elements: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and str(attributes.get("href", "")).startswith("#"):
            self.links.append((str(attributes.get("id") or ""), str(attributes["href"])))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def by_class(self, name: str) -> Iterator[dict[str, str | None]]:
        for _tag, attributes in self.elements:
            if name in str(attributes.get("class") or "").split():
                yield attributes


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def _render_diff(source: str, candidate: str) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[p.op].format(p.text) for p in review.word_diff(source, candidate))


@pytest.mark.parametrize(
    ("source", "candidate", "expected"),
    [
        ("the port stays open", "the port stays open", "the port stays open"),
        (
            "we will systematically inspect",
            "we will routinely inspect",
            "we will [-systematically-] {+routinely+} inspect",
        ),
        ("crews are exhausted", "crews are very exhausted", "crews are {+very+} exhausted"),
        ("crews are very exhausted", "crews are exhausted", "crews are [-very-] exhausted"),
        # Capitalisation and typographic apostrophes are not changes of wording.
        ("It’s over, he said", "it's over, he said", "it's over, he said"),
        ("Terrorists attack", "Terrorist attack", "[-Terrorists-] {+Terrorist+} attack"),
        ("ten ships", "", "[-ten ships-]"),
        ("", "new words", "{+new words+}"),
        ("a b c", "c b a", "{+c b+} a [-b c-]"),
        ("After three years, the plan", "the plan", "[-After three years,-] the plan"),
    ],
)
def test_word_diff(source: str, candidate: str, expected: str) -> None:
    assert _render_diff(source, candidate) == expected


@pytest.mark.parametrize(
    ("raw", "fmt", "expected"),
    [
        ("a <b>\n  c", "text", "a <b>\n  c"),
        ("<p>Port &amp; harbour</p><p>Second</p>", "html", "\n\nPort & harbour\n\nSecond\n\n"),
        ("one<br>two", "html", "one\ntwo"),
        ("x <script>alert(1)</script>y", "html", "x y"),
        ("<style>p{}</style>  spaced \n out  ", "html", " spaced out "),
        ("caf&eacute; &#8220;quoted&#8221;", "html", "café “quoted”"),
    ],
)
def test_plain_text(raw: str, fmt: Format, expected: str) -> None:
    assert review.plain_text(raw, fmt) == expected


def _mark(number: int) -> review.Mark:
    return review.Mark("quote", f"quote-{number}", f"card-{number}", review.STATUS_STYLES["intact"])


@pytest.mark.parametrize(
    ("document", "spans", "expected"),
    [
        ("say hello there", [(4, 9)], [("say ", None), ("hello", 1), (" there", None)]),
        ("  lead", [(2, 6)], [("lead", 1)]),
        # An overlapping or out-of-range span is left unmarked rather than garbling the text.
        ("abcdefgh", [(0, 4), (2, 6)], [("abcd", 1), ("efgh", None)]),
        ("abcdefgh", [(6, 20)], [("abcdefgh", None)]),
        ("abcdefgh", [(5, 5)], [("abcdefgh", None)]),
    ],
)
def test_candidate_segments(
    document: str, spans: list[tuple[int, int]], expected: list[tuple[str, int | None]]
) -> None:
    marks = [(start, end, _mark(number)) for number, (start, end) in enumerate(spans, start=1)]
    segments = review.candidate_segments(document, marks, "text")
    got = [
        (s.text, None if s.mark is None else int(s.mark.anchor_id.split("-")[1])) for s in segments
    ]
    assert got == expected


def test_page_shows_counts_highlights_and_linked_cards() -> None:
    page = _parse(review.render_report(_fixture_report(), SOURCE, CANDIDATE, standalone=True))
    counts = {str(a["data-count"]): a for a in page.by_class("count-value")}
    assert set(counts) == set(review.STATUS_STYLES)
    text = review.render_report(_fixture_report(), SOURCE, CANDIDATE, standalone=True)
    for status, expected in [
        ("intact", 0),
        ("altered", 1),
        ("misattributed", 1),
        ("unsourced", 1),
        ("dropped", 1),
    ]:
        assert re.search(rf'data-count="{status}">{expected}<', text), status
    assert 'data-count="quotes">3<' in text
    marks = list(page.by_class("mark"))
    placed = [m for m in marks if m.get("href")]
    assert [m["class"] for m in placed] == [
        "mark mark-altered",
        "mark mark-unsourced",
        "mark mark-misattributed",
    ]
    # Every quote links to an existing card and every card links back to its quote.
    for _element_id, href in page.links:
        assert href[1:] in page.ids, href
    back_targets = {href[1:] for _id, href in page.links if href.startswith("#quote-")}
    assert back_targets == {"quote-1", "quote-2", "quote-3"}
    assert "Ines Alvarez" in text and "Tom Berg" in text
    assert "(as “She”)" in text
    assert "Severity: <strong>high</strong>" in text
    assert "fees would stay the same" in text  # the evidence of the unsourced quote
    assert '<del><span class="visually-hidden">[removed: </span>systematically' in text
    assert '<ins><span class="visually-hidden">[added: </span>routinely' in text


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("where", ["unquoted text", "quote", "speaker", "source quote", "dropped"])
@pytest.mark.parametrize("standalone", [True, False])
def test_caller_text_is_escaped_everywhere(where: str, standalone: bool) -> None:
    def part(name: str, harmless: str) -> str:
        return HOSTILE if where == name else harmless

    name = part("speaker", "Ana Ruiz")
    quote_text = f"Calm {part('quote', 'words')} now."
    candidate = f"Intro {part('unquoted text', '')}. {name} said: \u201c{quote_text}\u201d"
    old = f"Old {part('dropped', 'line')}."
    source = f"\u201cCalm {part('source quote', 'words')} now,\u201d said {name}. \u201c{old}\u201d"
    source_quote = _quote(source, f"Calm {part('source quote', 'words')} now,", "q1", name)
    candidate_quote = _quote(candidate, quote_text, "q1", name)
    report = _report(
        source,
        candidate,
        (Verdict("q1", "altered", candidate_quote, source_quote, Wording(0.5, ()), "same", "low"),),
        (Dropped(_quote(source, old, "q2", None), None),),
    )
    page = review.render_report(report, source, candidate, standalone=standalone)
    parsed = _parse(page)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert not any(tag == "img" for tag, _ in parsed.elements)
    assert len(parsed.scripts) == (1 if standalone else 0)  # only our own inlined script
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror" in page


@pytest.mark.parametrize(
    ("status", "label", "icon"),
    [(s.key, s.label, s.icon) for s in review.STATUS_STYLES.values()],
)
def test_every_status_has_text_label_and_icon(status: str, label: str, icon: str) -> None:
    assert label and icon and not icon.isspace()
    css = (review.STATIC_DIR / review.STYLESHEET).read_text(encoding="utf-8")
    assert f".mark-{status} {{" in css and f".badge-{status} {{" in css


def test_standalone_page_is_self_contained_with_matching_policy() -> None:
    page = review.render_report(_fixture_report(), SOURCE, CANDIDATE, standalone=True)
    parsed = _parse(page)
    external = [
        attributes
        for tag, attributes in parsed.elements
        if attributes.get("src") or (tag == "link" and attributes.get("href"))
    ]
    assert external == []
    assert "http://" not in page and "https://" not in page
    policy = next(
        a["content"] for t, a in parsed.elements if a.get("http-equiv") == "Content-Security-Policy"
    )
    digest = base64.b64encode(hashlib.sha256(parsed.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in str(policy)


def test_fragment_is_only_the_report_section() -> None:
    fragment = review.render_report(_fixture_report(), SOURCE, CANDIDATE, standalone=False)
    assert fragment.lstrip().startswith('<section id="report"')
    assert "<html" not in fragment and "<style" not in fragment


def test_html_documents_show_as_plain_text() -> None:
    candidate = (
        "<article><h1>Port news</h1>"
        "<p>The director said: &ldquo;<em>All</em> ships wait.&rdquo;</p></article>"
    )
    body = "<em>All</em> ships wait."
    start = candidate.index(body)
    quote = Quote("q1", body, start, start + len(body), None, None)
    verdict = Verdict("q1", "unsourced", quote, None, Wording(0.0, ()), "unknown")
    page = review.render_report(
        _report("x", candidate, (verdict,), ()), "<p>x</p>", candidate, standalone=False, fmt="html"
    )
    document = page[
        page.index('id="candidate-text">') : page.index(
            "</div>", page.index('id="candidate-text">')
        )
    ]
    assert "&lt;" not in document and "<em>" not in document
    assert "Port news" in document and "“" in document
    assert 'All ships wait.<span class="mark-icon"' in document


def test_report_without_quotes_says_so() -> None:
    page = review.render_report(_report("a", "b", (), ()), "a", "b", standalone=True)
    assert "The candidate contains no quotations." in page
    assert 'data-count="quotes">0<' in page


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ({}, ['name="source"', 'name="candidate_file"', 'value="html"']),
        (
            {"source": ("The document is empty.",)},
            ['aria-invalid="true"', "The document is empty."],
        ),
        ({"body": ("Too large.",)}, ['role="alert"', "Too large."]),
    ],
)
def test_form_page_labels_and_errors(
    errors: dict[str, tuple[str, ...]], expected: list[str]
) -> None:
    form = review.FormState(
        source="</textarea><script>x</script>", candidate="", fmt="html", errors=errors
    )
    page = review.render_form_page(form, None, stylesheet_url="/a.css", script_url="/a.js")
    parsed = _parse(page)
    for snippet in expected:
        assert snippet in page
    assert "&lt;/textarea&gt;&lt;script&gt;x" in page
    labelled = {str(a.get("for")) for t, a in parsed.elements if t == "label"}
    controls = [
        a
        for t, a in parsed.elements
        if t in ("textarea", "input", "select") and a.get("type") != "radio"
    ]
    assert controls and all(str(a.get("id")) in labelled for a in controls)
    # Radio buttons are labelled by the <label> wrapping them.
    assert page.count('<label><input type="radio"') == 2
    assert 'value="html" checked' in page


STATUSES_IN_ORDER: tuple[Status, ...] = (
    "intact",
    "altered",
    "misattributed",
    "altered_misattributed",
    "unsourced",
)


def test_status_styles_cover_every_status() -> None:
    assert set(review.STATUS_STYLES) == {*STATUSES_IN_ORDER, "dropped"}
    icons = [style.icon for style in review.STATUS_STYLES.values()]
    assert len(set(icons)) == len(icons)


# ---- the page's HTTP views (every response is checked against openapi.yaml by `client`) ----

WEB_SOURCE = (
    "Ferry service resumes\n\n"
    "\u201cThe ferry will run every hour from Monday,\u201d harbour master Lena Voss said.\n"
)
WEB_CANDIDATE = (
    "Ferries are back\n\n"
    '"The ferry will run every two hours from Monday," harbour master Lena Voss said.\n'
)


def _count(page: str, status: str) -> int:
    match = re.search(rf'data-count="{status}">(\d+)<', page)
    assert match, status
    return int(match.group(1))


def test_form_page_is_served_with_a_strict_policy(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'id="report"' not in page
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    for asset in (review.STYLESHEET, review.SCRIPT):
        assert f'/assets/review/{asset}"' in page


@pytest.mark.parametrize("upload", [False, True])
def test_posting_the_form_shows_the_report(client: FlaskClient, upload: bool) -> None:
    if upload:
        data: dict[str, Any] = {
            "source_file": (io.BytesIO(WEB_SOURCE.encode("utf-8")), "source.txt"),
            "candidate_file": (io.BytesIO(WEB_CANDIDATE.encode("utf-8")), "candidate.txt"),
            "source": "",
            "candidate": "",
        }
    else:
        # Browsers send textarea line breaks as CRLF; the report must read as pasted.
        data = {
            "source": WEB_SOURCE.replace("\n", "\r\n"),
            "candidate": WEB_CANDIDATE.replace("\n", "\r\n"),
        }
    response = client.post("/", data={**data, "format": "text"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    expected = pipeline.verify(WEB_SOURCE, WEB_CANDIDATE, "text").summary
    assert _count(page, "quotes") == expected.quotes
    assert _count(page, "altered") == expected.altered
    assert "\r" not in page
    assert "Ferries are back" in page  # the documents come back in the form


@pytest.mark.parametrize(
    ("overrides", "data", "status", "message"),
    [
        ({}, {"source": "  ", "candidate": "x"}, 422, "The document is empty."),
        ({}, {"source": "x", "candidate": "y", "format": "pdf"}, 422, "Must be one of"),
        (
            {"MAX_DOCUMENT_CHARS": 10},
            {"source": "x" * 11, "candidate": "y"},
            422,
            "the limit is 10",
        ),
        (
            {},
            {
                "source": "x",
                "candidate": "",
                "candidate_file": (io.BytesIO(b"\xff\xfe\x00"), "c.txt"),
            },
            422,
            "is not UTF-8 text",
        ),
        ({"MAX_CONTENT_LENGTH": 200}, {"source": "x" * 400, "candidate": "y"}, 413, "200 bytes"),
    ],
)
def test_bad_form_input_is_explained_on_the_page(
    make_app: Callable[..., Flask],
    overrides: dict[str, Any],
    data: dict[str, Any],
    status: int,
    message: str,
) -> None:
    response = make_app(overrides).test_client().post("/", data=data)
    assert (response.status_code, response.mimetype) == (status, "text/html")
    page = response.get_data(as_text=True)
    assert message in page
    assert 'role="alert"' in page and 'id="report"' not in page


DOCUMENT_FIELDS = ("source", "candidate")
_BOUNDARY = "verbatim-test-boundary"
MULTIPART = f"multipart/form-data; boundary={_BOUNDARY}"
URLENCODED = "application/x-www-form-urlencoded"
_GOOD_FIELDS: dict[str, bytes] = {
    "source": WEB_SOURCE.encode("utf-8"),
    "candidate": WEB_CANDIDATE.encode("utf-8"),
    "format": b"text",
}


def _multipart(charset: str | None = None, **fields: bytes) -> bytes:
    """A multipart body of the good fields with ``fields`` replacing some, bytes as given;
    ``charset``, when given, is declared on the replaced fields' parts."""
    declared = "" if charset is None else f"Content-Type: text/plain; charset={charset}\r\n"
    parts = [
        f"--{_BOUNDARY}\r\nContent-Disposition: form-data; name={name}\r\n"
        f"{declared if name in fields else ''}\r\n".encode("ascii")
        + value
        + b"\r\n"
        for name, value in {**_GOOD_FIELDS, **fields}.items()
    ]
    return b"".join(parts) + f"--{_BOUNDARY}--\r\n".encode("ascii")


def _urlencoded(raw: frozenset[str] = frozenset(), **fields: bytes) -> bytes:
    """An urlencoded body of the good fields with ``fields`` replacing some; ``raw`` names
    fields sent unescaped (bytes as they are) instead of percent-encoded."""
    return b"&".join(
        name.encode("ascii") + b"=" + (value if name in raw else quote_from_bytes(value).encode())
        for name, value in {**_GOOD_FIELDS, **fields}.items()
    )


# Text that is valid UTF-8 but holds U+FFFD itself: a caller may really have pasted one.
_PASTED_REPLACEMENT = WEB_SOURCE.replace("Ferry service", "Ferry \ufffd service")


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field", "expected"),
    [
        (_multipart(), MULTIPART, 200, None, WEB_SOURCE),
        (
            _multipart(source=_PASTED_REPLACEMENT.encode()),
            MULTIPART,
            200,
            None,
            _PASTED_REPLACEMENT,
        ),
        (_multipart(source=b"Ferry\xff service"), MULTIPART, 422, "source", "byte 5 is"),
        (_multipart(candidate=b"caf\xc3"), MULTIPART, 422, "candidate", "byte 3 is"),
        (_multipart(format=b"te\xe9t"), MULTIPART, 422, "format", "byte 2 is"),
        (_multipart("utf-8", source=b"\x80Ferry"), MULTIPART, 422, "source", "byte 0 is"),
        # A part that declares Latin-1 is read as Latin-1, as Werkzeug does: every byte is text.
        (
            _multipart("iso-8859-1", source=b"Caf\xe9 s\xfbr"),
            MULTIPART,
            200,
            None,
            "Caf\xe9 s\xfbr",
        ),
        (_urlencoded(), URLENCODED, 200, None, WEB_SOURCE),
        (_urlencoded(source=_PASTED_REPLACEMENT.encode()), URLENCODED, 200, None, "Ferry \ufffd"),
        (_urlencoded(frozenset({"source"})), URLENCODED, 200, None, WEB_SOURCE),
        (_urlencoded(source=b"Ferry\xff service"), URLENCODED, 422, "source", "byte 5 is"),
        (_urlencoded(candidate=b"a\xed\xa0\x80b"), URLENCODED, 422, "candidate", "byte 1 is"),
        (
            _urlencoded(frozenset({"candidate"}), candidate=b"\xfe"),
            URLENCODED,
            422,
            "candidate",
            "byte 0 is",
        ),
        (_urlencoded(format=b"\xc0\xaf"), URLENCODED, 422, "format", "byte 0 is"),
    ],
    ids=[
        "multipart-utf8",
        "multipart-pasted-fffd",
        "multipart-source-ff",
        "multipart-candidate-truncated",
        "multipart-format-latin1-byte",
        "multipart-declared-utf8-80",
        "multipart-declared-latin1",
        "urlencoded-utf8",
        "urlencoded-pasted-fffd",
        "urlencoded-raw-utf8",
        "urlencoded-source-%FF",
        "urlencoded-candidate-surrogate",
        "urlencoded-candidate-raw-fe",
        "urlencoded-format-overlong",
    ],
)
def test_form_text_that_is_not_utf8_is_refused_by_field(
    client: FlaskClient,
    body: bytes,
    content_type: str,
    status: int,
    field: str | None,
    expected: str,
) -> None:
    response = client.post("/", data=body, content_type=content_type)
    page = response.get_data(as_text=True)
    assert (response.status_code, response.mimetype) == (status, "text/html")
    if field is None:
        # Decoded exactly as sent: the form shows the caller's text back, nothing replaced.
        assert str(escape(expected)) in page
        assert ("\ufffd" in page) == ("\ufffd" in expected)
        return
    charset = "UTF-8"
    message = f'<a href="#{field}">{field.capitalize()}</a>: The text sent is not {charset}'
    assert message in page and f"({expected} invalid)" in page
    assert 'id="report"' not in page and "\ufffd" not in page
    if field in DOCUMENT_FIELDS:
        assert f'id="{field}-error"' in page
        # The bad box comes back empty (resubmitting U+FFFD would pass); the other keeps its text.
        assert re.search(rf'name="{field}"[^>]*aria-invalid="true"[^>]*></textarea>', page)
    if field != "source":
        assert str(escape(WEB_SOURCE)) in page


def _raw_multipart(*parts: tuple[str, bytes]) -> bytes:
    """A multipart body of (Content-Disposition, bytes) parts, in order."""
    return (
        b"".join(
            f"--{_BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
            + value
            + b"\r\n"
            for disposition, value in parts
        )
        + f"--{_BOUNDARY}--\r\n".encode()
    )


@pytest.mark.parametrize(
    ("body", "content_type", "undecodable"),
    [
        (
            _raw_multipart(
                ("form-data; name=source", b"a"),
                ("form-data; name=candidate", b"b"),
                ("form-data; name=source", b"\xff\xfe"),  # repeated, interleaved
                ("form-data", b"no name"),
                ('form-data; name="caf\u00e9"', "\u00e9".encode()),
                ('form-data; name=source_file; filename="s.txt"', b"\xff"),  # a file: kept raw
            ),
            MULTIPART,
            [("source", 0)],
        ),
        (b"a=1&a=%ff&b&&=x&c=%zz%C3%A9+&d=\xc3", URLENCODED, [("a", 0), ("d", 0)]),
        (b"", URLENCODED, []),
        (b"no-boundary", "multipart/form-data", []),
    ],
)
def test_strict_parser_differs_from_werkzeug_only_by_marking(
    body: bytes, content_type: str, undecodable: list[tuple[str, int]]
) -> None:
    """Same fields, values and files as Werkzeug's parser; undecodable values are marked."""
    strict, lenient = Flask("strict"), Flask("lenient")
    for app in (strict, lenient):
        # Werkzeug drops an urlencoded body that is not UTF-8 as a whole: compare the rest.
        lenient_body = body.replace(b"\xc3", b"%C3") if content_type == URLENCODED else body
        sent = lenient_body if app is lenient else body
        with app.test_request_context("/", method="POST", data=sent, content_type=content_type):
            if app is strict:
                request.form_data_parser_class = StrictFormDataParser
            fields = list(request.form.items(multi=True))
            files = [(name, upload.read()) for name, upload in request.files.items(multi=True)]
        if app is strict:
            strict_fields, strict_files = fields, files
    marked = [
        (name, value.position)
        for name, value in strict_fields
        if isinstance(value, UndecodableText)
    ]
    assert marked == undecodable
    assert (strict_fields, strict_files) == (
        [(name, value.replace("%FF", "\ufffd").replace("%C3", "\ufffd")) for name, value in fields],
        files,
    )


@pytest.mark.parametrize(
    ("accept", "mimetype"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        ("application/json, text/html;q=0.5", "application/json"),
        ("text/html", "text/html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ],
)
def test_verify_answers_html_only_when_asked(
    client: FlaskClient, accept: str | None, mimetype: str
) -> None:
    headers = {} if accept is None else {"Accept": accept}
    body = {"source": WEB_SOURCE, "candidate": WEB_CANDIDATE}
    response = client.post("/v1/verify", json=body, headers=headers)
    assert (response.status_code, response.mimetype) == (200, mimetype)
    if mimetype == "text/html":
        page = response.get_data(as_text=True)
        assert page.startswith("<!doctype html>") and "<style>" in page
        assert response.headers["Content-Security-Policy"] == review.inline_assets().csp


def test_cli_writes_the_self_contained_page(tmp_path: Path) -> None:
    from service import cli

    source, candidate, page = (
        tmp_path / "source.txt",
        tmp_path / "candidate.txt",
        tmp_path / "r.html",
    )
    source.write_text(WEB_SOURCE, encoding="utf-8")
    candidate.write_text(WEB_CANDIDATE, encoding="utf-8")
    status = cli.main(["verify", str(source), str(candidate), "--html", str(page), "--json"])
    report = pipeline.verify(WEB_SOURCE, WEB_CANDIDATE, "text")
    assert status == (0 if report.summary.intact == report.summary.quotes else 1)
    written = page.read_text(encoding="utf-8")
    assert written == review.render_report(report, WEB_SOURCE, WEB_CANDIDATE, standalone=True)
    assert cli.main(["verify", str(source), str(candidate), "--html", str(tmp_path)]) == 2


@pytest.mark.parametrize(
    ("name", "mention", "shown"),
    [
        ("Ines Alvarez", "Ines Alvarez", None),
        ("Ines Alvarez", "port director Ines Alvarez", None),  # a title adds nothing
        ("Ines Alvarez", "she", "she"),
        ("Ines Alvarez", "Alvarez", "Alvarez"),
    ],
)
def test_speaker_mention_shown_only_when_it_adds(
    name: str, mention: str, shown: str | None
) -> None:
    document = f"\u201cWe sail at dawn,\u201d {mention} said."
    quote = _quote(document, "We sail at dawn,", "q1", name, mention)
    verdict = Verdict("q1", "intact", quote, quote, Wording(1.0, ()), "same")
    page = review.render_report(
        _report(document, document, (verdict,), ()), document, document, standalone=False
    )
    assert page.count(f'<span class="speaker-name">{name}</span>') == 2
    assert ("(as \u201c" in page) == (shown is not None)
    if shown is not None:
        assert f"(as \u201c{shown}\u201d)" in page
