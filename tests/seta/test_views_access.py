"""Every page for every role, on GET and POST: the server checks permissions."""

import pytest
from django.urls import reverse

from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier():
    case = CaseFactory(slug="bel-gemeenten", title="BEL-gemeenten")
    for name in ("Blaricum", "Eemnes"):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name, slug=name.lower()))
    AssessmentFactory(case=case)
    AssessmentFactory(case=CaseFactory(slug="ten-boer-groningen", title="Ten Boer-Groningen"))
    return case


def urls(case):
    assessment = case.assessments.get()
    return {
        "list": reverse("case-list"),
        "detail": reverse("case-detail", args=[case.slug]),
        "municipalities": reverse("municipality-list"),
        "municipality": reverse("municipality-detail", args=["blaricum"]),
        "create": reverse("case-create"),
        "edit": reverse("case-edit", args=[case.slug]),
        "check-new": reverse("assessment-create", args=[case.slug]),
        "check-edit": reverse("assessment-edit", args=[case.slug, assessment.pk]),
        "analysis": reverse("analysis") + "?arrangement_type=werkorganisatie",
        "compare": f"{reverse('case-compare')}?case={case.slug}&case=ten-boer-groningen",
        "compare-pdf": f"{reverse('case-compare-pdf')}?case={case.slug}&case=ten-boer-groningen",
        "export-csv": reverse("case-export-csv") + "?outcome=realised",
        "export-xlsx": reverse("case-export-xlsx"),
    }


READ_PAGES = [
    "list", "detail", "municipalities", "municipality", "analysis", "compare", "compare-pdf", "export-csv",
    "export-xlsx",
]  # fmt: skip
WRITE_PAGES = ["create", "edit", "check-new", "check-edit"]


@pytest.mark.parametrize("page", READ_PAGES + WRITE_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, dossier, page):
    url = urls(dossier)[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.post(url, {"title": "x"}).status_code == 302


@pytest.mark.parametrize("page", READ_PAGES + WRITE_PAGES)
def test_a_user_without_a_role_gets_403(client, dossier, page, django_user_model):
    client.force_login(django_user_model.objects.create_user("zonder-rol", password="x-geheim-12"))
    assert client.get(urls(dossier)[page]).status_code == 403


@pytest.mark.parametrize("page", READ_PAGES)
def test_raadslid_reads(client, dossier, raadslid, page):
    client.force_login(raadslid)
    assert client.get(urls(dossier)[page]).status_code == 200


@pytest.mark.parametrize("page", WRITE_PAGES)
def test_raadslid_cannot_edit_and_nothing_changes(client, dossier, raadslid, page):
    client.force_login(raadslid)
    url = urls(dossier)[page]
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Gekaapt", "version": dossier.version}).status_code == 403
    dossier.refresh_from_db()
    assert dossier.title == "BEL-gemeenten"
    assert dossier.assessments.count() == 1


@pytest.mark.parametrize("page", READ_PAGES + WRITE_PAGES)
@pytest.mark.parametrize("role", ["adviseur", "staff"])
def test_adviseur_and_staff_may_open_every_page(client, dossier, page, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(urls(dossier)[page]).status_code == 200


def test_the_raadslid_sees_no_edit_buttons(client, dossier, raadslid):
    client.force_login(raadslid)
    page = client.get(reverse("case-detail", args=[dossier.slug])).content.decode()
    assert reverse("case-edit", args=[dossier.slug]) not in page
    assert "Download PDF" in page


def test_the_django_admin_is_for_staff_only(client, adviseur, staff):
    client.force_login(adviseur)
    assert client.get("/admin/").status_code == 302
    client.force_login(staff)
    assert client.get("/admin/cases/case/").status_code == 200


def test_an_edit_in_the_django_admin_is_searchable_and_in_the_history(client, dossier, staff):
    from cases.models import Case

    client.force_login(staff)
    url = reverse("admin:assessments_assessment_change", args=[dossier.assessments.get().pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["case"] = dossier.pk
    data["trust_answer"] = "Onderling wantrouwen tussen de colleges."
    assert client.post(url, data).status_code == 302
    assert list(Case.objects.search("wantrouwen")) == [dossier]
    assert dossier.assessments.get().history.first().history_user == staff
