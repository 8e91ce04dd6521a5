"""Verdicts stage: judge every candidate quotation against the source quote(s) it derives from.

The status follows the contract's rules: the wording decides intact or altered (see
``wording.acceptable``), the speaker decides whether it is also misattributed, and a quote
with no source quote is unsourced. Source quotations no candidate quote derives from are
dropped, with the candidate's unquoted text where their words survive as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.alignment import Match, best_narration, explains, prose, speaker_match
from service.document import Document
from service.models import Dropped, Quote, SpeakerMatch, Status, Verdict, Wording
from service.wording import compare, stems


def _status(words_kept: bool, speaker: SpeakerMatch) -> Status:
    if speaker == "different":
        return "misattributed" if words_kept else "altered_misattributed"
    return "intact" if words_kept else "altered"


def _verdict(quote: Quote, match: Match | None, source_quotes: Sequence[Quote]) -> Verdict:
    if match is None or not match.sources or match.primary is None:
        evidence = None if match is None else match.evidence
        return Verdict(
            quote.id, "unsourced", quote, None, Wording(0.0, ()), "unknown", None, evidence
        )
    origin = source_quotes[match.primary]
    comparison = compare(quote.text, [source_quotes[i].text for i in match.sources])
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
    by_candidate = {match.candidate: match for match in matches}
    verdicts = tuple(
        _verdict(quote, by_candidate.get(index), source_quotes)
        for index, quote in enumerate(candidate_quotes)
        if quote.kind == "quotation"
    )
    used = {index for match in matches for index in match.sources}
    candidate_prose = prose(candidate_doc, candidate_quotes)
    dropped = []
    for index, quote in enumerate(source_quotes):
        if quote.kind != "quotation" or index in used:
            continue
        survives = best_narration(tuple(dict.fromkeys(stems(quote.text))), candidate_prose)
        evidence = survives.span if survives is not None and explains(survives) else None
        dropped.append(Dropped(quote, evidence))
    return verdicts, tuple(dropped)
