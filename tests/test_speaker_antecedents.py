"""Speaker names that must not turn into an organisation or the wrong person: a name after
an honorific before "of", an organisation's "of" phrase, a possessive owner's organisation,
a title's sex choosing among full forms (invented news text, expected [(quoted words,
speaker name, mention)]) tables."""

from __future__ import annotations

import pytest

from service.speakers import _entity_tokens
from tests.handmade import attributed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An honorific marks its own part of "X of Y" as the person, not the employer.
        ("Gary Pruitt runs the network.\n\n“We will not cut the show,” said Mr. Pruitt of "
         "Channelnine.",
         [("We will not cut the show,", "Gary Pruitt", "Mr. Pruitt of Channelnine")]),
        # A place that ends an organisation's name is not that organisation (a guard: the
        # organisation rule below must not make "Ohio" grow into the university).
        ("Lena Park teaches at the University of Ohio. Ohio voters were split.\n\n"
         "“It is close,” said Ohio.",
         [("It is close,", "Ohio", "Ohio")]),
        # A woman's title prefers the full form whose given name is a woman's.
        ("Zorvan Reed and Martha Reed own the farm.\n\n“We will sell,” Mrs. Reed said.",
         [("We will sell,", "Martha Reed", "Mrs. Reed")]),
    ],
)
def test_name_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert attributed(text) == expected


@pytest.mark.parametrize(
    ("run", "entity"),
    [
        # An organisation word's "of" phrase names the organisation, never a person in it ...
        ("Council of Economic Planners", ("Council", "of", "Economic", "Planners")),
        ("Board of Trade Analysts", ("Board", "of", "Trade", "Analysts")),
        # ... also after a possessive owner.
        ("President Tom Reed’s Council of Economic Planners",
         ("Council", "of", "Economic", "Planners")),
        # An honorific marks its own part of "X of Y" as the person.
        ("Mr. Pruitt of Channelnine", ("Pruitt",)),
        # Unchanged: a person of an organisation, a role's portfolio, a headline's "Of".
        ("Jane Doe of Climate Action Now", ("Jane", "Doe")),
        ("Secretary of State Ann Lee", ("Ann", "Lee")),
        ("Illinois Board Of Election Finds", ("Election", "Finds")),
    ],
)
def test_entity_of_run(run: str, entity: tuple[str, ...]) -> None:
    assert _entity_tokens(run) == entity
