"""Exploration pages that write: sections (with a three-way merge), toetsingskader, variants,
matrix, five-point checks and similar-case pins. Permission first, then lookups, then services."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from cases.models import Case
from core.client_numbers import VERSION_ERROR
from explorations.choices import PinDecision
from explorations.forms import ExplorationForm, VariantForm, VersionForm
from explorations.merge import (
    instance_state,
    next_version_started,
    part_state_at,
    three_way_merge,
    version_record,
)
from explorations.models import EXPLORATION_EDITABLE_FIELDS, Exploration
from explorations.services.exploration import (
    VARIANT_FIELDS,
    StaleExplorationError,
    exploration_update,
    variant_delete,
    variant_save,
)
from explorations.services.review import similar_case_decide
from explorations.views.exploration import ExplorationReaderMixin

MISSING = object()


class ExplorationEditMixin(ExplorationReaderMixin, View):
    """Looks the exploration up only in the handlers, i.e. after the permission check in dispatch."""

    permission_required = "explorations.change_exploration"
    template_name = ""

    @cached_property
    def exploration(self) -> Exploration:
        return get_object_or_404(Exploration, slug=self.kwargs["slug"])

    def render(self, **context):
        return TemplateResponse(
            self.request, self.template_name, {"exploration": self.exploration, **context}
        )

    def current_version(self) -> dict:
        """Initial data that lets a posted form refuse a version above the current one."""
        return {"version": self.exploration.version}

    def done(self, message: str):
        """Back to the exploration, where the message is shown on top and takes the focus (no jump
        to the changed section, which would hide the message)."""
        messages.success(self.request, message)
        return HttpResponseRedirect(self.exploration.get_absolute_url())


def _shown(form, name: str, value) -> str:
    """A value as the editor knows it: choice labels, a related record's name, lists as lines."""
    field = form.fields[name]
    if isinstance(value, list):
        return "\n".join(value) or "—"
    if hasattr(field, "queryset"):
        related = (
            value if hasattr(value, "_meta") else field.queryset.filter(pk=value).first() if value else None
        )
        return str(related) if related else "—"
    if getattr(field, "choices", None):
        return str(dict(field.choices).get(value, value)) or "—"
    return str(value) if value not in (None, "") else "—"


def conflicts_shown(form, conflicts) -> list[dict]:
    return [
        {
            "name": c.name,
            "label": c.label,
            "mine": _shown(form, c.name, c.mine),
            "theirs": _shown(form, c.name, c.theirs),
        }
        for c in conflicts
    ]


class MergeMixin:
    """After a StaleExplorationError: merge field by field; save when nothing conflicts, else show both."""

    def merge(self, form, stale: StaleExplorationError, *, base: dict | None, theirs: dict, save, rebuild):
        fields = form.merge_fields
        labels = {name: form.fields[name].label for name in fields}
        result = three_way_merge(
            base=base or dict.fromkeys(fields, MISSING), mine=form.resolved(), theirs=theirs, labels=labels
        )
        fresh = stale.exploration
        if not result.conflicts:
            try:
                save(fresh.version, result.merged)
            except StaleExplorationError:
                messages.error(self.request, _("Er werd opnieuw tegelijk opgeslagen; probeer het nog eens."))
                return HttpResponseRedirect(self.request.path)
            message = _("De verkenning is opgeslagen en samengevoegd met de wijzigingen van een collega.")
            taken = ", ".join(str(labels[name]) for name in result.taken_from_them)
            if taken:
                message = _("%(message)s Van de collega overgenomen: %(fields)s.") % {
                    "message": message,
                    "fields": taken,
                }
            return self.done(message)
        names = [conflict.name for conflict in result.conflicts]
        merged_form = rebuild(
            {**result.merged, "version": fresh.version, "conflicts": ",".join(names)}, names
        )
        self.exploration = fresh
        taken = [str(labels[name]) for name in result.taken_from_them]
        return self.render(form=merged_form, conflicts=conflicts_shown(form, result.conflicts), taken=taken)


class ExplorationUpdateView(MergeMixin, ExplorationEditMixin):
    """The exploration's fields and sections; on a conflict, a field-level three-way merge."""

    template_name = "explorations/edit.html"

    def get(self, request, slug):
        return self.render(
            form=ExplorationForm(instance=self.exploration, initial={"version": self.exploration.version})
        )

    def post(self, request, slug):
        form = ExplorationForm(request.POST, instance=self.exploration, initial=self.current_version())
        if not form.is_valid():
            return self.render(form=form, conflicts=self._conflicts_of(form))
        try:
            exploration_update(
                exploration_id=self.exploration.pk,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                data=form.resolved(),
            )
        except StaleExplorationError as stale:
            return self.on_stale(form, stale)
        return self.done(_("De verkenning is opgeslagen."))

    def _conflicts_of(self, form):
        return [
            {
                "name": name,
                "label": form.fields[name].label,
                "mine": _shown(form, name, form[name].value()),
                "theirs": _shown(form, name, getattr(self.exploration, name)),
            }
            for name in form.conflict_names
        ]

    def on_stale(self, form, stale: StaleExplorationError):
        fresh, fields = stale.exploration, EXPLORATION_EDITABLE_FIELDS
        record = version_record(fresh, stale.expected_version)

        def save(version, data):
            exploration_update(
                exploration_id=fresh.pk, user=self.request.user, expected_version=version, data=data
            )

        return self.merge(
            form,
            stale,
            base=instance_state(record, fields) if record else None,
            theirs=instance_state(fresh, fields),
            save=save,
            rebuild=lambda initial, names: ExplorationForm(
                instance=fresh, initial=initial, conflict_names=names
            ),
        )


class VariantEditView(MergeMixin, ExplorationEditMixin):
    """Create a variant (no pk) or edit one, with its SWOT."""

    template_name = "explorations/variant_form.html"

    @cached_property
    def variant(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.exploration.variants, pk=self.kwargs["pk"])

    def get(self, request, slug, pk=None):
        initial = {"version": self.exploration.version}
        if self.variant is None:
            initial["order"] = self.exploration.variants.count() + 1
        form = VariantForm(instance=self.variant, initial=initial, exploration=self.exploration)
        return self.render(form=form, variant=self.variant)

    def post(self, request, slug, pk=None):
        form = VariantForm(
            request.POST, instance=self.variant, initial=self.current_version(), exploration=self.exploration
        )
        if form.is_valid():
            try:
                self.save(form.cleaned_data["version"], form.resolved())
            except StaleExplorationError as stale:
                return self.on_stale(form, stale)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self.done(_("De variant is opgeslagen."))
        return self.render(form=form, variant=self.variant)

    def save(self, version: int, data: dict):
        variant_save(
            exploration_id=self.exploration.pk,
            user=self.request.user,
            expected_version=version,
            variant_id=self.variant.pk if self.variant else None,
            data=data,
        )

    def on_stale(self, form, stale: StaleExplorationError):
        """A new variant simply goes in; an edited one is merged with what a colleague saved."""
        fields = VARIANT_FIELDS
        if self.variant is None:
            return self.merge(
                form, stale, base=form.resolved(), theirs=form.resolved(), save=self.save, rebuild=None
            )
        current = get_object_or_404(stale.exploration.variants, pk=self.variant.pk)
        started = next_version_started(stale.exploration, stale.expected_version)
        base = part_state_at(current, started, fields)
        return self.merge(
            form,
            stale,
            base=base,
            theirs=instance_state(current, fields),
            save=self.save,
            rebuild=lambda initial, names: VariantForm(
                instance=current, initial=initial, conflict_names=names, exploration=stale.exploration
            ),
        )


def _with_version(form, stale: StaleExplorationError):
    """Keep what the editor typed; a second save goes through against the current version."""
    data = form.data.copy()
    data["version"] = stale.exploration.version
    form.data = data
    return form


class VariantDeleteView(ExplorationEditMixin):
    """POST: take a variant (and its scores) out of the comparison; guarded by the version."""

    def post(self, request, slug, pk):
        variant = get_object_or_404(self.exploration.variants, pk=pk)
        version = VersionForm(request.POST, initial=self.current_version())
        if not version.is_valid():
            messages.error(request, VERSION_ERROR)
            return HttpResponseRedirect(reverse("variant-edit", args=[slug, pk]))
        try:
            variant_delete(
                exploration_id=self.exploration.pk,
                user=request.user,
                expected_version=version.cleaned_data["version"],
                variant_id=variant.pk,
            )
        except StaleExplorationError:
            messages.error(
                request,
                _("Een collega wijzigde de verkenning intussen; bekijk de variant en probeer opnieuw."),
            )
            return HttpResponseRedirect(reverse("variant-edit", args=[slug, pk]))
        return self.done(_("De variant “%(name)s” is verwijderd.") % {"name": variant.name})


class SimilarCaseDecisionView(ExplorationEditMixin):
    """POST: pin or dismiss a suggested case, or take that back."""

    def post(self, request, slug, case_slug):
        case = get_object_or_404(Case, slug=case_slug)
        decision = request.POST.get("decision", "")
        if decision not in ("", *PinDecision.values):
            return self.done(_("Onbekende keuze; er is niets gewijzigd."))
        similar_case_decide(
            exploration_id=self.exploration.pk,
            case_id=case.pk,
            user=request.user,
            decision=decision,
            note=request.POST.get("note", "")[:300],
        )
        return self.done(_("Uw keuze over “%(case)s” is opgeslagen.") % {"case": case.title})
