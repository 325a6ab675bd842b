"""Delivery of the PDFs: who may download them, and how they arrive."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from core.pdf.models import PdfExport
from tests.factories import AssessmentFactory, CaseFactory, UserFactory
from tests.pdf_support import pdf_text

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
        assert client.post(url).status_code == 403
    assert not PdfExport.objects.exists()


def test_the_permission_alone_is_enough(client, case):
    user = UserFactory(username="alleen-pdf")
    user.user_permissions.add(Permission.objects.get(codename="export_pdf", content_type__app_label="cases"))
    client.force_login(user)

    dossier, report = pdf_urls(case)
    assert client.get(dossier).status_code == 200
    assert client.get(report).status_code == 200
    assert client.post(report).status_code == 303


@pytest.mark.parametrize("role", ["raadslid", "adviseur", "staff"])
def test_every_role_downloads_a_small_dossier_at_once_as_an_attachment(client, case, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("case-pdf", kwargs={"slug": case.slug}))

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="seta-bel-gemeenten-{today}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "Ja, al sinds 2008." in pdf_text(response.content)


@pytest.mark.parametrize("role", ["raadslid", "adviseur", "staff"])
def test_every_role_asks_for_the_report_and_gets_its_progress_page(client, case, role, request):
    client.force_login(request.getfixturevalue(role))

    page = client.get(reverse("case-report-pdf"), {"outcome": "realised"})
    assert page.status_code == 200 and not PdfExport.objects.exists()  # the GET only shows what comes
    assert "1 casus: een overzicht en per casus het dossier." in page.content.decode()
    assert 'method="post"' in page.content.decode()

    response = client.post(reverse("case-report-pdf") + "?outcome=realised")

    export = PdfExport.objects.get()
    assert response.status_code == 303
    assert response["Location"] == export.get_absolute_url()
    assert export.kind == "report" and export.status == "queued"
    assert export.filename == f"seta-selectie-{timezone.localdate().isoformat()}.pdf"
    assert "In de wachtrij" in client.get(response["Location"]).content.decode()


def test_the_report_takes_the_case_list_query_without_the_page(client, raadslid):
    client.force_login(raadslid)

    CaseFactory(year=2012, arrangement_type="gastheer")
    url = reverse("case-report-pdf") + "?year_from=2010&arrangement_type=gastheer&page=2&zz=1&utm=x"
    client.post(url)

    assert PdfExport.objects.get().query == "arrangement_type=gastheer&year_from=2010"
    client.post(reverse("case-report-pdf") + "?arrangement_type=gastheer&year_from=2010&zz=2")
    assert PdfExport.objects.count() == 1  # unknown parameters make no new selection


def test_a_selection_over_the_maximum_is_refused_with_advice(client, raadslid, settings):
    settings.SETA_PDF_REPORT_MAX_CASES = 2
    for number in range(3):
        CaseFactory(outcome="realised", number=number + 1)
    client.force_login(raadslid)

    response = client.post(reverse("case-report-pdf") + "?outcome=realised")

    text = response.content.decode()
    assert response.status_code == 400
    assert "Deze selectie bevat 3 casussen; één PDF kan er hoogstens 2 bevatten." in text
    assert "Maak de selectie kleiner met de filters" in text
    assert 'href="/cases/?outcome=realised"' in text
    assert not PdfExport.objects.exists()


def test_a_dossier_with_much_text_goes_through_the_worker(client, raadslid, case, settings):
    settings.SETA_PDF_INLINE_TEXT_BUDGET = 10
    client.force_login(raadslid)

    page = client.get(reverse("case-pdf", kwargs={"slug": case.slug}))
    assert page.status_code == 200 and not PdfExport.objects.exists()
    response = client.post(reverse("case-pdf", kwargs={"slug": case.slug}))

    export = PdfExport.objects.get()
    assert response.status_code == 303 and response["Location"] == export.get_absolute_url()
    assert (export.kind, export.subject_id) == ("dossier", case.pk)


def test_head_never_renders(client, raadslid, case, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("HEAD rendered a PDF")

    monkeypatch.setattr("cases.pdf.rendering.case_pdf", refuse)
    monkeypatch.setattr("core.pdf.requests.export_cache_key", refuse)
    client.force_login(raadslid)

    for url in pdf_urls(case):
        response = client.head(url)
        assert response.status_code == 200 and response.content == b""
    assert client.head(reverse("case-report-pdf") + "?outcome=gestolen").status_code == 400
    assert client.head(reverse("case-pdf", kwargs={"slug": "bestaat-niet"})).status_code == 404
    assert not PdfExport.objects.exists()


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
