"""The default toetsingskader: the four steps of the 2022 Oldenzaal–Noaberkracht exploration.

Verbatim from shared/seeds/003 (chapter 2, lines 176-215; the five forms of chapter 8 as the
starting set of variants, with the first lines of their general description). Created by the
data migration assessments.0004 and kept by `default_template_ensure()`.
"""

NAME = "Toetsingskader verkenning Oldenzaal–Noaberkracht (2022)"
DESCRIPTION = (
    "STAP 1: Voor alle opties is de mogelijke meerwaarde van samenwerking voor inwoners basis voor de "
    "analyse en de vergelijking. Het toetsingskader is bedoeld als hulpinstrument om overzicht te kunnen "
    "houden. Niet als absolute beslisboom. (Verslag verkenning Oldenzaal–Noaberkracht 2022, regels 172-179.)"
)
PRECONDITIONS = [
    "gezonde financiële positie van de gemeenten niet wordt aangetast",
    "autonome positie van gemeenteraden gewaarborgd is",
]
CRITERIA = [
    "mogelijke versterking strategisch vermogen organisaties",
    "mogelijke versterking aantrekkelijkheid werkgeverschap",
    "mogelijke efficiencyvoordelen en -nadelen",
    "mogelijke vergroting effectiviteit in regio/allianties/samenwerkingen",
    "mogelijke versterking effectieve aanpak inhoudelijke thema’s",
    "mogelijke vergroting kwaliteit advisering en ondersteuning bestuur",
    "mogelijke versterking bestuurlijke slagkracht/slagvaardigheid",
]
POINTS = [
    "Samenlevingsgericht besturen",
    "Omgang met verschil stad en platteland",
    "Omgang met cultuurschillen in organisaties",
    "Gevolgen voor werkstijlen en bestuurlijk/ambtelijk samenspel",
    "Bestuurlijke consequenties colleges/raden (inrichting bestuursproces)",
    "Invloed op regionale verhoudingen (onder andere positie Losser)",
]
VARIANTS = [
    (
        "Vorm 1 Organisch samenwerken",
        "Als het gaat om organisch samenwerken draait het om het opzoeken van elkaar om te sparren. En om "
        "het incidenteel taken van elkaar over te nemen (of voor elkaar uit te voeren) zoals het "
        "vertegenwoordigen van elkaar in de regio of het afstemmen van annotaties voor bestuurders.",
    ),
    (
        "Vorm 2 Opgavegericht samenwerken",
        "Opgavegericht samenwerken stelt de inhoudelijke opgaven centraal. Dit gaat om opgaven als "
        "mobiliteit, arbeidsmarkt, economie zorg of onderwijs (en dus niet over bedrijfsvoering).",
    ),
    (
        "Vorm 3 Gezamenlijke taakuitvoering",
        "Taken kunnen ook gezamenlijk worden. Denk hierbij aan afvalinzameling of inkoop. Dit kan door samen "
        "een organisatieonderdeel te vormen (denk aan een shared service center) of te werken met contracten "
        "(bijvoorbeeld dienstverleningsovereenkomsten).",
    ),
    (
        "Vorm 4 Ambtelijke fusie",
        "Het draait om eén gezamenlijke ambtelijke organisatie waarmee dienstverlening geboden wordt aan "
        "afzonderlijke besturen.",
    ),
    (
        "Vorm 5 Zelf bouwen; het combinatiemodel",
        "Gelegenheid voor het zelf construeren van een vorm die het meest bij de drie gemeenten past.",
    ),
]


def template_rows() -> list[tuple[str, str, str, int]]:
    """(kind, name, explanation, order) of every item of the default template."""
    rows = [("precondition", name, "", i) for i, name in enumerate(PRECONDITIONS, 1)]
    rows += [("criterion", name, "", i) for i, name in enumerate(CRITERIA, 1)]
    rows += [("point", name, "", i) for i, name in enumerate(POINTS, 1)]
    rows += [("variant", name, text, i) for i, (name, text) in enumerate(VARIANTS, 1)]
    return rows


def default_template_ensure(template_model, item_model) -> None:
    """Create the default template if no template is marked default (migration and tests)."""
    if template_model.objects.filter(is_default=True).exists():
        return
    template, _ = template_model.objects.get_or_create(
        name=NAME, defaults={"description": DESCRIPTION, "is_default": True}
    )
    template.is_default = True
    template.save()
    if not item_model.objects.filter(template=template).exists():
        item_model.objects.bulk_create(
            item_model(template=template, kind=kind, name=name, explanation=text, order=order)
            for kind, name, text, order in template_rows()
        )
