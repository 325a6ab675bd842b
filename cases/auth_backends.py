"""Authentication backends of the application."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpResponse
from django.shortcuts import render

from cases.accounts import DEMO_ACCOUNTS


def is_demo_username(username: str) -> bool:
    """Whether `username` is one of the demo accounts with their well-known passwords."""
    return username in {account.username for account in DEMO_ACCOUNTS}


class NoDemoAccountsInProductionBackend(ModelBackend):
    """Django's model backend, except that demo accounts cannot log in when DEBUG is off.

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
