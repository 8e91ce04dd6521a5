"""Document stage: the caller's string in; plain text, paragraphs and an offset map out.

Every later rule runs on ``Document.text``; ``Document.raw_span`` maps a plain-text span back
into the string the caller sent, so offsets stay exact for plain text (``text is raw``) and
for HTML (offsets into the HTML itself, entities and markup included).
"""

from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser

import regex

from service.models import Format, PipelineError, Span

#: Elements whose start or end is a paragraph break; everything else is inline.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
        "ul", "body", "html", "head",
    }
)
#: Elements whose contents are never reader-visible text.
_DROPPED_TAGS = frozenset({"script", "style", "template", "noscript", "head"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})

_WHITESPACE_RUN = regex.compile(r"\s+")


class UnknownFormat(PipelineError):
    """The caller asked for a format we do not parse."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document.

    ``paragraphs`` are ``(start, end)`` offsets into ``text``, in order, never empty.
    ``heading_paragraphs`` indexes paragraphs the markup itself marks as headings (HTML ``h1``…).
    For HTML, ``_raw_starts[i]``/``_raw_ends[i]`` is the raw range that produced ``text[i]``.
    """

    raw: str
    text: str
    format: Format
    paragraphs: tuple[tuple[int, int], ...]
    heading_paragraphs: frozenset[int] = frozenset()
    paragraph_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _raw_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _raw_ends: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def raw_span(self, start: int, end: int) -> Span:
        """The span of ``raw`` that ``text[start:end]`` came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside the text (length {len(self.text)})")
        if self.format == "text":
            return Span(self.raw[start:end], start, end)
        if start == end:
            raw_start = self._raw_starts[start] if start < len(self.text) else len(self.raw)
            return Span("", raw_start, raw_start)
        raw_start = self._raw_starts[start]
        raw_end = self._raw_ends[end - 1]
        return Span(self.raw[raw_start:raw_end], raw_start, raw_end)

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing (or, between paragraphs, preceding) ``offset``."""
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Every line with more than whitespace on it: one or more newlines end a paragraph (wire
    copy uses one, PolNeAR two). ``str.split`` finds them in C, faster than a pattern of
    non-newlines, and needs no time budget."""
    found: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            found.append((start, end))
        start = end + 1
    return tuple(found)


def _starts(paragraphs: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    return tuple(start for start, _ in paragraphs)


class _TextCollector(HTMLParser):
    """Collects visible text with, for every character, the raw range it came from."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0]
        for m in regex.finditer(r"\n", raw):
            self.line_starts.append(m.end())
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip_depth = 0
        self.heading_depth = 0
        self.heading_chars: list[bool] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.heading_chars.append(self.heading_depth > 0)

    def _break(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            position = self._offset()
            # Trailing spaces before a block break carry no meaning; drop them.
            while self.chars and self.chars[-1] == " ":
                self.chars.pop()
                self.starts.pop()
                self.ends.pop()
                self.heading_chars.pop()
            self._emit("\n", position, position)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS:
            self._break()
        if tag in _HEADING_TAGS:
            self.heading_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _HEADING_TAGS and self.heading_depth:
            self.heading_depth -= 1
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        base = self._offset()
        position = 0
        for m in _WHITESPACE_RUN.finditer(data):
            for index in range(position, m.start()):
                self._emit(data[index], base + index, base + index + 1)
            # Source whitespace (including newlines inside a <p>) renders as one space.
            if self.chars and self.chars[-1] not in " \n":
                self._emit(" ", base + m.start(), base + m.end())
            position = m.end()
        for index in range(position, len(data)):
            self._emit(data[index], base + index, base + index + 1)

    def _reference(self, decoded: str, length: int) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        for char in decoded:
            self._emit(" " if char.isspace() else char, start, start + length)

    def handle_entityref(self, name: str) -> None:
        source = f"&{name};" if self.raw.startswith(f"&{name};", self._offset()) else f"&{name}"
        decoded = html.unescape(source)
        self._reference(decoded, len(source))

    def handle_charref(self, name: str) -> None:
        source = f"&#{name};" if self.raw.startswith(f"&#{name};", self._offset()) else f"&#{name}"
        self._reference(html.unescape(source), len(source))


def _parse_html(raw: str) -> Document:
    collector = _TextCollector(raw)
    collector.feed(raw)
    collector.close()
    chars, starts, ends = collector.chars, collector.starts, collector.ends
    text = "".join(chars)
    paragraphs = _paragraphs(text)
    headings = frozenset(
        index for index, (start, end) in enumerate(paragraphs)
        if all(collector.heading_chars[start:end])
    )
    return Document(raw, text, "html", paragraphs, headings, _starts(paragraphs), tuple(starts),
                    tuple(ends))


def parse(raw: str, fmt: Format = "text") -> Document:
    """Parse the caller's string. Plain text is used as is: ``text == raw``, never normalised."""
    if fmt == "text":
        paragraphs = _paragraphs(raw)
        return Document(raw, raw, "text", paragraphs, frozenset(), _starts(paragraphs))
    if fmt == "html":
        return _parse_html(raw)
    raise UnknownFormat(f"unknown format {fmt!r}; expected 'text' or 'html'")
