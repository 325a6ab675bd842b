"""Synthetic cases for benchmarks: many plausible dossiers, made fast with bulk_create.

Not for tests of content: the texts are shuffled Dutch words. Every case gets 2-4 participating
municipalities (from a pool of synthetic ones), 2-3 events and one or two five-point checks, and
its search vector is filled by the app's own `case_search_refresh`. The titles carry the word
`synthetic_token(seed)`, so that a search on it selects exactly one batch; `synthetic_cases_delete`
removes a batch again.
"""

import random

from django.db import transaction

from assessments.interface import Assessment, Criterion, Rating
from cases.choices import ArrangementType, EventKind, Outcome, ParticipationRole, Province
from cases.models import Case, Event, Municipality, Participation
from cases.services import case_search_refresh

WORDS_TEXT = (
    "gemeente raad ambtelijke organisatie samenwerking werkorganisatie bestuur college burgers "
    "dienstverlening kwaliteit kosten besparing kwetsbaarheid personeel cultuur vertrouwen "
    "regie identiteit provincie evaluatie besluit verkenning taken uitvoering beleid financiën "
    "wethouder griffie huisvesting automatisering inwoners dorpen kernen afstand nabijheid"
)
WORDS = WORDS_TEXT.split(" ")
MUNICIPALITY_POOL = 60
BATCH = 500


def synthetic_token(seed: int) -> str:
    """The word in the title of every case of batch `seed` ("synthbatch7")."""
    return f"synthbatch{seed}"


def _text(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        length = min(words, rng.randint(8, 18))
        sentence = " ".join(rng.choice(WORDS) for _word in range(length))
        sentences.append(sentence.capitalize() + ".")
        words -= length
    return " ".join(sentences)


def _municipalities() -> list[Municipality]:
    provinces = Province.values
    Municipality.objects.bulk_create(
        [
            Municipality(
                name=f"Synthetisch {n}", slug=f"synthetisch-{n}", province=provinces[n % len(provinces)]
            )
            for n in range(MUNICIPALITY_POOL)
        ],
        ignore_conflicts=True,
    )
    return list(Municipality.objects.filter(slug__startswith="synthetisch-"))


def _case(rng: random.Random, seed: int, number: int) -> Case:
    year = rng.randint(1995, 2024)
    return Case(
        title=f"Samenwerking {synthetic_token(seed)} {number}",
        slug=f"synth-{seed}-{number}",
        organisation_name=f"Werkorganisatie {number}",
        arrangement_type=rng.choice(ArrangementType.values),
        outcome=rng.choice(Outcome.values),
        year=year,
        start_date=str(year),
        summary=_text(rng, 90),
        narrative=_text(rng, 400),
        lessons=_text(rng, 45),
    )


def _children(rng: random.Random, case: Case, pool: list[Municipality]) -> tuple[list, list, list]:
    chosen = rng.sample(pool, rng.randint(2, 4))
    roles = [ParticipationRole.HOST, ParticipationRole.PARTNER] + [ParticipationRole.PARTNER] * 2
    participations = [
        Participation(case=case, municipality=municipality, role=role)
        for municipality, role in zip(chosen, roles, strict=False)
    ]
    kinds = [EventKind.EXPLORATION, EventKind.COUNCIL_DECISION, EventKind.START]
    events = [
        Event(case=case, date=str(case.year - 2 + index), kind=kind, description=_text(rng, 20))
        for index, kind in enumerate(kinds[: rng.randint(2, 3)])
    ]
    assessments = []
    for index in range(rng.randint(1, 2)):
        values = {f"{criterion}_rating": rng.choice(Rating.values) for criterion in Criterion.values}
        values |= {f"{criterion}_answer": _text(rng, 20) for criterion in Criterion.values}
        assessments.append(
            Assessment(case=case, assessed_on=str(2015 + index), assessor="Synthetisch", **values)
        )
    return participations, events, assessments


@transaction.atomic
def synthetic_cases_create(*, count: int, seed: int) -> int:
    """Create `count` synthetic cases of batch `seed` (the same seed gives the same texts); return count."""
    rng = random.Random(seed)
    pool = _municipalities()
    start = Case.objects.filter(slug__startswith=f"synth-{seed}-").count()
    for offset in range(start, start + count, BATCH):
        numbers = range(offset + 1, min(offset + BATCH, start + count) + 1)
        cases = Case.objects.bulk_create([_case(rng, seed, number) for number in numbers])
        participations, events, assessments = [], [], []
        for case in cases:
            made = _children(rng, case, pool)
            participations += made[0]
            events += made[1]
            assessments += made[2]
        Participation.objects.bulk_create(participations)
        Event.objects.bulk_create(events)
        Assessment.objects.bulk_create(assessments)
        case_search_refresh(case_ids=[case.pk for case in cases])
    return count


@transaction.atomic
def synthetic_cases_delete(*, seed: int) -> int:
    """Delete the synthetic cases of batch `seed` with their children; return how many cases."""
    cases = Case.objects.filter(slug__startswith=f"synth-{seed}-")
    count = cases.count()
    Assessment.objects.filter(case__in=cases).delete()
    cases.delete()
    return count
