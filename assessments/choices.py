"""The five-point check: its criteria and its one ordinal rating scale."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    """How a criterion is met, from best to worst; unknown and n/a stand outside the scale."""

    YES = "yes", _("Ja")
    YES_WITH_RESERVATIONS = "yes_with_reservations", _("Ja, met kanttekeningen")
    LIMITED = "limited", _("Beperkt")
    NO = "no", _("Nee")
    UNKNOWN = "unknown", _("Onbekend")
    NOT_APPLICABLE = "not_applicable", _("Niet van toepassing")


class Criterion(models.TextChoices):
    """Korsten's five conditions for a successful ambtelijke fusie."""

    URGENCY = "urgency", _("Urgentie")
    BENEFITS = "benefits", _("Voordelen")
    TRUST = "trust", _("Vertrouwen")
    IMAGES = "images", _("Beelden")
    PARTNERS = "partners", _("Partners")


QUESTIONS = {
    Criterion.URGENCY: _("Urgentie tot ambtelijke fusie aanwezig?"),
    Criterion.BENEFITS: _("Voordelen van fusie worden duidelijk gezien?"),
    Criterion.TRUST: _("Vertrouwen tussen besturen van partnergemeenten?"),
    Criterion.IMAGES: _("Beelden van partnergemeenten van elkaar positief?"),
    Criterion.PARTNERS: _("Genoeg partners voor samenwerking?"),
}
