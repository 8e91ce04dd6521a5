"""Attribution rules: (text, expected [(quoted words, speaker name, mention)]) tables."""

from __future__ import annotations

from bisect import bisect_left

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from service import document, lexicon, quotes, speakers
from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quote – speaker – verb, quote – verb – speaker
        ("“We will win,” Jane Doe said.", [("We will win,", "Jane Doe", "Jane Doe")]),
        ("“We will win,” said Jane Doe.", [("We will win,", "Jane Doe", "Jane Doe")]),
        # speaker – verb before, with colon and with "that"
        ("Jane Doe said: “We will win.”", [("We will win.", "Jane Doe", "Jane Doe")]),
        ("Jane Doe said that “we will win.”", [("we will win.", "Jane Doe", "Jane Doe")]),
        ("Jane Doe wrote in a statement: “We will win.”",
         [("We will win.", "Jane Doe", "Jane Doe")]),
        # split quote: two objects, same speaker
        ("“We will win,” Jane Doe said, “and soon.”",
         [("We will win,", "Jane Doe", "Jane Doe"), ("and soon.", "Jane Doe", "Jane Doe")]),
        ("“We will win,” Jane Doe said. “It will be soon.”",
         [("We will win,", "Jane Doe", "Jane Doe"), ("It will be soon.", "Jane Doe", "Jane Doe")]),
        # appositives and titles on either side of the name
        ("“Prices rose,” Hugh Hill, a doctor, said.", [("Prices rose,", "Hugh Hill", "Hugh Hill")]),
        ("“Prices rose,” Ann Lee, chief economist at Acme Bank, said.",
         [("Prices rose,", "Ann Lee", "Ann Lee")]),
        ("Acme Bank's chief economist, Ann Lee, said that “prices rose.”",
         [("prices rose.", "Ann Lee", "Ann Lee")]),
        ("Acme chief economist Ann Lee said “prices rose.”",
         [("prices rose.", "Ann Lee", "Ann Lee")]),
        # unusual reporting verbs
        ("“Not again,” Sam Roy quipped.", [("Not again,", "Sam Roy", "Sam Roy")]),
        ("“Not again,” Sam Roy tweeted.", [("Not again,", "Sam Roy", "Sam Roy")]),
        # attribution without a verb: according to, trailing dash
        ("The plan is “dead on arrival,” according to Senator Mary Ruiz.",
         [("dead on arrival,", "Mary Ruiz", "Senator Mary Ruiz")]),
        ("“We will win.” — Jane Doe", [("We will win.", "Jane Doe", "Jane Doe")]),
        # organisations and common-noun speakers
        ("The ministry said in a statement that it was “deeply concerned.”",
         [("deeply concerned.", "the ministry", "The ministry")]),
        # partial quote woven into a sentence
        ("Jane Doe added that the army faced a “deep humiliation” in the north.",
         [("deep humiliation", "Jane Doe", "Jane Doe")]),
    ],
)
def test_attribution_patterns(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject after a full stop inside the marks opens the next sentence
        ("Tom Reed said, “Taxes will fall.” He added, “Nobody will pay more.”",
         [("Taxes will fall.", "Tom Reed", "Tom Reed"),
          ("Nobody will pay more.", "Tom Reed", "He")]),
        # a pronoun in a later clause refers back to the named subject of the sentence
        ("Ann Lee said the council ignored what she called “a clear warning.”",
         [("a clear warning.", "Ann Lee", "Ann Lee")]),
        # participle cues take the subject of the clause, not the nearest noun
        ("Tom Reed went after his rival, calling him “a quitter.”",
         [("a quitter.", "Tom Reed", "Tom Reed")]),
        ("Speaking in Dover, Delaware, Tom Reed praised the plan, saying it was “long overdue.”",
         [("long overdue.", "Tom Reed", "Tom Reed")]),
        ("LONDON — Ann Lee on Monday rejected the plan, calling it “a fantasy.”",
         [("a fantasy.", "Ann Lee", "Ann Lee")]),
        ("The mayor met the strikers, telling them they had been “treated badly.”",
         [("treated badly.", "the mayor", "The mayor")]),
        # coordinated verbs share the subject
        ("Ann Lee criticised the budget and said the cuts were “reckless.”",
         [("reckless.", "Ann Lee", "Ann Lee")]),
        ("Ann Lee, 52, a nurse from Leeds, said on Friday, “We are tired.”",
         [("We are tired.", "Ann Lee", "Ann Lee")]),
        # inverted order after a comma, with words between the quote and the cue
        ("“The vote was close” in the end, said Ann Lee, a council member.",
         [("The vote was close", "Ann Lee", "Ann Lee")]),
        ("Conversely, Tom Reed said the cuts were “overdue.”",
         [("overdue.", "Tom Reed", "Tom Reed")]),
        # sentence-start words are not part of the name
        ("Tom Reed arrived late.\n\nThen Reed said: “We left early.”",
         [("We left early.", "Tom Reed", "Reed")]),
        # reporting verbs beyond "say": thanking, chanting, naming
        ("Ann Lee thanked voters for “a great night.”", [("a great night.", "Ann Lee", "Ann Lee")]),
        ("Outside, the strikers chanted “No more cuts.”",
         [("No more cuts.", "the strikers", "the strikers")]),
        # a full-stopped quote followed by a lone "X said." still takes X
        ("“The bridge is closed.” Ann Lee said.",
         [("The bridge is closed.", "Ann Lee", "Ann Lee")]),
        # colon lead-in without a reporting verb: the subject of the clause
        ("Tom Reed was blunt: “The plan is dead.”",
         [("The plan is dead.", "Tom Reed", "Tom Reed")]),
        ("Tom Reed then listed his demands for 2030:\n\n“Lower fares.",
         [("Lower fares.", "Tom Reed", "Tom Reed")]),
        # a quote paragraph after a paragraph of reported speech continues its speaker
        ("Ann Lee praised the workers and their union.\n\n“They kept the city running.”",
         [("They kept the city running.", "Ann Lee", "Ann Lee")]),
        # two apostrophes as a double mark: a paragraph that opens with one still inherits
        ("''It is late,'' Tom Reed said. ''We must go.\n\n''Nobody waits for us.''",
         [("It is late,", "Tom Reed", "Tom Reed"), ("We must go.", "Tom Reed", "Tom Reed"),
          ("Nobody waits for us.", "Tom Reed", "Tom Reed")]),
        # the noun right before the cue is an object, not its subject
        ("Strikers marching through the town chanted “Fair pay now!”",
         [("Fair pay now!", "Strikers", "Strikers")]),
        ("The union issued a statement calling the offer “an insult.”",
         [("an insult.", "the union", "The union")]),
        # a second pronoun of the sentence defers to the first
        ("Ann Lee arrived early.\n\nShe said she found the plan “unworkable.”",
         [("unworkable.", "Ann Lee", "She")]),
        # a phrase quoted in a sentence about a person, whatever the verb: their wording
        ("Tom Reed openly admires the mayor as “a true builder.”",
         [("a true builder.", "Tom Reed", "Tom Reed")]),
        # an adverb between subject and cue
        ("Tom Reed bluntly dismissed the report as “pure fiction.”",
         [("pure fiction.", "Tom Reed", "Tom Reed")]),
        ("The Reed family said the ruling was “a relief.”",
         [("a relief.", "the Reed family", "The Reed family")]),
        # a full-stopped quote continues the quote before it, not the next sentence's subject
        ("“Rents are high,” Ann Lee said. “Wages are not.” She also said the plan would fail.",
         [("Rents are high,", "Ann Lee", "Ann Lee"), ("Wages are not.", "Ann Lee", "Ann Lee")]),
        ("Tom Reed used to back the mayor, but now said the mayor was “a lost cause.”",
         [("a lost cause.", "Tom Reed", "Tom Reed")]),
        ("“We are fine,” Ann Lee said matter-of-factly as she left.",
         [("We are fine,", "Ann Lee", "Ann Lee")]),
        # a sentence adverb takes no object: the subject follows it
        ("Ann Lee spoke first. Then she cut into the mayor, calling him a “quitter.”",
         [("quitter.", "Ann Lee", "she")]),
        # after an opening phrase and its comma the subject is in lower case
        ("When the vote was called, she dismissed the plan as “pure theatre.”",
         [("pure theatre.", "she", "she")]),
        # a name ending like a participle ("Reed", "Mohammed") is no opening phrase
        ("Reed hammered the council, calling it a “mess.”", [("mess.", "Reed", "Reed")]),
        # a subject broken off from its cue by several commas
        ("Tom Reed, whose hometown, Dover, is expected to flood, argues the plan will "
         "“ruin the harbor.”", [("ruin the harbor.", "Tom Reed", "Tom Reed")]),
        ("Ann Lee, 52, a nurse from Leeds, said the strike was a “last resort.”",
         [("last resort.", "Ann Lee", "Ann Lee")]),
        # a non-restrictive "who" is the subject of its own cue (and names the person)
        ("“It is late,” said Tom Reed, who described the mayor as “a reckless spender.”",
         [("It is late,", "Tom Reed", "Tom Reed"), ("a reckless spender.", "Tom Reed", "who")]),
        # ... a restrictive one is nobody
        ("Anybody who complains about the rules “is not trying hard enough,” Ann Lee said.",
         [("is not trying hard enough,", "Ann Lee", "Ann Lee")]),
        # right after a quote the sentence continues: any lone verb attributes it
        ("“The way I see it,” she elaborated, “the plan is dead.”",
         [("The way I see it,", "she", "she"), ("the plan is dead.", "she", "she")]),
        ("“This is a great day!” beamed Tom Reed of Dover, Delaware.",
         [("This is a great day!", "Tom Reed", "Tom Reed of Dover")]),
        ("“Will you sign it?” the reporter pressed. “Today?”",
         [("Will you sign it?", "the reporter", "the reporter"),
          ("Today?", "the reporter", "the reporter")]),
        # ... but not a verb that goes on to an object
        ("“It is over,” Tom Reed wanted the crowd to hear.", [("It is over,", None, None)]),
        # a pronoun in the clause a cue reports defers to that cue's pronoun ...
        ("Ann Lee spoke.\n\nShe told reporters that she found the plan “unworkable.”",
         [("unworkable.", "Ann Lee", "She")]),
        # ... a pronoun in another clause of the sentence speaks for itself
        ("Tom Reed spoke.\n\nHe praised the plan, which he called “long overdue.”",
         [("long overdue.", "Tom Reed", "he")]),
        # ... so does a pronoun opening a coordinated clause
        ("Ann Lee said the vote was fair, and she accused Tom Reed of “pure spite.”",
         [("pure spite.", "Ann Lee", "she")]),
        # ... but one in the clause a named subject's cue reports defers to it
        ("Tom Reed told reporters he found the report “deeply flawed.”",
         [("deeply flawed.", "Tom Reed", "Tom Reed")]),
        ("Tom Reed said anybody who complains “is not trying hard enough.”",
         [("is not trying hard enough.", "Tom Reed", "Tom Reed")]),
        # a passive cue reports nobody's words ("was called"), except "was quoted"
        ("The plan was called “a disgrace” by critics.", [("a disgrace", None, None)]),
        ("Ann Lee was quoted as saying the plan was “a disgrace.”",
         [("a disgrace.", "Ann Lee", "Ann Lee")]),
        # a quote opening a sentence mid-paragraph continues the sentence before it
        ("The talks may stall in the spring, Ann Lee said. “Nobody wants to move first.”",
         [("Nobody wants to move first.", "Ann Lee", "Ann Lee")]),
        # a verb after the phrase behind "said" makes it the reported clause's subject, and
        # the speaker opens the sentence, however long the appositive between
        ("Tom Reed, a grain farmer who has worked the same land near the river for four "
         "decades and now chairs the county growers' association and its water board, said "
         "the new levy is “a tax on bad luck.”",
         [("a tax on bad luck.", "Tom Reed", "Tom Reed")]),
        ("“The levy is unfair,” said Tom Reed, a grain farmer.",
         [("The levy is unfair,", "Tom Reed", "Tom Reed")]),
        # an adverb between subject and cue is no subject
        ("Ann Lee however said the plan was “a fair start.”",
         [("a fair start.", "Ann Lee", "Ann Lee")]),
        # a name in the clause an earlier cue reports: the outer speaker's account
        ("Ann Lee said Tom Reed had told growers that the levy was “a tax on bad luck.”",
         [("a tax on bad luck.", "Ann Lee", "Ann Lee")]),
        ("Ann Lee said during a visit to the farm that Tom Reed described the levy as "
         "“a tax on bad luck.”",
         [("a tax on bad luck.", "Ann Lee", "Ann Lee")]),
        # ... but not one in an adverbial clause of its own
        ("“It is unfair,” Ann Lee said, after Tom Reed said the levy was “a tax on bad luck.”",
         [("It is unfair,", "Ann Lee", "Ann Lee"),
          ("a tax on bad luck.", "Tom Reed", "Tom Reed")]),
    ],
)
def test_clause_level_attribution(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pronoun resolves to the last named speaker; mention is the pronoun
        ("Jane Doe spoke in Paris.\n\n“We will win,” she said.",
         [("We will win,", "Jane Doe", "she")]),
        # surname resolves to the fullest form the document uses
        ("Jane Doe spoke first. Later, “we will win,” Doe said.",
         [("we will win,", "Jane Doe", "Doe")]),
        # pronoun skips places and organisations named after the speaker
        ("Ann Lee said the plan failed in Ohio. Acme Bank lost money in Paris and Rome.\n\n"
         "“It is over,” she said.", [("It is over,", "Ann Lee", "she")]),
        # short form of an organisation -> its full name
        ("Amnesty International issued a report.\n\nAmnesty said it found “grave abuses.”",
         [("grave abuses.", "Amnesty International", "Amnesty")]),
        # quote-only paragraph after a quote inherits its speaker
        ("“We will win,” Jane Doe said.\n\n“Nothing will stop us.",
         [("We will win,", "Jane Doe", "Jane Doe"),
          ("Nothing will stop us.", "Jane Doe", "Jane Doe")]),
        # colon lead-in from the previous paragraph
        ("Jane Doe told reporters:\n\n“We will win.”", [("We will win.", "Jane Doe", "Jane Doe")]),
        # "X of Y": the person is the head, not the organisation or place after "of"
        ("“Rates will rise,” Governor Ann Lee of the State of Norland said.",
         [("Rates will rise,", "Ann Lee", "Governor Ann Lee of the State of Norland")]),
        ("Unions cheered, with Tom Reed of Fair Work Now saying that “the tide has turned.”",
         [("the tide has turned.", "Tom Reed", "Tom Reed of Fair Work Now")]),
        # role words before a name after the cue: the person, not the role
        ("“The wards are full,” said clinic manager Tom Reed.",
         [("The wards are full,", "Tom Reed", "Tom Reed")]),
        ("“Rents keep rising,” said Acme analyst Ann Lee.",
         [("Rents keep rising,", "Ann Lee", "Ann Lee")]),
        # a pronoun after a sentence with no cue: the person that sentence is about
        ("“We did our best,” spokesman Ann Berg said.\n\n"
         "Across the street, union leader Tom Reed smiled. “We won,” he said.",
         [("We did our best,", "Ann Berg", "Ann Berg"), ("We won,", "Tom Reed", "he")]),
        # a pronoun skips people of the other gender (given name or title on the lists)
        ("Ann Lee arrived early. Tom Reed spoke first. “It is late,” she said.",
         [("It is late,", "Ann Lee", "she")]),
        ("Mrs. Dana Doe spoke. Mr. Kim Roe left. “We won,” she said.",
         [("We won,", "Dana Doe", "she")]),
        ("“Rents are high,” Ann Lee said. Tom Reed nodded.\n\n“Wages are not,” she said.",
         [("Rents are high,", "Ann Lee", "Ann Lee"), ("Wages are not,", "Ann Lee", "she")]),
        # ... the subject of its last clause, if the pronoun's gender fits
        ("Ann Lee defended her budget, but council leader Tom Reed dismissed it as “fiction.”"
         "\n\n“Nobody believes these numbers,” he said.",
         [("fiction.", "Tom Reed", "Tom Reed"),
          ("Nobody believes these numbers,", "Tom Reed", "he")]),
    ],
)
def test_speaker_resolution(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline: short first paragraph without final punctuation
        ("Minister says reforms ‘will work’ | World news\n\nThe minister spoke on Monday.",
         [("will work", None, None)]),
        # a quote-only heading paragraph
        ("The vote was held.\n\n“Where the road ends”\n\nThe count began.",
         [("Where the road ends", None, None)]),
        # a one-word scare quote and a title in a sentence about a person: no speaker
        ("Tom Reed dislikes the word “synergy” in memos.", [("synergy", None, None)]),
        ("Tom Reed watched “The Long Night Home” twice.", [("The Long Night Home", None, None)]),
        # title of a work, nickname: no speaker
        ("The band played “Blue Moon” at the fair.", [("Blue Moon", None, None)]),
    ],
)
def test_no_guessed_speakers(text: str, expected: list[tuple[str, None, None]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    "ending", ["", "\u200b", "\x00", "\u00a0", "\ufeff", " \u200b”"],
)
def test_invisible_characters_after_final_punctuation_make_no_headline(ending: str) -> None:
    found = attributed(f"Ann Lee said: “We will win.”{ending}\n\nThe count began.")
    assert found == [("We will win.", "Ann Lee", "Ann Lee")]


def test_headings_are_marked() -> None:
    doc = document.parse("Minister says reforms ‘will work’\n\nThe minister spoke.")
    (quote,) = speakers.attribute(doc, quotes.find_quotes(doc))
    assert quote.kind == "heading"


def test_ids_in_document_order() -> None:
    doc = document.parse("“A,” Jane Doe said. “B,” she added. “C,” she said.")
    assert [q.id for q in speakers.attribute(doc, quotes.find_quotes(doc))] == ["q1", "q2", "q3"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X of ORG said": the person heading the chain, even when the ORG holds an "and"
        ("Station officer Mia Lund of Northfield Fire and Rescue Service said: “The smoke was "
         "thick.”",
         [("The smoke was thick.", "Mia Lund",
           "Mia Lund of Northfield Fire and Rescue Service")]),
        # a participle right after a reporting verb shares its subject, not the sentence's
        ("Dr Tom Reed, of the Harbour Museum, spoke on Friday. Ships of this kind were often "
         "built in pairs, he said, adding: “We expect to find a second hull.”",
         [("We expect to find a second hull.", "Tom Reed", "he")]),
        # a portfolio before a title is no part of the name; a place is never "she"
        ("Health Services Minister Wanjiku Otieno said the clinic near Stony Ridge would "
         "reopen. “We will be there for the long haul,” she said.",
         [("We will be there for the long haul,", "Wanjiku Otieno", "she")]),
        ("A storm hit homes near Glen Morra on Sunday. Residents were told to leave. “It came "
         "out of nowhere,” she said.",
         [("It came out of nowhere,", "she", "she")]),
        # a country or nationality before a name is no part of it
        ("Uganda's Joshua Okello won the 10,000m. “I waited for the bell,” Okello said.",
         [("I waited for the bell,", "Joshua Okello", "Okello")]),
        ("Norwegian Lars Berg finished third. “My legs were empty,” Berg said.",
         [("My legs were empty,", "Lars Berg", "Berg")]),
        # "she" is the subject in focus after an opening phrase, not the last name mentioned
        ("Nneka Okafor beat Ghana's Abena Mensah in the final. Two weeks after a fall in "
         "training, Okafor led from the gun. “I wanted it more,” she said.",
         [("I wanted it more,", "Nneka Okafor", "she")]),
        # "Local MP X": the title ends the role, X is a person "she" may stand for
        ("Local MP Chidinma Obi said jobs would go. Regional officer Mark Hall met staff. "
         "“This is a sad day,” she said.",
         [("This is a sad day,", "Chidinma Obi", "she")]),
        # "the company" stands for the business the text named
        ("Brightwater Foods will shut its Derby plant. The company said the decision was "
         "“painful but necessary”.",
         [("painful but necessary", "Brightwater Foods", "The company")]),
        ("Delivery firm Kestrel Couriers lost its appeal on Monday. “We will study the ruling "
         "carefully,” the firm said.",
         [("We will study the ruling carefully,", "Kestrel Couriers", "the firm")]),
        ("Marsh Vale Council approved the budget. “Difficult choices were made,” the council "
         "said.",
         [("Difficult choices were made,", "Marsh Vale Council", "the council")]),
        # ... and stays as it is when the text names none
        ("The company said it was “fully confident of success”.",
         [("fully confident of success", "the company", "The company")]),
        # an adjective in -ous is no plural: "indigenous leader X" is a role and a name
        ("“We will appeal,” spokesman Karl Weber said.\n\nOutside the hall, indigenous leader "
         "Ilario Bassi waved. “It was a good night,” he said.",
         [("We will appeal,", "Karl Weber", "Karl Weber"),
          ("It was a good night,", "Ilario Bassi", "he")]),
        # inverted verb, possessive organisation, title, comma, name
        ("“We will rebuild the pier,” said Harbourline’s chief engineer, Oona Fitz.",
         [("We will rebuild the pier,", "Oona Fitz", "Oona Fitz")]),
    ],
)
def test_blind_examiner_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank abbreviation before a surname: the full name given earlier
        ("Detective Sergeant Priya Nandra led the raid. “We found the van,” said DS Nandra.",
         [("We found the van,", "Priya Nandra", "DS Nandra")]),
        ("Superintendent Owen Tate spoke first. “Calm heads,” Supt Tate said.",
         [("Calm heads,", "Owen Tate", "Supt Tate")]),
        # "the force" stands for the police force the text named
        ("Northmoor Police closed the bridge at dawn. “Drivers should use the ring road,” the "
         "force said.",
         [("Drivers should use the ring road,", "Northmoor Police", "the force")]),
        # a possessive owner in the role before an apposed name: the name speaks
        ("“Sleep matters more than diet,” said the trial's chief investigator, Dr. Omar Haddad "
         "of Kingsbridge University.",
         [("Sleep matters more than diet,", "Omar Haddad",
           "Dr. Omar Haddad of Kingsbridge University")]),
        # a lower-case particle is no rank
        ("Lucia di Sarno opened the show. “I paint every day,” said di Sarno.",
         [("I paint every day,", "Lucia di Sarno", "Sarno")]),
        # a possessive determiner opens a noun phrase; the name apposed to it is the subject
        ("Her nephew, Callum Brisk, now keeps the forge. “I still use his hammer,” he said.",
         [("I still use his hammer,", "Callum Brisk", "he")]),
        ("His widow, Imelda Vance, was at the service. “He loved this hall,” she said.",
         [("He loved this hall,", "Imelda Vance", "she")]),
        ("Their coach, Dara Quill, who was booked at half-time, said: “We were robbed.”",
         [("We were robbed.", "Dara Quill", "Dara Quill")]),
    ],
)
def test_second_blind_examiner_rules(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a slogan closing a sentence about something else takes no later subject ...
        ("Marchers carried banners that read “Save Our Library.” Several parents urged the "
         "board to think again.",
         [("Save Our Library.", None, None)]),
        # ... nor the speaker of an earlier quote of its paragraph
        ("“We are angry,” said Ruth Ames. She joined crowds holding placards that read “Fund "
         "Our Schools.”",
         [("We are angry,", "Ruth Ames", "Ruth Ames"), ("Fund Our Schools.", None, None)]),
    ],
)
def test_slogans_take_no_nearby_speaker(text: str,
                                        expected: list[tuple[str, str | None, str | None]]
                                        ) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doe said it.", ["said"]),
        ("He went  on to say, according to Lee, that", ["went  on", "say", "according to"]),
        ("According to Lee it was fine, she added", ["According to", "added"]),
        # inside a word, after an apostrophe or a hyphen, or before a letter: no cue
        ("unsaid, essay, don'tsay, re-said, saidx, saidé", []),
        # non-ASCII neighbours: a mark or letter joins the word, a superscript digit does not
        ("\u0301said ésaid ²said", ["said"]),
        # a lone surrogate (sent escaped in JSON) is a character like any other
        ("\ud800 said", ["said"]),
        # characters outside the BMP and accented letters before a cue keep its offset
        ("😀 Zoë Müller, café owner 😀, said", ["said"]),
        ("", []),
    ],
)
def test_cue_scan_at_words(text: str, expected: list[str]) -> None:
    found = lexicon.finditer_at_words(speakers._CUE, text, speakers._CUE_FIRST_WORDS)
    assert [m.group() for m in found] == expected
    assert [m.span() for m in found] == [m.span() for m in lexicon.finditer(speakers._CUE, text)]


_CUE_ALPHABET = st.sampled_from(
    ["said", "says", "went", "on", "according", "According", "to", "told", "un", "e", "é",
     " ", "  ", "\n", "-", "'", "’", ",", ".", "\u0301", "²", "x", "A"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_CUE_ALPHABET, max_size=30).map("".join))
def test_cue_scan_at_words_equals_a_full_scan(text: str) -> None:
    assert [(m.span(), m.group("verb"), m.group("after"))
            for m in lexicon.finditer_at_words(speakers._CUE, text, speakers._CUE_FIRST_WORDS)] \
        == [(m.span(), m.group("verb"), m.group("after"))
            for m in lexicon.finditer(speakers._CUE, text)]


_NAME_ALPHABET = st.sampled_from(
    ["Jane", "Doe", "of", "the", "Acme", "Gov.", "J.", "U.S.", "iPhone", "McDonald", "Ém",
     "However", "Conversely,", "and", " ", "  ", "\n", ",", ".", "-", "'", "’", "\ue000",
     "2nd", "x", "Ł"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_ALPHABET, max_size=20).map("".join))
def test_name_scan_with_capital_test_equals_the_plain_scan(text: str) -> None:
    plain = regex.compile(speakers._NAME_SEQ)
    assert [m.span() for m in lexicon.finditer(speakers._NAME_IN_PHRASE, text)] \
        == [m.span() for m in plain.finditer(text)]


_EVENT_ALPHABET = st.sampled_from(
    ["Jane Doe", "she", "the mayor", "said", "adding", "calling", "according to", "was called",
     " and ", " with ", ", ", ". ", "\n", " ", "“We will.”", "“Yes,” ", "Lee", "went on",
     "went\non"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_EVENT_ALPHABET, max_size=24).map("".join))
def test_events_do_not_depend_on_the_order_sentences_are_read(text: str) -> None:
    """Events are worked out per sentence on demand; a participle's cue may continue the
    last event before it, so reading the sentences backwards must give what reading them
    forwards gives."""
    doc = document.parse(text)
    spans = sorted(quotes.find_quotes(doc), key=lambda span: span.start)
    forwards = speakers._Analysis(doc, spans)
    backwards = speakers._Analysis(doc, spans)
    count = len(forwards.sentence_starts)
    assert [forwards.sentence_events(index) for index in range(count)] \
        == list(reversed([backwards.sentence_events(index)
                          for index in reversed(range(count))]))


_SENTENCE_ALPHABET = st.sampled_from(
    ["Doe said. ", "He was called. ", "She added, calling it fine. ", "“Yes,” Lee said. ",
     "It rained. ", "\n", "according to Roe. ", "“No.” "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_SENTENCE_ALPHABET, max_size=40).map("".join))
def test_events_before_match_a_lookup_in_every_event(text: str) -> None:
    """Read back sentence by sentence, then from the list of every event: the same events as
    the nearest ``_LOOK_BACK`` of the whole list."""
    doc = document.parse(text)
    spans = sorted(quotes.find_quotes(doc), key=lambda span: span.start)
    every, starts = speakers._Analysis(doc, spans)._every_event()
    for position in range(0, len(text) + 1, 7):
        stop = bisect_left(starts, position)
        expected = every[max(0, stop - speakers._LOOK_BACK):stop][::-1]
        assert list(speakers._Analysis(doc, spans).events_before(position)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A cue that runs over a line break ends in the next sentence; the participle right
        # after it still shares its subject, though that sentence's events are worked out
        # on their own.
        ("The mayor praised Jane Doe and went\non, calling the plan “a disaster for the city.”",
         [("a disaster for the city.", "the mayor", "The mayor")]),
        ("Jane Doe went\non, calling the plan “a disaster for the city.”",
         [("a disaster for the city.", "Jane Doe", "Jane Doe")]),
        ("Critics of the plan met Tom Reed, who went\non, calling it “a disaster for the city.”",
         [("a disaster for the city.", "Tom Reed", "who")]),
    ],
)
def test_participle_continues_a_cue_from_the_sentence_before(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    "words",
    [
        frozenset({"said", "says", "saying"}),
        frozenset({"went", "went on", "went on to"}),
        frozenset({"a", "ab", "abc", "b", "a b"}),
        lexicon.REPORTING_VERBS,
        lexicon.ORG_NOUNS,
    ],
)
def test_trie_alternation_matches_as_the_longest_first_list(words: frozenset[str]) -> None:
    flat = "|".join(regex.escape(word).replace(r"\ ", r"\s+")
                    for word in sorted(words, key=lambda word: (-len(word), word)))
    text = " ".join(sorted(words)) + " went  onto abc a b abx " + " ".join(words).upper()
    for flags in (0, regex.IGNORECASE):
        for bounded in (r"(?:{})", r"\b(?:{})\b"):
            trie_matches = regex.compile(bounded.format(lexicon.alternation(words)), flags)
            flat_matches = regex.compile(bounded.format(flat), flags)
            assert [m.span() for m in trie_matches.finditer(text)] \
                == [m.span() for m in flat_matches.finditer(text)]


_TAIL_ALPHABET = st.sampled_from(
    ["was", "is", "be", "being", "not", "also", "quickly", "and", "then", "but", "by", "in",
     "towards", "to", "&", ",", "Jane", "Doe", "of", "Acme", "said", "—", "-", "x", " ", "  ",
     "\u00a0", "\u2003", "\x1c", "\t", "\n", "\ue000"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_TAIL_ALPHABET, max_size=14).map("".join))
def test_tail_prechecks_never_reject_a_match(text: str) -> None:
    """Each cheap test run before a tail pattern holds wherever the pattern matches."""
    for pattern, endings in [
        (speakers._PASSIVE_TAIL, speakers._PASSIVE_ENDINGS),
        (speakers._CLAUSE_LINK, speakers._CLAUSE_LINK_ENDINGS),
        (speakers._PREPOSITION_TAIL, speakers._PREPOSITION_ENDINGS),
        (speakers._COORDINATED_HEAD, speakers._COORDINATED_ENDINGS),
    ]:
        if pattern.search(text) is not None:
            assert speakers._may_end_with(text, 0, len(text), endings), pattern.pattern
    if speakers._APPOSITIVE_TAIL.search(text) is not None:
        assert text.count(",") >= 2
    if speakers._DASH_ATTRIBUTION.match(text) is not None:
        assert text.lstrip()[:1] in speakers._DASHES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue opening with a participle ("referring to") glosses the speaker's words: its
        # object is no speaker
        ("“Is it over?” asked Tom Reed, referring to the council's long campaign against "
         "what he calls the “rigged” vote. “It is not.”",
         [("Is it over?", "Tom Reed", "Tom Reed"), ("rigged", "Tom Reed", "Tom Reed"),
          ("It is not.", "Tom Reed", "Tom Reed")]),
        # three apostrophes close a nested single quote and the double quote around it
        ("''I tell the other banks, 'Sorry, we come first,''' said Ms. Lee, who runs a "
         "fund. ''They know it.''",
         [("I tell the other banks, 'Sorry, we come first,", "Lee", "Ms. Lee"),
          ("They know it.", "Lee", "Ms. Lee")]),
        # a word capitalised only to open a sentence opens an adverbial phrase, no subject
        ("Last week, the union also called for a strike and said the offer was “an insult "
         "to every nurse.”",
         [("an insult to every nurse.", "the union", "the union")]),
        ("Hours before the vote, Ann Lee toured the ward and said it was “in a dreadful "
         "state.”",
         [("in a dreadful state.", "Ann Lee", "Ann Lee")]),
        # after a quote, the phrase after a verb that takes an object is no inverted speaker
        ("Tom Reed, who says his costs were “in the seven figures,” described the strain "
         "as grim.",
         [("in the seven figures,", "Tom Reed", "who")]),
        ("“We will rebuild,” said Ann Lee, whose shop burned down.",
         [("We will rebuild,", "Ann Lee", "Ann Lee")]),
        # a name and a colon label the quote after it, as a transcript does
        ("The debate pitted Tom Reed against Ann Lee on Monday.\n\nREED: “We will cut taxes.”\n\n"
         "LEE: “You said that last year.”",
         [("We will cut taxes.", "Tom Reed", "REED"),
          ("You said that last year.", "Ann Lee", "LEE")]),
        ("The panel pressed the minister.\n\nRep. Ann Lee (D-Ore.): “Who told you that?”",
         [("Who told you that?", "Ann Lee", "Rep. Ann Lee")]),
        ("Turnout rose sharply in the north.\n\nLate swing - Jane Doe: “Keep calling "
         "voters as late as possible.”",
         [("Keep calling voters as late as possible.", "Jane Doe", "Jane Doe")]),
        # a party and state after an apposed name; a role with "of" before an apposed name
        ("After winning the primary, Gov. Tom Reed (R-Ohio), said, “We are going west.”",
         [("We are going west.", "Tom Reed", "Gov. Tom Reed")]),
        ("“We will ship in May,” said Lumen's head of product, Ana Ferreira.",
         [("We will ship in May,", "Ana Ferreira", "Ana Ferreira")]),
        # a place set off by commas between the subject and its cue
        ("Ann Lee, in Columbus, Ohio, said the plan was “a disgrace to the state.”",
         [("a disgrace to the state.", "Ann Lee", "Ann Lee")]),
        # a name never runs on into the next paragraph, and a title-case headline lends no
        # longer form to a name
        ("Glenn Beck Blasts Drudge Over Poll\n\n“It is a disgrace,” Beck said on Monday.",
         [("It is a disgrace,", "Beck", "Beck")]),
        ("Mayor Backs New Bridge Plan\n\nAna Ruiz toured the site on Monday. “It will open in "
         "May,” Ruiz said.",
         [("It will open in May,", "Ana Ruiz", "Ruiz")]),
        ("Photo: Tom Reed\n\nAnn Lee spoke on Monday. “We will rebuild,” Lee said.",
         [("We will rebuild,", "Ann Lee", "Lee")]),
        # a short word before a full stop ends the sentence unless it is a known abbreviation
        ("Talks stalled over the Middle East. Trump later said: “We will get a deal.”",
         [("We will get a deal.", "Trump", "Trump")]),
        ("“We will ship in May,” said Mayor Ana Ruiz. “The plan is fixed,” Ruiz told reporters.",
         [("We will ship in May,", "Ana Ruiz", "Mayor Ana Ruiz"),
          ("The plan is fixed,", "Ana Ruiz", "Ruiz")]),
        ("“It was a fair trial,” said Acme Corp. chief Tom Reed Jr. on Monday.",
         [("It was a fair trial,", "Tom Reed Jr.", "Tom Reed Jr.")]),
        # ... but not a capitalised common word, nor a headline's name
        ("The shop shut early.\n\nUpdate: “We are closed until Monday.”",
         [("We are closed until Monday.", None, None)]),
        ("Ann Lee: ‘We Will Not Back Down.’\n\nAnn Lee spoke to strikers on Friday.",
         [("We Will Not Back Down.", None, None)]),
        # an attribution set off by commas mid-sentence is the quote's, not an earlier subject
        ("Tom Reed is courting voters. He sincerely believes, he said, that “the state deserves"
         " better.”", [("the state deserves better.", "Tom Reed", "he")]),
        ("Asked about old attacks, Ann Lee said that was part of the race, no different, she"
         " said, from rivals calling a plan “voodoo economics” before joining forces.",
         [("voodoo economics", "Ann Lee", "she")]),
        # after a quote, the phrase after a participle is its object, not the speaker
        ("Tom Reed also vowed, “We will defeat the gangs and defeat them fast,” referring to"
         " the Iron Hand.", [("We will defeat the gangs and defeat them fast,", "Tom Reed",
                              "Tom Reed")]),
        ("Ann Lee said it was a “distortion,” describing the security team as skilled.",
         [("distortion,", "Ann Lee", "Ann Lee")]),
        # plain present reporting verbs after plural subjects
        ("The two senators, however, argue that “there is a precedent,” citing a 2009 case.",
         [("there is a precedent,", "the two senators", "The two senators")]),
        ("“The plan failed the state,” the editors write.",
         [("The plan failed the state,", "the editors", "the editors")]),
        # a negated auxiliary between the subject and its cue is no subject
        ("Ann Lee didn’t say it was “a crisis” at all.", [("a crisis", "Ann Lee", "Ann Lee")]),
        ("Tom Reed won't argue that the plan is “a failure” yet.",
         [("a failure", "Tom Reed", "Tom Reed")]),
        # a name labelling the quote beats a common noun's cue before it
        ("Ann Lee runs a survey firm.\n\nBut polls did predict the Democratic result - Ann Lee:"
         " “Most surveys fared well.”", [("Most surveys fared well.", "Ann Lee", "Ann Lee")]),
        # a time phrase between the subject and its cue dates the words, it never says them
        ("Senator Ann Lee last week said the plan was “a disaster.”",
         [("a disaster.", "Ann Lee", "Senator Ann Lee")]),
        ("The ministry less than two weeks ago said that “top secret” files were sent.",
         [("top secret", "the ministry", "The ministry")]),
        ("A letter sent out by Tom Reed on Tuesday night warned: “We will fight.”",
         [("We will fight.", "Tom Reed", "Tom Reed")]),
        # an appositive set off by dashes, as one set off by commas
        ("Jason Sims — a teacher from Mount Pleasant — says the endorsement was “a big deal.”",
         [("a big deal.", "Jason Sims", "Jason Sims")]),
        # an occasion set off by commas between the subject and its cue says nothing
        ("Tom Reed, during a town hall meeting in Columbus, Ohio, said “we will win.”",
         [("we will win.", "Tom Reed", "Tom Reed")]),
        ("Tom Reed, the mayor of Dover, at a rally in Akron, Ohio, said “we will win.”",
         [("we will win.", "Tom Reed", "Tom Reed")]),
        ("“We will win,” Ann Lee, speaking to reporters in Akron, Ohio, said.",
         [("We will win,", "Ann Lee", "Ann Lee")]),
        # a time phrase after a participle belongs to the subject phrase, and is no aside
        ("A campaign ad released Thursday accuses Tom Reed of “sleaze.”",
         [("sleaze.", "a campaign ad released Thursday", "A campaign ad released Thursday")]),
        # a verb right after a pronoun or a name is theirs, never a subject itself
        ("Her attacks were echoed by Democrats across the state, who highlighted comments Tom"
         " Reed made in 2006 saying he “sort of hopes” the bubble bursts.",
         [("sort of hopes", "Democrats", "who")]),
        ("Tom Reed later defended his comments as being “sarcastic.”",
         [("sarcastic.", "Tom Reed", "Tom Reed")]),
        ("It recalled the hearing when Tom Reed first testified, and Sen. Ann Lee (R-Wis.) kept"
         " asking him why the office had tied it to “spontaneous” protests.",
         [("spontaneous", "Ann Lee", "Sen. Ann Lee")]),
    ],
)
def test_attribution_refinements(text: str,
                                 expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected
