"""The PDF views every document shares: the start page (GET shows what will be made and a
button, POST queues it), the progress page, its status as JSON and the download.

Thin: permission, then the request service (core/pdf/requests.py). A document's own start view
subclasses `PdfStartView` and says in `plan()` what would be made (or answers why not).
"""

from dataclasses import dataclass, field

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.views import View

from core.pdf.registry import export_permissions
from core.pdf.requests import ExportRefused, pdf_export_request


@dataclass
class PdfPlan:
    """What a start view would queue: the document, its parameters, and how to describe it."""

    kind: str
    heading: str
    filename: str
    back_url: str
    lines: list[str] = field(default_factory=list)
    query: str = ""
    subject_id: int | None = None


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download: application/pdf, as an attachment, never cached by shared caches."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def head_response() -> HttpResponse:
    """The answer to HEAD on a PDF URL: the URL exists and may be asked for; nothing is rendered."""
    response = HttpResponse(status=200)
    response["Cache-Control"] = "private, no-store"
    return response


def to_progress_page(export) -> HttpResponseRedirect:
    """303 See Other to the export's progress page."""
    response = HttpResponseRedirect(export.get_absolute_url())
    response.status_code = 303
    return response


class AnyExportPermissionMixin(LoginRequiredMixin):
    """Logged in and allowed at least one registered document, before anything is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not any(
            request.user.has_perm(permission) for permission in export_permissions()
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PdfStartView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """GET: what will be made, with a button; POST (CSRF protected): queue it, go to its progress page.

    Subclasses set `permission_required` and implement `plan(request, **kwargs)`, which returns a
    PdfPlan, or an HttpResponse saying why nothing can be made (invalid, empty, too large).
    """

    template_name = "core/pdf_start.html"

    def plan(self, request, **kwargs) -> PdfPlan | HttpResponse:
        raise NotImplementedError

    def confirm(self, plan: PdfPlan, *, refused: str = "", status: int = 200) -> TemplateResponse:
        context = {"plan": plan, "refused": refused}
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def head(self, request, **kwargs):
        plan = self.plan(request, **kwargs)
        return plan if isinstance(plan, HttpResponse) else head_response()

    def get(self, request, **kwargs):
        plan = self.plan(request, **kwargs)
        return plan if isinstance(plan, HttpResponse) else self.confirm(plan)

    def post(self, request, **kwargs):
        plan = self.plan(request, **kwargs)
        if isinstance(plan, HttpResponse):
            return plan
        try:
            export = pdf_export_request(
                user=request.user,
                kind=plan.kind,
                filename=plan.filename,
                query=plan.query,
                subject_id=plan.subject_id,
            )
        except ExportRefused as refusal:
            return self.confirm(plan, refused=str(refusal), status=429)
        return to_progress_page(export)
