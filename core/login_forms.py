"""The login forms of the app and of the admin: Django's, with the username's length checked."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class UsernameLengthChecked:
    """Refuses a username over its maximum length before anyone looks it up.

    Django's AuthenticationForm sets the field's `max_length` after the field is made: the browser
    is told, the server never checks. An overlong name went on to `authenticate()` and to axes,
    whose failure log holds 255 characters, and the login answered 500.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators = [*username.validators, MaxLengthValidator(username.max_length)]


class LoginForm(UsernameLengthChecked, AuthenticationForm):
    """The app's login form."""


class AdminLoginForm(UsernameLengthChecked, AdminAuthenticationForm):
    """The admin's login form."""
