"""Every URL pattern the project declares, with its path parameters filled from seed objects.

`declared_patterns()` walks Django's URL resolver (the admin included), so a pattern added later
is found without touching a test; `concrete_url()` fills its parameters: admin URLs from the
ModelAdmin that declared them (its first object, or the one given for "app.model"), the app's
from the parameters the test gives by URL name. A pattern with parameters that
neither knows makes `concrete_url()` raise, so the test that uses it fails and names the pattern.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse


@dataclass(frozen=True)
class Declared:
    name: str  # "case-detail", "admin:cases_case_change"
    route: str  # "cases/<slug:slug>/"
    parameters: tuple[str, ...]


def declared_patterns() -> list[Declared]:
    """Every named URL pattern, in declaration order."""
    found = []

    def walk(resolver, prefix: str, namespace: str | None):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, prefix + str(entry.pattern), entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                route = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                named = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
                unnamed = re.findall(r"\((?!\?)", route)  # a regex's positional groups
                names = tuple(a or b for a, b in named) + tuple(f"arg{i}" for i in range(len(unnamed)))
                found.append(Declared(name, route, names))

    walk(get_resolver(), "", None)
    return found


def _admin_model(name: str):
    """The model whose ModelAdmin declared the admin URL `name` ("admin:cases_case_change")."""
    for model in admin.site._registry:
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


def admin_url(declared: Declared, overrides: dict) -> str:
    """An admin URL: an object's pages show the object in `overrides` ("cases.case") or the first."""
    if not declared.parameters:
        return reverse(declared.name)
    if declared.name == "admin:app_list":
        return reverse(declared.name, kwargs={"app_label": "cases"})
    if declared.name == "admin:view_on_site":
        case = apps.get_model("cases", "Case").objects.order_by("pk").first()
        content_type = ContentType.objects.get_for_model(case)
        return reverse(declared.name, kwargs={"content_type_id": content_type.pk, "object_id": case.pk})
    model = _admin_model(declared.name)
    if model is not None and declared.name.endswith("_simple_history"):  # one record of its history
        record = model.history.order_by("history_id").first()
        if record is None:
            raise LookupError(f"no history of {model._meta.label} to fill {declared.route}")
        return reverse(declared.name, args=[getattr(record, model._meta.pk.attname), record.history_id])
    if model is None or len(declared.parameters) != 1:
        raise LookupError(f"no parameters for {declared.name} ({declared.route}): add them to the test")
    found = overrides.get(model._meta.label_lower) or model._default_manager.order_by("pk").first()
    if found is None:
        raise LookupError(f"no {model._meta.label} to fill {declared.route}")
    return reverse(declared.name, kwargs={declared.parameters[0]: found.pk})


def concrete_url(declared: Declared, parameters: dict) -> str:
    """The URL of `declared` with its parameters filled; LookupError names a pattern nobody fills."""
    if declared.name.startswith("admin:"):
        return admin_url(declared, parameters)
    if not declared.parameters:
        return reverse(declared.name)
    if declared.name not in parameters:
        raise LookupError(f"no parameters for {declared.name} ({declared.route}): add them to the test")
    return reverse(declared.name, kwargs=parameters[declared.name])
