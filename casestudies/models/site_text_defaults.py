"""The words each site text starts with, until a publisher changes them. Figures are
placeholders, filled from the library when the page is shown."""

from casestudies.models.site_text import SiteText

DEFAULTS = {
    SiteText.Key.HOME_INTRODUCTION: (
        "Housing associations and community-led groups achieve together what neither manages "
        "alone. This library documents {case_studies} across the UK: who did what, how it was paid for, and what it left behind. Find one like the scheme you are "
        "planning and learn from the people who went first."
    ),
    SiteText.Key.HOME_FIGURES_MISS: (
        "- **More than a count of new homes.** National targets count completions. These "
        "partnerships also bring empty buildings back into use and keep land and shops in "
        "community hands.\n"
        "- **Neighbours who planned it.** Community-led homes are shaped by the people who will "
        "live beside them, which builds the everyday ties that loneliness and cohesion measures "
        "try to capture.\n"
        "- **Where they are missing.** Each case study records its place and, where known, how "
        "deprived its neighbourhood is, so the library shows the gaps as well as the successes.\n"
    ),
    SiteText.Key.ABOUT: (
        "Partnerships in Place gathers real partnerships between housing associations and "
        "community-led housing groups, so that the people planning the next one can learn from "
        "those that came before. It is run by {operator} and holds {case_studies} today.\n"
        "\n"
        "## Who it is for\n"
        "\n"
        "Community land trusts, co-operatives and cohousing groups looking for a partner; housing "
        "associations weighing up what a partnership asks of them; council officers and policy "
        "teams who need evidence of what works, and where.\n"
        "\n"
        "## How case studies are written\n"
        "\n"
        "Staff research each case study from published sources and write it in their own words. "
        "Every case study lists its sources. Where sources disagree, or something could not be "
        'confirmed, the case study says so under "Not confirmed" instead of quietly picking a '
        "number. A figure nobody knows is left out, never estimated.\n"
        "\n"
        "Map positions mark the middle of the village, town or neighbourhood, never anyone's "
        "home.\n"
        "\n"
        "## What we record, and why\n"
        "\n"
        "Official housing statistics count new homes. Partnerships like these also bring empty "
        "homes back into use, keep land and buildings in community ownership and strengthen the "
        "ties between neighbours. The library records the place, the community model, new build "
        "and refurbishment, tenure and, where known, how deprived the neighbourhood is, so that "
        "it can show where partnerships are missing as well as where they thrive.\n"
        "\n"
        "## How deprivation is measured\n"
        "\n"
        "Each nation of the UK ranks its own neighbourhoods with an index of its own. The library "
        "finds each case study's neighbourhood from its coordinates or a neighbourhood code and "
        "records its decile in that nation's latest index, named beside it. The indices are built "
        "differently, so a figure covering more than one nation adds up each nation's own deciles "
        "and says so. A case study covering a whole area has no neighbourhood decile.\n"
        "\n"
        "## Housing associations that have merged\n"
        "\n"
        "Housing associations often merge. A case study names the organisation that did the work "
        "at the time and shows what it is part of now: Isos Housing, for example, appears as "
        '"Isos Housing (now part of Karbon Homes)", and Karbon Homes\' page lists the '
        "partnerships Isos Housing made.\n"
        "\n"
        "## Who decides what is published\n"
        "\n"
        "Staff of {operator} research and write every case study and decide what is published. "
        "Anything a visitor sends is read and checked against published sources first: nothing "
        "appears on the site as it was sent.\n"
    ),
}
