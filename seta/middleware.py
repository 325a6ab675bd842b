"""Request middleware of the project."""

from django.middleware.locale import LocaleMiddleware


class DutchByDefaultLocaleMiddleware(LocaleMiddleware):
    """Dutch for everyone unless the user chose another language (Django's language cookie).

    The browser's Accept-Language header is ignored: like other Dutch government tools, the
    application speaks Dutch first; English is one click away in the header.
    """

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
