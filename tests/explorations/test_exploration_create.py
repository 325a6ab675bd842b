"""A new exploration as a new user meets it: partners typed by name, a template without other places' text."""

import pytest
from django.db import connection
from django.urls import reverse

from explorations.default_template import default_template_ensure
from explorations.models import Exploration, FrameworkTemplate, FrameworkTemplateItem
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

PLACE_WORDS = ("Losser", "Oldenzaal", "Noaberkracht", "Dinkelland", "Tubbergen", "drie gemeenten")


@pytest.fixture
def advisor_client(client, adviseur):
    client.force_login(adviseur)
    return client


def create(client, **data):
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)
    template = FrameworkTemplate.objects.get(is_default=True)
    return client.post(
        reverse("exploration-create"), {"title": "Meppel en Westerveld", "template": template.pk, **data}
    )


def test_partners_are_typed_by_name_with_suggestions(advisor_client):
    MunicipalityFactory(name="Meppel"), MunicipalityFactory(name="Westerveld")
    page = advisor_client.get(reverse("exploration-create")).content.decode()
    assert '<datalist id="municipality-names">' in page and '<option value="Meppel">' in page
    assert 'name="partners_0"' in page and 'list="municipality-names"' in page
    assert 'aria-label="Verkennende gemeente 1"' in page and "<legend>Verkennende gemeenten" in page
    assert "Ctrl" not in page


def test_typed_names_become_the_partners_whatever_their_case(advisor_client):
    names = ("Meppel", "Westerveld", "Hoogeveen")
    meppel, westerveld, hoogeveen = (MunicipalityFactory(name=name) for name in names)
    typed = {"partners_0": "meppel ", "partners_2": "Westerveld", "considered_0": "Hoogeveen"}
    response = create(advisor_client, **typed, with_variants="on")
    exploration = Exploration.objects.get()
    assert response.status_code == 302
    assert set(exploration.memberships.filter(role="partner").values_list("municipality", flat=True)) == {
        meppel.pk,
        westerveld.pk,
    }
    assert list(exploration.memberships.filter(role="considered").values_list("municipality", flat=True)) == [
        hoogeveen.pk
    ]


def test_an_unknown_or_repeated_name_is_a_dutch_form_error(advisor_client):
    MunicipalityFactory(name="Meppel")
    response = create(advisor_client, partners_0="Meppel", partners_1="Mepel", partners_2="meppel")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Onbekende gemeente: “Mepel”" in page and "“meppel” staat er twee keer in." in page
    assert 'value="Mepel"' in page  # what was typed stays
    assert not Exploration.objects.exists()


def test_a_merged_municipality_cannot_be_a_partner(advisor_client):
    hoogeveen = MunicipalityFactory(name="Hoogeveen")
    MunicipalityFactory(name="Meppel"), MunicipalityFactory(name="Oud-Gemeente", merged_into=hoogeveen)
    response = create(advisor_client, partners_0="Meppel", partners_1="Oud-Gemeente")
    assert "Onbekende gemeente: “Oud-Gemeente”" in response.content.decode()


def test_a_new_exploration_inherits_no_other_places_text(advisor_client):
    MunicipalityFactory(name="Meppel"), MunicipalityFactory(name="Westerveld")
    create(advisor_client, partners_0="Meppel", partners_1="Westerveld", with_variants="on")
    exploration = Exploration.objects.get()
    texts = [
        *exploration.work_points.values_list("name", "elaboration"),
        *exploration.variants.values_list("name", "description"),
        *exploration.criteria.values_list("name", "explanation"),
        *exploration.preconditions.values_list("name", "motivation"),
    ]
    assert texts and exploration.work_points.count() == 6 and exploration.variants.count() == 5
    for text in (t for pair in texts for t in pair):
        assert not any(word in text for word in PLACE_WORDS), text
    assert "Invloed op regionale verhoudingen" in [name for name, _ in texts]


def test_the_migration_cleans_an_existing_default_template_but_not_an_admins_edit():
    from importlib import import_module

    migration = import_module("explorations.migrations.0003_default_template_without_place_names")
    default_template_ensure(FrameworkTemplate, FrameworkTemplateItem)
    point = FrameworkTemplateItem.objects.get(kind="point", name="Invloed op regionale verhoudingen")
    point.name = "Invloed op regionale verhoudingen (onder andere positie Losser)"
    point.save()
    variant = FrameworkTemplateItem.objects.filter(kind="variant").order_by("order").last()
    variant.explanation = "Door een beheerder aangepast: bij de drie gemeenten."
    variant.save()

    with connection.schema_editor() as editor:
        migration.texts_update(None, editor)

    point.refresh_from_db(), variant.refresh_from_db()
    assert point.name == "Invloed op regionale verhoudingen"
    assert variant.explanation == "Door een beheerder aangepast: bij de drie gemeenten."


def test_a_name_with_a_nul_is_an_unknown_municipality_not_a_500(advisor_client):
    MunicipalityFactory(name="Meppel")
    response = create(advisor_client, partners_0="Meppel", partners_1="Mep\x00pel")
    assert response.status_code == 200
    assert "Onbekende gemeente" in response.content.decode()
    assert not Exploration.objects.exists()
