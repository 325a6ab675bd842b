"""Choosing a municipality by typing its name: one text input with a datalist, however many there are."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.models import Municipality

DATALIST_ID = "municipality-names"


class MunicipalityLookup:
    """The municipalities of `queryset` by name and id, read in one query the first time a row needs them."""

    def __init__(self, queryset=None):
        self.queryset = Municipality.objects.all() if queryset is None else queryset
        self._by_id: dict[int, Municipality] | None = None

    def _load(self) -> dict[int, Municipality]:
        if self._by_id is None:
            self._by_id = {m.pk: m for m in self.queryset.only("pk", "name").order_by("name")}
        return self._by_id

    def names(self) -> list[str]:
        return [m.name for m in self._load().values()]

    def by_id(self, pk) -> Municipality | None:
        return self._load().get(int(pk)) if str(pk).isdigit() else None

    def by_name(self, name: str) -> Municipality | None:
        if "\x00" in name:  # no name holds one, and PostgreSQL text cannot
            return None
        wanted = name.strip().casefold()
        found = next((m for m in self._load().values() if m.name.casefold() == wanted), None)
        # Added since the page was built, for instance in the editor's "Nieuwe gemeente" dialog.
        return found or self.queryset.only("pk", "name").filter(name__iexact=name.strip()).first()


class MunicipalityNameField(forms.Field):
    """A municipality typed by name (suggested from a shared <datalist>), cleaned to the Municipality."""

    widget = forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off"})
    default_error_messages = {
        "unknown": _(
            "Onbekende gemeente: “%(name)s”. Kies een naam uit de lijst, of voeg de gemeente eerst toe "
            "met ‘Nieuwe gemeente’."
        ),
    }

    def __init__(self, **kwargs):
        self.lookup = MunicipalityLookup()
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.lookup = MunicipalityLookup()  # every form reads the database afresh
        return result

    def prepare_value(self, value):
        if isinstance(value, Municipality):
            return value.name
        if isinstance(value, int):
            found = self.lookup.by_id(value)
            return found.name if found else ""
        return value

    def post_value(self, pk: str) -> str:
        """The name a browser posts for the municipality with this id (for a merged form)."""
        found = self.lookup.by_id(pk)
        return found.name if found else pk

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return None
        found = self.lookup.by_name(str(value))
        if found is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown", params={"name": value})
        return found

    def has_changed(self, initial, data) -> bool:
        return (self.prepare_value(initial) or "") != (data or "").strip()


class MunicipalityNamesWidget(forms.MultiWidget):
    """`slots` text inputs sharing the municipality datalist, each labelled "<item label> <n>"."""

    def __init__(self, slots: int, item_label: str, attrs=None):
        self.item_label = item_label
        inputs = [forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off"}) for _ in range(slots)]
        super().__init__(inputs, attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for number, subwidget in enumerate(context["widget"]["subwidgets"], start=1):
            subwidget["attrs"]["aria-label"] = f"{self.item_label} {number}"
        return context

    def decompress(self, value):
        return list(value or [])


class MunicipalityNamesField(forms.Field):
    """Several municipalities typed by name, one per input (as in the case editor's rows), cleaned
    to a list of Municipality in the order typed; empty inputs are skipped."""

    default_error_messages = {
        "unknown": MunicipalityNameField.default_error_messages["unknown"],
        "twice": _("“%(name)s” staat er twee keer in."),
    }

    def __init__(self, *, slots: int, item_label: str, queryset=None, **kwargs):
        self.lookup = MunicipalityLookup(queryset)
        kwargs.setdefault("widget", MunicipalityNamesWidget(slots, item_label))
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.lookup = MunicipalityLookup(self.lookup.queryset)
        return result

    def prepare_value(self, value):
        return [m.name if isinstance(m, Municipality) else m for m in value or []]

    def to_python(self, value) -> list[Municipality]:
        names = [str(name).strip() for name in value or [] if name and str(name).strip()]
        found, errors = [], []
        for name in names:
            municipality = self.lookup.by_name(name)
            problem = "unknown" if municipality is None else "twice" if municipality in found else None
            if problem:
                message = self.error_messages[problem]
                errors.append(ValidationError(message, code=problem, params={"name": name}))
            else:
                found.append(municipality)
        if errors:
            raise ValidationError(errors)
        return found
