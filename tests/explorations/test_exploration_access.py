"""Every exploration page for every role, on GET and POST: the server checks permissions first."""

import pytest
from django.urls import reverse

from tests.factories import (
    CaseFactory,
    ExplorationFactory,
    ExplorationMunicipalityFactory,
    FrameworkCriterionFactory,
    ParticipationFactory,
    VariantFactory,
)
from tests.pdf_support import start_and_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    exploration = ExplorationFactory(slug="twee-gemeenten", title="Twee gemeenten")
    shared = ExplorationMunicipalityFactory(exploration=exploration).municipality
    ExplorationMunicipalityFactory(exploration=exploration)
    FrameworkCriterionFactory(exploration=exploration)
    VariantFactory(exploration=exploration)
    ParticipationFactory(case=CaseFactory(slug="oude-casus"), municipality=shared)
    return exploration


def urls(exploration):
    slug = exploration.slug
    variant = exploration.variants.get()
    return {
        "list": reverse("exploration-list"),
        "detail": reverse("exploration-detail", args=[slug]),
        "pdf": reverse("exploration-pdf", args=[slug]),
        "create": reverse("exploration-create"),
        "edit": reverse("exploration-edit", args=[slug]),
        "framework": reverse("exploration-framework", args=[slug]),
        "variant-new": reverse("variant-create", args=[slug]),
        "variant-edit": reverse("variant-edit", args=[slug, variant.pk]),
        "matrix": reverse("exploration-matrix", args=[slug]),
        "check-new": reverse("exploration-check-create", args=[slug]),
        "pin": reverse("exploration-similar-decide", args=[slug, "oude-casus"]),
        "variant-delete": reverse("variant-delete", args=[slug, variant.pk]),
    }


READ_PAGES = ["list", "detail"]
WRITE_PAGES = ["create", "edit", "framework", "variant-new", "variant-edit", "matrix", "check-new"]


@pytest.mark.parametrize("page", [*READ_PAGES, "pdf", *WRITE_PAGES, "pin", "variant-delete"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, exploration, page):
    url = urls(exploration)[page]
    for response in (client.get(url), client.post(url, {"title": "x", "decision": "pinned"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("page", [*READ_PAGES, "pdf", *WRITE_PAGES, "pin", "variant-delete"])
def test_a_user_without_a_role_gets_403_even_for_a_missing_exploration(
    client, exploration, page, django_user_model
):
    client.force_login(django_user_model.objects.create_user("zonder-rol", password="x-geheim-12"))
    assert client.get(urls(exploration)[page]).status_code == 403
    assert client.post(urls(exploration)[page].replace("twee-gemeenten", "bestaat-niet")).status_code == 403


@pytest.mark.parametrize("page", READ_PAGES)
def test_raadslid_reads(client, exploration, raadslid, page):
    client.force_login(raadslid)
    assert client.get(urls(exploration)[page]).status_code == 200


def test_raadslid_downloads_the_pdf(client, exploration, raadslid):
    client.force_login(raadslid)
    page = client.get(urls(exploration)["pdf"])
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert start_and_render(client, urls(exploration)["pdf"]).startswith(b"%PDF-")


@pytest.mark.parametrize("page", [*WRITE_PAGES, "pin", "variant-delete"])
def test_raadslid_cannot_edit_and_nothing_changes(client, exploration, raadslid, page):
    client.force_login(raadslid)
    url = urls(exploration)[page]
    assert client.get(url).status_code == 403
    response = client.post(url, {"title": "Gekaapt", "version": exploration.version, "decision": "pinned"})
    assert response.status_code == 403
    exploration.refresh_from_db()
    assert exploration.title == "Twee gemeenten" and exploration.version == 1
    assert not exploration.case_decisions.exists()
    assert exploration.variants.count() == 1


@pytest.mark.parametrize("page", READ_PAGES + WRITE_PAGES)
@pytest.mark.parametrize("role", ["adviseur", "staff"])
def test_adviseur_and_staff_may_open_every_page(client, exploration, page, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(urls(exploration)[page]).status_code == 200


def test_the_raadslid_sees_no_edit_buttons_and_the_adviseur_does(client, exploration, raadslid, adviseur):
    client.force_login(raadslid)
    page = client.get(urls(exploration)["detail"]).content.decode()
    assert urls(exploration)["edit"] not in page and urls(exploration)["pin"] not in page
    assert urls(exploration)["pdf"] in page
    client.force_login(adviseur)
    page = client.get(urls(exploration)["detail"]).content.decode()
    assert urls(exploration)["edit"] in page and urls(exploration)["pin"] in page


def test_the_navigation_links_to_the_explorations(client, raadslid):
    client.force_login(raadslid)
    page = client.get(reverse("case-list")).content.decode()
    assert f'href="{reverse("exploration-list")}"' in page and "Verkenningen" in page
