"""Correcting an exploration's five-point check, with the field-level three-way merge on conflict."""

from functools import cached_property

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from assessments.forms import AssessmentForm
from assessments.models import Assessment
from explorations.merge import (
    MISSING,
    ConflictChoices,
    KeyedConflict,
    instance_state,
    next_version_started,
    part_state_at,
    three_way_merge,
)
from explorations.services.exploration import StaleExplorationError
from explorations.services.review import CHECK_FIELDS, exploration_assessment_update
from explorations.views.edit import ExplorationEditMixin


class ExplorationCheckUpdateView(ExplorationEditMixin):
    """Correct ("corrigeren") a recorded check; guarded by the exploration's version."""

    permission_required = ("explorations.change_exploration", "assessments.change_assessment")
    template_name = "explorations/check_form.html"

    @cached_property
    def assessment(self) -> Assessment:
        return get_object_or_404(Assessment, pk=self.kwargs["pk"], exploration=self.exploration)

    def get(self, request, slug, pk):
        form = AssessmentForm(instance=self.assessment, initial={"version": self.exploration.version})
        return self.render(form=form, assessment=self.assessment)

    def post(self, request, slug, pk):
        choices = ConflictChoices(request.POST)
        if choices.missing:
            form = AssessmentForm(request.POST, instance=self.assessment, initial=self.current_version())
            return self.render_choices(form, choices.conflicts, choose_error=True)
        form = AssessmentForm(
            choices.applied(request.POST), instance=self.assessment, initial=self.current_version()
        )
        if not form.is_valid():
            return self.render(form=form, assessment=self.assessment)
        try:
            self.save(form.cleaned_data["version"] or 0, form.cleaned_data)
        except StaleExplorationError as stale:
            return self.on_stale(form, stale)
        return self.done(_("De vijfpuntscheck is gecorrigeerd."))

    def save(self, version: int, data: dict):
        exploration_assessment_update(
            exploration_id=self.exploration.pk,
            assessment_id=self.assessment.pk,
            user=self.request.user,
            expected_version=version,
            data=data,
        )

    def on_stale(self, form, stale: StaleExplorationError):
        """Merge field by field; save when nothing conflicts, else show both and let the editor choose."""
        self.exploration = fresh = stale.exploration
        current = get_object_or_404(Assessment, pk=self.assessment.pk, exploration=fresh)
        started = next_version_started(fresh, stale.expected_version)
        base = part_state_at(current, started, CHECK_FIELDS) or dict.fromkeys(CHECK_FIELDS, MISSING)
        result = three_way_merge(
            base=base,
            mine={name: form.cleaned_data[name] for name in CHECK_FIELDS},
            theirs=instance_state(current, CHECK_FIELDS),
            labels={name: form.fields[name].label for name in CHECK_FIELDS},
        )
        if not result.conflicts:
            try:
                self.save(fresh.version, result.merged)
            except StaleExplorationError:
                messages.error(self.request, _("Er werd opnieuw tegelijk opgeslagen; probeer het nog eens."))
                return HttpResponseRedirect(self.request.path)
            return self.done(
                _("De vijfpuntscheck is gecorrigeerd en samengevoegd met de wijzigingen van een collega."),
            )
        shown = AssessmentForm(instance=current)
        conflicts = [
            KeyedConflict(c.name, str(c.label), self.as_input(form, c.name), self.as_input(shown, c.name))
            for c in result.conflicts
        ]
        merged = AssessmentForm(instance=current, initial={**result.merged, "version": fresh.version})
        return self.render_choices(merged, conflicts)

    @staticmethod
    def as_input(form, name: str) -> str:
        """A value as the editor would type it (so that choosing it can go through the form again)."""
        field = form[name]
        value = field.field.prepare_value(field.value())
        return "" if value is None else str(value)

    def render_choices(self, form, conflicts, **extra):
        payload = ConflictChoices.payload(conflicts)
        return self.render(
            form=form, assessment=self.assessment, conflicts=conflicts, conflicts_payload=payload, **extra
        )
