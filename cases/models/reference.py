"""Reference data of the dossiers: municipalities and cited sources (imported into cases.models)."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.choices import Province, SourceKind
from core.dates import partial_date_format_q
from core.fields import PartialDateField

CBS_CODE_REGEX = r"^GM[0-9]{4}$"
MIN_YEAR = 1950
MAX_YEAR = 2100


class Municipality(models.Model):
    """A Dutch municipality (gemeente), also one that has since merged into another."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(CBS_CODE_REGEX, _("Een CBS-code is GM gevolgd door vier cijfers."))],
        help_text=_("GM gevolgd door vier cijfers, bijvoorbeeld GM0376."),
    )
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices)
    population = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("inwoners in jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("opgegaan in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )
    merged_on = PartialDateField(_("opgegaan op"))
    facts_source = models.TextField(
        _("bron van de gegevens"),
        blank=True,
        help_text=_("Waar CBS-code, inwonertal en fusie vandaan komen."),
    )
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["seed_fingerprint"])

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~Q(cbs_code=""),
                name="municipality_unique_cbs_code",
            ),
            models.CheckConstraint(
                condition=Q(cbs_code="") | Q(cbs_code__regex=CBS_CODE_REGEX),
                name="municipality_cbs_code_format",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=F("pk")),
                name="municipality_not_merged_into_itself",
            ),
            models.CheckConstraint(
                condition=partial_date_format_q("merged_on"),
                name="municipality_merged_on_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("municipality-detail", kwargs={"slug": self.slug})


class Source(models.Model):
    """A cited document: a report, article, book, letter or web page."""

    key = models.SlugField(_("sleutel"), max_length=100, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=SourceKind.choices)
    author = models.CharField(_("auteur"), max_length=200, blank=True)
    title = models.CharField(_("titel"), max_length=300, blank=True)
    date = PartialDateField(_("datum"))
    publisher = models.CharField(_("uitgever"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["seed_fingerprint"])

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        ordering = ["author", "date", "title"]
        constraints = [
            models.CheckConstraint(condition=partial_date_format_q("date"), name="source_date_format"),
            models.CheckConstraint(condition=~Q(author="", title=""), name="source_has_author_or_title"),
        ]

    def __str__(self) -> str:
        parts = [self.author, f"({self.date})" if self.date else "", self.title]
        return " ".join(part for part in parts if part)
