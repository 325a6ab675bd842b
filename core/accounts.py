"""Demo accounts for local use, one per role."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core.roles import ADVISEUR, RAADSLID, roles_ensure


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    group: str | None
    is_staff: bool
    description: str


DEMO_ACCOUNTS = [
    DemoAccount("adviseur", "seta-adviseur", ADVISEUR, False, "adviseur: lezen en bewerken"),
    DemoAccount("raadslid", "seta-raadslid", RAADSLID, False, "raadslid: lezen en PDF's downloaden"),
    DemoAccount("beheerder", "seta-beheerder", None, True, "beheerder: alles, ook /admin/"),
]


class DemoAccountsRefused(RuntimeError):
    """Demo accounts have well-known passwords and must never exist in production."""


@transaction.atomic
def demo_accounts_ensure() -> list[tuple[DemoAccount, bool]]:
    """Create each demo account that does not exist yet; return (account, created) pairs."""
    if not settings.DEBUG:
        raise DemoAccountsRefused("Demo accounts are only created when DEBUG is on.")
    roles_ensure(Group, Permission)  # the groups with what the apps registered, even after a flush
    User = get_user_model()
    results = []
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={"is_staff": account.is_staff, "is_superuser": account.is_staff},
        )
        if created:
            user.set_password(account.password)
            user.full_clean()
            user.save()
            if account.group:
                user.groups.add(Group.objects.get(name=account.group))
        results.append((account, created))
    return results


@transaction.atomic
def demo_accounts_remove() -> list[str]:
    """Delete the demo accounts that exist (allowed in any mode); return their usernames."""
    User = get_user_model()
    users = User.objects.filter(username__in=[account.username for account in DEMO_ACCOUNTS])
    names = sorted(users.values_list("username", flat=True))
    users.delete()
    return names
