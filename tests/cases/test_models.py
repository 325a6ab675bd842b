"""The domain model's invariants, enforced by PostgreSQL itself."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments.models import Assessment
from cases.models import Case, Municipality
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    MunicipalityFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def violates(constraint: str, create) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        create()


def test_a_municipality_takes_part_in_a_case_at_most_once():
    participation = ParticipationFactory()
    violates(
        "participation_unique_municipality_per_case",
        lambda: ParticipationFactory(case=participation.case, municipality=participation.municipality),
    )


def test_a_municipality_may_take_part_in_several_cases():
    gennep = MunicipalityFactory(name="Gennep")
    ParticipationFactory(municipality=gennep)
    ParticipationFactory(municipality=gennep)
    assert gennep.participations.count() == 2


def test_case_end_may_not_lie_before_its_start():
    violates("case_end_not_before_start", lambda: CaseFactory(start_date="2013-06", end_date="2012"))


def test_case_end_at_coarser_precision_in_the_start_year_is_allowed():
    case = CaseFactory(start_date="2009-06-01", end_date="2009")
    assert Case.objects.filter(pk=case.pk).exists()


def test_participation_left_not_before_joined():
    violates(
        "participation_left_not_before_joined",
        lambda: ParticipationFactory(joined_on="2015-01-01", left_on="2014-12-31"),
    )


def test_partial_dates_must_be_well_formed_in_the_database():
    violates("case_start_format", lambda: CaseFactory(start_date="1-1-2013"))


def test_partial_date_validation_rejects_impossible_dates_with_a_dutch_message():
    case = CaseFactory.build(start_date="2013-02-30")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "JJJJ-MM-DD" in str(error.value.message_dict["start_date"])


def test_case_numbers_are_unique():
    CaseFactory(number=7)
    violates("case_unique_number", lambda: CaseFactory(number=7))


def test_cases_without_number_may_coexist():
    CaseFactory(number=None)
    CaseFactory(number=None)
    assert Case.objects.filter(number__isnull=True).count() == 2


def test_case_year_must_be_plausible():
    violates("case_year_plausible", lambda: CaseFactory(year=202))


def test_cbs_code_format_and_uniqueness():
    violates("municipality_cbs_code_format", lambda: MunicipalityFactory(cbs_code="0376"))
    MunicipalityFactory(cbs_code="GM0376")
    violates("municipality_unique_cbs_code", lambda: MunicipalityFactory(cbs_code="GM0376"))
    MunicipalityFactory(cbs_code="")
    MunicipalityFactory(cbs_code="")


def test_cbs_code_validation_message_in_dutch():
    with pytest.raises(ValidationError) as error:
        MunicipalityFactory.build(cbs_code="XX12").full_clean()
    assert "GM gevolgd door vier cijfers" in str(error.value)


def test_former_municipality_stays_findable_through_its_merger():
    berg_en_dal = MunicipalityFactory(name="Berg en Dal")
    millingen = MunicipalityFactory(
        name="Millingen aan de Rijn", merged_into=berg_en_dal, merged_on="2015-01-01"
    )
    assert list(berg_en_dal.merged_from.all()) == [millingen]
    assert Municipality.objects.get(name="Millingen aan de Rijn").merged_into == berg_en_dal


def test_municipality_cannot_merge_into_itself():
    municipality = MunicipalityFactory()
    municipality.merged_into = municipality
    violates("municipality_not_merged_into_itself", municipality.save)


def test_the_latest_assessment_is_the_current_one():
    case = CaseFactory()
    AssessmentFactory(case=case, assessed_on="2015", trust_rating="no")
    latest = AssessmentFactory(case=case, assessed_on="2017-03", trust_rating="limited")
    AssessmentFactory(case=CaseFactory(), assessed_on="2020")
    current = Assessment.objects.current()
    assert latest in current
    assert current.count() == 2


def test_same_day_assessments_the_last_recorded_is_current():
    case = CaseFactory()
    AssessmentFactory(case=case, assessed_on="2017")
    second = AssessmentFactory(case=case, assessed_on="2017")
    assert Assessment.objects.filter(case=case).current().get() == second


def test_ratings_outside_the_scale_are_refused_by_the_database():
    violates("assessment_trust_rating_valid", lambda: AssessmentFactory(trust_rating="maybe"))


def test_assessment_lists_its_five_criteria_in_order():
    assessment = AssessmentFactory(images_rating="yes_with_reservations", images_answer="Ja, maar kan beter.")
    criteria = assessment.criteria()
    assert [c["criterion"].value for c in criteria] == ["urgency", "benefits", "trust", "images", "partners"]
    assert criteria[3]["answer"] == "Ja, maar kan beter."
    assert criteria[3]["rating_label"] == "Ja, met kanttekeningen"


def test_every_change_is_recorded_in_the_history():
    case = CaseFactory(title="Oud")
    case.title = "Nieuw"
    case.save()
    assert [h.title for h in case.history.all()] == ["Nieuw", "Oud"]
