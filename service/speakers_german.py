"""Speakers stage for German news copy: who said each „quotation“.

``speakers.attribute`` hands a document here when ``language.detect`` finds it German. The
English rules do not carry over, for two reasons the grammar gives:

- German capitalises every noun, so a capital letter is no sign of a name: a speaker is a
  noun phrase found by its shape (article, inflected adjectives, capitalised words,
  a genitive, an apposition) next to a reporting cue, never a capitalised word on its own.
- The finite verb comes second. "Der Minister sagte: „…“" has the subject before the verb,
  but "Der Zeitung sagte Müller: „…“", "„…“, sagte Müller" and "„…“, so Müller" after it.

Rules, in order of preference, for each quotation (on the masked text, where quotations are
blanked out so their words are never read as attribution):

1. Right after the quotation, only a comma between: a cue or "so" and the phrase after it
   ("„…“, sagte der Sprecher", "„…“, so Müller"), or a pronoun after the cue ("sagte er").
2. Before the quotation in its sentence, the last cue: the phrase right after it when only a
   colon or comma separates that phrase from the quotation ("Dazu sagte Müller: „…“"), else
   the subject before the cue ("Der Minister sagte, das sei „…“"; for a cue joined by "und",
   the subject that opens the sentence).
3. "laut X", "X zufolge", "nach Angaben/Worten von X" in the quotation's sentence.
4. The first cue after the quotation in its sentence, with the phrase after it
   ("Die „…“ hätten „…“, so Murtha").
5. A quotation with none of these continues the speaker of the quotation before it in its
   paragraph, or, opening a paragraph, of the previous paragraph's last quotation when that
   paragraph ended with it or with a colon (a quotation running over several paragraphs).

Anything else has no speaker: a title, a name or a word set in quotation marks is said by
nobody, and a guessed speaker would make a false ``misattributed``.

Names: the person name inside the phrase (the capitalised words after a role noun —
"der zuständige Gewerkschaftsvorstand Uwe Foullong" → "Uwe Foullong" — or an apposition,
"Der Innenminister Frankreichs, Nicolas Sarkozy" → "Nicolas Sarkozy"); a later surname
resolves to the fullest form used earlier, and "er"/"sie" to the latest speaker before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from service import lexicon
from service.document import Document
from service.models import Span, Speaker
from service.quotes import QuoteSpan

CUES = lexicon.GERMAN_REPORTING_VERBS
_CUE_WORDS = lexicon.alternation(CUES)
_NON_NOUN_WORDS = lexicon.alternation(lexicon.GERMAN_NON_NOUNS)

_MASK = "\ue000"


def _compound_ending_in(nouns: frozenset[str]) -> str:
    """A capitalised word that is one of ``nouns`` or a compound ending in one ("Landrat",
    "Innenministerin", "Positionspapier"): German joins nouns into one word, its last the
    head."""
    return rf"(?=\p{{Lu}})[\p{{L}}\-]*?(?i:{lexicon.alternation(nouns)})"


_DETERMINER = (r"(?:[Dd]e[rsmn]|[Dd]ie|[Dd]as|[Ee]in(?:e[rsmn]?)?"
               r"|[Ss]ein(?:e[rsmn]?)?|[Ii]hr(?:e[rsmn]?)?|[Uu]nser(?:e[rsmn]?)?)")
# Inflected attributive adjectives end in -e/-en/-er/-es/-em ("der zuständige", "einem
# inoffiziellen"); the function words with those endings are not adjectives.
_ADJECTIVE = (r"(?:(?!(?:über|aber|oder|wieder|immer|unter|hinter|weiter|später|gegen|ohne"
              r"|eine[rsmn]?|seine[rsmn]?|ihre[rsmn]?|diese[rsmn]?|jede[rsmn]?)\b)"
              r"\p{Ll}[\p{L}\-]*(?:e|en|er|es|em)|\d+-jährige[rnms]?)")
# "Von der Leyen" is a name, though "von" is a preposition.
_NON_NOUN = rf"(?!(?!Von\s+der\s+\p{{Lu}})(?i:{_NON_NOUN_WORDS})\b)"
# A capitalised word, or a nominalised age ("der 58-Jährige").
# An article is no noun, though it opens a sentence capitalised ("Der auf der Konferenz
# anwesende Minister").
_CAPITALISED = (r"(?:(?!(?:Der|Die|Das|De[mns]|Ein(?:e[mnrs]?)?)\b)"
                r"\p{Lu}[\p{L}\p{M}\d’'\-]*(?:\.\p{L}[\p{L}\-]*)*|\d+-Jährige[nmrs]?)")
_PARTICLE = r"(?:von\s+der|von|van|de|zu|vom|al|bin)"
_CAPITALISED_RUN = (
    rf"(?:Von\s+der\s+)?{_CAPITALISED}(?:\s+(?:{_PARTICLE}\s+)?{_CAPITALISED}){{0,5}}")
# Only a phrase's first word can be a capitalised adverb ("Bereits", "Kurz"): inside a run of
# capitals "Peter Kurz" is a name.
# A paper or a broadcaster named by its title in quotation marks (masked): "die „Süddeutsche
# Zeitung“", "der „Bild“-Zeitung".
_TITLE_PHRASE = rf"{_DETERMINER}\s+(?:{_ADJECTIVE}\s+){{0,2}}{_MASK}+(?:-\p{{L}}+)?"
_TITLE_ONLY = regex.compile(rf"{_TITLE_PHRASE}$")
_SIMPLE_PHRASE = (
    rf"{_TITLE_PHRASE}|"
    rf"{_NON_NOUN}(?:(?:{_DETERMINER}|\p{{Lu}}\p{{Ll}}+s(?=\s+{_ADJECTIVE}))\s+)?"
    rf"(?:{_ADJECTIVE}\s+){{0,3}}{_CAPITALISED_RUN}"
    rf"(?:\s+(?:des|der)\s+(?:{_ADJECTIVE}\s+){{0,2}}{_CAPITALISED_RUN})?"
    r"(?:\s+\([^()\n]{1,40}\))?"
)
# "Sonia und Willy Bogner", "Beck und Wieland": two speakers, one attribution.
_NOUN_PHRASE = rf"(?:{_SIMPLE_PHRASE})(?:\s+und\s+(?:{_SIMPLE_PHRASE}))?"
_PRONOUN = r"(?:er|sie|Er|Sie)"
# A phrase and an apposition set off by commas: "Der Innenminister Frankreichs, Nicolas
# Sarkozy," — the apposition is taken only when a comma closes it or the cue follows.
_PHRASE = rf"(?:{_PRONOUN}\b|{_NOUN_PHRASE}(?:,\s+{_NOUN_PHRASE}(?=\s*,|\s*$))?)"
_PHRASE_AFTER = regex.compile(rf"\s+(?:sich\s+)?(?P<np>{_PRONOUN}\b|{_NOUN_PHRASE})")
_SUBJECT = regex.compile(rf"\s*(?P<np>{_PHRASE})\s*,?\s*$")
# The sentence's first phrase, then its finite verb (German puts it second) or, after an
# apposition, a comma right before the cue: the subject of a sentence that opens with it.
_OPENING_SUBJECT = regex.compile(rf"\s*(?P<np>{_NOUN_PHRASE}|{_PRONOUN}\b)(?=\s+\p{{Ll}}|,)")
_AUXILIARY = r"(?:hatte|hat|habe|hätte|hatten|haben|wird|wurde|ist|war|sei)"
_CUE = regex.compile(rf"\b(?:{_CUE_WORDS}|so)\b")
# After a quotation: a comma or dash, then the cue ("„…“, sagte", "„…“ – so"), or an auxiliary
# whose participle is a cue ("„…“, hatte Müller im Interview erklärt").
_AFTER_QUOTE = regex.compile(
    rf"[\s{_MASK}.]*(?:,|[–—]|--)?\s*(?P<cue>{_CUE_WORDS}|so"
    rf"|{_AUXILIARY}(?=[^.!?]*\b(?:{_CUE_WORDS})\b))\b")
_ACCORDING_BEFORE = (
    rf"\b(?P<cue>[Ll]aut|[Nn]ach\s+(?:Angaben|Aussagen?|Worten|Ansicht|Auffassung|Meinung"
    rf"|Einschätzung|Darstellung|Informationen|Berichten|Erkenntnissen)"
    rf"(?:\s+(?:von|vo[mn]))?)"
    rf"\s+(?P<np>{_NOUN_PHRASE})")
_ACCORDING = regex.compile(
    rf"{_ACCORDING_BEFORE}|(?P<np2>{_NOUN_PHRASE})\s+(?P<cue2>zufolge)\b")
# Without "zufolge" in the sentence: the same, with no phrase to try at every position.
_ACCORDING_NO_ZUFOLGE = regex.compile(_ACCORDING_BEFORE)
# A given name and a surname (the given name still to be checked against the list): a person,
# for "er"/"sie" to resolve to.
_GIVEN_AND_SURNAME = rf"(?P<given>\p{{Lu}}[\p{{Ll}}\-]+)\s+{_CAPITALISED_RUN}"
# A run of capitalised words, and a party or an age in parentheses after it ("Kurt Beck
# (SPD)", "Anna Roth (58)"): a person when it holds a listed given name, follows a role noun
# ("Landrat Gerold Haberkamp") or has the parentheses.
_PERSON = regex.compile(
    rf"{_CAPITALISED_RUN}(?P<party>\s+\((?i:{lexicon.alternation(lexicon.GERMAN_PARTIES)}"
    r"|\d{1,3})\))?")
_ROLE = regex.compile(rf"{_compound_ending_in(lexicon.GERMAN_ROLE_NOUNS)}$")
# The end of what comes before a clause whose verb is last: "Wie ein Sprecher sagte, …".
_SUBORDINATE_END = regex.compile(
    r"(?:\b(?:[Ww]ie|als|dass|nachdem|weil|während|obwohl|ob|da)|,)\s*$")
_IT_SAYS_IN = regex.compile(
    rf"\s+es\s+(?:\p{{Ll}}+\s+)?(?:in|im|aus|vo[nm]|seitens|bei|beim)\s+(?P<np>{_NOUN_PHRASE})")
# "Anna Berger: „…“": a person's name and a colon, as in an interview's or a debate's
# transcript, opening the sentence.
_LABEL = regex.compile(rf"\s*(?P<np>{_GIVEN_AND_SURNAME})\s*:\s*$")
# "„…“ Das sagte der Sprecher am Montag.": the next sentence names who said it.
_THAT_SAID = regex.compile(
    rf"[\s{_MASK}.]*(?:Das|Dies)\s+(?P<cue>{_CUE_WORDS})\b")
_DETERMINED = regex.compile(_DETERMINER + r"\s")
# "mit den Worten „…“": the quotation is what the subject of its clause said.
_WITH_WORDS = regex.compile(
    r"\b[Mm]it\s+(?:den|diesen|folgenden)\s+(?:\p{Ll}+\s+)?Worten\s*[:,]?\s*$")
# After a quotation that opens its sentence: the finite verb, then the subject ("„…“
# verließ die Ministerin den Saal").
_VERB_THEN_SUBJECT = regex.compile(
    rf"[\s{_MASK}.]*,?\s*\p{{Ll}}+\s+(?:sich\s+)?(?P<np>{_PRONOUN}\b|{_NOUN_PHRASE})")
# The sentence's subject and its apposition, then the finite verb: "Der Sprecher, Max Ott,
# versuchte …".
_OPENING_WITH_APPOSITION = regex.compile(
    rf"\s*(?P<np>(?:{_NOUN_PHRASE}|{_PRONOUN}\b)(?:,\s+{_NOUN_PHRASE}\s*,)?)(?=\s+\p{{Ll}})")
# A cue that ends its clause, as a verb-last clause's or a participle does ("als „Skandal“
# bezeichnet.", "„…“ genannt hatte").
_CLAUSE_END = regex.compile(
    r"\s*(?:[,.;:!?)]|$|(?:hatte|hat|habe|hätte|hatten|haben|sei|ist|war|worden|wurde|werden"
    r"|wird)\b)")
_PERFECT = regex.compile(r"\b(?:hat|hatte|habe|hätte|haben|hatten|hätten)\b")
_PASSIVE = regex.compile(r"\b(?:wurde|wurden|wird|werden|worden)\b")
# The agent of a passive: "wurde von der Opposition als „Unsinn“ bezeichnet".
_AGENT = regex.compile(rf"\b(?:von|vom|seitens)\s+(?P<np>{_NOUN_PHRASE})")
# The subjunctive proper to indirect speech (Konjunktiv I), not the conditional ("hätten",
# "würden").
_KONJUNKTIV_ONE = (
    r"sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe|möge|gebe|gehe|stehe|liege"
    r"|komme|bleibe|wisse|lasse|brauche|fehle|gelte")
# Reported speech: the subjunctive of indirect speech (and the plural forms standing in for
# it), or "heißt es". A sentence in it carries on the speaker of the sentence before.
_SUBJUNCTIVE = regex.compile(
    rf"\b(?:{_KONJUNKTIV_ONE}|hätten|wären|würden|heißt\s+es|hieß\s+es)\b")
_REPORTED_REACH = 3  # sentences looked back over for the cue of a run of reported speech
# "Darin heißt es: „…“": the text named in the sentence before speaks.
_THEREIN = regex.compile(r"\s*(?:Darin|Dort|Hierin)\s+(?:heißt|hieß|steht|stand)\b")
_DOCUMENT = regex.compile(
    rf"(?r){_DETERMINER}\s+(?:{_ADJECTIVE}\s+){{0,3}}"
    rf"{_compound_ending_in(lexicon.GERMAN_DOCUMENT_NOUNS)}\b"
    rf"(?:\s+(?:des|der)\s+(?:{_ADJECTIVE}\s+){{0,2}}{_CAPITALISED_RUN})?")
_QUOTE_MARKS = frozenset("„“”‚‘’»«›‹\"")
# Dative and accusative articles: a phrase opening with one is no subject, so the subject
# follows the verb ("Dem Sender sagte der Trainer", "Den Vorwurf wies die Ministerin zurück").
_OBLIQUE = regex.compile(r"(?:[Dd]e[mn]|[Ee]ine[mn])\s")
# "zitiert X mit den Worten": the object of the verb of quoting is the one quoted.
_QUOTING_CUES = frozenset({"zitiert", "zitierte", "zitierten", "zitieren"})
# A clause with its verb last, opened by a conjunction: its subject comes right after it
# ("wie die Feuerwehr am Montag mitteilte", "indem sie den Aufsichtsrat aufforderte").
# The conjunction is looked for first, backwards from the verb inside its clause, and the
# phrase matched only there: a phrase pattern tried at every position costs far more.
_CLAUSE_OPENER = regex.compile(
    rf"(?r)(?:^|[,;:!?.\n{_MASK}])[^,;:!?.\n{_MASK}]*?\b(?:[Ww]ie|nachdem|weil|obwohl|indem"
    r"|wobei|dass)\s+")
_CLAUSE_SUBJECT = regex.compile(
    rf"(?P<np>{_PRONOUN}\b|{_NOUN_PHRASE})(?=[^,;:!?.\n{_MASK}]*$)")
# "heißt es" and "steht" name no speaker: the document does, in a phrase before the verb
# ("In dem Bericht heißt es", "Aus dem Ministerium hieß es").
_IT_SAYS_CUES = frozenset({"heißt", "hieß"})
_SOURCE_OPENING = regex.compile(
    rf"\s*(?:[Ii]n|[Ii]m|[Aa]us|[Vv]o[nm]|[Ss]eitens|[Bb]ei|[Bb]eim)\s+(?P<np>{_NOUN_PHRASE})"
    r"\s*$")
_COLON_NEXT = regex.compile(r"\s*:")
_AND_BEFORE = regex.compile(r"\bund\s*$")
_FRONTED = regex.compile(rf"\s*(?i:{_NON_NOUN_WORDS})\b")
# Verb second: after a fronted adverb or prepositional phrase ("Danach", "Am Abend", "Nach
# der Sitzung") the finite verb, then the subject — which a cue joined by "und" shares
# ("Danach sprach der Minister vor der Presse und sagte: …").
# The verb is no function word ("Bereits am Sonntagabend zogen …": "am" opens a phrase).
_FRONTED_PREPOSITIONAL = (
    rf"(?i:am|im|beim|vom|zum|zur|nach|vor|bei|mit|auf|in|an|seit|während|trotz|wegen|gegen"
    rf"|unter|über|für|aus|ab)\s+(?:{_DETERMINER}\s+)?(?:{_ADJECTIVE}\s+){{0,2}}"
    rf"\p{{Lu}}[\p{{L}}\-]*")
_FRONTED_THEN_SUBJECT = regex.compile(
    rf"\s*(?:(?:(?i:{_NON_NOUN_WORDS})\s+)?{_FRONTED_PREPOSITIONAL}|(?i:{_NON_NOUN_WORDS}))"
    rf"\s+(?!(?i:{_NON_NOUN_WORDS})\b)\p{{Ll}}+\s+(?:sich\s+)?"
    rf"(?P<np>{_PRONOUN}\b|{_NOUN_PHRASE})")
# First-person words: a quotation in them speaks for its speaker, so one standing alone after
# a sentence about a person is that person's ("Die Ministerin zeigte sich zufrieden. „Wir
# haben viel erreicht.“").
_FIRST_PERSON = regex.compile(r"\b(?:ich|mich|mir|mein\p{Ll}*|wir|uns|unser\p{Ll}*)\b",
                              regex.IGNORECASE)
# Only Konjunktiv I carries a report on into a new paragraph: the conditional forms
# _SUBJUNCTIVE also takes may stand in a paragraph of their own.
_SUBJUNCTIVE_ONE = regex.compile(rf"\b(?:{_KONJUNKTIV_ONE})\b")
# An apposition after the phrase that follows a cue, closed by punctuation: "„…“, so der
# Sprecher der Polizei, Hans Meier."
_APPOSITION_AFTER = regex.compile(
    rf",\s+(?P<np>{_CAPITALISED_RUN})(?=\s*(?:[,.;:!?]|$))")
# "sogenannt" marks a term as somebody's coinage, not a quotation of what was said: "die
# sogenannten „schwarzen Listen“", "die so genannte „Reichensteuer“".
_SO_CALLED = regex.compile(
    r"\b(?:[Ss]ogenannt|[Ss]o\s+genannt)(?:e[nmrs]?)?(?:\s+\p{Ll}+(?:e|en|er|es|em))?\s*$")
# A quotation that is the predicate of "heißen" is a name: "„Nordwind“, so heißt die Fähre",
# "der Plan, der intern „Morgenröte“ heißt" — unlike "„…“, heißt es", where "es" speaks.
_CALLED_AFTER = regex.compile(
    r"\s*,?\s*(?:so\s+)?(?:heißt|hieß|heißen|hießen)\b(?!\s+es\b)")
# Between "sagte Müller" and the quotation: nothing, a colon or comma, or a few words ending
# in a colon ("entgegnete Suttner empört:", "erklärte er in einem Interview:").
_LEAD_GAP = regex.compile(r"\s*[:,]?\s*$|[^.!?:\n]{1,60}:\s*$")
_SENTENCE_END = regex.compile(r"[.!?](?=\s+[\p{Lu}„»\"" + _MASK + r"]|\s*$)")
_STOP = regex.compile(r"[.!?]")
_STOP_BACKWARDS = regex.compile(r"(?r)[.!?]")
_WORD_BEFORE = regex.compile(r"(?r)(?:\p{L}+|\d+)$")
# A full stop after these ends no sentence: "Dr. Müller", "z. B.", "am 3. Mai".
_ABBREVIATIONS = frozenset({
    "dr", "prof", "st", "nr", "bzw", "ca", "vgl", "usw", "etc", "mio", "mrd", "abs", "jh",
    "hr", "fr", "dipl", "ing", "inkl", "evtl", "ggf", "sog", "bspw", "u", "a", "z", "b", "d",
    "h", "o", "s", "v", "chr", "gen", "jr", "sen", "mr", "mrs",
})
# Sentences are looked for this far around a quotation: far enough for any real sentence,
# and a paragraph of thousands of quotations is still read in linear time.
_REACH = 600
_NAME_REACH = 80  # before a surname, room for the role noun and given names of its person
_WORD = regex.compile(r"\p{L}+")
_OBJECT_PRONOUNS = frozenset({"ihn", "ihm", "ihr", "ihnen", "es"})
_ROLE_FREE = frozenset({"sie", "er"})
_MIN_WORDS = 2
_TITLE_WORDS = 6
# A name in quotation marks stands right after an article, or after an article and the noun
# it names: "der Film „Das Boot“", "mit dem Titel „Heimat“" (a close apposition); after
# other nouns ("vor dem Rathaus „Wir sind das Volk“", "die Bezeichnung „Gesindel“") it is
# what somebody said.
# Adjectives may stand between ("der satirischen Wochenzeitung „…“"), and a label with a
# colon names a slogan ("(Motto: „…“)").
_NAMING_NOUN = _compound_ending_in(lexicon.GERMAN_NAMING_NOUNS)
_DEFINITE_BEFORE = regex.compile(
    r"(?:\b(?:der|die|das|dem|den|des|im|am|vom|zum|zur|beim)"
    # Adjectives, those from a name capitalised ("die Schillersche „Ode an die Freude“"), and
    # before the noun one from a place ("der Münchner Tageszeitung „…“").
    r"(?:\s+(?:\p{Ll}+(?:e|en|er|es|em)|\p{Lu}\p{Ll}+sche[nmrs]?)){0,2}"
    rf"(?:\s+(?:\p{{Lu}}\p{{Ll}}+er\s+)?{_NAMING_NOUN})?|\b(?:Motto|Slogan|Titel|Parole)\s*:)\s*$")
# Any noun after an article: a short capitalised quotation after it may be a name in a close
# apposition ("die Walfangstation „Nordlicht“"), too doubtful to carry on reported speech.
_NOUN_BEFORE = regex.compile(
    r"\b(?:der|die|das|dem|den|des|im|am|vom|zum|zur|beim|eine[mnrs]?|ein)\s+(?:\p{Ll}+\s+){0,2}"
    r"\p{Lu}[\p{L}\-]*\s*$")
_NAMED_REACH = 60
_NAME_PARTICLES = frozenset({"von", "van", "de", "zu", "vom"})  # and "von der"
_GIVEN_NAMES = lexicon.FEMALE_NAMES | lexicon.MALE_NAMES | lexicon.GERMAN_GIVEN_NAMES
_WHOLE_DETERMINER = regex.compile(_DETERMINER + r"$")
# A clause inside the sentence opens right before the pronoun.
_CLAUSE_START = regex.compile(
    r"(?:,|\b(?:indem|wobei|weil|als|nachdem|da|dass|wie|ob|obwohl|während|wenn|und|aber"
    r"|doch|sondern))\s*$")
_FEMALE_ONLY = lexicon.FEMALE_NAMES - lexicon.MALE_NAMES
_MALE_ONLY = lexicon.MALE_NAMES - lexicon.FEMALE_NAMES


@dataclass(frozen=True, slots=True)
class _Attribution:
    mention: Span
    cue: Span | None
    name: str


def _span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in " ,\t":
        end -= 1
    return Span(text[start:end], start, end)


def _capitalised_run(words: Sequence[str]) -> list[str]:
    """The leading run of capitalised words (name particles inside it included)."""
    run: list[str] = []
    for word in words:
        if word[:1].isupper() or (run and (word in _NAME_PARTICLES
                                           or (word == "der" and run[-1] == "von"))):
            run.append(word)
        else:
            break
    while run and not run[-1][:1].isupper():
        run.pop()
    return run


def _without_parentheses(phrase: str) -> str:
    """``phrase`` without its parenthesised asides ("Sebastian Edathy (SPD)")."""
    while (opening := phrase.find("(")) >= 0 and (closing := phrase.find(")", opening)) >= 0:
        phrase = phrase[:opening].rstrip() + phrase[closing + 1:]
    return phrase


def _person_name(phrase: str) -> str:
    """The name a phrase refers to: its apposition, or the capitalised words after a role noun.

    "der zuständige Gewerkschaftsvorstand Uwe Foullong" → "Uwe Foullong"; "Vereinschef Corny
    Littmann" → "Corny Littmann"; "Der Innenminister Frankreichs, Nicolas Sarkozy" → "Nicolas
    Sarkozy"; a phrase without a name ("der Sprecher des Ministeriums") stays a description.
    """
    phrase = _without_parentheses(phrase).strip(" ,")
    head, _, apposition = phrase.partition(",")
    apposition_run = _capitalised_run(apposition.split())
    if len(apposition_run) >= 2 and len(apposition_run) == len(apposition.split()):
        return " ".join(apposition_run)
    words = head.split()
    determined = bool(words) and lexicon.match(_WHOLE_DETERMINER, words[0]) is not None
    start = 1 if determined else 0
    while start < len(words) and not words[start][:1].isupper():
        start += 1  # the article's adjectives: "der zuständige …"
    run = _capitalised_run(words[start:])
    if len(run) <= 1:
        # "der Sprecher", "die Staatsanwaltschaft", "der 58-Jährige": a description, kept
        # with its article.
        return head[:1].lower() + head[1:] if determined else head
    if len(run) == 2 and _is_role(run[0]) and run[0].lower() not in _GIVEN_NAMES:
        return run[1]  # "Ministerpräsident Beck": a role noun, then the surname
    given = next((i for i, word in enumerate(run[:-1]) if word.lower() in _GIVEN_NAMES), None)
    if given is not None:
        return " ".join(run[given:])
    if determined or len(run) >= 3:
        return " ".join(run[1:])  # "der Kongressabgeordnete John Murtha": role noun, then name
    return " ".join(run)


class _Analysis:
    def __init__(self, doc: Document, masked: str) -> None:
        self.doc = doc
        self.masked = masked

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``start:end``, inside its paragraph, on the masked text."""
        masked = self.masked
        floor = max(self.doc.paragraphs[self.doc.paragraph_index(start)][0], start - _REACH)
        head = floor
        position = start
        while (stop := lexicon.search(_STOP_BACKWARDS, masked, floor, position)) is not None:
            if self.ends_sentence(stop.start(), floor):
                head = stop.end()
                break
            position = stop.start()
        ceiling = min(self.doc.paragraphs[self.doc.paragraph_index(max(start, end - 1))][1],
                      end + _REACH)
        position = end
        while (stop := lexicon.search(_STOP, masked, position, ceiling)) is not None:
            if self.ends_sentence(stop.start(), end):
                return head, stop.end()
            position = stop.end()
        return head, ceiling

    def ends_sentence(self, stop: int, floor: int) -> bool:
        """Whether the mark at ``stop`` ends a sentence: a capital or a quotation follows it,
        and a full stop is not an abbreviation's ("Dr.", "z. B.") or an ordinal's ("3. Mai")."""
        if lexicon.match(_SENTENCE_END, self.masked, stop) is None:
            return False
        if self.masked[stop] != ".":
            return True
        word = lexicon.search(_WORD_BEFORE, self.masked, max(floor, stop - 12), stop)
        return word is None or not (word.group().isdigit()
                                    or word.group().lower() in _ABBREVIATIONS)

    def phrase_after(self, position: int, limit: int) -> Span | None:
        found = lexicon.match(_PHRASE_AFTER, self.masked, position, limit)
        if found is None or found.group("np").lower() in _OBJECT_PRONOUNS:
            return None
        return _span(self.masked, found.start("np"), found.end("np"))


def _attribution(analysis: _Analysis, mention: Span, cue: Span | None) -> _Attribution:
    text = analysis.doc.text[mention.start:mention.end]
    if lexicon.match(_TITLE_ONLY, mention.text) is not None:
        # "die „Süddeutsche Zeitung“": the title is the name, its marks dropped.
        name = "".join(char for char in text[mention.text.index(_MASK):]
                       if char not in _QUOTE_MARKS)
    else:
        name = _person_name(mention.text)
    return _Attribution(Span(text, mention.start, mention.end), cue, name)


def _matched(analysis: _Analysis, match: regex.Match[str], group: str = "np") -> Span:
    """The phrase a pattern's group matched, on the masked text, trailing commas dropped."""
    return _span(analysis.masked, match.start(group), match.end(group))


def _cue_span(analysis: _Analysis, match: regex.Match[str], group: str | int = "cue") -> Span:
    return Span(analysis.doc.text[match.start(group):match.end(group)], match.start(group),
                match.end(group))


def _right_after(analysis: _Analysis, span: QuoteSpan, tail: int) -> _Attribution | None:
    close = span.stop
    found = lexicon.match(_AFTER_QUOTE, analysis.masked, close, tail)
    if found is None:
        return None
    mention = analysis.phrase_after(found.end(), tail)
    if mention is None:
        source = lexicon.match(_IT_SAYS_IN, analysis.masked, found.end(), tail)
        if source is None:
            return None
        # "„…“, heißt es in der Erklärung": the document speaks.
        mention = _matched(analysis, source)
    elif mention.text.lower() not in _ROLE_FREE:
        apposition = lexicon.match(_APPOSITION_AFTER, analysis.masked, mention.end, tail)
        if apposition is not None and " " in apposition.group("np"):
            # "so der Sprecher der Polizei, Hans Meier.": the name is the apposition's.
            mention = _span(analysis.masked, mention.start, apposition.end("np"))
    return _attribution(analysis, mention, _cue_span(analysis, found))


def _before(analysis: _Analysis, head: int, limit: int) -> _Attribution | None:
    """The subject of the last cue between ``head`` (a sentence start) and ``limit``."""
    cues = [cue for cue in lexicon.finditer(_CUE, analysis.masked, head, limit)
            if cue.group() != "so"]
    if not cues:
        return None
    cue = cues[-1]
    cue_span = _cue_span(analysis, cue, 0)
    masked = analysis.masked
    after = analysis.phrase_after(cue.end(), limit)
    coordinated = lexicon.search(_AND_BEFORE, masked, head, cue.start()) is not None
    determined = after is not None and lexicon.match(_DETERMINED, after.text) is not None
    if after is not None and cue.group() in _QUOTING_CUES \
            and after.text.lower() not in _ROLE_FREE:
        # "Die Zeitung zitiert einen Augenzeugen mit den Worten: „…“": the one quoted.
        return _attribution(analysis, after, cue_span)
    if after is not None and not coordinated and (
            after.text.lower() in _ROLE_FREE
            or (not determined and lexicon.match(_COLON_NEXT, masked, after.end, limit))):
        # "sagte er", "Der Zeitung sagte Filep Karma:": the subject after the verb.
        return _attribution(analysis, after, cue_span)
    clause = _clause_subject(analysis, head, cue.start())
    if clause is not None:
        # "Wie die Feuerwehr am Montag mitteilte, …": the verb last, its subject first.
        return _attribution(analysis, _matched(analysis, clause), cue_span)
    before = lexicon.search(_SUBJECT, masked, head, cue.start())
    if before is not None and (before.start() == head or lexicon.search(
            _SUBORDINATE_END, masked, head, before.start()) is not None):
        if lexicon.match(_OBLIQUE, masked, before.start("np")) is None:
            # "Der Minister sagte", and in a clause with the verb last, "Wie ein Sprecher
            # sagte".
            return _attribution(analysis, _matched(analysis, before), cue_span)
        if after is not None and not coordinated:
            # "Dem Sender sagte der Trainer": a dative first, the subject after the verb.
            return _attribution(analysis, after, cue_span)
    if cue.group() in _IT_SAYS_CUES:
        source = lexicon.match(_SOURCE_OPENING, masked, head, cue.start())
        if source is not None:
            # "In dem Bericht heißt es", "Aus dem Ministerium hieß es": the document speaks.
            return _attribution(analysis, _matched(analysis, source), cue_span)
    source = lexicon.match(_IT_SAYS_IN, masked, cue.end(), limit)
    if source is not None:
        # "In der Mitteilung hieß es:", "hieß es in einer Mitteilung": the document speaks.
        return _attribution(analysis, _matched(analysis, source), cue_span)
    if after is not None and not determined and not coordinated \
            and lexicon.match(_LEAD_GAP, masked, after.end, limit):
        # "entgegnete Suttner empört:": a name after the verb, then a colon.
        return _attribution(analysis, after, cue_span)
    opening = lexicon.match(_OPENING_SUBJECT, masked, head, cue.start())
    if opening is not None:
        end = opening.end("np")
        if masked[end] == ",":
            # "John Kline, ein Abgeordneter aus Minnesota, sagte": the apposition belongs to it.
            comma = masked.rfind(",", end, cue.start())
            if masked[comma:cue.start()].strip() != ",":
                return None
            end = comma
        return _attribution(analysis, _span(masked, opening.start("np"), end), cue_span)
    if coordinated:
        fronted = lexicon.match(_FRONTED_THEN_SUBJECT, masked, head, cue.start())
        if fronted is not None and lexicon.match(_OBLIQUE, masked, fronted.start("np")) is None:
            # "Gestern trat sie zurück und erklärte, …": the subject after the first verb.
            return _attribution(analysis, _matched(analysis, fronted), cue_span)
    if after is not None and not coordinated \
            and lexicon.match(_FRONTED, masked, head, cue.start()):
        # "Unterdessen verteidigte der Vorsitzende …", "So warnten Vertreter der Verbände …":
        # an adverb first, so the subject follows the verb.
        return _attribution(analysis, after, cue_span)
    return None


def _clause_subject(analysis: _Analysis, head: int, verb: int) -> regex.Match[str] | None:
    """The subject of the clause a conjunction opens before ``verb``, its verb last: "wie die
    Feuerwehr am Montag mitteilte", "indem sie den Aufsichtsrat aufforderte"."""
    opener = lexicon.search(_CLAUSE_OPENER, analysis.masked, head, verb)
    if opener is None:
        return None
    return lexicon.match(_CLAUSE_SUBJECT, analysis.masked, opener.end(), verb)


def _according(analysis: _Analysis, head: int, tail: int) -> _Attribution | None:
    pattern = _ACCORDING if "zufolge" in analysis.masked[head:tail] else _ACCORDING_NO_ZUFOLGE
    found = lexicon.search(pattern, analysis.masked, head, tail)
    if found is None:
        return None
    group = "np" if found.group("np") else "np2"
    cue = "cue" if found.group("cue") else "cue2"
    return _attribution(analysis, _matched(analysis, found, group),
                        _cue_span(analysis, found, cue))


def _later(analysis: _Analysis, head: int, span: QuoteSpan, tail: int
           ) -> _Attribution | None:
    close = span.stop
    masked = analysis.masked
    for cue in lexicon.finditer(_CUE, masked, close, tail):
        mention = analysis.phrase_after(cue.end(), tail)
        if mention is not None:
            return _attribution(analysis, mention, _cue_span(analysis, cue, 0))
        if cue.group() != "so" and lexicon.match(_CLAUSE_END, masked, cue.end(), tail):
            # The verb last: "…, wie der Rechnungshof mitteilte", "Der Verband hat die
            # Entscheidung als „Skandal“ bezeichnet".
            return _verb_last(analysis, head, span, cue)
    return None


def _verb_last(analysis: _Analysis, head: int, span: QuoteSpan, cue: regex.Match[str]
               ) -> _Attribution | None:
    """The subject of a cue that ends its clause after the quotation."""
    masked = analysis.masked
    cue_span = _cue_span(analysis, cue, 0)
    clause = _clause_subject(analysis, head, cue.start())
    if clause is not None and clause.start() > span.open_mark:
        return _attribution(analysis, _matched(analysis, clause), cue_span)
    if lexicon.search(_PASSIVE, masked, head, min(len(masked), cue.end() + 8)) is not None:
        # A passive names its speaker only as its agent, if at all.
        agent = lexicon.search(_AGENT, masked, head, cue.start())
        return None if agent is None else _attribution(analysis, _matched(analysis, agent),
                                                         cue_span)
    if lexicon.search(_PERFECT, masked, head, span.open_mark) is None:
        return None  # a participle without a tense: "der Bär, auch „Bruno“ genannt"
    subject = _opening_subject(analysis, head, span.open_mark)
    return None if subject is None else _attribution(analysis, subject, cue_span)


def _opening_subject(analysis: _Analysis, head: int, limit: int) -> Span | None:
    """The subject opening the sentence at ``head`` (with its apposition), before ``limit``;
    none when the sentence opens with an adverb or an object."""
    masked = analysis.masked
    opening = lexicon.match(_OPENING_WITH_APPOSITION, masked, head, limit)
    if opening is None or lexicon.match(_OBLIQUE, masked, opening.start("np")) is not None:
        return None
    return _matched(analysis, opening)


def _with_words(analysis: _Analysis, head: int, span: QuoteSpan, tail: int
                ) -> _Attribution | None:
    """"mit den Worten „…“": the subject of the clause it stands in."""
    masked = analysis.masked
    words = lexicon.search(_WITH_WORDS, masked, head, span.open_mark)
    if words is None or any(cue.group() in _QUOTING_CUES
                            for cue in lexicon.finditer(_CUE, masked, head, words.start())):
        return None  # "zitiert X mit den Worten": the one quoted, found by the cue
    cue = _cue_span(analysis, words, 0)
    lead = masked[head:words.start()].strip()
    if not lead or lead.endswith(":"):
        # "Mit den Worten „…“ verließ die Ministerin den Saal": the subject after the verb.
        close = span.stop
        found = lexicon.match(_VERB_THEN_SUBJECT, masked, close, tail)
        return None if found is None else _attribution(analysis, _matched(analysis, found),
                                                         cue)
    subject = _opening_subject(analysis, head, words.start())
    return None if subject is None else _attribution(analysis, subject, cue)


def _colon_lead(analysis: _Analysis, head: int, span: QuoteSpan) -> _Attribution | None:
    """"Die Anwohner reagierten empört: „…“": a clause ending in a colon right before the
    quotation introduces it, whatever its verb; its subject speaks."""
    masked = analysis.masked
    colon = masked.rfind(":", head, span.open_mark)
    if colon < 0 or masked[colon + 1:span.open_mark].strip() \
            or masked.count("(", head, colon) > masked.count(")", head, colon):
        return None  # no colon, or one in parentheses: "(kurz: „IG Bau“)"
    subject = _opening_subject(analysis, head, colon)
    return None if subject is None else _attribution(analysis, subject, None)


def _reported(analysis: _Analysis, head: int, tail: int) -> _Attribution | None:
    """A sentence of reported speech (subjunctive) with no cue of its own: the cue of the
    sentence before it in its paragraph, over a run of such sentences; in Konjunktiv I at a
    paragraph's opening, also in the paragraph before."""
    masked = analysis.masked
    if lexicon.search(_SUBJUNCTIVE, masked, head, tail) is None:
        return None
    paragraph = analysis.doc.paragraph_index(head)
    floor = head_floor = analysis.doc.paragraphs[paragraph][0]
    end = head
    for _ in range(_REPORTED_REACH):
        while end > floor and masked[end - 1].isspace():
            end -= 1
        # Only one paragraph back: ``floor`` has moved once the report was carried over.
        if end <= floor and paragraph > 0 and floor == head_floor and lexicon.search(
                _SUBJUNCTIVE_ONE, masked, head, tail) is not None:
            # Indirect speech (Konjunktiv I) opening a paragraph carries on the report of the
            # paragraph before ("Der Minister sagte, … ¶ Sie werde „…“ in Kraft treten.").
            paragraph -= 1
            floor, end = analysis.doc.paragraphs[paragraph]
            while end > floor and masked[end - 1].isspace():
                end -= 1
        if end <= floor:
            return None
        previous = analysis.sentence(end - 1, end - 1)[0]
        found = _before(analysis, previous, end) or _according(analysis, previous, end)
        if found is not None:
            return found
        if lexicon.search(_SUBJUNCTIVE, masked, previous, end) is None:
            return None
        end = previous
    return None


def _therein(analysis: _Analysis, head: int) -> _Attribution | None:
    """"Darin heißt es: „…“": the text that the sentence before names."""
    masked = analysis.masked
    found = lexicon.match(_THEREIN, masked, head)
    if found is None or head == 0:
        return None
    previous = analysis.sentence(head - 1, head - 1)[0]
    document = lexicon.search(_DOCUMENT, masked, previous, head)
    if document is None:
        return None
    return _attribution(analysis, _span(masked, document.start(), document.end()),
                        Span(analysis.doc.text[found.start():found.end()].strip(),
                             found.end() - len(found.group().strip()), found.end()))


def _labelled(analysis: _Analysis, head: int, span: QuoteSpan) -> _Attribution | None:
    label = lexicon.match(_LABEL, analysis.masked, head, span.open_mark)
    if label is None or label.group("given").lower() not in _GIVEN_NAMES:
        return None
    return _attribution(analysis, _matched(analysis, label), None)


def _said_next(analysis: _Analysis, span: QuoteSpan, tail: int) -> _Attribution | None:
    """"„…“ Das sagte Müller.", "… „…“ … . Dies teilte die Polizei mit.": a quotation in a
    sentence that the next one credits."""
    ceiling = analysis.sentence(tail + 1, tail + 1)[1] if tail < len(analysis.masked) else tail
    found = lexicon.match(_THAT_SAID, analysis.masked, tail, ceiling)
    if found is None:
        return None
    mention = analysis.phrase_after(found.end(), ceiling)
    return None if mention is None else _attribution(analysis, mention,
                                                     _cue_span(analysis, found))


def _direct(analysis: _Analysis, span: QuoteSpan) -> _Attribution | None:
    head, tail = analysis.sentence(span.open_mark, span.end)
    found = (_right_after(analysis, span, tail) or _with_words(analysis, head, span, tail)
             or _therein(analysis, head) or _before(analysis, head, span.open_mark)
             or _colon_lead(analysis, head, span)
             or _according(analysis, head, tail) or _later(analysis, head, span, tail)
             or _labelled(analysis, head, span) or _said_next(analysis, span, tail)
             or (None if _is_named_thing(analysis, span, _NOUN_BEFORE)
                 or _word_count(analysis.doc, span) < _MIN_WORDS
                 else _reported(analysis, head, tail)))
    if found is None and not analysis.masked[head:span.open_mark].strip() and head > 0:
        # "Kline sagte, dass … . „Das war direktes Feuer.“": a quotation that opens a sentence
        # continues the cue of the sentence before it; one that opens a paragraph, a colon
        # lead-in ending the paragraph before ("Der Minister sagte: ¶ „…“").
        masked = analysis.masked
        end = head
        while end > 0 and masked[end - 1].isspace():
            end -= 1
        previous_head = analysis.sentence(max(0, end - 1), max(0, end - 1))[0]
        same_paragraph = analysis.doc.paragraph_index(previous_head) == span.first_paragraph
        if end > 0 and (same_paragraph or masked[end - 1] == ":"):
            found = _before(analysis, previous_head, end)
        if found is None and same_paragraph and lexicon.search(
                _FIRST_PERSON, analysis.doc.text, span.start, span.end) is not None:
            found = _person_before(analysis, previous_head, end)
    return found


def _person_before(analysis: _Analysis, head: int, end: int) -> _Attribution | None:
    """The subject opening the sentence ``head:end`` when it is a person (a role noun or a
    person's name): "Die Ministerin zeigte sich zufrieden. „Wir haben viel erreicht.“" — a
    quotation in the first person alone after it is that person's."""
    subject = _opening_subject(analysis, head, end)
    if subject is None or subject.text.lower() in _ROLE_FREE:
        return None
    words = _without_parentheses(subject.text).replace(",", " ").split()
    person = any(_is_role(word) for word in words if word[:1].isupper()) or any(
        word.lower() in _GIVEN_NAMES for word in words[:-1])
    return _attribution(analysis, subject, None) if person else None


def _continues(analysis: _Analysis, spans: Sequence[QuoteSpan], index: int) -> bool:
    """Whether quotation ``index`` carries on the one before it (same or next paragraph)."""
    if index == 0:
        return False
    span, previous = spans[index], spans[index - 1]
    if previous.last_paragraph == span.first_paragraph:
        return True
    if previous.last_paragraph != span.first_paragraph - 1:
        return False
    end = analysis.doc.paragraphs[previous.last_paragraph][1]
    para_start = analysis.doc.paragraphs[span.first_paragraph][0]
    rest = analysis.masked[(previous.close_mark or previous.end) + 1:end].strip(" .\t")
    return span.open_mark == para_start and (not rest or rest.endswith(":"))


@lru_cache(maxsize=4096)
def _is_role(word: str) -> bool:
    """Whether ``word`` is a role noun ("Landrat", "Innenministerin"), by its ending (cached:
    the same few capitalised words come up for every pronoun resolved)."""
    return lexicon.match(_ROLE, word) is not None


def _person_in(run: regex.Match[str]) -> str | None:
    """The person a run of capitalised words names, if it names one (see ``_PERSON``)."""
    if not any(char.isspace() for char in run.group()):
        return None  # one word is no given name and surname
    words = _without_parentheses(run.group()).split()
    given = next((i for i, word in enumerate(words[:-1]) if word.lower() in _GIVEN_NAMES),
                 None)
    if given is not None:
        return " ".join(words[given:])
    start = 0
    role = False
    while start < len(words) and (_is_role(words[start])
                                  or words[start].lower() in lexicon.GERMAN_NON_NOUNS):
        role = role or _is_role(words[start])
        start += 1
    if len(words) - start >= 2 and (role or run.group("party")):
        return " ".join(words[start:])
    return None


def _full_name(analysis: _Analysis, surname: str, before: int) -> str | None:
    """The first person named before ``before`` whose surname is ``surname``, looked for only
    where the surname stands."""
    masked = analysis.masked
    position = masked.find(surname, 0, before)
    while position >= 0:
        end = position + len(surname)
        start = max(0, position - _NAME_REACH)
        if start > 0:
            start = masked.find(" ", start, position) + 1  # from a word's start
        for match in lexicon.finditer(_PERSON, masked, start, min(len(masked), end + 1)):
            person = _person_in(match) if match.start() <= position < match.end() else None
            if person is not None and person.split()[-1] == surname:
                return person
        position = masked.find(surname, end, before)
    return None


def _named_before(analysis: _Analysis, position: int, pronoun: str
                  ) -> tuple[int, str] | None:
    """The last person named (a given name and a surname) shortly before ``position`` whom
    ``pronoun`` may stand for ("er" no woman's given name, "sie" no man's): where, and the
    name."""
    last = None
    excluded = _FEMALE_ONLY if pronoun == "er" else _MALE_ONLY
    for match in lexicon.finditer(_PERSON, analysis.masked, max(0, position - _REACH), position):
        name = _person_in(match)
        if name is not None and name.split()[0].lower() not in excluded:
            last = (match.start(), name)
    return last


def _subject_of_sentence(analysis: _Analysis, mention: Span) -> str | None:
    """The name of the subject opening the sentence that "er"/"sie" stands later in:
    "Die Vereinigung schlug Alarm, indem sie den Vorstand aufforderte" — the pronoun of a
    clause inside the sentence takes up its subject."""
    head = analysis.sentence(mention.start, mention.end)[0]
    if lexicon.search(_CLAUSE_START, analysis.masked, head, mention.start) is None:
        return None  # "Die Pläne … bezeichnete er als …": the pronoun is the subject itself
    subject = _opening_subject(analysis, head, mention.start)
    if subject is None or subject.text.lower() in _ROLE_FREE:
        return None
    return _attribution(analysis, subject, None).name


def _resolve_names(analysis: _Analysis,
                   attributions: list[_Attribution | None]) -> list[_Attribution | None]:
    """Surnames to the fullest form used before; "er"/"sie" to the nearest person before.

    The nearest person is the latest speaker or a person named after that speaker's
    mention, whichever is closer: "Unterdessen verteidigte der Vorsitzende, Sebastian Edathy,
    den Entwurf. Er bezeichnete ihn als „maßvoll“" is Edathy's even if somebody else spoke
    before.
    """
    fullest: dict[str, str] = {}
    latest: _Attribution | None = None  # the latest speaker that is one person or thing
    latest_group: _Attribution | None = None  # the latest that is several ("sagten")
    resolved: list[_Attribution | None] = []
    for attribution in attributions:
        if attribution is None:
            resolved.append(None)
            continue
        name = attribution.name
        plural = _is_plural(attribution)
        if name.lower() == "sie" and plural:
            # "„…“, sagten sie": a group, never the last woman named.
            if latest_group is not None:
                name = latest_group.name
        elif name.lower() in _ROLE_FREE:
            subject = _subject_of_sentence(analysis, attribution.mention)
            named = None if subject is not None else _named_before(
                analysis, attribution.mention.start, name.lower())
            if subject is not None:
                name = subject
            elif named is not None and (latest is None or named[0] > latest.mention.end):
                name = named[1]
            elif latest is not None:
                name = latest.name
        words = name.split()
        if len(words) == 1 and words[0][:1].isupper() and words[0] not in fullest:
            # "Landrat Gerold Haberkamp eröffnete … Später sagte Landrat Haberkamp": the full
            # name the document used before, even where it quoted nobody.
            full = _full_name(analysis, words[0], attribution.mention.start)
            if full is not None:
                fullest[words[0]] = full
        if len(words) == 1 and words[0] in fullest:
            name = fullest[words[0]]
        elif len(words) >= 2 and name[:1].isupper():
            for word in words[1:]:
                fullest.setdefault(word, name)
        attribution = _Attribution(attribution.mention, attribution.cue, name)
        if name.lower() not in _ROLE_FREE:
            if plural:
                latest_group = attribution
            else:
                latest = attribution
        resolved.append(attribution)
    return resolved


def _is_plural(attribution: _Attribution) -> bool:
    """Whether the cue's verb is plural ("sagten", "erklärten", "sprachen"): German verbs of
    the third person plural end in -en, the singular never does."""
    if attribution.cue is None:
        return False
    verb = attribution.cue.text.split()[0] if attribution.cue.text.split() else ""
    return verb in CUES and verb.endswith("en")


def _word_count(doc: Document, span: QuoteSpan) -> int:
    return len(lexicon.finditer(_WORD, doc.text, span.start, span.end))


def _is_named_thing(analysis: _Analysis, span: QuoteSpan,
                    before: regex.Pattern[str] = _DEFINITE_BEFORE) -> bool:
    """A title or name in quotation marks after a definite article: "in der „Washington Post“",
    "im „Black Lion Hospital“". Short, capitalised, no final punctuation: said by nobody."""
    text = analysis.doc.text[span.start:span.end]
    return (text[:1].isupper() and text.rstrip()[-1:] not in ".!?…"
            and _word_count(analysis.doc, span) <= _TITLE_WORDS
            and lexicon.search(before, analysis.masked,
                               max(0, span.open_mark - _NAMED_REACH), span.open_mark)
            is not None)


def _is_called(analysis: _Analysis, span: QuoteSpan) -> bool:
    """A term set off as somebody's coinage ("die sogenannte „Reichensteuer“") or a name that
    is the predicate of "heißen" ("„Nordwind“, so heißt die Fähre"): said by nobody."""
    if _word_count(analysis.doc, span) > _TITLE_WORDS:
        return False
    masked = analysis.masked
    return (lexicon.search(_SO_CALLED, masked, max(0, span.open_mark - _NAMED_REACH),
                           span.open_mark) is not None
            or lexicon.match(_CALLED_AFTER, masked, span.stop,
                             min(len(masked), span.stop + _NAMED_REACH)) is not None)


def attribute(doc: Document, spans: Sequence[QuoteSpan], masked: str,
              headings: set[int]) -> list[tuple[Speaker, Span | None] | None]:
    """Speaker and cue of each of ``spans`` (sorted, quotations masked in ``masked``)."""
    analysis = _Analysis(doc, masked)
    found: list[_Attribution | None] = []
    for index, span in enumerate(spans):
        if span.first_paragraph in headings or _is_named_thing(analysis, span) \
                or _is_called(analysis, span):
            found.append(None)
            continue
        attribution = _direct(analysis, span)
        if attribution is None and _continues(analysis, spans, index) \
                and _word_count(doc, span) >= _MIN_WORDS:
            attribution = found[index - 1]
        found.append(attribution)
    return [None if item is None else (Speaker(item.name, item.mention), item.cue)
            for item in _resolve_names(analysis, found)]
