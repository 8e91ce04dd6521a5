"""Word-level comparison of a candidate quote with the source quote(s) it derives from.

The contract's acceptable edits are applied exactly (see ``acceptable``): typographic
normalisation, first-letter case, punctuation at the quote's edges, a contiguous fragment,
an omission marked with an ellipsis and an insertion in square brackets. Anything else is a
change, reported as word-level edit operations with a severity an editor can sort by.

The module also provides the light token normalisation (``stems``) that alignment uses to
score how much two stretches of text share, so both stages see words the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple, TypeVar, cast

import regex
from rapidfuzz.distance import Indel, Levenshtein

from service.models import Change, ChangeOp, Severity, Wording

_Value = TypeVar("_Value")

# How many arguments a ``_Memo`` holds before it starts afresh: far more than a document has.
_MEMO_SIZE = 65536


class _Memo(dict[str, _Value]):
    """A function's results by argument (a token, a chunk of text), looked up in C.

    ``map(memo.__getitem__, tokens)`` reads a dict, about half the cost of an
    ``lru_cache`` hit, which counts when every token of a document is looked up several
    times; a missing argument is computed by ``__missing__``. Full, it is emptied, which
    bounds it as ``lru_cache`` does.
    """

    def __init__(self, compute: Callable[[str], _Value]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str) -> _Value:
        if len(self) >= _MEMO_SIZE:
            self.clear()
        value = self[key] = self._compute(key)
        return value


def _memoized(compute: Callable[[str], _Value]) -> Callable[[str], _Value]:
    """``compute`` remembering its results (see ``_Memo``): the vocabulary repeats."""
    return _Memo(compute).__getitem__


# Typographic variants that carry no meaning: every quotation mark reads as '"', every
# apostrophe as "'", every dash as "-". NFKC already folds "…" to "..." and NBSP to space.
_TYPOGRAPHY: dict[str, str] = {
    "’": "'",
    "‘": "'",
    "‛": "'",
    "′": "'",
    "`": "'",
    "´": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "«": '"',
    "»": '"',
    "‹": '"',
    "›": '"',
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
}
# str.translate looks every character of a non-ASCII text up in a dict (about 50 ns each);
# one str.replace per variant is a C scan, some 70 times faster on an article.
_TYPOGRAPHY_PAIRS = tuple(_TYPOGRAPHY.items())
_DOUBLE_DASH = regex.compile(r"-{2,}")

# Numbers keep their inner separators ("4,468", "2.5", "10:30"); words keep inner
# apostrophes and hyphens ("don't", "well-oiled"); an ellipsis is one token.
_TOKEN = regex.compile(
    r"\p{N}+(?:[.,:/]\p{N}+)*(?:[\p{L}\p{M}]+)?"
    r"|[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*"
    r"|\.{3,}"
    r"|[^\s\p{L}\p{M}\p{N}]"
)
# The same pattern for ASCII text (most English copy, once typography is folded), in the
# standard library's ``re``, which tokenises it about twice as fast: on ASCII \p{N} is 0-9,
# \p{L} is A-Za-z, \p{M} is empty and \s is tab, newline, VT, FF, CR and space.
_ASCII_TOKEN = re.compile(
    r"[0-9]+(?:[.,:/][0-9]+)*(?:[A-Za-z]+)?"
    r"|[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*"
    r"|\.{3,}"
    r"|[^\t\n\x0b\x0c\r A-Za-z0-9]"
)
# The word alternatives of the two patterns above, in the same order, so a word is matched
# exactly as there: see ``_chunk_bag``.
_WORD_TOKEN = regex.compile(
    r"\p{N}+(?:[.,:/]\p{N}+)*(?:[\p{L}\p{M}]+)?|[\p{L}\p{M}\p{N}]+(?:['\-][\p{L}\p{M}\p{N}]+)*"
)
_ASCII_WORD_TOKEN = re.compile(
    r"[0-9]+(?:[.,:/][0-9]+)*(?:[A-Za-z]+)?|[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*"
)
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")
# A quote running over several paragraphs re-opens each new paragraph with a quotation mark
# (‘ or “, folded to ' or " by then) and closes only the last one: those marks, like the
# paragraph break itself, are typography, not words the speaker said. (\K keeps the break.)
_REOPENING_MARKS = regex.compile(r"\n\s*\K[\"']+")

ELLIPSIS = "..."
# The boundary between two source quotes compared as one (a merged quote). Every token
# ``tokenize`` yields is non-empty, so no character a caller sends can be read as it.
_JOIN = ""
_QUOTE_MARKS = frozenset({'"', "'"})
_SENTENCE_END = frozenset({".", "!", "?", ":", '"', _JOIN})
# A bracketed insertion may stand in for a few of the speaker's words ("[the army]" for
# "it"), the usual editorial practice; more than this is no longer a clarification.
_BRACKET_MAX_SKIP = 4

NEGATIONS = frozenset(
    {
        "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "nowhere",
        "without", "cannot", "hardly", "barely", "scarcely", "non", "noone",
    }
)  # fmt: skip
MODALS = frozenset(
    {
        "will", "would", "must", "should", "may", "might", "can", "could", "shall",
        "ought", "won't", "wouldn't", "mustn't", "shouldn't", "can't", "couldn't",
        "shan't", "mightn't", "needn't",
    }
)  # fmt: skip
NUMBER_WORDS = frozenset(
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "half",
        "quarter", "double", "triple", "first", "second", "third", "fourth", "fifth",
        "sixth", "seventh", "eighth", "ninth", "tenth", "percent", "per", "once", "twice",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "tonight",
        "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    }
)  # fmt: skip
# Function words carry little evidence that two passages say the same thing.
STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "of", "at", "by",
        "for", "with", "about", "to", "from", "in", "on", "into", "onto", "over", "under",
        "up", "down", "out", "off", "than", "that", "this", "these", "those", "there",
        "here", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being",
        "am", "has", "have", "had", "having", "do", "does", "did", "doing", "i", "me", "my",
        "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them",
        "their", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
        "all", "any", "each", "some", "such", "very", "just", "also", "too", "only", "own",
        "same", "other", "more", "most", "much", "many", "can", "will", "would", "should",
        "could", "may", "might", "must", "shall", "while", "because", "since", "until",
        "after", "before", "during", "against", "between", "through", "again", "further",
        "once", "now", "said", "says", "say", "told", "added", "stated", "according",
        "statement", "went", "noted", "both", "not", "no", "s", "t",
    }
)  # fmt: skip


def normalize(text: str) -> str:
    """The text with every meaningless typographic variant folded to one form."""
    if text.isascii():  # NFKC keeps ASCII as it is, and only one variant is ASCII
        folded = text.replace("`", "'")
    else:
        folded = unicodedata.normalize("NFKC", text)
        for variant, plain in _TYPOGRAPHY_PAIRS:
            if variant in folded:
                folded = folded.replace(variant, plain)
    return _DOUBLE_DASH.sub("-", folded) if "--" in folded else folded


def _tokenizable(text: str) -> str:
    """The text as the tokeniser reads it: normalised, without paragraph re-opening marks."""
    normalized = normalize(text)
    if "\n" in normalized:
        normalized = _REOPENING_MARKS.sub("", normalized)
    return normalized


def tokenize(text: str) -> tuple[str, ...]:
    """Normalised tokens: words, numbers, single punctuation marks and ``...``.

    The quotation marks that re-open a paragraph inside a multi-paragraph quote are left
    out, so the quote compares equal to the same words run together in one paragraph.
    """
    normalized = _tokenizable(text)
    pattern = _ASCII_TOKEN if normalized.isascii() else _TOKEN
    tokens: list[str] = pattern.findall(normalized)
    if "'" in tokens:
        # A lone apostrophe is a single quotation mark; both styles mean the same.
        return tuple('"' if token == "'" else token for token in tokens)
    return tuple(tokens)


@_memoized  # every stage asks it of the same few thousand tokens
def is_word(token: str) -> bool:
    return _WORDLIKE.search(token) is not None


def _fold(word: str) -> str:
    if word.isascii():  # nothing to decompose; casefold is lower
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A crude English stem, enough for "attempts"/"attempt" and "ending"/"end" to meet."""
    word = _fold(word)
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement, min_len in (
        ("ies", "y", 5),
        ("ied", "y", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ):
        if len(word) >= min_len and word.endswith(suffix) and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


def stems(text: str) -> tuple[str, ...]:
    """Stems of the content words of ``text`` (function words left out)."""
    return token_stems(tokenize(text))


# Whitespace to ``str.split`` but punctuation tokens to the tokeniser (the only such
# characters: every other character ``str.split`` splits at is whitespace to both patterns).
_SPLIT_NOT_SPACE = re.compile("[\x1c-\x1f]")


def tokenize_all(texts: Sequence[str]) -> list[tuple[str, ...]]:
    """``tokenize`` of every text (a document's quotations), chunk by chunk.

    No token holds whitespace and normalisation never acts across it, so a text's tokens
    are its whitespace-separated chunks' tokens, and a document repeats its chunks ("the",
    "council,"): each is tokenised once (``_CHUNK_TOKENS``). A text with a line break is
    tokenised whole: the marks re-opening a paragraph are read after the break.
    """
    return [
        tokenize(text)
        if "\n" in text or _SPLIT_NOT_SPACE.search(text)
        else tuple(chain.from_iterable(map(_CHUNK_TOKENS.__getitem__, text.split())))
        for text in texts
    ]


# Each chunk's tokens: a document repeats its chunks, each is tokenised once.
_CHUNK_TOKENS: _Memo[tuple[str, ...]] = _Memo(tokenize)


def stretch_stems(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, ...]]:
    """``stems(text[start:end])`` for every span (``tokenize_all``)."""
    return [token_stems(tokens) for tokens in tokenize_all([text[a:b] for a, b in spans])]


def token_stems(tokens: Sequence[str]) -> tuple[str, ...]:
    """``stems`` of text already split by ``tokenize``."""
    return tuple(found for token in tokens if (found := _content_stem(token)) is not None)


def unique_stems(tokens: Iterable[str]) -> tuple[str, ...]:
    """``token_stems`` without repeats, in order of first use (a dict keeps it, in C)."""
    found = dict.fromkeys(map(_content_stem, tokens))
    found.pop(None, None)  # function words and punctuation
    return cast(tuple[str, ...], tuple(found))


@_memoized  # a document repeats its words; each is judged once
def _content_stem(token: str) -> str | None:
    """The token's stem, or None for a function word or punctuation."""
    return stem(token) if is_word(token) and _fold(token) not in STOPWORDS else None


@_memoized  # taken of every stem; the memo hands back one string, its hash already known
def meet_key(stem: str) -> str:
    """A key that two stems share whenever ``stems_meet`` holds (their first four letters).

    Indexing stems under it finds every stem that may meet a given one without a scan.
    """
    return stem[:4]  # the whole stem when it is shorter


def stems_meet(left: str, right: str) -> bool:
    """Two stems name the same word: equal, or one a short extension of the other."""
    if left == right:
        return True
    if len(left) < 4 or len(right) < 4:
        return False
    short, long = (left, right) if len(left) <= len(right) else (right, left)
    return long.startswith(short) and len(long) - len(short) <= 3


# ``stems_meet`` joins a stem of four letters or more to its extensions by one to three.
_MEET_MIN = 4
_MEET_MAX_EXTRA = 3


@_memoized  # a document repeats its words; each is cut once
def truncations(stem: str) -> tuple[str, ...]:
    """The stems that ``stem`` extends by one to three letters (each of four letters or more).

    ``stems_meet(a, b)`` holds exactly when ``a == b``, ``a`` is among ``truncations(b)`` or
    ``b`` is among ``truncations(a)``: so a set of stems and a set of their truncations answer
    it by lookups, whatever the stems share.
    """
    return tuple(stem[:k] for k in range(max(_MEET_MIN, len(stem) - _MEET_MAX_EXTRA), len(stem)))


@dataclass(frozen=True, slots=True)
class StemBag:
    """A set of stems that answers ``stems_meet`` lookups in constant time.

    Besides the stems it holds every truncation of them (see ``truncations``), so whether a
    needle meets some stem is a handful of set lookups, not a scan of the stems sharing its
    first letters (which grows with the text when its words share a prefix).
    """

    stems: frozenset[str]
    truncated: frozenset[str]  # every truncation of every stem

    @classmethod
    def of(cls, stems: Iterable[str]) -> StemBag:
        unique = frozenset(stems)
        return cls(unique, frozenset().union(*map(truncations, unique)))

    def has(self, needle: str) -> bool:
        if needle in self.stems or needle in self.truncated:
            return True
        return not self.stems.isdisjoint(truncations(needle))

    def meets(self, other: StemBag) -> int:
        """How many stems of ``other`` this bag holds (``has``), by set algebra.

        Alignment compares every quote with its rivals this way, so it stays in C: a stem of
        ``other`` is held when it is a stem or a truncation here, or when one of its own
        truncations is a stem here (rare, so those are looked for only then).
        """
        held = (other.stems & self.stems) | (other.stems & self.truncated)
        extended = self.stems & other.truncated
        if extended:
            held |= {stem for stem in other.stems if not extended.isdisjoint(truncations(stem))}
        return len(held)

    def mutual(self, other: StemBag) -> tuple[int, int]:
        """``(self.meets(other), other.meets(self))`` with the intersections they share."""
        common = self.stems & other.stems
        shorter_here = other.stems & self.truncated  # theirs that a stem here extends
        shorter_there = self.stems & other.truncated
        held_there, held_here = common | shorter_here, common | shorter_there
        if shorter_there:
            held_there |= {
                stem for stem in other.stems if not shorter_there.isdisjoint(truncations(stem))
            }
        if shorter_here:
            held_here |= {
                stem for stem in self.stems if not shorter_here.isdisjoint(truncations(stem))
            }
        return len(held_there), len(held_here)


# A chunk's content stems, their truncations and their meet keys (see ``keyed_bag``).
_ChunkBag = tuple[frozenset[str], frozenset[str], frozenset[str]]
_EMPTY: frozenset[str] = frozenset()


# A bag is never changed, so texts without a content stem can share one.
_NO_BAG = (StemBag(_EMPTY, _EMPTY), _EMPTY)


def keyed_bag(text: str) -> tuple[StemBag, frozenset[str]]:
    """``StemBag.of(stems(text))`` and the ``meet_key`` of each of its stems.

    No token holds whitespace and normalisation never acts across it, so a text's stems are
    its whitespace-separated chunks' stems; a document repeats its chunks ("council,"), so
    each chunk's stems, truncations and keys are found once (``_chunk_bag``) and a text's
    are their unions. Chunks without a content stem ("the", "--") are left out first.
    """
    parts = list(filter(None, map(_CHUNK_BAGS.__getitem__, text.split())))
    if not parts:  # a blanked quotation, a line of function words
        return _NO_BAG
    if len(parts) == 1:
        stems, truncated, keys = parts[0]
        return StemBag(stems, truncated), keys
    stemmed, truncations_, keyed = zip(*parts, strict=True)
    return StemBag(_EMPTY.union(*stemmed), _EMPTY.union(*truncations_)), _EMPTY.union(*keyed)


def _chunk_bag(chunk: str) -> _ChunkBag | None:
    """The content stems (and their truncations and keys) of a chunk of text holding no
    whitespace; None when it has none.

    Only its words are looked for: punctuation tokens are never stems, and no word token can
    start inside one (a word starts with a letter, mark or digit, a punctuation token holds
    none), so the tokeniser's word alternatives alone find the very same words.
    """
    normalized = _tokenizable(chunk)
    pattern = _ASCII_WORD_TOKEN if normalized.isascii() else _WORD_TOKEN
    held: set[str | None] = set(map(_content_stem, pattern.findall(normalized)))
    held.discard(None)  # function words and words without a letter or digit
    if not held:
        return None
    stems = cast(frozenset[str], frozenset(held))
    return stems, _EMPTY.union(*map(truncations, stems)), frozenset(map(meet_key, stems))


# Each chunk's bag: a document repeats its chunks, each is tokenised once.
_CHUNK_BAGS: _Memo[_ChunkBag | None] = _Memo(_chunk_bag)


# --- acceptable edits -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    """Candidate words between two gaps; ``gap`` is what precedes them."""

    gap: str  # "start", "ellipsis" or "bracket"
    tokens: tuple[str, ...]


def _strip_punct(tokens: Sequence[str]) -> tuple[str, ...]:
    start, end = 0, len(tokens)
    while start < end and not is_word(tokens[start]):
        start += 1
    while end > start and not is_word(tokens[end - 1]):
        end -= 1
    return tuple(tokens[start:end])


def _pieces(tokens: Sequence[str], brackets: bool = True) -> list[_Piece]:
    """Split the candidate at ellipses and bracketed insertions, dropping their punctuation.

    With ``brackets`` false, square brackets are words like any other (the speaker's own, or
    the source's editor's, reproduced as they were) and only ellipses split.
    """
    if ELLIPSIS not in tokens and not (brackets and "[" in tokens):
        # Nothing to split at (most quotes): the one piece the loop below would make.
        words = _strip_punct(tokens)
        return [_Piece("start", words)] if words else []
    pieces: list[_Piece] = []
    gap = "start"
    current: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        closing = -1
        if token == "[" and brackets:
            closing = next((k for k in range(index + 1, len(tokens)) if tokens[k] == "]"), -1)
        if token == ELLIPSIS:
            kind, index = "ellipsis", index + 1
        elif closing >= 0:
            # "[...]" is an omission like a bare ellipsis; other brackets are insertions.
            kind = "ellipsis" if ELLIPSIS in tokens[index + 1 : closing] else "bracket"
            index = closing + 1
        else:
            current.append(token)
            index += 1
            continue
        pieces.append(_Piece(gap, _strip_punct(current)))
        current, gap = [], kind
    pieces.append(_Piece(gap, _strip_punct(current)))
    return _merge_empty(pieces)


def _merge_empty(pieces: list[_Piece]) -> list[_Piece]:
    """Fold empty pieces into the next gap, keeping the loosest gap kind."""
    merged: list[_Piece] = []
    pending: str | None = None
    for piece in pieces:
        gap = piece.gap
        if pending is not None:
            gap = "ellipsis" if "ellipsis" in (pending, gap) else gap
            if pending == "start":
                gap = "start"
        if not piece.tokens:
            pending = gap
            continue
        merged.append(_Piece(gap, piece.tokens))
        pending = None
    return merged


@_memoized  # every token of every quote is keyed by it
def _first_letter_folded(token: str) -> str:
    return token[:1].lower() + token[1:]


@_memoized  # every token of every candidate quote
def _needed_key(token: str) -> str | None:
    """A word's key a source must hold (``_first_letter_folded``); None for punctuation."""
    return _first_letter_folded(token) if is_word(token) else None


def _same(candidate: str, source: str, case_free: bool) -> bool:
    if candidate == source:
        return True
    return case_free and _first_letter_folded(candidate) == _first_letter_folded(source)


def _match_at(piece: Sequence[str], source: Sequence[str], start: int) -> int | None:
    """Where ``piece`` ends when laid on ``source`` from ``start``, or None if it does not fit.

    At the join of two merged source quotes, the candidate's punctuation and the case of the
    next first letter are free: they are the edges of the two original quotes.
    """
    i, j, case_free = 0, start, True
    while i < len(piece):
        if j >= len(source):
            return None
        if source[j] == _JOIN:
            j += 1
            while i < len(piece) and not is_word(piece[i]):
                i += 1
            case_free = True
            continue
        if not _same(piece[i], source[j], case_free):
            return None
        i, j, case_free = i + 1, j + 1, False
    return j


@dataclass(frozen=True, slots=True)
class SourceForm:
    """A source quote (or merged quotes) tokenised once, to be tried against many candidates."""

    tokens: tuple[str, ...]
    keys: frozenset[str]  # every token, first letter folded: what a candidate word may equal


@dataclass(frozen=True, slots=True)
class CandidateForm:
    """A candidate quote split at its gaps once, to be tried against many source quotes."""

    pieces: tuple[_Piece, ...]
    # The candidate's words, first letter folded: each must be among the source's ``keys``
    # for the candidate to fit, which rules most source quotes out without laying it on them.
    needs: frozenset[str]
    # When the candidate holds square brackets: its pieces with the brackets read as text,
    # tried first, since a source may hold the very same brackets.
    literal: tuple[_Piece, ...] | None = None


def source_form(sources: Sequence[str]) -> SourceForm:
    return source_form_of([tokenize(text) for text in sources])


def source_form_of(sources: Sequence[Sequence[str]]) -> SourceForm:
    """``source_form`` of source quotes already split by ``tokenize``."""
    joined: list[str] = []
    for index, tokens in enumerate(sources):
        if index:
            joined.append(_JOIN)
        joined.extend(_strip_punct(tokens))
    return SourceForm(tuple(joined), frozenset(map(_first_letter_folded, joined)))


def candidate_form(candidate: str) -> CandidateForm:
    return candidate_form_of(tokenize(candidate))


def candidate_form_of(tokens: Sequence[str]) -> CandidateForm:
    """``candidate_form`` of a candidate quote already split by ``tokenize``."""
    pieces = tuple(_pieces(tokens))
    if len(pieces) == 1:
        needed = set(map(_needed_key, pieces[0].tokens))
    else:
        needed = set(map(_needed_key, chain.from_iterable(piece.tokens for piece in pieces)))
    needed.discard(None)  # punctuation
    needs = cast(frozenset[str], frozenset(needed))
    literal = tuple(_pieces(tokens, brackets=False)) if "[" in tokens else None
    return CandidateForm(pieces, needs, literal)


def fits(candidate: CandidateForm, source: SourceForm) -> bool:
    """``acceptable`` on forms prepared once (see there)."""
    if not candidate.pieces or not candidate.needs <= source.keys:
        return False
    if candidate.literal is not None and _laid_in_order(candidate.literal, source.tokens):
        return True
    return _laid_in_order(candidate.pieces, source.tokens)


def _laid_in_order(pieces: Sequence[_Piece], tokens: Sequence[str]) -> bool:
    """Whether every piece occurs in ``tokens`` in order, each after the gap it follows."""
    cursor = 0
    for piece in pieces:
        if piece.gap == "start":
            starts = range(0, len(tokens))
        elif piece.gap == "ellipsis":
            starts = range(cursor, len(tokens))
        else:
            starts = range(cursor, min(len(tokens), cursor + _BRACKET_MAX_SKIP + 1))
        end = next(
            (e for s in starts if (e := _match_at(piece.tokens, tokens, s)) is not None),
            None,
        )
        if end is None:
            return False
        cursor = end
    return True


# A near copy is a short stretch quoted word for word but for one word ("about five
# minutes" from "... about ten minutes ..."): few words share little by count, but their
# order pins them to one place. Three words at least, so two of them still agree.
_NEAR_COPY_MIN_WORDS = 3
_NEAR_COPY_MAX_WORDS = 12


def near_copy(candidate: CandidateForm, source: SourceForm) -> int:
    """How many words ``candidate`` keeps when it copies a contiguous stretch of ``source``
    word for word but for at most one word; 0 when it does not.

    Only an ungapped candidate of a few words qualifies (a longer one shares enough words
    to align on them), and a word it keeps must be a content word: agreeing on "of the"
    alone places nothing. Case and punctuation between the words are ignored.
    """
    if len(candidate.pieces) != 1 or candidate.pieces[0].gap != "start":
        return 0
    if len(candidate.needs - source.keys) > 1:  # two words the source never says
        return 0
    mine = [_fold(token) for token in candidate.pieces[0].tokens if is_word(token)]
    if not _NEAR_COPY_MIN_WORDS <= len(mine) <= _NEAR_COPY_MAX_WORDS:
        return 0
    theirs = [_fold(token) for token in source.tokens if is_word(token)]
    for start in range(len(theirs) - len(mine) + 1):
        differ = [i for i, word in enumerate(mine) if word != theirs[start + i]][:2]
        if len(differ) > 1:
            continue
        if any(word not in STOPWORDS for i, word in enumerate(mine) if i not in differ):
            return len(mine) - len(differ)
    return 0


def acceptable(candidate: str, sources: Sequence[str]) -> bool:
    """Whether ``candidate`` differs from the source quote(s) only in acceptable ways.

    ``sources`` holds one source quote, or several (in source order) when the candidate
    merges them. Every piece between ellipses must occur in the source in order; a
    bracketed insertion may stand in for at most a few source words, unless the source
    holds the same brackets (then they are its own words, reproduced).
    """
    return fits(candidate_form(candidate), source_form(sources))


# --- changes, similarity and severity ---------------------------------------------------


class _Words(NamedTuple):
    """The words of a compared quote as parallel lists: what each says, its key, whether a name.

    Parallel lists, not one record per word: a quote's words are made on every comparison,
    and a window of them is three slices.
    """

    texts: list[str]
    keys: list[str]
    names: list[bool]  # capitalised away from a sentence start: a proper name

    def cut(self, start: int, end: int) -> _Words:
        return _Words(self.texts[start:end], self.keys[start:end], self.names[start:end])


@_memoized  # every token of every compared quote; the vocabulary repeats
def _word_traits(token: str) -> tuple[str, bool] | None:
    """A word's key and whether it is capitalised (``I`` is not a name); None for punctuation."""
    if not is_word(token):
        return None
    return _fold(token), token[:1].isupper() and token != "I"


def _words(tokens: Sequence[str]) -> _Words:
    texts: list[str] = []
    keys: list[str] = []
    names: list[bool] = []
    previous = _JOIN
    for token in tokens:
        traits = _word_traits(token)
        if traits is not None:
            texts.append(token)
            keys.append(traits[0])
            names.append(traits[1] and previous not in _SENTENCE_END)
        previous = token
    return _Words(texts, keys, names)


# Trimming source words at the edges costs less than deleting them inside, so a candidate
# that quotes part of a long source quote is compared with that part, not with all of it.
_EDGE_TRIM_COST = 0.4
_WINDOW_CELL_LIMIT = 250_000


def _window(source: Sequence[str], candidate: Sequence[str]) -> tuple[int, int]:
    """The stretch of ``source`` that ``candidate`` most plausibly reproduces.

    An edit-distance table where skipping source words at either edge costs less than
    deleting them inside. The rows hold costs only; the start of the best stretch is found by
    walking back from its end, preferring, as the costs tie, the diagonal, then the cell above,
    then the one to the left (tracking a start in every cell costs a third more).
    """
    n, m = len(candidate), len(source)
    if n == 0 or m == 0 or n * m > _WINDOW_CELL_LIMIT:
        return 0, m
    previous = [_EDGE_TRIM_COST * j for j in range(m + 1)]
    rows = [previous]
    for i, word in enumerate(candidate, start=1):
        left = float(i)
        current = [left]
        # ``previous`` is one cell longer: its last cell is never a diagonal.
        for other, diagonal, up in zip(source, previous, previous[1:], strict=False):
            best = diagonal if word == other else diagonal + 1.0
            if up + 1.0 < best:
                best = up + 1.0
            if left + 1.0 < best:
                best = left + 1.0
            current.append(best)
            left = best
        rows.append(current)
        previous = current
    totals = [cost + _EDGE_TRIM_COST * (m - j) for j, cost in enumerate(previous)]
    end = totals.index(min(totals))  # the first best end
    i, j = n, end
    while i > 0 and j > 0:
        above, here = rows[i - 1], rows[i]
        best = above[j - 1] + (0.0 if candidate[i - 1] == source[j - 1] else 1.0)
        step = "diagonal"
        if above[j] + 1.0 < best:
            best, step = above[j] + 1.0, "up"
        if here[j - 1] + 1.0 < best:
            step = "left"
        if step != "left":
            i -= 1
        if step != "up":
            j -= 1
    # Reaching the top row, the stretch starts there; the left column is a start at 0.
    return (j if i == 0 else 0), end


def _is_number(key: str) -> bool:
    return any(ch.isdigit() for ch in key) or key in NUMBER_WORDS


def _is_negation(key: str) -> bool:
    return key in NEGATIONS or key.endswith("n't")


def _is_modal(key: str) -> bool:
    return key in MODALS or key.endswith("'ll") or key.endswith("'d")


@_memoized  # asked of every changed word; the vocabulary repeats
def _weighty_key(key: str) -> bool:
    return _is_number(key) or _is_negation(key) or _is_modal(key)


# An edit: its operation and the stretches of source and candidate words it replaces.
_Edit = tuple[ChangeOp, _Words, _Words]


def _weighty(words: _Words) -> bool:
    """Whether any of the words is a name, a number, a negation or a modal."""
    return any(words.names) or any(map(_weighty_key, words.keys))


def _opcodes(source: _Words, candidate: _Words, by: str) -> list[_Edit]:
    left, right = (source.keys, candidate.keys) if by == "key" else (source.texts, candidate.texts)
    edits: list[_Edit] = []
    for op in Levenshtein.opcodes(left, right):
        if op.tag == "equal":
            continue
        tag: ChangeOp = "replace" if op.tag == "replace" else op.tag  # type: ignore[assignment]
        edits.append(
            (tag, source.cut(op.src_start, op.src_end), candidate.cut(op.dest_start, op.dest_end))
        )
    return edits


@dataclass(frozen=True, slots=True)
class Comparison:
    """The wording verdict: whether the edits are acceptable, and what changed if not."""

    acceptable: bool
    wording: Wording
    severity: Severity | None


def compare(candidate: str, sources: Sequence[str]) -> Comparison:
    """Compare a candidate quote with its source quote(s): acceptable edits, changes, severity."""
    tokens = tokenize(candidate)
    return compare_forms(tokens, candidate_form_of(tokens), source_form(sources))


def compare_forms(
    candidate_tokens: Sequence[str],
    candidate: CandidateForm,
    source: SourceForm,
    *,
    one_statement: bool = True,
) -> Comparison:
    """``compare`` on a candidate quote tokenised and prepared once (see ``candidate_form_of``).

    ``one_statement`` false says that ``source`` joins quotes which were not the parts of one
    split quote (see ``verdicts.split_quote``): a candidate putting them inside one pair of
    quotation marks presents words said apart as one statement, so it is altered even when
    every piece fits. Its severity is then low (the speaker's words themselves are kept) and
    its changes are the words the join leaves out or changes — none when the words are the
    same. A merge that does not fit is compared like any other quote.
    """
    if fits(candidate, source):
        if one_statement:
            return Comparison(True, Wording(1.0, ()), None)
        window, candidate_words = _aligned_words(_strip_punct(candidate_tokens), source)
        edits = _opcodes(window, candidate_words, "key")
        wording = Wording(_similarity(window, candidate_words), _changes(edits))
        return Comparison(False, wording, "low")
    source_tokens = source.tokens
    candidate_tokens = _strip_punct(candidate_tokens)
    window, candidate_words = _aligned_words(candidate_tokens, source)
    edits = _opcodes(window, candidate_words, "key") or _opcodes(window, candidate_words, "text")
    if not edits:
        # Only punctuation inside the quote differs: report it token by token.
        punct_source = [t for t in source_tokens if t != _JOIN]
        punct_candidate = list(candidate_tokens)
        edits = _opcodes(
            _Words(punct_source, punct_source, [False] * len(punct_source)),
            _Words(punct_candidate, punct_candidate, [False] * len(punct_candidate)),
            "text",
        )
    weighty = any(_weighty(old) or _weighty(new) for _, old, new in edits)
    similarity = _similarity(window, candidate_words)
    return Comparison(False, Wording(similarity, _changes(edits)), "high" if weighty else "low")


def _aligned_words(candidate_tokens: Sequence[str], source: SourceForm) -> tuple[_Words, _Words]:
    """The source words the candidate reproduces (see ``_window``) and the candidate's words.

    ``candidate_tokens`` are stripped of their edge punctuation already.
    """
    source_words = _words(source.tokens)
    candidate_words = _words(candidate_tokens)
    start, end = _window(source_words.keys, candidate_words.keys)
    return source_words.cut(start, end), candidate_words


def _similarity(window: _Words, candidate_words: _Words) -> float:
    # Characters, not words: a one-letter change ("terrorists" -> "terrorist") is a small one.
    similarity = Indel.normalized_similarity(" ".join(window.keys), " ".join(candidate_words.keys))
    return round(similarity, 4)


def _changes(edits: Sequence[_Edit]) -> tuple[Change, ...]:
    return tuple(Change(op, " ".join(old.texts), " ".join(new.texts)) for op, old, new in edits)
