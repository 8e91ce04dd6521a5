"""Verdicts stage: judge every candidate quotation against the source quote(s) it derives from.

The status follows the contract's rules: the wording decides intact or altered (see
``wording.acceptable``), the speaker decides whether it is also misattributed, and a quote
with no source quote is unsourced. Source quotations no candidate quote derives from are
dropped, with the candidate's unquoted text where their words survive as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from service.alignment import (
    Match,
    Prepared,
    best_narration,
    explains,
    prepare_candidate,
    prepare_source,
    speaker_match,
)
from service.document import Document
from service.models import Dropped, Quote, SpeakerMatch, Status, Verdict, Wording
from service.wording import CandidateForm, SourceForm, compare_forms, source_form_of

# Between the parts of one split quote stands only its attribution ("A," she said, "B."):
# one sentence at most, so a sentence end inside the gap (not after a title or an initial)
# means narration stands between them too.
_GAP_EDGES = "\"'“”‘’„‚«»‹›「」『』 \t,;:-–—"
_GAP_SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov|\p{Lu}))"
    r"[.!?]+[\"'”’»]?\s+\S"
)


def _attribution_between(earlier: Quote, later: Quote, start: int, end: int) -> bool:
    """Whether an attribution of either quote (its cue or speaker mention) lies in [start, end)."""
    spans = [
        span
        for quote in (earlier, later)
        for span in (quote.cue, None if quote.speaker is None else quote.speaker.mention)
        if span is not None and span.end > span.start
    ]
    return any(start <= span.start and span.end <= end for span in spans)


def split_quote(source: Prepared[SourceForm], indices: Sequence[int]) -> bool:
    """Whether the source quotes ``indices`` (in order) are the consecutive parts of one quote.

    Each part must follow the previous one directly in the source (no other quotation
    between), in the same paragraph, separated only by the attribution — ``"A," she said,
    "B."`` or ``"A," said Ruth Lee, the head librarian. "B."`` — or by nothing but
    punctuation, and both parts must be said by the same speaker. Words joined from quotes
    anywhere else (another paragraph, a sentence of narration between) were not said as one
    statement, so a candidate joining them is altered however faithful each piece is.
    """
    text = source.doc.text
    for earlier, later in pairwise(indices):
        if later != earlier + 1:
            return False
        first, second = source.quotes[earlier], source.quotes[later]
        if speaker_match(first, second) == "different":
            return False
        gap = text[first.end : second.start]
        if "\n" in gap:
            return False
        inner = gap.strip(_GAP_EDGES)
        if not inner:
            continue
        if not _attribution_between(first, second, first.end, second.start):
            return False
        if _GAP_SENTENCE_END.search(inner):
            return False
    return True


def _status(words_kept: bool, speaker: SpeakerMatch) -> Status:
    if speaker == "different":
        return "misattributed" if words_kept else "altered_misattributed"
    return "intact" if words_kept else "altered"


def _verdict(
    index: int,
    match: Match | None,
    source: Prepared[SourceForm],
    candidate: Prepared[CandidateForm],
) -> Verdict:
    quote = candidate.quotes[index]
    if match is None or not match.sources or match.primary is None:
        evidence = None if match is None else match.evidence
        return Verdict(
            quote.id, "unsourced", quote, None, Wording(0.0, ()), "unknown", None, evidence
        )
    origin = source.quotes[match.primary]
    mine = candidate.by_quote[index]
    if len(match.sources) == 1:
        origin_form = source.by_quote[match.sources[0]].form
    else:  # a merge: the source quotes are compared as one, in source order
        origin_form = source_form_of([source.by_quote[i].tokens for i in match.sources])
    one_statement = len(match.sources) == 1 or split_quote(source, match.sources)
    comparison = compare_forms(mine.tokens, mine.form, origin_form, one_statement=one_statement)
    speaker = speaker_match(quote, origin)
    status = _status(comparison.acceptable, speaker)
    return Verdict(
        quote.id, status, quote, origin, comparison.wording, speaker, comparison.severity
    )


def judge(
    source_doc: Document,
    source_quotes: Sequence[Quote],
    candidate_doc: Document,
    candidate_quotes: Sequence[Quote],
    matches: Sequence[Match],
) -> tuple[tuple[Verdict, ...], tuple[Dropped, ...]]:
    """One verdict per candidate quotation, in candidate order, and the dropped source quotes.

    Headings in quotation marks are not statements of anyone: neither judged nor dropped.
    """
    return judge_prepared(
        prepare_source(source_doc, source_quotes),
        prepare_candidate(candidate_doc, candidate_quotes),
        matches,
    )


def judge_prepared(
    source: Prepared[SourceForm], candidate: Prepared[CandidateForm], matches: Sequence[Match]
) -> tuple[tuple[Verdict, ...], tuple[Dropped, ...]]:
    """``judge`` on the documents ``alignment.align_prepared`` prepared (tokenised once)."""
    by_candidate = {match.candidate: match for match in matches}
    verdicts = tuple(
        _verdict(profile.index, by_candidate.get(profile.index), source, candidate)
        for profile in candidate.profiles
    )
    used = {index for match in matches for index in match.sources}
    dropped = []
    for profile in source.profiles:
        if profile.index in used:
            continue
        survives = best_narration(profile.stems, candidate.prose)
        evidence = survives.span if survives is not None and explains(survives) else None
        dropped.append(Dropped(profile.quote, evidence))
    return verdicts, tuple(dropped)
