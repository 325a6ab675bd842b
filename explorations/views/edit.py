"""Exploration pages that write: sections (with a three-way merge), toetsingskader, variants,
matrix, five-point checks and similar-case pins. Permission first, then lookups, then services."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cases.models import Case
from core.client_numbers import VERSION_ERROR
from core.editing import ConflictChoicesMixin, field_choices, post_value
from explorations.choices import PinDecision
from explorations.forms import ExplorationForm, VariantForm, VersionForm
from explorations.merge import (
    form_fields_merge,
    instance_state,
    next_version_started,
    part_state_at,
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


class ExplorationEditMixin(ExplorationReaderMixin, View):
    """Looks the exploration up only in the handlers, i.e. after the permission check in dispatch."""

    permission_required = "explorations.change_exploration"
    template_name = ""

    @cached_property
    def exploration(self) -> Exploration:
        return get_object_or_404(Exploration, slug=self.kwargs["slug"])

    # The core's conflict screen (core/includes/merge_choices.html) in the words of an exploration,
    # announced: these pages have no conflict notice of their own above it.
    merge_texts = {
        "merge_heading": gettext_lazy("Een collega heeft deze verkenning intussen ook gewijzigd"),
        "merge_intro": gettext_lazy(
            "Er is nog niets opgeslagen. Velden die alleen u of alleen de collega wijzigde zijn al "
            "samengevoegd. Bij de velden hieronder wijzigden u allebei iets: kies per veld welke "
            "versie blijft en sla opnieuw op."
        ),
        "merge_announce": True,
    }

    def render(self, **context):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"exploration": self.exploration, **self.merge_texts, **context},
        )

    def current_version(self) -> dict:
        """Initial data that lets a posted form refuse a version above the current one."""
        return {"version": self.exploration.version}

    def done(self, message: str):
        """Back to the exploration, where the message is shown on top and takes the focus (no jump
        to the changed section, which would hide the message)."""
        messages.success(self.request, message)
        return HttpResponseRedirect(self.exploration.get_absolute_url())


class FieldsEditView(ConflictChoicesMixin, ExplorationEditMixin):
    """An editor of one record's fields (the exploration's own, a variant's), guarded by the version.

    After a StaleExplorationError the fields merge with what a colleague saved (explorations.merge);
    without a field both changed the merge is saved, else the core's signed choices are shown
    (core.editing.ConflictChoicesMixin, the same flow and screen as every other editor).
    """

    saved_message = ""
    merged_message = ""

    def form(self, data=None, *, instance=None):
        raise NotImplementedError

    def save(self, version: int, data: dict) -> None:
        raise NotImplementedError

    def stored(self, stale: StaleExplorationError) -> tuple[dict | None, dict, object]:
        """What the editor started from (None if unknown), what is stored now, and its record."""
        raise NotImplementedError

    def render_form(self, form, **context):
        return self.render(form=form, **context)

    def post(self, request, *args, **kwargs):
        data, choices, undecided = self.posted_choices(request.POST)
        form = self.form(data)
        if undecided:
            return self.render_form(form, **self.choices_context(choices, undecided))
        if form.is_valid():
            try:
                self.save(form.cleaned_data["version"], form.cleaned_data)
            except StaleExplorationError as stale:
                return self.on_stale(form, stale)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return self.done(self.saved_message)
        return self.render_form(form)

    def on_stale(self, form, stale: StaleExplorationError):
        """Merge field by field: save when no field conflicts, else let the editor choose."""
        self.exploration = stale.exploration
        base, theirs, record = self.stored(stale)
        merged, theirs, yours = form_fields_merge(form, base=base, theirs=theirs)
        data = QueryDict(mutable=True)
        data.update({name: post_value(form.fields[name], value) for name, value in merged.values.items()})
        data["version"] = str(self.exploration.version)
        merged_form = self.form(data, instance=record)
        taken = ", ".join(str(form.fields[name].label) for name in merged.theirs_changed)
        taken = _("Van de collega overgenomen: %(fields)s.") % {"fields": taken} if taken else ""
        if not merged.conflicts and merged_form.is_valid():
            message = " ".join(filter(None, [str(self.merged_message), taken]))
            return self.merged_save(
                lambda: self.save(self.exploration.version, merged_form.cleaned_data),
                StaleExplorationError,
                done=lambda: self.done(message),
            )
        choices = field_choices(form, merged, theirs, yours)
        return self.render_form(merged_form, notes=[taken] if taken else [], **self.choices_context(choices))


class ExplorationUpdateView(FieldsEditView):
    """The exploration's fields and sections; on a conflict, a field-level three-way merge."""

    template_name = "explorations/edit.html"
    saved_message = gettext_lazy("De verkenning is opgeslagen.")
    merged_message = gettext_lazy(
        "De verkenning is opgeslagen en samengevoegd met de wijzigingen van een collega."
    )

    def form(self, data=None, *, instance=None):
        return ExplorationForm(data, instance=instance or self.exploration, initial=self.current_version())

    def get(self, request, slug):
        return self.render_form(self.form())

    def save(self, version: int, data: dict) -> None:
        exploration_update(
            exploration_id=self.exploration.pk, user=self.request.user, expected_version=version, data=data
        )

    def stored(self, stale: StaleExplorationError):
        fresh, fields = stale.exploration, EXPLORATION_EDITABLE_FIELDS
        record = version_record(fresh, stale.expected_version)
        base = instance_state(record, fields) if record else None
        # The merged form validates against a copy: the page keeps showing what is stored.
        return base, instance_state(fresh, fields), Exploration.objects.get(pk=fresh.pk)


class VariantEditView(FieldsEditView):
    """Create a variant (no pk) or edit one, with its SWOT."""

    template_name = "explorations/variant_form.html"
    saved_message = gettext_lazy("De variant is opgeslagen.")
    merged_message = gettext_lazy(
        "De variant is opgeslagen en samengevoegd met de wijzigingen van een collega."
    )

    @cached_property
    def variant(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.exploration.variants, pk=self.kwargs["pk"])

    def form(self, data=None, *, instance=None):
        initial = self.current_version()
        if self.variant is None:
            initial["order"] = self.exploration.variants.count() + 1
        return VariantForm(
            data, instance=instance or self.variant, initial=initial, exploration=self.exploration
        )

    def get(self, request, slug, pk=None):
        return self.render_form(self.form())

    def render_form(self, form, **context):
        return self.render(form=form, variant=self.variant, **context)

    def save(self, version: int, data: dict) -> None:
        variant_save(
            exploration_id=self.exploration.pk,
            user=self.request.user,
            expected_version=version,
            variant_id=self.variant.pk if self.variant else None,
            data=data,
        )

    def on_stale(self, form, stale: StaleExplorationError):
        """A new variant simply goes in; an edited one is merged with what a colleague saved."""
        if self.variant is None:
            self.exploration = stale.exploration
            return self.merged_save(
                lambda: self.save(stale.exploration.version, form.cleaned_data),
                StaleExplorationError,
                done=lambda: self.done(self.saved_message),
            )
        return super().on_stale(form, stale)

    def stored(self, stale: StaleExplorationError):
        current = get_object_or_404(stale.exploration.variants, pk=self.variant.pk)
        started = next_version_started(stale.exploration, stale.expected_version)
        base = part_state_at(current, started, VARIANT_FIELDS)
        return base, instance_state(current, VARIANT_FIELDS), current


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
