"""Properties of verification over generated articles (the whole pipeline, extraction included).

Articles are built from paragraphs like ``“Quote words,” First Last said.``; the quotes use
distinct words, so deleting an inner word can never leave a fragment of the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline import verify

VOCABULARY = tuple(
    [
        "river",
        "harvest",
        "window",
        "engine",
        "garden",
        "letter",
        "market",
        "winter",
        "bridge",
        "doctor",
        "station",
        "village",
        "teacher",
        "budget",
        "harbour",
        "factory",
        "mountain",
        "island",
        "railway",
        "forest",
        "council",
        "airport",
        "tunnel",
        "concert",
        "museum",
        "stadium",
        "hospital",
        "library",
        "kitchen",
        "painter",
        "farmer",
        "sailor",
        "miner",
        "baker",
        "builder",
        "driver",
        "singer",
        "dancer",
        "lawyer",
        "writer",
        "pilot",
        "nurse",
        "soldier",
        "judge",
        "police",
        "school",
        "bottle",
        "blanket",
        "candle",
        "carpet",
        "ladder",
        "mirror",
        "pencil",
        "pocket",
        "rocket",
        "saddle",
        "shovel",
        "ticket",
        "orange",
        "pepper",
        "potato",
        "tomato",
        "cherry",
        "walnut",
        "carrot",
        "onion",
        "lemon",
        "melon",
        "coffee",
        "butter",
        "cheese",
    ]
)
PEOPLE = (("Anna", "Berg"), ("Carl", "Dunn"), ("Eva", "Foss"), ("Omar", "Haddad"))


@dataclass(frozen=True)
class Article:
    quotes: tuple[tuple[str, ...], ...]  # the words of each quote
    speakers: tuple[int, ...]  # index into PEOPLE for each quote

    def render(self, *, swap: tuple[int, int] | None = None, curly: bool = True) -> str:
        opening, closing = ("“", "”") if curly else ('"', '"')
        paragraphs = []
        for words, person in zip(self.quotes, self.speakers, strict=True):
            if swap is not None and person in swap:
                person = swap[1] if person == swap[0] else swap[0]
            first, last = PEOPLE[person]
            sentence = " ".join(words)
            sentence = sentence[0].upper() + sentence[1:]
            paragraphs.append(f"{opening}{sentence},{closing} {first} {last} said.")
        return "The town met on Monday.\n\n" + "\n\n".join(paragraphs) + "\n"


@st.composite
def articles(draw: st.DrawFn) -> Article:
    count = draw(st.integers(min_value=2, max_value=5))
    lengths = draw(st.lists(st.integers(4, 9), min_size=count, max_size=count))
    words = draw(st.permutations(VOCABULARY))
    quotes, cursor = [], 0
    for length in lengths:
        quotes.append(tuple(words[cursor : cursor + length]))
        cursor += length
    speakers = draw(st.lists(st.integers(0, len(PEOPLE) - 1), min_size=count, max_size=count))
    return Article(tuple(quotes), tuple(speakers))


@settings(max_examples=40, deadline=None)
@given(articles())
def test_document_against_itself_is_all_intact(article: Article) -> None:
    text = article.render()
    report = verify(text, text)
    assert [v.status for v in report.verdicts] == ["intact"] * len(article.quotes)
    assert report.dropped == ()


@settings(max_examples=40, deadline=None)
@given(articles(), st.booleans())
def test_retypesetting_quote_marks_keeps_all_intact(article: Article, curly_source: bool) -> None:
    report = verify(article.render(curly=curly_source), article.render(curly=not curly_source))
    assert [v.status for v in report.verdicts] == ["intact"] * len(article.quotes)
    assert report.dropped == ()


@settings(max_examples=40, deadline=None)
@given(articles(), st.data())
def test_deleting_one_word_alters_exactly_that_quote(article: Article, data: st.DataObject) -> None:
    target = data.draw(st.integers(0, len(article.quotes) - 1))
    words = article.quotes[target]
    # Inner words only: dropping the first or last word leaves an acceptable fragment.
    gone = data.draw(st.integers(1, len(words) - 2))
    shorter = words[:gone] + words[gone + 1 :]
    edited = Article(
        tuple(shorter if i == target else q for i, q in enumerate(article.quotes)),
        article.speakers,
    )
    report = verify(article.render(), edited.render())
    expected = ["altered" if i == target else "intact" for i in range(len(article.quotes))]
    assert [v.status for v in report.verdicts] == expected
    (changed,) = [v for v in report.verdicts if v.status == "altered"]
    assert [(c.op, c.source) for c in changed.wording.changes] == [("delete", words[gone])]
    assert report.dropped == ()


@settings(max_examples=40, deadline=None)
@given(articles(), st.data())
def test_swapping_two_speakers_misattributes_exactly_their_quotes(
    article: Article, data: st.DataObject
) -> None:
    present = sorted(set(article.speakers))
    others = [p for p in range(len(PEOPLE)) if p not in present]
    first = data.draw(st.sampled_from(present))
    second = data.draw(st.sampled_from([p for p in present + others if p != first]))
    report = verify(article.render(), article.render(swap=(first, second)))
    expected = [
        "misattributed" if person in (first, second) else "intact" for person in article.speakers
    ]
    assert [v.status for v in report.verdicts] == expected
    assert report.dropped == ()
