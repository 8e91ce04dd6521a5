"""German attribution shapes of news grammar (service/speakers_german.py), a third round.

Written from German grammar, not from any corpus: verb-second order after a fronted adverb
with a second cue joined by "und", a first-person quotation standing alone after a sentence
about a person, indirect speech (Konjunktiv I) carried into a new paragraph, an apposition
after "so X" / "sagt X", and quotations that are names or coinages rather than speech
("sogenannt", the predicate of "heißen", titles after capitalised adjectives). Every text
below is invented for these tests.
"""

from __future__ import annotations

import pytest

from service import language
from tests.handmade import attributed

Row = tuple[str, list[tuple[str, str | None, str | None]]]

# An adverb or a prepositional phrase first, then the verb, then the subject; a cue joined by
# "und" shares that subject.
FRONTED_AND: list[Row] = [
    ("Danach sprach der Minister vor der Presse und sagte: „Wir haben keine Wahl.“",
     [("Wir haben keine Wahl.", "der Minister", "der Minister")]),
    ("Am Abend trat die Ministerin Anna Wolf vor die Kameras und sagte: „Wir bleiben dabei.“",
     [("Wir bleiben dabei.", "Anna Wolf", "die Ministerin Anna Wolf")]),
    ("Am Montag reiste der Kanzler nach Paris und betonte dort: „Europa steht zusammen.“",
     [("Europa steht zusammen.", "der Kanzler", "der Kanzler")]),
    ("Schon am Freitag zogen Landwirte vor das Rathaus und riefen „Keine Steuer auf Diesel“.",
     [("Keine Steuer auf Diesel", "Landwirte", "Landwirte")]),
    ("Die Trainerin Jana Vogt kam zur Pressekonferenz. Gestern trat sie zurück und erklärte, "
     "sie sei „zutiefst enttäuscht“.",
     [("zutiefst enttäuscht", "Jana Vogt", "sie")]),
]

# A quotation in the first person opening a sentence, after a sentence whose subject is a
# person: that person speaks. Not after a sentence about a thing.
FIRST_PERSON: list[Row] = [
    ("Der Bürgermeister Karl Brandt besuchte die Baustelle. „Ich bin beeindruckt von dem "
     "Tempo.“",
     [("Ich bin beeindruckt von dem Tempo.", "Karl Brandt", "Der Bürgermeister Karl Brandt")]),
    ("Die Schulleiterin öffnete am Morgen die Türen. „Unsere Kinder haben das verdient.“",
     [("Unsere Kinder haben das verdient.", "die Schulleiterin", "Die Schulleiterin")]),
    ("Der Regen hielt den ganzen Tag an. „Wir haben viel erreicht.“",
     [("Wir haben viel erreicht.", None, None)]),
    ("Die Abgeordnete verließ den Saal. „Das Wetter wird morgen besser.“",
     [("Das Wetter wird morgen besser.", None, None)]),
]

# Konjunktiv I opening a paragraph: the report of the paragraph before goes on.
SUBJUNCTIVE_PARAGRAPH: list[Row] = [
    ("Die Sprecherin sagte, die Lage sei ernst.\n\nMan habe „alle verfügbaren Kräfte“ "
     "eingesetzt.",
     [("alle verfügbaren Kräfte", "die Sprecherin", "Die Sprecherin")]),
    ("Der Minister sagte am Montag, die Reform komme.\n\nSie werde „schon im Herbst“ in Kraft "
     "treten.",
     [("schon im Herbst", "der Minister", "Der Minister")]),
    # The conditional is no indirect speech: it carries nothing over a paragraph break.
    ("Der Minister sagte am Montag, die Reform komme.\n\nOhne sie hätten die Kommunen „kaum "
     "Spielraum“ gehabt.",
     [("kaum Spielraum", None, None)]),
]

# "so X" / "sagt X" after a quotation, an apposition with the name after the role phrase.
APPOSITION_AFTER: list[Row] = [
    ("„Die Lage ist unter Kontrolle“, so der Sprecher der Polizei, Hans Meier.",
     [("Die Lage ist unter Kontrolle", "Hans Meier", "der Sprecher der Polizei, Hans Meier")]),
    ("„Das war knapp“, sagt die Leiterin der Feuerwehr, Petra Lang.",
     [("Das war knapp", "Petra Lang", "die Leiterin der Feuerwehr, Petra Lang")]),
    ("„Wir ermitteln in alle Richtungen“, sagte der Sprecher des Ministeriums.",
     [("Wir ermitteln in alle Richtungen", "der Sprecher des Ministeriums",
       "der Sprecher des Ministeriums")]),
]

# Quotation marks around a name or a coinage: nobody said it.
NOT_SPEECH: list[Row] = [
    ("Der Minister sagte, die sogenannten „schwarzen Listen“ seien abgeschafft.",
     [("schwarzen Listen", None, None)]),
    ("Die Ministerin kritisierte die so genannte „Reichensteuer“ scharf.",
     [("Reichensteuer", None, None)]),
    ("Der Senator warnte vor einem sogenannten „Schläfer“ in der Behörde.",
     [("Schläfer", None, None)]),
    ("Der Kanzler sprach über den Plan, der intern „Projekt Morgenröte“ heißt.",
     [("Projekt Morgenröte", None, None)]),
    ("„Nordwind“, so heißt die neue Fähre der Reederei.",
     [("Nordwind", None, None)]),
    ("Der Trainer lobte die Schillersche „Ode an die Freude“ als Hymne.",
     [("Ode an die Freude", None, None)]),
    ("Der Redakteur schreibt in der Münchner Tageszeitung „Neue Presse“, das sei „völlig "
     "falsch“.",
     [("Neue Presse", None, None), ("völlig falsch", "der Redakteur", "Der Redakteur")]),
    # "heißt es" is speech: the document speaks.
    ("„Das ist ein Skandal“, heißt es in der Erklärung.",
     [("Das ist ein Skandal", "der Erklärung", "der Erklärung")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    FRONTED_AND + FIRST_PERSON + SUBJUNCTIVE_PARAGRAPH + APPOSITION_AFTER + NOT_SPEECH,
)
def test_german_attribution_third(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert language.detect(text) == "de"
    assert attributed(text) == expected
