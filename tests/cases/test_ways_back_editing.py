"""The way back to the results survives the dossier's editors: a dossier opened from a filtered
list keeps `back` through "Bewerken", saving, a conflict screen, cancelling, the check editor and
the history page; a way back anywhere else than the case list is dropped."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import page_post_data

pytestmark = pytest.mark.django_db

BACK = "/cases/?outcome=realised&urgency=yes&page=2"
BACK_QUERY = urlencode({"back": BACK})


def with_back(url: str) -> str:
    return f"{url}?{BACK_QUERY}"


def escaped(url: str) -> str:
    return url.replace("&", "&amp;")


def test_the_dossier_links_its_editors_and_history_with_the_way_back(editor, dossier):
    page = editor.get(with_back(dossier.get_absolute_url())).content.decode()
    check = dossier.assessments.get()
    for url in (
        reverse("case-edit", args=[dossier.slug]),
        reverse("case-history", args=[dossier.slug]),
        reverse("case-pdf", args=[dossier.slug]),
        reverse("assessment-create", args=[dossier.slug]),
        reverse("assessment-edit", args=[dossier.slug, check.pk]),
    ):
        assert f'href="{with_back(url)}"' in page, url


def test_the_dossier_pdf_start_page_leads_back_with_the_way_back(editor, dossier, monkeypatch):
    monkeypatch.setattr("cases.pdf.views.renders_in_request", lambda case: False)  # a large dossier
    page = editor.get(with_back(reverse("case-pdf", args=[dossier.slug]))).content.decode()
    assert f'href="{escaped(with_back(dossier.get_absolute_url()))}"' in page


def test_saving_the_dossier_leads_back_to_it_with_the_way_back(editor, dossier):
    url = reverse("case-edit", args=[dossier.slug])
    page = editor.get(with_back(url)).content.decode()
    assert f'<input type="hidden" name="back" value="{escaped(BACK)}">' in page
    assert f'href="{escaped(with_back(dossier.get_absolute_url()))}">Annuleren' in page

    data = page_post_data(page) | {"title": "BAR-gemeenten (herzien)"}
    response = editor.post(url, data)  # the form posts to the bare URL; `back` is a hidden field

    assert response.status_code == 302
    assert response["Location"] == with_back(dossier.get_absolute_url())
    dossier_page = editor.get(response["Location"]).content.decode()
    assert "Het dossier is opgeslagen." in dossier_page
    assert f'href="{escaped(BACK)}">← Terug naar de resultaten' in dossier_page


def test_after_a_conflict_screen_the_way_back_is_still_there(dossier):
    anna, bram = Client(), Client()
    anna.force_login(UserFactory(username="anna", role="Adviseur"))
    bram.force_login(UserFactory(username="bram", role="Adviseur"))
    url = reverse("case-edit", args=[dossier.slug])
    anna_data = page_post_data(anna.get(with_back(url)).content.decode())
    bram_data = page_post_data(bram.get(with_back(url)).content.decode())
    assert anna.post(url, anna_data | {"summary": "Van Anna."}).status_code == 302

    conflict = bram.post(url, bram_data | {"lessons": "Van Bram."}).content.decode()
    assert "Iemand anders heeft dit dossier intussen gewijzigd" in conflict
    assert f'<input type="hidden" name="back" value="{escaped(BACK)}">' in conflict

    response = bram.post(url, page_post_data(conflict))
    assert response["Location"] == with_back(dossier.get_absolute_url())


def test_the_check_editor_keeps_the_way_back(editor, dossier):
    url = reverse("assessment-edit", args=[dossier.slug, dossier.assessments.get().pk])
    page = editor.get(with_back(url)).content.decode()
    assert f'href="{escaped(with_back(dossier.get_absolute_url()))}#check">Annuleren' in page

    response = editor.post(url, page_post_data(page) | {"trust_answer": "Nu wel."})

    assert response.status_code == 302
    assert response["Location"] == with_back(dossier.get_absolute_url())


def test_the_history_page_leads_back_to_the_dossier_with_the_way_back(editor, dossier):
    page = editor.get(with_back(reverse("case-history", args=[dossier.slug]))).content.decode()
    assert f'href="{escaped(with_back(dossier.get_absolute_url()))}">Terug naar het dossier' in page


@pytest.mark.parametrize(
    "evil", ["https://evil.example/cases/", "//evil.example/cases/", "/\\evil.example/", "/admin/"]
)
def test_a_way_back_elsewhere_is_dropped_on_save(editor, dossier, evil):
    url = reverse("case-edit", args=[dossier.slug])
    page = editor.get(url, {"back": evil}).content.decode()
    assert 'name="back"' not in page
    data = page_post_data(page) | {"title": "BAR (herzien)", "back": evil}

    response = editor.post(url, data)

    assert response["Location"] == dossier.get_absolute_url()
