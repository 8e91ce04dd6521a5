"""Alignment stage: which source quote(s) each candidate quote derives from.

Every signal an editor would use is scored for each (candidate, source) pair — shared words,
the speaker, the sentence around the quote, the position in the article — and one globally
best one-to-one assignment is taken (the Hungarian method), so a weak match cannot steal the
source quote a stronger one needs. Then the many-to-one cases are added: a source quote
split into two candidate quotes or quoted twice, and two source quotes merged into one.

A candidate quote whose words the source only narrates or reports indirectly is a competing
explanation: when the source narration explains its words clearly better than any source
quote, the quote is unsourced, with that narration as evidence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from service.document import Document
from service.models import Quote, Span, SpeakerMatch
from service.wording import StemBag, acceptable, stems

# --- speakers ---------------------------------------------------------------------------

_NAME_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Honorifics and articles are not part of who someone is ("Mr Turk" is "Volker Turk").
_NAME_NOISE = frozenset(
    {
        "the", "a", "an", "of", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir",
        "dame", "lord", "lady", "rev", "gen", "col", "capt", "sgt", "lt", "sen", "rep", "gov",
        "president", "minister", "director",
    }
)  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


def _name_words(name: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return tuple(w for w in _NAME_WORD.findall(plain) if w not in _NAME_NOISE)


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words)


def _is_description(name: str) -> bool:
    return not any(ch.isupper() for ch in name)


def speaker_match(left: Quote, right: Quote) -> SpeakerMatch:
    """``same`` when both name one person under any form, ``unknown`` when a side has none.

    A name is the same person as another when its words are a subset of the other's
    ("Turk" / "Volker Turk", "Amnesty" / "Amnesty International") or an acronym of it.
    """
    if left.speaker is None or right.speaker is None:
        return "unknown"
    a, b = _name_words(left.speaker.name), _name_words(right.speaker.name)
    if not a or not b or set(a) <= _PRONOUNS or set(b) <= _PRONOUNS:
        return "unknown"
    if set(a) <= set(b) or set(b) <= set(a):
        return "same"
    if (len(a) == 1 and a[0] == _initials(b)) or (len(b) == 1 and b[0] == _initials(a)):
        return "same"
    # A description ("the defence chief", "the donor") may well be the person the other
    # side names or describes otherwise; only two proper names can be told apart.
    if _is_description(left.speaker.name) or _is_description(right.speaker.name):
        return "unknown"
    return "different"


# --- profiles ---------------------------------------------------------------------------

_SENTENCE_BREAK = regex.compile(r"(?<=[.!?][\"'”’»]?)\s+|\n+")
_QUOTE_MARK = regex.compile(r"[\"'“”‘’„‚«»‹›「」『』]")
# Context is the quote's paragraph with all quotations blanked, within this many characters.
_CONTEXT_CHARS = 300
_MAX_WINDOW_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class _Profile:
    index: int
    quote: Quote
    stems: tuple[str, ...]  # unique content stems of the quoted words, in order
    bag: StemBag
    context: StemBag
    position: float  # relative position in the document, 0..1


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int
    bag: StemBag  # content stems of the sentence with its quotations blanked out


def _masked(text: str, quotes: Sequence[Quote]) -> str:
    """The text with every quotation (and its marks) blanked, keeping offsets."""
    chars = list(text)
    for quote in quotes:
        start, end = quote.start, quote.end
        if start > 0 and _QUOTE_MARK.match(text, start - 1):
            start -= 1
        if end < len(text) and _QUOTE_MARK.match(text, end):
            end += 1
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _profiles(doc: Document, quotes: Sequence[Quote]) -> list[_Profile]:
    text = doc.text
    masked = _masked(text, quotes)
    length = max(1, len(text))
    profiles = []
    for index, quote in enumerate(quotes):
        if quote.kind != "quotation":
            continue
        paragraph_start = text.rfind("\n", 0, quote.start) + 1
        paragraph_end = text.find("\n", quote.end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        left = max(paragraph_start, quote.start - _CONTEXT_CHARS)
        right = min(paragraph_end, quote.end + _CONTEXT_CHARS)
        quoted = _unique(stems(quote.text))
        profiles.append(
            _Profile(
                index=index,
                quote=quote,
                stems=quoted,
                bag=StemBag.of(quoted),
                context=StemBag.of(stems(masked[left:right])),
                position=quote.start / length,
            )
        )
    return profiles


def sentences(doc: Document, quotes: Sequence[Quote]) -> list[Sentence]:
    text = doc.text
    masked = _masked(text, quotes)
    units: list[Sentence] = []
    paragraph, cursor = 0, 0
    for brk in [*_SENTENCE_BREAK.finditer(text), None]:
        end = len(text) if brk is None else brk.start()
        raw = text[cursor:end]
        stripped = raw.strip()
        if stripped:
            start = cursor + raw.index(stripped)
            bag = StemBag.of(stems(masked[start : start + len(stripped)]))
            units.append(Sentence(Span(stripped, start, start + len(stripped)), paragraph, bag))
        if brk is not None:
            if "\n" in brk.group():
                paragraph += 1
            cursor = brk.end()
    return units


# --- narration --------------------------------------------------------------------------

# Narration explains a quote's words when it holds at least half of them (two or more) ...
_NARRATION_MIN_COVER = 0.5
_NARRATION_MIN_WORDS = 2
# ... and beats the best quote match on words by this margin.
_NARRATION_MARGIN = 0.25


@dataclass(frozen=True, slots=True)
class Resemblance:
    """The stretch of one document's unquoted text that a quote's words most resemble."""

    span: Span
    cover: float  # share of the quote's content words found there
    words: int


def best_narration(
    needles: Sequence[str], sentences: Sequence[Sentence], text: str
) -> Resemblance | None:
    """The window of up to three sentences of one paragraph that holds most of ``needles``.

    Ties go to the shorter window, so the evidence is no longer than it needs to be.
    """
    if not needles:
        return None
    hits = [frozenset(i for i, n in enumerate(needles) if s.bag.has(n)) for s in sentences]
    best: tuple[int, int, int, int] | None = None  # (hits, -length, first, last)
    for first in range(len(sentences)):
        if not hits[first]:
            continue
        found: frozenset[int] = frozenset()
        for last in range(first, min(len(sentences), first + _MAX_WINDOW_SENTENCES)):
            if sentences[last].paragraph != sentences[first].paragraph:
                break
            found |= hits[last]
            length = sentences[last].span.end - sentences[first].span.start
            key = (len(found), -length, first, last)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    count, _, first, last = best
    start, end = sentences[first].span.start, sentences[last].span.end
    return Resemblance(Span(text[start:end], start, end), count / len(needles), count)


def explains(resemblance: Resemblance) -> bool:
    """Whether the narration holds enough of a quote's words to be where they came from."""
    return resemblance.words >= _NARRATION_MIN_WORDS and resemblance.cover >= _NARRATION_MIN_COVER


# --- pair scores ------------------------------------------------------------------------

_SPEAKER_BONUS: dict[SpeakerMatch, float] = {"same": 0.15, "unknown": 0.0, "different": -0.3}
# A paraphrase may share no word with its source ("staggering progress" → "stunning gains");
# it aligns on the same speaker in the same setting, or, for a short quote whose speaker is
# unknown, on a setting that is nearly the same.
_SHORT_QUOTE_STEMS = 3
_SETTING_FULL_WORDS = 3
# A quote whose words clearly come from one source quote does not align on setting alone
# with another (it is then a second quotation of the first: a split or a repeat).
_RIVAL_MARGIN = 0.5


@dataclass(frozen=True, slots=True)
class _Pair:
    words: float  # how much of the wording the two quotes share, 0..1
    score: float
    accepted: bool


def _setting(left: StemBag, right: StemBag) -> float:
    """How alike two quotes' surroundings are: shared words, discounted when they are few.

    Two bare attributions ("Ruiz said.") share only the speaker's name, which the speaker
    signal already counts; a setting is alike when it shares several words.
    """
    total = len(left.stems) + len(right.stems)
    if total == 0:
        return 0.0
    shared = right.count(tuple(left.stems))
    dice = (left.count(tuple(right.stems)) + shared) / total
    return dice * min(1.0, shared / _SETTING_FULL_WORDS)


def _words(candidate: _Profile, source: _Profile) -> float:
    if acceptable(candidate.quote.text, (source.quote.text,)):
        return 1.0
    if not candidate.stems or not source.stems:
        return 0.0
    shared = source.bag.count(candidate.stems)
    back = candidate.bag.count(source.stems)
    dice = (shared + back) / (len(candidate.stems) + len(source.stems))
    # A candidate that quotes part of a long source quote shares few of the source's words
    # but most of its own; the more words, the surer.
    part = shared / len(candidate.stems) * min(1.0, shared / 3)
    whole = back / len(source.stems) * min(1.0, back / 3)
    return max(dice, 0.9 * part, 0.9 * whole)


def _pair(candidate: _Profile, source: _Profile) -> _Pair:
    words = _words(candidate, source)
    context = _setting(candidate.context, source.context)
    nearness = max(0.0, 1.0 - 3.0 * abs(candidate.position - source.position))
    speaker = speaker_match(candidate.quote, source.quote)
    score = 0.6 * words + 0.3 * context + 0.1 * nearness + _SPEAKER_BONUS[speaker]
    accepted = (
        words >= 0.5
        or (words >= 0.2 and context >= 0.25 and speaker != "different")
        or (speaker == "same" and context >= 0.4)
        or (speaker == "unknown" and context >= 0.55 and len(candidate.stems) <= _SHORT_QUOTE_STEMS)
    )
    return _Pair(words, score, accepted and score > 0.0)


# --- assignment -------------------------------------------------------------------------


def _hungarian(cost: Sequence[Sequence[float]]) -> list[int]:
    """Minimum-cost assignment of every row to a distinct column (rows <= columns).

    The O(n²m) shortest augmenting path method with potentials; returns each row's column.
    """
    rows, cols = len(cost), len(cost[0]) if cost else 0
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: 1-based row assigned to column j
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if current < minv[j]:
                    minv[j], way[j] = current, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    assignment = [-1] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            assignment[owner[j] - 1] = j - 1
    return assignment


@dataclass(frozen=True, slots=True)
class Match:
    """What one candidate quotation derives from.

    ``candidate`` and ``sources`` index the quote tuples given to ``align``; ``sources`` is
    in source order and has several entries when the candidate merges source quotes, none
    when it is unsourced. ``evidence`` (unsourced only) is the source narration its words
    most resemble.
    """

    candidate: int
    sources: tuple[int, ...]
    primary: int | None  # the source quote that explains it best (reported as its source)
    score: float
    evidence: Span | None = None


# Phase two (a second candidate quote drawing on an already matched source quote) and
# merges need the words themselves to agree, not just the setting.
_REUSE_MIN_WORDS = 0.5
_MERGE_MIN_COVER = 0.5


def align(
    source_doc: Document,
    source_quotes: Sequence[Quote],
    candidate_doc: Document,
    candidate_quotes: Sequence[Quote],
) -> tuple[Match, ...]:
    """One ``Match`` per candidate quotation (headings are skipped), in candidate order."""
    sources = _profiles(source_doc, source_quotes)
    candidates = _profiles(candidate_doc, candidate_quotes)
    source_sentences = sentences(source_doc, source_quotes)
    pairs = [[_pair(c, s) for s in sources] for c in candidates]
    narration = [best_narration(c.stems, source_sentences, source_doc.text) for c in candidates]

    best_words = [max((p.words for p in row), default=0.0) for row in pairs]

    def allowed(ci: int, si: int) -> bool:
        pair = pairs[ci][si]
        told = narration[ci]
        if not pair.accepted:
            return False
        # Narration that explains the words far better is the likelier origin.
        if told is not None and explains(told) and told.cover >= pair.words + _NARRATION_MARGIN:
            return False
        return best_words[ci] < pair.words + _RIVAL_MARGIN

    # Phase one: the best one-to-one assignment; a dummy column per row means "no match".
    big = 1e6
    width = len(sources) + len(candidates)
    cost = [
        [
            (-pairs[ci][si].score if allowed(ci, si) else big) if si < len(sources) else 0.0
            for si in range(width)
        ]
        for ci in range(len(candidates))
    ]
    chosen = _hungarian(cost) if candidates else []
    assigned: dict[int, list[int]] = {}
    for ci, column in enumerate(chosen):
        if 0 <= column < len(sources) and allowed(ci, column):
            assigned[ci] = [column]

    # Phase two: split quotes and words quoted twice reuse a source quote already taken.
    for ci in range(len(candidates)):
        if ci in assigned:
            continue
        options = [
            si
            for si in range(len(sources))
            if allowed(ci, si) and pairs[ci][si].words >= _REUSE_MIN_WORDS
        ]
        if options:
            assigned[ci] = [max(options, key=lambda si: pairs[ci][si].score)]

    # Merges: a source quote left over whose words fill the rest of a matched candidate.
    taken = {si for group in assigned.values() for si in group}
    for si, source in enumerate(sources):
        if si in taken or not source.stems:
            continue
        best: tuple[float, int] | None = None
        for ci, group in assigned.items():
            candidate = candidates[ci]
            if speaker_match(candidate.quote, source.quote) == "different":
                continue
            explained = StemBag.of([st for g in group for st in sources[g].stems])
            rest = StemBag.of([st for st in candidate.stems if not explained.has(st)])
            found = rest.count(source.stems)
            cover = found / len(source.stems)
            enough = cover >= _MERGE_MIN_COVER and found >= min(2, len(source.stems))
            if enough and (best is None or cover > best[0]):
                best = (cover, ci)
        if best is not None:
            assigned[best[1]].append(si)
            taken.add(si)

    matches = []
    for ci, candidate in enumerate(candidates):
        group = sorted(assigned.get(ci, []), key=lambda si: sources[si].quote.start)
        told = narration[ci]
        if group:
            primary = max(group, key=lambda si: (pairs[ci][si].words, pairs[ci][si].score))
            indices = tuple(sources[si].index for si in group)
            score = round(pairs[ci][primary].score, 4)
            matches.append(Match(candidate.index, indices, sources[primary].index, score))
        else:
            evidence = told.span if told is not None and explains(told) else None
            matches.append(Match(candidate.index, (), None, 0.0, evidence))
    return tuple(matches)
