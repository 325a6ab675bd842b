"""Five-point checks of cases (Korsten's urgency, benefits, trust, images, partners)."""

from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.choices import QUESTIONS, Criterion, Rating
from core.dates import partial_date_format_q
from core.fields import SHORT_TEXT_LIMIT, PartialDateField, text_limit


def rating_field(criterion: Criterion) -> models.CharField:
    return models.CharField(
        format_lazy("{}: {}", criterion.label, _("oordeel")),
        max_length=30,
        choices=Rating.choices,
    )


def answer_field(criterion: Criterion) -> models.TextField:
    return models.TextField(
        format_lazy("{}: {}", criterion.label, _("antwoord")),
        blank=True,
        help_text=QUESTIONS[criterion],
        validators=text_limit(SHORT_TEXT_LIMIT),
    )


def question_field(criterion: Criterion) -> models.CharField:
    return models.CharField(
        format_lazy("{}: {}", criterion.label, _("vraag zoals gedrukt")),
        max_length=300,
        blank=True,
        help_text=format_lazy(
            "{} {}",
            _("Alleen als de bron de vraag anders stelt dan de standaardvraag:"),
            QUESTIONS[criterion],
        ),
    )


NEWEST_FIRST = ("-assessed_on", "-id")  # the first of a case's checks in this order is its current one


class AssessmentQuerySet(models.QuerySet):
    """Chainable reads of assessments."""

    def newest_first(self) -> "AssessmentQuerySet":
        return self.order_by(*NEWEST_FIRST)

    def current(self) -> "AssessmentQuerySet":
        """The latest assessment of every case (PostgreSQL DISTINCT ON); explorations' checks left out."""
        return self.filter(case__isnull=False).order_by("case_id", *NEWEST_FIRST).distinct("case_id")

    def of(self, owner) -> "AssessmentQuerySet":
        """The checks of one case or one exploration (whichever `owner` is)."""
        for name in ("case", "exploration"):
            if isinstance(owner, self.model._meta.get_field(name).related_model):
                return self.filter(**{name: owner})
        raise TypeError(f"{type(owner).__name__} has no five-point checks")

    def current_of(self, owner) -> "Assessment | None":
        """The current (latest) check of one case or exploration: the rule of current() and CurrentCheck."""
        return self.of(owner).newest_first().first()


class Assessment(models.Model):
    """A five-point check of a case or of an exploration, on a date by an assessor; the latest is current.

    Each criterion has a rating on one ordinal scale and the assessor's verbatim answer; the
    question is stored only where the source printed it differently from the standard wording.
    Exactly one of case and exploration is set.
    """

    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    exploration = models.ForeignKey(
        "explorations.Exploration",
        verbose_name=_("verkenning"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    assessed_on = PartialDateField(_("datum"), blank=False)
    assessor = models.CharField(_("beoordelaar"), max_length=200)
    source = models.ForeignKey(
        "cases.Source",
        verbose_name=_("bron"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    urgency_rating = rating_field(Criterion.URGENCY)
    urgency_answer = answer_field(Criterion.URGENCY)
    urgency_question = question_field(Criterion.URGENCY)
    benefits_rating = rating_field(Criterion.BENEFITS)
    benefits_answer = answer_field(Criterion.BENEFITS)
    benefits_question = question_field(Criterion.BENEFITS)
    trust_rating = rating_field(Criterion.TRUST)
    trust_answer = answer_field(Criterion.TRUST)
    trust_question = question_field(Criterion.TRUST)
    images_rating = rating_field(Criterion.IMAGES)
    images_answer = answer_field(Criterion.IMAGES)
    images_question = question_field(Criterion.IMAGES)
    partners_rating = rating_field(Criterion.PARTNERS)
    partners_answer = answer_field(Criterion.PARTNERS)
    partners_question = question_field(Criterion.PARTNERS)
    note = models.TextField(_("toelichting"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    created_at = models.DateTimeField(_("vastgelegd"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("vijfpuntscheck")
        verbose_name_plural = _("vijfpuntschecks")
        ordering = ["case", "-assessed_on", "-id"]
        indexes = [
            models.Index(fields=["case", "-assessed_on", "-id"], name="assessment_case_newest_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, exploration__isnull=True)
                | Q(case__isnull=True, exploration__isnull=False),
                name="assessment_of_case_or_exploration",
                violation_error_message=_("Een vijfpuntscheck hoort bij een casus of bij een verkenning."),
            ),
            models.CheckConstraint(
                condition=~Q(assessed_on="") & partial_date_format_q("assessed_on"),
                name="assessment_date_format",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{criterion}_rating__in": Rating.values}),
                    name=f"assessment_{criterion}_rating_valid",
                )
                for criterion in Criterion.values
            ],
        ]

    def __str__(self) -> str:
        return f"{self.case or self.exploration} ({self.assessed_on}, {self.assessor})"

    def criteria(self) -> list[dict]:
        """The five criteria in order, each with its question (as printed), rating and verbatim answer."""
        return [
            {
                "criterion": criterion,
                "question": getattr(self, f"{criterion.value}_question") or QUESTIONS[criterion],
                "question_as_printed": bool(getattr(self, f"{criterion.value}_question")),
                "rating": getattr(self, f"{criterion.value}_rating"),
                "rating_label": getattr(self, f"get_{criterion.value}_rating_display")(),
                "answer": getattr(self, f"{criterion.value}_answer"),
            }
            for criterion in Criterion
        ]


class CurrentCheck(models.Model):
    """The ratings of a case's current (latest) check, one row per case, for fast lists and filters.

    Derived data: written only by `assessments.services.current_check_refresh`, in the same
    transaction as the checks it mirrors.
    """

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="current_check"
    )
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="+")
    assessed_on = PartialDateField(_("datum"), blank=False)
    urgency_rating = models.CharField(max_length=30, choices=Rating.choices, db_index=True)
    benefits_rating = models.CharField(max_length=30, choices=Rating.choices, db_index=True)
    trust_rating = models.CharField(max_length=30, choices=Rating.choices, db_index=True)
    images_rating = models.CharField(max_length=30, choices=Rating.choices, db_index=True)
    partners_rating = models.CharField(max_length=30, choices=Rating.choices, db_index=True)

    class Meta:
        verbose_name = _("huidige vijfpuntscheck")
        verbose_name_plural = _("huidige vijfpuntschecks")

    def __str__(self) -> str:
        return f"{self.case_id} ({self.assessed_on})"
