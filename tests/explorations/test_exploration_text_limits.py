"""Every text of an exploration has a length limit with a Dutch message and is normalised as a
dossier's texts are (issue 19): the fields are read from the models, so a field added later is
covered; a section too long for a council document is refused before anything is rendered."""

import pytest
from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from explorations.models import EXPLORATION_EDITABLE_FIELDS
from explorations.services.exploration import exploration_update
from tests.factories import ExplorationFactory

EXPLORATION_MODELS = [model for model in apps.get_app_config("explorations").get_models()]


def text_fields():
    for model in EXPLORATION_MODELS:
        for field in model._meta.concrete_fields:
            if isinstance(field, ArrayField):
                field = field.base_field
            if isinstance(field, models.TextField):
                yield model, field


def test_every_text_field_of_an_exploration_has_a_limit_with_a_dutch_message():
    fields = list(text_fields())
    assert len(fields) >= 20
    for model, field in fields:
        limits = [v for v in field.validators if isinstance(v, MaxLengthValidator)]
        assert limits, f"{model.__name__}.{field.name} has no length limit"
        assert "Deze tekst is te lang" in str(limits[0].message)


@pytest.mark.django_db
def test_a_section_is_normalised_and_an_endless_one_refused(adviseur):
    exploration = ExplorationFactory()
    data = {name: getattr(exploration, name) for name in EXPLORATION_EDITABLE_FIELDS}

    saved = exploration_update(
        exploration_id=exploration.pk,
        user=adviseur,
        expected_version=exploration.version,
        data={**data, "urgency": "\r\nEerste regel.   \r\nTweede regel.\t\r\n\r\n"},
    )
    assert saved.urgency == "Eerste regel.\nTweede regel."

    with pytest.raises(ValidationError) as refused:
        exploration_update(
            exploration_id=exploration.pk,
            user=adviseur,
            expected_version=saved.version,
            data={**data, "urgency": "\n" * 10_000 + "x" * 100_000},
        )
    assert "hoogstens 30000 tekens" in str(refused.value.message_dict["urgency"])
