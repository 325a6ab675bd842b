"""Pages that record and correct a case's five-point check. Thin: writes go to services."""

from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import FormView

from assessments.current import current_check
from assessments.forms import AssessmentForm, new_check_initial
from assessments.models import Assessment
from assessments.services import ASSESSMENT_FIELDS, assessment_create, assessment_update
from cases.back import back_context, request_back, with_back
from cases.history import changes_since
from cases.models import Case
from cases.permissions import ReaderRequiredMixin
from cases.services import StaleDossierError
from core.editing import (
    ConflictChoicesMixin,
    choices_sign,
    field_choices,
    instance_values,
    post_value,
    snapshot_read,
    snapshot_sign,
)
from core.merge import canonical_values, fields_merge


class AssessmentEditMixin(ConflictChoicesMixin, ReaderRequiredMixin, FormView):
    """Record a new five-point check or correct one, guarded by the dossier's version."""

    template_name = "assessments/assessment_form.html"
    form_class = AssessmentForm
    assessment: Assessment | None = None

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        self.case = get_object_or_404(Case, slug=kwargs["slug"])
        if "pk" in kwargs:
            self.assessment = get_object_or_404(Assessment, pk=kwargs["pk"], case=self.case)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.assessment
        if "data" in kwargs:
            kwargs["data"], self.choices, self.undecided = self.posted_choices(kwargs["data"])
        return kwargs

    def get_initial(self):
        initial = {"version": self.case.version}
        if self.assessment:
            values = instance_values(self.assessment, ASSESSMENT_FIELDS)
            initial["base"] = snapshot_sign(values, record=self.assessment, version=self.case.version)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(  # the dossier's way back, kept through saves and conflicts
            case=self.case, assessment=self.assessment, **back_context(self.request), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if self.undecided:
            context = self.get_context_data(form=form, choices=self.choices, undecided=self.undecided)
            return self.render_to_response(context)
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)

    def form_valid(self, form):
        try:
            self.save(form)
        except StaleDossierError as stale:
            return self.render_merge(stale, form)
        messages.success(self.request, _("De vijfpuntscheck is opgeslagen."))
        # The message on top takes the focus.
        return HttpResponseRedirect(with_back(self.case.get_absolute_url(), request_back(self.request)))

    def render_merge(self, stale: StaleDossierError, form):
        """Merge the submitted check with the stored one (a new check has nothing to merge with)."""
        yours = canonical_values(form.cleaned_data, ASSESSMENT_FIELDS)
        theirs, choices = yours, []
        if self.assessment:
            current = Assessment.objects.get(pk=self.assessment.pk)
            theirs = instance_values(current, ASSESSMENT_FIELDS)
            base = snapshot_read(
                form.cleaned_data.get("base"), record=current, version=stale.expected_version
            )
            merged = fields_merge(base, theirs, yours)
            yours = merged.values
            choices = field_choices(
                form, merged, theirs, canonical_values(form.cleaned_data, ASSESSMENT_FIELDS)
            )
        data = QueryDict(mutable=True)
        data.update({name: post_value(form.fields[name], value) for name, value in yours.items()})
        data.update(
            {
                "version": str(stale.case.version),
                "base": (
                    snapshot_sign(theirs, record=self.assessment, version=stale.case.version)
                    if self.assessment
                    else ""
                ),
                "choices": choices_sign(choices) if choices else "",
            }
        )
        merged_form = AssessmentForm(data, instance=self.assessment)
        conflict = changes_since(stale.case, stale.expected_version)
        context = self.get_context_data(form=merged_form, conflict=conflict, choices=choices)
        return self.render_to_response(context)


class AssessmentCreateView(AssessmentEditMixin):
    permission_required = "assessments.add_assessment"

    def get_initial(self):
        """A new check starts from the current one: today, this advisor, its ratings and answers."""
        current = current_check(self.case)
        return super().get_initial() | new_check_initial(previous=current, user=self.request.user)

    def save(self, form):
        assessment_create(
            case_id=self.case.pk,
            user=self.request.user,
            expected_version=form.cleaned_data["version"] or 0,
            data=form.cleaned_data,
        )


class AssessmentUpdateView(AssessmentEditMixin):
    permission_required = "assessments.change_assessment"

    def save(self, form):
        assessment_update(
            assessment_id=self.assessment.pk,
            user=self.request.user,
            expected_version=form.cleaned_data["version"] or 0,
            data=form.cleaned_data,
        )
