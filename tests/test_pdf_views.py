"""Delivery of the PDFs: who may download them, and how they arrive."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from tests.factories import AssessmentFactory, CaseFactory, UserFactory
from tests.test_pdf_support import page_texts, pdf_text, squash

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    case = CaseFactory(slug="bel-gemeenten", title="BEL-gemeenten", outcome="realised")
    AssessmentFactory(case=case, urgency_answer="Ja, al sinds 2008.")
    return case


def pdf_urls(case) -> list[str]:
    return [reverse("case-pdf", kwargs={"slug": case.slug}), reverse("case-report-pdf") + "?outcome=realised"]


def test_the_urls():
    assert reverse("case-pdf", kwargs={"slug": "bel-gemeenten"}) == "/cases/bel-gemeenten/pdf/"
    assert reverse("case-report-pdf") == "/cases/report.pdf"


def test_anonymous_visitors_are_sent_to_the_login_page(client, case):
    for url in pdf_urls(case):
        response = client.get(url)

        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next=")


def test_a_user_without_a_role_gets_403(client, case):
    client.force_login(UserFactory(username="zonder-rol"))

    for url in pdf_urls(case):
        assert client.get(url).status_code == 403


def test_the_permission_alone_is_enough(client, case):
    user = UserFactory(username="alleen-pdf")
    user.user_permissions.add(Permission.objects.get(codename="export_pdf", content_type__app_label="cases"))
    client.force_login(user)

    for url in pdf_urls(case):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ["raadslid", "adviseur", "staff"])
def test_every_role_downloads_the_dossier_as_an_attachment(client, case, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("case-pdf", kwargs={"slug": case.slug}))

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="seta-bel-gemeenten-{today}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "Ja, al sinds 2008." in pdf_text(response.content)


@pytest.mark.parametrize("role", ["raadslid", "adviseur", "staff"])
def test_every_role_downloads_the_report_as_an_attachment(client, case, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("case-report-pdf"), {"outcome": "realised"})

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="seta-selectie-{today}.pdf"'
    assert squash("Uitkomst: Gerealiseerd") in squash(page_texts(response.content)[0])


def test_the_report_takes_the_case_list_query(client, raadslid):
    CaseFactory(title="Samenwerking Zuid", arrangement_type="gastheer", outcome="realised", year=2012)
    CaseFactory(title="Samenwerking Noord", arrangement_type="gastheer", outcome="realised", year=2016)
    CaseFactory(title="Samenwerking Oost", arrangement_type="partial", outcome="realised", year=2014)
    client.force_login(raadslid)

    response = client.get(
        reverse("case-report-pdf"),
        {"arrangement_type": "gastheer", "year_from": "2010", "sort": "-year", "page": "2"},
    )

    text = pdf_text(response.content)
    assert squash("Vorm van samenwerking: Gastheer- of centrumconstructie; Jaar vanaf: 2010") in squash(text)
    assert "Samenwerking Oost" not in text
    assert text.index("Samenwerking Noord") < text.index("Samenwerking Zuid")


def test_an_invalid_filter_is_refused_not_ignored(client, raadslid):
    client.force_login(raadslid)

    response = client.get(reverse("case-report-pdf"), {"outcome": "gestolen"})

    assert response.status_code == 400


def test_an_unknown_case_is_404(client, raadslid):
    client.force_login(raadslid)

    assert client.get(reverse("case-pdf", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_the_pdf_stays_dutch_for_a_user_who_chose_english(client, case, raadslid):
    client.force_login(raadslid)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("case-pdf", kwargs={"slug": case.slug}))

    text = pdf_text(response.content)
    assert "Gerealiseerd" in text and "Vijfpuntscheck" in text
