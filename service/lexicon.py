"""Word lists for the extraction rules, and safe ways to run patterns on caller text.

The lists live as plain data files in ``service/data/`` (one entry a line, ``#`` comments) so an
editor can extend the reporting verbs or titles without touching a pattern. Every pattern that
runs on caller text goes through :func:`search`, :func:`match` or :func:`finditer`, which
apply the ``regex`` package's ``timeout=`` and turn a timeout into ``TextTooComplex``:
a pathological document gets a clear 422, never a hung worker.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

import regex

from service.models import TextTooComplex

_T = TypeVar("_T")

#: Seconds one pattern may run on one piece of caller text. Generous: real articles take
#: microseconds; only adversarial input gets near it.
REGEX_TIMEOUT = 2.0


def _load(name: str) -> frozenset[str]:
    text = resources.files("service.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


REPORTING_VERBS: frozenset[str] = _load("reporting_verbs.txt")
TITLES: frozenset[str] = _load("titles.txt")
ORG_WORDS: frozenset[str] = _load("org_words.txt")
PRONOUNS: frozenset[str] = _load("pronouns.txt")
NAME_SUFFIXES: frozenset[str] = _load("suffixes.txt")
NON_NAME_WORDS: frozenset[str] = _load("non_name_words.txt")
NUMBER_WORDS: frozenset[str] = _load("number_words.txt")
VERB_FORMS: frozenset[str] = _load("verb_forms.txt")
SENTENCE_ADVERBS: frozenset[str] = _load("sentence_adverbs.txt")
FEMALE_NAMES: frozenset[str] = _load("given_names_female.txt")
MALE_NAMES: frozenset[str] = _load("given_names_male.txt")
PLACES: frozenset[str] = _load("places.txt")
COMPANY_SUFFIXES: frozenset[str] = _load("company_suffixes.txt")
OBJECT_CUES: frozenset[str] = _load("object_cues.txt")
REPORTING_NOUNS: frozenset[str] = _load("reporting_nouns.txt")
GERMAN_REPORTING_VERBS: frozenset[str] = _load("german_reporting_verbs.txt")
GERMAN_NON_NOUNS: frozenset[str] = _load("german_non_nouns.txt")
GERMAN_GIVEN_NAMES: frozenset[str] = _load("german_given_names.txt")
GERMAN_NAMING_NOUNS: frozenset[str] = _load("german_naming_nouns.txt")
GERMAN_DOCUMENT_NOUNS: frozenset[str] = _load("german_document_nouns.txt")
GERMAN_ROLE_NOUNS: frozenset[str] = _load("german_role_nouns.txt")
GERMAN_PARTIES: frozenset[str] = _load("german_parties.txt")
PARTY_WORDS: frozenset[str] = _load("party_words.txt")
DOCUMENT_NOUNS: frozenset[str] = _load("document_nouns.txt")
DOCUMENT_CUES: frozenset[str] = _load("document_cues.txt")
DOCUMENT_RELEASE_VERBS: frozenset[str] = _load("document_release_verbs.txt")
CROWD_NOUNS: frozenset[str] = _load("crowd_nouns.txt")
POLL_NOUNS: frozenset[str] = _load("poll_nouns.txt")
STATEMENT_NOUNS: frozenset[str] = _load("statement_nouns.txt")
CROWD_CUES: frozenset[str] = _load("crowd_cues.txt")
FRAMING_AS_VERBS: frozenset[str] = _load("framing_as_verbs.txt")
FRAMING_CUES: frozenset[str] = _load("framing_cues.txt")
PRONOUN_WORDS: frozenset[str] = _load("pronoun_words.txt")
NAME_PARTICLES: frozenset[str] = _load("name_particles.txt")
#: Upper-case rank abbreviations ("DI", "DCI"), kept in their case: lower-cased, some are
#: name particles ("di") that must not be stripped from "Leonardo di Marco".
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    line.strip()
    for line in resources.files("service.data").joinpath("title_abbreviations.txt")
    .read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.lstrip().startswith("#"))


_ORG_NOUN_LINES = _load("org_nouns.txt")
#: Nouns of definite descriptions that stand for a named organisation ("the council").
ORG_NOUNS: frozenset[str] = frozenset(line.split()[0] for line in _ORG_NOUN_LINES)
#: Those of them that fit any business ("the company", "the firm", "the retailer").
BUSINESS_NOUNS: frozenset[str] = frozenset(
    line.split()[0] for line in _ORG_NOUN_LINES if line.split()[1:] == ["company"])
#: The words a name may hold to fit each noun: the noun itself and any listed after it
#: ("force police constabulary": "the force" -> "Greater Halton Police").
ORG_NOUN_NAME_WORDS: dict[str, frozenset[str]] = {
    line.split()[0]: frozenset(word for word in line.split() if word != "company")
    | {line.split()[0]} for line in _ORG_NOUN_LINES}
#: Titles that tell a person's gender ("Mrs. Lee", "Sir Tom Reed").
FEMALE_TITLES: frozenset[str] = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady",
                                           "queen", "dame", "sister", "mother"})
MALE_TITLES: frozenset[str] = frozenset({"mr", "sir", "lord", "king", "father", "brother"})

#: "according to X" names its speaker after the cue; every other cue has its subject before.
SPEAKER_AFTER_CUES: frozenset[str] = frozenset({"according to"})


#: A character trie: each key a next character, "" marking that a word ends here.
_Trie = dict[str, "_Trie"]


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first so "went on" wins over "went".

    Written as a trie ("sa(?:id|ys)" rather than "said|says"): the engine then reads each
    character once at a position instead of trying hundreds of words there, which made the
    cue scan over a whole document 2.6 times faster. Two words that both match at one
    position are prefixes of each other, so trying a node's longer continuations before
    ending there picks the same word as trying the longest word first. A space between words
    matches any run of whitespace.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else regex.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    # The empty branch comes last: a longer word is tried before the word ending here.
    return "(?:" + "|".join(branches) + ("|" if ends_here else "") + ")"


def _timed_out(what: str) -> TextTooComplex:
    return TextTooComplex(f"the text is too complex to analyse ({what} ran past its time budget)")


def _bounded(
    method: Callable[..., _T], pattern: regex.Pattern[str], text: str, pos: int, endpos: int | None
) -> _T:
    """Run one of ``pattern``'s methods on caller text under the time budget."""
    try:
        if endpos is None:
            return method(text, pos, timeout=REGEX_TIMEOUT)
        return method(text, pos, endpos, timeout=REGEX_TIMEOUT)
    except TimeoutError as exc:
        raise _timed_out(pattern.pattern[:40]) from exc


def search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
           ) -> regex.Match[str] | None:
    return _bounded(pattern.search, pattern, text, pos, endpos)


def match(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
          ) -> regex.Match[str] | None:
    return _bounded(pattern.match, pattern, text, pos, endpos)


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
             ) -> list[regex.Match[str]]:
    """All matches, collected at once: the budget then covers the regex alone, not the
    caller's work between matches."""

    def collect(*args: Any, **kwargs: Any) -> list[regex.Match[str]]:
        return list(pattern.finditer(*args, **kwargs))

    return _bounded(collect, pattern, text, pos, endpos)


#: Bytes of ASCII letters kept, every other byte made a space: splitting a text's ASCII
#: encoding (each other character replaced by "?") translated by it gives its runs of ASCII
#: letters (a non-ASCII character ends a run as any other non-letter does).
_ASCII_RUNS = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else 0x20
                    for byte in range(256))
_LEADING_ASCII_WORD = regex.compile(r"[A-Za-z]+")


def leading_ascii_word(phrase: str) -> str:
    """The run of ASCII letters ``phrase`` starts with ("went" for "went on")."""
    found = _LEADING_ASCII_WORD.match(phrase)
    if found is None:
        raise ValueError(f"{phrase!r} does not start with an ASCII letter")
    return found.group()


@lru_cache(maxsize=16)
def _encoded(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(word.encode("ascii") for word in words)


@lru_cache(maxsize=2)
def _ascii_words(text: str) -> tuple[bytes, frozenset[bytes]]:
    """``text`` as bytes with every non-letter a space, padded with one space each side, and
    its set of ASCII words: kept for the last texts, since each is scanned for several
    word lists (a str caches its hash, so the lookup costs no pass over the text)."""
    # One byte a character (every non-ASCII one becomes "?"), so a byte offset is the
    # character offset; in the translated bytes every non-letter is a space. ``bytes.find``
    # reads one byte a character, where ``str.find`` on a text with any non-Latin-1
    # character reads two or four.
    runs = text.encode("ascii", "replace").translate(_ASCII_RUNS)
    return b" " + runs + b" ", frozenset(runs.split())


def word_starts(text: str, words: frozenset[str]) -> list[int]:
    """Where each of ``words`` (runs of ASCII letters) stands as a whole run of letters in
    ``text``, in order: found with ``bytes.find`` for only the words the text holds, far
    cheaper than a pattern over the text, so a rule can look for its words there alone."""
    padded, present = _ascii_words(text)
    starts: list[int] = []
    for encoded in _encoded(words).intersection(present):
        size = len(encoded)
        at = padded.find(encoded)
        while at >= 0:
            if padded[at - 1] == 0x20 and padded[at + size] == 0x20:  # no letter either side
                starts.append(at - 1)
            at = padded.find(encoded, at + size)
    starts.sort()
    return starts


def finditer_at_words(pattern: regex.Pattern[str], text: str, first_words: frozenset[str]
                      ) -> list[regex.Match[str]]:
    """``finditer(pattern, text)`` for a pattern whose every match starts a run of ASCII
    letters that is one of ``first_words`` (no letter before it, none after the word).

    Scanning a long alternation at every position of a document costs far more than
    listing the document's words: the pattern is tried only where one of ``first_words``
    stands, in order, each try past the end of the previous match, which is exactly the
    set of matches a scan finds (leftmost first, never overlapping).
    """
    found: list[regex.Match[str]] = []
    end = 0
    try:
        for at in word_starts(text, first_words):
            if at < end:
                continue
            matched = pattern.match(text, at, timeout=REGEX_TIMEOUT)
            if matched is not None:
                found.append(matched)
                end = matched.end()
    except TimeoutError as exc:
        raise _timed_out(pattern.pattern[:40]) from exc
    return found
