"""The project's own migration operation gives the models Django's would, rendered once instead of
after every state operation (core/migration_operations.py)."""

import pytest
from django.db import migrations
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from core.migration_operations import SeparateStateRenderedOnce

LOADER = MigrationLoader(None, ignore_no_migrations=True)  # the project's migrations, from disk


def rendered_once_operations() -> list[tuple[tuple[str, str], SeparateStateRenderedOnce]]:
    """Every use in the project's migrations, as ((app label, migration name), operation)."""
    return [
        (key, operation)
        for key, migration in sorted(LOADER.disk_migrations.items())
        for operation in migration.operations
        if isinstance(operation, SeparateStateRenderedOnce)
    ]


def differences(state, other) -> dict:
    """What makemigrations would write to go from one state's rendered models to the other's."""
    return MigrationAutodetector(
        ProjectState.from_apps(state.apps), ProjectState.from_apps(other.apps)
    )._detect_changes()


OPERATIONS = rendered_once_operations()


def test_the_moves_between_apps_use_it():
    assert {key for key, _operation in OPERATIONS} == {
        ("assessments", "0009_explorations_app"),
        ("cases", "0012_pdfexport_moved_to_core"),
        ("core", "0001_initial"),
        ("explorations", "0001_initial"),
    }


@pytest.mark.parametrize(("key", "operation"), OPERATIONS, ids=[f"{a}.{n}" for (a, n), _ in OPERATIONS])
def test_the_models_after_it_are_the_models_after_djangos(key, operation):
    before = LOADER.project_state(key, at_end=False)
    assert before.apps.get_models()  # rendered, as `migrate` has it
    ours, djangos = before.clone(), before.clone()
    assert "apps" in ours.__dict__ and "apps" in djangos.__dict__

    operation.state_forwards(key[0], ours)
    migrations.SeparateDatabaseAndState.state_forwards(operation, key[0], djangos)

    assert "apps" not in ours.__dict__  # left to be rendered once
    assert differences(ours, djangos) == {}
    assert differences(before, ours) != {}  # it did change the models
