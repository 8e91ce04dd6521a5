"""Verify time as the documents grow: 1×, 2×, 4×, … 128× an article, and the cost of each doubling.

Usage: python bench/perf_scale.py [--max-copies 128] [--budget SECONDS] [--profile COPIES]

The article is invented here (three local news stories, 5.3 kB with 20 quotations, and a
rewrite of them, 3.2 kB, that keeps some quotes, edits, trims, misattributes, drops and invents
others). Copy k of the article gets its own town, people, numbers and a rotation of the
wording, so no quotation repeats anywhere in a document: a 64× document is 64 different
stories, as a long feed is.

Every size runs in a fresh child process (so one size's caches and garbage do not bill the
next) and is timed end to end through ``service.pipeline.verify`` and stage by stage, best of
up to five runs while they fit in about two seconds (small sizes are noisy); a size
that does not finish within ``--budget`` seconds is reported as such and the larger sizes are
not attempted. Target: every doubling ≤ 2.3× the time, and a 1 MB pair completes (64× is 0.55 M
characters, 128× is 1.1 M).
``--profile K`` instead runs pyinstrument on the K× pair and prints where the time goes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import alignment, document, pipeline, verdicts  # noqa: E402

TARGET_DOUBLING = 2.3

FIRST = (
    "Ingrid", "Tomas", "Aisha", "Mateo", "Priya", "Kwame", "Elena", "Jonas", "Mariam", "Rafael",
    "Sunita", "Declan", "Hana", "Oskar", "Leila", "Bruno", "Yuki", "Fatima", "Pieter", "Amara",
    "Nikolai", "Carmen", "Idris", "Freya", "Emeka", "Lucia", "Soren", "Noor", "Callum", "Ines",
    "Viktor", "Zanele", "Matthias", "Rosa", "Tariq",
)  # fmt: skip
LAST = (
    "Solberg", "Berg", "Okafor", "Lindqvist", "Haddad", "Moreau", "Castellano", "Nakamura",
    "Brennan", "Kowalski", "Mensah", "Varga", "Ferreira", "Adeyemi", "Halvorsen", "Quintero",
    "Petrov", "Achterberg", "Delacroix", "Oyelaran", "Marchetti", "Szabo", "Rahman", "Whitlock",
    "Eriksen", "Gallagher", "Novak", "Abernathy", "Kuznetsova", "Ibarra", "Thorsen", "Mbeki",
    "Castillo", "Verhoeven", "Lindgren", "Mwangi", "Rossetti",
)  # fmt: skip
TOWNS = (
    "Alderbury", "Brackenford", "Caldermouth", "Dunmere", "Eastwick", "Fallowfield", "Glenrock",
    "Harrowgate", "Ironbridge", "Kestrel Bay", "Larkhill", "Millbrook", "Northam", "Oakhurst",
    "Pennington", "Queensferry", "Redcliffe", "Stonehaven", "Thornbury", "Upton Marsh",
    "Valebridge", "Westerly", "Yarrowby", "Ashcombe", "Birchmoor", "Coldharbour", "Deepdale",
    "Elmstead", "Foxley", "Greywater", "Hollins", "Kingsmere", "Lowther",
)  # fmt: skip
RIVERS = ("Aln", "Brue", "Calder", "Dove", "Eden", "Frome", "Greta", "Hodder", "Isbourne",
          "Kent", "Lune", "Mole", "Nidd", "Ouse", "Parrett", "Rother", "Swale", "Teme", "Ure")
DAMAGE = ("cellars", "kitchens", "shopfronts", "garages", "ground floors", "workshops",
          "basements", "stockrooms", "classrooms", "surgeries", "chapels", "bakeries")
FEELING = ("furious", "exhausted", "heartbroken", "frightened", "bewildered", "angry",
           "worn out", "desperate", "shaken", "disgusted", "stunned", "bitter")
PROMISE = ("a new flood wall", "raised embankments", "a pumping station", "storage ponds",
           "a relief channel", "demountable barriers", "a storm culvert", "upstream woodland")
ROUTE = ("the 14 to the hospital", "the night buses", "the school services", "the ring road",
         "the airport shuttle", "the market route", "the park-and-ride", "the coastal line")
CONCERN = ("safety", "fatigue", "the rota", "broken heaters", "split shifts", "cab cameras",
           "late payments", "sick pay", "overtime rules", "pension cuts")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The source article: two stories, each with quotations in the usual newsroom shapes
# (quote–speaker–verb, a split quote, a colon lead-in, a pronoun, a surname, "according to").
SOURCE = """\
Flood defences in {town} failed as the {river} burst its banks

Residents of {town} spent {day} pumping water from {damage} after the {river} rose {rise} metres \
overnight and poured over a defence wall that engineers had inspected only in {month}.

“We were told the wall at {town} would hold for a hundred years, and it lasted \
{years} winters,” said {p1}, who has lived on {street} Street for {tenure} years. \
“Now the water is {feeling_depth} centimetres deep in my {damage_one}.”

The council's head of environment, {p2}, said the authority had spent £{spend} million on \
repairs since the last flood. “Nobody could have predicted a rise of {rise} metres in six \
hours,” {s2} said. “The gauges at {gauge} above {town} showed nothing unusual until after \
midnight.”

{p3}, a hydrologist at the University of {uni}, disputed that account. “The warnings were \
there for anyone who looked at the upstream data from {gauge} above {town},” {s3} said, \
adding that the river had broken a record set in {record}.

Local businesses were counting the cost. “I have lost {stock} pounds of stock and my \
insurer says the policy excludes {damage_one} flooding,” said {p4}, who runs a hardware shop \
near the bridge.

According to {p2}, the council will ask the government for {promise} before the winter. \
“We will not let {town} go through this again,” {s2} said.

Residents said they were {feeling}. “Every time it rains now, my children ask if the house \
on {street} Street in {town} will flood,” said {p5}.

Bus drivers in {town} walk out over {concern}

Bus drivers in {town} will strike for {strike_days} days from {day}, cutting services \
including {route}, after talks over {concern} broke down at {hour} in the morning.

{p6}, the union's regional organiser, said drivers had been patient for {months} months \
with {town}. “Our members have worked through {concern} without complaint, but \
{number} of them signed the petition in a single week,” {s6} said. \
“This is not about money; it is about {concern} \
and being treated with respect in {town}.”

The operator called the strike “regrettable and unnecessary for {town}”. Its managing \
director, {p7}, told reporters: “We put a fair offer of {offer} per cent on the table on \
{day_two} and the union walked away from it without a ballot of {number} drivers.”

Passengers were less patient. “I rely on {route} to get to my shift in {town}, and \
nobody at the depot in {town} has told us what we should do instead,” \
said {p8}, a care worker from {suburb}.

{s6} said the union was ready to talk “at any hour, in any room in {town}”.

The dispute is the third in the region this year. Drivers at depots in {suburb} and \
{gauge_town} settled earlier disputes after the operator agreed to review rest breaks, and \
the union says the same review has never reached {town}. The operator carried {riders} \
passengers a week in {town} last year, most of them on routes that run past the hospital \
and the college.

The flood came three years after the council consulted on a plan to move the defences back \
from the water's edge and let the meadows below {town} take the overflow. That plan was \
shelved when its cost rose to £{plan} million, and the wall was patched instead. Insurers \
estimate that {homes} homes in the {river} valley now sit in the highest risk band, and \
several have stopped offering new cover on {street} Street altogether.

Volunteers from the rowing club and the {suburb} scout group carried sandbags through the \
night, and the community hall opened as a rest centre with camp beds and hot food. By the \
evening the water had begun to fall, leaving a line of silt on doors and garden walls.

School closure plan divides parents in {suburb}

Parents in {suburb} packed a meeting on {day_two} evening over plans to close the village \
primary school, which has {pupils} pupils, and move its classes to a new building in {town} \
from September.

The education authority says the school has lost a third of its pupils in a decade and needs \
£{repairs} of repairs to its roof and heating. Its report proposes free transport for every \
child who would have to travel more than two miles.

“A school of {pupils} children is the heart of {suburb}, and once it closes it will never \
come back,” said {p9}, who chairs the parents' association. “Our children would spend an \
hour a day on a bus to sit in classes of thirty in {town}.”

The authority's director of education, {p10}, defended the proposal. “We cannot justify \
spending £{repairs} on a building in {suburb} that is half empty,” {s10} \
said. “The new school \
in {town} will have a library, a sports hall and specialist teachers that a village school cannot \
afford.”

Not all parents opposed the move. {p11}, whose two sons attend the school, said the new \
building would offer more. “My boys have shared a classroom with three other year groups \
since {term}, and the children of {suburb} deserve better than that,” {s11} said.

A consultation will run until the end of {month}, and councillors are due to vote in the \
autumn. {s9} said the association would ask for a judicial review if the closure went ahead, \
calling the consultation “a decision already made in {town}”.
"""

# The rewrite: reordered and condensed, with some quotations kept, some edited, one trimmed
# with an ellipsis, one given to the wrong person, one dropped, and one invented from narration.
CANDIDATE = """\
{town} counts the cost of the {river} flood

Homes and shops in {town} were flooded on {day} when the {river} rose {rise} metres in a \
night and topped a wall inspected in {month}.

"We were told the wall at {town} would hold for a hundred years, and it lasted {years} winters," \
{p1} said. "Now the water is {feeling_depth} centimetres deep in my {damage_one}."

{p2}, the council's head of environment, said £{spend} million had gone on repairs. "No one \
could have predicted a rise of {rise} metres in six hours," {s2} said.

A hydrologist, {p3} of the University of {uni}, said: "The warnings were there … in the \
upstream data from {gauge} above {town}."

"I have lost {stock} pounds of stock and my insurer says the policy excludes every kind of \
{damage_one} flooding," said {p5}, who runs a hardware shop near the bridge.

"We will not let {town} go through this ever again," {s2} said, promising to seek \
{promise} before the winter.

Residents said they felt "{feeling} and forgotten in {town}".

Strike hits {town} buses over {concern}

{town}'s bus drivers begin a {strike_days}-day strike on {day}, with {route} among the \
services cut, after talks on {concern} collapsed at {hour} in the morning.

"Our members have worked through {concern} without complaint, but \
{number} of them signed the petition in a single week," said {p6}, the union's \
regional organiser. "This is about \
{concern} and being treated with respect in {town}."

{p7}, the operator's managing director, said: "We put a fair offer of {offer} per cent on the \
table on {day_two} and the union walked away from it."

"I rely on {route} to get to my shift in {town}," said {p8}, a care worker from \
{suburb}. "Nobody at the depot in {town} has told us what we should \
do."

The union said drivers in {town} had been "patient for {months} \
months with {town}". The operator carried \
{riders} passengers a week in {town} last year.

Volunteers filled sandbags through the night and the community hall opened as a rest \
centre. A plan to move the defences back from the river was shelved three years ago when \
its cost rose to £{plan} million; insurers say {homes} homes in the valley are now in the \
highest risk band.

{suburb} parents fight school closure

Plans to close {suburb}'s primary school, with {pupils} pupils, and move its classes to \
{town} from September drew a packed meeting on {day_two}.

"A school of {pupils} children is the heart of {suburb}, and once it closes it will never \
come back," said {p9}, chair of the parents' association.

{p10}, director of education, said the authority could not justify "spending £{repairs} on \
a building in {suburb} that is half empty". "The new school in {town} will have a library, a \
sports hall and specialist teachers," {s10} said.

{p11}, a mother of two pupils, backed the move: "My boys have shared a classroom with three \
other year groups since {term}, and the children of {suburb} deserve better."

The consultation closes at the end of {month}. The parents' association called it "a \
decision already made in {town}" and said it may seek a judicial review.
"""


def _person(copy: int, slot: int) -> tuple[str, str]:
    # Different strides for first and last names: 35 × 37 combinations, none repeats soon.
    first = FIRST[(copy * 8 + slot) % len(FIRST)]
    last = LAST[(copy * 9 + slot * 4) % len(LAST)]
    return f"{first} {last}", last


def _pick(words: tuple[str, ...], copy: int, slot: int = 0) -> str:
    return words[(copy * 5 + slot) % len(words)]


def _fields(copy: int) -> dict[str, str]:
    fields: dict[str, str] = {}
    for slot in range(1, 12):
        full, last = _person(copy, slot)
        fields[f"p{slot}"], fields[f"s{slot}"] = full, last
    town = TOWNS[copy % len(TOWNS)]
    # Past the list, towns take a distinguishing suffix, as real places do.
    if copy >= len(TOWNS):
        town = f"{town} {('Upper', 'Lower', 'Great', 'Little')[copy // len(TOWNS) % 4]}"
    fields.update(
        town=town,
        suburb=_pick(TOWNS, copy, 7),
        river=_pick(RIVERS, copy),
        gauge=f"{_pick(TOWNS, copy, 3)} weir",
        uni=_pick(TOWNS, copy, 11),
        street=_pick(LAST, copy, 2),
        day=WEEKDAYS[copy % 7],
        day_two=WEEKDAYS[(copy + 3) % 7],
        month=("March", "April", "May", "June", "July", "August")[copy % 6],
        damage=_pick(DAMAGE, copy),
        damage_one=_pick(DAMAGE, copy, 1).removesuffix("s"),
        feeling=_pick(FEELING, copy),
        promise=_pick(PROMISE, copy),
        route=_pick(ROUTE, copy),
        concern=_pick(CONCERN, copy),
        rise=f"{1 + copy // 10}.{copy % 10}",
        years=str(3 + copy % 17),
        tenure=str(10 + copy * 3 % 50),
        feeling_depth=str(20 + copy),
        spend=f"{1 + copy % 9}.{copy % 10}",
        record=str(1950 + copy * 7 % 70),
        stock=f"{12_000 + copy * 250:,}",
        strike_days=str(2 + copy % 12),
        hour=str(1 + copy % 5),
        months=str(4 + copy % 20),
        number=str(150 + copy * 3),
        plan=f"{4 + copy % 7}.{copy % 10}",
        homes=str(300 + copy * 11),
        pupils=str(40 + copy),
        repairs=f"{(900 + copy * 15) * 1000:,}",
        term=("Easter", "Christmas", "September", "half-term")[copy % 4],
        gauge_town=_pick(TOWNS, copy, 5),
        riders=f"{(20 + copy) * 1000:,}",
        offer=f"{2 + copy // 10}.{copy % 10}",
    )
    return fields


def build_pair(copies: int) -> tuple[str, str]:
    """The source and candidate documents made of ``copies`` distinct copies of the article."""
    parts = [_fields(copy) for copy in range(copies)]
    source = "\n\n".join(SOURCE.format(**fields) for fields in parts)
    candidate = "\n\n".join(CANDIDATE.format(**fields) for fields in parts)
    return source, candidate


def _timed(step: Callable[[], object]) -> float:
    """Best of up to five runs of ``step``, stopping once about two seconds are spent."""
    best, spent = float("inf"), 0.0
    for _ in range(5):
        started = time.perf_counter()
        step()
        took = time.perf_counter() - started
        best, spent = min(best, took), spent + took
        if spent > 2.0:
            break
    return best


def measure(copies: int) -> dict[str, float]:
    """Seconds for the whole verify and for each stage, on the ``copies``× pair."""
    source, candidate = build_pair(copies)
    pipeline.verify(*build_pair(1))  # warm-up: patterns, word lists
    total = _timed(lambda: pipeline.verify(source, candidate))
    docs = (document.parse(source), document.parse(candidate))
    found = tuple(pipeline.extract_plain(doc) for doc in docs)
    matches = alignment.align(docs[0], found[0], docs[1], found[1])
    return {
        "characters": float(len(source) + len(candidate)),
        "quotes": float(len(found[0]) + len(found[1])),
        "verify": total,
        "parse": _timed(lambda: (document.parse(source), document.parse(candidate))),
        "extract": _timed(lambda: tuple(pipeline.extract_plain(doc) for doc in docs)),
        "align": _timed(lambda: alignment.align(docs[0], found[0], docs[1], found[1])),
        "judge": _timed(lambda: verdicts.judge(docs[0], found[0], docs[1], found[1], matches)),
    }


def _child(copies: int, budget: float) -> dict[str, float] | None:
    command = [sys.executable, __file__, "--one", str(copies)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget,
                              check=True)
    except subprocess.TimeoutExpired:
        return None
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def _profile(copies: int) -> None:
    from pyinstrument import Profiler  # the bench extra

    source, candidate = build_pair(copies)
    pipeline.verify(*build_pair(1))
    profiler = Profiler()
    with profiler:
        pipeline.verify(source, candidate)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--max-copies", type=int, default=128)
    parser.add_argument("--budget", type=float, default=300.0,
                        help="seconds one size may take (verify plus its stage timings)")
    parser.add_argument("--profile", type=int, metavar="COPIES")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's entry
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return 0
    if args.profile is not None:
        _profile(args.profile)
        return 0

    print(f"{'copies':>6} {'chars':>9} {'quotes':>6} {'verify s':>9} {'x prev':>7}   "
          f"{'parse':>7} {'extract':>8} {'align':>8} {'judge':>8}")
    previous: float | None = None
    worst = 0.0
    completed = 0
    copies = 1
    while copies <= args.max_copies:
        figures = _child(copies, args.budget)
        if figures is None:
            print(f"{copies:>6} did not complete within {args.budget:.0f} s; larger sizes "
                  "not attempted")
            break
        ratio = "" if previous is None else f"{figures['verify'] / previous:.2f}"
        if previous is not None:
            worst = max(worst, figures["verify"] / previous)
        print(f"{copies:>6} {figures['characters']:>9,.0f} {figures['quotes']:>6.0f} "
              f"{figures['verify']:>9.3f} {ratio:>7}   {figures['parse']:>7.3f} "
              f"{figures['extract']:>8.3f} {figures['align']:>8.3f} {figures['judge']:>8.3f}",
              flush=True)
        previous = figures["verify"]
        completed = copies
        copies *= 2
    verdict = "meets" if worst <= TARGET_DOUBLING and completed == args.max_copies else "MISSES"
    print(f"largest size completed: {completed}x; worst doubling {worst:.2f}x "
          f"({verdict} the <= {TARGET_DOUBLING}x target up to {args.max_copies}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
