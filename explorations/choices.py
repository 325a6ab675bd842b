"""Choice lists of the explorations (verkenningen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExplorationStatus(models.TextChoices):
    """Where an exploration stands."""

    PREPARING = "preparing", _("In voorbereiding")
    RUNNING = "running", _("Lopend")
    ADVISED = "advised", _("Advies uitgebracht")
    DECIDED = "decided", _("Besloten")
    STOPPED = "stopped", _("Gestopt")


class ExplorationRole(models.TextChoices):
    """A municipality's part in an exploration."""

    PARTNER = "partner", _("Verkennende partner")
    CONSIDERED = "considered", _("Mogelijke latere partner")


class Judgement(models.TextChoices):
    """Whether a precondition of the toetsingskader is met."""

    OPEN = "open", _("Open")
    MET = "met", _("Voldaan")
    NOT_MET = "not_met", _("Niet voldaan")


class Score(models.TextChoices):
    """One ordinal scale for the matrix of variants × criteria; "not assessed" stands outside it."""

    MUCH_WORSE = "--", "−−"
    WORSE = "-", "−"
    NEUTRAL = "0", "0"
    BETTER = "+", "+"
    MUCH_BETTER = "++", "++"
    NOT_ASSESSED = "", _("niet beoordeeld")


# The ordinal scale as numbers, only for weighted totals (never shown without the scores).
SCORE_POINTS = {
    Score.MUCH_WORSE: -2,
    Score.WORSE: -1,
    Score.NEUTRAL: 0,
    Score.BETTER: 1,
    Score.MUCH_BETTER: 2,
}


class TemplateItemKind(models.TextChoices):
    """What a line of a toetsingskader template becomes in a new exploration."""

    PRECONDITION = "precondition", _("Randvoorwaarde (stap 2)")
    CRITERION = "criterion", _("Criterium (stap 3)")
    POINT = "point", _("Uit te werken punt (stap 4)")
    VARIANT = "variant", _("Samenwerkingsvorm (startset)")


class PinDecision(models.TextChoices):
    """What an advisor decided about a suggested similar case."""

    PINNED = "pinned", _("Vastgezet")
    DISMISSED = "dismissed", _("Weggelegd")
