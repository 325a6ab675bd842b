"""Dutch by default, English on request."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dutch_by_default_even_for_an_english_browser(client, raadslid):
    client.force_login(raadslid)
    page = client.get(reverse("case-list"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl">' in page
    assert "<title>Casussen — SETA dossiers</title>" in page


def test_english_after_choosing_it(client, raadslid):
    client.force_login(raadslid)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("case-list")})
    page = client.get(reverse("case-list")).content.decode()
    assert '<html lang="en">' in page
    assert "<title>Cases — SETA dossiers</title>" in page
    assert "Ambtelijke fusie (shared work organisation)" in page
