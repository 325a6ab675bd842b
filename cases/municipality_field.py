"""Choosing a municipality by typing its name: one text input with a datalist, however many there are."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.models import Municipality

DATALIST_ID = "municipality-names"


class MunicipalityLookup:
    """All municipalities by name and id, read in one query the first time any row needs them."""

    def __init__(self):
        self._by_id: dict[int, Municipality] | None = None

    def _load(self) -> dict[int, Municipality]:
        if self._by_id is None:
            self._by_id = {m.pk: m for m in Municipality.objects.only("pk", "name").order_by("name")}
        return self._by_id

    def names(self) -> list[str]:
        return [m.name for m in self._load().values()]

    def by_id(self, pk) -> Municipality | None:
        return self._load().get(int(pk)) if str(pk).isdigit() else None

    def by_name(self, name: str) -> Municipality | None:
        wanted = name.strip().casefold()
        found = next((m for m in self._load().values() if m.name.casefold() == wanted), None)
        # Added since the page was built, for instance in the editor's "Nieuwe gemeente" dialog.
        return found or Municipality.objects.only("pk", "name").filter(name__iexact=name.strip()).first()


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
