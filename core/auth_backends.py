"""Authentication backends of the application."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.shortcuts import render

from core.accounts import DEMO_ACCOUNTS


class ModelBackendOneQuery(ModelBackend):
    """Like ModelBackend, but the user's own and group permissions come in one UNION query.

    Every page checks a permission, so this saves a query on every request.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            fields = ("content_type__app_label", "codename")
            if user_obj.is_superuser:
                rows = Permission.objects.values_list(*fields)
            else:
                own = Permission.objects.filter(user=user_obj).values_list(*fields).order_by()
                grouped = Permission.objects.filter(group__user=user_obj).values_list(*fields).order_by()
                rows = own.union(grouped)
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache


def is_demo_username(username: str) -> bool:
    """Whether `username` is one of the demo accounts with their well-known passwords."""
    return username in {account.username for account in DEMO_ACCOUNTS}


class NoDemoAccountsInProductionBackend(ModelBackendOneQuery):
    """Django's model backend (permissions in one query); demo accounts cannot log in when DEBUG is off.

    Their passwords are in the README. `user_can_authenticate` is also consulted when a session
    is resumed (`get_user`), so a demo session started before DEBUG was turned off ends too.
    """

    def user_can_authenticate(self, user) -> bool:
        if not settings.DEBUG and is_demo_username(user.get_username()):
            return False
        return super().user_can_authenticate(user)


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out login: a Dutch page saying how long, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"lockout_minutes": minutes}, status=429)
