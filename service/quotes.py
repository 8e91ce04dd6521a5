"""Quotes stage: find every span of a document set in quotation marks.

One left-to-right pass over the quotation marks (found by a single pre-compiled pattern), so the
time is linear in the text whatever the marks look like. Rules, with their reasons:

- Typographic pairs (“ ” ‘ ’ « » ‹ › „ “ ‚ ‘ 「 」 『 』) and straight marks (" ') are all
  accepted; any closing mark of the double family closes an open double quote, because real
  copy mixes styles (“ … »).
- Straight and ambiguous marks are read by their context, as a reader does: space (or an
  opening bracket) before and a letter after opens; a letter or punctuation before and a space
  or punctuation after closes.
- A mark between two letters is an apostrophe (don't, the people’s); a right single mark
  before digits is an elision (’90s); neither opens a quote.
- Single marks inside an open double quote are a nested quote and belong to the outer one.
- A double quote left unclosed runs to the end of its paragraph, or up to the next opening
  mark of its family, and in either case stops where an attribution clause begins
  (“…, according to …”, “…, she said”): that is where the writer forgot the closing mark.
- A paragraph that opens with a double mark right after a paragraph whose quote ran
  unclosed to its end continues that quote (the multi-paragraph convention): one QuoteSpan.
- An unclosed single mark is dropped: far more often an apostrophe than a quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from service import lexicon
from service.document import Document

QuoteStyle = Literal["double", "single"]

#: Every quotation mark. Two apostrophes stand for a straight double mark in some wire and
#: archive copy.
_MARK_CHARS = "“”\"«»„「」『』‘’'‚‹›"
_DOUBLE_OPENERS = frozenset("“„«「『\"")
_DOUBLE_CLOSERS = frozenset("”“»」』\"")
_SINGLE_OPENERS = frozenset("‘‚‹'")
_SINGLE_CLOSERS = frozenset("’‘›'")
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/\u00a0") | _DOUBLE_OPENERS | _SINGLE_OPENERS
_CLOSE_AFTER = frozenset(" \t\n.,;:!?)]}—–-/…\u00a0") | _DOUBLE_CLOSERS | _SINGLE_CLOSERS

_CUES = lexicon.alternation(lexicon.REPORTING_VERBS)
_NAME = r"\p{Lu}[\w’'.-]*(?:\s+(?:\p{Lu}[\w’'.-]*|de|van|von|al|bin|da|del|di|la|le)){0,4}"
#: Where an unclosed quote stops: a comma followed by an attribution clause. A participle
#: never inverts with its subject ("…, citing the report" continues the sentence; "…, said the
#: minister" attributes it), so only finite cues start the inverted form.
_ATTRIBUTION_CLAUSE = regex.compile(
    rf",\s+(?:according\s+to\b|(?!\w+ing\b)(?:{_CUES})\s+(?:\p{{Lu}}|the\b|he\b|she\b|they\b)"
    rf"|(?:he|she|they|{_NAME})(?:,[^,\n]{{1,80}},)?\s+(?:{_CUES})\b)"
)
_EDGE_SPACE = " \t\n\u00a0"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation found in ``Document.text``.

    ``start``/``end`` cover the quoted words without the marks. ``open_mark`` is the offset of
    the opening mark; ``close_mark`` the offset of the closing mark, ``None`` when the writer
    never closed the quote. ``first_paragraph``/``last_paragraph`` differ for a quote that runs
    over several paragraphs.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    first_paragraph: int
    last_paragraph: int
    style: QuoteStyle

    @property
    def stop(self) -> int:
        """Where the text after the quotation begins: past the closing mark, or at ``end``
        for a quotation never closed."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


@dataclass(slots=True)
class _Open:
    mark: str
    position: int
    merged_from: QuoteSpan | None = None


def _marks(text: str) -> list[tuple[int, str]]:
    """Offset and text of every quotation mark, in order; "''" is one mark.

    ``str.find`` per mark character: a few C scans of the text, several times faster than a
    pattern tried at every position, and linear however many marks there are.
    """
    positions: list[int] = []
    for char in _MARK_CHARS:
        if char in text:
            at = text.find(char)
            while at >= 0:
                positions.append(at)
                at = text.find(char, at + 1)
    positions.sort()
    found: list[tuple[int, str]] = []
    after_pair = -1
    for at in positions:
        if at == after_pair:
            continue  # the second apostrophe of a pair
        if text.startswith("''", at):
            found.append((at, "''"))
            after_pair = at + 1
        else:
            found.append((at, text[at]))
    return found


def _opener_context(text: str, position: int, para_start: int) -> bool:
    before = text[position - 1] if position > para_start else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before in _OPEN_CONTEXT and after not in _EDGE_SPACE


def _closer_context(text: str, position: int, para_start: int, para_end: int) -> bool:
    before = text[position - 1] if position > para_start else " "
    after = text[position + 1] if position + 1 < para_end else " "
    return before not in _EDGE_SPACE and (after in _CLOSE_AFTER or not after.isalnum())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return start, end


class _Scanner:
    """State of the one pass over the marks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.found: list[QuoteSpan] = []
        self.double: _Open | None = None
        self.single: _Open | None = None
        # A double quote holding a nested one (``double`` is then the nested one, or the
        # outer again once the nested one closed), and the index of the first nested opener.
        self.outer: _Open | None = None
        self.nested_at = -1
        self.refused = False  # an opener came inside the nested quote: the nesting was wrong

    def _emit(self, opened: _Open, close_mark: int | None, end: int, paragraph: int,
              style: QuoteStyle) -> QuoteSpan | None:
        if end > opened.position + 1 and self.text[end - 1:end + 1] in ("''", "’’"):
            end -= 1  # the first half of a doubled closing mark ('' or ’’)
        start, end = _trim(self.text, opened.position + 1, end)
        # Nearly every quote opens with a letter or digit: tested first, without copying it.
        if not (start < end and self.text[start].isalnum()) \
                and not any(char.isalnum() for char in self.text[start:end]):
            return None
        if opened.merged_from is not None:
            first = opened.merged_from
            span = QuoteSpan(first.start, end, first.open_mark, close_mark,
                             first.first_paragraph, paragraph, style)
        else:
            span = QuoteSpan(start, end, opened.position, close_mark, paragraph, paragraph,
                             style)
        self.found.append(span)
        return span

    def _emit_unclosed(self, opened: _Open, end: int, paragraph: int) -> QuoteSpan | None:
        """Emit a double quote nobody closed; the span when it ran on to ``end`` untruncated."""
        clause = lexicon.search(_ATTRIBUTION_CLAUSE, self.text, opened.position + 1, end)
        span = self._emit(opened, None, clause.start() if clause else end, paragraph, "double")
        return span if clause is None else None

    def scan(self) -> tuple[QuoteSpan, ...]:
        text = self.text
        marks = iter(_marks(text))
        pending = next(marks, None)
        running_on: QuoteSpan | None = None  # an unclosed quote that ran to its paragraph end
        running_style: QuoteStyle = "double"
        for index, (para_start, para_end) in enumerate(self.doc.paragraphs):
            found: list[tuple[int, str]] = []
            while pending is not None and pending[0] < para_end:
                position, mark = pending
                if mark == "''":
                    mark = '"'
                    position += 1  # read it by its outer context, as one mark at its end
                pending = next(marks, None)
                if position >= para_start:
                    found.append((position, mark))
            if found:
                continues = running_on if (
                    running_on is not None and not text[para_start:found[0][0]].strip()
                    and not _pasted_quote(text, running_on, found[0][1])
                ) else None
                self._paragraph(found, para_start, para_end, index, continues, running_style)
            running_on = None
            running_style = "double"
            if self.double is not None:
                running_on = self._emit_unclosed(self.double, para_end, index)
                self.double = None
            elif self.single is not None and self._next_opens_single(index):
                # The multi-paragraph convention in single-mark (UK) copy: the next paragraph
                # re-opens with ‘, so this one was left open on purpose.
                running_on = self._emit(self.single, None, para_end, index, "single")
                running_style = "single"
            self.single = None
        return _drop_continued(self.found)

    def _paragraph(self, found: list[tuple[int, str]], para_start: int, para_end: int,
                   index: int, continues: QuoteSpan | None, continues_style: QuoteStyle) -> None:
        """Read one paragraph's marks. A double quote opened inside an open double quote is
        taken as nested until the paragraph shows otherwise: if the outer one never closes,
        the marks from the nested opener on are read again without nesting (the outer one
        was left unclosed). Each mark is read at most twice, so the pass stays linear."""
        at = 0
        plain_until = 0  # marks before this index are re-read without nesting
        while True:
            while at < len(found):
                position, mark = found[at]
                if mark == "’" and self.double is not None and at + 1 < len(found) \
                        and found[at + 1][0] == position + 1 and found[at + 1][1] == "’":
                    # Two right single marks close a double quote in some converted copy
                    # (“…’’), as two apostrophes do: one mark, read at its end.
                    at += 1
                    position, mark = found[at][0], '"'
                self._mark(mark, position, para_start, para_end, index,
                           continues if at == 0 else None, continues_style,
                           at, at >= plain_until)
                at += 1
                if self.refused:
                    # Another opener inside the nested quote: not nesting after all.
                    plain_until = at
                    at = self._unnest(found, index)
            if self.outer is None:
                return
            plain_until = len(found)
            at = self._unnest(found, index)

    def _unnest(self, found: list[tuple[int, str]], paragraph: int) -> int:
        """Read the open outer quote as unclosed up to its first nested opener, open the
        quote that opener starts, and return the index to read on from."""
        assert self.outer is not None
        position, mark = found[self.nested_at]
        self._emit_unclosed(self.outer, position, paragraph)
        self.double = _Open(mark, position)
        resume = self.nested_at + 1
        self.outer = None
        self.nested_at = -1
        self.refused = False
        return resume

    def _next_opens_single(self, index: int) -> bool:
        """Whether paragraph ``index + 1`` starts with a single opening mark before a word."""
        if index + 1 >= len(self.doc.paragraphs):
            return False
        start, end = self.doc.paragraphs[index + 1]
        return end - start > 1 and self.text[start] in _SINGLE_OPENERS \
            and self.text[start + 1] not in _EDGE_SPACE and not self.text[start + 1].isdigit()

    def _mark(self, mark: str, position: int, para_start: int, para_end: int, paragraph: int,
              continues: QuoteSpan | None, continues_style: QuoteStyle = "double",
              at: int = 0, nesting: bool = False) -> None:
        text = self.text
        before = text[position - 1] if position > para_start else " "
        after = text[position + 1] if position + 1 < para_end else " "
        if mark in "'’‘" and before.isalnum() and after.isalnum():
            return  # apostrophe inside a word
        opens = _opener_context(text, position, para_start)
        closes = _closer_context(text, position, para_start, para_end)
        is_double_mark = mark in _DOUBLE_OPENERS or mark in _DOUBLE_CLOSERS
        if is_double_mark:
            self._double_mark(mark, position, para_end, paragraph, opens, closes,
                              continues if continues_style == "double" else None, at, nesting)
        elif self.double is None:
            self._single_mark(mark, position, paragraph, opens, closes, after,
                              continues if continues_style == "single" else None)

    def _double_mark(self, mark: str, position: int, para_end: int, paragraph: int,
                     opens: bool, closes: bool, continues: QuoteSpan | None, at: int = 0,
                     nesting: bool = False) -> None:
        current = self.double
        if current is None:
            starts = (
                mark in "“„«「『" or (mark == '"' and (opens or not closes))
                or (mark in "”»" and opens and not closes)
            )
            if starts:
                self.single = None
                self.double = _Open(mark, position, continues)
            return
        if mark in "」』" or mark == "”":
            is_close = True
        elif mark == "“":
            is_close = current.mark == "„" or (closes and not opens)
        elif mark == "«":
            is_close = current.mark == "»"
        elif mark == "»":
            is_close = current.mark != "»" or (closes and not opens)
        elif mark == '"':
            is_close = closes or not opens
        else:  # „ 「 『 always open
            is_close = False
        if is_close:
            if self.outer is not None and current is not self.outer:
                self.double = self.outer  # the nested quote closed; it is part of the outer
                return
            self._emit(current, position, position, paragraph, "double")
            self.double = None
            self.outer = None
            self.nested_at = -1
            return
        # A typographic quote inside a passage in straight marks is no nested quote: the
        # straight marks wrap pasted copy (an excerpt of another outlet) whose own quotes
        # keep their typographic marks, and those are the quotes with a speaker of their own.
        if nesting and not (current.mark == '"' and mark != '"'):
            if self.outer is None:
                self.outer = current
                self.nested_at = at
            if current is self.outer:
                self.double = _Open(mark, position)
            else:
                self.refused = True
            return
        if self.outer is not None:
            # An opener that does not nest, inside a quote read as nesting: the outer quote
            # was never closed after all, so its marks from the nested opener on are read
            # again without nesting (an emitted outer quote must not be taken up again).
            self.refused = True
            return
        # An opening mark while a quote is open: the first one was never closed.
        self._emit_unclosed(current, position, paragraph)
        self.double = _Open(mark, position)

    def _single_mark(self, mark: str, position: int, paragraph: int, opens: bool, closes: bool,
                     after: str, continues: QuoteSpan | None = None) -> None:
        current = self.single
        if current is None:
            if mark in "‘‚‹'" and opens and not after.isdigit():
                self.single = _Open(mark, position, continues)
            return
        if (mark in "’›'" and closes) or (mark == "‘" and current.mark == "‚" and closes):
            self._emit(current, position, position, paragraph, "single")
            self.single = None


def _pasted_quote(text: str, running: QuoteSpan, mark: str) -> bool:
    """Whether a paragraph opening with ``mark`` inside a passage in straight marks starts a
    quote of its own: a typographic mark there belongs to the pasted copy the straight marks
    wrap (see ``_double_mark``), not to the passage's multi-paragraph convention."""
    return text[running.open_mark] in "\"'" and mark not in "\"'"


def _drop_continued(found: list[QuoteSpan]) -> tuple[QuoteSpan, ...]:
    """A multi-paragraph quote was emitted once per paragraph; keep only the merged whole."""
    merged_starts = {
        span.open_mark for span in found if span.first_paragraph != span.last_paragraph
    }
    result = [
        span for span in found
        if span.first_paragraph != span.last_paragraph or span.open_mark not in merged_starts
    ]
    # Several merges of one quote (three paragraphs) leave growing prefixes: keep the longest.
    longest: dict[int, QuoteSpan] = {}
    for span in result:
        kept = longest.get(span.open_mark)
        if kept is None or span.end > kept.end:
            longest[span.open_mark] = span
    return tuple(sorted(longest.values(), key=lambda span: span.start))


def find_quotes(doc: Document) -> tuple[QuoteSpan, ...]:
    """Every quotation in ``doc.text``, in document order (nested quotes inside their outer one)."""
    return _Scanner(doc).scan()
