"""The application's roles (groups) and what they may do.

The core names the roles; every app registers the permissions of its own models from its
AppConfig.ready() (a lower app never names a higher one), and `roles_ensure` grants what is
registered: Raadslid every `read` permission, Adviseur every `read` and `write` one.

The migrations that first created the groups keep frozen lists of their own: they must not read
this live registry, which may name permissions of apps whose migrations have not run yet.
"""

from dataclasses import dataclass

ADVISEUR = "Adviseur"
RAADSLID = "Raadslid"

PermissionName = tuple[str, str]  # (app label, codename)


@dataclass(frozen=True)
class RolePermissions:
    """Permissions an app registers: `read` for every role, `write` for advisors only."""

    read: tuple[PermissionName, ...]
    write: tuple[PermissionName, ...]


# What the apps registered, in the order of INSTALLED_APPS. A list of its own rather than a
# core.registry.Hook: the login backends read the demo accounts, which read the role names here, and
# the kernel's parts stand on their own (import-linter), so this module imports no registry.
_REGISTERED: list[RolePermissions] = []


def role_permissions_register(*, read: list[PermissionName], write: list[PermissionName]) -> RolePermissions:
    """Let the roles grant an app's permissions (call from the app's AppConfig.ready()); registering
    the same permissions twice keeps one."""
    item = RolePermissions(read=tuple(read), write=tuple(write))
    if item not in _REGISTERED:
        _REGISTERED.append(item)
    return item


def role_permissions_registered() -> list[RolePermissions]:
    """What each app registered, one item per registration."""
    return list(_REGISTERED)


def role_permissions() -> dict[str, list[PermissionName]]:
    """What each role may do: the union of what the apps registered, in registration order."""
    read = [permission for item in _REGISTERED for permission in item.read]
    write = [permission for item in _REGISTERED for permission in item.write]
    return {RAADSLID: list(dict.fromkeys(read)), ADVISEUR: list(dict.fromkeys(read + write))}


def roles_ensure(group_model, permission_model) -> None:
    """Create the groups and grant them what the apps registered (after test flushes, for the demo
    accounts). A registered permission that does not exist is an error, not a silent gap."""
    for name, wanted in role_permissions().items():
        found = {
            (permission.content_type.app_label, permission.codename): permission
            for permission in permission_model.objects.filter(
                content_type__app_label__in={app_label for app_label, _codename in wanted},
                codename__in={codename for _app_label, codename in wanted},
            ).select_related("content_type")
        }
        missing = [permission for permission in wanted if permission not in found]
        if missing:
            raise LookupError(f"Role {name}: these registered permissions do not exist: {missing}")
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*(found[permission] for permission in wanted))
