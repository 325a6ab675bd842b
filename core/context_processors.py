"""Template context of every page: the menu entries the apps registered, as far as the user may see them."""

from django.urls import reverse

from core.registry import MENU_ITEMS


def menu(request) -> dict:
    """`menu_items`: (label, url, current) of the registered entries the user has the right for."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu_items": []}
    return {
        "menu_items": [
            (item.label, reverse(item.url_name), request.path.startswith(item.path_prefix))
            for item in MENU_ITEMS
            if not item.permission or user.has_perm(item.permission)
        ]
    }
