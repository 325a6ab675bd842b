"""The toetsingskader of an exploration (preconditions, criteria, points to work out), its
templates, the variants (forms of cooperation) and the matrix of variants × criteria."""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.choices import ArrangementType
from core.fields import SHORT_TEXT_LIMIT, TEXT_LIMIT, text_limit
from explorations.choices import Judgement, Score, TemplateItemKind


class FrameworkTemplate(models.Model):
    """A toetsingskader to start explorations from; admins keep these. One is the default."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("toelichting"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    is_default = models.BooleanField(_("standaard"), default=False)
    history = HistoricalRecords(table_name="assessments_historicalframeworktemplate")

    class Meta:
        db_table = "assessments_frameworktemplate"  # created in the assessments app; no data moved
        verbose_name = _("sjabloon toetsingskader")
        verbose_name_plural = _("sjablonen toetsingskader")
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="framework_template_one_default"
            )
        ]

    def __str__(self) -> str:
        return self.name


class FrameworkTemplateItem(models.Model):
    """One precondition, criterion, point to work out or starting variant of a template."""

    template = models.ForeignKey(
        FrameworkTemplate, verbose_name=_("sjabloon"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=TemplateItemKind.choices)
    name = models.CharField(_("naam"), max_length=300)
    explanation = models.TextField(_("toelichting"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(table_name="assessments_historicalframeworktemplateitem")

    class Meta:
        db_table = "assessments_frameworktemplateitem"  # created in the assessments app; no data moved
        verbose_name = _("onderdeel van een sjabloon")
        verbose_name_plural = _("onderdelen van een sjabloon")
        ordering = ["kind", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=TemplateItemKind.values), name="template_item_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ExplorationPart(models.Model):
    """Common fields of the parts of an exploration's toetsingskader."""

    name = models.CharField(_("naam"), max_length=300)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class Precondition(ExplorationPart):
    """Step 2: an option is only worked out if it meets this (judged met / not met / open)."""

    exploration = models.ForeignKey(
        "explorations.Exploration", verbose_name=_("verkenning"), on_delete=models.CASCADE,
        related_name="preconditions",
    )  # fmt: skip
    judgement = models.CharField(
        _("oordeel"), max_length=10, choices=Judgement.choices, default=Judgement.OPEN
    )
    motivation = models.TextField(_("motivering"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    history = HistoricalRecords(table_name="assessments_historicalprecondition")

    class Meta(ExplorationPart.Meta):
        db_table = "assessments_precondition"  # created in the assessments app; no data moved
        verbose_name = _("randvoorwaarde")
        verbose_name_plural = _("randvoorwaarden")
        constraints = [
            models.CheckConstraint(
                condition=Q(judgement__in=Judgement.values), name="precondition_judgement_valid"
            )
        ]


class FrameworkCriterion(ExplorationPart):
    """Step 3: a criterion to compare the variants on, with an optional weight."""

    exploration = models.ForeignKey(
        "explorations.Exploration", verbose_name=_("verkenning"), on_delete=models.CASCADE,
        related_name="criteria",
    )  # fmt: skip
    explanation = models.TextField(_("toelichting"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    weight = models.PositiveSmallIntegerField(
        _("gewicht"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Optioneel, 1 tot 10. Totalen verschijnen pas als elk criterium een gewicht heeft."),
    )
    history = HistoricalRecords(table_name="assessments_historicalframeworkcriterion")

    class Meta(ExplorationPart.Meta):
        db_table = "assessments_frameworkcriterion"  # created in the assessments app; no data moved
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gte=1, weight__lte=10),
                name="criterion_weight_range",
            )
        ]


class WorkPoint(ExplorationPart):
    """Step 4: a point every chosen option must work out."""

    exploration = models.ForeignKey(
        "explorations.Exploration", verbose_name=_("verkenning"), on_delete=models.CASCADE,
        related_name="work_points",
    )  # fmt: skip
    elaboration = models.TextField(_("uitwerking"), blank=True, validators=text_limit(TEXT_LIMIT))
    history = HistoricalRecords(table_name="assessments_historicalworkpoint")

    class Meta(ExplorationPart.Meta):
        db_table = "assessments_workpoint"  # created in the assessments app; no data moved
        verbose_name = _("uit te werken punt")
        verbose_name_plural = _("uit te werken punten")


def swot_field(label):
    return ArrayField(
        models.TextField(validators=text_limit(SHORT_TEXT_LIMIT)),
        verbose_name=label,
        default=list,
        blank=True,
        help_text=_("Eén punt per regel."),
    )


class Variant(ExplorationPart):
    """A form of cooperation under consideration, with its SWOT and the participants' reflection."""

    exploration = models.ForeignKey(
        "explorations.Exploration", verbose_name=_("verkenning"), on_delete=models.CASCADE,
        related_name="variants",
    )  # fmt: skip
    description = models.TextField(_("beschrijving"), blank=True, validators=text_limit(TEXT_LIMIT))
    arrangement_type = models.CharField(
        _("vergelijkbaar met"),
        max_length=30,
        choices=ArrangementType.choices,
        blank=True,
        help_text=_("De vorm in de kennisbank die hierop lijkt; gebruikt voor vergelijkbare casussen."),
    )
    strengths = swot_field(_("sterktes"))
    weaknesses = swot_field(_("zwaktes"))
    opportunities = swot_field(_("kansen"))
    threats = swot_field(_("bedreigingen"))
    needed = models.TextField(_("wat nodig is"), blank=True, validators=text_limit(TEXT_LIMIT))
    reflection = models.TextField(
        _("reflectie van de deelnemers"), blank=True, validators=text_limit(TEXT_LIMIT)
    )
    failed_precondition = models.ForeignKey(
        Precondition,
        verbose_name=_("voldoet niet aan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="failing_variants",
        help_text=_("Een variant die een randvoorwaarde niet haalt, wordt niet verder uitgewerkt."),
    )
    citation = models.CharField(_("vindplaats"), max_length=200, blank=True)
    history = HistoricalRecords(table_name="assessments_historicalvariant")

    class Meta(ExplorationPart.Meta):
        db_table = "assessments_variant"  # created in the assessments app; no data moved
        verbose_name = _("variant")
        verbose_name_plural = _("varianten")

    @property
    def worked_out(self) -> bool:
        return self.failed_precondition_id is None


class VariantScore(models.Model):
    """One cell of the matrix: how a variant scores on a criterion, and why."""

    variant = models.ForeignKey(
        Variant, verbose_name=_("variant"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        FrameworkCriterion, verbose_name=_("criterium"), on_delete=models.CASCADE, related_name="scores"
    )
    score = models.CharField(_("score"), max_length=2, choices=Score.choices, blank=True, default="")
    motivation = models.TextField(_("motivering"), blank=True, validators=text_limit(SHORT_TEXT_LIMIT))
    history = HistoricalRecords(table_name="assessments_historicalvariantscore")

    class Meta:
        db_table = "assessments_variantscore"  # created in the assessments app; no data moved
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["variant", "criterion"], name="variant_score_one_per_cell"),
            models.CheckConstraint(condition=Q(score__in=Score.values), name="variant_score_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.variant} × {self.criterion}: {self.get_score_display()}"
