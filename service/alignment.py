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

import heapq
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, repeat
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

import regex

from service.document import Document
from service.models import Quote, Span, SpeakerMatch
from service.wording import (
    CandidateForm,
    SourceForm,
    StemBag,
    candidate_form_of,
    fits,
    keyed_bag,
    meet_key,
    near_copy,
    source_form_of,
    tokenize_all,
    truncations,
    unique_stems,
)

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


@lru_cache(maxsize=4096)  # a speaker's name is compared with every quote they may have said
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
    return _names_match(left.speaker.name, right.speaker.name)


def _speakers_match(left: str | None, right: str | None) -> SpeakerMatch:
    """``speaker_match`` on the two speakers' names."""
    return "unknown" if left is None or right is None else _names_match(left, right)


@lru_cache(maxsize=16384)  # one speaker pair recurs for every pair of their quotes
def _names_match(left: str, right: str) -> SpeakerMatch:
    a, b = _name_words(left), _name_words(right)
    if not a or not b or set(a) <= _PRONOUNS or set(b) <= _PRONOUNS:
        return "unknown"
    if set(a) <= set(b) or set(b) <= set(a):
        return "same"
    if (len(a) == 1 and a[0] == _initials(b)) or (len(b) == 1 and b[0] == _initials(a)):
        return "same"
    # A description ("the defence chief", "the donor") may well be the person the other
    # side names or describes otherwise; only two proper names can be told apart.
    if _is_description(left) or _is_description(right):
        return "unknown"
    return "different"


# --- indexes ----------------------------------------------------------------------------

# A document with at most this many units (quotes, sentences) is searched exhaustively, so
# every article of ordinary length gets exactly the same answer as a scan of all pairs.
_EXHAUSTIVE_UNITS = 96
# In a longer document a key found in more units than this says little about which of them
# a quote came from (it is a word of the beat: "council", "strike"); following it from every
# quote would make the work grow with the square of the length, so it is not followed.
_RARE_POSTINGS = 12


@dataclass(frozen=True, slots=True)
class _Index:
    """Units of a document (quotes or sentences) by the keys of the words they hold."""

    postings: dict[str, list[int]]  # each key's units, in order (never changed once built)
    exhaustive: bool  # a short document: every posting is followed, however long

    @classmethod
    def of(cls, keyed: Sequence[Iterable[str]]) -> _Index:
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for unit, keys in enumerate(keyed):
            for key in keys if isinstance(keys, frozenset) else dict.fromkeys(keys):
                postings[key].append(unit)
        return cls(dict(postings), len(keyed) <= _EXHAUSTIVE_UNITS)

    def units(self, key: str) -> Sequence[int]:
        """The units holding ``key``; in a long document none when the key is common."""
        found = self.postings.get(key, ())
        return found if self.exhaustive or len(found) <= _RARE_POSTINGS else ()

    def size(self, key: str) -> int:
        return len(self.postings.get(key, ()))


_NO_STEMS: frozenset[str] = frozenset()
_BAG_STEMS = attrgetter("stems")
_BAG_TRUNCATED = attrgetter("truncated")


def _keys(items: Iterable[str]) -> frozenset[str]:
    return frozenset(map(meet_key, items))


# --- profiles ---------------------------------------------------------------------------

# A sentence ends at whitespace after [.!?] (and a closing quotation mark), or at a newline.
# \K starts the match after the punctuation: the same breaks as a look-behind, 4x faster.
# The break is one group (a branch reset) so that splitting at it keeps it.
_SENTENCE_PIECES = regex.compile(r"(?|[.!?][\"'”’»]?\K(\s+)|(\n+))")
_QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›「」『』")
# Context is the quote's paragraph with all quotations blanked, within this many characters.
_CONTEXT_CHARS = 300
_MAX_WINDOW_SENTENCES = 3


# A quote's prepared wording: a ``CandidateForm`` on the candidate side, a ``SourceForm``
# on the source side (each side only needs its own).
_Form = TypeVar("_Form", CandidateForm, SourceForm)


@dataclass(frozen=True, slots=True)
class _Profile(Generic[_Form]):
    index: int
    quote: Quote
    tokens: tuple[str, ...]  # the quoted words, tokenised (see ``wording.tokenize``)
    stems: tuple[str, ...]  # unique content stems of the quoted words, in order
    bag: StemBag
    context: StemBag
    position: float  # relative position in the document, 0..1
    form: _Form
    # Meet keys of ``stems`` and of the context's stems: two quotes whose keys are disjoint
    # share no word (``stems_meet`` needs a common key), so their overlap is not counted.
    keys: frozenset[str]
    context_keys: frozenset[str]
    speaker: str | None  # the speaker's name


@dataclass(frozen=True, slots=True)
class Prose:
    """A document's sentences (quotations blanked), indexed by the words they hold.

    The sentences are held column by column (their starts, ends, ...): a document has many,
    and reading them needs no record per sentence.
    """

    text: str
    masked: str  # ``text`` with every quotation blanked
    starts: tuple[int, ...]  # where each sentence starts, in order
    ends: tuple[int, ...]  # where each sentence ends, in order
    paragraphs: tuple[int, ...]  # each sentence's paragraph number
    bags: tuple[StemBag, ...]  # each sentence's content stems (quotations blanked out)
    keys: tuple[frozenset[str], ...]  # each sentence's stem keys
    index: _Index

    def stems_between(self, start: int, end: int) -> frozenset[str]:
        """The content stems of ``masked[start:end]`` (see ``bags_within``)."""
        return self.bags_within([(start, end)])[0][0].stems

    def bags_within(
        self, stretches: Sequence[tuple[int, int]]
    ) -> list[tuple[StemBag, frozenset[str]]]:
        """For each stretch, ``StemBag.of`` the content stems of ``masked[start:end]`` and
        their keys, from the sentences' own where whole.

        Only whitespace lies between two sentences, and a token never spans whitespace nor
        does normalisation act across it, so a stretch's stems are its sentences' stems; the
        sentences a stretch cuts are read from the cut (``keyed_bag``). The
        bag's truncations and the keys are then unions of the sentences' (sets joined in C).
        """
        starts, ends, masked = self.starts, self.ends, self.masked
        found: list[tuple[StemBag, frozenset[str]]] = []
        for start, end in stretches:
            # The sentences it touches: from the first ending after its start to the last
            # starting before its end. Sentences are disjoint and in order, so only the
            # first and the last of them can be cut; those between are whole.
            first, stop = bisect_right(ends, start), bisect_left(starts, end)
            bags, keys = list(self.bags[first:stop]), list(self.keys[first:stop])
            cut_first = first < stop and starts[first] < start
            if cut_first:
                bags[0], keys[0] = keyed_bag(masked[start : min(ends[first], end)])
            last = stop - 1
            if last >= first and ends[last] > end and not (cut_first and last == first):
                bags[-1], keys[-1] = keyed_bag(masked[max(starts[last], start) : end])
            found.append(
                (
                    StemBag(
                        _NO_STEMS.union(*map(_BAG_STEMS, bags)),
                        _NO_STEMS.union(*map(_BAG_TRUNCATED, bags)),
                    ),
                    _NO_STEMS.union(*keys),
                )
            )
        return found


def _masked(text: str, quotes: Sequence[Quote]) -> str:
    """The text with every quotation (and its marks) blanked, keeping offsets."""
    blanks: list[tuple[int, int]] = []
    for quote in quotes:
        start, end = quote.start, quote.end
        if start > 0 and text[start - 1] in _QUOTE_MARKS:
            start -= 1
        if end < len(text) and text[end] in _QUOTE_MARKS:
            end += 1
        blanks.append((start, end))
    # Joining the kept stretches and the blanks costs a few slices, not a list of every
    # character; blanks that touch or overlap are joined first.
    parts: list[str] = []
    kept = 0
    for start, end in sorted(blanks):
        if end <= kept:
            continue
        start = max(start, kept)
        parts += (text[kept:start], " " * (end - start))
        kept = end
    parts.append(text[kept:])
    return "".join(parts)


def _profiles(
    doc: Document,
    quotes: Sequence[Quote],
    form: Callable[[tuple[str, ...]], _Form],
    prose: Prose,
) -> tuple[_Profile[_Form], ...]:
    text = doc.text
    length = max(1, len(text))
    quotations = [(index, quote) for index, quote in enumerate(quotes) if quote.kind == "quotation"]
    windows = []
    for _, quote in quotations:
        paragraph_start = text.rfind("\n", 0, quote.start) + 1
        paragraph_end = text.find("\n", quote.end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        windows.append(
            (
                max(paragraph_start, quote.start - _CONTEXT_CHARS),
                min(paragraph_end, quote.end + _CONTEXT_CHARS),
            )
        )
    profiles = []
    for (index, quote), tokens, (context, context_keys) in zip(
        quotations,
        tokenize_all([quote.text for _, quote in quotations]),
        prose.bags_within(windows),
        strict=True,
    ):
        quoted = unique_stems(tokens)
        profiles.append(
            _Profile(
                index=index,
                quote=quote,
                tokens=tokens,
                stems=quoted,
                bag=StemBag.of(quoted),
                context=context,
                position=quote.start / length,
                form=form(tokens),
                keys=_keys(quoted),
                context_keys=context_keys,
                speaker=None if quote.speaker is None else quote.speaker.name,
            )
        )
    return tuple(profiles)


def prose(doc: Document, quotes: Sequence[Quote]) -> Prose:
    """The document's sentences outside its quotations, ready for ``best_narration``."""
    text = doc.text
    masked = _masked(text, quotes)
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    paragraph, cursor = 0, 0
    # The text split at the breaks, each kept: sentence, break, sentence, ..., sentence.
    pieces = _SENTENCE_PIECES.split(text)
    pieces.append("")  # no break after the last sentence
    for piece, brk in zip(pieces[::2], pieces[1::2], strict=True):
        # The sentence is the stretch up to the break, without its surrounding whitespace.
        kept = piece.lstrip()
        if kept:
            start = cursor + len(piece) - len(kept)
            starts.append(start)
            ends.append(start + len(kept.rstrip()))
            paragraphs.append(paragraph)
        if "\n" in brk:
            paragraph += 1
        cursor += len(piece) + len(brk)
    found = [keyed_bag(masked[start:end]) for start, end in zip(starts, ends, strict=True)]
    bags: tuple[StemBag, ...] = ()
    keys: tuple[frozenset[str], ...] = ()
    if found:
        bags, keys = zip(*found, strict=True)
    return Prose(
        text, masked, tuple(starts), tuple(ends), tuple(paragraphs), bags, keys, _Index.of(keys)
    )


@dataclass(frozen=True, slots=True)
class Prepared(Generic[_Form]):
    """One document's quotations and prose, tokenised once for alignment and for verdicts."""

    doc: Document
    quotes: tuple[Quote, ...]
    prose: Prose
    profiles: tuple[_Profile[_Form], ...]  # the quotations (headings are not judged)
    by_quote: dict[int, _Profile[_Form]]  # the same, by their index in ``quotes``


def _prepared(
    doc: Document, quotes: Sequence[Quote], form: Callable[[tuple[str, ...]], _Form]
) -> Prepared[_Form]:
    sentences = prose(doc, quotes)
    profiles = _profiles(doc, quotes, form, sentences)
    return Prepared(doc, tuple(quotes), sentences, profiles, {p.index: p for p in profiles})


def _single_source(tokens: tuple[str, ...]) -> SourceForm:
    return source_form_of((tokens,))


def prepare_source(doc: Document, quotes: Sequence[Quote]) -> Prepared[SourceForm]:
    """The source document ready for ``align_prepared`` and ``verdicts.judge_prepared``."""
    return _prepared(doc, quotes, _single_source)


def prepare_candidate(doc: Document, quotes: Sequence[Quote]) -> Prepared[CandidateForm]:
    """The candidate document ready for ``align_prepared`` and ``verdicts.judge_prepared``."""
    return _prepared(doc, quotes, candidate_form_of)


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


def best_narration(needles: Sequence[str], prose: Prose) -> Resemblance | None:
    """The window of up to three sentences of one paragraph that holds most of ``needles``.

    Ties go to the shorter window, so the evidence is no longer than it needs to be. Only
    windows that start at a sentence holding a needle can win, so only those (found through
    the index, not by reading every sentence) are tried, in document order.
    """
    if not needles:
        return None
    bags = prose.bags
    # Which needles each sentence holds, as a bit mask (bit i: needles[i]): a window's
    # needles are then the "or" of its sentences' and their number a bit count.
    hits: dict[int, int] = {}
    if prose.index.exhaustive:
        # Every needle's posting is followed: ``hits`` gets every hit there is.
        postings = prose.index.postings
        for i, needle in enumerate(needles):
            holders = postings.get(needle[:4])
            if not holders:
                continue
            bit, shorter = 1 << i, truncations(needle)
            for unit in holders:
                bag = bags[unit]
                if (
                    needle in bag.stems
                    or needle in bag.truncated
                    or not bag.stems.isdisjoint(shorter)
                ):
                    hits[unit] = hits.get(unit, 0) | bit
        firsts = sorted(hits)
    else:
        # Common needles were not followed. A window starting up to two sentences before a
        # sentence with a rare one is tried, and its sentences are read for every needle.
        reached = {
            unit
            for needle in needles
            for unit in prose.index.units(meet_key(needle))
            if bags[unit].has(needle)
        }
        firsts = sorted(
            {f for u in reached for f in range(max(0, u - _MAX_WINDOW_SENTENCES + 1), u + 1)}
        )
        by_key: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
        for i, needle in enumerate(needles):
            by_key[meet_key(needle)].append((1 << i, needle))
        needle_keys = frozenset(by_key)
        for unit in {u for f in firsts for u in range(f, f + _MAX_WINDOW_SENTENCES)}:
            # A needle whose key the sentence lacks cannot meet any of its stems, so only the
            # keys both hold (a set intersection) are read; a sentence with none has no hits.
            if unit < len(bags) and (common := prose.keys[unit] & needle_keys):
                bag = bags[unit]
                mask = 0
                for key in common:
                    for bit, needle in by_key[key]:
                        if bag.has(needle):
                            mask |= bit
                hits[unit] = mask
    # The best window so far by (needles held, -length); the first best one wins.
    best_count, best_extent, chosen, chosen_last = 0, 0, -1, -1
    starts, ends, paragraphs = prose.starts, prose.ends, prose.paragraphs
    for first in firsts:
        found = hits.get(first)
        if not found:
            continue
        paragraph, begin = paragraphs[first], starts[first]
        for last in range(first, min(len(bags), first + _MAX_WINDOW_SENTENCES)):
            if last != first:
                if paragraphs[last] != paragraph:
                    break
                found |= hits.get(last, 0)
            count, extent = found.bit_count(), begin - ends[last]
            if chosen < 0 or count > best_count or (count == best_count and extent > best_extent):
                best_count, best_extent, chosen = count, extent, first
                chosen_last = last
    if chosen < 0:
        return None
    start, end = starts[chosen], ends[chosen_last]
    return Resemblance(
        Span(prose.text[start:end], start, end), best_count / len(needles), best_count
    )


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


# A near copy said by the same speaker counts as this much of the words per word it keeps
# (three words, two kept: 0.6), enough to align on (it is then altered: one word changed).
_NEAR_COPY_WORD = 0.9


class _Pair(NamedTuple):
    """One scored (candidate, source) pair (a tuple: a long document scores thousands)."""

    words: float  # how much of the wording the two quotes share, 0..1
    score: float
    accepted: bool


def _pairs(
    candidate: _Profile[CandidateForm],
    sources: Sequence[_Profile[SourceForm]],
    rivals: Iterable[int],
) -> dict[int, _Pair]:
    """``candidate`` scored against each of the source quotes ``rivals``, by their index.

    Every signal an editor would use, weighted into one score:

    - words: how much of the wording the two quotes share. A candidate that fits the source
      (acceptable edits only) shares all of it; otherwise the Dice overlap of their stems,
      or, for a candidate quoting part of a long source quote (few of the source's words but
      most of its own), the share of the shorter side, surer the more words it counts.
    - setting: how alike the surroundings are: shared words, discounted when they are few.
      Two bare attributions ("Ruiz said.") share only the speaker's name, which the speaker
      signal already counts; a setting is alike when it shares several words.
    - nearness of the relative positions, and the speaker.

    (One loop over the rivals with the candidate's side read once: a long document scores
    thousands of pairs.)
    """
    form, bag, keys, words_held = (
        candidate.form,
        candidate.bag,
        candidate.keys,
        len(candidate.stems),
    )
    context, context_keys = candidate.context, candidate.context_keys
    context_stems, position, name = len(context.stems), candidate.position, candidate.speaker
    # ``fits`` needs every candidate word among the source's tokens: a subset test first.
    needs = form.needs if form.pieces else None
    short = words_held <= _SHORT_QUOTE_STEMS
    match = partial(_names_match, name)
    row = {}
    for si in rivals:
        source = sources[si]
        if needs is not None and needs <= source.form.keys and fits(form, source.form):
            words = 1.0
        elif not words_held or not source.stems or keys.isdisjoint(source.keys):
            words = 0.0
        else:
            shared, back = source.bag.mutual(bag)
            dice = (shared + back) / (words_held + len(source.stems))
            # (``x if n < 3 else 1.0`` is ``min(1.0, n / 3)`` without a call, per pair.)
            part = shared / words_held * (shared / 3 if shared < 3 else 1.0)
            whole = back / len(source.stems) * (back / 3 if back < 3 else 1.0)
            words = max(dice, 0.9 * part, 0.9 * whole)
        speaker = "unknown" if name is None or source.speaker is None else match(source.speaker)
        if speaker == "same" and words < 0.5 and (kept := near_copy(form, source.form)):
            words = max(words, _NEAR_COPY_WORD * kept / (kept + 1))
        if not words and not (speaker == "same" or (speaker == "unknown" and short)):
            # No shared words and a setting alone cannot carry it: never accepted, and no
            # better than no pair for any rival (its words are none).
            continue
        total = context_stems + len(source.context.stems)
        if total == 0 or context_keys.isdisjoint(source.context_keys):
            setting = 0.0
        else:
            shared, back = source.context.mutual(context)
            dice = (back + shared) / total
            setting = dice * (
                shared / _SETTING_FULL_WORDS if shared < _SETTING_FULL_WORDS else 1.0
            )
        nearness = max(0.0, 1.0 - 3.0 * abs(position - source.position))
        score = 0.6 * words + 0.3 * setting + 0.1 * nearness + _SPEAKER_BONUS[speaker]
        accepted = (
            words >= 0.5
            or (words >= 0.2 and setting >= 0.25 and speaker != "different")
            or (speaker == "same" and setting >= 0.4)
            or (speaker == "unknown" and setting >= 0.55 and short)
        )
        row[si] = _Pair(words, score, accepted and score > 0.0)
    return row


# --- which pairs to score ---------------------------------------------------------------

# In a long document a quote is also compared with the source quotes nearest its position
# (a paraphrase that shares no rare word still sits where its source sat).
_POSITION_NEIGHBOURS = 4


@dataclass(frozen=True, slots=True)
class _SourceIndex:
    """The source quotations by quoted words, words of their setting, tokens and position."""

    words: _Index  # meet keys of the quoted stems
    settings: _Index  # meet keys of the stems around the quote
    # Only a long document needs these (a short one tests every source quote directly):
    tokens: _Index | None  # every token, first letter folded (a fitting candidate needs them all)
    speakers: _Index | None  # the words of the speaker's name
    positions: tuple[float, ...]

    @classmethod
    def of(cls, sources: Sequence[_Profile[SourceForm]]) -> _SourceIndex:
        words = _Index.of([s.keys for s in sources])
        long = not words.exhaustive
        return cls(
            words,
            _Index.of([s.context_keys for s in sources]),
            _Index.of([s.form.keys for s in sources]) if long else None,
            _Index.of([_speaker_words(s.quote) for s in sources]) if long else None,
            tuple(s.position for s in sources),
        )


def _speaker_words(quote: Quote) -> tuple[str, ...]:
    return () if quote.speaker is None else _name_words(quote.speaker.name)


def _rivals(
    candidate: _Profile[CandidateForm], sources: Sequence[_Profile[SourceForm]], index: _SourceIndex
) -> list[int]:
    """The source quotes worth scoring against ``candidate``, in source order.

    ``_pairs`` accepts a pair only when the two quotes share a quoted word, or the candidate
    fits the source (then all its words are among the source's tokens), or their settings
    share two words or more and the speaker is the same (or unknown, for a short quote); a
    pair failing all three scores zero on words and is never accepted. Where every posting
    is followed (a short document) this is exactly the set of pairs that can matter, so
    skipping the rest changes nothing. In a long document, where common keys are not
    followed, any rare word of the setting, the speaker's name and the source quotes nearest
    in position stand in for the keys left out.
    """
    context_keys = map(meet_key, candidate.context.stems)
    needs = candidate.form.needs
    if index.tokens is None or index.speakers is None:
        # Every posting is followed: a key's units are its posting as it stands, and the
        # source quotes the candidate may fit are those holding all its words.
        words, settings = index.words.postings.get, index.settings.postings.get
        found = set(chain.from_iterable(map(words, candidate.keys, repeat(()))))
        context_units = chain.from_iterable(map(settings, context_keys, repeat(())))
        if needs:
            found.update(si for si, source in enumerate(sources) if needs <= source.form.keys)
        speakers = None
    else:
        found = set(chain.from_iterable(map(index.words.units, candidate.keys)))
        context_units = chain.from_iterable(map(index.settings.units, context_keys))
        if needs:
            # A source quote the candidate fits holds its rarest word. (Ties go to the first
            # in sorted order: the same rival set in every process.)
            rarest = min(sorted(needs), key=index.tokens.size)
            found.update(index.tokens.units(rarest))
        speakers = index.speakers
    # Stems, not keys: ``_pairs`` counts stems. (Counter counts in C: a long context's
    # stems each reach several source quotes.)
    shared = Counter(context_units)
    short = len(candidate.stems) <= _SHORT_QUOTE_STEMS
    if speakers is None:
        for unit, count in shared.items():
            if count >= 2 and unit not in found:
                speaker = _speakers_match(candidate.speaker, sources[unit].speaker)
                if speaker == "same" or (speaker == "unknown" and short):
                    found.add(unit)
    else:
        found.update(shared)
        for word in _speaker_words(candidate.quote):
            found.update(speakers.units(word))
        # The source quotes are in document order, so their positions are sorted.
        middle = bisect_left(index.positions, candidate.position)
        low, high = max(0, middle - _POSITION_NEIGHBOURS), middle + _POSITION_NEIGHBOURS
        found.update(range(low, min(len(index.positions), high)))
    return sorted(found)


# --- assignment -------------------------------------------------------------------------


def _assignment(edges: Sequence[Sequence[tuple[int, float]]], columns: int) -> list[int | None]:
    """The maximum-weight matching of rows to distinct columns on a sparse graph.

    ``edges[row]`` lists ``(column, weight)`` with weight > 0; a row may stay unmatched.
    This is the Hungarian method (shortest augmenting paths with potentials, as for a
    dense cost matrix with one zero-cost "unmatched" column per row), run with Dijkstra
    over the given edges only: each row explores just the columns its path can reach, so a
    sparse graph costs far less than the O(n³) dense method.
    """
    rows = len(edges)
    # Columns 0..columns-1 are real; column columns+row is that row's private "unmatched".
    owner: dict[int, int] = {}
    u = [0.0] * rows
    v: dict[int, float] = {}

    def reach(row: int) -> list[tuple[int, float]]:
        return [(j, -w) for j, w in edges[row]] + [(columns + row, 0.0)]

    for root in range(rows):
        if not edges[root]:
            continue  # only its own "unmatched" column: it stays unmatched, nothing moves
        # Potentials make every reduced cost from the root non-negative.
        u[root] = min(cost - v.get(j, 0.0) for j, cost in reach(root))
        dist: dict[int, float] = {}
        before: dict[int, int | None] = {}
        settled: dict[int, float] = {}
        heap: list[tuple[float, int]] = []
        row, base, via = root, 0.0, None
        while True:
            for j, cost in reach(row):
                d = base + cost - u[row] - v.get(j, 0.0)
                if j not in settled and d < dist.get(j, float("inf")):
                    dist[j], before[j] = d, via
                    heapq.heappush(heap, (d, j))
            # An expanded row's own "unmatched" column is free, so the heap never runs dry.
            base, column = heapq.heappop(heap)
            while column in settled or base > dist[column]:
                base, column = heapq.heappop(heap)
            settled[column] = base
            if column not in owner:
                break
            row, via = owner[column], column
        free, total = column, base
        for j, d in settled.items():
            if j != free:
                u[owner[j]] += total - d
                v[j] = v.get(j, 0.0) - (total - d)
        u[root] += total
        # Augment: every column on the path passes to the row that reached it.
        step: int | None = free
        while step is not None:
            previous = before[step]
            owner[step] = root if previous is None else owner[previous]
            step = previous
    assignment: list[int | None] = [None] * rows
    for j, row in owner.items():
        if j < columns:
            assignment[row] = j
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
    return align_prepared(
        prepare_source(source_doc, source_quotes),
        prepare_candidate(candidate_doc, candidate_quotes),
    )


def align_prepared(
    source: Prepared[SourceForm], candidate: Prepared[CandidateForm]
) -> tuple[Match, ...]:
    """``align`` on documents prepared once (``verdicts.judge_prepared`` reuses them)."""
    sources, candidates = source.profiles, candidate.profiles
    source_prose = source.prose
    index = _SourceIndex.of(sources)
    # Only scored pairs can be accepted; every other pair has no words in common.
    pairs: list[dict[int, _Pair]] = [
        _pairs(c, sources, _rivals(c, sources, index)) for c in candidates
    ]
    narration = [best_narration(c.stems, source_prose) for c in candidates]
    # The narration that explains each candidate's words, if any: a pair whose words it
    # explains far better has the narration as its likelier origin.
    explained = [told if told is not None and explains(told) else None for told in narration]
    # The pairs each candidate may align on, in the order scored: accepted, not beaten by
    # narration, and not far behind the words of the candidate's best pair.
    allowed: list[dict[int, _Pair]] = []
    for row, told in zip(pairs, explained, strict=True):
        best_words = max((pair.words for pair in row.values()), default=0.0)
        allowed.append(
            {
                si: pair
                for si, pair in row.items()
                if pair.accepted
                and (told is None or told.cover < pair.words + _NARRATION_MARGIN)
                and best_words < pair.words + _RIVAL_MARGIN
            }
        )

    # Phase one: the best one-to-one assignment (a candidate may stay unmatched).
    edges = [[(si, pair.score) for si, pair in row.items()] for row in allowed]
    assigned: dict[int, list[int]] = {
        ci: [column]
        for ci, column in enumerate(_assignment(edges, len(sources)))
        if column is not None
    }

    # Phase two: split quotes and words quoted twice reuse a source quote already taken.
    for ci, row in enumerate(allowed):
        if ci in assigned:
            continue
        options = [si for si, pair in row.items() if pair.words >= _REUSE_MIN_WORDS]
        if options:
            assigned[ci] = [max(options, key=lambda si: row[si].score)]

    _merge(sources, candidates, assigned)

    matches = []
    for ci, profile in enumerate(candidates):
        group = sorted(assigned.get(ci, []), key=lambda si: sources[si].quote.start)
        if group:
            primary = max(group, key=lambda si: (pairs[ci][si].words, pairs[ci][si].score))
            indices = tuple(sources[si].index for si in group)
            score = round(pairs[ci][primary].score, 4)
            matches.append(Match(profile.index, indices, sources[primary].index, score))
        else:
            told = explained[ci]
            evidence = None if told is None else told.span
            matches.append(Match(profile.index, (), None, 0.0, evidence))
    return tuple(matches)


def _merge(
    sources: Sequence[_Profile[SourceForm]],
    candidates: Sequence[_Profile[CandidateForm]],
    assigned: dict[int, list[int]],
) -> None:
    """Add to ``assigned`` each left-over source quote whose words fill the rest of a match.

    A merge needs the candidate to hold some of the source quote's words, so only the
    matched candidates sharing a word key with it are tried, in the order they were matched.
    """
    order = {ci: rank for rank, ci in enumerate(assigned)}
    matched = list(assigned)
    by_word = _Index.of([candidates[ci].keys for ci in matched])
    taken = {si for group in assigned.values() for si in group}
    for si, source in enumerate(sources):
        if si in taken or not source.stems:
            continue
        near = {matched[unit] for key in source.keys for unit in by_word.units(key)}
        best: tuple[float, int] | None = None
        for ci in sorted(near, key=order.__getitem__):
            group = assigned[ci]
            candidate = candidates[ci]
            if _speakers_match(candidate.speaker, source.speaker) == "different":
                continue
            explained = StemBag.of([st for g in group for st in sources[g].stems])
            rest = StemBag.of([st for st in candidate.stems if not explained.has(st)])
            found = rest.meets(source.bag)
            cover = found / len(source.stems)
            enough = cover >= _MERGE_MIN_COVER and found >= min(2, len(source.stems))
            if enough and (best is None or cover > best[0]):
                best = (cover, ci)
        if best is not None:
            assigned[best[1]].append(si)
            taken.add(si)
