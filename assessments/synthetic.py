"""Synthetic dossiers for benchmarks: many plausible cases, written in bulk, deterministic per seed.

`synthetic_cases_create(count=10_000, seed=1)` adds `count` cases with 2-4 participating
municipalities (from a pool of synthetic municipalities), 2-3 events and one or two checks each,
then fills the search vectors and the current-check table the way the app's services do. The
texts are Dutch-like and as long as the seed cases' (about 4 KB per dossier), so that searching
and ranking cost what they cost on real data. No history records are written.
"""

import random

from django.db import transaction

from assessments.choices import Criterion, Rating
from assessments.models import Assessment
from assessments.services import current_check_refresh
from cases.choices import ArrangementType, EventKind, Outcome, ParticipationRole, Province
from cases.models import Case, Event, Municipality, Participation
from cases.services import case_search_refresh

PREFIXES = ["", "Nieuw-", "Oud-", "Groot-", "Klein-", "Noord-", "Zuid-", "Oost-", "West-", "Sint-"]
ROOTS = ["Beek", "Brug", "Dal", "Dijk", "Donk", "Gouw", "Ham", "Hoven", "Kerk", "Laar", "Lo", "Meer",
         "Rade", "Sloot", "Veen", "Vliet", "Voort", "Waard", "Wold", "Zand"]  # fmt: skip
SUFFIXES = ["dam", "dorp", "horst", "hout", "huizen", "kamp", "land", "rode", "stein", "wijk"]
_VOCABULARY = """
gemeente ambtelijke organisatie samenwerking werkorganisatie bestuur raad college burgemeester
wethouder personeel formatie kosten besparing kwaliteit kwetsbaarheid dienstverlening inwoners
identiteit vertrouwen cultuur verschil reorganisatie plaatsing directie gemeenschappelijke
regeling evaluatie draagvlak onderzoek advies provincie regio voorzieningen belastingen ict
huisvesting medewerkers ondernemingsraad besluit fusie zelfstandigheid taken uitvoering
"""
WORDS = _VOCABULARY.split()
COMMON_WORD_SHARE = 0.98  # "samenwerking" occurs in this share of the dossiers, as in the seed cases
BATCH = 1000


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def _municipality_pool(rng: random.Random, seed: int, size: int) -> list[Municipality]:
    names = sorted({f"{p}{r}{s}" for p in PREFIXES for r in ROOTS for s in SUFFIXES})
    chosen = rng.sample(names, size)
    provinces = Province.values
    pool = [
        Municipality(name=name, slug=f"syn{seed}-{name.lower()}", province=rng.choice(provinces))
        for name in chosen
    ]
    Municipality.objects.bulk_create(pool, batch_size=BATCH, ignore_conflicts=True)
    return list(Municipality.objects.filter(slug__in=[m.slug for m in pool]))


def _case(rng: random.Random, seed: int, index: int, partners: list[Municipality]) -> Case:
    names = [m.name for m in partners]
    common = " Een samenwerking op ambtelijk niveau." if rng.random() < COMMON_WORD_SHARE else ""
    year = rng.choice([None, *range(1995, 2025)])
    return Case(
        title=f"{'-'.join(names)} ({index})",
        slug=f"syn{seed}-{index}",
        organisation_name=f"Werkorganisatie {names[0]}",
        arrangement_type=rng.choice(ArrangementType.values),
        outcome=rng.choice(Outcome.values),
        year=year,
        start_date=str(year) if year else "",
        summary=f"{' en '.join(names)} voegen hun ambtelijke organisaties samen.{common} "
        + _paragraph(rng, 3),
        narrative="\n\n".join(_paragraph(rng, 6) for _ in range(4)),
        lessons=_paragraph(rng, 2),
    )


def _assessment(rng: random.Random, case: Case, assessed_on: str) -> Assessment:
    values = {}
    for criterion in Criterion.values:
        values[f"{criterion}_rating"] = rng.choice(Rating.values)
        values[f"{criterion}_answer"] = _sentence(rng, rng.randint(6, 14))
    return Assessment(case=case, assessed_on=assessed_on, assessor="Synthetisch", **values)


@transaction.atomic
def synthetic_cases_create(*, count: int, seed: int) -> int:
    """Add `count` synthetic cases (slugs `syn<seed>-<n>`) with their relations; return how many."""
    rng = random.Random(seed)
    pool = _municipality_pool(rng, seed, size=min(400, max(8, count // 25)))
    start = Case.objects.filter(slug__startswith=f"syn{seed}-").count()
    created = 0
    for offset in range(0, count, BATCH):
        groups = [rng.sample(pool, rng.randint(2, 4)) for _ in range(min(BATCH, count - offset))]
        cases = Case.objects.bulk_create(
            [_case(rng, seed, start + offset + i + 1, group) for i, group in enumerate(groups)]
        )
        participations, events, checks = [], [], []
        for case, group in zip(cases, groups, strict=True):
            for position, municipality in enumerate(group):
                role = ParticipationRole.PARTNER if position < 2 else rng.choice(ParticipationRole.values)
                participations.append(Participation(case=case, municipality=municipality, role=role))
            base = case.year or 2010
            for step in range(rng.randint(2, 3)):
                events.append(
                    Event(
                        case=case,
                        date=f"{base + step}-{rng.randint(1, 12):02d}",
                        kind=rng.choice(EventKind.values),
                        description=_sentence(rng, 10),
                    )
                )
            checks.append(_assessment(rng, case, "2017"))
            if rng.random() < 0.4:
                checks.append(_assessment(rng, case, "2022"))
        Participation.objects.bulk_create(participations)
        Event.objects.bulk_create(events)
        Assessment.objects.bulk_create(checks)
        ids = [case.pk for case in cases]
        case_search_refresh(case_ids=ids)
        current_check_refresh(case_ids=ids)
        created += len(cases)
    return created
