"""Advisors create and edit explorations: template copy, matrix, merge on conflict, checks, pins, PDF."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from assessments.models import Assessment
from explorations.default_template import default_template_ensure
from explorations.matrix import matrix_build
from explorations.models import Exploration, FrameworkTemplate, FrameworkTemplateItem
from explorations.services.exploration import StaleExplorationError, exploration_update
from explorations.services.review import matrix_update
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    ExplorationFactory,
    ExplorationMunicipalityFactory,
    FrameworkCriterionFactory,
    MunicipalityFactory,
    ParticipationFactory,
    VariantFactory,
)
from tests.pdf_support import pdf_text, start_and_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor_client(client, adviseur):
    client.force_login(adviseur)
    return client


def sections(exploration, **changes):
    data = {
        "title": exploration.title, "status": exploration.status, "start_date": exploration.start_date,
        "end_date": exploration.end_date, "case": "", "introduction": exploration.introduction,
        "urgency": exploration.urgency, "partners": exploration.partners,
        "added_value": exploration.added_value,
        "drawbacks": exploration.drawbacks, "conditions": exploration.conditions,
        "experiences": exploration.experiences, "way_forward": exploration.way_forward,
        "version": exploration.version,
    }  # fmt: skip
    return {**data, **changes}


def test_an_advisor_starts_an_exploration_from_the_default_template(advisor_client, adviseur):
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)
    a, b = MunicipalityFactory(name="Ede"), MunicipalityFactory(name="Wageningen")
    response = advisor_client.post(
        reverse("exploration-create"),
        {"title": "Ede en Wageningen", "partners_0": a.name, "partners_1": b.name, "with_variants": "on",
         "template": FrameworkTemplate.objects.get(is_default=True).pk},
    )  # fmt: skip
    exploration = Exploration.objects.get(title="Ede en Wageningen")
    assert response.status_code == 302 and response["Location"] == exploration.get_absolute_url()
    assert exploration.preconditions.count() == 2
    assert exploration.criteria.count() == 7
    assert exploration.work_points.count() == 6
    assert exploration.variants.count() == 5
    assert exploration.history.first().history_user == adviseur


def test_one_municipality_is_not_an_exploration(advisor_client):
    a = MunicipalityFactory(name="Ede")
    data = {"title": "Alleen Ede", "partners_0": a.name}
    response = advisor_client.post(reverse("exploration-create"), data)
    assert response.status_code == 200
    assert "minstens twee verkennende gemeenten" in response.content.decode()
    assert not Exploration.objects.exists()


def test_the_matrix_shows_scores_and_totals_only_with_weights(advisor_client, adviseur):
    exploration = ExplorationFactory()
    c1, c2 = (
        FrameworkCriterionFactory(exploration=exploration),
        FrameworkCriterionFactory(exploration=exploration),
    )
    v1, v2 = VariantFactory(exploration=exploration), VariantFactory(exploration=exploration)
    response = advisor_client.post(
        reverse("exploration-matrix", args=[exploration.slug]),
        {"version": 1, f"score_{v1.pk}_{c1.pk}": "++", f"motivation_{v1.pk}_{c1.pk}": "Meer specialisatie.",
         f"score_{v2.pk}_{c1.pk}": "-", f"score_{v1.pk}_{c2.pk}": ""},
    )  # fmt: skip
    assert response.status_code == 302
    variants, criteria = list(exploration.variants.all()), list(exploration.criteria.all())
    from explorations.models import VariantScore

    matrix = matrix_build(variants, criteria, list(VariantScore.objects.all()))
    assert [cell.label for cell in matrix.rows[0].cells] == ["++", "niet beoordeeld"]
    assert matrix.rows[0].cells[0].motivation == "Meer specialisatie."
    assert not matrix.weighted and matrix.rows[0].total is None
    c1.weight, c2.weight = 3, 1
    c1.save(), c2.save()
    matrix = matrix_build(variants, [c1, c2], list(VariantScore.objects.all()))
    assert matrix.weighted and (matrix.rows[0].total, matrix.rows[1].total) == (6, -3)
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "Gewogen totaal" in page and "++" in page


def test_a_variant_failing_a_precondition_is_not_worked_out_and_gets_no_total(advisor_client):
    exploration = ExplorationFactory()
    precondition = exploration.preconditions.create(name="gezonde financiële positie")
    variant = VariantFactory(
        exploration=exploration, name="Bestuurlijke fusie", failed_precondition=precondition
    )
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "Bestuurlijke fusie — niet verder uitgewerkt" in page
    assert "Voldoet niet aan de randvoorwaarde “gezonde financiële positie”." in page
    assert not variant.worked_out


def test_a_stale_matrix_save_is_refused_and_nothing_is_saved(adviseur):
    exploration = ExplorationFactory()
    criterion, variant = (
        FrameworkCriterionFactory(exploration=exploration),
        VariantFactory(exploration=exploration),
    )
    exploration_update(exploration_id=exploration.pk, user=adviseur, expected_version=1,
                       data=sections(exploration, case=None, title="Nieuw"))  # fmt: skip
    with pytest.raises(StaleExplorationError):
        matrix_update(exploration_id=exploration.pk, user=adviseur, expected_version=1,
                      cells={(variant.pk, criterion.pk): {"score": "+", "motivation": ""}})  # fmt: skip
    assert not variant.scores.exists()


def test_disjoint_edits_merge_by_themselves(advisor_client, adviseur):
    exploration = ExplorationFactory(urgency="Oud.", partners="Oud.")
    exploration_update(exploration_id=exploration.pk, user=adviseur, expected_version=1,
                       data=sections(exploration, case=None, partners="Hun analyse."))  # fmt: skip
    response = advisor_client.post(
        reverse("exploration-edit", args=[exploration.slug]), sections(exploration, urgency="Mijn urgentie.")
    )
    assert response.status_code == 302
    exploration.refresh_from_db()
    assert (exploration.urgency, exploration.partners, exploration.version) == (
        "Mijn urgentie.",
        "Hun analyse.",
        3,
    )


def test_a_field_both_changed_is_shown_side_by_side_and_saved_only_after_a_choice(advisor_client, adviseur):
    exploration = ExplorationFactory(urgency="Oud.", partners="Oud.")
    theirs = sections(exploration, case=None, urgency="Hun urgentie.", partners="Hun analyse.")
    exploration_update(exploration_id=exploration.pk, user=adviseur, expected_version=1, data=theirs)
    url = reverse("exploration-edit", args=[exploration.slug])
    response = advisor_client.post(url, sections(exploration, urgency="Mijn urgentie."))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Mijn</mark> urgentie." in page and "<mark>Hun</mark> urgentie." in page
    assert 'type="radio" name="resolve-0" value="theirs"' in page and "resolve-1" not in page
    exploration.refresh_from_db()
    assert exploration.urgency == "Hun urgentie." and exploration.version == 2
    form = response.context["form"]
    assert form["partners"].value() == "Hun analyse." and form["urgency"].value() == "Mijn urgentie."
    assert "Van de collega overgenomen: Logische partners." in page
    retry = sections(exploration, urgency="Mijn urgentie.", choices=response.context["choices_token"])
    assert "kies bij elk verschil hieronder een versie" in advisor_client.post(url, retry).content.decode()
    exploration.refresh_from_db()
    assert exploration.urgency == "Hun urgentie." and exploration.version == 2
    assert advisor_client.post(url, {**retry, "resolve-0": "theirs"}).status_code == 302
    exploration.refresh_from_db()
    assert exploration.urgency == "Hun urgentie." and exploration.partners == "Hun analyse."


def test_an_explorations_check_is_the_same_check_and_leaves_case_lists_alone(advisor_client):
    exploration = ExplorationFactory()
    AssessmentFactory(trust_rating="no")  # a case with a current check
    data = {"version": 1, "assessed_on": "2026-11", "assessor": "Adviseur", "note": ""}
    for criterion in ("urgency", "benefits", "trust", "images", "partners"):
        data |= {f"{criterion}_rating": "no" if criterion == "trust" else "yes", f"{criterion}_answer": "x"}
    assert (
        advisor_client.post(reverse("exploration-check-create", args=[exploration.slug]), data).status_code
        == 302
    )
    check = Assessment.objects.get(exploration=exploration)
    assert check.case is None
    assert list(Assessment.objects.current().values_list("exploration", flat=True)) == [None]
    page = advisor_client.get(exploration.get_absolute_url()).content.decode()
    assert "Vergeleken met eerdere casussen" in page
    with pytest.raises(IntegrityError):
        Assessment.objects.filter(pk=check.pk).update(case=CaseFactory())


def pinned_setup():
    exploration = ExplorationFactory(title="Ede en Wageningen")
    shared = ExplorationMunicipalityFactory(exploration=exploration).municipality
    ExplorationMunicipalityFactory(exploration=exploration)
    cases = [
        CaseFactory(title=f"Oude samenwerking {n}", lessons=f"Les {n}: neem de tijd.") for n in (1, 2, 3)
    ]
    for case in cases:
        ParticipationFactory(case=case, municipality=shared)
    return exploration, cases


def test_pinned_cases_show_in_the_pdf_and_dismissed_ones_leave_the_list(advisor_client):
    exploration, cases = pinned_setup()
    url = lambda case: reverse("exploration-similar-decide", args=[exploration.slug, case.slug])  # noqa: E731
    advisor_client.post(url(cases[0]), {"decision": "pinned"})
    advisor_client.post(url(cases[1]), {"decision": "pinned"})
    advisor_client.post(url(cases[2]), {"decision": "dismissed"})
    assert exploration.case_decisions.count() == 3
    assert exploration.case_decisions.first().history.first().history_type == "+"
    pdf = start_and_render(advisor_client, reverse("exploration-pdf", args=[exploration.slug]))
    text = " ".join(pdf_text(pdf).split())
    assert "Oude samenwerking 1" in text and "Les 2: neem de tijd." in text
    assert "Oude samenwerking 3" not in text
    assert "Lessen uit vergelijkbare casussen" in text and "De opdracht van de raden" in text


def test_the_exploration_page_runs_a_fixed_number_of_queries(advisor_client, django_assert_num_queries):
    exploration, _cases = pinned_setup()
    VariantFactory(exploration=exploration)
    url = exploration.get_absolute_url()
    advisor_client.get(url)
    with django_assert_num_queries(29):
        advisor_client.get(url)
    for _n in range(4):
        VariantFactory(exploration=exploration)
        ParticipationFactory(case=CaseFactory(), municipality=exploration.memberships.first().municipality)
    with django_assert_num_queries(29):
        advisor_client.get(url)


def variant_post(variant, version, **changes):
    data = {
        "name": variant.name, "description": variant.description, "arrangement_type": "",
        "strengths": "\n".join(variant.strengths), "weaknesses": "", "opportunities": "", "threats": "",
        "needed": "", "reflection": "", "failed_precondition": "", "order": 1, "version": version,
    }  # fmt: skip
    return {**data, **changes}


def test_variant_edits_merge_and_a_shared_field_waits_for_a_choice(advisor_client, adviseur):
    from explorations.services.exploration import variant_save

    exploration = ExplorationFactory()
    variant = VariantFactory(exploration=exploration, description="Oud.", strengths=["Flexibel"])
    url = reverse("variant-edit", args=[exploration.slug, variant.pk])
    theirs = {
        name: getattr(variant, name) for name in ("name", "arrangement_type", "weaknesses", "opportunities")
    }
    theirs |= {"description": "Oud.", "strengths": ["Flexibel", "Goedkoop"], "threats": ["Hun dreiging"]}
    theirs |= {"needed": "", "reflection": "", "failed_precondition": None, "order": 1}
    variant_save(
        exploration_id=exploration.pk, user=adviseur, expected_version=1, variant_id=variant.pk, data=theirs
    )

    response = advisor_client.post(url, variant_post(variant, 1, description="Mijn beschrijving."))
    assert response.status_code == 302
    variant.refresh_from_db()
    assert variant.description == "Mijn beschrijving." and variant.strengths == ["Flexibel", "Goedkoop"]

    theirs |= {
        "description": variant.description,
        "strengths": variant.strengths,
        "threats": ["Nieuwe dreiging"],
    }
    variant_save(
        exploration_id=exploration.pk, user=adviseur, expected_version=3, variant_id=variant.pk, data=theirs
    )
    response = advisor_client.post(url, variant_post(variant, 3, threats="Mijn dreiging"))
    assert response.status_code == 200 and "<mark>Nieuwe</mark> dreiging" in response.content.decode()
    variant.refresh_from_db()
    assert variant.threats == ["Nieuwe dreiging"]
    token = response.context["choices_token"]
    retry = variant_post(variant, 4, threats="Mijn dreiging", choices=token, **{"resolve-0": "yours"})
    retry["description"] = variant.description
    assert advisor_client.post(url, retry).status_code == 302
    variant.refresh_from_db()
    assert variant.threats == ["Mijn dreiging"]


def test_deleting_a_variant_removes_its_scores_and_is_guarded(advisor_client):
    exploration = ExplorationFactory()
    variant = VariantFactory(exploration=exploration, name="Weg ermee")
    variant.scores.create(criterion=FrameworkCriterionFactory(exploration=exploration), score="+")
    url = reverse("variant-delete", args=[exploration.slug, variant.pk])
    assert advisor_client.post(url, {"version": 0}).status_code == 302
    assert exploration.variants.count() == 1
    assert advisor_client.post(url, {"version": 1}).status_code == 302
    assert not exploration.variants.exists()
    assert variant.history.first().history_type == "-"
