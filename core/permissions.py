"""Permission mixins of the views: the check runs on the server, before anything is looked up."""

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin


class LoginPermissionRequiredMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; a logged-in user without the permission gets 403.

    Subclasses name the permission (`permission_required`); dispatch() checks it before the view
    looks anything up, so a missing and a forbidden object answer alike.
    """
