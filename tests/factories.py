"""factory_boy factories for the domain model."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from assessments.models import Assessment
from assessments.services import current_check_refresh
from cases.choices import ArrangementType, EventKind, Outcome, ParticipationRole, Province, SourceKind
from cases.models import Case, Event, Municipality, Participation, Source
from core.roles import roles_ensure
from explorations.choices import ExplorationRole
from explorations.models import (
    Exploration,
    ExplorationMunicipality,
    FrameworkCriterion,
    Precondition,
    Variant,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-1")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            if not Group.objects.filter(name=extracted, permissions__isnull=False).exists():
                roles_ensure(Group, Permission)  # a transactional test flushed them
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    province = Province.UTRECHT


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"bron-{n}")
    kind = SourceKind.REPORT
    author = "Korsten"
    title = factory.Sequence(lambda n: f"Rapport {n}")
    date = "2017"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    title = factory.Sequence(lambda n: f"Samenwerking {n}")
    slug = factory.Sequence(lambda n: f"samenwerking-{n}")
    organisation_name = factory.Sequence(lambda n: f"Werkorganisatie {n}")
    arrangement_type = ArrangementType.WERKORGANISATIE
    outcome = Outcome.REALISED
    year = 2014
    summary = "Twee gemeenten voegen hun ambtelijke organisaties samen."


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    case = factory.SubFactory(CaseFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = ParticipationRole.PARTNER


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    case = factory.SubFactory(CaseFactory)
    date = "2014-01-01"
    kind = EventKind.START
    description = "Start van de werkorganisatie."


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    assessed_on = "2017"
    assessor = "Korsten"
    urgency_rating = "yes"
    urgency_answer = "Ja."
    benefits_rating = "yes"
    benefits_answer = "Ja."
    trust_rating = "yes"
    trust_answer = "Ja."
    images_rating = "yes"
    images_answer = "Ja."
    partners_rating = "yes"
    partners_answer = "Ja."

    @factory.post_generation
    def current(self, create, extracted, **kwargs):
        """Keep the case list's CurrentCheck mirror as the services would."""
        if create:
            current_check_refresh(case_ids=[self.case_id])


class ExplorationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exploration

    title = factory.Sequence(lambda n: f"Verkenning {n}")
    slug = factory.Sequence(lambda n: f"verkenning-{n}")
    urgency = "De organisaties worden kwetsbaar."


class ExplorationMunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExplorationMunicipality

    exploration = factory.SubFactory(ExplorationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = ExplorationRole.PARTNER


class PreconditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Precondition

    exploration = factory.SubFactory(ExplorationFactory)
    name = factory.Sequence(lambda n: f"Randvoorwaarde {n}")


class FrameworkCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkCriterion

    exploration = factory.SubFactory(ExplorationFactory)
    name = factory.Sequence(lambda n: f"Criterium {n}")


class VariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Variant

    exploration = factory.SubFactory(ExplorationFactory)
    name = factory.Sequence(lambda n: f"Variant {n}")
    strengths = factory.LazyFunction(lambda: ["Flexibel"])


def bar_dossier():
    """The BAR-gemeenten: three partners, one event, one check, a two-line narrative (the `dossier`
    fixture, and fixtures of a wider scope)."""
    case = CaseFactory(
        title="BAR-gemeenten", slug="bar", start_date="2014", narrative="Eerste regel.\nTweede regel."
    )
    for name in ("Barendrecht", "Albrandswaard", "Ridderkerk"):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name, slug=name.lower()))
    EventFactory(case=case, date="2014-01-01")
    AssessmentFactory(case=case, trust_answer="Ja.")
    return case
