"""The dossier editor: create and edit a case with its participants and events, merging on conflict.

Thin: permissions, forms and templates; writes go to services, the merge to core.merge.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from cases.back import back_context, request_back, with_back
from cases.forms import (
    CaseForm,
    EventFormSet,
    MunicipalityForm,
    NewEventFormSet,
    NewParticipationFormSet,
    ParticipationFormSet,
    formset_rows,
)
from cases.history import changes_since
from cases.models import CASE_EDITABLE_FIELDS, Case
from cases.permissions import ReaderRequiredMixin
from cases.services import (
    EVENT_FIELDS,
    PARTICIPATION_FIELDS,
    StaleDossierError,
    case_create,
    case_update,
    municipality_create,
)
from core.editing import (
    ConflictChoicesMixin,
    choices_sign,
    field_choices,
    formset_detach_vanished,
    formset_merged_data,
    post_value,
    rows_snapshot,
    snapshot_read,
    snapshot_sign,
)
from core.merge import MISSING, canonical_values, fields_merge, rows_merge

ROWS = {"participants": PARTICIPATION_FIELDS, "events": EVENT_FIELDS}


def form_errors_from_service(form, formset, error: ValidationError) -> None:
    """Show a service's ValidationError on the field it names, or above the participants."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    elif formset is None:
        form.add_error(None, error)
    else:
        formset._non_form_errors = formset.error_class(error.messages)


def editor_snapshot(case: Case, participants, events) -> dict:
    """The values the editor shows, to merge against later (rows from the formsets' own queries)."""
    return {
        "fields": canonical_values({n: getattr(case, n) for n in CASE_EDITABLE_FIELDS}, CASE_EDITABLE_FIELDS),
        "participants": rows_snapshot(participants.get_queryset(), PARTICIPATION_FIELDS),
        "events": rows_snapshot(events.get_queryset(), EVENT_FIELDS),
    }


class CaseEditMixin(ConflictChoicesMixin, ReaderRequiredMixin):
    """The dossier editor: the case form with participant and event formsets."""

    template_name = "cases/case_form.html"
    case: Case | None = None
    formset_classes = {"participants": ParticipationFormSet, "events": EventFormSet}

    def forms(self, data=None):
        instance = self.case or Case()
        initial = {"version": instance.version} if self.case else {}
        return (
            CaseForm(data, instance=instance, initial=initial),
            *(cls(data, instance=instance, prefix=prefix) for prefix, cls in self.formset_classes.items()),
        )

    def get(self, request, *args, **kwargs):
        form, participants, events = self.forms()
        if self.case:
            snapshot = editor_snapshot(self.case, participants, events)
            form.initial["base"] = snapshot_sign(snapshot, record=self.case, version=self.case.version)
        return self.render(form, participants, events)

    def post(self, request, *args, **kwargs):
        data, choices, undecided = self.posted_choices(request.POST)
        data, detached = self.detach_vanished_rows(data)
        form, participants, events = self.forms(data)
        if undecided:
            return self.render(form, participants, events, choices=choices, undecided=undecided)
        if not (form.is_valid() and participants.is_valid() and events.is_valid()):
            return self.render(form, participants, events)
        try:
            case = self.save(form, formset_rows(participants), formset_rows(events))
        except ValidationError as error:
            form_errors_from_service(form, participants, error)
            return self.render(form, participants, events)
        except StaleDossierError as stale:
            return self.render_merge(stale, form, {"participants": participants, "events": events}, detached)
        if self.case and case.version == form.cleaned_data["version"]:
            messages.info(request, _("U wijzigde niets; het dossier is niet opnieuw opgeslagen."))
        else:
            messages.success(request, _("Het dossier is opgeslagen."))
        return HttpResponseRedirect(with_back(case.get_absolute_url(), request_back(request)))

    def detach_vanished_rows(self, data):
        return data, {}

    def render_merge(self, stale: StaleDossierError, form, formsets: dict, detached: dict):
        """Merge what was submitted with what is stored now; show it with the choices left open."""
        current = Case.objects.prefetch_related("participations", "events").get(pk=stale.case.pk)
        base = snapshot_read(form.cleaned_data.get("base"), record=current, version=stale.expected_version)
        theirs = {
            "fields": canonical_values(
                {n: getattr(current, n) for n in CASE_EDITABLE_FIELDS}, CASE_EDITABLE_FIELDS
            ),
            "participants": rows_snapshot(current.participations.all(), PARTICIPATION_FIELDS),
            "events": rows_snapshot(current.events.all(), EVENT_FIELDS),
        }
        yours = canonical_values(form.cleaned_data, CASE_EDITABLE_FIELDS)
        merged = fields_merge(MISSING if base is MISSING else base["fields"], theirs["fields"], yours)
        data = {name: post_value(form.fields[name], value) for name, value in merged.values.items()}
        base_token = snapshot_sign(theirs, record=current, version=current.version)
        data |= {"version": str(current.version), "base": base_token}
        choices = field_choices(form, merged, theirs["fields"], yours)
        for prefix, formset in formsets.items():
            your_rows = [
                canonical_values(row, ROWS[prefix]) | {"id": str(row["id"]) if row["id"] else None}
                for row in formset_rows(formset, detached.get(prefix))
            ]
            rows = rows_merge(MISSING if base is MISSING else base[prefix], theirs[prefix], your_rows)
            rows_data, rows_choices = formset_merged_data(formset, rows.rows, extra=formset.extra)
            data |= rows_data
            choices += rows_choices
        data["choices"] = choices_sign(choices) if choices else ""
        self.case = current
        merged_data = QueryDict(mutable=True)
        merged_data.update(data)
        form, participants, events = self.forms(merged_data)
        conflict = changes_since(current, stale.expected_version)
        return self.render(form, participants, events, conflict=conflict, choices=choices)

    def render(self, form, participants, events, **extra):
        context = {"form": form, "participants": participants, "events": events, "case": self.case}
        context |= back_context(self.request)  # kept through saves and conflicts
        context["municipality_names"] = participants.municipalities.names()
        context["municipality_form"] = MunicipalityForm(prefix="municipality")
        return TemplateResponse(self.request, self.template_name, context | extra)


class CaseCreateView(CaseEditMixin, View):
    permission_required = "cases.add_case"
    formset_classes = {"participants": NewParticipationFormSet, "events": NewEventFormSet}

    def save(self, form, participants, events):
        return case_create(
            user=self.request.user, data=form.cleaned_data, participants=participants, events=events
        )


class CaseUpdateView(CaseEditMixin, View):
    permission_required = "cases.change_case"

    def dispatch(self, request, *args, **kwargs):
        # Permission first, then the lookup (ReaderRequiredMixin.dispatch checks before calling on).
        if not self.has_permission():
            return self.handle_no_permission()
        self.case = get_object_or_404(Case, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def detach_vanished_rows(self, data):
        """On a stale save, rows someone else deleted become new rows, so the merge can show them."""
        if data.get("version") == str(self.case.version):
            return data, {}
        detached = {}
        for prefix, model in (("participants", "participations"), ("events", "events")):
            existing = {str(pk) for pk in getattr(self.case, model).values_list("pk", flat=True)}
            data, detached[prefix] = formset_detach_vanished(data, prefix, existing)
        return data, detached

    def save(self, form, participants, events):
        return case_update(
            case_id=self.case.pk,
            user=self.request.user,
            expected_version=form.cleaned_data["version"] or 0,
            data=form.cleaned_data,
            participants=participants,
            events=events,
        )


class MunicipalityCreateView(ReaderRequiredMixin, View):
    """Add a municipality: a page of its own, or (posted by the editor's dialog) a JSON answer."""

    permission_required = "cases.add_municipality"

    def get(self, request):
        form = MunicipalityForm(prefix="municipality")
        return TemplateResponse(request, "cases/municipality_form.html", {"form": form})

    def post(self, request):
        form = MunicipalityForm(request.POST, prefix="municipality")
        wants_json = "application/json" in request.headers.get("Accept", "")
        municipality = None
        if form.is_valid():
            try:
                municipality = municipality_create(user=request.user, data=form.cleaned_data)
            except ValidationError as error:
                form_errors_from_service(form, None, error)
        if wants_json:
            if municipality is None:
                return JsonResponse(
                    {"errors": [str(e) for errors in form.errors.values() for e in errors]}, status=400
                )
            return JsonResponse({"id": municipality.pk, "name": municipality.name}, status=201)
        if municipality is None:
            return TemplateResponse(request, "cases/municipality_form.html", {"form": form})
        messages.success(
            request,
            _("Gemeente %(name)s is toegevoegd; u kunt haar nu in een dossier kiezen.")
            % {"name": municipality.name},
        )
        return HttpResponseRedirect(municipality.get_absolute_url())
