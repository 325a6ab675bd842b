"""Django admin for accounts and roles (users and groups), made to meet WCAG 2.1 AA."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from core.login_forms import AdminLoginForm

admin.site.login_form = AdminLoginForm  # the username's length checked (core/login_forms.py)

# Accounts: Django's own admin, with labelled plain multi-selects instead of the two-box filter
# widget (its search icons carry a prohibited aria-label) and the login dates read-only (the split
# date and time inputs have no label of their own).
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AccountAdmin(UserAdmin):
    filter_horizontal = ()
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    filter_horizontal = ()
