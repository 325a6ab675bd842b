"""The CurrentCheck mirror the case list reads: kept in step by the services that write checks."""

import pytest
from django.urls import reverse

from assessments.models import CurrentCheck
from assessments.services import assessment_create, assessment_update, current_check_refresh
from tests.factories import AssessmentFactory, CaseFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def check_data(**ratings) -> dict:
    data = {"assessed_on": "2022", "assessor": "Adviseur", "note": ""}
    for criterion in ("urgency", "benefits", "trust", "images", "partners"):
        data[f"{criterion}_rating"] = ratings.get(criterion, "yes")
        data[f"{criterion}_answer"] = "Ja."
    return data


def partnered_case():
    case = CaseFactory()
    ParticipationFactory(case=case)
    ParticipationFactory(case=case)
    return case


def test_a_new_check_becomes_the_current_one_in_the_same_transaction(adviseur):
    case = partnered_case()
    AssessmentFactory(case=case, assessed_on="2017", trust_rating="yes")
    assert CurrentCheck.objects.get(case=case).trust_rating == "yes"
    assessment_create(case_id=case.pk, user=adviseur, expected_version=1, data=check_data(trust="no"))
    current = CurrentCheck.objects.get(case=case)
    assert (current.trust_rating, current.assessed_on) == ("no", "2022")


def test_correcting_the_current_check_updates_the_mirror(adviseur):
    case = partnered_case()
    assessment = AssessmentFactory(case=case, assessed_on="2017")
    assessment_update(
        assessment_id=assessment.pk, user=adviseur, expected_version=1, data=check_data(partners="limited")
    )
    assert CurrentCheck.objects.get(case=case).partners_rating == "limited"


def test_refresh_removes_the_mirror_of_a_case_without_checks():
    case = partnered_case()
    assessment = AssessmentFactory(case=case)
    assessment.delete()
    current_check_refresh(case_ids=[case.pk])
    assert not CurrentCheck.objects.filter(case=case).exists()


def test_the_list_filters_on_the_current_check_only(client, raadslid, adviseur):
    case = partnered_case()
    AssessmentFactory(case=case, assessed_on="2017", urgency_rating="no")
    client.force_login(raadslid)
    assert [c.pk for c in client.get(reverse("case-list"), {"urgency": "no"}).context["object_list"]] == [
        case.pk
    ]
    assessment_create(case_id=case.pk, user=adviseur, expected_version=1, data=check_data(urgency="yes"))
    assert list(client.get(reverse("case-list"), {"urgency": "no"}).context["object_list"]) == []


def test_the_admin_case_search_finds_municipality_names_without_a_join(
    client, staff, django_assert_max_num_queries
):
    from tests.factories import MunicipalityFactory

    case = CaseFactory(title="Drechtsteden")
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Zwijndrecht"))
    CaseFactory(title="Iets anders")
    client.force_login(staff)
    response = client.get("/admin/cases/case/", {"q": "zwijndrecht"})
    assert [c.title for c in response.context["cl"].result_list] == ["Drechtsteden"]
    assert "DISTINCT" not in str(response.context["cl"].queryset.query)
