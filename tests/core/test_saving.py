"""The one save helper: check constraints are PostgreSQL's to check, with full_clean()'s answer."""

import pytest
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection
from django.db.models import CheckConstraint

from cases.models import Case, Participation
from core.saving import instance_save
from tests.factories import CaseFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_a_row_a_check_constraint_refuses_gives_its_message_and_writes_nothing(adviseur):
    case = CaseFactory(start_date="2010-05", end_date="")
    case.end_date = "2009"  # before the start: case_end_not_before_start

    with pytest.raises(ValidationError) as refused:
        instance_save(case, user=adviseur)

    assert refused.value.message_dict == {NON_FIELD_ERRORS: ["Het einde mag niet vóór het begin liggen."]}
    assert Case.objects.get(pk=case.pk).end_date == ""
    assert case.history.count() == 1  # only the factory's own record
    Case.objects.count()  # the surrounding transaction is still usable


def test_the_check_constraints_cost_no_query_of_their_own(adviseur, django_assert_num_queries):
    case = CaseFactory()
    checks = [c for c in Case._meta.constraints if isinstance(c, CheckConstraint)]
    assert len(checks) >= 6
    case.summary = "Een nieuwe samenvatting."
    # The unique number, the savepoint around the save, the update, the history record, the release.
    with django_assert_num_queries(5):
        instance_save(case, user=adviseur)
    case.refresh_from_db()
    assert case.summary == "Een nieuwe samenvatting."


def test_a_unique_constraint_is_still_checked_before_anything_is_written(adviseur):
    participation = ParticipationFactory()
    twin = Participation(
        case=participation.case, municipality=participation.municipality, role=participation.role
    )

    with pytest.raises(ValidationError) as refused:
        instance_save(twin, user=adviseur)

    assert refused.value.message_dict == {NON_FIELD_ERRORS: ["Deze gemeente doet al mee aan deze casus."]}
    assert Participation.objects.filter(case=participation.case).count() == 1


def test_a_refusal_that_is_no_check_constraint_is_raised_as_it_is(adviseur):
    existing = CaseFactory(number=901)
    twin = CaseFactory.build(number=existing.number)  # the unique number, left to PostgreSQL here

    with pytest.raises(IntegrityError, match="case_unique_number"):
        instance_save(twin, user=adviseur, exclude=["number"])


def test_every_declared_check_constraint_is_in_the_database_under_its_name():
    """full_clean() no longer checks them, so each model's check constraints must be PostgreSQL's
    to enforce, under the name a refusal is mapped back by (every model, whatever is added later)."""
    declared = {
        (model._meta.db_table, constraint.name)
        for model in apps.get_models()
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint)
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'c'")
        in_database = {(table.strip('"'), name) for table, name in cursor.fetchall()}
    assert len(declared) >= 30
    assert declared - in_database == set()
