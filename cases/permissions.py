"""Who may read dossiers: the mixin of every view that shows case data."""

from core.permissions import LoginPermissionRequiredMixin


class ReaderRequiredMixin(LoginPermissionRequiredMixin):
    """Anonymous visitors go to the login page; a logged-in user without `cases.view_case` gets 403."""

    permission_required = "cases.view_case"
