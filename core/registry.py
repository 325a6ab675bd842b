"""Extension points: a lower app declares a hook, a higher app registers with it (NetBox-style).

A lower app never imports a higher one. Where a page or a query of a lower app needs something of
a higher app (a filter, a column, a section, a menu entry), the lower app declares a `Hook`, reads
it when it runs, and the higher app fills it in its AppConfig.ready(). Items keep the order of
INSTALLED_APPS, then of registration.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


class Hook:
    """A named list of registered items (callables or small records) that a lower app reads."""

    def __init__(self, name: str):
        self.name = name
        self._items: list[Any] = []

    def register(self, item: Any) -> Any:
        """Add `item`; usable as a decorator. Registering the same item twice keeps one."""
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._items)} items>"


@dataclass(frozen=True)
class PageSection:
    """A section a higher app adds to a page of a lower one: its template and the context it needs.

    `context(obj)` returns the variables the template reads (no query if the page's queryset was
    extended through the matching queryset hook).
    """

    template: str
    context: Callable[[Any], dict] = field(default=lambda obj: {})


@dataclass(frozen=True)
class MenuItem:
    """An entry of the main menu, shown to users with `permission` (every logged-in user when "");
    marked current on the pages under `path_prefix`."""

    label: str
    url_name: str
    permission: str
    path_prefix: str


MENU_ITEMS = Hook("menu_items")
