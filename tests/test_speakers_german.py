"""German copy: language detection and the German speaker rules (service/speakers_german.py).

Every text below is invented for these tests.
"""

from __future__ import annotations

import pytest

from service import language, pipeline
from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Minister sagte am Montag, die Lage sei ernst. Die Regierung werde handeln.", "de"),
        ("The minister said on Monday that the situation was serious.", "en"),
        ("„Wir gehen“, sagte sie. Dann ging sie nach Hause und schloss die Tür.", "de"),
        # Too little to tell, or another language: the English rules, as before.
        ("„Ja“", "en"),
        ("El ministro dijo que la situación era grave.", "en"),
        # One German phrase quoted in English copy does not make the document German.
        ("The chancellor called it “eine Zeitenwende” in a speech to the Bundestag on Sunday, "
         "and the opposition said the government had been slow to act.", "en"),
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert language.detect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Speaker after the quotation, verb first: "sagte X", "so X", a pronoun.
        ("„Wir haben alles versucht“, sagte der Bürgermeister Hans Keller. Die Stadt sei pleite.",
         [("Wir haben alles versucht", "Hans Keller", "der Bürgermeister Hans Keller")]),
        ("„Das ist ein schwarzer Tag“, so Vereinschef Corny Lindner. Die Mannschaft schwieg.",
         [("Das ist ein schwarzer Tag", "Corny Lindner", "Vereinschef Corny Lindner")]),
        ("Anna Berger leitet das Amt seit 2019. „Wir bleiben dran“, sagte sie.",
         [("Wir bleiben dran", "Anna Berger", "sie")]),
        # Speaker before a colon lead-in; the subject after the verb when something else
        # comes first; a name followed by a few words and a colon.
        ("Der Sprecher des Ministeriums erklärte: „Die Zahlen sind vorläufig.“",
         [("Die Zahlen sind vorläufig.", "der Sprecher des Ministeriums",
           "Der Sprecher des Ministeriums")]),
        ("Der Lokalzeitung sagte Jonas Weber: „Ich bereue nichts.“",
         [("Ich bereue nichts.", "Jonas Weber", "Jonas Weber")]),
        ("Auf die Frage nach dem Budget entgegnete Weber knapp: „Kein Kommentar.“",
         [("Kein Kommentar.", "Weber", "Weber")]),
        # Subject, apposition, then the cue; the name is the apposition.
        ("Die Innenministerin des Landes, Petra Vogt, kritisierte den Plan: „Das ist zu teuer.“",
         [("Das ist zu teuer.", "Petra Vogt", "Die Innenministerin des Landes, Petra Vogt")]),
        ("Karl Brandt, ein Landwirt aus dem Allgäu, sagte, die Ernte sei „ein Totalausfall“.",
         [("ein Totalausfall", "Karl Brandt", "Karl Brandt, ein Landwirt aus dem Allgäu")]),
        # Partial quotation after a cue in reported speech; a role noun before the name.
        ("Der Vorsitzende Richter Klaus Tolksdorf betonte, das Urteil sei „wohl begründet“.",
         [("wohl begründet", "Klaus Tolksdorf", "Der Vorsitzende Richter Klaus Tolksdorf")]),
        # "laut X", "X zufolge".
        ("Die Brücke sei laut dem Bauamt „in einem kritischen Zustand“ gewesen.",
         [("in einem kritischen Zustand", "dem Bauamt", "dem Bauamt")]),
        # A coordinated cue keeps the subject that opens the sentence, not the object after it.
        ("Die Firma bestätigte die Zahlen nicht und nannte sie „reine Spekulation“.",
         [("reine Spekulation", "die Firma", "Die Firma")]),
        # A later surname resolves to the full name; a quotation opening the next sentence
        # continues the previous sentence's speaker.
        ("Der Abgeordnete Jan Roth sagte, er sei enttäuscht. „Das war ein Fehler.“ Später "
         "fügte Roth hinzu: „Wir machen weiter.“",
         [("Das war ein Fehler.", "Jan Roth", "Der Abgeordnete Jan Roth"),
          ("Wir machen weiter.", "Jan Roth", "Roth")]),
        # "er" resolves to the person named most recently before it.
        ("Unterdessen verteidigte der Ausschussvorsitzende, Sebastian Kurz (SPD), den Entwurf. "
         "Er halte ihn für vertretbar und bezeichnete ihn als „maßvoll“.",
         [("maßvoll", "Sebastian Kurz", "Er")]),
        # A clause with its verb last; the document itself ("hieß es in …"); a transcript
        # label; the next sentence crediting the quotation ("Das sagte …").
        ("Wie ein Sprecher der Polizei sagte, sei die Lage „unter Kontrolle“.",
         [("unter Kontrolle", "ein Sprecher der Polizei", "ein Sprecher der Polizei")]),
        ("Die Gebühren sollen steigen. Dazu hieß es in einer Mitteilung der Stadt: "
         "„Die Kosten sind gestiegen.“",
         [("Die Kosten sind gestiegen.", "einer Mitteilung der Stadt",
           "einer Mitteilung der Stadt")]),
        ("Moderatorin Anna Berger fragte nach dem Geld. Thomas Lenz: „Das Geld ist da.“",
         [("Das Geld ist da.", "Thomas Lenz", "Thomas Lenz")]),
        ("Die Schulen bleiben offen. „Wir haben genug Personal.“ Das sagte die Schulleiterin "
         "Maria Kern am Freitag.",
         [("Wir haben genug Personal.", "Maria Kern", "die Schulleiterin Maria Kern")]),
        # A dash before "so"; "heißt es in …" after the quotation; an age for a name; a colon
        # lead-in ending the paragraph before.
        ("„Wir bleiben“ – so die Sprecherin des Vereins.",
         [("Wir bleiben", "die Sprecherin des Vereins", "die Sprecherin des Vereins")]),
        ("„Die Lage ist ernst“, heißt es in der Erklärung des Ministeriums.",
         [("Die Lage ist ernst", "der Erklärung des Ministeriums",
           "der Erklärung des Ministeriums")]),
        ("Der 58-Jährige sagte vor Gericht: „Ich war es nicht.“",
         [("Ich war es nicht.", "der 58-Jährige", "Der 58-Jährige")]),
        ("Die Ministerin Eva Stahl sagte nach der Sitzung:\n\n„Wir haben uns geeinigt.“",
         [("Wir haben uns geeinigt.", "Eva Stahl", "Die Ministerin Eva Stahl")]),
        # No cue, no speaker: titles and names in quotation marks are said by nobody.
        ("Der Film „Das Boot“ läuft heute im Fernsehen.", [("Das Boot", None, None)]),
        ("Sie arbeitet für die Zeitung „Neues Blatt“ in Leipzig.", [("Neues Blatt", None, None)]),
        # ... even in a sentence with a cue: a title after a definite article.
        ("Der Minister sagte der „Berliner Rundschau“, man werde klagen.",
         [("Berliner Rundschau", None, None)]),
    ],
)
def test_german_speakers(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert attributed(text) == expected


def test_german_offsets_slice_the_input() -> None:
    text = "„Wir gehen“, sagte der Sprecher Uwe Lang. „Jetzt“, so Lang."
    for quote in pipeline.extract(text):
        assert text[quote.start:quote.end] == quote.text
        assert quote.speaker is not None
        mention = quote.speaker.mention
        assert text[mention.start:mention.end] == mention.text
