"""Pages for the toetsingskader, the matrix and the five-point check of an exploration."""

from django.utils.translation import gettext as _

from assessments.current import current_check
from assessments.forms import AssessmentForm, new_check_initial
from core.editing import ConflictChoicesMixin
from explorations.forms import FRAMEWORK_FORMSETS, MatrixForm, VersionForm, formset_rows
from explorations.merge import (
    cells_at,
    cells_merge,
    formset_data,
    next_version_started,
    rows_merge,
    vanished_dropped,
)
from explorations.models import (
    VariantScore,
)
from explorations.parts import FRAMEWORK_PARTS
from explorations.services.exploration import StaleExplorationError, framework_update
from explorations.services.review import exploration_assessment_create, matrix_update
from explorations.views.edit import ExplorationEditMixin, _with_version


class FrameworkUpdateView(ConflictChoicesMixin, ExplorationEditMixin):
    """The toetsingskader: preconditions (judged), criteria (weighted) and points to work out."""

    template_name = "explorations/framework.html"

    def forms(self, data=None):
        """The version and one formset per part of the toetsingskader (explorations.parts)."""
        return (
            VersionForm(data, initial={"version": self.exploration.version}),
            *(
                FRAMEWORK_FORMSETS[part.framework_prefix](
                    data, instance=self.exploration, prefix=part.framework_prefix
                )
                for part in FRAMEWORK_PARTS
            ),
        )

    def get(self, request, slug):
        return self.render_forms(*self.forms())

    def post(self, request, slug):
        data, choices, undecided = self.posted_choices(request.POST)
        if undecided:
            return self.render_forms(*self.forms(data), **self.choices_context(choices, undecided))
        gone = []
        for part in FRAMEWORK_PARTS:
            data, named = vanished_dropped(
                data, prefix=part.framework_prefix, model=part.model, exploration=self.exploration
            )
            gone += named
        version, *formsets = self.forms(data)
        if not (version.is_valid() and all(f.is_valid() for f in formsets)):
            return self.render_forms(version, *formsets)
        try:
            self.save(version.cleaned_data["version"], [formset_rows(f) for f in formsets])
        except StaleExplorationError as stale:
            return self.on_stale(formsets, stale, gone)
        return self.done(_("Het toetsingskader is opgeslagen."))

    def save(self, version: int, rows: list[list[dict]]):
        """Save the rows of every part, given in the order of the formsets."""
        framework_update(
            exploration_id=self.exploration.pk,
            user=self.request.user,
            expected_version=version,
            rows={
                part.framework_prefix: part_rows
                for part, part_rows in zip(FRAMEWORK_PARTS, rows, strict=True)
            },
        )

    def on_stale(self, formsets, stale: StaleExplorationError, gone: list[str]):
        """Merge row by row and field by field; save when nothing conflicts, else let the editor choose."""
        fresh = stale.exploration
        started = next_version_started(fresh, stale.expected_version)
        merged, conflicts, notes, data = [], [], list(gone), {"version": str(fresh.version)}
        for formset in formsets:
            fields = [name for name in formset.form._meta.fields if name != formset.fk.name]
            rows, found, named = rows_merge(
                exploration=fresh,
                started=started,
                model=formset.model,
                fields=fields,
                rows=formset_rows(formset),
                labels={name: formset.form.base_fields[name].label for name in fields},
                prefix=formset.prefix,
            )
            merged.append(rows)
            conflicts += found
            notes += named
            data.update(formset_data(formset.prefix, rows, fields))
        if not conflicts:
            message = _(
                "Het toetsingskader is opgeslagen en samengevoegd met de wijzigingen van een collega."
            )
            return self.merged_save(
                lambda: self.save(fresh.version, merged),
                StaleExplorationError,
                done=lambda: self.done(" ".join([message, *notes])),
            )
        self.exploration = fresh
        return self.render_forms(*self.forms(data), notes=notes, **self.choices_context(conflicts))

    def render_forms(self, version, *formsets, **extra):
        titled = [
            (part.framework_title, formset) for part, formset in zip(FRAMEWORK_PARTS, formsets, strict=True)
        ]
        return self.render(version=version, formsets=titled, **extra)


class MatrixUpdateView(ConflictChoicesMixin, ExplorationEditMixin):
    """Score the variants on the criteria, with a motivation per cell."""

    template_name = "explorations/matrix.html"

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
        data, choices, undecided = self.posted_choices(request.POST)
        form = self.form(data)
        if undecided:
            return self.render(form=form, **self.choices_context(choices, undecided))
        if not form.is_valid():
            return self.render(form=form)
        try:
            self.save(form.cleaned_data["version"], form)
        except StaleExplorationError as stale:
            return self.on_stale(form, stale)
        return self.done(_("De vergelijking is opgeslagen."))

    def save(self, version: int, form):
        matrix_update(
            exploration_id=self.exploration.pk,
            user=self.request.user,
            expected_version=version,
            cells=form.cell_values(),
        )

    def on_stale(self, form, stale: StaleExplorationError):
        """Merge cell by cell (score and motivation apart); save when nothing conflicts, else let choose."""
        self.exploration = fresh = stale.exploration
        keys = [name for name in form.fields if name.startswith(("score_", "motivation_"))]
        started = next_version_started(fresh, stale.expected_version)
        variant_ids = [variant.pk for variant, _criterion, _key in form.cells]
        base = cells_at(variant_ids=variant_ids, before=started)
        theirs = self.form().initial_values()
        merged, conflicts = cells_merge(
            base={key: base.get(key, "") for key in keys},
            mine={key: form.cleaned_data[key] for key in keys},
            theirs=theirs,
            labels={key: form.fields[key].label for key in keys},
        )
        merged_form = self.form({**merged, "version": fresh.version})
        if not conflicts and merged_form.is_valid():
            message = _("De vergelijking is opgeslagen en samengevoegd met de wijzigingen van een collega.")
            return self.merged_save(
                lambda: self.save(fresh.version, merged_form),
                StaleExplorationError,
                done=lambda: self.done(message),
            )
        return self.render(form=merged_form, **self.choices_context(conflicts))


class ExplorationCheckCreateView(ExplorationEditMixin):
    """Record Korsten's five-point check for the partnership (the same check as for cases)."""

    permission_required = ("explorations.change_exploration", "assessments.add_assessment")
    template_name = "explorations/check_form.html"

    def get(self, request, slug):
        """The form starts from the exploration's current check, like a case's new check."""
        previous = current_check(self.exploration)
        initial = new_check_initial(previous=previous, user=request.user) | {
            "version": self.exploration.version
        }
        return self.render(form=AssessmentForm(initial=initial))

    def post(self, request, slug):
        form = AssessmentForm(request.POST, initial=self.current_version())
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
        return self.done(_("De vijfpuntscheck is opgeslagen."))
