"""Styled error pages in the user's language, each with a way back."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from core.views import server_error
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_council_member_on_an_edit_link_gets_a_dutch_403_leading_back(client, raadslid):
    case = CaseFactory()
    client.force_login(raadslid)
    response = client.get(reverse("case-edit", args=[case.slug]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "<title>Geen toegang — SETA dossiers</title>" in page
    assert "alleen adviseurs kunnen dossiers" in page
    assert f'href="/cases/{case.slug}/"' in page and "Terug naar de vorige pagina" in page
    assert 'href="/"' in page


def test_the_403_page_in_english(client, raadslid):
    case = CaseFactory()
    client.force_login(raadslid)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("case-edit", args=[case.slug])).content.decode()
    assert "You may not open this page" in page and 'lang="en"' in page


def test_a_missing_dossier_gives_a_dutch_404(client, raadslid):
    client.force_login(raadslid)
    response = client.get("/cases/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze pagina bestaat niet" in page and "Naar de casussen" in page


def test_the_404_page_in_english(client, raadslid):
    client.force_login(raadslid)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/cases/bestaat-niet/").content.decode()
    assert "This page does not exist" in page and "Go to the cases" in page


@pytest.mark.parametrize(("language", "text"), [("nl", "Er ging iets mis"), ("en", "Something went wrong")])
def test_the_500_page_renders_without_database_or_user(language, text, django_assert_num_queries):
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/cases/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert text in page and 'href="/"' in page and "app.css" in page
