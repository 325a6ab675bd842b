"""Every choice list of the cases app, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


class ArrangementType(models.TextChoices):
    """The form of cooperation a case is about."""

    WERKORGANISATIE = "werkorganisatie", _("Ambtelijke fusie in een werkorganisatie")
    GASTHEER = "gastheer", _("Gastheer- of centrumconstructie")
    PARTIAL = "partial", _("Partiële samenwerking")
    BESTUURLIJKE_FUSIE = "bestuurlijke_fusie", _("Bestuurlijke fusie")


class Outcome(models.TextChoices):
    """Where a cooperation attempt ended up."""

    EXPLORING = "exploring", _("In verkenning")
    REALISED = "realised", _("Gerealiseerd")
    PARTIAL = "partial", _("Gedeeltelijk gerealiseerd")
    NOT_REALISED = "not_realised", _("Overwogen, niet gerealiseerd")
    MERGED = "merged", _("Overgegaan in bestuurlijke fusie")
    ENDED = "ended", _("Beëindigd of ontvlochten")


class LegalForm(models.TextChoices):
    """Legal forms of a shared civil service (Wgr and private law)."""

    OPENBAAR_LICHAAM = "openbaar_lichaam", _("Openbaar lichaam (Wgr)")
    BEDRIJFSVOERINGSORGANISATIE = "bedrijfsvoeringsorganisatie", _("Bedrijfsvoeringsorganisatie (Wgr)")
    CENTRUMREGELING = "centrumregeling", _("Centrumregeling (Wgr)")
    PRIVAATRECHTELIJK = "privaatrechtelijk", _("Privaatrechtelijke overeenkomst")


class ParticipationRole(models.TextChoices):
    """A municipality's part in a case."""

    PARTNER = "partner", _("Partner")
    HOST = "host", _("Gastheer")
    JOINED_LATER = "joined_later", _("Later aangesloten")
    DROPPED_OUT = "dropped_out", _("Afgehaakt")
    CONSIDERED = "considered", _("Alleen overwogen")
    MENTIONED = "mentioned", _("Genoemd in de bron")


# Roles of a municipality that really cooperates; any other role is marked in lists.
FULL_PARTNER_ROLES = frozenset(
    {ParticipationRole.PARTNER, ParticipationRole.HOST, ParticipationRole.JOINED_LATER}
)


class EventKind(models.TextChoices):
    """Milestones on a case's timeline."""

    EXPLORATION = "exploration", _("Verkenning")
    COUNCIL_DECISION = "council_decision", _("Besluit")
    PLANNED = "planned", _("Gepland")
    START = "start", _("Start")
    EVALUATION = "evaluation", _("Evaluatie")
    END = "end", _("Einde")
    MERGER = "merger", _("Bestuurlijke fusie")
    OTHER = "other", _("Overig")


class SourceKind(models.TextChoices):
    REPORT = "report", _("Rapport")
    ARTICLE = "article", _("Artikel")
    BOOK = "book", _("Boek")
    LETTER = "letter", _("Brief")
    WEBSITE = "website", _("Website")
    OTHER = "other", _("Overig")
