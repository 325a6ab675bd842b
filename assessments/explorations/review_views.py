"""Pages for the toetsingskader, the matrix and the five-point check of an exploration."""

from django.utils.translation import gettext as _

from assessments.explorations.edit_views import ExplorationEditMixin, _with_version
from assessments.explorations.forms import (
    CriterionFormSet,
    MatrixForm,
    PreconditionFormSet,
    VersionForm,
    WorkPointFormSet,
    formset_rows,
)
from assessments.explorations.framework_models import VariantScore
from assessments.explorations.review_services import exploration_assessment_create, matrix_update
from assessments.explorations.services import StaleExplorationError, framework_update
from assessments.forms import AssessmentForm


class FrameworkUpdateView(ExplorationEditMixin):
    """The toetsingskader: preconditions (judged), criteria (weighted) and points to work out."""

    template_name = "assessments/explorations/framework.html"

    def forms(self, data=None):
        return (
            VersionForm(data, initial={"version": self.exploration.version}),
            PreconditionFormSet(data, instance=self.exploration, prefix="pre"),
            CriterionFormSet(data, instance=self.exploration, prefix="crit"),
            WorkPointFormSet(data, instance=self.exploration, prefix="point"),
        )

    def get(self, request, slug):
        return self.render_forms(*self.forms())

    def post(self, request, slug):
        version, *formsets = self.forms(request.POST)
        if not (version.is_valid() and all(f.is_valid() for f in formsets)):
            return self.render_forms(version, *formsets)
        pre, crit, point = (formset_rows(f) for f in formsets)
        try:
            framework_update(
                exploration_id=self.exploration.pk,
                user=request.user,
                expected_version=version.cleaned_data["version"],
                preconditions=pre,
                criteria=crit,
                points=point,
            )
        except StaleExplorationError as stale:
            return self.render_forms(_with_version(version, stale), *formsets, stale=True)
        return self.done(_("Het toetsingskader is opgeslagen."), "#framework")

    def render_forms(self, version, pre, crit, point, **extra):
        formsets = [
            (_("Randvoorwaarden (stap 2)"), pre),
            (_("Criteria (stap 3)"), crit),
            (_("Uit te werken punten (stap 4)"), point),
        ]
        return self.render(version=version, formsets=formsets, **extra)


class MatrixUpdateView(ExplorationEditMixin):
    """Score the variants on the criteria, with a motivation per cell."""

    template_name = "assessments/explorations/matrix.html"

    def form(self, data=None):
        variants = list(self.exploration.variants.all())
        criteria = list(self.exploration.criteria.all())
        scores = {
            (s.variant_id, s.criterion_id): s for s in VariantScore.objects.filter(variant__in=variants)
        }
        initial = {"version": self.exploration.version}
        return MatrixForm(data, initial=initial, variants=variants, criteria=criteria, scores=scores)

    def get(self, request, slug):
        return self.render(form=self.form())

    def post(self, request, slug):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form=form)
        try:
            matrix_update(
                exploration_id=self.exploration.pk,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                cells=form.cell_values(),
            )
        except StaleExplorationError as stale:
            return self.render(form=_with_version(form, stale), stale=True)
        return self.done(_("De vergelijking is opgeslagen."), "#matrix")


class ExplorationCheckCreateView(ExplorationEditMixin):
    """Record Korsten's five-point check for the partnership (the same check as for cases)."""

    permission_required = ("assessments.change_exploration", "assessments.add_assessment")
    template_name = "assessments/explorations/check_form.html"

    def get(self, request, slug):
        return self.render(form=AssessmentForm(initial={"version": self.exploration.version}))

    def post(self, request, slug):
        form = AssessmentForm(request.POST)
        if not form.is_valid():
            return self.render(form=form)
        try:
            exploration_assessment_create(
                exploration_id=self.exploration.pk,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                data=form.cleaned_data,
            )
        except StaleExplorationError as stale:
            return self.render(form=_with_version(form, stale), stale=True)
        return self.done(_("De vijfpuntscheck is opgeslagen."), "#check")
