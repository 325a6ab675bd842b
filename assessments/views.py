"""Pages that record and correct a case's five-point check. Thin: writes go to services."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import FormView

from assessments.forms import AssessmentForm
from assessments.models import Assessment
from assessments.services import assessment_create, assessment_update
from cases.models import Case
from cases.services import StaleDossierError
from cases.views import ReaderRequiredMixin, accept_current_version


class AssessmentEditMixin(ReaderRequiredMixin, FormView):
    """Record a new five-point check or correct one, guarded by the dossier's version."""

    template_name = "assessments/assessment_form.html"
    form_class = AssessmentForm
    assessment: Assessment | None = None

    def dispatch(self, request, *args, **kwargs):
        self.case = get_object_or_404(Case, slug=kwargs["slug"])
        if "pk" in kwargs:
            self.assessment = get_object_or_404(Assessment, pk=kwargs["pk"], case=self.case)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.assessment
        return kwargs

    def get_initial(self):
        return {"version": self.case.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.case, assessment=self.assessment, **kwargs)

    def form_valid(self, form):
        try:
            self.save(form)
        except StaleDossierError as stale:
            conflict = accept_current_version(form, stale)
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict))
        messages.success(self.request, _("De vijfpuntscheck is opgeslagen."))
        return HttpResponseRedirect(self.case.get_absolute_url() + "#check")


class AssessmentCreateView(AssessmentEditMixin):
    permission_required = "assessments.add_assessment"

    def save(self, form):
        assessment_create(
            case_id=self.case.pk,
            user=self.request.user,
            expected_version=form.cleaned_data["version"],
            data=form.cleaned_data,
        )


class AssessmentUpdateView(AssessmentEditMixin):
    permission_required = "assessments.change_assessment"

    def save(self, form):
        assessment_update(
            assessment_id=self.assessment.pk,
            user=self.request.user,
            expected_version=form.cleaned_data["version"],
            data=form.cleaned_data,
        )
