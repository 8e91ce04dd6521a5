"""Speakers stage: who said each quotation, and the canonical form of their name.

The rules run on a *masked* copy of the text in which every quotation (marks included) is
replaced by private-use characters of the same length: offsets stay exact, and nothing inside
a quote ("I said no") can be mistaken for an attribution outside it.

1. Every reporting cue (the editable list in ``data/reporting_verbs.txt``) outside quotes is an
   *attribution event*, with the noun phrase before it (its subject: a name, with titles and
   appositives on either side; a pronoun; "the ministry") and, for "according to" and the
   inverted order ("…,” said Jane Doe), the noun phrase after it.
2. A quotation takes, in order of preference: an event right after it (nothing but a comma
   between: "“…,” Turk said", "“…,” said Montse Ferrer", "“…” — Jane Doe"); the last event
   before it in its sentence ("X said:", "X said that “…”", partial quotes woven into a
   sentence, "according to X"); the first event after it in its sentence; the speaker of the
   previous (or, for the first, the next) quote of its paragraph (split quotes); for a
   paragraph that opens with a quote, a colon lead-in ending the previous paragraph or the
   speaker of the previous paragraph's last quote (multi-paragraph convention).
3. Pronouns resolve to the last *speaker* before them (a person for he/she), not merely the
   last capitalised word, because news text names places and organisations between a
   speaker and their next quote. Names resolve to the fullest form the document uses.
4. Quotes in a headline (a short first paragraph without final punctuation, or an HTML
   heading) and quote-only paragraphs without final punctuation (section headings, titles)
   are ``kind="heading"`` with no speaker: nobody said them.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from service import language, lexicon, speakers_german
from service.document import Document
from service.models import Quote, QuoteKind, Span, Speaker
from service.quotes import QuoteSpan

_MASK = "\ue000"
_CUE_WORDS = lexicon.alternation(lexicon.REPORTING_VERBS - lexicon.SPEAKER_AFTER_CUES)
_CUE = regex.compile(
    rf"(?<![\w’'-])(?:(?P<verb>{_CUE_WORDS})|(?P<after>[Aa]ccording\s+to))(?![\w’'-])"
)
#: Every cue starts with one of these words, so the cue scan runs only where they stand.
_CUE_FIRST_WORDS = frozenset(
    {lexicon.leading_ascii_word(verb) for verb in lexicon.REPORTING_VERBS}
    | {"according", "According"}
)

#: Sentence-initial words that never start or continue a name ("After", "Then", "In").
_NON_NAME = (
    # A trie, not a list: this lookahead opens every name pattern, tried at each capital.
    "(?!(?:" + lexicon.alternation(frozenset(word.capitalize() for word
                                             in lexicon.NON_NAME_WORDS | lexicon.NUMBER_WORDS))
    # A capitalised "-ly" word before a comma opens a sentence as an adverb ("Conversely,"),
    # not after a lower-case word: "said Skelly, explaining", "and Kelly, who" are names.
    + r")(?![\p{L}\p{M}.’'\-])|(?<!\p{Ll}[ \t])\p{Lu}\p{Ll}+ly,)"
)
#: Abbreviations that end with their full stop inside a name ("Gov.", "Jr.", "Corp.").
_NAME_ABBREVIATIONS = lexicon.alternation(frozenset(
    word.capitalize()
    for word in lexicon.TITLES | lexicon.NAME_SUFFIXES | lexicon.COMPANY_SUFFIXES
    if word.endswith(".")
))
#: A capitalised word. A full stop belongs to it only when it is a known abbreviation or
#: initials ("Gov.", "J.", "U.S."): "Trump. As Politico" and "the Middle East. Trump" are two
#: sentences, not one name, however short the word before the stop.
_CAP_WORD = (
    rf"(?:{_NAME_ABBREVIATIONS}(?![\p{{L}}\p{{M}}])"
    r"|\p{Lu}\.(?:\p{Lu}\.)*(?![\p{L}\p{M}])"
    r"|\p{Lu}[\p{L}\p{M}’'\-]*)"
)
_TOKEN = rf"(?:{_CAP_WORD}|\d+(?:st|nd|rd|th)?)"
_CONNECTOR = "(?:of|for|the|" + lexicon.alternation(lexicon.NAME_PARTICLES) + ")"
#: Spaces inside a name: any newline ends a paragraph (see ``document``), and no name runs on
#: from a headline or a sign-off into the next paragraph ("… Poll\n\nGlenn Beck").
_INLINE_SPACE = r"[^\S\n]+"
_NAME_SEQ = rf"{_NON_NAME}{_CAP_WORD}(?:(?:{_INLINE_SPACE}{_CONNECTOR})*{_INLINE_SPACE}{_TOKEN})*"
_PRONOUN = r"(?:he|she|they|we|I|it|who|He|She|They|We|It|Who)"
_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]ne|[Tt]wo|"
    r"[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther|[Aa]nother|[Mm]ost|[Aa]ll|[Bb]oth)"
)
_STOP = (
    r"(?:in|on|at|to|for|with|by|from|after|before|during|when|while|that|who|which|and|or|"
    r"but|is|was|were|are|has|have|had|will|would|also|as|than|then|if|because|said|says|"
    r"what|whom|whose|how|why|where|it|he|she|they|we|i|you|this|that|these|those|there|"
    r"here|not|no|so|just|even|only|been|be|being|do|does|did|can|could|should|may|might|"
    r"now|up|out|about|over|off|down)"
)
#: The same words as a trie: the lookahead ``(?!{_STOP}\b)`` is tried at nearly every word
#: the subject patterns consider, and a trie reads each character once instead of trying
#: every word in turn.
_STOP = "(?:" + lexicon.alternation(frozenset(_STOP[3:-1].split("|"))) + ")"
#: "-ly" adverbs ("boldly suggested", "said matter-of-factly"), not the nouns spelled alike.
_LY_ADVERB = (
    r"(?!(?:family|assembly|ally|supply|rally|anomaly|monopoly|bully|reply|belly|fly)\b)"
    r"\p{Ll}[\p{Ll}\-]+ly\b"
)
_STOP_WORD = regex.compile(_STOP)
#: Compiled here: ``regex.fullmatch`` with a pattern string looks it up in the module's cache
#: on every call, which costs more than the match.
_DETERMINER_WORD = regex.compile(_DETERMINER)
_PRONOUN_WORD = regex.compile(_PRONOUN)
_COMMON_NP = rf"{_DETERMINER}(?:\s+(?!{_STOP}\b)[\p{{L}}\d’'\-]+){{1,4}}"
_BARE_NP = (
    rf"(?<![\p{{L}}’'\-])(?!{_STOP}\b|{_DETERMINER}\b|{_LY_ADVERB})\p{{Ll}}[\p{{L}}’'\-]+"
    rf"(?:\s+(?!{_STOP}\b|{_LY_ADVERB})\p{{Ll}}[\p{{L}}’'\-]+)?"
)
_AUX = (
    # "I didn’t say", "They don’t argue": a negated auxiliary is no subject.
    r"(?:(?:did|do|does|would|could|wo|ca|should|has|have|had|is|are|was|were)n[’']t|"
    r"cannot|has|have|had|also|later|then|once|previously|repeatedly|recently|further|again|"
    r"simply|just|will|would|could|may|might|did|does|do|is|was|were|are|been|being|"
    r"reportedly|publicly|privately|bluntly|flatly|quickly|finally|often|never|always|even|"
    # "who has on several occasions called": a time phrase between auxiliary and verb
    # (_TIME_TAIL takes "in the past", "in recent weeks" after a subject or auxiliary).
    r"on\s+(?:several|many|multiple|numerous)\s+occasions|"
    r"still|only|not|already|subsequently|separately|angrily|once\s+again|went\s+on\s+to|"
    # "Doe however said": a sentence adverb between subject and cue is no subject.
    r"however|meanwhile|though|too|instead|nonetheless|nevertheless|"
    # "a reporter can be heard asking": perception in the passive, the subject still speaks.
    r"(?:can|could|will|would|may|might)\s+be\s+(?:heard|seen)|(?:is|was|are|were)\s+heard|"
    rf"has\s+since|told\s+\w+|wrote|tweeted|now|{_LY_ADVERB})"
)

#: The subject right before a cue: optional parenthetical and auxiliaries are skipped first.
_SUBJECT_TAIL = regex.compile(
    # Matched right to left ((?r)): the phrase nearest the cue wins, in alternation order.
    # Tail patterns (this one, _APPOSITIVE_TAIL, _COORDINATED_HEAD) are run with ``match``,
    # which anchors a reversed pattern at the end of the text: their ``$`` allows no other
    # end (a match before a final newline would extend over it by the trailing \s), so a
    # search would try every other position only to fail there.
    rf"(?r)(?:(?P<pronoun>\b{_PRONOUN})|(?P<name>{_NAME_SEQ})|(?P<common>\b{_COMMON_NP})|(?P<bare>{_BARE_NP}))"
    rf"(?P<tail>(?:\s*\([^()\n]{{0,40}}\))?(?:\s+{_AUX})*\s*)$"
)
_APPOSITIVE_TAIL = regex.compile(
    # The appositive may quote a title or slogan ("Ann Lee, the author of “Going Viral,” a
    # book about rumours, said"): masked, its comma is no boundary. It may run to two lines
    # of print ("Doe, the front-runner … after winning the primary by a wide margin, said").
    rf"(?r)(?P<x>[^,\n{_MASK}]*[^,\s{_MASK}])\s*,\s*(?P<y>[^,\n]{{1,200}}?)\s*,(?:\s+{_AUX})*\s*$"
)
#: A name alone, perhaps with its party and state: "Gov. Tom Reed (R-Ohio)".
_NAME_ONLY = regex.compile(rf"\s*(?P<name>{_NAME_SEQ})\s*(?:\([^()\n]{{0,40}}\)\s*)?")
_NP_AFTER = regex.compile(
    rf"\s+(?:(?P<pronoun>{_PRONOUN})\b|(?P<name>{_NAME_SEQ})|(?P<common>{_COMMON_NP})|(?P<bare>{_BARE_NP}))"
)
#: After "according to": the phrase up to the next clause boundary; its last name is the source.
_AFTER_PHRASE = regex.compile(
    rf"\s+(?P<phrase>[^,.;:\n{_MASK}]{{1,160}}?)"
    rf"(?=\s*(?:[,.;:\n{_MASK}]|\bwho\b|\bwhich\b|\bthat\b|$))"
)
#: Every name opens with a capital (each of ``_CAP_WORD``'s branches does): testing that
#: first lets a scan pass other characters before the non-name lookahead runs.
_NAME_IN_PHRASE = regex.compile(rf"(?=\p{{Lu}}){_NAME_SEQ}")
_LEADING_DETERMINER = regex.compile(rf"^{_DETERMINER}\s+")
_SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|No|Vol|Jan|Feb|"
    r"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|U\.S|U\.N|U\.K|\p{Lu}))"
    r"[.!?]+[\"”’')\]]*(?=\s+\P{Ll})"
)
#: What ties a cue to the subject of its clause rather than to the noun right before it.
#: A preposition right before a noun phrase makes it an object, never the subject of a cue.
_PREPOSITIONS = ("in", "on", "at", "of", "for", "with", "from", "through", "into", "about",
                 "over", "under", "against", "toward", "towards", "among", "between", "across",
                 "around", "during", "without", "within", "like", "to")
_PREPOSITION_TAIL = regex.compile(rf"\b(?P<word>{'|'.join(_PREPOSITIONS)})\s+$")
_CLAUSE_LINK_WORDS = ("and", "but", "by", "then", r"and\s+then", "while", "before", "after")
_LINK_ADVERBS = ("now", "also", "then", "later", "still")
_CLAUSE_LINK = regex.compile(
    rf"(?:,|\b(?:{'|'.join(_CLAUSE_LINK_WORDS)}))"
    rf"(?:\s+(?:{'|'.join(_LINK_ADVERBS)}|{_LY_ADVERB}))*\s*$"
)
#: "WASHINGTON —", "Paris (AFP) –": a dateline before the first sentence's subject.
_DATELINE = regex.compile(
    r"\s*(?:\p{Lu}{2,}[\p{Lu}\s,.]*(?:\([^()\n]{1,20}\))?|[\p{L}\s,.]{1,40}\(\p{Lu}\p{L}{1,12}\))"
    r"\s*(?:[—–―]|--|-)\s*"
)


def _capitalised_alternation(words: Iterable[str]) -> str:
    """The words as they open a sentence, longest first so that no prefix wins early."""
    return "|".join(sorted((word.capitalize() for word in words),
                           key=lambda word: (-len(word), word)))


#: An opening adverbial phrase: a preposition or conjunction, or a participle ("Speaking at",
#: "Asked about").
_INTRO_WORDS = lexicon.NON_NAME_WORDS - {
    # These begin noun phrases (a subject), not adverbial phrases.
    "a", "an", "the", "this", "that", "these", "those", "their", "its", "it", "both", "who",
    "which", "there",
}
_INTRO = regex.compile(
    r"\s*(?:(?:" + _capitalised_alternation(_INTRO_WORDS)
    + r")\b|(?P<participle>\p{Lu}\p{Ll}+(?:ing|ed))\b)"
)
#: "Eight years ago,", "Two days later,", "A few weeks earlier,": a time phrase opening the
#: sentence, set off by a comma; the subject follows it.
_TIME_OPENER = regex.compile(
    r"\s*(?:[\p{L}\d]+[ \t]+){1,2}(?:hours?|days?|weeks?|months?|years?|decades?)"
    r"[ \t]+(?:ago|later|earlier|before|after)\s*$"
)
_SEGMENT_SUBJECT = regex.compile(
    rf"\s*(?:(?P<pronoun>(?:He|She|They|We|I)\b)|(?P<name>{_NAME_SEQ})|(?P<common>{_COMMON_NP}))"
)
#: After an opening phrase and its comma the subject is in lower case ("In 2010, he warned").
_INNER_SUBJECT = regex.compile(
    rf"\s*(?:(?P<pronoun>(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b)|(?P<name>{_NAME_SEQ})"
    rf"|(?P<common>{_COMMON_NP}))"
)
#: A sentence adverb or conjunction opens a clause without taking an object, so the subject
#: follows it directly ("Then he cut into Roe, calling him …"), unlike "After Doe spoke, …".
_SENTENCE_ADVERB = regex.compile(
    r"\s*(?:(?:" + _capitalised_alternation(lexicon.SENTENCE_ADVERBS)
    + r")|\p{Lu}\p{Ll}+ly)"
    # "And then Doe went on the attack, saying …": they chain, the subject after them all.
    + r"(?:\s+(?:" + lexicon.alternation(lexicon.SENTENCE_ADVERBS) + r")\b)*\s+(?=\S)"
)
#: "Her son, Tom Reed, runs …": a name between commas right after a common noun phrase is
#: the noun phrase's apposition, so the sentence's subject.
_APPOSED_NAME = regex.compile(
    rf"(?:[ \t]+\p{{Ll}}[\p{{L}}\-]*){{0,3}},[ \t]+(?P<name>{_NAME_SEQ}),[ \t]+\p{{Ll}}")
#: Words that open a noun phrase, the subject, however rarely the text capitalises them.
_QUANTIFIERS = lexicon.NUMBER_WORDS | {"hundreds", "thousands", "dozens", "millions", "scores",
                                       "each", "every", "few", "none", "neither", "either"}
_DETERMINER_WORD = regex.compile(_DETERMINER)
#: A capitalised possessive determiner the name rules take for a name ("Her son, …").
_POSSESSIVES = frozenset({"His", "Her", "Their", "Its", "Our", "My", "Your"})
_CLAUSE_BREAK = regex.compile(r"(?:,|;)\s+(?:but|and|while|whereas|yet)\s+")
_GENDERED = regex.compile(r"\b(?:he|she|his|her|hers|him|himself|herself)\b", regex.IGNORECASE)
#: Words that join phrases and so never stand in a role before a name ("Doe of the Acme").
_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "from", "with", "at", "to",
                             "by", "on", "in", "into", "as", "than", "like"})
#: Role words before a name: "hospital director Jane Doe", "the Acme economist Jane Doe".
_TITLED = (
    rf"\s*(?:{_DETERMINER}\s+)?(?P<lead>(?:(?:{_NAME_SEQ}|(?!{_STOP}\b)\p{{Ll}}[\p{{L}}\-]*"
    rf"(?:['’]s)?)\s+){{0,3}}?"
    rf"(?!{_STOP}\b)\p{{Ll}}[\p{{L}}\-]*)"
)
_TITLED_NAME = regex.compile(rf"{_TITLED}\s+(?P<name>{_NAME_SEQ})")
#: After an inverted cue the role may take a comma before the name: "said Acme's managing
#: director, Jane Doe".
_TITLED_NAME_AFTER = regex.compile(rf"{_TITLED}(?:\s*,)?\s+(?P<name>{_NAME_SEQ})")
#: What follows a subject: its verb (lower case), perhaps after a parenthesis ("(R-Iowa)").
#: Finite auxiliaries: after a noun phrase they make it a clause's subject. Past forms such
#: as "involved" or "held" are left out: they as often start a participle phrase ("said one
#: aide involved in the talks").
_FINITE_AUXILIARIES = frozenset({"am", "is", "are", "was", "were", "has", "have", "had", "will",
                                 "would", "can", "could", "may", "might", "must", "shall",
                                 "should", "does", "did"})
#: The word right after a phrase, on the same line.
_NEXT_WORD = regex.compile(r"[ \t]+(?P<word>\p{Ll}+)\b")
_PREDICATE = regex.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?\p{Ll}")
#: "“…,” she elaborated, “…”", "“…!” beamed Ann Lee.": right after a quote that the sentence
#: continues, a subject and a lone past or present verb closed by punctuation attribute the
#: quote whatever the verb, so the reporting-verb list need not be complete.
_UNLISTED_CUE = regex.compile(
    rf"[ \t]*(?:(?:(?P<pronoun>(?:he|she|they|we|I)\b)|(?P<name>{_NAME_SEQ})"
    rf"|(?P<common>{_COMMON_NP}))"
    rf"[ \t]+(?:{_LY_ADVERB}[ \t]+)?(?P<verb>\p{{Ll}}{{2,}}(?:ed|s))"
    rf"|(?P<inverted>\p{{Ll}}{{2,}}ed)[ \t]+(?P<after>{_NAME_SEQ}))(?=[ \t]*[,.;:!?(]|[ \t]*$)"
)
#: Between a cue and the subject of the clause it reports: nothing, or words ending in "that"
#: ("said she", "told ABC that he", "said, however, that she").
_COMPLEMENT_GAP = regex.compile(r"[\s,]*(?:[^\n]*\bthat[\s,]*)?$")
#: ... or, for a named subject, an object clause in it ("Lee said the council ignored what
#: she called …", "Roe attacked Doe, whom he called …"); not a coordinated clause (", and he
#: accused …") or a relative clause about a thing (", which he added …").
_OBJECT_CLAUSE_GAP = regex.compile(
    r"[\s,]*(?:[^\n]*\b(?:that|what|whom)[\s,]*"
    # "told reporters he …", "assured his audience he …": a short object, then the clause.
    # Not an adverbial clause either ("Doe said, after Roe said …": Roe speaks for himself).
    r"|(?:(?!(?:and|but|or|nor|yet|so|while|when|because|as|where|which|if|after|before|"
    r"until|since|though|although|unless)\b)"
    r"[\p{L}’'.\-]+\s+){1,3})?$"
)
#: "Jane Doe of Leeds Fire and Rescue Service": the part of a name chain before an "and".
_COORDINATED_HEAD = regex.compile(
    rf"(?r)(?<![\p{{L}}\p{{M}}’'\-])(?P<head>{_NAME_SEQ})\s+(?:and|&)\s+$"
)
_AUXILIARIES = ("was", "were", "is", "are", "been", "being", "be")
_PASSIVE_ADVERBS = ("not", "also")
_OF_LINK = regex.compile(r"\s(?:of|for|at)\s")
_GIVEN_NAMES = lexicon.FEMALE_NAMES | lexicon.MALE_NAMES
#: "the company", "the city council": a definite description whose head may stand for an
#: organisation the text names.
_ORG_DESCRIPTION = regex.compile(
    rf"[Tt]he\s+(?:[\p{{Ll}}\-]+\s+){{0,2}}(?P<noun>{lexicon.alternation(lexicon.ORG_NOUNS)})$"
)
#: "ride-hailing company Acme Mobility", "Developer Acme Homes": a name introduced by its kind.
_INTRODUCED_ORG = regex.compile(
    rf"(?<![\p{{L}}\-])(?P<noun>(?i:{lexicon.alternation(lexicon.ORG_NOUNS)}))\s+"
    rf"(?P<name>{_NAME_SEQ})"
)
#: A preposition of place right before a name makes it a place ("a strike near Glen Ard"),
#: "of the" an institution ("Jane Doe, of the Acme Museum,"): neither is a person's antecedent.
_LOCATIVE_TAIL = regex.compile(
    r"\b(?:in|near|at|outside|inside|into|across|around|throughout|towards?|via|of\s+the)\s+$"
)
_PASSIVE_TAIL = regex.compile(
    rf"\b(?:{'|'.join(_AUXILIARIES)})\s+(?:(?:{'|'.join(_PASSIVE_ADVERBS)}|{_LY_ADVERB})\s+)*$"
)
#: The agent of a passive cue: "was asked by moderator Tom Reed whether …", "has been called
#: “…” by Jane Roe", "labeled as a “…” by critics". Between the cue and "by" only the quoted
#: complement, its article or "as", and adverbs: in "was reported in a “hit piece” by the
#: Times" or "called a liar by rivals for “…”" the quote is no words of the agent's.
_AGENT_GAP_WORDS = ("a", "an", "the", "as", "once", "often", "also", "first", "again",
                    "repeatedly", "widely")
_PASSIVE_AGENT = regex.compile(
    rf"(?P<gap>(?:[ \t]*,?[ \t]+(?:{_MASK}+\.?|(?:{'|'.join(_AGENT_GAP_WORDS)}|{_LY_ADVERB})\b)"
    rf"){{0,5}}?)[ \t]*,?[ \t]+by(?=\s)"
)
#: Cues whose reduced passive names its agent before any quote ("Asked by Tom Reed whether
#: …", "Lee, told by aides that …"): the asker's or teller's words follow.
_AGENT_FIRST_CUES = frozenset({"asked", "told", "questioned", "pressed"})
_DASHES = "—–―-"
#: A speaker label: a name (and a parenthesis) before a colon, first in its sentence or after
#: a dash, run right to left from the quote's opening mark.
_LABEL = regex.compile(
    rf"(?r)(?:^|(?<=[\s{_MASK}](?:[—–―]|--|-)))\s*"
    # "Former secretary of state Ann Lee:": a role in lower case before the name (checked
    # word by word against the titles); "More from Lee:", "From Acme:": a source named as
    # where the words come from; "Ann Lee and Tom Reed:": two authors of one text.
    rf"(?:(?:More[ \t]+)?[Ff]rom[ \t]+"
    rf"|(?P<role>\p{{Lu}}[\p{{Ll}}\-]*(?:[ \t]+\p{{Ll}}[\p{{Ll}}\-]*){{1,4}})[ \t]+)?"
    rf"(?P<name>(?:{_NAME_SEQ}[ \t]+(?:and|&)[ \t]+)?{_NAME_SEQ})"
    rf"(?:\s*\([^()\n]{{0,40}}\))?\s*:\s*$"
)
#: Lower-case words a role before a label's name may hold besides titles ("Former secretary
#: of state", "Deputy head of the agency").
_ROLE_LINKS = frozenset({"of", "the", "for", "and", "state", "foreign", "defense", "defence",
                         "interior", "health", "finance", "justice", "campaign", "party"})
#: ", in Columbus, Ohio," ", speaking in Leeds," between a subject and its cue, matched
#: right to left from the cue.
_PLACE_ASIDE = regex.compile(
    r"(?r),[ \t]+(?:(?:(?:speaking|appearing|campaigning)[ \t]+)?(?:in|at|from|near|outside)"
    rf"[ \t]+\p{{Lu}}"
    # ", during a town hall in Columbus, Ohio,", ", in an interview with CNN,", ", speaking
    # to reporters,": an occasion, which says nothing either.
    r"|(?:during|at|in|after|before|on|while|speaking|talking|appearing)[ \t]+"
    r"(?:to[ \t]+)?(?:an?|the|his|her|their|its|reporters|journalists)\b"
    rf")[^,\n{_MASK}]{{0,60}}(?:,[ \t]+\p{{Lu}}[^,\n{_MASK}]{{0,30}})?,"
    rf"(?:[ \t]+{_AUX})*[ \t]*$"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_PARTS_OF_DAY = "morning|afternoon|evening|night"
#: Words that make "by …" a time, a means or a measure, not the one who spoke ("by Friday",
#: "by phone", "by a wide margin", "by any measure").
_NOT_AGENT_WORDS = frozenset({
    "any", "far", "phone", "telephone", "email", "e-mail", "mail", "text", "video", "hand",
    "then", "now", "default", "design", "chance", "accident", "law", "contrast", "comparison",
    "nature", "definition", "end", "time", "way", "margin", "measure", "measures", "standard",
    "standards", "point", "points", "percent", "votes", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "morning", "night", "evening", "afternoon",
    "noon", "midnight", "today", "tonight", "tomorrow", "yesterday", "name", "letter",
    *(word.lower() for word in _WEEKDAYS.split("|")),
    *(word.lower().rstrip("\\.") for word in _MONTHS.split("|")),
})
#: A time phrase right before the cue ("Ann Lee last week said", "The ministry less than two
#: weeks ago said", "Lee on Tuesday night warned"): it dates the words, it never says them.
_TIME_TAIL = regex.compile(
    r"(?r)[ \t]+(?:"
    r"(?:(?:late|early|earlier|later)[ \t]+)?(?:last|this|next|that)[ \t]+"
    rf"(?:week|weekend|month|year|spring|summer|fall|autumn|winter|{_PARTS_OF_DAY}|{_WEEKDAYS})"
    r"|(?:(?:less|more)[ \t]+than[ \t]+|about[ \t]+|nearly[ \t]+|just[ \t]+)?"
    r"(?:\w+|a[ \t]+few)[ \t]+(?:hours?|days?|weeks?|months?|years?)[ \t]+ago"
    r"|(?:on[ \t]+)?(?:yesterday|today|tonight|" + _WEEKDAYS + r")"
    rf"(?:[ \t]+(?:{_PARTS_OF_DAY}))?"
    rf"|(?:on|in)[ \t]+(?:{_MONTHS})(?:[ \t]+\d{{1,2}})?(?:,?[ \t]+\d{{4}})?"
    # "who in 2010 said", "who has in the past described", "she at the time called": after
    # a subject or an auxiliary only ("comments Doe made in 2006 saying" dates the comments).
    r"|(?<=\b(?:who|has|have|had|he|she|they|we)[ \t]+)"
    r"(?:in[ \t]+(?:\d{4}|the[ \t]+past|recent[ \t]+(?:days|weeks|months|years))"
    r"|at[ \t]+the[ \t]+time)"
    r")[ \t]*$"
)
#: Between a cue and the quote it takes as its object: nothing, or a reported clause.
#: (A dash opens an aside: "Doe suggested that it was unserious - “…,” she said - and …".)
_DOUBLE_CUE_GAP = regex.compile(r"[ \t]*(?:that\b(?:[^\n:;\ue000—–―-]|-(?!\s))*)?$")
#: A negation right before a cue ("didn’t suggest", "never said"): the cue denies saying.
_NEGATION_TAIL = regex.compile(r"(?:n[’']t|\bnot|\bnever)\s+$")
_PARTICIPLE_END = regex.compile(r"(?r)\b\p{Ll}+ed[ \t]*$")
_TIME_ENDINGS = ("week", "weekend", "month", "year", "spring", "summer", "fall", "autumn",
                 "winter", "morning", "afternoon", "evening", "night", "ago", "yesterday",
                 "today", "tonight", "day", "ary", "rch", "ril", "May", "une", "uly", "ust",
                 "ber", ".", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "past", "time",
                 "days", "weeks", "months", "years")
#: " — a teacher from Dover — " between a subject and its cue: an appositive set off by
#: dashes, read as one set off by commas; like one set off by commas, it may be long.
_DASH_ASIDE = regex.compile(
    rf"(?r)[ \t]+[—–―][ \t]*[^—–―,\n{_MASK}]{{1,160}}?[ \t]*[—–―](?:[ \t]+{_AUX})*[ \t]*$"
)
_DASH_ATTRIBUTION = regex.compile(rf"\s*(?:[—–―]|--|-(?=\s))\s*(?P<name>{_NAME_SEQ})")
#: A noun of saying ("claim", "call", "pledge"; ``data/reporting_nouns.txt``) ...
_REPORTING_NOUN = regex.compile(
    rf"(?<![\p{{L}}’'\-])(?:{lexicon.alternation(lexicon.REPORTING_NOUNS)})(?![\p{{L}}’'\-])"
)
_REPORTING_NOUN_FIRST_WORDS = frozenset(lexicon.leading_ascii_word(noun)
                                        for noun in lexicon.REPORTING_NOUNS)
#: ... and its possessive owner right before it, perhaps past a few modifiers ("Doe's recent
#: assertion", "her repeated calls"), matched right to left from the noun. No determiner
#: between: in "gave her a message" the message is not hers.
_NOUN_OWNER_TAIL = regex.compile(
    # Not "its": a thing's "claim" is its author's, whom "its" does not name.
    rf"(?r)(?:(?P<pronoun>\b(?:[Hh]is|[Hh]er|[Tt]heir))|(?P<name>{_NAME_SEQ})(?<=[’']s|s[’']))"
    # Modifiers only: a preposition between ("accused her of making remarks") ends the
    # owner's phrase.
    rf"(?:[ \t]+(?!{_STOP}\b|{_DETERMINER}\b|(?:of|into|like|against|toward)\b)"
    rf"\p{{Ll}}[\p{{L}}\-]*,?){{0,3}}[ \t]+$"
)
#: Words between a noun of saying and the quote that make the quote something said *of*
#: the noun, not in it: a predicate ("Doe's claim is “false”"), a framing ("described
#: Doe's remark as “…”") or an aside set off by a dash.
_NOUN_PREDICATE = regex.compile(
    r"^[\s,]*(?:(?:is|was|were|are|has|have|had|will|would|could|should|may|might|must|can|"
    r"seemed|seems|remains|remained)\b|[^\n]*?(?:\bas\b|[—–―]|--)"
    # "Roe's claim that Doe is soft on crime is “false”": the claim's clause has its verb;
    # a copula after it makes the quote the predicate of the whole phrase.
    r"|[^\n]*\bthat\b[^\n]*\b(?:is|was|are|were|has|have|had|will|would|can|could)\b"
    r"[^\n]*\b(?:is|was|are|were)\s*$)"
)
#: "Doe repeated his claim", "Lee said in her statement": between a cue and the noun's
#: owner, nothing or one linking word; the noun is that verb's object, its subject speaks.
_OBJECT_GAP = regex.compile(
    r"[\s,]*(?:[\p{L}’'\-]+\s+)?(?:(?:that|in|on|over|about|of|with|to|for)\s+)?$")
_OPENING_PARTICIPLE = regex.compile(r"\p{Lu}\p{Ll}+ing")
#: A subordinating word and the clause after it, up to a cue, with no comma between.
_SUBORDINATE_TAIL = regex.compile(
    r"(?r)\b(?:when|while|after|before|because|since|although|though|whereas|where|if|"
    rf"until|once)\b(?=[^,;:\n{_MASK}]*$)"
)
#: The same, for words that are only conjunctions ("after" and "since" are prepositions
#: too: "Doe went after Roe over his taxes, calling …" has no clause about Roe).
_CONJUNCTION_TAIL = regex.compile(
    # A quote inside the clause ("ended the debate with a “Star Wars” quip") stays in it.
    r"(?r)\b(?:when|while|although|though|whereas|because)\b(?=[^,;:\n]*$)"
)
#: A subordinating word before a cue's subject, no punctuation between ("When Doe said",
#: "when someone in the crowd shouted"), matched right to left from the subject: the cue
#: belongs to an adverbial clause.
_SUBORDINATORS = frozenset({"when", "whenever", "while", "after", "before", "because", "since",
                            "although", "though", "if", "until", "once", "whereas", "as"})
_SUBORDINATOR_BEFORE = regex.compile(
    r"(?r)(?:^|(?<=[\s,;(—–―]))"
    rf"(?:(?P<word>(?i:{lexicon.alternation(_SUBORDINATORS - {'as'})}))"
    rf"[ \t]+(?:[^,;:.!?\n{_MASK}]{{0,40}}[ \t])?"
    # "as" only right before the subject: "as his friends jeered", not "as a deterrence to
    # what it called".
    r"|(?P<word>(?i:as))[ \t]+)$"
)
_CLAUSE_PUNCTUATION_AS_SPACE = str.maketrans(",;(—–―", "      ")
#: What may stand before an adverbial clause that opens a main clause: nothing, or a comma,
#: semicolon, dash or conjunction ("Some booed, and when Doe …, a man yelled “…”").
_MAIN_CLAUSE_OPENING = regex.compile(r"(?:^|[,;:—–―(]|\b(?:and|but|so|then|yet))[ \t]*$")
#: Reporting verbs that open a sentence before their speaker ("Said Comey, “…”", "Added
#: the senator: “…”"), capitalised: not those taking an object ("Asked Lee: …" asks Lee),
#: nor verbs of thought or reading, nor participles.
_INVERTED_OPENERS = frozenset(
    verb.capitalize() for verb in lexicon.REPORTING_VERBS - lexicon.OBJECT_CUES - {
        "asked", "asks", "told", "tells", "informed", "advised", "assured", "assures",
        "believes", "believed", "thinks", "thought", "feels", "felt", "hopes", "hoped",
        "read", "reads", "posted", "accused", "accuses", "urges", "urged"}
    if " " not in verb and not verb.endswith("ing"))
#: "“…” Doe, the head of Acme PAC, Tweeted on Friday": after a quote, a name, an appositive
#: and a reporting verb some writers capitalise (a brand's spelling: "Tweeted", "Posted").
_CAPITALISED_CUES = frozenset(verb.capitalize() for verb in lexicon.REPORTING_VERBS
                              if " " not in verb)
_APPOSED_CAPITALISED_CUE = regex.compile(
    rf"[ \t]*(?P<name>{_NAME_SEQ})[ \t]*,[ \t]+\p{{Ll}}[^,\n{_MASK}]{{0,100}},[ \t]+"
    rf"(?P<cue>{lexicon.alternation(_CAPITALISED_CUES)})"
    r"(?![\p{L}’'\-])"
)
#: Things that carry words without being a person speaking ("the poll", "a letter from the
#: union", "one sign"), and the verbs that give them a quote ("shows", "found", "reads"):
#: ``data/document_nouns.txt`` and ``data/document_cues.txt`` (``lexicon.DOCUMENT_CUES``).
_DOCUMENT_NOUNS = lexicon.DOCUMENT_NOUNS


def _both_cases(nouns: frozenset[str]) -> frozenset[str]:
    """``nouns`` and their capitalised forms: a sentence may open with one ("Polls show …")."""
    return nouns | {noun.capitalize() for noun in nouns}


_DOCUMENT_NOUN_WORDS = _both_cases(_DOCUMENT_NOUNS)
#: No letter, apostrophe or hyphen before (``_WORD_START``) or after (``_WORD_END``): a
#: whole word, where ``\b`` would split "Roe's" and "well-known".
_WORD_START = r"(?<![\p{L}’'\-])"
_WORD_END = r"(?![\p{L}’'\-])"
#: Adverbs and auxiliaries a document's verb may follow ("The poll also finds").
_DOCUMENT_ADVERBS = "|".join((
    "also", "has", "had", "have", "now", "further", "then", "recently", "even", "only",
    "clearly", "previously", "already", "still", "that", "which"))
#: A document noun, what may follow it in its noun phrase (its author, when it came out, an
#: appositive) and its verb: matched at the noun.
_DOCUMENT_CLAUSE = regex.compile(
    rf"(?P<noun>{lexicon.alternation(_DOCUMENT_NOUN_WORDS)}){_WORD_END}"
    r"(?P<post>[ \t]+(?:by|from|of|on|in|at|for|with|about|released|published|conducted|"
    r"obtained|issued|commissioned|titled|dated|sent|posted|filed|hanging|running|aired)\b"
    rf"[^,;:.!?\n{_MASK}]{{0,100}}?(?:,[^,;:\n{_MASK}]{{1,120}}?,)?"
    rf"|[ \t]*,[^,;:\n{_MASK}]{{1,120}}?,)?"
    rf"(?:[ \t]+(?:{_DOCUMENT_ADVERBS})\b)*"
    rf"[ \t]+(?P<verb>{lexicon.alternation(lexicon.DOCUMENT_CUES)}){_WORD_END}"
)
#: The determiner or possessive opening a document's noun phrase, a few modifiers before its
#: noun ("A Feb. 1 letter", "the group's Web page"), matched right to left from the noun.
_DOCUMENT_OPENING = regex.compile(
    rf"(?r)(?:{_WORD_START}{_DETERMINER}|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|"
    rf"\p{{Lu}}[\p{{L}}.\-]*[’']s?)[ \t]+(?:[^\s,;:!?{_MASK}]+[ \t]+){{0,4}}?$"
)
#: After a quote: "“…,” reads one banner", "“…,” the pitch on its website says".
_DOCUMENT_AFTER = regex.compile(
    rf"[ \t]*,?[ \t]*(?:(?P<verb>{lexicon.alternation(lexicon.DOCUMENT_CUES)})[ \t]+)?"
    rf"(?P<np>(?:{_DETERMINER}|[Tt]his|[Tt]hat)[ \t]+(?:[^\s,;:.!?{_MASK}]+[ \t]+){{0,4}}?"
    rf"(?P<noun>{lexicon.alternation(_DOCUMENT_NOUNS)}){_WORD_END})"
    rf"(?(verb)|(?:[ \t]+(?:on|in|of|from|at|by)[ \t]+[^,;:.!?\n{_MASK}]{{1,40}}?)?"
    rf"(?:[ \t]+(?:{_DOCUMENT_ADVERBS})\b)*"
    rf"[ \t]+(?P<cue>{lexicon.alternation(lexicon.DOCUMENT_CUES)}){_WORD_END})"
)
_RELEASE_VERBS = lexicon.alternation(lexicon.DOCUMENT_RELEASE_VERBS)
#: A verb of putting a document out, perhaps with its particle ("released", "sent out"),
#: before its object: shared by the patterns that find who put a document out.
_RELEASE_VERB_PHRASE = rf"{_WORD_START}(?:{_RELEASE_VERBS})(?:[ \t]+(?:out|up))?[ \t]+"
#: A verb of putting a document out right before its noun phrase, perhaps past one word
#: ("released a video", "is planning to reprint an editorial"): the releaser's words.
_RELEASED = regex.compile(rf"(?r){_RELEASE_VERB_PHRASE}$")
#: The author of a document, named in the phrase after its noun ("a letter sent out by Tom
#: Reed", "a survey conducted by Gallup"); not one who merely obtained or saw it.
_AUTHOR = regex.compile(
    r"[ \t]+(?:(?:sent|written|signed|issued|released|published|drafted|commissioned|"
    r"conducted|prepared|produced|paid)(?:[ \t]+(?:out|for))?[ \t]+)?by[ \t]+"
    rf"(?P<name>{_NAME_SEQ})"
)
#: A subject that counts people rather than naming one ("22 percent", "six in 10", "most"):
#: a poll's finding, not a speaker of its own.
_QUANTITY = regex.compile(
    r"\d|\b(?:percent|per cent|majority|most|half|third|quarter|share|in (?:ten|10))\b",
    regex.IGNORECASE)
#: Possessive determiners as the pronoun whose person they name ("his claim" is his).
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
#: What a text must end with (trailing whitespace dropped) for each tail pattern to match:
#: the last word its ``\s*$`` may follow. Nearly every cue fails this test, which costs a
#: fraction of running the pattern. Exact, not a heuristic: every character ``\s`` matches
#: is one that ``str.rstrip`` drops.
_PREPOSITION_ENDINGS = _PREPOSITIONS
_CLAUSE_LINK_ENDINGS = (",", *(word.split(r"\s+")[-1] for word in _CLAUSE_LINK_WORDS),
                        *_LINK_ADVERBS, "ly")
_PASSIVE_ENDINGS = (*_AUXILIARIES, *_PASSIVE_ADVERBS, "ly")
_COORDINATED_ENDINGS = ("and", "&")
#: How many events or names a rule looks back over: a speaker is named within a few dozen
#: cues of their quote, and the bound keeps adversarial input linear.
_LOOK_BACK = 60
#: How many characters a clause-level rule reads: a subject and its cue are never further
#: apart in real prose, and the bound keeps every rule linear in the document.
_REACH = 400
#: Sentences with cues read back one by one for the events before a position; past them,
#: all of the text's events are worked out once (see ``_Analysis.events_before``).
_LAZY_SENTENCES = 8
#: A one-word phrase in quotation marks is far more often a scare quote than anyone's words.
_MIN_WORDS = 2
_FINAL_PUNCTUATION = frozenset(".!?…")
#: What may follow a paragraph's final punctuation without making it a headline: closing
#: marks, and invisible characters (controls, format characters such as U+200B, any space).
_CLOSING_MARKS = frozenset("\"”’'»›」")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"})
_WORD = regex.compile(r"[\p{L}\d]+")


@dataclass(frozen=True, slots=True)
class _Mention:
    span: Span
    kind: str  # "name", "pronoun", "common"


@dataclass(frozen=True, slots=True)
class _Event:
    """A reporting cue outside quotes with the phrase before (subject) and after it."""

    cue: Span
    before: _Mention | None
    after: _Mention | None
    speaker_after: bool  # "according to": the source follows the cue


@dataclass(frozen=True, slots=True)
class _Attribution:
    mention: Span
    kind: str
    cue: Span | None


def _mask(text: str, spans: Sequence[QuoteSpan]) -> str:
    pieces: list[str] = []
    position = 0
    for span in spans:
        stop = span.stop
        if span.open_mark < position:
            continue
        if text[stop - 2:stop + 1] == "'''":
            # "''… 'Go home,''' said Doe": a nested single mark closes with the double one.
            stop += 1
        # Two apostrophes stand for one double mark: mask both, not only the second.
        open_mark = span.open_mark - 1 if span.open_mark > position \
            and text[span.open_mark - 1:span.open_mark + 1] == "''" else span.open_mark
        pieces.append(text[position:open_mark])
        # A quote that ends a sentence ends the sentence around it too.
        if span.close_mark is not None and text[span.start:span.end].rstrip()[-1:] in "!?.":
            pieces.append(_MASK * (stop - open_mark - 1) + ".")
        else:
            pieces.append(_MASK * (stop - open_mark))
        position = stop
    pieces.append(text[position:])
    return "".join(pieces)


def _may_end_with(text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]``, trailing whitespace dropped, ends with one of ``endings``:
    a necessary condition of a tail pattern, tested first because it is cheap."""
    return text[start:end].rstrip().endswith(endings)


def _follows_quote(masked: str, position: int) -> bool:
    """Whether only a comma and spaces separate ``position`` from a quote before it."""
    return masked[max(0, position - 4):position].rstrip(" ,\t").endswith(_MASK)


def _ends_with_full_stop(name: str) -> bool:
    """A name's final "." is the sentence's full stop unless it ends an abbreviation."""
    last = name.split()[-1]
    bare = last[:-1]
    return (last.endswith(".") and len(bare) > 1 and "." not in bare
            and last.lower() not in lexicon.TITLES and last.lower() not in lexicon.NAME_SUFFIXES)


def _titled_match(text: str, start: int, end: int, pattern: regex.Pattern[str] = _TITLED_NAME
                  ) -> regex.Match[str] | None:
    """Role words then a name at ``start`` ("union leader Ann Lee"), the role words checked
    to be nouns: "police arrested Ann Lee" is not a title."""
    found = lexicon.match(pattern, text, start, end)
    if found is None:
        return None
    words = found.group("lead").split()
    if not words[-1][:1].islower():
        return None
    for index, word in enumerate(map(_strip_possessive, words)):
        # "the study's lead author": the owner is no plural
        if not word[:1].islower() or _role_of(words, index):
            continue
        if _looks_finite(word) or _STOP_WORD.fullmatch(word) or word in _FUNCTION_WORDS \
                or (word.endswith("s") and not word.endswith(("ss", "ous", "us", "is"))):
            # A plural is no role ("officials arrested Jane Doe"); "indigenous leader" is.
            return None
    return found


def _without_asides(window: str) -> str:
    """``window`` (same length) without what stands between a subject and its cue without
    saying anything: a place set off by commas ("Ann Lee, in Columbus, Ohio, said" -> Ann
    Lee, not Ohio), a time phrase ("Ann Lee last week said"); an appositive set off by
    dashes becomes one set off by commas."""
    if _may_end_with(window, 0, len(window), _TIME_ENDINGS):
        found = lexicon.match(_TIME_TAIL, window)
        # "An ad released Thursday accuses": a time phrase after a participle dates it.
        if found is not None and not _PARTICIPLE_END.search(window, 0, found.start()):
            window = window[:found.start()] + " " * (len(window) - found.start())
    if window.count(",") >= 2:
        found = lexicon.match(_PLACE_ASIDE, window)
        if found is not None:
            # "Tom Reed, the mayor, in an interview, said": the appositive keeps its comma
            # (not "Its leaders, who, on a call, said": "who" is the subject itself).
            head = window[:found.start()]
            keep = found.start() + (1 if "," in head and not _PRONOUN_WORD.fullmatch(
                head[head.rfind(",") + 1:].strip()) else 0)
            window = window[:keep] + " " * (len(window) - keep)
    dashes = sum(map(window.count, "—–―"))
    if dashes >= 2:
        found = lexicon.match(_DASH_ASIDE, window)
        if found is not None:
            aside = found.group().strip()
            start = found.start() + found.group().index(aside[0])
            end = start + len(aside)
            window = window[:start] + "," + window[start + 1:end - 1] + "," + window[end:]
    return window


def _role_of(words: Sequence[str], index: int) -> bool:
    """Whether ``words[index]`` is the "of" of a role ("head of product", "director of
    research"): a title before it, a lower-case word after it."""
    return words[index] == "of" and 0 < index < len(words) - 1 \
        and words[index - 1].lower() in lexicon.TITLES and words[index + 1][:1].islower()


def _titled_name(text: str, start: int, end: int) -> _Mention | None:
    found = _titled_match(text, start, end, _TITLED_NAME_AFTER)
    if found is None:
        return None
    name = found.group("name")
    if _ends_with_full_stop(name):
        name = name[:-1]
    return _Mention(Span(name, found.start("name"), found.start("name") + len(name)), "name")


def _used_inside_sentence(text: str, word: str) -> bool:
    """Whether ``word`` stands somewhere after a word of its sentence ("… said Hours",
    "Jo Hours"), not only first in one; found with ``str.find``, cheaper than a pattern."""
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        if text[position - 1:position] in (" ", "\t") \
                and not (text[end:end + 1].isalpha() or text[end:end + 1] == "-"):
            before = text[max(0, position - 3):position].rstrip(" \t")
            if before[-1:].isalpha() or (before[-1:] in (",", ";", ":")
                                          and before[-2:-1].isalpha()):
                return True
        position = text.find(word, end)
    return False


def _takes_object(cue: str) -> bool:
    """Whether the phrase after a cue is its object ("“…,” described the plan as …"), never
    a speaker in the inverted order."""
    return cue.split(None, 1)[0].lower() in lexicon.OBJECT_CUES


def _is_participle(verb: str) -> bool:
    """Whether a cue opens with a present participle: "referring to" after "said Doe," is
    Doe's own gloss, and its object is no speaker."""
    return verb.split(None, 1)[0].lower().endswith("ing")


def _subordinate_subject(masked: str, start: int, end: int,
                         tail: regex.Pattern[str] = _SUBORDINATE_TAIL) -> _Mention | None:
    """The subject of the subordinate clause a coordinated cue continues ("There were jabs,
    such as when Doe knocked Roe and called him “…”" -> Doe): the clause after the last
    subordinating word before the cue, when no comma closes it first (in "When Doe left,
    Roe rose and said …" the cue continues the main clause)."""
    found = lexicon.search(tail, masked, max(start, end - _REACH), end)
    if found is None:
        return None
    return _segment_subject(masked, 0, found.end(), end, False)


def _reduced_passive(masked: str, start: int, cue: regex.Match[str]) -> bool:
    """Whether a past participle cue opens its sentence or follows a comma or dash, as a
    reduced passive does ("Asked by Roe whether …", "the county, called the “…” by its
    residents", "— often labeled as a “…” by critics"); cheap tests first."""
    if not cue.group("verb").endswith(("ed", "told")) \
            or masked.find(" by", cue.end(), cue.end() + 160) < 0:
        return False
    before = masked[start:cue.start()].rstrip(" \t")
    for _ in range(2):  # "— often labeled", ", also called"
        word_start = before.rfind(" ") + 1
        word = before[word_start:]
        if word in ("often", "also", "sometimes", "widely", "once", "first") \
                or (word.endswith("ly") and word.isalpha() and word.islower()):
            before = before[:word_start].rstrip(" \t")
    return not before or before[-1] in ",—–―(" or before.endswith("--")


def _passive_agent(masked: str, start: int, end: int, reduced: bool,
                   agent_first: bool = False) -> _Mention | None:
    """The agent after a passive cue ending at ``start`` ("by moderator Tom Reed", "by its
    residents"), unless "by" introduces a time, means or measure. A reduced passive counts
    only with a quote right before "by" ("called the “…” by its residents") or, for a cue
    that asks or tells (``agent_first``), with nothing between."""
    found = lexicon.match(_PASSIVE_AGENT, masked, start, end)
    if found is None:
        return None
    gap = found.group("gap").rstrip(" \t,.")
    if reduced and not (gap.endswith(_MASK) or (agent_first and not gap)):
        return None
    after_match = lexicon.match(_NP_AFTER, masked, found.end(), end)
    agent = _mention(after_match, 0) if after_match else None
    if agent is None or agent.kind == "pronoun":
        return None
    words = agent.span.text.lower().replace("’s", "").replace("'s", "").split()
    if words[0] in _NOT_AGENT_WORDS or words[-1] in _NOT_AGENT_WORDS:
        return None
    # "by Acme moderator Tom Reed": the person after the role words.
    titled = _titled_name(masked, found.end(), end)
    if titled is not None:
        return titled
    # A bare plural ("was called “…” by critics") is left to the passive's general rule,
    # nobody's words, as tests/test_speakers.py fixes it: only a determiner, a possessive
    # or a name makes the agent someone the reader can name.
    return None if after_match is not None and after_match.group("bare") else agent


def _owned_phrase(phrase: str) -> bool:
    """"the paper's editorial", "the group's new ad": a phrase with a possessive inside,
    a text its owner put out, which is the subject of a participle right after it ("the
    paper's editorial telling him to …"), not an object ("Doe issued a statement calling")."""
    words = phrase.split()
    return any(word.endswith(("’s", "'s")) for word in words[:-1])


def _verbal_event(event: _Event) -> bool:
    """Whether a cue reads as a verb with its subject, not a noun ("Doe's comments", "the
    remarks"): inverted, or a subject not ending in a possessive or a determiner."""
    if event.speaker_after:
        return True
    if event.before is None:
        return event.after is not None
    last = event.before.span.text.split()[-1]
    return not (last.endswith(("’s", "'s")) or _DETERMINER_WORD.fullmatch(last))


def _whole_of_chain(masked: str, mention: _Mention, floor: int) -> _Mention:
    """"Jane Doe of Leeds Fire and Rescue Service said": the nearest name before the cue is
    the end of an organisation's name; the subject is the person the whole "X of Y" heads."""
    start = max(floor, mention.span.start - 120)
    if not _may_end_with(masked, start, mention.span.start, _COORDINATED_ENDINGS):
        return mention
    head = lexicon.match(_COORDINATED_HEAD, masked, start, mention.span.start)
    if head is None or not lexicon.search(_OF_LINK, head.group("head")):
        return mention
    whole = masked[head.start("head"):mention.span.end]
    entity = _entity_tokens(whole)
    if len(entity) < 2 or not _person_tokens(list(entity)):
        return mention
    return _Mention(Span(whole, head.start("head"), mention.span.end), "name")


def _segment_subject(prefix: str, offset: int, start: int, end: int,
                     first: bool) -> _Mention | None:
    """The subject opening ``prefix[start:end]`` when a predicate follows it (or, for the
    sentence's first segment, when it is the whole segment: "Doe, who …, said")."""
    found = _titled_match(prefix, start, end) or lexicon.match(
        _SEGMENT_SUBJECT if first else _INNER_SUBJECT, prefix, start, end)
    if found is None:
        return None
    mention = _mention(found, offset)
    if mention is not None and mention.kind == "common":
        mention = _head_noun_phrase(mention)
    rest = prefix[mention.span.end - offset if mention else found.end():end]
    if (first and not rest.strip()) or lexicon.match(_PREDICATE, rest):
        return mention
    return None


def _apposed(text: str, offset: int, mention: _Mention) -> _Mention:
    """The name set off by commas right after a common noun phrase, which it stands for
    ("His aide, Tom Reed, who …" -> Tom Reed); else ``mention`` itself."""
    if mention.kind != "common" and mention.span.text not in _POSSESSIVES:
        return mention
    found = lexicon.match(_APPOSED_NAME, text, mention.span.end - offset)
    if found is None:
        return mention
    start = found.start("name") + offset
    return _Mention(Span(found.group("name"), start, start + len(found.group("name"))), "name")


def _reported_subject(masked: str, mention: _Mention, limit: int) -> bool:
    """Whether a finite verb follows ``mention`` ("said the plan is", "said Doe had"): then
    it is the subject of a reported clause, not a speaker after an inverted cue."""
    found = lexicon.match(_NEXT_WORD, masked, mention.span.end, limit)
    return found is not None and found.group("word") in _FINITE_AUXILIARIES


def _looks_finite(word: str) -> bool:
    lower = word.lower()
    return lower in lexicon.VERB_FORMS or lower in lexicon.REPORTING_VERBS \
        or (len(lower) > 4 and lower.endswith("ed"))


def _head_noun_phrase(mention: _Mention) -> _Mention:
    """A determiner phrase cut before its verb: "The mayor met the" -> "The mayor"."""
    words = mention.span.text.split()
    keep = len(words)
    for index in range(2, len(words)):
        if _looks_finite(words[index]) or _STOP_WORD.fullmatch(words[index]):
            keep = index
            break
    if keep == len(words):
        return mention
    text = " ".join(words[:keep])
    if not mention.span.text.startswith(text):  # irregular spacing: keep the match as is
        return mention
    start = mention.span.start
    return _Mention(Span(text, start, start + len(text)), mention.kind)


def _mention(match: regex.Match[str], offset: int) -> _Mention | None:
    groups = match.groupdict()  # one call for all groups; a kind the pattern lacks is absent
    for kind in ("pronoun", "name", "common", "bare"):
        value = groups.get(kind)
        if kind == "name" and value and _ends_with_full_stop(value):
            value = value[:-1]
        if value:
            start = match.start(kind) + offset
            return _Mention(Span(value, start, start + len(value)),
                            "common" if kind == "bare" else kind)
    return None


class _Analysis:
    def __init__(self, doc: Document, spans: Sequence[QuoteSpan]) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans = spans
        self.masked = _mask(doc.text, spans)
        self.sentence_starts = self._sentence_starts()
        self._bounds_by_sentence: dict[int, tuple[int, int]] = {}
        # One scan of the whole text finds the cues (matches never overlap, so where one
        # ends decides where the next may start); reading each cue's subject and object is
        # the costly part, done per sentence and only for the sentences a quote needs.
        # Cues and names are scanned for on first use: a text whose quotes need neither
        # (or that has none) costs no scan.
        self._events_by_sentence: list[list[_Event] | None] = [None] * len(self.sentence_starts)
        self._passives_by_sentence: dict[int, list[_Event]] = {}
        self._passive_count = 0
        self._all_events: tuple[list[_Event], list[int]] | None = None
        self._canonical_cache: dict[str, tuple[str, bool]] = {}
        self._title_like: dict[int, bool] = {}
        self._introduced: dict[str, set[str]] | None = None
        self._mid_sentence: frozenset[str] | None = None
        #: Quotes attributed twice ("X said “…,” she said"), by opening mark: the trailing
        #: attribution, which the next sentence's quote goes on from.
        self.repeated_cues: dict[int, _Attribution] = {}

    # Worked out on first use: a text whose quotes need no cue or name never scans for them.
    @cached_property
    def _cues(self) -> list[regex.Match[str]]:
        return lexicon.finditer_at_words(_CUE, self.masked, _CUE_FIRST_WORDS)

    @cached_property
    def cue_starts(self) -> list[int]:
        """Where each reporting cue starts, outside quotes, in text order."""
        return [m.start() for m in self._cues]

    @cached_property
    def noun_starts(self) -> list[int]:
        """Where a noun of saying may start (its first word), outside quotes."""
        return lexicon.word_starts(self.masked, _REPORTING_NOUN_FIRST_WORDS)

    @cached_property
    def document_starts(self) -> list[int]:
        """Where a document noun ("poll", "letter", "sign") stands, outside quotes."""
        return lexicon.word_starts(self.masked, _DOCUMENT_NOUN_WORDS)

    @cached_property
    def crowd_cue_starts(self) -> list[int]:
        """Where a word of chanting or shouting ("chanting", "shouts") stands, outside quotes."""
        return lexicon.word_starts(self.masked, _CROWD_CUES)

    @cached_property
    def crowd_starts(self) -> list[int]:
        """Where a crowd noun ("protesters", "the crowd") stands, outside quotes."""
        return lexicon.word_starts(self.masked, _CROWD_NOUN_WORDS)

    @cached_property
    def names(self) -> list[tuple[int, tuple[str, ...]]]:
        """Every capitalised sequence outside quotes, as (position, entity tokens)."""
        return self._names()

    @cached_property
    def name_positions(self) -> list[int]:
        return [position for position, _ in self.names]

    @cached_property
    def headings(self) -> set[int]:
        """The paragraphs that are headings: nobody says the quotes in them."""
        return _heading_paragraphs(self.doc, self.masked, self.spans)

    @cached_property
    def headlines(self) -> set[int]:
        """Headings, and paragraphs set in title case (see ``_title_cased_paragraphs``): a
        headline runs a name together with the words around it ("Doe Slams Plan")."""
        return self.headings | _title_cased_paragraphs(self.doc, self.masked)

    @cached_property
    def forms_by_token(self) -> dict[str, list[tuple[str, ...]]]:
        """The name forms the document uses, by each of their tokens."""
        forms_by_token: dict[str, list[tuple[str, ...]]] = {}
        headlines = self.headlines
        # Headlines stand near the top: past the last one no name needs looking up.
        headlines_end = max((self.doc.paragraphs[index][1] for index in headlines), default=0)
        # A form seen before is in every list of its tokens already, or the list was full.
        seen: set[tuple[str, ...]] = set()
        for position, form in self.names:
            if position < headlines_end and self.doc.paragraph_index(position) in headlines:
                continue  # "Glenn Beck Blasts Drudge" is a headline, not a longer name
            if form in seen:
                continue
            seen.add(form)
            for token in set(form):
                forms = forms_by_token.setdefault(token, [])
                if len(forms) < 50 and form not in forms:
                    forms.append(form)
        return forms_by_token

    def looks_like_title(self, span: QuoteSpan) -> bool:
        """``_looks_like_title`` of ``span``, worked out once (two rules ask)."""
        found = self._title_like.get(span.open_mark)
        if found is None:
            found = _looks_like_title(self.text, span)
            self._title_like[span.open_mark] = found
        return found

    # ----- sentences -------------------------------------------------------------------
    def _sentence_starts(self) -> list[int]:
        starts = [start for start, _ in self.doc.paragraphs]
        for m in lexicon.finditer(_SENTENCE_END, self.masked):
            starts.append(m.end())
        starts.sort()
        return starts

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.sentence_starts, position) - 1
        # Every paragraph start is a sentence start, so all positions between two starts lie
        # in one paragraph and share their bounds: worked out once per sentence.
        bounds = self._bounds_by_sentence.get(index)
        if bounds is not None:
            return bounds
        start = self.sentence_starts[index] if index >= 0 else 0
        end = (self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts)
               else len(self.text))
        paragraph = self.doc.paragraphs[self.doc.paragraph_index(position)]
        bounds = max(start, paragraph[0]), min(end, paragraph[1])
        self._bounds_by_sentence[index] = bounds
        return bounds

    # ----- attribution events ----------------------------------------------------------
    def _sentence_index(self, position: int) -> int:
        """The sentence ``position`` lies in, as ``sentence_bounds`` counts them."""
        return max(0, bisect_right(self.sentence_starts, position) - 1)

    def _cue_range(self, sentence: int) -> tuple[int, int]:
        """Indexes of the cues that start in ``sentence``."""
        starts = self.sentence_starts
        first = bisect_left(self.cue_starts, starts[sentence]) if sentence > 0 else 0
        last = bisect_left(self.cue_starts, starts[sentence + 1]) \
            if sentence + 1 < len(starts) else len(self.cue_starts)
        return first, last

    def sentence_events(self, sentence: int) -> list[_Event]:
        """The events of the cues that start in ``sentence``, in order."""
        events = self._events_by_sentence[sentence]
        if events is None:
            events = self._events(sentence)
            self._events_by_sentence[sentence] = events
        return events

    def events_around(self, start: int, end: int, after: int, limit: int) -> list[_Event]:
        """The events of the sentences from the one at ``start`` to the one at ``end``, and
        of those after it up to the first event whose cue starts at or after ``after``,
        unless the sentence starts at or after ``limit``: the events whose cues start in
        ``start``..``end``, and the first from ``after`` on when it starts before ``limit``,
        in order with every event between them."""
        if not self.sentence_starts:
            return []
        sentence = self._sentence_index(start)
        last = self._sentence_index(max(start, end - 1))
        events = list(self.sentence_events(sentence))
        while sentence < last:
            sentence += 1
            events.extend(self.sentence_events(sentence))
        starts = self.sentence_starts
        while (not events or events[-1].cue.start < after) \
                and sentence + 1 < len(starts) and starts[sentence + 1] < limit:
            sentence += 1
            events.extend(self.sentence_events(sentence))
        return events

    def events_before(self, position: int) -> Iterator[_Event]:
        """Events whose cue starts before ``position``, nearest first, at most ``_LOOK_BACK``.

        Sentences are read back from ``position``, skipping those without a cue; past
        ``_LAZY_SENTENCES`` of them every sentence's events are worked out once and looked up
        from then on, so a text of many sentences whose cues yield no event costs no walk
        back over all of them per call."""
        if not self.sentence_starts:
            return
        left = _LOOK_BACK
        sentence = self._sentence_index(position)
        for _ in range(_LAZY_SENTENCES):
            for event in reversed(self.sentence_events(sentence)):
                if event.cue.start >= position:
                    continue
                yield event
                left -= 1
                if not left:
                    return
            first, _ = self._cue_range(sentence)
            if first == 0:
                return  # no cue before this sentence
            sentence = self._sentence_index(self.cue_starts[first - 1])
        # The events still to come are the ones before those already handed out.
        every, starts = self._every_event()
        stop = bisect_left(starts, position) - (_LOOK_BACK - left)
        for index in range(stop - 1, max(-1, stop - 1 - left), -1):
            yield every[index]

    def _every_event(self) -> tuple[list[_Event], list[int]]:
        """Every event of the text in order, and where each one's cue starts."""
        if self._all_events is None:
            every: list[_Event] = []
            for sentence in range(len(self.sentence_starts)):
                every.extend(self.sentence_events(sentence))
            self._all_events = every, [event.cue.start for event in every]
        return self._all_events

    def has_event_in(self, start: int, end: int) -> bool:
        """Whether an event's cue starts in ``start``..``end``."""
        if end <= start or not self.sentence_starts:
            return False
        cue_starts = self.cue_starts
        if bisect_left(cue_starts, start) == bisect_left(cue_starts, end):
            return False  # no cue there at all: no sentence needs reading
        for sentence in range(self._sentence_index(start), self._sentence_index(end - 1) + 1):
            if any(start <= event.cue.start < end for event in self.sentence_events(sentence)):
                return True
        return False

    def _last_event_before(self, sentence: int, clean_from: int) -> _Event | None:
        """The last event of the sentences before ``sentence``, when it can end at or after
        ``clean_from``; otherwise None (no earlier event can then be the one a participle
        right after it continues)."""
        for earlier in range(sentence - 1, -1, -1):
            if self._reach_before(earlier + 1) < clean_from:
                return None
            events = self.sentence_events(earlier)
            if events:
                return events[-1]
        return None

    def _reach_before(self, sentence: int) -> int:
        """How far an event of a sentence before ``sentence`` may end: an event ends with its
        cue or with the phrase after it, which stays in the cue's sentence; cues never
        overlap, so the last earlier cue ends last."""
        first, _ = self._cue_range(sentence)
        reach = self.sentence_starts[sentence]
        return max(reach, self._cues[first - 1].end()) if first > 0 else reach

    def passive_events(self, start: int, end: int) -> list[_Event]:
        """The passive cues with an agent ("was asked by Roe", "called “…” by critics") in
        the sentences from ``start`` to ``end``: kept apart from the other events, as their
        agent speaks only the quotes of its own phrase (see ``_agent_attribution``)."""
        found: list[_Event] = []
        if not self.sentence_starts or not self._passive_count:
            # Called after the sentences' events were worked out: none has a passive.
            return found
        for sentence in range(self._sentence_index(start), self._sentence_index(end) + 1):
            self.sentence_events(sentence)  # works out the sentence's passives too
            found.extend(self._passives_by_sentence.get(sentence, ()))
        return found

    def _events(self, sentence: int) -> list[_Event]:
        events: list[_Event] = []
        passives: list[_Event] = []
        self._passives_by_sentence[sentence] = passives
        masked = self.masked
        first, last = self._cue_range(sentence)
        for m in self._cues[first:last]:
            cue = Span(m.group(), m.start(), m.end())
            sentence_start, sentence_end = self.sentence_bounds(m.start())
            window_start = max(sentence_start, m.start() - 200)
            after_end = min(sentence_end, m.end() + 200)
            if m.group("after"):
                phrase = lexicon.match(_AFTER_PHRASE, masked, m.end(), after_end)
                after = self._name_in_phrase(phrase) if phrase else None
                if after is not None:
                    events.append(_Event(cue, None, after, True))
                continue
            participle = _is_participle(m.group("verb"))
            passive_start = max(window_start, m.start() - 30)
            if not participle and m.group("verb").lower() != "quoted" \
                    and _may_end_with(masked, passive_start, m.start(), _PASSIVE_ENDINGS) \
                    and lexicon.search(_PASSIVE_TAIL, masked, passive_start, m.start()):
                # "the vote was called", "Doe was named": a passive cue reports nobody's
                # words ("Doe was quoted as saying" does: its subject is the speaker) but
                # its agent's ("Doe was asked by Roe whether …": Roe asks).
                agent = _passive_agent(masked, m.end(), after_end, False)
                if agent is not None:
                    passives.append(_Event(cue, None, agent, True))
                    self._passive_count += 1
                continue  # (tested first: it needs neither phrase)
            if not participle and m.group("verb").lower() != "quoted" \
                    and _reduced_passive(masked, window_start, m):
                agent = _passive_agent(masked, m.end(), after_end, True,
                                       m.group("verb").lower() in _AGENT_FIRST_CUES)
                if agent is not None:
                    passives.append(_Event(cue, None, agent, True))
                    self._passive_count += 1
                    continue
            window = masked[window_start:m.start()]
            before = self._subject(window, window_start, window_start == sentence_start)
            if before is not None and before.kind == "name":
                before = _whole_of_chain(masked, before, window_start)
            # The pattern opens with \s+, and every character \s matches is one isspace()
            # accepts: after "said," or "said." there is no phrase to look for.
            after_match = lexicon.match(_NP_AFTER, masked, m.end(), after_end) \
                if m.end() < after_end and masked[m.end()].isspace() else None
            after = _mention(after_match, 0) if after_match else None
            if after is not None and after.kind != "pronoun":
                # "said hospital director Jane Doe", "said Acme economist Jane Doe": the
                # person after the role words, not the role.
                after = _titled_name(masked, m.end(), after_end) or after
            if after is not None and after.kind == "common" \
                    and not _speaker_shaped(after.span.text):
                # "said retired Army general Tom Reed", "said one of those advisers": the
                # words right after the cue are no noun phrase of their own; the speaker is
                # the name that ends the phrase, or the whole phrase.
                after = self._speaker_in_phrase(m.end(), after_end)
            link = lexicon.search(_CLAUSE_LINK, window, max(0, len(window) - 40)) \
                if _may_end_with(window, 0, len(window), _CLAUSE_LINK_ENDINGS) else None
            if before is None and not participle and after is not None \
                    and after.kind in ("name", "common") and not _takes_object(cue.text) \
                    and window.rstrip(" \t")[-1:] in ",\ue000":
                if not _reported_subject(masked, after, after_end):
                    # "“…” about the decision, said Jane Doe": the inverted order, speaker
                    # after.
                    events.append(_Event(cue, None, after, True))
                    continue
                # "Jane Doe, a farmer who …, said the plan is …": a verb after the phrase
                # makes it the subject of the reported clause; the speaker opens the
                # sentence, before a subject chain too long for the window.
                clause_start = max(sentence_start, m.start() - _REACH)
                before = self.clause_subject(masked[clause_start:m.start()], clause_start)
                after = None
            preposition = None if before is None or not _may_end_with(
                masked, max(0, before.span.start - 12), before.span.start, _PREPOSITION_ENDINGS
            ) else lexicon.search(_PREPOSITION_TAIL, masked, max(0, before.span.start - 12),
                                  before.span.start)
            # "with Jane Doe saying …": after "with" the noun is the participle's own subject.
            absolute = participle and preposition is not None \
                and preposition.group("word") == "with"
            object_before = before is not None and (
                (preposition is not None and not absolute)
                or (participle and before.kind == "common"
                    and not _owned_phrase(before.span.text)))
            # ", remarking" after a quote whose words end with the comma ("… the film
            # “Star Wars,” remarking"): the comma links the participle as one outside would.
            quoted_comma = self._quoted_comma(window, window_start) \
                if participle and link is None and before is None else -1
            if ((link is not None or quoted_comma >= 0) and (participle or before is None)) \
                    or object_before:
                # "Doe went after Roe, calling him …", "Doe criticised the plan and said …",
                # "Protesters marching through the streets chanted …", "Doe issued a
                # statement calling …": the speaker is the subject of the clause, not the
                # nearest noun (an object, or the object of a preposition).
                clause_start = max(sentence_start, m.start() - _REACH)
                main: _Event | None = None
                if events:
                    main = events[-1]
                elif participle:
                    clean_from = m.start()
                    while clean_from > 0 and masked[clean_from - 1] in " ,\t":
                        clean_from -= 1
                    main = self._last_event_before(sentence, clean_from)
                main_end = 0 if main is None else max(
                    main.cue.end, main.after.span.end if main.after is not None else 0)
                if participle and main is not None and main_end <= m.start() \
                        and not masked[main_end:m.start()].strip(" ,\t") \
                        and _verbal_event(main):
                    # "Doe said, adding …", "“…,” said Doe, adding": the participle right
                    # after a reporting verb shares its subject.
                    before = main.after if main.speaker_after else (main.before or main.after)
                else:
                    # The sentence's subject first ("Doe embraced Roe after he won and said
                    # …" -> Doe); without one, the subordinate clause's. A participle set off
                    # by a comma right after a subordinate clause goes with that clause's
                    # subject, the nearest ("Doe tweeted when Roe ended the debate with a
                    # quip, remarking …" -> Roe).
                    comma = window_start + link.start() if participle and link is not None \
                        and link.group().startswith(",") else quoted_comma
                    nearest = _subordinate_subject(masked, clause_start, comma,
                                                   _CONJUNCTION_TAIL) \
                        if comma > clause_start else None
                    before = (nearest if nearest is not None
                              and nearest.kind in ("name", "pronoun") else None) \
                        or self.clause_subject(masked[clause_start:m.start()], clause_start) \
                        or (_subordinate_subject(masked, clause_start, m.start())
                            if link is not None else None) or before
            if object_before and before is not None and preposition is not None \
                    and not participle and after is not None and after.kind == "name" \
                    and before.span.end <= m.start() and not _takes_object(cue.text) \
                    and window.rstrip(" \t")[-1:] == "," \
                    and not _reported_subject(masked, after, after_end):
                before_clause = masked[before.span.end:m.start()]
                if "," in before_clause.rstrip(" \t")[:-1]:
                    # "… for Lee leading up to the vote, forcing her to …, said Tom Reed":
                    # no clause subject, only a preposition's object a phrase before the
                    # cue; the name after it is the speaker, in the inverted order.
                    events.append(_Event(cue, None, after, True))
                    continue
            if before is None and after is None and quoted_comma >= 0:
                continue
            if before is not None or after is not None:
                events.append(_Event(cue, before, after, False))
        return events

    def _quoted_comma(self, window: str, offset: int) -> int:
        """Where the quote that ends ``window`` (at ``offset``) opens, when its words end
        with a comma; else -1."""
        end = len(window.rstrip(" \t"))
        if not end or window[end - 1] != _MASK:
            return -1
        start = end - 1
        while start > 0 and window[start - 1] == _MASK:
            start -= 1
        quoted = self.text[offset + start:offset + end].rstrip("".join(_CLOSING_MARKS))
        return offset + start if quoted.endswith(",") else -1

    def clause_subject(self, prefix: str, offset: int) -> _Mention | None:
        """The subject of the sentence ``prefix`` begins, past a dateline and any opening
        adverbial phrases ("Speaking in Salem, New Hampshire, Doe went …" -> Doe)."""
        dateline = lexicon.match(_DATELINE, prefix)
        position = dateline.end() if dateline else 0
        comma = prefix.find(",", position)
        end = len(prefix) if comma < 0 else comma
        intro = lexicon.match(_INTRO, prefix, position, end)
        if intro is None:
            if comma >= 0 and lexicon.match(_TIME_OPENER, prefix, position, end):
                return self.subject_after_intro(prefix, offset, end + 1)
            found = _segment_subject(prefix, offset, position, end, True)
            if found is not None and comma >= 0 and self.sentence_initial_word(found):
                # "Last week, the campaign said …", "Hours later, Doe said …": a word the
                # text capitalises only to open a sentence opens an adverbial phrase.
                return self.subject_after_intro(prefix, offset, end + 1)
            return found
        adverb = lexicon.match(_SENTENCE_ADVERB, prefix, position, end)
        if adverb is not None:
            found = _segment_subject(prefix, offset, adverb.end(), end, False)
            if found is None and comma >= 0:
                # "But Obama, making it clear …, stood …": after the adverb as at the start,
                # a name may stand alone before the comma of its appositive or participle
                # (not a phrase: "And a few weeks later, …" opens an adverbial).
                alone = _segment_subject(prefix, offset, adverb.end(), end, True)
                found = alone if alone is not None and alone.kind == "name" else None
            if found is not None:
                return found
        found = self.subject_after_intro(prefix, offset, end + 1)
        if found is None and intro.group("participle"):
            # "Reed hammered …", "Mohammed said …": a name that merely ends like a participle.
            found = _segment_subject(prefix, offset, position, end, True)
            if found is not None and _OPENING_PARTICIPLE.fullmatch(found.span.text) \
                    and self.sentence_initial_word(found):
                # "Holding signs calling Roe “…”, the strikers chanted": a participle
                # capitalised only where it opens a sentence is no one's name.
                return None
        return found

    def sentence_initial_word(self, mention: _Mention) -> bool:
        """Whether a one-word name is only a capitalised common word: used nowhere inside a
        sentence, and no given name ("Hours", "Signs", but not "Trump" or "Ann")."""
        word = _strip_possessive(mention.span.text)
        if mention.kind != "name" or " " in word or word.lower() in _GIVEN_NAMES \
                or word.lower() in _QUANTIFIERS or _DETERMINER_WORD.fullmatch(word):
            return False  # "His aides, …", "One critic, …": a noun phrase, the subject
        if word.isupper() and len(word) > 2:
            word = word.capitalize()  # "PENCE:" labels the man the text calls Pence
        return not _used_inside_sentence(self.masked, word)

    @staticmethod
    def subject_after_intro(prefix: str, offset: int, position: int) -> _Mention | None:
        """The subject of the first segment after an opening phrase, commas between."""
        while position < len(prefix):
            comma = prefix.find(",", position)
            end = len(prefix) if comma < 0 else comma
            found = _segment_subject(prefix, offset, position, end, False)
            if found is not None:
                return found
            position = end + 1
        return None

    def _subject(self, window: str, offset: int, at_sentence_start: bool) -> _Mention | None:
        window = _without_asides(window)
        # The pattern needs two commas: most windows have fewer.
        appositive = lexicon.match(_APPOSITIVE_TAIL, window) if window.count(",") >= 2 else None
        if appositive is not None:
            inner = lexicon.match(_NAME_ONLY, appositive.group("y"))
            if inner is not None and inner.end() == len(appositive.group("y")) \
                    and _person_tokens(inner.group("name").split()):
                start = offset + appositive.start("y") + inner.start("name")
                name = inner.group("name")
                return _Mention(Span(name, start, start + len(name)), "name")
            first_comma = window.find(",")
            if at_sentence_start and first_comma < appositive.start("y"):
                # "Tom Reed, whose hometown, Dover, is sinking, argues": a sentence that
                # opens with a bare noun phrase and a comma has it as the subject of the
                # cue, however many commas its relative clauses and appositives hold.
                opening = None if lexicon.match(_INTRO, window, 0, first_comma) else \
                    _segment_subject(window, offset, 0, first_comma, True)
                if opening is not None and opening.kind != "pronoun" \
                        and not window[opening.span.end - offset:first_comma].strip():
                    return _apposed(window, offset, opening)
            head = window[: appositive.end("x")]
            found = lexicon.match(_SUBJECT_TAIL, head)
            return _mention(found, offset) if found else None
        found = lexicon.match(_SUBJECT_TAIL, window)
        mention = _mention(found, offset) if found else None
        if mention is not None and mention.kind == "common":
            first = mention.span.text.split(maxsplit=1)[0]
            if first[:1].islower() and _looks_finite(first) \
                    and not _DETERMINER_WORD.fullmatch(first):
                # "who highlighted comments", "he later defended his remarks": a verb
                # (and its object) right after a pronoun or a name is that subject's verb,
                # and the subject is theirs. ("those surveyed said", "registered voters
                # agreed": nothing such before it, the phrase is the subject.)
                own = lexicon.match(_SUBJECT_TAIL, window, 0, mention.span.start - offset)
                verbs_subject = _mention(own, offset) if own else None
                if verbs_subject is not None and verbs_subject.kind in ("pronoun", "name"):
                    return verbs_subject
        return mention

    def _speaker_in_phrase(self, start: int, end: int) -> _Mention | None:
        """The last name of the phrase at ``start``, whole even past the full stop of an
        abbreviation ("Army Lt. Gen. Tom Reed"), or the phrase itself when it is a speaker's
        noun phrase; None when neither is."""
        phrase = lexicon.match(_AFTER_PHRASE, self.masked, start, end)
        found = self._name_in_phrase(phrase) if phrase else None
        if found is not None and found.kind == "common" \
                and not _speaker_shaped(found.span.text):
            head = _without_open_ending(found.span)
            found = None if head is None else _Mention(head, "common")
        if found is None or not _speaker_shaped(found.span.text):
            return None
        if found.kind == "name":
            whole = lexicon.match(_NAME_ONLY, self.masked, found.span.start, end)
            name = whole.group("name") if whole else ""
            if len(name) > len(found.span.text):
                if _ends_with_full_stop(name):
                    name = name[:-1]
                begin = whole.start("name") if whole else found.span.start
                return _Mention(Span(name, begin, begin + len(name)), "name")
        return found

    def _name_in_phrase(self, phrase: regex.Match[str]) -> _Mention | None:
        value = phrase.group("phrase")
        base = phrase.start("phrase")
        last: regex.Match[str] | None = None
        for found in lexicon.finditer(_NAME_IN_PHRASE, value):
            last = found
        if last is not None:
            start = base + last.start()
            return _Mention(Span(last.group(), start, last.end() + base), "name")
        pronoun = _PRONOUN_WORD.fullmatch(value)
        kind = "pronoun" if pronoun else "common"
        return _Mention(Span(value, base, base + len(value)), kind)

    # ----- names -----------------------------------------------------------------------
    def _names(self) -> list[tuple[int, tuple[str, ...]]]:
        """Every capitalised sequence outside quotes, as (position, entity tokens)."""
        found: list[tuple[int, tuple[str, ...]]] = []
        masked = self.masked
        # A text names the same people again and again: the entity of each distinct run is
        # worked out once (empty for a headline's words or a bare article).
        entity_of_run: dict[str, tuple[str, ...]] = {}
        for m in lexicon.finditer(_NAME_IN_PHRASE, masked):
            text = m.group()
            start = m.start()
            if text[:2] in _GLUED_MERIDIEMS and text[2:3].isupper() and text[3:4].islower():
                # "4:15 PMChris Christie": a live blog's time stamp run into the name.
                text, start = text[2:], start + 2
            if " " in text and _verb_like(text[:text.index(" ")]):
                # Tested first: most names are one word, and few start with a verb.
                opener = _without_opener(masked, Span(text, start, m.end()))
                text, start = opener.text, opener.start
            entity = entity_of_run.get(text)
            if entity is None:
                named = _without_headline_words(text) if " " in text else text
                entity = () if named is None else _entity_tokens(named)
                entity_of_run[text] = entity
            if entity:
                found.append((start, entity))
        return self._without_sentence_openers(found)

    def _without_sentence_openers(self, found: list[tuple[int, tuple[str, ...]]]
                                  ) -> list[tuple[int, tuple[str, ...]]]:
        """``found`` with a common word that opens a sentence cut from the name after it
        ("Maybe Trump …", "Follow Breitbart News on Twitter", "Top Clinton aides …"): a
        sentence capitalises any first word, and the text writes this one in lower case
        elsewhere. Only when the rest is a name the text uses on its own, so that a name
        whose first word is also a common word stays whole ("White House", "New York")."""
        entities = {entity for _, entity in found}
        masked = self.masked
        result = found
        for index, (start, entity) in enumerate(found):
            rest = entity[1:]
            if not rest or rest not in entities or len(entity) > 4 \
                    or entity[0].lower() in _GIVEN_NAMES or _is_role(entity[0]) \
                    or not _person_tokens(list(rest)) \
                    or not _opens_sentence_at(masked, start) \
                    or not _written_in_lower_case(masked, entity[0].lower()):
                continue
            if result is found:
                result = list(found)
            result[index] = (start + len(entity[0]) + 1, rest)
        return result

    def canonical(self, raw_name: str, position: int) -> tuple[str, bool]:
        """The fullest form of ``raw_name`` the document uses, and whether it is a person."""
        cached = self._canonical_cache.get(raw_name)
        if cached is not None:
            return cached
        tokens = _entity_tokens(raw_name)
        if not tokens:
            return raw_name, False
        female = _title_gender(raw_name)
        # A person's name grows into a person's fuller name when the text gives one: "Doe"
        # is then not the "Acme Institute Doe" or "Doe White House" a capitalised run glued
        # it to, nor "Doe Train"; only name suffixes may follow ("Tom Doe Jr.").
        best = self._fullest_form(tokens, True, female) if _person_form(tokens) else tokens
        if best == tokens:
            best = self._fullest_form(tokens, False, female)
        # A country or nationality alone ("Mexican", "Britain") names no person, however
        # often a pronoun follows it ("the Mexican president … he said").
        person = _person_tokens(list(best)) and not (
            len(best) == 1 and best[0].lower() in lexicon.PLACES
            and best[0].lower() not in _GIVEN_NAMES)
        result = " ".join(best), person
        self._canonical_cache[raw_name] = result
        return result

    def _fullest_form(self, tokens: tuple[str, ...], person_only: bool,
                      female: bool | None = None) -> tuple[str, ...]:
        """The longest form the text uses holding ``tokens``, one that ends with them first;
        with ``person_only``, only a person's name that ``tokens`` end or that name suffixes
        alone follow; with ``female`` known (from a title), never a form whose given name
        is the other sex's only ("Mrs. Lee" is not "Tom Lee", even when he is the only Lee
        named in full)."""
        best = tokens
        best_rank = (0, 0, 0)
        for form in self.forms_by_token.get(tokens[0], ()):
            if len(form) < len(best) and form != tokens:
                continue
            if person_only and form != tokens and not _person_form(form):
                continue
            if female is not None and form != tokens and _given_name_sex(form) is (not female):
                continue
            size = len(tokens)
            for index in range(len(form) - size + 1):
                if form[index:index + size] == tokens:
                    if index > 0 and form[index - 1] in ("of", "for"):
                        break  # "Utah" is not the "University of Utah" it is part of
                    suffix = index + size == len(form)
                    if person_only and not suffix and not all(
                            token.lower().rstrip(".") in lexicon.NAME_SUFFIXES
                            for token in form[index + size:]):
                        break
                    # "Mr. Khan" is the Khizr Khan the text names, before a Ghazala Khan
                    # whose given name no list knows.
                    fits = female is not None and _given_name_sex(form) is female
                    rank = (2 if suffix else 1, int(fits), len(form))
                    if rank > best_rank and len(form) >= len(best):
                        best, best_rank = form, rank
                    break
        return best

    def used_as_name(self, name: str) -> bool:
        """Whether a one-word name is used as one somewhere: capitalised inside a sentence
        ("… said Trump"), not only where every word is ("Residents were told …")."""
        if len(name.split()) > 1:
            return True
        if self._mid_sentence is None:
            found: set[str] = set()
            for position, entity in self.names:
                start, _ = self.sentence_bounds(position)
                if self.masked[start:position].strip(" \t\n\"“‘'(—–-" + _MASK):
                    found.update(entity)
            self._mid_sentence = frozenset(found)
        return name in self._mid_sentence

    # ----- organisations --------------------------------------------------------------
    def introduced(self) -> dict[str, set[str]]:
        """Canonical names the text introduces with an organisation noun ("ride-hailing
        company Acme", "union Unite"), by noun; "" collects those of any business noun."""
        if self._introduced is None:
            found: dict[str, set[str]] = {"": set()}
            for m in lexicon.finditer(_INTRODUCED_ORG, self.masked):
                noun = m.group("noun").lower()
                name = self.canonical(m.group("name"), m.start("name"))[0]
                found.setdefault(noun, set()).add(name)
                if noun in lexicon.BUSINESS_NOUNS:
                    found[""].add(name)
            self._introduced = found
        return self._introduced

    def organisation(self, mention: Span) -> str | None:
        """The named organisation a definite description stands for ("the company" -> the
        last business the text named before it), or None when the text names none."""
        described = lexicon.match(_ORG_DESCRIPTION, mention.text)
        if described is None:
            return None
        noun = described.group("noun").lower()
        business = noun in lexicon.BUSINESS_NOUNS
        name_words = lexicon.ORG_NOUN_NAME_WORDS.get(noun, frozenset({noun}))
        introduced = self.introduced()
        for position, entity in _names_before(self, mention.start):
            name, person = self.canonical(" ".join(entity), position)
            tokens = name.lower().split()
            if any(_is_title(token) for token in tokens):
                continue  # "Mr. Doe's Supreme Court": a person's, not an organisation's name
            named_by_kind = name in introduced.get(noun, ()) \
                or (business and name in introduced[""])
            if named_by_kind and not (person and tokens[0] in _GIVEN_NAMES):
                return name  # "developer Jane Doe" is a person, not the developer firm
            if len(tokens) >= 2 and not person and (
                    not name_words.isdisjoint(tokens)
                    or (business and tokens[-1] in lexicon.COMPANY_SUFFIXES)):
                return name
        return None


def _title_gender(raw_name: str) -> bool | None:
    """Whether the gendered title that opens ``raw_name`` is a woman's ("Mrs. Lee" ->
    True, "Mr. Lee" -> False); None without one."""
    first = raw_name.split(maxsplit=1)[0].lower().rstrip(".") if raw_name.strip() else ""
    if first in lexicon.FEMALE_TITLES:
        return True
    if first in lexicon.MALE_TITLES:
        return False
    return None


def _given_name_sex(form: tuple[str, ...]) -> bool | None:
    """True when a name form's first word is only a woman's given name, False when only a
    man's, None otherwise (unlisted or used by both)."""
    first = form[0].lower()
    female = first in lexicon.FEMALE_NAMES
    if female == (first in lexicon.MALE_NAMES):
        return None
    return female


def _written_in_lower_case(masked: str, word: str) -> bool:
    """Whether ``word`` (lower case) stands as a word of its own somewhere in ``masked``."""
    at = masked.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not masked[at - 1].isalpha()) \
                and (end == len(masked) or not masked[end].isalpha()):
            return True
        at = masked.find(word, end)
    return False


def _opens_sentence_at(masked: str, position: int) -> bool:
    """Whether only opening marks stand between ``position`` and its sentence's start."""
    before = masked[max(0, position - 8):position].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n—–"


_VERB_WORDS = lexicon.VERB_FORMS | lexicon.REPORTING_VERBS


@lru_cache(maxsize=4096)
def _verb_like(word: str) -> bool:
    """A listed verb form or a participle's ending ("Said", "Celebrating", "Understated"),
    and no listed given name ("Will", "Irving")."""
    lower = word.lower()
    return (lower in _VERB_WORDS or (len(lower) >= 6 and lower.endswith(("ing", "ed")))) \
        and lower not in _GIVEN_NAMES


def _without_opener(masked: str, mention: Span) -> Span:
    """``mention`` without a verb or participle that opens its sentence before the name
    ("Celebrating Ann Lee" -> "Ann Lee", "Said Tom Reed" -> "Tom Reed"): a verb-like word,
    never capitalised inside a sentence; the rest must read as a person's name ("Downing
    Street" stays whole)."""
    first, space, rest = mention.text.partition(" ")
    if not space or not _verb_like(first) or not _opens_sentence_at(masked, mention.start) \
            or _used_inside_sentence(masked, first):
        return mention
    rest = rest.lstrip()
    if not _person_tokens(rest.split()):
        return mention
    start = mention.end - len(rest)
    return Span(rest, start, mention.end)


#: Capitalised words that no name holds after its first word, but that title case capitalises
#: in a headline ("Doe Is Right", "Roe Just Made A Prediction About Taxes", "Poll Shows Her
#: Lead"). "Of", "The", "For" and "And" are left out: organisations keep them ("Bank Of
#: America"); so are given names that are also such words ("Will", "May", "Can", "Do").
_HEADLINE_WORDS = frozenset({
    "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Does", "Did", "Would",
    "Could", "Should", "Must", "Not", "Just", "Also", "Now", "Still", "Even", "To", "On", "In",
    "At", "By", "With", "From", "Into", "Onto", "After", "About", "Over", "Against", "Off",
    "Out", "Up", "He", "She", "They", "It", "We", "You", "His", "Her", "Their", "Its", "Our",
    "Your", "Him", "Them", "That", "This", "Who", "What", "Why", "How",
})


def _without_headline_words(run: str) -> str | None:
    """A capitalised run as far as it names someone, or None when it is a headline's words.

    A headline in title case runs a name on into its verb and the rest ("Jane Doe Is Right",
    "Tom Reed Calls for Inquiry"): a listed verb after a person's name of two words or more
    ends the name there ("Tom Reed Calls" -> Tom Reed); a closed-class word capitalised
    after the first word makes the run a headline's, no longer form of any name it holds,
    unless only a given name and a surname stand before it.
    """
    tokens = run.split()
    for index in range(1, len(tokens)):
        word = tokens[index]
        if word.capitalize() in _HEADLINE_WORDS:
            # "Jane Doe Is Right": a given name and a surname before the headline's verb
            # are still her name; anything longer may hold its verb ("Doe Hits Roe On").
            if index == 2 and tokens[0].lower() in _GIVEN_NAMES \
                    and _person_tokens(tokens[:index]):
                return " ".join(tokens[:index])
            return None
        lower = word.lower()
        if index >= 2 and lower in _VERB_WORDS and lower not in _GIVEN_NAMES \
                and _person_tokens(tokens[:index]):
            return " ".join(tokens[:index])
    return run


#: The last character of every possessive ending ("’s", "'s", "s’", "s'").
_POSSESSIVE_LAST = frozenset("s’'")
#: Time stamps that live blogs print with no space before the entry's first word.
_GLUED_MERIDIEMS = frozenset({"AM", "PM"})


def _strip_possessive(token: str) -> str:
    if token[-1:] not in _POSSESSIVE_LAST:
        return token  # nearly every token: one test instead of three
    for ending in ("’s", "'s"):
        if token.endswith(ending):
            return token[: -len(ending)]
    if token.endswith(("s’", "s'")) and len(token) > 2:
        return token[:-1]  # a plural or -s name's possessive: "Fox News’ host", "Sanders’"
    return token


def _is_title(token: str) -> bool:
    bare = token.rstrip(",")
    return bare.lower() in lexicon.TITLES or bare.rstrip(".") in lexicon.TITLE_ABBREVIATIONS


#: Titles and party words ("Republican Ann Lee"): party words stand before a name as titles
#: do, but are kept apart from titles, which also mark a name as a person's elsewhere.
_ROLE_WORDS = lexicon.TITLES | lexicon.PARTY_WORDS


def _is_role(token: str) -> bool:
    bare = token.rstrip(",")
    lower = bare.lower()
    # A plural title heads a list of names ("Senators Ann Lee and Tom Reed"): a title too.
    return lower in _ROLE_WORDS or bare.rstrip(".") in lexicon.TITLE_ABBREVIATIONS \
        or (lower.endswith("s") and lower[:-1] in lexicon.TITLES and len(lower) > 4)


def _is_org(token: str) -> bool:
    bare = token.rstrip(".,")
    return bare.lower() in lexicon.ORG_WORDS or (len(bare) > 1 and bare.isupper()
                                                  and bare.lower() not in lexicon.NAME_SUFFIXES)


def _person_tokens(tokens: list[str]) -> bool:
    """Whether a capitalised sequence (titles already stripped) reads as a person's name."""
    core = [token for token in tokens if not _is_title(token)]
    if not core or len(core) > 5:
        return False
    if any(_is_org(token) for token in core):
        return False
    if len(core) > 1 and core[-1].lower() in lexicon.COMPANY_SUFFIXES:
        return False  # "Acme Foods", "Brightwater plc": a company
    return all(token[:1].isupper() or token.lower() in lexicon.NAME_PARTICLES
               or token.lower().rstrip(".") in lexicon.NAME_SUFFIXES for token in core)


@lru_cache(maxsize=4096)
def _person_form(tokens: tuple[str, ...]) -> bool:
    """:func:`_person_tokens` of a name form; the same forms recur across lookups. Initials
    ("George H.W. Bush") are no acronym of an organisation here."""
    named = [token for token in tokens if not _INITIALS.fullmatch(token)]
    return bool(named) and _person_tokens(named)


_INITIALS = regex.compile(r"(?:\p{Lu}\.){2,}")


#: Titles that stand only before a surname or a full name, never alone.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
#: Words that open a capitalised sequence without belonging to the entity it names.
_LEADING_ARTICLES = frozenset({"the", "a", "an", "according"})


def _entity_tokens(raw_name: str) -> tuple[str, ...]:
    """The entity a capitalised sequence names: the person in it if there is one, else all.

    "UN High Commissioner for Human Rights Volker Turk" -> Volker Turk; "Duwa Lashi La of the
    NUG" -> Duwa Lashi La; "Amnesty International" -> Amnesty International.
    """
    raw_tokens = raw_name.split()
    if len(raw_tokens) == 1:
        # Most capitalised sequences are one word ("Trump", "Washington"); with nothing
        # beside it to give way to, a word is its own entity, and the general rules below
        # would return exactly that.
        token = raw_tokens[0]
        return () if token.lower() in _LEADING_ARTICLES else (_strip_possessive(token),)
    return _entity_of_words(raw_name)


@lru_cache(maxsize=4096)
def _entity_of_words(raw_name: str) -> tuple[str, ...]:
    """:func:`_entity_tokens` of a sequence of several words; the same names recur within
    and across articles, and the rules cost far more than a lookup."""
    raw_tokens = raw_name.split()
    while raw_tokens and raw_tokens[0].lower() in _LEADING_ARTICLES:
        raw_tokens.pop(0)
    if not raw_tokens:
        return ()
    tokens = [_strip_possessive(token) for token in raw_tokens]
    for index, (raw_token, token) in enumerate(zip(raw_tokens[:-2], tokens, strict=False)):
        if token != raw_token:
            # "Ethiopia's Almaz Tesfaye", "Acme's Jane Doe": the person after a possessive is
            # the entity, the owner only places them ("McDonald's Corp" stays whole).
            owned = _entity_tokens(" ".join(raw_tokens[index + 1:]))
            if len(owned) >= 2 and _person_tokens(list(owned)):
                return owned
            if len(owned) >= 3 and "of" in owned and _is_org(owned[0]):
                # "Obama's Council of Economic Advisers": the organisation owned is named.
                return owned
            break
    number = next((index for index, token in enumerate(tokens) if token.isdigit()), 0)
    if number >= 2:
        # A bare number after a person's full name is no part of it ("Barack Obama's 2008
        # win", "Tom Reed 43"); after anything else it may be ("Channel 4", "Article 33").
        head = _entity_of_words(" ".join(raw_tokens[:number]))
        if len(head) >= 2 and _person_tokens(list(head)):
            return head
    parts: list[list[str]] = [[]]
    #: Parts that follow a lower-case "of" or "for" (a headline's "Of" links nothing).
    owned_parts: set[int] = set()
    for token in tokens:
        if token.lower() in {"of", "for", "the", "at", "on", "and"}:
            if parts[-1] or token not in ("of", "for"):
                parts.append([])
            if token in ("of", "for"):
                owned_parts.add(len(parts) - 1)
        else:
            parts[-1].append(token)
    candidates: list[list[str]] = []
    after_org = False
    for number, part in enumerate(parts):
        if not part:
            continue
        if after_org and number in owned_parts:
            # "Council of Economic Advisers", "Bank of New England": what follows an
            # organisation word's "of" names the organisation, never a person in it.
            after_org = all(_is_org(token) for token in part)
            continue
        after_org = all(_is_org(token) and not _is_role(token) for token in part)
        index = 0
        while index < len(part) and (_is_role(part[index]) or _is_org(part[index])
                                     or (part[index].lower() in lexicon.PLACES
                                         and len(part) - index > 2)):
            # A place or nationality before a name is no part of it ("Kenyan Jane Doe"),
            # unless only a surname would be left ("Chad Smith" is a name).
            index += 1
        last_title = max((at for at in range(index, len(part) - 1) if _is_role(part[at])),
                         default=-1)
        if last_title >= 0 and _person_tokens(part[last_title + 1:]):
            # "Emergency Services Minister Jane Doe", "Local MP Jane Doe": the words before
            # the last title are its portfolio or place, not the person.
            index = last_title + 1
        candidate = part[index:]
        if candidate and index > 0 and part[index - 1].lower().rstrip(".") in _HONORIFICS \
                and _person_tokens(candidate):
            # "Mr. Nevins of Showtime": an honorific marks its own part as the person.
            return tuple(candidate)
        if candidate and _person_tokens(candidate) and not (
            len(candidate) == 1 and index > 0 and _is_org(part[index - 1])
            and not _is_title(part[index - 1])
        ):
            # "Jane Doe of Climate Action Now": the head of "X of Y" is the person when it
            # has a first and last name (the first such part wins, the rest need no look);
            # otherwise the last person-like part ("Secretary of State Ann Lee").
            if len(candidate) >= 2:
                return tuple(candidate)
            candidates.append(candidate)
    if candidates:
        return tuple(candidates[-1])
    if len(tokens) == 2 and tokens[0].lower().rstrip(".") in _HONORIFICS \
            and tokens[1][:1].isupper():
        # "Mr. King", "Dr. Prince": after an honorific the rest is a surname, whatever
        # else the word may mean.
        return tuple(tokens[1:])
    return tuple(tokens)


def _visible_end(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends once trailing closing marks and invisible characters
    are dropped."""
    while end > start and (text[end - 1] in _CLOSING_MARKS
                           or unicodedata.category(text[end - 1]) in _INVISIBLE_CATEGORIES):
        end -= 1
    return end


#: A word of four letters or more: a headline capitalises every one of them, prose its names.
_LONG_WORD = regex.compile(r"\p{L}{4,}")
#: Title case leaves short prepositions and conjunctions in lower case ("Doe Blasts Roe from
#: the Stage"): only another word of four letters or more in lower case makes a paragraph prose.
_TITLE_CASE_LOWER = ("from", "with", "into", "onto", "over", "upon", "than", "that", "amid",
                     "near", "past")
_LOWER_LONG_WORD = regex.compile(
    rf"(?<!\p{{L}})(?!(?:{'|'.join(_TITLE_CASE_LOWER)})(?!\p{{L}}))\p{{Ll}}\p{{L}}{{3}}")
# A headline is one line; longer paragraphs are not looked at (and cost nothing).
_TITLE_CASE_MAX_CHARS = 300
# A paragraph ending as a clause does is prose, whatever its capitals.
_PROSE_ENDINGS = frozenset(",;:")
#: What may close a headline: a full stop (some archives add one), "?" or "!", closing marks
#: and a quotation ("Doe Slams ‘Fake News.’").
_HEADLINE_CLOSE = ".!?…”\"’'" + _MASK


def _title_cased_paragraphs(doc: Document, masked: str) -> set[int]:
    """Paragraphs whose long words all start with a capital, at least three of them.

    A headline in title case ("Glenn Beck Blasts Drudge Over Poll") runs names and verbs
    together; reading its capitalised run as a person's fullest name would name the speaker
    "Glenn Beck Blasts Drudge". Prose with three long words all capitalised is a name list
    at most, and the names it holds appear again in the story. A paragraph ending as a
    sentence does counts only at the top, before the story's first paragraph of prose: some
    archives end a headline with a full stop, but inside a story such a paragraph is prose.
    """
    found: set[int] = set()
    at_top = True
    for index, (start, end) in enumerate(doc.paragraphs):
        last = masked[end - 1]
        if end - start > _TITLE_CASE_MAX_CHARS or last in _PROSE_ENDINGS \
                or (not at_top and last in _HEADLINE_CLOSE):
            at_top = False
            continue
        if lexicon.search(_LOWER_LONG_WORD, masked, start, end) is not None \
                or len(lexicon.finditer(_LONG_WORD, masked, start, end)) < 3:
            at_top = False
            continue
        body_end = start + len(masked[start:end].rstrip(_HEADLINE_CLOSE))
        if body_end < end and lexicon.search(_SENTENCE_END, masked, start, body_end):
            at_top = False
            continue  # two sentences: prose, or a name list ("Ann Lee, Acme. Tom Reed, Zeta.")
        found.add(index)
    return found


def _heading_paragraphs(doc: Document, masked: str, spans: Sequence[QuoteSpan]) -> set[int]:
    headings = set(doc.heading_paragraphs)
    if doc.paragraphs:
        start, end = doc.paragraphs[0]
        first = doc.text[start:_visible_end(doc.text, start, end)]
        # At most 31 words split off: whether there are more than 30 without listing a
        # long paragraph's every word.
        if first and first[-1] not in _FINAL_PUNCTUATION and len(first.split(None, 30)) <= 30 \
                and len(doc.paragraphs) > 1:
            headings.add(0)
    for span in spans:
        if span.first_paragraph != span.last_paragraph:
            continue
        start, end = doc.paragraphs[span.first_paragraph]
        if end - start > span.end - span.start + 12:
            continue  # more than the quote and its marks: not a quote-only paragraph
        outside = masked[start:end].replace(_MASK, "").strip(" \t.")
        words = len(_WORD.findall(doc.text[span.start:span.end]))
        content = doc.text[span.start:span.end].rstrip()
        if not outside and words <= 12 and content[-1:] not in _FINAL_PUNCTUATION:
            headings.add(span.first_paragraph)
    return headings


def attribute(doc: Document, spans: Sequence[QuoteSpan]) -> tuple[Quote, ...]:
    """Quote records for ``spans`` with speakers; ids q1, q2, … in document order."""
    ordered = sorted(spans, key=lambda span: span.start)
    analysis = _Analysis(doc, ordered)
    masked = analysis.masked
    headings = analysis.headings
    if language.detect(doc.text) == "de":
        return _records(doc, ordered, headings,
                        speakers_german.attribute(doc, ordered, masked, headings))
    found: list[_Attribution | None] = []
    deferred: list[_Attribution | None] = []
    for span in ordered:
        if span.first_paragraph in headings:
            found.append(None)
            deferred.append(None)
            continue
        label = _transcript_label(doc, span)
        if label is not None:
            found.append(label)
            deferred.append(None)
            continue
        direct, fallback = _direct_attribution(analysis, span)
        if direct is not None:
            direct = _block_lead_in(analysis, span, direct) or direct
        # An attribution right after the quote ("“…,” Doe said") stands: most quotes have
        # one, and they then skip the document rule altogether.
        document = _document_attribution(analysis, span, direct) \
            if direct is None or (direct.mention.start < span.stop
                                  and direct.mention.text not in _THING_PRONOUNS) else None
        if document is None:
            document = _poll_frame_attribution(analysis, span, direct)
        if document is not None:
            direct, fallback = document, None
        else:
            crowd = _crowd_attribution(analysis, span, direct)
            if crowd is not None:
                direct, fallback = crowd, None
        found.append(direct)
        deferred.append(fallback)
    _inherit(analysis, ordered, found, deferred, headings)
    for index, span in enumerate(ordered):
        if found[index] is None and span.first_paragraph not in headings \
                and not analysis.looks_like_title(span) \
                and len(_WORD.findall(doc.text[span.start:min(span.end, span.start + 40)])) \
                >= _MIN_WORDS:
            # "Doe openly admires Roe as a “strong leader”": a phrase quoted inside a
            # sentence about a person is that person's wording, whatever the verb.
            found[index] = _subject_of_sentence(analysis, span)
    return _records(doc, ordered, headings, [
        None if attribution is None else _speaker(analysis, attribution)
        for attribution in (
            # "The senator … and later said, “…”": a rejected mention gives way to the
            # subject that opens the quote's sentence.
            _shaped(masked, found_one)
            or (None if found_one is None
                else _shaped(masked, _subject_of_sentence(analysis, span)))
            for found_one, span in zip(found, ordered, strict=True))])


#: Lower-case words that stand in a sentence's subject slot yet name nobody: time words and
#: adverbs ("what's today called …", "and later said") and degree words ("more divisive
#: remarks").
_NON_SPEAKER_WORDS = frozenset({
    "today", "tonight", "yesterday", "tomorrow", "later", "earlier", "often", "now", "then",
    "also", "soon", "once", "again", "ever", "never", "always", "sometimes", "usually",
    "still", "even", "just", "already", "more", "most", "less", "least", "much", "very",
    "too", "so", "such",
})
#: Nouns of time and measure that head a phrase in a subject's place but say nothing ("at
#: one point calling …", "said the days when …").
_NON_SPEAKER_NOUNS = frozenset({"point", "days", "time", "times", "moment", "rest"})
#: Words a noun phrase does not end with: a phrase cut off before its head noun ("all of
#: the", "many of the same").
_OPEN_ENDINGS = frozenset({
    "of", "the", "a", "an", "to", "and", "or", "for", "with", "in", "on", "at", "by", "from",
    "as", "that", "than", "same", "this", "these", "those", "its", "his", "her", "their",
})
#: Adjective endings: a phrase that ends in one lacks its noun ("the two lengthy
#: investigative"); a word alone with one is no subject ("interesting", "disavowing"). People
#: nouns with those endings are kept; "-ing" ends nouns too ("the ruling", "the filing"), so
#: it counts only for a word alone.
_ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "able", "ible")
_PEOPLE_IN_ADJECTIVE_FORM = frozenset({
    "executive", "representative", "detective", "relative", "conservative", "native",
    "operative", "progressive", "captive", "fugitive", "collective", "directive",
})
#: Nouns ending in "-ly", which otherwise marks an adverb ("reportedly", "later").
_LY_NOUNS = frozenset({"family", "rally", "ally", "assembly", "daily", "weekly", "monthly",
                       "quarterly", "bully", "supply", "monopoly", "anomaly", "homily"})
#: Contracted subjects of "is" that are no speaker ("It's not enough …", "That's why …").
_CONTRACTED_NON_SPEAKERS = frozenset({"it", "that", "there", "what", "here", "this", "who"})
_APOSTROPHES = "’'"


def _text_span(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` as a Span: a mention in the words of ``text`` at those offsets."""
    return Span(text[start:end], start, end)


def _group_span(text: str, found: regex.Match[str], group: str) -> Span:
    """Group ``group`` of ``found`` as a Span of ``text``: pass the original text for a
    match on the masked copy, whose masked quotes must not reach a mention."""
    return _text_span(text, *found.span(group))


def _adjective_shaped(word: str) -> bool:
    """Whether a lower-case word has an adjective's or adverb's ending and is not one of the
    nouns with that ending."""
    return (word.endswith("ly") and word not in _LY_NOUNS) \
        or (word.endswith(_ADJECTIVE_ENDINGS) and word not in _PEOPLE_IN_ADJECTIVE_FORM)


def _speaker_shaped(mention: str) -> bool:
    """Whether ``mention`` reads as a noun phrase that can say something.

    A rule that takes the words before or after a cue as its speaker sometimes takes an
    adverb ("often"), a verb form ("came", "disavowing"), an adjective ("more divisive"), a
    contracted clause ("It's", "The results aren't") or a phrase cut off before its noun ("all
    of the"): verify would then report a quote as said by "more divisive". Only lower-case
    words are judged: a capitalised one may be a name ("Al From", "Echo Point").
    """
    words = mention.split()
    if not words:
        return False
    lower = [word.lower().strip(",.;:") for word in words]
    # Both contraction tests need an apostrophe, which nearly no mention holds.
    for apostrophe in _APOSTROPHES if "’" in mention or "'" in mention else ():
        if any(word.endswith(f"n{apostrophe}t") for word in lower):
            return False  # "The final results aren't": a clause, not its subject
        if lower[-1].endswith(f"{apostrophe}s") \
                and lower[-1][:-2] in _CONTRACTED_NON_SPEAKERS:
            return False
    if not words[-1][:1].islower():
        return True
    last = lower[-1]
    if len(words) == 1:
        return not (last in _NON_SPEAKER_WORDS or last in _NON_SPEAKER_NOUNS
                    or _verb_like(last) or _adjective_shaped(last)
                    or (len(last) >= 6 and last.endswith("ing")))
    if lower[0] in _NON_SPEAKER_WORDS and words[0][:1].islower():
        return False  # "more divisive"
    # "the days when the nation had": a clause, ended by its verb.
    return not (last in _OPEN_ENDINGS or last in _NON_SPEAKER_NOUNS or _adjective_shaped(last)
                or last in lexicon.VERB_FORMS)


#: Words that make a participle after them a noun phrase: "those surveyed", "the accused".
_PARTICIPLE_DETERMINERS = frozenset({"those", "the", "these", "all", "many", "some", "most"})


def _shaped(masked: str, attribution: _Attribution | None) -> _Attribution | None:
    """``attribution`` if its mention reads as a speaker's noun phrase, cut back to its head
    noun phrase when a verb runs on in it ("The piece used one of" -> "The piece"), or
    widened to the determiner that makes a participle a noun ("surveyed" -> "those
    surveyed"); else None: no speaker beats "more divisive"."""
    if attribution is None or _speaker_shaped(attribution.mention.text):
        return attribution
    mention = attribution.mention
    cue = attribution.cue
    before = masked[max(0, mention.start - 8):mention.start]
    determiner = before.rstrip(" \t").rsplit(None, 1)[-1] if before.strip() else ""
    if " " not in mention.text and before.endswith((" ", "\t")) \
            and determiner.lower() in _PARTICIPLE_DETERMINERS \
            and mention.text.endswith("ed"):
        start = mention.start - (len(before) - before.rstrip(" \t").rfind(determiner))
        return _Attribution(_text_span(masked, start, mention.end), "common", cue)
    if cue is not None and mention.text[-2:-1] in _APOSTROPHES and mention.end <= cue.start \
            and cue.start - mention.end <= 1:
        return attribution  # "It's denouncing the plan": "is" the auxiliary of its cue
    if attribution.kind == "common":
        head = _head_noun_phrase(_Mention(mention, "common")).span
        if head != mention and _speaker_shaped(head.text):
            return _Attribution(head, "common", cue)
        trimmed = _without_open_ending(mention)
        if trimmed is not None:
            return _Attribution(trimmed, "common", cue)
    return None


def _without_open_ending(mention: Span) -> Span | None:
    """A phrase cut off before its noun, back to the noun phrase it holds: "the authors of
    the" -> "the authors"; None when that leaves a word alone ("all of the" -> "all")."""
    words = mention.text.split()
    while words and words[-1] in _OPEN_ENDINGS:
        words.pop()
    text = " ".join(words)
    if len(words) < 2 or not mention.text.startswith(text) or not _speaker_shaped(text):
        return None
    return Span(text, mention.start, mention.start + len(text))


#: A transcript's speaker label opening the quoted words: "RAMOS: Secretary Clinton, …".
_TRANSCRIPT_LABEL = regex.compile(
    r"[ \t]*(?P<name>\p{Lu}[\p{Lu}’'.\-]+(?:[ \t]+\p{Lu}[\p{Lu}’'.\-]+){0,2}):(?=\s)"
)


def _transcript_label(doc: Document, span: QuoteSpan) -> _Attribution | None:
    """The label in capitals that opens a relayed transcript ("Partial transcript: ¶
    "WALLACE: Let’s start …"): whoever the lead-in names, the words are the labelled
    speaker's, as in any transcript. Not when a later paragraph of the quote opens with
    another label: one quote holding two speakers' turns is no one's alone."""
    text = doc.text
    if not text[span.start:span.start + 2].isupper():
        return None  # nearly every quote: a string test is cheaper than the pattern
    found = lexicon.match(_TRANSCRIPT_LABEL, text, span.start, min(span.end, span.start + 60))
    if found is None:
        return None
    for index in range(span.first_paragraph + 1, span.last_paragraph + 1):
        start = doc.paragraphs[index][0]
        start += len(text[start:start + 2]) - len(text[start:start + 2].lstrip("\"“"))
        turn = lexicon.match(_TRANSCRIPT_LABEL, text, start, min(span.end, start + 60))
        if turn is not None and turn.group("name") != found.group("name"):
            return None
    return _Attribution(_group_span(text, found, "name"), "name", None)


def _block_lead_in(analysis: _Analysis, span: QuoteSpan,
                   direct: _Attribution) -> _Attribution | None:
    """The colon lead-in ending the paragraph before a quote that opens its paragraph ("As
    the Ledger reported: ¶ "…. “…,” one member said.""), when the quote's own attribution
    is a cue after another quote: that cue attributes the nearer quote, nested in the relayed
    text; the block is the lead-in's. None when the rule does not apply."""
    masked = analysis.masked
    if direct.mention.start < span.stop or _MASK not in masked[span.stop:direct.mention.start] \
            or span.first_paragraph == 0:
        return None
    paragraphs = analysis.doc.paragraphs
    if masked[paragraphs[span.first_paragraph][0]:span.open_mark].strip():
        return None
    prior_start, prior_end = paragraphs[span.first_paragraph - 1]
    if not masked[prior_start:prior_end].rstrip().endswith(":"):
        return None
    return _direct_lead_in(analysis, prior_start, prior_end)


def _speaker(analysis: _Analysis, attribution: _Attribution) -> tuple[Speaker, Span | None]:
    """The speaker record of an attribution, and its cue."""
    masked = analysis.masked
    if attribution.kind == "name" and " " in attribution.mention.text:
        # "Celebrating Clinton’s win, …": the participle is no part of the name.
        attribution = _Attribution(_without_opener(masked, attribution.mention),
                                   attribution.kind, attribution.cue)
    if attribution.kind == "common" or attribution.mention.text in _POSSESSIVES:
        # "Her counterpart, Jonas Keller, was more cautious: …": the name set off after the
        # noun phrase says who speaks, not the possessive before it.
        apposed = _apposed(masked, 0, _Mention(attribution.mention, attribution.kind))
        if apposed.kind == "name" and apposed.span != attribution.mention:
            attribution = _Attribution(apposed.span, "name", attribution.cue)
    return Speaker(_resolve(analysis, attribution), attribution.mention), attribution.cue


def _records(doc: Document, ordered: Sequence[QuoteSpan], headings: set[int],
             speakers: Sequence[tuple[Speaker, Span | None] | None]) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for number, (span, said) in enumerate(zip(ordered, speakers, strict=True), start=1):
        kind: QuoteKind = "heading" if span.first_paragraph in headings else "quotation"
        speaker, cue = said if said is not None and kind == "quotation" else (None, None)
        quotes.append(Quote(f"q{number}", doc.text[span.start:span.end], span.start, span.end,
                            speaker, cue, kind))
    return tuple(quotes)


def _looks_like_title(text: str, span: QuoteSpan) -> bool:
    """Title case ("Blue Moon", "How to Foster Growth"): a title or name, said by nobody."""
    words = _WORD.findall(text[span.start:min(span.end, span.start + _REACH)])
    if not words:
        return True
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised * 5 >= len(words) * 3


def _subject_of_sentence(analysis: _Analysis, span: QuoteSpan) -> _Attribution | None:
    """The named or pronoun subject that opens the quote's sentence, if any."""
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    start = max(sentence_start, span.open_mark - _REACH)
    subject = analysis.clause_subject(analysis.masked[start:span.open_mark], start)
    if subject is None or subject.kind not in ("name", "pronoun") \
            or subject.span.text.lower() in ("it", "we", "i"):
        return None
    return _Attribution(subject.span, subject.kind, None)


def _from_event(event: _Event, use_after: bool) -> _Attribution | None:
    mention = event.after if use_after else event.before
    if mention is None:
        return None
    return _Attribution(mention.span, mention.kind, event.cue)


def _direct_attribution(analysis: _Analysis, span: QuoteSpan
                        ) -> tuple[_Attribution | None, _Attribution | None]:
    """The attribution of ``span`` from cues around it, and a fallback that only counts when
    no earlier quote of its paragraph speaks for it ("X said. “….” He added …")."""
    masked = analysis.masked
    stop = span.stop
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    _, sentence_end = analysis.sentence_bounds(max(span.open_mark, stop - 1))
    paragraph_end = analysis.doc.paragraphs[span.last_paragraph][1]
    # Every event this reads has its cue in the quote's sentences, or is the first after the
    # quote and before the end of its last paragraph; the look-backs stop at the sentence.
    events = analysis.events_around(sentence_start, sentence_end, stop,
                                    min(paragraph_end, stop + 250))
    first_after = bisect_right([event.cue.start for event in events], stop - 1)
    deferred: _Attribution | None = None
    inverted = _inverted_opening(analysis, span, sentence_start)
    if inverted is not None:
        return inverted, None
    # 0. A quote right after the cue of an adverbial clause is that clause's, not the main
    #    clause's that follows it: "When Roe shouted, “…,” Doe joked, “…”".
    if first_after > 0:
        event = events[first_after - 1]
        if event.cue.end <= span.open_mark <= event.cue.end + 6 \
                and not masked[event.cue.end:span.open_mark].strip(" ,:\t") \
                and _subordinator(masked, event, sentence_start) is not None and (
                    (first_after < len(events)
                     and _opens_next_clause(masked, events[first_after], stop))
                    or lexicon.match(_UNLISTED_CUE, masked, stop,
                                     min(paragraph_end, stop + 200))):
            return _from_event(event, False), None
    # 1. Right after the quote: "…,” Turk said" / "…,” said Jane Doe" / "…” — Jane Doe".
    if first_after < len(events):
        event = events[first_after]
        if event.cue.start < min(paragraph_end, stop + 250):
            gap = masked[stop:event.cue.start]
            # "“…,” referring to the Iron Hand", "“…,” citing a ruling": after a participle
            # the phrase is its object; the sentence's subject speaks (step 2).
            if not gap.strip(" ,\t") and not _takes_object(event.cue.text) \
                    and (event.speaker_after or not _is_participle(event.cue.text)):
                attribution = _from_event(event, True)
                if attribution is not None:
                    return _first_of_double_cue(analysis, events, first_after, span,
                                                sentence_start, attribution), None
            before = event.before
            # "“…,” Turk said" attributes the quote; after a full stop inside the marks
            # ("“….” He added, “…”") the subject opens the next sentence, which may carry a
            # quote of its own: then it is only a last resort.
            if before is not None and before.span.start >= stop \
                    and not masked[stop:before.span.start].strip(" ,\t") \
                    and not _quoted_antecedent(analysis.text, span, before):
                if not _ends_sentence(analysis.text, span) \
                        and not _new_sentence_after(analysis, span, before):
                    attribution = _Attribution(before.span, before.kind, event.cue)
                    return _first_of_double_cue(analysis, events, first_after, span,
                                                sentence_start, attribution), None
                _, next_end = analysis.sentence_bounds(event.cue.start)
                if _MASK not in masked[event.cue.end:min(next_end, event.cue.end + _REACH)] \
                        and _opens_sentence(analysis, span):
                    # Only a quote standing as a sentence of its own: one that closes a
                    # sentence about something else ("signs that read “…”") is not the
                    # next sentence's subject's.
                    deferred = _from_event(event, False)
    if analysis.text[span.start:span.end].rstrip()[-1:] in (",", "!", "?", "—"):
        unlisted = lexicon.match(_UNLISTED_CUE, masked, stop, min(paragraph_end, stop + 200))
        if unlisted is not None:
            return _unlisted_attribution(unlisted), None
    if _capitalised_cue_ahead(masked, stop):
        capitalised = lexicon.match(_APPOSED_CAPITALISED_CUE, masked, stop,
                                    min(paragraph_end, stop + 250))
        named = _mention(capitalised, 0) if capitalised is not None else None
        if capitalised is not None and named is not None:  # (the name group always matches)
            return _Attribution(named.span, named.kind,
                                Span(capitalised.group("cue"), capitalised.start("cue"),
                                     capitalised.end("cue"))), None
    dash_end = min(paragraph_end, stop + 200)
    first = masked[stop:dash_end].lstrip()[:1]  # the pattern's dash, past its \s*
    dash = lexicon.match(_DASH_ATTRIBUTION, masked, stop, dash_end) \
        if first and first in _DASHES else None
    if dash is not None:
        name = dash.group("name")
        mention = Span(name, dash.start("name"), dash.end("name"))
        return _Attribution(mention, "name", None), None
    relative_thing = _relative_thing_attribution(analysis, span, sentence_start)
    if relative_thing is not None:
        return relative_thing, None
    # A possessive owner's noun of saying nearer the quote than any cue: "Lee blamed the
    # press for Roe's claim that “…”" -> Roe; "her call for “…”" -> her.
    owned = _owned_noun_attribution(
        analysis, span, sentence_start,
        (events[index]
         for index in range(first_after - 1, max(-1, first_after - 1 - _LOOK_BACK), -1)
         if events[index].cue.start >= sentence_start))
    agent = _agent_attribution(analysis, span, events, first_after, sentence_start, owned)
    if agent is not None:
        return agent, None
    if masked[max(sentence_start, span.open_mark - 16):span.open_mark].rstrip().endswith(":"):
        with_lead = _with_participle_lead(masked, max(sentence_start, span.open_mark - 120),
                                          span.open_mark)
        if with_lead is not None:
            return with_lead, None
    # 2. The last cue before it in its sentence: "X said that “…”", "according to X, … “…”".
    #    A named or pronoun subject beats a common noun ("the data showed"), and "according
    #    to X" anywhere in the sentence beats a common noun too: it sources the whole sentence.
    weak: _Attribution | None = None
    index = first_after - 1
    while index >= max(0, first_after - _LOOK_BACK) and events[index].cue.start >= sentence_start:
        event = events[index]
        if owned is not None and owned.cue is not None and event.cue.start < owned.cue.start:
            return owned, None
        if index > 0 and _framed_noun(masked, events[index - 1], event, span.open_mark):
            # "Scott, who called Reed's comments “toxic”": the noun is the framing verb's
            # object, the quote its complement; the verb's subject speaks.
            index -= 1
            continue
        if _colon_common_subject(masked, event, span.open_mark, sentence_start):
            # "Reed said as the heckler yelled: “…”": a subject right before its cue and a
            # colon introduce the quote, whatever clause they stand in; a named subject
            # earlier in the sentence says other words.
            return _from_event(event, False), None
        if weak is not None and event.cue.start >= weak.mention.end \
                and not _verbal_event(event):
            # "The campaign shrugged off Roe's comments, telling …": a cue between a later
            # cue and its subject is that clause's object, which says nothing of the quote.
            index -= 1
            continue
        if event.cue.end <= span.open_mark and _closed_clause(analysis, event, span.open_mark,
                                                               sentence_start):
            # "When Roe suggested …, Doe fired back: “…”", "when Roe said …, a man yelled
            # “…”": an adverbial clause's cue says nothing of the main clause's quote.
            index -= 1
            continue
        if event.cue.end <= span.open_mark:
            attribution = _from_event(event, event.speaker_after)
            if attribution is not None:
                aside = _aside_between(analysis, events, index, first_after, attribution,
                                       sentence_start)
                if aside is not None:
                    # "… no different, he said, from rivals calling it “voodoo economics”":
                    # an attribution set off by commas inside the sentence is the one the
                    # writer gives for it, not a clause reported by an earlier cue, and a
                    # subject earlier than it is not the quote's.
                    return aside, None
                if _relative_subject(masked, attribution):
                    head = _closed_relative_head(masked, attribution, event, span.open_mark,
                                                 sentence_start)
                    if head is not None:
                        # "Doe, who described Roe as “…,” clearly meant voters to “…”": the
                        # relative clause has closed; the main clause's subject speaks.
                        return head, None
                if attribution.kind == "pronoun" and not _relative_subject(masked, attribution):
                    # "Rubio said that … Trump, whom he called a “con artist”", "She said
                    # she recalls …": a pronoun in a later clause refers back to the subject
                    # of the sentence's first cue, the attribution the reader takes.
                    return _named_subject_before(analysis, events, index, sentence_start) \
                        or attribution, None
                if attribution.kind == "name" and not event.speaker_after:
                    # "Lee said Roe had told donors …", "Lee said that Roe described …": a
                    # name in the clause an earlier cue reports is reported speech; the
                    # quote is the outer speaker's account.
                    outer = _named_subject_before(analysis, events, index, sentence_start)
                    if outer is not None and outer.kind in ("name", "pronoun") \
                            and outer.mention.text.lower() != "who":
                        return outer, None
                    return attribution, None
                if attribution.kind != "common" or event.speaker_after \
                        or _opens_relative_clause(masked, attribution, sentence_start):
                    return attribution, None
                if owned is not None and owned.cue is not None \
                        and event.cue.start >= owned.cue.end and _verbal_event(event):
                    # "The campaign shrugged off Roe's comments, telling reporters “…”": a
                    # cue between the noun of saying and the quote takes the quote.
                    owned = None
                weak = weak or attribution
        index -= 1
    if weak is None:
        relative = _open_relative_attribution(analysis, span, sentence_start)
        if relative is not None:
            return relative, None
    # 3. The first cue after it in its sentence: "“terrorists,” … the army claimed".
    index = first_after
    while index < min(len(events), first_after + _LOOK_BACK) \
            and events[index].cue.start < sentence_end:
        event = events[index]
        attribution = _from_event(event, event.speaker_after)
        if attribution is not None and attribution.mention.start >= stop \
                and (weak is None or event.speaker_after) and not (
                    event.before is not None
                    and _quoted_antecedent(analysis.text, span, event.before)) \
                and not _later_relative(masked, stop, attribution):
            return attribution, None
        index += 1
    if owned is not None:
        return owned, None
    lead_start = max(sentence_start, span.open_mark - _REACH)
    if masked[max(lead_start, span.open_mark - 16):span.open_mark].rstrip().endswith(":"):
        # "Doe was blunt: “…”": a colon lead-in without a reporting verb; its subject. A
        # name labelling the quote ("polls did predict it - Pollster: “…”") beats a common
        # noun's cue earlier in the sentence.
        weak = _label_attribution(analysis, lead_start, span.open_mark) \
            or _owned_source_label(analysis, lead_start, span.open_mark) or weak \
            or _titled_object_label(analysis, lead_start, span.open_mark) \
            or _clause_attribution(analysis, lead_start, span.open_mark)
    return weak, deferred


#: "with the candidate reportedly yelling:", "with a narrator saying:": an absolute phrase
#: whose participle introduces the quote after its colon; its noun phrase is the speaker.
#: Matched right to left from the quote's opening mark.
_WITH_PARTICIPLE = regex.compile(
    rf"(?r){_WORD_START}with[ \t]+(?:(?P<name>{_NAME_SEQ})|(?P<common>{_DETERMINER}"
    rf"(?:[ \t]+(?!{_STOP}\b|{_LY_ADVERB})[\p{{L}}\d’'\-]+){{1,3}}))"
    rf"[ \t]+(?:{_LY_ADVERB}[ \t]+)?\p{{Ll}}{{2,}}ing[ \t]*:\s*$"
)


def _with_participle_lead(masked: str, start: int, end: int) -> _Attribution | None:
    """The noun phrase of a "with … saying:" phrase ending at the colon before ``end``."""
    if "with" not in masked[start:end]:
        return None  # nearly every colon lead-in: a string test is cheaper than the pattern
    found = lexicon.match(_WITH_PARTICIPLE, masked, start, end)
    mention = _mention(found, 0) if found is not None else None
    if mention is None:
        return None
    return _Attribution(mention.span, mention.kind, None)


def _colon_common_subject(masked: str, event: _Event, position: int,
                          sentence_start: int) -> bool:
    """Whether ``event`` is a common noun phrase and its verb right before a colon and the
    quote at ``position`` ("the heckler yelled: “…”"), the subject next to its cue."""
    before = event.before
    return before is not None and before.kind == "common" and not event.speaker_after \
        and before.span.start >= sentence_start and event.cue.end <= position \
        and masked[event.cue.end:position].strip(" \t") == ":" \
        and not masked[before.span.end:event.cue.start].strip() and _verbal_event(event)


def _counts_people(masked: str, mention: Span, floor: int) -> bool:
    """Whether a subject counts respondents ("22 percent", "percent of voters" past its
    number, "most"): a poll's finding, not a speaker of its own."""
    start = max(floor, mention.start - 20)
    return lexicon.search(_QUANTITY, masked, start, mention.end) is not None


def _document_mention(analysis: _Analysis, found: regex.Match[str], floor: int) -> Span:
    """The noun phrase of a document noun matched by ``found``: from its determiner (when
    one opens it a few words before the noun) to the end of what follows the noun."""
    masked = analysis.masked
    noun_start = found.start("noun")
    opening = lexicon.match(_DOCUMENT_OPENING, masked, max(floor, noun_start - 80), noun_start)
    start = opening.start() if opening is not None else noun_start
    end = found.end("post") if found.group("post") else found.end("noun")
    end = start + len(masked[start:end].rstrip(" \t,"))
    return _text_span(analysis.text, start, end)


def _document_attribution(analysis: _Analysis, span: QuoteSpan,
                          direct: _Attribution | None) -> _Attribution | None:
    """A document, poll or sign whose verb introduces the quote ("A letter from the union
    obtained by Reuters warns that “…”", "“…,” reads one banner"), when it beats ``direct``:
    a person's cue of its own between the document's verb and the quote keeps the quote."""
    starts = analysis.document_starts
    stop = span.stop
    # Most quotes have no document noun where one could take them: bisections rule them
    # out. A direct attribution after the quote, or before any document noun, keeps it
    # (see below): only the nouns up to the direct mention can take it over.
    floor = span.open_mark - _REACH
    limit = span.open_mark
    if direct is not None:
        limit = direct.mention.start + 1 if direct.mention.end <= span.open_mark else floor
    first = bisect_left(starts, floor)
    after_first = bisect_left(starts, stop)
    if (first == len(starts) or starts[first] >= limit) \
            and (after_first == len(starts) or starts[after_first] >= stop + 160):
        return None
    sentence_start, sentence_end = analysis.sentence_bounds(span.open_mark)
    floor = max(sentence_start, floor)
    first = bisect_left(starts, floor)
    if first == len(starts) or starts[first] >= sentence_end \
            or analysis.looks_like_title(span):
        return None  # "banners that read “Save Our Library”": a slogan, said by nobody
    masked = analysis.masked
    after_end = min(sentence_end, stop + 160)
    # Only for a quote that opens its sentence or follows a colon: "The spot, titled “…,”
    # features a report" names the spot; the report says nothing.
    lead = masked[sentence_start:span.open_mark].rstrip()
    after = lexicon.match(_DOCUMENT_AFTER, masked, stop, after_end) \
        if after_first < len(starts) and starts[after_first] < after_end \
        and (not lead or lead.endswith(":")) else None
    if after is not None and masked[stop:after.start("np")].strip(" \t,") in ("", after.group(
            "verb") or ""):
        return _Attribution(_group_span(analysis.text, after, "np"), "common", _group_span(
            analysis.text, after, "verb" if after.group("verb") else "cue"))
    last = bisect_left(starts, limit)
    for index in range(last - 1, first - 1, -1):
        if starts[index] < floor:
            break
        found = lexicon.match(_DOCUMENT_CLAUSE, masked, starts[index], span.open_mark)
        if found is None:
            continue
        verb_end = found.end("verb")
        mention = _document_mention(analysis, found, sentence_start)
        if direct is not None and not (
                mention.start <= direct.mention.start and direct.mention.end <= span.open_mark
                and (direct.mention.end <= verb_end
                     or _counts_people(masked, direct.mention, verb_end))):
            return None
        if lexicon.match(_RELEASED, masked, max(sentence_start, mention.start - 40),
                         mention.start) is not None:
            return None  # "Doe released a video that said “…”": Doe's words
        for event in analysis.events_around(verb_end, span.open_mark, span.open_mark,
                                            span.open_mark):
            if verb_end <= event.cue.start < span.open_mark and event.before is not None \
                    and not _counts_people(masked, event.before.span, verb_end):
                return None  # "The poll shows Doe ahead, and she said “…”"
        verb = _group_span(analysis.text, found, "verb")
        author = lexicon.match(_AUTHOR, masked, found.end("noun"), found.end("post")) \
            if found.group("post") else None
        if author is not None:
            # "A letter sent out by Tom Reed warned": its author's words, by the author's name.
            return _Attribution(_group_span(analysis.text, author, "name"), "name", verb)
        return _Attribution(mention, "common", verb)
    return None


#: Polls and studies that frame a finding ("In a new poll, 40 percent said “…”").
_POLL_NOUNS = lexicon.POLL_NOUNS
#: What opens a sentence before a poll's noun phrase that frames the rest: "In", "From",
#: "Among", perhaps after a linking word ("Still, in the survey").
_POLL_FRAME_LEAD = regex.compile(
    r"\s*(?:(?:And|But|Still|Yet|Meanwhile|Now|Also|Overall|However),?[ \t]+)?"
    r"(?:In|in|From|from|Among|among)[ \t]+$"
)
#: Words that join a clause to the frame's subject: the speaker then is in another clause.
_POLL_SUBJECT_LINKS = frozenset({"but", "while", "as", "when", "after", "though",
                                 "because", "since", "before", "that", "who", "which"})
#: The rest of the poll's noun phrase up to the comma that closes the frame ("poll released
#: Monday,"): no clause of its own.
_POLL_FRAME_TAIL = regex.compile(rf"[^,;:.!?\n{_MASK}]{{0,100}}?,")


def _poll_frame_attribution(analysis: _Analysis, span: QuoteSpan,
                            direct: _Attribution | None) -> _Attribution | None:
    """The poll or study whose frame opens the sentence ("In a new Quinnipiac poll, 40
    percent said “…”", "In the survey, most Republicans said “…”"), when the subject of the
    verb that brings the quote only counts respondents: the poll is the source."""
    if direct is None or direct.mention.end > span.open_mark:
        return None
    starts = analysis.document_starts
    first = bisect_left(starts, span.open_mark - _REACH)
    if first == len(starts) or starts[first] >= direct.mention.start:
        return None  # nearly every quote: no document noun before its subject
    masked = analysis.masked
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    for noun_start in starts[first:bisect_left(starts, direct.mention.start)]:
        if noun_start < sentence_start:
            continue
        noun = lexicon.match(_WORD, masked, noun_start)
        if noun is None or noun.group().lower() not in _POLL_NOUNS:
            continue
        tail = lexicon.match(_POLL_FRAME_TAIL, masked, noun.end(), direct.mention.start)
        if tail is None:
            continue
        gap = masked[tail.end():direct.mention.start]
        words = _WORD.findall(masked[tail.end():direct.mention.end])
        if direct.kind == "pronoun" or "," in gap or len(words) > 8 \
                or _QUANTITY.search(" ".join(words[:3])) is None \
                or not _POLL_SUBJECT_LINKS.isdisjoint(words):
            # "In a poll, Lee leads with 40 percent and Reed said": the subject must open
            # with its count ("31% of Republicans and leaners said").
            continue
        opening = lexicon.match(_DOCUMENT_OPENING, masked, max(sentence_start, noun_start - 80),
                                noun_start)
        if opening is None or lexicon.match(_POLL_FRAME_LEAD, masked, sentence_start,
                                            opening.start()) is None:
            continue
        start = opening.start()
        end = start + len(masked[start:tail.end() - 1].rstrip())
        return _Attribution(_text_span(analysis.text, start, end), "common", direct.cue)
    return None


#: Crowds and the words of their chanting, shouting and singing (see the data files).
_CROWD_NOUNS = lexicon.CROWD_NOUNS
_CROWD_NOUN_WORDS = _both_cases(_CROWD_NOUNS)
_CROWD_CUES = lexicon.CROWD_CUES
#: After a quote: "“…,” came shouts from the crowd", "“…” rang out from the audience", and
#: "shouts of “…” from the crowd" (then the cue stands before the quote).
_CROWD_AFTER = regex.compile(
    r"[ \t]*,?[ \t]*(?:(?:came|rose|went[ \t]+up|rang[ \t]+out|erupted|echoed)[ \t]+)?"
    rf"(?P<cue>(?:\p{{Ll}}+[ \t]+){{0,2}}?(?:{lexicon.alternation(_CROWD_CUES)})[ \t]+)?"
    rf"from[ \t]+(?P<np>(?:{_DETERMINER}|[Tt]his)[ \t]+(?:[^\s,;:.!?{_MASK}]+[ \t]+){{0,3}}?"
    rf"(?:{lexicon.alternation(_CROWD_NOUNS)})){_WORD_END}"
)
#: "many marchers and spectators": a second crowd noun coordinated with the first.
_CROWD_COORDINATION = regex.compile(
    rf"[ \t]+(?:and|or)[ \t]+(?:\p{{Ll}}[\p{{L}}\-]*[ \t]+)?"
    rf"(?:{lexicon.alternation(_CROWD_NOUNS)}){_WORD_END}"
)
#: A subject pronoun between a crowd and a verb of chanting makes the verb the pronoun's
#: ("she walked past protesters, and she shouted …"): the rule leaves such quotes alone.
_SUBJECT_PRONOUN = regex.compile(
    rf"{_WORD_START}(?:he|she|I|we|you|He|She|We|You){_WORD_END}")
_CROWD_TOKEN = regex.compile(r"[^\s]+")
#: Words that open or count a crowd's noun phrase ("about 200", "hundreds of", "a mix of").
_CROWD_QUANTITY_WORDS = _QUANTIFIERS | {
    "the", "a", "an", "these", "those", "some", "many", "several", "about", "nearly", "almost",
    "roughly", "around", "more", "than", "least", "at", "over", "all", "most", "other", "mix",
    "group", "throng", "handful", "number", "couple", "lot", "bunch", "band", "crowd", "his",
    "her", "their", "its", "our"}
#: Determiners that open the phrase: the walk back stops after one.
_CROWD_OPENERS = frozenset({"the", "a", "an", "these", "those", "his", "her", "their", "its",
                            "our"})
#: Words right before a crowd's phrase that make it the object, not the subject, of a verb
#: of chanting ("Lee told the crowd, shouting …", "she shouted at protesters"): stop words
#: the subject may follow ("where", "with", "by", "as", a copula) are not among them.
_CROWD_OBJECT_WORDS = frozenset({
    "to", "at", "toward", "towards", "of", "for", "about", "against", "among", "on", "into",
    "from", "in", "told", "addressed", "asked", "urged", "thanked", "greeted", "led",
    "joined", "faced", "than"})


#: Lower-case words a crowd's subject phrase may follow: clause openers, the agent's "by", a
#: copula ("there were protesters chanting …").
_CROWD_SUBJECT_OPENERS = frozenset({
    "where", "when", "while", "as", "with", "by", "and", "but", "then", "after", "before",
    "because", "since", "until", "that", "point", "were", "was", "are", "is", "so", "even"})


def _crowd_phrase_start(masked: str, floor: int, noun_start: int, infinitive: bool
                        ) -> int | None:
    """Where the crowd's noun phrase ending at the noun at ``noun_start`` opens, walking back
    over its determiner, count and modifiers ("about 200 angry protesters", "a mix of
    Sanders supporters"); None when the word before it makes the crowd an object, unless an
    infinitive follows (``infinitive``: "roused the crowd to chants of …" is the crowd's)."""
    tokens = [(m.start(), m.group()) for m in lexicon.finditer(
        _CROWD_TOKEN, masked, max(floor, noun_start - 80), noun_start)]
    start = noun_start
    modifiers = 0
    before: str | None = None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 8), -1):
        at, token = tokens[index]
        word = token.lower()
        if token[-1] in ",;:" or _MASK in token or any(mark in token for mark in _DASHES):
            break
        if token[0].isdigit() or word == "of" or word in _CROWD_QUANTITY_WORDS:
            start = at
            if word in _CROWD_OPENERS:
                before = tokens[index - 1][1] if index > 0 else None
                break
            continue
        if word in _CROWD_OBJECT_WORDS or word in _VERB_WORDS or modifiers == 2 \
                or lexicon.match(_STOP_WORD, word) is not None \
                or (token[0].islower() and word.endswith(("ed", "ing"))):
            before = token
            break
        start = at
        modifiers += 1
    if before is None or not before[0].islower() or before in _CROWD_SUBJECT_OPENERS \
            or (infinitive and before not in _CROWD_OBJECT_WORDS):
        return start
    if before in _CROWD_OBJECT_WORDS or before in _VERB_WORDS or before.endswith(("ed", "ing")):
        return None  # "showcasing his large crowds, shouting …": the crowd is an object
    return start


def _word_end_at(masked: str, position: int) -> int:
    """Where the word starting at ``position`` ends; ``position`` when no word starts there."""
    word = lexicon.match(_WORD, masked, position)
    return word.end() if word is not None else position


def _crowd_span(analysis: _Analysis, start: int, noun_start: int) -> Span:
    """The crowd's phrase from ``start`` to its noun, and a second noun coordinated with it
    ("many marchers and spectators")."""
    masked = analysis.masked
    end = _word_end_at(masked, noun_start)
    more = lexicon.match(_CROWD_COORDINATION, masked, end, end + 60)
    if more is not None:
        end = more.end()
    return _text_span(analysis.text, start, end)


def _crowd_attribution(analysis: _Analysis, span: QuoteSpan,
                       direct: _Attribution | None) -> _Attribution | None:
    """A crowd that chants, shouts or sings the quote ("about 200 protesters gathered,
    chanting “…”", "the crowd roared “…”", "“…,” came shouts from the crowd"), when it beats
    ``direct``: a person named after the crowd, or after the quote, keeps the quote."""
    cues = analysis.crowd_cue_starts
    open_mark, stop = span.open_mark, span.stop
    last = bisect_left(cues, open_mark)
    near_before = last > 0 and cues[last - 1] >= open_mark - _REACH
    crowds = analysis.crowd_starts
    after_crowd = bisect_left(crowds, stop)
    near_after = after_crowd < len(crowds) and crowds[after_crowd] < stop + 80
    if not near_before and not near_after:
        return None  # nearly every quote: no word of chanting near it
    masked = analysis.masked
    if direct is not None and _shaped(masked, direct) is None:
        direct = None  # "came shouts of “…” from the crowd": "came" names nobody
    if direct is not None and direct.mention.start >= stop:
        return None  # "“…,” Lee shouted": an attribution right after the quote stands
    sentence_start, sentence_end = analysis.sentence_bounds(open_mark)
    floor = max(sentence_start, open_mark - _REACH)
    cue_before = cues[last - 1] if near_before and cues[last - 1] >= floor else None
    if near_after and (direct is None or direct.mention.end <= open_mark):
        found = lexicon.match(_CROWD_AFTER, masked, stop, min(sentence_end, stop + 120))
        if found is not None and (found.group("cue") or (
                cue_before is not None and open_mark - cue_before <= 40)):
            if direct is not None and direct.mention.start >= floor:
                return None  # "Lee shouted “…” from the crowd"
            cue_start = found.start("cue") if found.group("cue") else cue_before
            assert cue_start is not None
            return _Attribution(
                _group_span(analysis.text, found, "np"), "common",
                _text_span(analysis.text, cue_start, _word_end_at(masked, cue_start)))
    if cue_before is None:
        return None
    cue_end = _word_end_at(masked, cue_before)
    gap = masked[cue_end:open_mark]
    if len(_WORD.findall(gap)) > 5 or lexicon.search(_SENTENCE_END, gap) is not None \
            or (_MASK in gap and gap[gap.rfind(_MASK) + 1:].strip(" \t,") not in ("", "and", "or")):
        # "- at which point the crowd chanted “…” - “and restore …”": the speaker's quote
        # goes on past the crowd's; only quotes listed together ("“…” and “…”") are theirs.
        return None
    cue_starts = analysis.cue_starts
    for index in range(bisect_left(cue_starts, cue_end), bisect_left(cue_starts, open_mark)):
        word = lexicon.match(_WORD, masked, cue_starts[index])
        if word is None or word.group().lower() not in _CROWD_CUES:
            return None  # "protesters chanting outside, Lee said “…”": Lee's words
    index = bisect_left(crowds, cue_before) - 1
    if index < 0 or crowds[index] < floor:
        return None
    noun_start = crowds[index]
    while index > 0 and crowds[index - 1] >= floor:
        # "many marchers and spectators": the phrase opens at the first noun.
        previous = lexicon.match(_WORD, masked, crowds[index - 1])
        coordinated = lexicon.match(_CROWD_COORDINATION, masked, previous.end(),
                                    noun_start + 40) if previous is not None else None
        if coordinated is None or coordinated.end() < noun_start:
            break
        index -= 1
        noun_start = crowds[index]
    between = masked[_word_end_at(masked, noun_start):cue_before]
    if len(between) > 150 or _MASK in between \
            or lexicon.search(_SUBJECT_PRONOUN, between) is not None:
        return None
    phrase_start = _crowd_phrase_start(masked, floor, noun_start,
                                       between.startswith((" to ", "\tto ")))
    if phrase_start is None:
        return None
    if direct is not None and direct.mention.start >= phrase_start:
        return None  # "As protesters chanted, Lee shouted “…”": the person named later
    return _Attribution(_crowd_span(analysis, phrase_start, noun_start), "common",
                        _text_span(analysis.text, cue_before, cue_end))


def _denied(masked: str, attribution: _Attribution) -> bool:
    """Whether the attribution's cue is negated ("didn’t suggest", "never said"): it then
    reports nothing said."""
    cue = attribution.cue
    return cue is not None and lexicon.search(
        _NEGATION_TAIL, masked, max(attribution.mention.end, cue.start - 12), cue.start
    ) is not None


def _first_of_double_cue(analysis: _Analysis, events: Sequence[_Event], first_after: int,
                         span: QuoteSpan, sentence_start: int,
                         trailing: _Attribution) -> _Attribution:
    """The attribution that opens a sentence attributed twice ("Asked about it, Feinstein
    said “…,” she said", "Tyler said that the campaign will show that Cruz has “…,” he
    said"): the cue whose clause holds the quote, when it names the person the trailing
    cue does; the trailing one only repeats it. Otherwise ``trailing``."""
    if trailing.kind not in ("name", "pronoun") or span.first_paragraph != span.last_paragraph:
        return trailing
    masked = analysis.masked
    for index in range(first_after - 1, max(-1, first_after - 1 - _LOOK_BACK), -1):
        event = events[index]
        if event.cue.start < sentence_start:
            break
        if event.cue.end > span.open_mark:
            continue
        earlier = _from_event(event, False)
        # Only a cue whose object is the quote itself ("said “…”") or a clause that holds
        # it ("said that … “…”"): after a colon or a participle ("declared the need for
        # grit: “…,” she said") the trailing cue is the one that attributes the words.
        if event.speaker_after or earlier is None or earlier.kind not in ("name", "pronoun") \
                or earlier.mention.start < sentence_start \
                or _follows_quote(masked, earlier.mention.start) \
                or _is_participle(event.cue.text) \
                or not lexicon.match(_DOUBLE_CUE_GAP, masked, event.cue.end, span.open_mark) \
                or _denied(masked, earlier):
            return trailing
        if _resolve(analysis, earlier) == _resolve(analysis, trailing):
            # The next sentence goes on from the trailing mention, the one last in focus.
            analysis.repeated_cues[span.open_mark] = trailing
            return earlier
        return trailing
    return trailing


def _subordinator(masked: str, event: _Event, sentence_start: int) -> regex.Match[str] | None:
    """The subordinating word ("when", "as", …) before the subject of ``event``'s cue (group
    "word"), if the cue is that of an adverbial clause; else None."""
    before = event.before
    if before is None or event.speaker_after or before.span.start < sentence_start:
        return None
    start = max(sentence_start, before.span.start - 60)
    if _SUBORDINATORS.isdisjoint(masked[start:before.span.start].lower()
                                 .translate(_CLAUSE_PUNCTUATION_AS_SPACE).split()):
        return None  # most cues have none: a set test is cheaper than the pattern
    return lexicon.match(_SUBORDINATOR_BEFORE, masked, start, before.span.start)


def _capitalised_cue_ahead(masked: str, stop: int) -> bool:
    """Whether the text after a quote may hold "Name, appositive, Tweeted": a capital first,
    and a capitalised reporting verb after the second comma (string tests, cheaper than
    ``_APPOSED_CAPITALISED_CUE`` after nearly every quote)."""
    ahead = masked[stop:stop + 250]
    if not ahead.lstrip(" \t")[:1].isupper():
        return False
    first = ahead.find(",")
    second = ahead.find(",", first + 1) if first >= 0 else -1
    if second < 0:
        return False
    words = ahead[second + 1:second + 40].split(None, 1)
    return bool(words) and words[0].rstrip(".,;:!?") in _CAPITALISED_CUES


def _inverted_opening(analysis: _Analysis, span: QuoteSpan,
                      sentence_start: int) -> _Attribution | None:
    """"Said Comey, “…”", "Added the senator: “…”": a capitalised reporting verb opening the
    quote's sentence, then its speaker and a comma or colon right before the quote."""
    masked = analysis.masked
    if span.open_mark - sentence_start > 120 \
            or masked[span.open_mark - 1:span.open_mark] not in (" ", ",", ":", "\t"):
        return None  # tested before slicing: a sentence may be a whole document long
    lead = masked[sentence_start:span.open_mark]
    if not lead.rstrip(" \t").endswith((",", ":")):
        return None
    stripped = lead.lstrip(" \t\n\"“‘(")
    verb = stripped.split(None, 1)[0] if stripped else ""
    if verb not in _INVERTED_OPENERS:
        return None
    verb_end = sentence_start + len(lead) - len(stripped) + len(verb)
    found = lexicon.match(_NP_AFTER, masked, verb_end, span.open_mark)
    mention = _mention(found, 0) if found else None
    if mention is None:
        return None
    if mention.kind != "pronoun":
        mention = _titled_name(masked, verb_end, span.open_mark) or mention
    if masked[mention.span.end:span.open_mark].strip(" \t,:"):
        return None
    return _Attribution(mention.span, mention.kind,
                        Span(verb, verb_end - len(verb), verb_end))


def _opens_next_clause(masked: str, event: _Event, stop: int) -> bool:
    """Whether ``event`` stands right after a quote ending at ``stop``, its subject first
    ("…,” Doe joked"), as a quote's own attribution would."""
    before = event.before
    return before is not None and not event.speaker_after \
        and stop <= before.span.start <= stop + 8 \
        and not masked[stop:before.span.start].strip(" ,\t")


def _closed_clause(analysis: _Analysis, event: _Event, position: int,
                   sentence_start: int) -> bool:
    """Whether ``event`` is the cue of an adverbial clause (not one with "as": "As Roe
    reported, …" sources what follows) that a comma closes before ``position``, where the
    main clause's subject stands."""
    found = _subordinator(analysis.masked, event, sentence_start)
    if found is None or found.group("word").lower() == "as" or not lexicon.search(
            _MAIN_CLAUSE_OPENING, analysis.masked[max(sentence_start, found.start() - 8):
                                                  found.start()].lstrip(" \t\n\"“‘'")):
        # "Doe left after Roe told a rally that it was “…”": a clause that follows its
        # main clause holds the quotes after its cue.
        return False
    comma = analysis.masked.find(",", event.cue.end, min(position, event.cue.end + _REACH))
    if comma < 0 or _MASK in analysis.masked[event.cue.end:comma]:
        return False
    return position - comma <= _REACH and analysis.clause_subject(
        analysis.masked[comma + 1:position], comma + 1) is not None


def _agent_attribution(analysis: _Analysis, span: QuoteSpan, events: Sequence[_Event],
                       first_after: int, sentence_start: int,
                       owned: _Attribution | None) -> _Attribution | None:
    """The agent of the last passive cue before the quote in its sentence, when the quote is
    its complement ("has been called “…” by Roe") or, for a cue that asks or tells, follows
    the agent ("Doe was asked by Roe whether … “…”"), and no other cue or noun of saying
    stands between (in "Doe was asked by Roe about it and said “…”" Doe speaks)."""
    stop = span.stop
    for passive in reversed(analysis.passive_events(sentence_start, span.open_mark)):
        if passive.cue.start < sentence_start or passive.cue.end > span.open_mark:
            continue
        agent = passive.after
        if agent is None:
            return None
        covers = agent.span.start >= stop if agent.span.start > span.open_mark else (
            passive.cue.text.lower() in _AGENT_FIRST_CUES and agent.span.end <= span.open_mark)
        if not covers or (owned is not None and owned.cue is not None
                          and owned.cue.start > passive.cue.start):
            return None
        # "asked by Roe, who has long backed Doe but dismissed …, “…”": cues in a relative
        # clause on the agent are the agent's own asides.
        relative = analysis.masked[agent.span.end:agent.span.end + 8].lstrip(" \t") \
            .startswith((", who ", ", whom ", ", whose "))
        for index in range(first_after - 1, -1, -1):
            event = events[index]
            if event.cue.start < passive.cue.end:
                break
            if not (relative and event.cue.start > agent.span.end):
                return None  # another cue of its own nearer the quote
        return _Attribution(agent.span, agent.kind, passive.cue)
    return None


def _owned_noun_attribution(analysis: _Analysis, span: QuoteSpan, sentence_start: int,
                            cues_before: Iterable[_Event]) -> _Attribution | None:
    """The owner of the last noun of saying before the quote in its sentence ("Roe's claim
    that “…”", "his call for “…”"), when a possessive owns it; the noun is the cue.
    ``cues_before``: the events of the sentence before the quote, nearest first."""
    masked = analysis.masked
    start = max(sentence_start, span.open_mark - _REACH)
    noun_starts = analysis.noun_starts
    noun: regex.Match[str] | None = None
    # Most sentences hold no such noun: the word positions say so without a pattern.
    for index in range(bisect_left(noun_starts, span.open_mark) - 1, -1, -1):
        if noun_starts[index] < start:
            break
        noun = lexicon.match(_REPORTING_NOUN, masked, noun_starts[index], span.open_mark)
        if noun is not None:
            break
    if noun is None:
        return None
    between = masked[noun.end():span.open_mark]
    last_quote = between.rfind(_MASK)
    if last_quote >= 0 and between[last_quote + 1:].strip(" \t,.;") not in ("", "and", "or"):
        # "Doe called Roe's claim of “…” “baseless”": the noun's complement ends with its
        # quote; a later one, not coordinated with it, belongs to the verb.
        return None
    head = between if last_quote < 0 else between[:between.find(_MASK)]
    if lexicon.match(_NOUN_PREDICATE, head) \
            or (last_quote < 0 and not head.strip(" \t") and _opens_with_verb(analysis.text, span)):
        return None  # "his comment “has no place …”": the quote is the noun's predicate
    owner = lexicon.match(_NOUN_OWNER_TAIL, masked, max(start, noun.start() - 120),
                          noun.start())
    mention = _mention(owner, 0) if owner is not None else None
    if mention is None:
        return None
    for event in cues_before:
        if event.cue.end <= mention.span.start:
            if lexicon.match(_OBJECT_GAP, masked, event.cue.end, mention.span.start) and (
                    mention.kind == "pronoun" or not _takes_object(event.cue.text)
                    or _frames_noun(event.cue.text, head)):
                # "Doe repeated his claim that “…”", "Lee said Roe's remarks …": the
                # verb's subject speaks (his own claim, or a report of Roe's); a verb
                # that takes the noun as its object ("Lee mocked Roe's call for “…”")
                # quotes the owner's words.
                return None
            break
    return _Attribution(mention.span, mention.kind, Span(noun.group(), noun.start(), noun.end()))


#: Verbs that name their object with the quote after it ("called Roe's remarks “toxic”"):
#: the quote is the verb's subject's word for the owner's remarks, not the owner's words
#: (``data/framing_cues.txt``).
_FRAMING_CUES = lexicon.FRAMING_CUES


def _frames_noun(cue: str, between: str) -> bool:
    """Whether a framing cue ("called", "labeled") takes the owner's noun of saying as its
    object and the quote right after the noun as its complement."""
    # (Archive copy doubles an apostrophe for a mark: the mask covers both.)
    return cue.split(None, 1)[0].lower() in _FRAMING_CUES \
        and not between.strip(" \t" + _MASK)


def _quoted_antecedent(text: str, span: QuoteSpan, subject: _Mention) -> bool:
    """Whether ``subject`` is a relative "who" right after the quote, with no comma
    between: the quoted words are the noun it refers to ("hire a “trade prosecutor” who
    reports to …"), not words it says."""
    return subject.span.text.lower() == "who" \
        and not text[span.stop:subject.span.start].strip(" \t") \
        and text[span.start:span.end].rstrip()[-1:] not in (",", "!", "?", ".")


#: The relative pronouns that stand for a thing, not a person ("water bottles that said").
_THING_PRONOUNS = frozenset({"that", "which"})
#: What closes the clause a cue reports: a conjunction after a comma or after quoted words
#: (whose comma the quote holds), a semicolon.
_THING_CLAUSE_BREAK = regex.compile(
    rf"(?:[,{_MASK}][ \t]*(?:but|and|while|whereas|yet)[ \t]|;)")
#: Finite verbs a thing's relative pronoun may take to carry words: its document verbs
#: ("that read", "which notes") and the reporting verbs in their finite forms ("which
#: reported", "that warned").
_RELATIVE_THING_CUES = frozenset(
    verb for verb in lexicon.DOCUMENT_CUES | lexicon.REPORTING_VERBS
    if " " not in verb and not verb.endswith("ing"))
#: "water bottles that said, “", "the report, which notes that “", "letters that called him
#: an “": a relative "that" or "which" whose verb carries the quote right after it, up to
#: the quote's opening mark (searched forward in a short window: faster than right to left
#: here, where most tries fail).
_RELATIVE_THING_LEAD = regex.compile(
    rf"{_WORD_START}(?P<pronoun>that|which)[ \t]+"
    r"(?:(?:also|now|still|simply|only|even|once|has|had|have|recently)[ \t]+){0,2}"
    rf"(?:(?P<cue>{lexicon.alternation(_RELATIVE_THING_CUES)})(?:[ \t]*[,:]|[ \t]+that)?"
    rf"|(?P<frame>{lexicon.alternation(_FRAMING_CUES)})"
    rf"(?:[ \t]+[^\s,;:.!?{_MASK}]+){{1,3}}?)[ \t]*$"
)


#: A verb of putting a document out, its object's determiner and the rest of the object in
#: the same clause, up to a relative pronoun ("Doe released a video that", "aired an ad
#: from the group, which"): the one who put it out speaks. (The determiner tells the verb
#: from the noun: "the press release linked to a report which" is no release.)
_RELEASED_BEFORE_NOUN = regex.compile(
    rf"{_RELEASE_VERB_PHRASE}{_DETERMINER}[ \t][^;:.!?\n{_MASK}]{{1,80}}$"
)


def _relative_thing_attribution(analysis: _Analysis, span: QuoteSpan,
                                sentence_start: int) -> _Attribution | None:
    """A relative "that" or "which" right before the quote whose verb carries it ("water
    bottles that said, “…”", "the report, which notes, “…”"): the pronoun attributes the
    quote and names what it stands for, not the sentence's subject who handed the thing out.
    Slogans (title case) stay nobody's; a thing someone put out ("Doe released a video that
    said") is theirs, which the document rule reads."""
    masked = analysis.masked
    lo = max(sentence_start, span.open_mark - 60)
    lead = masked[lo:span.open_mark]
    if "that" not in lead and "which" not in lead:
        return None  # most quotes: no pattern to try
    near = {word.strip(",:") for word in lead.split()[-7:]}
    if not near & _THING_PRONOUNS or not (
            near & _RELATIVE_THING_CUES or near & _FRAMING_CUES):
        return None  # ... and most of the rest lack the pronoun or the verb near the mark
    found = lexicon.search(_RELATIVE_THING_LEAD, masked, lo, span.open_mark)
    if found is None or analysis.looks_like_title(span):
        return None
    start = found.start("pronoun")
    words = masked[max(sentence_start, start - 60):start].rstrip(" \t,—–―-").split()
    if not words:
        return None  # "That said, “…”": a sentence adverb, no relative pronoun
    last = words[-1].lower()
    if _STOP_WORD.fullmatch(last) or last in _PREPOSITIONS or _looks_finite(last) \
            or _DETERMINER_WORD.fullmatch(words[-1]):
        return None  # "so that said", "argued that read": no noun for it to stand for
    if lexicon.search(_RELEASED_BEFORE_NOUN, masked, max(sentence_start, start - 80),
                      start) is not None:
        return None
    for event in analysis.events_around(sentence_start, start, start, start):
        if sentence_start <= event.cue.start and event.cue.end <= start \
                and _verbal_event(event) \
                and lexicon.search(_THING_CLAUSE_BREAK, masked, event.cue.end, start) is None:
            # "Doe said the world lost a voice that said “…”", "Doe added the caption
            # which reads “…”": the thing stands in what a speaker's cue reports.
            return None
    return _Attribution(_group_span(analysis.text, found, "pronoun"), "pronoun", _group_span(
        analysis.text, found, "cue" if found.group("cue") else "frame"))


#: The relative clause a quote stands in, still open at its opening mark: "who" and the
#: clause's words since, no comma, dash or bracket between (nearest "who" first), matched
#: right to left from the mark.
_OPEN_RELATIVE = regex.compile(
    rf"(?r){_WORD_START}(?P<who>who)[ \t]+"
    rf"(?P<clause>(?:(?!--|[ \t]-[ \t])[^,;:()\n—–―{_MASK}]){{1,120}}?)$"
)
#: The clause's own verb, first after "who" past auxiliaries and adverbs ("who has long
#: estimated"): a later verb may be the main clause's ("those who moved here prefer").
_RELATIVE_VERB = regex.compile(
    r"(?:(?:has|have|had|is|was|are|were|will|would|could|should|may|might|can|also|now|"
    rf"often|long|once|still|even|previously|recently|repeatedly|{_LY_ADVERB})[ \t]+){{0,3}}"
    r"(?P<verb>\p{Ll}+)\b"
)
#: A framing verb, its object and "as" closing the clause before the quote ("who has cast
#: himself as the “…”").
_FRAMED_AS = regex.compile(
    rf"{_WORD_START}(?:{lexicon.alternation(lexicon.FRAMING_AS_VERBS)})"
    r"(?:[ \t]+[\p{L}’'\-]+){0,2}?[ \t]+as(?:[ \t]+(?:the|a|an))?[ \t]*$"
)
#: Verbs of saying in a relative clause: the listed cues, and the verbs a document's words
#: come with ("who estimates that his costs were “…”").
_CLAUSE_SAYING_VERBS = lexicon.REPORTING_VERBS | lexicon.DOCUMENT_CUES


def _open_relative_attribution(analysis: _Analysis, span: QuoteSpan,
                               sentence_start: int) -> _Attribution | None:
    """The relative "who" of the clause the quote stands in, when that clause says or
    frames it ("Roffman, who estimates that his costs were “…,” described …", "Trump, who
    has postured himself as the “…”"): the clause's subject speaks, not the sentence's.
    A clause that merely mentions the words ("who starred in “…”") attributes nothing."""
    masked = analysis.masked
    lo = max(sentence_start, span.open_mark - 130)
    if "who" not in masked[lo:span.open_mark] or analysis.looks_like_title(span):
        return None
    found = lexicon.match(_OPEN_RELATIVE, masked, lo, span.open_mark)
    if found is None:
        return None
    clause = found.group("clause")
    first = lexicon.match(_RELATIVE_VERB, clause)
    if first is None:
        return None
    verb = first.group("verb")
    if verb not in _CLAUSE_SAYING_VERBS and not (
            verb in lexicon.FRAMING_AS_VERBS
            and lexicon.match(_FRAMED_AS, clause, first.start("verb")) is not None):
        return None
    return _Attribution(_group_span(analysis.text, found, "who"), "pronoun", None)


def _later_relative(masked: str, stop: int, attribution: _Attribution) -> bool:
    """Whether ``attribution`` is a relative "who" a phrase past the quote ("… the “right
    direction” compared to 24 percent who said otherwise"): it speaks for the noun right
    before it, which the sentence names after the quote, not for the quoted words."""
    mention = attribution.mention
    return mention.text.lower() == "who" \
        and bool(masked[stop:mention.start].strip(" ,\t" + _MASK))


def _framed_noun(masked: str, frame: _Event, event: _Event, open_mark: int) -> bool:
    """Whether ``event`` is a possessed noun of saying ("Reed's comments") that a framing
    cue right before takes as its object, with the quote right after it."""
    return event.before is not None and frame.after is not None \
        and frame.after.span == event.before.span and not _verbal_event(event) \
        and event.cue.end <= open_mark \
        and _frames_noun(frame.cue.text, masked[event.cue.end:open_mark])


def _opens_with_verb(text: str, span: QuoteSpan) -> bool:
    """Whether the quoted words open with a lower-case finite verb ("“has no place …”")."""
    first = text[span.start:min(span.end, span.start + 20)].split(None, 1)[:1]
    return bool(first) and first[0][:1].islower() and _looks_finite(first[0])


def _label_attribution(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    """"CLINTON: “…”", "Rep. Ann Lee (D-Ore.): “…”", "Polls shift - Ann Lee: “…”": a name
    that opens its sentence (or follows a dash) and a colon label the words after it as a
    transcript does; a capitalised common word ("Update:") is no name."""
    paragraphs = analysis.doc.paragraphs
    first_start, first_end = paragraphs[0]
    if len(paragraphs) > 1 and start < first_end \
            and len(analysis.text[first_start:first_end].split(None, 30)) <= 30:
        return None  # "Doe: ‘We Will Win’" as a headline sums the story up; nobody said it
    # Sliced, not bounded: the pattern's "^" is the sentence's start.
    found = lexicon.match(_LABEL, analysis.masked[start:end])
    if found is None:
        return None
    role = found.group("role")
    if role is not None and not all(
            word in lexicon.TITLES or word in _ROLE_LINKS for word in role.lower().split()):
        return None  # "He told Lee:": a clause before the name, not a role
    name = found.group("name")
    mention = _Mention(Span(name, start + found.start("name"), start + found.end("name")),
                       "name")
    if analysis.sentence_initial_word(mention):
        return None
    return _Attribution(mention.span, "name", None)


#: "From Lee’s Facebook post:", "More from Acme’s statement:": a sentence that only names
#: where the words after its colon come from, a text its possessive owner put out.
_OWNED_SOURCE_LABEL = regex.compile(
    rf"\s*(?:More[ \t]+)?[Ff]rom[ \t]+(?P<name>{_NAME_SEQ})(?<=[’']s)"
    rf"(?:[ \t]+[\p{{L}}\-]+){{1,3}}[ \t]*:\s*$"
)


def _owned_source_label(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    """The owner in "From Lee’s Facebook post: “…”", when that phrase is the whole sentence
    before the quote; the mention keeps its possessive, as the text writes it."""
    sentence_start, _ = analysis.sentence_bounds(end - 1)
    start = max(start, sentence_start)
    if "rom" not in analysis.masked[start:start + 12]:
        return None  # nearly every colon lead-in: a string test is cheaper than the pattern
    found = lexicon.match(_OWNED_SOURCE_LABEL, analysis.masked, start, end)
    if found is None:
        return None
    return _Attribution(_group_span(analysis.masked, found, "name"), "name", None)


#: A role and a name right before a colon: "… doesn't surprise Republican pollster Ann Lee:".
_TITLED_BEFORE_COLON = regex.compile(
    rf"(?r){_WORD_START}(?P<role>\p{{Ll}}[\p{{L}}\-]*)[ \t]+(?P<name>{_NAME_SEQ})"
    rf"[ \t]*:\s*$"
)


def _titled_object_label(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    """"The timing of the surge doesn't surprise pollster Ann Lee: “…”": a colon lead-in with
    no reporting cue, whose subject is no person, ending with a role and a name: the person
    so introduced is the one whose words follow. A named or pronoun subject ("Doe praised
    analyst Ann Lee:") or a role ("The senator thanked …") speaks for itself."""
    found = lexicon.match(_TITLED_BEFORE_COLON, analysis.masked, start, end)
    if found is None or found.group("role") not in lexicon.TITLES:
        return None
    subject = analysis.clause_subject(analysis.masked[start:found.start()], start)
    if subject is not None and (subject.kind != "common" or any(
            _strip_possessive(word).lower() in lexicon.TITLES
            for word in subject.span.text.split())):
        return None
    return _Attribution(_group_span(analysis.masked, found, "name"), "name", None)


def _unlisted_attribution(found: regex.Match[str]) -> _Attribution:
    cue = "inverted" if found.group("inverted") else "verb"
    for kind in ("pronoun", "name", "common", "after"):
        value = found.group(kind)
        if value:
            if kind in ("name", "after") and _ends_with_full_stop(value):
                value = value[:-1]
            start = found.start(kind)
            return _Attribution(Span(value, start, start + len(value)),
                                "name" if kind == "after" else kind,
                                Span(found.group(cue), found.start(cue), found.end(cue)))
    raise AssertionError("the pattern always captures a subject")


#: A comma closing a relative clause, then the main clause's verb ("…,” clearly intended").
#: The comma may close the quote itself ("“… ruin,” clearly intended"); the verb is a past
#: form with its object after it, not an adjective ("a generous, magnanimous leader").
_MAIN_VERB_AFTER_COMMA = regex.compile(
    rf"(?:,|{_MASK})[ \t]+(?:{_LY_ADVERB}[ \t]+)?"
    rf"(?:\p{{Ll}}{{2,}}ed|{lexicon.alternation(lexicon.VERB_FORMS)})"
    rf"[ \t]+(?:{_DETERMINER}|that|to|him|her|them|it|\p{{Lu}})\b"
    # "Hoff, who declined to comment, proposes: “…”", "…, who asked not to be named, warns
    # voters …": a present-tense verb after the comma, before a colon or its object.
    rf"|,[ \t]+(?:{_LY_ADVERB}[ \t]+)?\p{{Ll}}{{2,}}[^\W\d_su]s(?:[ \t]*:|[ \t]+\p{{Ll}}+\b)"
)


def _closed_relative_head(masked: str, attribution: _Attribution, event: _Event, position: int,
                          sentence_start: int) -> _Attribution | None:
    """The antecedent of ", who" when the relative clause of ``event`` closes with a comma
    and the main clause's verb before ``position``; else None."""
    if position - event.cue.end > _REACH:
        return None
    closing = lexicon.search(_MAIN_VERB_AFTER_COMMA, masked, event.cue.end, position)
    if closing is None:
        return None
    comma = masked.rfind(",", max(sentence_start, attribution.mention.start - 8),
                         attribution.mention.start)
    if comma < 0:
        return None
    found = lexicon.match(_SUBJECT_TAIL, masked, max(sentence_start, comma - _REACH), comma)
    head = _mention(found, 0) if found else None
    if head is None or head.kind != "name":
        return None
    return _Attribution(head.span, head.kind, event.cue)


_RELATIVE_OPENER_TAIL = regex.compile(r"(?:,[ \t]+which|\bin[ \t]+what)[ \t]+$")


def _opens_relative_clause(masked: str, attribution: _Attribution, sentence_start: int) -> bool:
    """"…, which an audit said was “…”", "in what the union called “…”": a common subject
    right after a relative pronoun has a cue of its own in that clause, which holds the
    quote; the main clause's named subject only stated the thing the clause is about."""
    start = attribution.mention.start
    return lexicon.search(_RELATIVE_OPENER_TAIL, masked, max(sentence_start, start - 12),
                         start) is not None


def _relative_subject(masked: str, attribution: _Attribution) -> bool:
    """", who described …": a non-restrictive relative pronoun is the subject of its own
    cue, and the words that attribute the quote ("anybody who complains" is no speaker)."""
    start = attribution.mention.start
    return attribution.mention.text.lower() == "who" \
        and masked[max(0, start - 3):start].rstrip().endswith(",")


def _clause_attribution(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    subject = analysis.clause_subject(analysis.masked[start:end], start)
    return _Attribution(subject.span, subject.kind, None) if subject is not None else None


def _ends_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quoted words end with a full stop (not "?" or "!", which a cue follows)."""
    return text[span.start:span.end].rstrip(" \t\"”’'»")[-1:] == "."


def _new_sentence_after(analysis: _Analysis, span: QuoteSpan, subject: _Mention) -> bool:
    """Whether a quote ending in "?" or "!" closes its sentence before ``subject``, the
    capitalised subject right after it: a quote standing alone goes on to its cue ("“Why?”
    Reed asked", even "“Why?” He asked"), but one led in by words of its own sentence has
    its cue there ("Lee responded: “Why?” Reed then …", "telling her, “…!” She replied")."""
    if analysis.text[span.start:span.end].rstrip(" \t\"”’'»")[-1:] not in ("?", "!") \
            or not subject.span.text[:1].isupper():
        return False
    lead_in = analysis.masked[max(0, span.open_mark - 8):span.open_mark].rstrip(" \t")
    return lead_in.endswith((",", ":")) and not _opens_sentence(analysis, span)


def _is_aside(masked: str, event: _Event) -> bool:
    """", he said," / ", Lee says,": a subject and a bare cue between commas, mid-sentence."""
    before = event.before
    if before is None or event.speaker_after or before.span.end > event.cue.start \
            or masked[before.span.end:event.cue.start].strip():
        return False
    return masked[max(0, before.span.start - 3):before.span.start].rstrip().endswith(",") \
        and masked[event.cue.end:event.cue.end + 3].lstrip(" \t").startswith(",")


def _aside_between(analysis: _Analysis, events: Sequence[_Event], index: int, stop: int,
                   attribution: _Attribution, sentence_start: int) -> _Attribution | None:
    """The nearest comma-bracketed subject and cue (", he said,") of the sentence before the
    quote (cues before event ``stop``) when ``attribution``, from event ``index``, is that
    aside or a subject before it."""
    masked = analysis.masked
    for position in range(stop - 1, max(-1, index - _LOOK_BACK), -1):
        event = events[position]
        if event.cue.start < sentence_start or event.cue.start < attribution.mention.start:
            break
        if _is_aside(masked, event) and event.before is not None \
                and event.before.kind in ("pronoun", "name"):
            if event.before.span.start < attribution.mention.start:
                return None
            return _Attribution(event.before.span, event.before.kind, event.cue)
    return None


def _named_subject_before(analysis: _Analysis, events: Sequence[_Event], index: int,
                          sentence_start: int) -> _Attribution | None:
    """The subject of the earliest cue of the same sentence whose reported clause holds the
    later pronoun ("She said she recalls …", "Doe told reporters he …", "the council
    condemned what it called …"); a pronoun in a clause of its own (", and he accused …",
    "…, which he added …") speaks for itself."""
    found: _Attribution | None = None
    later = events[index].before
    if later is not None and later.span.text.lower() == "who" \
            and not _relative_subject(analysis.masked, _Attribution(later.span, later.kind, None)):
        later = None  # "anybody who complains": nobody in particular, the named subject speaks
    for earlier in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        event = events[earlier]
        if event.cue.start < sentence_start:
            break
        mention = event.after if event.speaker_after else event.before
        if mention is None or mention.span.start < sentence_start:
            continue
        if later is not None and event.cue.end > later.span.start:
            # "Ryan's campaign shrugged off Roe's comments, telling …": the later cue's
            # subject stands before this cue, so no clause this cue reports holds it.
            continue
        if later is not None and event.cue.end <= later.span.start \
                and not _verbal_event(event) \
                and analysis.masked[event.cue.end:later.span.start].strip() == ",":
            # "Responding to Roe's remarks, Doe wrote: “…”", "Asked about Roe's charges, Doe
            # said …": a subject right after the comma that closes a phrase about someone's
            # words opens the main clause; that noun of saying reports nothing of it.
            continue
        if later is None or (
                later.span.start - event.cue.end <= _REACH
                and lexicon.match(_COMPLEMENT_GAP if mention.kind == "pronoun"
                                  else _OBJECT_CLAUSE_GAP, analysis.masked, event.cue.end,
                                  later.span.start)):
            found = _Attribution(mention.span, mention.kind, event.cue)
    return found


def _inherit(analysis: _Analysis, spans: Sequence[QuoteSpan],
             found: list[_Attribution | None], deferred: Sequence[_Attribution | None],
             headings: set[int]) -> None:
    """Split quotes and quote-only paragraphs take the speaker of the quote they continue."""
    masked = analysis.masked
    paragraphs = analysis.doc.paragraphs
    for index, span in enumerate(spans):
        if found[index] is not None or span.first_paragraph in headings:
            continue
        previous = index - 1
        if analysis.looks_like_title(span) and not _opens_sentence(analysis, span):
            continue  # "signs that read “Stop The Cuts”": a title or slogan, said by nobody
        if previous >= 0 and spans[previous].last_paragraph == span.first_paragraph \
                and found[previous] is not None:
            found[index] = _intervening_attribution(analysis, span, spans[previous].stop) \
                or analysis.repeated_cues.get(spans[previous].open_mark) \
                or _resumed_after_chant(analysis, spans, found, index) or found[previous]
            continue
        if deferred[index] is not None:
            found[index] = deferred[index]
            continue
        if previous >= 0 and spans[previous].last_paragraph == span.first_paragraph:
            continue
        para_start = paragraphs[span.first_paragraph][0]
        if span.open_mark - para_start > 16 \
                or masked[para_start:span.open_mark].strip(" \t\n" + _MASK):
            # "… , Doe said. “…”": a quote that opens a sentence inside a paragraph
            # continues the speaker of the sentence before it.
            found[index] = _previous_sentence_speaker(analysis, span, para_start)
            continue
        if span.first_paragraph == 0:
            continue
        prior_paragraph = span.first_paragraph - 1
        prior_start, prior_end = paragraphs[prior_paragraph]
        if masked[prior_start:prior_end].rstrip().endswith(":"):
            lead = _direct_lead_in(analysis, prior_start, prior_end)
            if lead is not None:
                found[index] = lead
                continue
        if previous >= 0 and spans[previous].last_paragraph == prior_paragraph \
                and found[previous] is not None:
            found[index] = _intervening_attribution(analysis, span, spans[previous].stop) \
                or found[previous]
            continue
        if previous < 0 or spans[previous].last_paragraph < prior_paragraph:
            # "Doe praised the plan. ¶ “We need it now.”": a quote paragraph right after a
            # paragraph of reported speech continues its speaker.
            found[index] = _last_attribution_in(analysis, prior_start, prior_end) \
                or _issued_statement_speaker(analysis, prior_start, prior_end)
    # A first quote with no cue of its own takes the speaker of the next quote in its paragraph.
    for index in range(len(spans) - 2, -1, -1):
        span = spans[index]
        if found[index] is None and span.first_paragraph not in headings \
                and spans[index + 1].first_paragraph == span.last_paragraph \
                and found[index + 1] is not None \
                and not masked[span.stop:spans[index + 1].open_mark].strip(" ,;:.\t"):
            found[index] = found[index + 1]


#: "issued a statement apologizing …", "released a brief letter on Friday": a verb of
#: putting out a written statement and its noun, perhaps after an indirect object or a
#: time word or two.
_ISSUED_STATEMENT = regex.compile(
    rf"{_WORD_START}(?P<verb>{_RELEASE_VERBS})"
    rf"(?:[ \t]+out)?[ \t]+(?:[\p{{L}}\-]+[ \t]+){{0,2}}?"
    rf"(?:{_DETERMINER}|its|his|her|their|our)[ \t]+(?:[\p{{L}}\-]+[ \t]+){{0,3}}?"
    rf"(?:{lexicon.alternation(lexicon.STATEMENT_NOUNS)}){_WORD_END}"
)


def _issued_statement_speaker(analysis: _Analysis, start: int, end: int
                              ) -> _Attribution | None:
    """Who the last sentence of the paragraph ``start``–``end`` says put out a statement,
    letter or release ("The council issued a statement apologizing for the delay. ¶ “…”"):
    the quote-only paragraph after it is that statement, as after "Doe tweeted …"."""
    masked = analysis.masked
    sentence_start, _ = analysis.sentence_bounds(max(start, end - 1))
    sentence_start = max(start, sentence_start, end - _REACH)
    if _MASK in masked[sentence_start:end]:
        return None  # a sentence with quotes of its own: its quotes' speakers decide
    found = lexicon.search(_ISSUED_STATEMENT, masked, sentence_start, end)
    if found is None:
        return None
    prefix = masked[sentence_start:found.start("verb")]
    subject = analysis.clause_subject(prefix, sentence_start)
    comma = prefix.rfind(",")
    if subject is None and comma >= 0:
        # "At the mayor's request, the council issued …": the subject after the opening phrase.
        subject = _segment_subject(prefix, sentence_start, comma + 1, len(prefix), True)
    if subject is None or subject.kind == "pronoun":
        return None  # a pronoun is left to the pronoun rules of the quote's own paragraph
    return _Attribution(subject.span, subject.kind, _group_span(analysis.text, found, "verb"))


def _resumed_after_chant(analysis: _Analysis, spans: Sequence[QuoteSpan],
                         found: Sequence[_Attribution | None], index: int
                         ) -> _Attribution | None:
    """The person whose quote a crowd's chant interrupts, for the quote after the chant that
    a dash joins back to it ("Lee said, “…” - at which point the crowd chanted “…” - “and
    …”"): the crowd chanted only its own words."""
    if index < 2:
        return None
    chant = found[index - 1]
    if chant is None or chant.cue is None or chant.kind != "common" \
            or chant.cue.text.lower() not in _CROWD_CUES:
        return None
    masked = analysis.masked
    gap = masked[spans[index - 1].stop:spans[index].open_mark].strip(" \t,")
    if not gap or gap[0] not in _DASHES or gap.strip(_DASHES + " \t"):
        return None
    earlier = spans[index - 2]
    if earlier.last_paragraph != spans[index].first_paragraph or found[index - 2] is None:
        return None
    return found[index - 2]


def _opens_sentence(analysis: _Analysis, span: QuoteSpan) -> bool:
    """Whether only punctuation stands between the quote's sentence start and its mark."""
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    return not analysis.masked[max(sentence_start, span.open_mark - _REACH):span.open_mark] \
        .strip(" \t\n:—–-" + _MASK)


def _intervening_attribution(analysis: _Analysis, span: QuoteSpan,
                             after: int) -> _Attribution | None:
    """The attribution of a whole sentence of reported speech standing between an earlier
    quote (ending at ``after``) and ``span``, which opens the next sentence ("“…,” Doe said.
    Roe added that the plan had failed. “…”" -> Roe): the quote goes on from that sentence's
    speaker, the one last in focus, not from the earlier quote's."""
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    if span.open_mark - sentence_start > 4 or sentence_start <= after:
        return None
    masked = analysis.masked
    last = sentence_start - 1  # past the break: the sentence before may end a paragraph
    while last > max(0, sentence_start - 8) and masked[last].isspace():
        last -= 1
    previous_start, previous_end = analysis.sentence_bounds(max(0, last))
    if previous_start < after or _MASK in masked[previous_start:previous_end]:
        return None
    found = _last_attribution_in(analysis, previous_start, previous_end)
    if found is None or found.kind not in ("name", "pronoun") or found.cue is None \
            or _denied(masked, found):
        # "Doe didn't suggest retaliation.": a cue denied reports nothing said; "callers
        # asked": a common noun is seldom the one a following quote goes on from.
        return None
    return found


def _previous_sentence_speaker(analysis: _Analysis, span: QuoteSpan,
                               para_start: int) -> _Attribution | None:
    sentence_start, _ = analysis.sentence_bounds(span.open_mark)
    if sentence_start <= para_start or span.open_mark - sentence_start > 4:
        return None
    previous_start, _ = analysis.sentence_bounds(sentence_start - 1)
    start = max(para_start, previous_start, sentence_start - _REACH)
    found = _last_attribution_in(analysis, start, sentence_start)
    if found is not None:
        return found
    subject = analysis.clause_subject(analysis.masked[start:sentence_start], start)
    if subject is not None and subject.kind == "name":
        return _Attribution(subject.span, subject.kind, None)
    return None


def _last_attribution_in(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    for event in analysis.events_before(end):
        if event.cue.start < start:
            break
        attribution = _from_event(event, event.speaker_after)
        if attribution is not None and attribution.mention.start >= start:
            return attribution
    return None


def _direct_lead_in(analysis: _Analysis, start: int, end: int) -> _Attribution | None:
    sentence_start, _ = analysis.sentence_bounds(end - 1)
    for event in analysis.events_before(end):
        if event.cue.start < max(start, sentence_start):
            break
        attribution = _from_event(event, event.speaker_after)
        if attribution is not None:
            if attribution.kind == "common":
                # "Doe then listed his demands:": a named subject beats the nearest noun.
                clause = _clause_attribution(analysis, max(start, sentence_start), end)
                if clause is not None and clause.kind != "common":
                    return clause
            return attribution
    lead_start = max(start, sentence_start, end - _REACH)
    # "Stated Doe: ¶ “…”", "Former mayor Ann Lee: ¶ “…”": a label closing the paragraph.
    return _label_attribution(analysis, lead_start, end) \
        or _clause_attribution(analysis, lead_start, end)


def _names_before(analysis: _Analysis, position: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    stop = bisect_left(analysis.name_positions, position)
    for index in range(stop - 1, max(-1, stop - 1 - _LOOK_BACK), -1):
        yield analysis.names[index]


#: Capitalised pronouns the name rules take for names ("His aides", "He’s right"), and the
#: personal pronoun each stands for.
#: ("It’s", "That’s" open a clause, never name a speaker: they stay the word itself.)
_PRONOUN_OF = {"he": "he", "his": "he", "him": "he", "she": "she", "her": "she",
               "hers": "she", "they": "they", "their": "they", "them": "they", "we": "we",
               "our": "we"}
_CLITIC = regex.compile(r"[’'](?:s|re|ll|ve|d|m)$")
#: Words that open a sentence capitalised and so read as a one-word name, but name nobody.
_NOT_A_NAME = lexicon.PRONOUN_WORDS | lexicon.NON_NAME_WORDS | lexicon.NUMBER_WORDS


def _pronoun_name(analysis: _Analysis, mention: Span) -> str | None:
    """The name for a one-word "name" mention that is a pronoun or an indefinite word
    ("His", "He’s", "Another", "Several"): the person a pronoun refers to, or the word itself
    in lower case, as a common noun speaker is named; None for a real name."""
    if " " in mention.text:
        return None
    word = _CLITIC.sub("", mention.text).lower()
    pronoun = _PRONOUN_OF.get(word)
    if pronoun is not None:
        return _resolve_pronoun(analysis, Span(pronoun, mention.start,
                                               mention.start + len(pronoun)))
    return word if word in _NOT_A_NAME else None


def _resolve(analysis: _Analysis, attribution: _Attribution) -> str:
    mention = attribution.mention
    if attribution.kind in ("name", "common"):
        not_a_name = _pronoun_name(analysis, mention)
        if not_a_name is not None:
            return not_a_name
    if attribution.kind == "name":
        if mention.text.isupper() and " " not in mention.text and len(mention.text) > 2:
            # "PENCE:" in a transcript is the man the text calls Mike Pence.
            name, _ = analysis.canonical(mention.text.capitalize(), mention.start)
            if " " in name:
                return name
        return analysis.canonical(mention.text, mention.start)[0]
    if attribution.kind == "common":
        return analysis.organisation(mention) \
            or _LEADING_DETERMINER.sub(lambda m: m.group().lower(), mention.text)
    if mention.text.lower() in _POSSESSIVE_PRONOUNS:
        owner = _sentence_subject_owner(analysis, mention)
        if owner is not None:
            return owner
    return _resolve_pronoun(analysis, mention)


def _sentence_subject_owner(analysis: _Analysis, mention: Span) -> str | None:
    """The person a possessive determiner names when the subject of its own sentence is one
    ("Doe has pushed his plan" -> Doe): a subject that fits its gender is whom it means."""
    sentence_start, _ = analysis.sentence_bounds(mention.start)
    start = max(sentence_start, mention.start - _REACH)
    subject = analysis.clause_subject(analysis.masked[start:mention.start], start)
    if subject is None or subject.span.end > mention.start \
            or subject.span.text in _POSSESSIVES or analysis.sentence_initial_word(subject):
        return None  # "His aide …", "Nurses cheered …": no person of its own
    pronoun = _POSSESSIVE_PRONOUNS[mention.text.lower()]
    if subject.kind == "pronoun":
        if subject.span.text.lower() != pronoun:
            return None
        return _resolve_pronoun(analysis, subject.span)
    if subject.kind != "name":
        return None
    name, person = analysis.canonical(subject.span.text, subject.span.start)
    if person and _gender_fits(analysis.text, subject.span, name, pronoun):
        return name
    return None


def _previous_sentence_subject(analysis: _Analysis, position: int,
                               pronoun: str) -> str | None:
    """The person who is the subject of the sentence before ``position``'s sentence, when
    that sentence reports no speech ("Outside, union leader Ann Lee smiled. “…,” she said"):
    the reader takes a pronoun to be the person last in focus, not the last speaker."""
    sentence_start, _ = analysis.sentence_bounds(position)
    if position - sentence_start > _REACH:
        return None
    opening = analysis.masked[sentence_start:position].lstrip(" \t\n,.:" + _MASK)
    if opening.strip(" \t\n,.:" + _MASK):
        found = lexicon.match(_PRONOUN_OPENER, opening)
        if found is None or found.end() != len(opening):
            return None  # the pronoun's own sentence names others first: leave it to the cues
    previous = sentence_start - 1
    while previous > 0 and analysis.text[previous].isspace():
        previous -= 1
    if previous <= 0:
        return None
    start, end = analysis.sentence_bounds(previous)
    start = max(start, end - _REACH)
    if analysis.has_event_in(start, end):
        return None  # a sentence with a reporting cue: the cue rules decide
    masked = analysis.masked
    # The subject of the sentence's last clause is the one in focus: "Ann Lee defended her
    # plan, but union leader Tom Reed dismissed it. “…,” he said" -> Tom Reed.
    starts = [start] + [found.end() for found in lexicon.finditer(_CLAUSE_BREAK, masked,
                                                                  start, end)]
    for clause_start in reversed(starts):
        prefix = masked[clause_start:end]
        subject = analysis.clause_subject(prefix, clause_start)
        if subject is not None:
            subject = _apposed(masked[clause_start:end], clause_start, subject)
        if (subject is None or subject.kind == "common") and "," in prefix:
            # "A year after her injury, Doe waited …": an opening phrase the clause rules
            # took for a subject; the name after its comma is the one in focus.
            subject = analysis.subject_after_intro(prefix, clause_start, prefix.index(",") + 1)
        if subject is None or subject.kind != "name":
            continue
        name, person = analysis.canonical(subject.span.text, subject.span.start)
        if person and analysis.used_as_name(name) \
                and _gender_agrees(masked, subject.span.end, end, pronoun) \
                and _gender_fits(analysis.text, subject.span, name, pronoun):
            return name
    return None


#: What may open a sentence before its pronoun subject without naming anyone: a linking
#: word ("But he said"), or a phrase of lower-case words, numbers and dates closed by a
#: comma ("In 2012, he said", "In his statement, she wrote"); the reader still takes the
#: pronoun to be the person the sentence before was about.
_PRONOUN_OPENER = regex.compile(
    rf"(?:(?:And|But|Yet|So|Still|Then|Later|Now|Also)[ \t]+"
    rf"|(?:\p{{Lu}}\p{{Ll}}+|\d[\d,]*)(?:[ \t]+(?:[\p{{Ll}}\d][\p{{Ll}}\d’'\-,]*|{_WEEKDAYS}|"
    rf"{_MONTHS}))*,[ \t]+)"
)


def _colon_lead_name(analysis: _Analysis, position: int, pronoun: str) -> str | None:
    """The person named as subject of a colon lead-in that opens the sentence of the quote
    right before ``position`` ("Jane Fallon fired back: “…,” she wrote"): the pronoun of the
    quote's own cue repeats that subject, whatever the lead-in's verb, rather than pointing
    to an earlier speaker. None unless the subject is a person the pronoun fits."""
    masked = analysis.masked
    # Walked back rather than ``masked[:position].rstrip()``: a copy of the text before
    # every quote made a document of many short quotes quadratic.
    open_mark = position
    while open_mark > 0 and masked[open_mark - 1] in " \t,":
        open_mark -= 1
    while open_mark > 0 and masked[open_mark - 1] == _MASK:
        open_mark -= 1
    sentence_start, _ = analysis.sentence_bounds(open_mark)
    if open_mark - sentence_start > _REACH:
        return None
    lead = masked[sentence_start:open_mark]
    if not lead.rstrip().endswith(":") or _MASK in lead:
        return None
    subject = analysis.clause_subject(lead, sentence_start)
    if subject is None or subject.kind != "name" or analysis.sentence_initial_word(subject):
        return None
    word = _CLITIC.sub("", subject.span.text).lower()
    if word in _PRONOUN_OF or word in _NOT_A_NAME:
        return None  # "His final assessment: “…,” he said": no person of its own
    name, person = analysis.canonical(subject.span.text, subject.span.start)
    return name if person and _gender_fits(analysis.text, subject.span, name, pronoun) else None


#: Capitalised one-word subjects that name a group, a place or a date, never a person that
#: "he" or "she" stands for ("Republicans agreed", "… of Elizabeth, Colorado, slammed").
_NO_PERSON_WORDS = lexicon.PARTY_WORDS | lexicon.PLACES | frozenset(
    word.lower() for word in f"{_WEEKDAYS}|{_MONTHS}".split("|")) | {"democratic"}


def _may_be_person(analysis: _Analysis, name: str) -> bool:
    """Whether a one-word name may be the person "he" or "she" refers to: not a party, place,
    nationality or date word (nor its plural: "Democrats", "Latinos"), nor a plural only
    capitalised where it opens a sentence."""
    if " " in name:
        return True
    word = name.lower()
    if word in _GIVEN_NAMES:
        return True
    if word in _NO_PERSON_WORDS or (word.endswith("s") and word[:-1] in _NO_PERSON_WORDS):
        return False
    # A plural capitalised only where it opens a sentence ("Analysts say …") is a group; a
    # surname may open every sentence it is in ("Cruz said …").
    return not word.endswith("s") or analysis.used_as_name(name)


def _gender_agrees(masked: str, start: int, end: int, pronoun: str) -> bool:
    """Whether the first gendered pronoun after a name ("Ann Lee defended her plan") fits."""
    found = lexicon.search(_GENDERED, masked, start, end)
    if found is None:
        return True
    female = found.group().lower() in ("she", "her", "hers", "herself")
    return female == (pronoun == "she")


def _resolve_pronoun(analysis: _Analysis, mention: Span) -> str:
    pronoun = _POSSESSIVE_PRONOUNS.get(mention.text.lower(), mention.text.lower())
    want_person = pronoun in {"he", "she", "who"}
    if pronoun in _THING_PRONOUNS:
        # "water bottles that said": the thing the relative pronoun stands for.
        return _relative_antecedent(analysis, mention, thing=True) or mention.text
    if pronoun == "who":
        antecedent = _relative_antecedent(analysis, mention)
        if antecedent is not None:
            return antecedent
        # No phrase right before it: the nearest name of its own sentence.
        sentence_start, _ = analysis.sentence_bounds(mention.start)
        for position, entity in _names_before(analysis, mention.start):
            if position >= sentence_start:
                return analysis.canonical(" ".join(entity), position)[0]
            break
        return mention.text
    if want_person and _follows_quote(analysis.masked, mention.start):
        lead = _colon_lead_name(analysis, mention.start, pronoun)
        if lead is not None:
            return lead
    if want_person:
        recent = _previous_sentence_subject(analysis, mention.start, pronoun)
        if recent is not None:
            return recent
    for event in analysis.events_before(mention.start):
        candidate = event.after if event.speaker_after else event.before
        if candidate is None and _follows_quote(analysis.masked, event.cue.start):
            candidate = event.after
        if candidate is None or candidate.kind == "pronoun" \
                or _CLITIC.sub("", candidate.span.text).lower() in _NOT_A_NAME:
            continue  # "It said …": a capitalised pronoun is no antecedent of another
        if candidate.kind == "common":
            if want_person:
                continue
            return analysis.organisation(candidate.span) or _LEADING_DETERMINER.sub(
                lambda m: m.group().lower(), candidate.span.text)
        name, person = analysis.canonical(candidate.span.text, candidate.span.start)
        if want_person and not _may_be_person(analysis, name):
            continue
        if pronoun == "it" and person and _named_person(analysis.text, candidate.span, name):
            continue  # "Klein said … . It added": "it" is never a person
        if (person and _gender_fits(analysis.text, candidate.span, name, pronoun)) \
                or not want_person:
            return name
    headlines = analysis.headlines
    for position, entity in _names_before(analysis, mention.start):
        # A surname counts once the document has given the full name ("Doe" -> "Jane Doe");
        # a name after a preposition of place ("near Halls Gap") is a place; a headline's
        # capitalised run ("Doe Path To Victory") is no name.
        if headlines and analysis.doc.paragraph_index(position) in headlines:
            continue
        name, person = analysis.canonical(" ".join(entity), position)
        if pronoun == "it" and _named_person(
                analysis.text, Span(analysis.text[position:position + 12], position,
                                    position + 12), name):
            continue
        if person and len(name.split()) > 1 and not lexicon.search(
                _LOCATIVE_TAIL, analysis.masked, max(0, position - 12), position):
            # The match starts at its title, if any ("Mrs. Dana Doe"): check that word too.
            title = analysis.text[position:position + 12].split()[:1]
            if _gender_fits(analysis.text, Span(" ".join([*title, name]), position, position),
                            name, pronoun):
                return name
    return mention.text


#: Where the phrase a relative "who" follows begins: the clause boundary before it.
_RELATIVE_BOUNDARIES = ",;:(—–―\n" + _MASK
#: The comma or dash between a phrase and the relative pronoun after it.
_RELATIVE_PUNCTUATION = regex.compile(r"(?:[ \t]*(?:,|[—–―]|--|(?<=\s)-))?[ \t]*$")
_WITHOUT_MARKS = str.maketrans("", "", "\"“”‘’«»‹›„‚「」")
#: Adjectives whose complement ends the antecedent without heading it ("an aide familiar
#: with the talks, who", "a source close to the campaign, who").
_COMPLEMENT_ADJECTIVES = frozenset({"familiar", "close", "loyal", "opposed", "allied",
                                    "sympathetic", "connected", "linked", "involved",
                                    "knowledgeable", "briefed", "friendly", "hostile"})
#: A name ending a phrase ("… praised evangelist Franklin Graham"), matched right to left.
_NAME_TAIL = regex.compile(rf"(?r)(?<![\p{{L}}\p{{M}}’'\-])(?P<name>{_NAME_SEQ})[ \t]*$")
#: An appositive's opening after its name's comma ("Reed, now the party's leader, who").
_APPOSITIVE_OPENING = regex.compile(
    rf"[ \t]*(?:(?:now|also|then|still|once|formerly)[ \t]+)?{_DETERMINER}[ \t]")
#: Prepositions whose phrase may end the antecedent's noun phrase without being its head
#: ("Democrats across the country, who", "one aide familiar with the talks, who"); "to"
#: ends a verb's object ("appealed to voters who"), "of" a thing's ("memoirs of a spy who").
_POSTMODIFIER_PREPOSITIONS = frozenset(_PREPOSITIONS) - {"to", "of", "for", "at", "like"}
#: ... and those that tie a role to what it heads ("the head of the agency, who").
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at"})


def _relative_antecedent(analysis: _Analysis, mention: Span, thing: bool = False
                         ) -> str | None:
    """The name of what a relative "who" stands for: the noun phrase right before it (past
    a comma and a quoted title), not whichever name came last. A person's name right
    before it, or the name an appositive there describes ("Reed, a Dover native who"),
    else the noun phrase itself as a common-noun speaker ("a candidate who", "critics
    who", "one aide familiar with the talks, who"). None when no phrase stands there."""
    masked = analysis.masked
    sentence_start, _ = analysis.sentence_bounds(mention.start)
    floor = max(sentence_start, mention.start - _REACH)
    end = floor + len(_RELATIVE_PUNCTUATION.sub("", masked[floor:mention.start]))
    quoted_end = end
    if end > floor and masked[end - 1] == _MASK:
        # "a contestant on the show, “The Apprentice,” who": the title stands in apposition.
        while end > floor and masked[end - 1] == _MASK:
            end -= 1
        if not masked[floor:end].rstrip(" \t").endswith(","):
            # "appointing a “chief trade prosecutor” who": the quoted words are the noun.
            words = masked[floor:end].split()
            if words and _DETERMINER_WORD.fullmatch(words[-1]):
                begin = masked.rfind(words[-1], floor, end)
                quoted = analysis.text[begin:quoted_end]
                return _LEADING_DETERMINER.sub(lambda m: m.group().lower(),
                                               quoted.translate(_WITHOUT_MARKS))
        end = floor + len(_RELATIVE_PUNCTUATION.sub("", masked[floor:end]))
    start = max((masked.rfind(mark, floor, end) for mark in _RELATIVE_BOUNDARIES),
                default=-1) + 1
    start = max(start, floor)
    if start >= end:
        return None
    phrase = masked[start:end]
    if lexicon.match(_APPOSITIVE_OPENING, phrase) and start > floor \
            and masked[start - 1] == ",":
        # "Braynard, a South Carolina native who", "McConnell, now the majority leader,
        # who": the appositive describes the name before its comma.
        named = _person_before(analysis, floor, start - 1)
        if named is not None:
            return named
    tail = lexicon.match(_NAME_TAIL, masked, start, end)
    if tail is not None:
        name, person = analysis.canonical(tail.group("name"), tail.start("name"))
        if (person and " " in name) or not _adjective_before(masked, start, tail.start()):
            # "the hard-right Arizonan who", "blue-collar Americans who": a one-word name
            # after an adjective heads a common noun phrase, read whole below.
            return name
    words = phrase.split()
    head = _noun_phrase_start(words)
    if head is None:
        return None
    if head > 1 and words[head - 1].lower() in _PREPOSITIONS:
        preposition = words[head - 1].lower()
        before = words[:head - 1]
        outer = _noun_phrase_start(before)
        if preposition in _POSTMODIFIER_PREPOSITIONS and before and before[-1][:1].isupper():
            # "Democrats across the country, who": the name heads the phrase.
            found = lexicon.match(_NAME_TAIL, masked, start,
                                  start + phrase.rfind(words[head - 1], 0,
                                                       phrase.rfind(words[head])))
            if found is not None:
                return analysis.canonical(found.group("name"), found.start("name"))[0]
        if outer is not None and (before[-1].lower() in _COMPLEMENT_ADJECTIVES or (
                preposition in _ROLE_PREPOSITIONS
                and (_is_title(before[-1]) or _is_role(before[-1])))) and not thing:
            head = outer
        elif outer is not None and thing and before[-1].lower() in _DOCUMENT_NOUNS:
            # "a letter from the union, which": the document heads the phrase ("a
            # release linked to the report, which": a verb's object does).
            head = outer
    common = " ".join(words[head:])
    position = end - len(common)
    if masked[position:end] != common:
        return None  # irregular spacing: leave it to the names before
    return analysis.organisation(Span(common, position, end)) \
        or _LEADING_DETERMINER.sub(lambda m: m.group().lower(), common)


def _adjective_before(masked: str, start: int, position: int) -> bool:
    """Whether a determiner or a lower-case modifier (no function word, no role such as
    "evangelist") stands right before ``position`` in the phrase from ``start``."""
    words = masked[start:position].split()
    if not words:
        return False
    word = words[-1]
    if _DETERMINER_WORD.fullmatch(word):
        return True
    return word[:1].islower() and not _is_role(word) and word.lower() not in _PREPOSITIONS \
        and not _STOP_WORD.fullmatch(word.lower())


def _person_before(analysis: _Analysis, floor: int, comma: int) -> str | None:
    """The person named right before the comma at ``comma``, if any."""
    found = lexicon.match(_NAME_TAIL, analysis.masked, floor, comma)
    if found is None:
        return None
    name, person = analysis.canonical(found.group("name"), found.start("name"))
    return name if person else None


def _noun_phrase_start(words: Sequence[str]) -> int | None:
    """Where the noun phrase ending ``words`` starts: at its last determiner, or, without
    one, at the first of up to three trailing words that are neither function words nor
    verbs ("blue-collar voters", "24 percent")."""
    for index in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[index]
        if _DETERMINER_WORD.fullmatch(word):
            return index
        if _STOP_WORD.fullmatch(word.lower()) or word.lower() in _PREPOSITIONS:
            break
    start = len(words)
    while start > 0 and len(words) - start < 3:
        word = words[start - 1]
        if _STOP_WORD.fullmatch(word.lower()) or word.lower() in _PREPOSITIONS \
                or (word[:1].islower() and _looks_finite(word)):
            break
        start -= 1
    return start if start < len(words) else None


def _named_person(text: str, mention: Span, name: str) -> bool:
    """Whether a name is plainly a person's, one "it" cannot stand for: a listed given name
    opens it, or a gendered title opens or precedes its mention."""
    first = name.split(maxsplit=1)[0].lower() if name.strip() else ""
    if first in _GIVEN_NAMES:
        return True
    before = text[max(0, mention.start - 8):mention.start].split()[-1:]
    return any(token.lower().rstrip(".") in lexicon.FEMALE_TITLES
               or token.lower().rstrip(".") in lexicon.MALE_TITLES
               for token in before + mention.text.split()[:1])


def _gender_fits(text: str, mention: Span, name: str, pronoun: str) -> bool:
    """Whether a person may be "he" or "she": a gendered title in or right before the
    mention ("Mrs. Lee") or a given name on the lists decides; otherwise the gender is
    unknown, and fits."""
    if pronoun not in ("he", "she"):
        return True
    female: bool | None = None
    before = text[max(0, mention.start - 8):mention.start].split()[-1:]
    for token in before + mention.text.split():
        bare = token.lower().rstrip(".")
        if bare in lexicon.FEMALE_TITLES or bare in lexicon.MALE_TITLES:
            female = bare in lexicon.FEMALE_TITLES
            break
    if female is None:
        first = name.split()[0].lower() if name.split() else ""
        if first in lexicon.FEMALE_NAMES or first in lexicon.MALE_NAMES:
            female = first in lexicon.FEMALE_NAMES
    return female is None or female == (pronoun == "she")
