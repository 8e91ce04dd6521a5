"""German attribution shapes of news grammar (service/speakers_german.py), beyond the first rules.

The rows are written from the grammar of German news copy, not from any corpus: particle
verbs split in verb-second order and fused at the end of a clause, the perfect tense, objects
fronted before the verb, institutions and media as subjects, "zitiert X mit den Worten",
"nach Angaben von X", "heißt es in X", "Darin heißt es", reported speech in the subjunctive
carrying on a speaker, plural "sie". Every text below is invented for these tests.
"""

from __future__ import annotations

import pytest

from service import language
from tests.handmade import attributed

Row = tuple[str, list[tuple[str, str | None, str | None]]]

# Particle verbs: split in a main clause ("teilte … mit"), fused at the end of a clause with
# its verb last ("wie … mitteilte"); the perfect tense with the participle last.
PARTICLE_AND_PERFECT: list[Row] = [
    ("Die Polizei teilte am Sonntag mit, der Verdächtige sei „dringend tatverdächtig“.",
     [("dringend tatverdächtig", "die Polizei", "Die Polizei")]),
    ("Das Gesundheitsministerium gab am Dienstag bekannt: „Die Impfpflicht kommt nicht.“",
     [("Die Impfpflicht kommt nicht.", "das Gesundheitsministerium",
       "Das Gesundheitsministerium")]),
    ("Die Staatsanwaltschaft wies die Vorwürfe als „völlig haltlos“ zurück.",
     [("völlig haltlos", "die Staatsanwaltschaft", "Die Staatsanwaltschaft")]),
    ("Der Bürgermeister räumte am Abend ein: „Wir haben Fehler gemacht.“",
     [("Wir haben Fehler gemacht.", "der Bürgermeister", "Der Bürgermeister")]),
    ("Wie die Feuerwehr am Montag mitteilte, war der Brand „gegen Mitternacht“ ausgebrochen.",
     [("gegen Mitternacht", "die Feuerwehr", "die Feuerwehr")]),
    ("Der Konzern habe „keine andere Wahl“ gehabt, wie ein Sprecher des Unternehmens "
     "bekanntgab.",
     [("keine andere Wahl", "ein Sprecher des Unternehmens", "ein Sprecher des Unternehmens")]),
    ("Die Kanzlerin hat am Mittwoch gesagt, die Lage sei „sehr ernst“.",
     [("sehr ernst", "die Kanzlerin", "Die Kanzlerin")]),
    ("Der Verband hat die Entscheidung als „Skandal“ bezeichnet.",
     [("Skandal", "der Verband", "Der Verband")]),
    ("„Wir werden klagen“, hat der Anwalt des Klägers angekündigt.",
     [("Wir werden klagen", "der Anwalt des Klägers", "der Anwalt des Klägers")]),
]

# Cue verbs a first list missed, in the past and the present tense.
MORE_CUE_VERBS: list[Row] = [
    ("Die Zeugin erzählte, der Mann habe „wie ein Wahnsinniger“ geschrien.",
     [("wie ein Wahnsinniger", "die Zeugin", "Die Zeugin")]),
    ("Der Präsident zeigte sich zufrieden: „Das ist ein guter Tag.“",
     [("Das ist ein guter Tag.", "der Präsident", "Der Präsident")]),
    ("Die Ministerin verteidigte die Reform als „längst überfällig“.",
     [("längst überfällig", "die Ministerin", "Die Ministerin")]),
    ("Der Trainer hob hervor, die Mannschaft habe „Charakter gezeigt“.",
     [("Charakter gezeigt", "der Trainer", "Der Trainer")]),
    ("Der Konzernchef Martin Riedl versprach „schnelle Aufklärung“ und den Rücktritt der "
     "Verantwortlichen.",
     [("schnelle Aufklärung", "Martin Riedl", "Der Konzernchef Martin Riedl")]),
    ("Die Gewerkschaft verlangt „faire Löhne für alle“.",
     [("faire Löhne für alle", "die Gewerkschaft", "Die Gewerkschaft")]),
    ("Die Opposition sprach von einem „schwarzen Tag für die Demokratie“.",
     [("schwarzen Tag für die Demokratie", "die Opposition", "Die Opposition")]),
    ("Die Verbraucherzentrale rät den Kunden, „jede Rechnung genau zu prüfen“.",
     [("jede Rechnung genau zu prüfen", "die Verbraucherzentrale", "Die Verbraucherzentrale")]),
]

# A clause ending in a colon introduces the quotation after it, whatever its verb; not a
# colon inside parentheses. "Dies teilte X mit" credits the sentence before.
LEAD_INS: list[Row] = [
    ("Die Anwohner reagierten am Abend empört: „Das ist eine Frechheit.“",
     [("Das ist eine Frechheit.", "die Anwohner", "Die Anwohner")]),
    ("Die Gewerkschaft Erziehung und Wissenschaft (kurz: „GEW“) lehnt den Plan ab.",
     [("GEW", None, None)]),
    ("Der Minister Paul Weber blieb gelassen: Mit den Worten „Wir haben Zeit“ beendete er die "
     "Sitzung.",
     [("Wir haben Zeit", "Paul Weber", "er")]),
    ("Die Preise sollen im Herbst um „mindestens zehn Prozent“ steigen. Dies teilte der "
     "Energieversorger am Montag mit.",
     [("mindestens zehn Prozent", "der Energieversorger", "der Energieversorger")]),
]

# "zitiert X mit den Worten": the one quoted is the object, not the paper that quotes;
# "mit den Worten „…“" credits the subject of its clause.
QUOTED_WITH_WORDS: list[Row] = [
    ("Die Nachrichtenagentur zitierte einen Augenzeugen mit den Worten: „Überall war Rauch.“",
     [("Überall war Rauch.", "einen Augenzeugen", "einen Augenzeugen")]),
    ("Das Blatt zitiert den Innenminister Klaus Ebert mit den Worten, es gebe „keinen Grund "
     "zur Panik“.",
     [("keinen Grund zur Panik", "Klaus Ebert", "den Innenminister Klaus Ebert")]),
    ("Der Trainer wurde mit den Worten zitiert: „Wir haben verdient verloren.“",
     [("Wir haben verdient verloren.", "der Trainer", "Der Trainer")]),
    ("Mit den Worten „Es reicht“ verließ die Abgeordnete Maria Kunz den Saal.",
     [("Es reicht", "Maria Kunz", "die Abgeordnete Maria Kunz")]),
    ("Die Ministerin verabschiedete sich mit den Worten „Bis bald“.",
     [("Bis bald", "die Ministerin", "Die Ministerin")]),
    ("Der Regierungssprecher, Max Ott, versuchte mit den Worten „Es gibt keinen Grund zur "
     "Sorge“ zu beruhigen.",
     [("Es gibt keinen Grund zur Sorge", "Max Ott", "Der Regierungssprecher, Max Ott")]),
]

# A participle after the quotation: in the perfect the subject opens the sentence, in the
# passive only the agent ("von X") speaks, and a participle without a tense names a thing.
PARTICIPLE_LAST: list[Row] = [
    ("Die Ministerin hat die Reform bei ihrem Besuch als „längst überfällig“ verteidigt.",
     [("längst überfällig", "die Ministerin", "Die Ministerin")]),
    ("Der Plan wurde von der Opposition als „reiner Unsinn“ bezeichnet.",
     [("reiner Unsinn", "der Opposition", "der Opposition")]),
    ("Der Plan wurde am Montag in der Sitzung als „reiner Unsinn“ bezeichnet.",
     [("reiner Unsinn", None, None)]),
    ("Der Bär, von den Bauern auch „der Wanderer“ genannt, ist wieder in Bayern.",
     [("der Wanderer", None, None)]),
]

# Institutions, media named by a title in quotation marks, plural groups without an article.
SUBJECTS: list[Row] = [
    ("Die „Süddeutsche Zeitung“ berichtete, der Minister sei „amtsmüde“.",
     [("Süddeutsche Zeitung", None, None),
      ("amtsmüde", "Süddeutsche Zeitung", "Die „Süddeutsche Zeitung“")]),
    ("Demonstranten skandierten vor dem Rathaus „Wir sind das Volk“.",
     [("Wir sind das Volk", "Demonstranten", "Demonstranten")]),
    ("Anwohner berichteten von „ohrenbetäubendem Lärm“ in der Nacht zum Sonntag.",
     [("ohrenbetäubendem Lärm", "Anwohner", "Anwohner")]),
    # A phrase in the dative or accusative opens the sentence: the subject follows the verb.
    ("Dem Sender sagte der Trainer: „Wir sind enttäuscht.“",
     [("Wir sind enttäuscht.", "der Trainer", "der Trainer")]),
    ("Den Vorwurf der Untätigkeit wies die Ministerin Eva Stahl zurück: „Wir handeln seit "
     "Wochen.“",
     [("Wir handeln seit Wochen.", "Eva Stahl", "die Ministerin Eva Stahl")]),
    ("Einem Reporter erklärte die Sprecherin, das sei „reine Spekulation“.",
     [("reine Spekulation", "die Sprecherin", "die Sprecherin")]),
]

# "nach Angaben von X", "X zufolge", "heißt es in X", "in X heißt es", "Darin heißt es".
SOURCES: list[Row] = [
    ("Nach Angaben der Polizei wurden „mindestens zwölf Menschen“ verletzt.",
     [("mindestens zwölf Menschen", "der Polizei", "der Polizei")]),
    ("Nach Ansicht von Experten ist das Gesetz „verfassungswidrig“.",
     [("verfassungswidrig", "Experten", "Experten")]),
    ("Nach Auffassung des Gerichts war die Kündigung „unverhältnismäßig“.",
     [("unverhältnismäßig", "des Gerichts", "des Gerichts")]),
    ("Der Plan sei „nicht finanzierbar“, wie der Rechnungshof mitteilte.",
     [("nicht finanzierbar", "der Rechnungshof", "der Rechnungshof")]),
    ("In dem Bericht heißt es, die Mängel seien „gravierend“.",
     [("gravierend", "dem Bericht", "dem Bericht")]),
    ("In einer Erklärung der Regierung hieß es: „Wir verurteilen den Angriff.“",
     [("Wir verurteilen den Angriff.", "einer Erklärung der Regierung",
       "einer Erklärung der Regierung")]),
    ("Die Behörde veröffentlichte am Montag eine Stellungnahme. Darin heißt es: „Die Werte "
     "sind unbedenklich.“",
     [("Die Werte sind unbedenklich.", "eine Stellungnahme", "eine Stellungnahme")]),
    ("Aus dem Ministerium hieß es, man prüfe „alle Optionen“.",
     [("alle Optionen", "dem Ministerium", "dem Ministerium")]),
    ("„Wir prüfen den Fall“, hieß es aus dem Rathaus.",
     [("Wir prüfen den Fall", "dem Rathaus", "dem Rathaus")]),
]

# A short name in quotation marks after an article and the noun it names is said by nobody;
# after a noun for words somebody used, it is what they said.
NAMED_THINGS: list[Row] = [
    ("Die Band veröffentlicht am Freitag ein Album mit dem Titel „Heimat“, sagte der Manager.",
     [("Heimat", None, None)]),
    ("Am Abend zeigt der Sender den Film „Die Brücke“ und danach die Nachrichten.",
     [("Die Brücke", None, None)]),
    ("Die Firma (Motto: „Sauber und schnell“) wurde verkauft, sagte der Sprecher am Montag.",
     [("Sauber und schnell", None, None)]),
    ("Die Zeitung nennt ihn in der satirischen Kolumne „Der kleine Prinz“ seit Jahren.",
     [("Der kleine Prinz", None, None)]),
    ("Der Minister verteidigte die Bezeichnung „Chaoten“ für die Randalierer.",
     [("Chaoten", "der Minister", "Der Minister")]),
]

# Reported speech in the subjunctive carries on the speaker of the sentence before; the
# indicative does not.
SUBJUNCTIVE: list[Row] = [
    ("Der Landrat sagte am Montag, die Straße bleibe gesperrt. Die Schäden seien „kaum zu "
     "beziffern“.",
     [("kaum zu beziffern", "der Landrat", "Der Landrat")]),
    # Over a run of such sentences; a single word in quotation marks may be the writer's.
    ("Die Ärztin erklärte, die Station sei überlastet. Es fehle an Personal. Man habe „alles "
     "versucht“. Die Lage sei „dramatisch“.",
     [("alles versucht", "die Ärztin", "Die Ärztin"), ("dramatisch", None, None)]),
    ("Die Gewerkschaft kritisierte den Plan scharf. Er gehe „an der Realität vorbei“.",
     [("an der Realität vorbei", "die Gewerkschaft", "Die Gewerkschaft")]),
    ("Der Landrat sagte am Montag, die Straße bleibe gesperrt. Am Nachmittag wurde die Straße "
     "„vorsorglich“ geräumt.",
     [("vorsorglich", None, None)]),
]

# Names: a role noun or a party in parentheses marks a person whose given name no list holds;
# "sie" with a plural verb is a group, not the last woman named.
NAMES: list[Row] = [
    ("Ministerpräsident Gerold Haberkamp (SPD) nannte den Vorschlag „nicht hilfreich“. Er "
     "sprach sich für eine Verschiebung aus.",
     [("nicht hilfreich", "Gerold Haberkamp", "Ministerpräsident Gerold Haberkamp (SPD)")]),
    ("Der Antrag kam von Ansgar Pohlmann (FDP). Er nannte ihn „überfällig“.",
     [("überfällig", "Ansgar Pohlmann", "Er")]),
    ("Landrat Gerold Haberkamp besuchte die Baustelle. Er nannte den Fortschritt "
     "„erfreulich“.",
     [("erfreulich", "Gerold Haberkamp", "Er")]),
    # "er" is no woman named before it; a pronoun inside its sentence takes up the subject
    # that opens the sentence.
    ("Der Vorstand Peter Krause trat zurück. Seine Nachfolgerin wird Julia Brandt. Er nannte "
     "den Schritt „unausweichlich“.",
     [("unausweichlich", "Peter Krause", "Er")]),
    ("Der Verband der Mieter reagierte am Abend, indem er die Stadt zum Handeln aufforderte: "
     "„Es muss sofort etwas passieren.“",
     [("Es muss sofort etwas passieren.", "der Verband der Mieter", "er")]),
    # A role noun and a surname: the surname, resolved to the full name used before.
    ("Landrat Gerold Haberkamp eröffnete die Sitzung. Später sagte Landrat Haberkamp: „Wir "
     "schaffen das.“",
     [("Wir schaffen das.", "Gerold Haberkamp", "Landrat Haberkamp")]),
    ("Die Anwohner protestierten: „Das ist zu laut.“ Die Bürgermeisterin Eva Stahl versprach "
     "Abhilfe. „Wir bleiben hartnäckig“, sagten sie.",
     [("Das ist zu laut.", "die Anwohner", "Die Anwohner"),
      ("Wir bleiben hartnäckig", "die Anwohner", "sie")]),
    ("Die Anwohner protestierten: „Das ist zu laut.“ Die Bürgermeisterin Eva Stahl kam am "
     "Abend. „Ich verstehe den Ärger“, sagte sie.",
     [("Das ist zu laut.", "die Anwohner", "Die Anwohner"),
      ("Ich verstehe den Ärger", "Eva Stahl", "sie")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    PARTICLE_AND_PERFECT + MORE_CUE_VERBS + QUOTED_WITH_WORDS + PARTICIPLE_LAST + SUBJECTS
    + LEAD_INS + SOURCES + NAMED_THINGS + SUBJUNCTIVE + NAMES,
)
def test_german_attribution_shapes(
        text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert language.detect(text) == "de"
    assert attributed(text) == expected
