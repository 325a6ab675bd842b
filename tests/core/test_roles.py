"""The roles are a registry in the core: each app registers its own permissions, the groups get
exactly the union, and the migrations that first made the groups keep lists of their own."""

import importlib
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import core
from core.accounts import DEMO_ACCOUNTS, demo_accounts_ensure
from core.roles import ADVISEUR, RAADSLID, role_permissions, role_permissions_registered, roles_ensure

APPS = {"cases", "assessments", "explorations"}


def granted(group: str) -> set[tuple[str, str]]:
    return set(Group.objects.get(name=group).permissions.values_list("content_type__app_label", "codename"))


def test_each_app_registers_only_its_own_permissions():
    registered = role_permissions_registered()
    labels = [{app for app, _codename in item.read + item.write} for item in registered]
    assert all(len(app_labels) == 1 for app_labels in labels)
    assert {app for app_labels in labels for app in app_labels} == APPS


@pytest.mark.django_db
def test_every_registered_permission_exists():
    existing = set(Permission.objects.values_list("content_type__app_label", "codename"))
    registered = {
        permission for item in role_permissions_registered() for permission in item.read + item.write
    }
    assert registered and registered <= existing


@pytest.mark.django_db
def test_the_roles_get_exactly_the_union_of_what_the_apps_registered():
    Group.objects.filter(name__in=[ADVISEUR, RAADSLID]).delete()  # as a test flush leaves them
    roles_ensure(Group, Permission)
    registered = role_permissions_registered()
    read = {permission for item in registered for permission in item.read}
    write = {permission for item in registered for permission in item.write}
    assert granted(RAADSLID) == read
    assert granted(ADVISEUR) == read | write
    assert ("explorations", "change_variant") in granted(ADVISEUR) - granted(RAADSLID)
    assert ("cases", "export_pdf") in granted(RAADSLID)


def test_the_migrations_granted_what_is_registered_now():
    """The groups of a fresh database (cases.0003 for dossiers and checks, assessments.0005 for the
    explorations, whose content types moved to their own app later) equal the registry's."""
    cases_roles = importlib.import_module("cases.migrations.0003_roles").ROLE_PERMISSIONS
    exploration_roles = importlib.import_module(
        "assessments.migrations.0005_exploration_roles"
    ).ROLE_PERMISSIONS
    migrated = {
        name: set(cases_roles[name]) | {("explorations", codename) for codename in exploration_roles[name]}
        for name in (ADVISEUR, RAADSLID)
    }
    assert migrated == {name: set(permissions) for name, permissions in role_permissions().items()}


def test_the_core_names_no_app_of_its_own_roles():
    for module in ("roles.py", "accounts.py"):
        source = (Path(core.__file__).parent / module).read_text()
        assert not [app for app in APPS if f'"{app}"' in source or f"{app}." in source], module


@pytest.mark.django_db
def test_demo_accounts_get_their_roles_after_a_flush(settings):
    settings.DEBUG = True
    Group.objects.filter(name__in=[ADVISEUR, RAADSLID]).delete()
    demo_accounts_ensure()
    advisor = get_user_model().objects.get(username=DEMO_ACCOUNTS[0].username)
    assert advisor.has_perm("explorations.change_exploration") and advisor.has_perm("cases.change_case")
    reader = get_user_model().objects.get(username=DEMO_ACCOUNTS[1].username)
    assert reader.has_perm("cases.export_pdf") and not reader.has_perm("assessments.add_assessment")
