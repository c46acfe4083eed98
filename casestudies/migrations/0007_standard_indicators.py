"""The indicators every case study reports against, to start with. Staff can add to
and refine them in the admin; outcomes keep pointing at them."""

from django.db import migrations

from casestudies.services.groups import ensure_groups, make_permissions

INDICATORS = [
    # (framework, slug, name, unit, aggregation, lower is better, description)
    ("housing-outputs", "homes-built", "Homes built", "homes", "sum", False, "New homes completed."),
    ("housing-outputs", "homes-refurbished", "Homes refurbished or converted", "homes", "sum", False,
     "Homes made from existing buildings: empty homes repaired, shops or chapels converted."),
    ("housing-outputs", "empty-homes-back-in-use", "Empty homes brought back into use", "homes", "sum", False,
     "Homes that stood empty and are lived in again."),
    ("housing-outputs", "homes-social-rent", "Homes at social rent", "homes", "sum", False,
     "Homes let at social rent, the lowest rent level."),
    ("housing-outputs", "rent-share-of-local-income", "Rent as a share of local incomes", "%", "average", True,
     "Rent as a percentage of local household income, as the source measures it."),
    ("housing-outputs", "years-since-affordable-homes", "Years since the place last had new affordable homes",
     "years", "average", False, "How long the place had gone without new affordable homes before this scheme."),
    ("communities", "loneliness", "Residents who feel lonely", "%", "average", True,
     "Adults lonely some, most or all of the time in the last week (the measure in Scotland's National "
     "Performance Framework)."),
    ("communities", "places-to-interact", "Residents with places to meet nearby", "%", "average", False,
     "Adults agreeing there are places to meet up and socialise nearby."),
    ("communities", "shared-spaces", "Shared spaces provided", "spaces", "sum", False,
     "Common houses, community rooms and shared gardens the scheme provides."),
    ("communities", "social-capital", "Social capital", "index points", "average", False,
     "An index of social networks, cohesion, participation and trust (Scotland's framework sets 2013 = 100)."),
    ("communities", "community-owned-assets", "Assets in community ownership", "assets", "sum", False,
     "Land, buildings and homes the community organisation owns."),
    ("social-value", "social-value", "Social value", "£", "sum", False,
     "Value to residents and the community in pounds; say the method, e.g. HACT wellbeing valuation."),
    ("social-value", "money-for-local-causes", "Money passed to local causes", "£", "sum", False,
     "Funds the scheme raised for other local community organisations."),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("casestudies", "Indicator")
    for order, (framework, slug, name, unit, aggregation, lower, description) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(
            slug=slug,
            defaults={
                "framework": framework, "name": name, "unit": unit, "aggregation": aggregation,
                "lower_is_better": lower, "description": description, "order": order,
            },
        )
    make_permissions(apps)
    ensure_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0006_outcomes_and_deprivation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
