"""The editor's side of a merge: the signed base it was loaded with, the rows as posted, the merged
form data and the choices left to the user. Glue between forms and the pure `core.merge`.
"""

from dataclasses import asdict, dataclass

from django.core import signing
from django.http import QueryDict
from django.utils.translation import gettext as _

from core.client_numbers import MAX_FORMSET_ROWS, management_counts
from core.merge import MISSING, MergedRow, canonical

BASE_SALT = "cases.editor.base"
CONFLICTS_SALT = "cases.editor.conflicts"


def _record_key(record) -> list[str]:
    return [record._meta.label_lower, str(record.pk)]


def snapshot_sign(snapshot: dict, *, record, version: int) -> str:
    """Sign the values an editor was loaded with, bound to the record and the version they were taken from."""
    bound = {"record": _record_key(record), "version": version, "values": snapshot}
    return signing.dumps(bound, salt=BASE_SALT, compress=True)


def snapshot_read(token: str | None, *, record, version: int | None):
    """The base the editor was loaded with, or MISSING when absent, tampered with or not this form's.

    A snapshot of another record, or of another version than the one the form says it started
    from (a newer one posted with a stale form), is no base: every difference becomes a choice.
    """
    try:
        bound = signing.loads(token or "", salt=BASE_SALT)
    except signing.BadSignature:
        return MISSING
    if not isinstance(bound, dict) or bound.get("record") != _record_key(record):
        return MISSING
    if version is None or bound.get("version") != version:
        return MISSING
    return bound.get("values", MISSING)


def instance_values(instance, names: list[str]) -> dict[str, str]:
    """Canonical values of a model instance's fields (foreign keys by id)."""
    return {name: canonical(getattr(instance, instance._meta.get_field(name).attname)) for name in names}


def rows_snapshot(objects, names: list[str]) -> dict[str, dict]:
    return {str(obj.pk): instance_values(obj, names) for obj in objects}


def _row_keys(data: QueryDict, prefix: str, index: int) -> list[str]:
    start = f"{prefix}-{index}-"
    return [key for key in data if key.startswith(start)]


def formset_detach_vanished(data: QueryDict, prefix: str, existing_ids: set[str]) -> tuple[QueryDict, dict]:
    """Rows whose id no longer exists (someone deleted them) become new rows behind the existing ones.

    Returns the rewritten data and {new index: the id the row had}, so the merge still knows them.
    """
    counts = management_counts(data, prefix)
    if counts is None:
        return data, {}  # not counts: the formset refuses them with a form error
    total, initial = counts
    vanished = [i for i in range(initial) if data.get(f"{prefix}-{i}-id", "") not in existing_ids]
    if not vanished:
        return data, {}
    kept = [i for i in range(initial) if i not in vanished]
    order = kept + vanished + list(range(initial, total))
    result = data.copy()
    rows = {
        i: {key[len(f"{prefix}-{i}-") :]: data.getlist(key) for key in _row_keys(data, prefix, i)}
        for i in order
    }
    for i in order:
        for key in _row_keys(data, prefix, i):
            del result[key]
    detached = {}
    for new_index, old_index in enumerate(order):
        for name, values in rows[old_index].items():
            result.setlist(f"{prefix}-{new_index}-{name}", values)
        if old_index in vanished:
            detached[new_index] = data.get(f"{prefix}-{old_index}-id")
            result[f"{prefix}-{new_index}-id"] = ""
    result[f"{prefix}-INITIAL_FORMS"] = str(len(kept))
    return result, detached


def post_value(form_field, value: str) -> str:
    """The value a browser would post for a canonical value (a municipality by its name, for instance)."""
    if value == "":
        return ""
    prepare = getattr(form_field, "post_value", None)
    return prepare(value) if prepare else value


def display(form_field, value: str) -> str:
    """A canonical value as people read it: the label of a choice, the name of a municipality."""
    if value == "":
        return "—"
    if hasattr(form_field, "post_value"):
        return form_field.post_value(value)
    choices = getattr(form_field, "choices", None)
    if choices is not None:
        return str(dict((str(key), label) for key, label in choices).get(value, value))
    return value


@dataclass
class Choice:
    """A difference the user decides: `overrides` are the posted values that take the other's version."""

    label: str
    theirs: str
    yours: str
    overrides: dict
    theirs_label: str = ""
    yours_label: str = ""


def choices_sign(choices: list[Choice]) -> str:
    return signing.dumps([asdict(choice) for choice in choices], salt=CONFLICTS_SALT, compress=True)


def choices_read(token: str | None) -> list[Choice]:
    try:
        return [Choice(**item) for item in signing.loads(token or "", salt=CONFLICTS_SALT)]
    except (signing.BadSignature, TypeError):
        return []


def choices_apply(data: QueryDict, choices: list[Choice]) -> tuple[QueryDict, list[int]]:
    """Apply the user's choices to the posted data; return it and the numbers of the undecided ones."""
    data, undecided = data.copy(), []
    for number, choice in enumerate(choices):
        decision = data.get(f"resolve-{number}")
        if decision == "theirs":
            for key, value in choice.overrides.items():
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
        elif decision != "yours":
            undecided.append(number)
    return data, undecided


def field_choices(form, merged, theirs: dict[str, str], yours: dict[str, str]) -> list[Choice]:
    """A choice for every field of `form` both sides changed differently."""
    return [
        Choice(
            label=str(form.fields[name].label),
            theirs=display(form.fields[name], theirs[name]),
            yours=display(form.fields[name], yours[name]),
            overrides={form.add_prefix(name): post_value(form.fields[name], theirs[name])},
        )
        for name in merged.conflicts
    ]


def formset_merged_data(formset, rows: list[MergedRow], extra: int) -> tuple[dict, list[Choice]]:
    """Posted data for the merged rows (existing ones first), and the choices the rows leave open."""
    rows = [row for row in rows if row.id] + [row for row in rows if not row.id]
    fields = formset.empty_form.fields
    prefix = formset.prefix
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows) + extra),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for row in rows if row.id)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": str(MAX_FORMSET_ROWS),
    }
    choices = []
    for index, row in enumerate(rows):
        key = f"{prefix}-{index}-"
        data[key + "id"] = row.id or ""
        data |= {key + name: post_value(fields[name], value) for name, value in row.values.items()}
        if row.deleted:
            data[key + "DELETE"] = "on"
        label = _row_label(formset, fields, row)
        if row.status == "they_deleted_you_changed":
            choices.append(
                Choice(label, _("verwijderd"), _("gewijzigd"), {key + "DELETE": "on"},
                       _("Verwijderen, zoals de ander deed"), _("Uw gewijzigde rij bewaren"))
            )  # fmt: skip
        elif row.status == "you_deleted_they_changed":
            choices.append(
                Choice(label, _("gewijzigd"), _("verwijderd"), {key + "DELETE": None},
                       _("De door de ander gewijzigde rij bewaren"), _("Verwijderen, zoals u deed"))
            )  # fmt: skip
        for name in row.conflicts:
            choices.append(
                Choice(
                    f"{label}: {fields[name].label}",
                    display(fields[name], row.theirs[name]),
                    display(fields[name], row.values[name]),
                    {key + name: post_value(fields[name], row.theirs[name])},
                )
            )
    return data, choices


def _row_label(formset, fields, row: MergedRow) -> str:
    first = next(iter(row.values))
    return f"{formset.verbose_name}: {display(fields[first], row.values[first])}"
