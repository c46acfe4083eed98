"""Synthetic case studies for scale and performance work.

Every record is marked `is_synthetic`, titled "Synthetic case study N", and partnered
with organisations named "Synthetic …", so nobody can mistake one for a real scheme.
Generation is seeded, so the same command gives the same library.
"""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from casestudies import caching
from casestudies.geography import latest_index
from casestudies.models import (
    CaseStudy,
    CaseStudyPartner,
    Indicator,
    Organisation,
    Outcome,
    Source,
    Theme,
)
from casestudies.models.choices import (
    TENURE_FIELDS,
    Arrangement,
    CommunityModel,
    Delivery,
    OrganisationKind,
    PartnerRole,
    Region,
    Setting,
    Stage,
    Status,
    Tenure,
)
from casestudies.services.lens import nation_of_region
from casestudies.services.markdown import render_markdown

BATCH = 2000
# Rough bounding boxes, so synthetic points fall in the right part of the map.
REGION_BOXES = {
    Region.NORTH_EAST: (54.45, 55.6, -2.6, -1.2),
    Region.NORTH_WEST: (53.3, 54.9, -3.4, -2.1),
    Region.YORKSHIRE: (53.4, 54.5, -2.2, -0.2),
    Region.EAST_MIDLANDS: (52.4, 53.5, -1.9, 0.3),
    Region.WEST_MIDLANDS: (52.0, 53.1, -3.1, -1.3),
    Region.EAST_OF_ENGLAND: (51.6, 52.9, -0.4, 1.7),
    Region.LONDON: (51.35, 51.65, -0.45, 0.2),
    Region.SOUTH_EAST: (50.8, 51.9, -1.8, 1.3),
    Region.SOUTH_WEST: (50.1, 51.6, -5.6, -2.0),
    Region.WALES: (51.4, 53.3, -4.9, -3.0),
    Region.SCOTLAND: (55.0, 58.5, -6.0, -2.0),
    Region.NORTHERN_IRELAND: (54.1, 55.2, -8.0, -5.5),
}
# Community-led partnerships cluster in the south and in prosperous villages.
REGION_WEIGHTS = [6, 8, 7, 6, 6, 9, 5, 12, 18, 6, 4, 2]
MODEL_WEIGHTS = {
    CommunityModel.CLT: 50,
    CommunityModel.COHOUSING: 14,
    CommunityModel.COOPERATIVE: 10,
    CommunityModel.SELF_HELP: 8,
    CommunityModel.DEVELOPMENT_TRUST: 8,
    CommunityModel.TENANT_MANAGEMENT: 5,
    CommunityModel.OTHER: 5,
}
# Deciles skewed towards the less deprived: the pattern the library exists to show.
DECILE_WEIGHTS = [3, 4, 5, 7, 9, 11, 13, 15, 16, 17]
PLACES = [
    "Ashby",
    "Brampton",
    "Carlton",
    "Dunmore",
    "Eastwick",
    "Fenham",
    "Greystoke",
    "Holme",
    "Ivybridge",
    "Kirkby",
]
SUFFIXES = ["", " Magna", " on the Water", " St Mary", " Green", " Moor", " Bridge", " End"]


def _weighted(rng, choices):
    return rng.choices(list(choices), weights=list(choices.values()))[0]


class Command(BaseCommand):
    help = (
        "Create clearly labelled synthetic case studies (published) for scale and performance work."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, required=True, help="How many case studies to create."
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed, for a repeatable library."
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete existing synthetic records first."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args, count, seed, replace, no_progress, **options):
        if count < 1:
            raise CommandError("--count must be at least 1.")
        rng = random.Random(seed)
        with transaction.atomic():
            if replace:
                self._delete_synthetic()
            organisations = self._organisations(rng, max(20, count // 25))
            themes = list(Theme.objects.all()) or self._themes()
            self.indicators = list(Indicator.objects.all())
            start = CaseStudy.objects.filter(is_synthetic=True).count() + 1
            progress = tqdm(total=count, unit="case studies", disable=no_progress, file=self.stderr)
            done = 0
            while done < count:
                size = min(BATCH, count - done)
                self._create_batch(rng, start + done, size, organisations, themes)
                done += size
                progress.update(size)
            progress.close()
            # Bulk inserts send no signals: tell the page cache the library changed.
            transaction.on_commit(caching.bump)
        self.stdout.write(self.style.SUCCESS(f"Created {count} synthetic case studies."))

    def _delete_synthetic(self):
        synthetic = CaseStudy.objects.filter(is_synthetic=True)
        CaseStudy.themes.through.objects.filter(casestudy__in=synthetic).delete()
        Outcome.objects.filter(case_study__in=synthetic).delete()
        CaseStudyPartner.objects.filter(case_study__in=synthetic).delete()
        Source.objects.filter(case_study__in=synthetic).delete()
        synthetic._raw_delete(synthetic.db)
        Organisation.objects.filter(
            name__startswith="Synthetic ", partnerships__isnull=True
        ).delete()

    def _themes(self):
        names = [
            "Synthetic theme: older people",
            "Synthetic theme: empty homes",
            "Synthetic theme: rural",
        ]
        return [Theme.objects.create(name=name, slug=slugify(name)) for name in names]

    def _organisations(self, rng, wanted):
        existing = list(Organisation.objects.filter(name__startswith="Synthetic "))
        kinds = [
            (OrganisationKind.HOUSING_ASSOCIATION, "Housing Association"),
            (OrganisationKind.COMMUNITY_LAND_TRUST, "Community Land Trust"),
            (OrganisationKind.HOUSING_COOPERATIVE, "Housing Co-operative"),
            (OrganisationKind.COHOUSING_GROUP, "Cohousing Group"),
            (OrganisationKind.FUNDER, "Fund"),
        ]
        new = []
        for number in range(len(existing) + 1, wanted + 1):
            kind, label = kinds[number % len(kinds)]
            name = f"Synthetic {label} {number}"
            new.append(
                Organisation(
                    name=name,
                    slug=slugify(name),
                    kind=kind,
                    region=rng.choice(Region.values),
                    description="A made-up organisation for performance testing.",
                )
            )
        Organisation.objects.bulk_create(new, batch_size=BATCH)
        organisations = list(Organisation.objects.filter(name__startswith="Synthetic "))
        by_kind = {}
        for organisation in organisations:
            by_kind.setdefault(organisation.kind, []).append(organisation)
        return by_kind

    def _create_batch(self, rng, first_number, size, organisations, themes):
        now = timezone.now()
        case_studies, chosen_partners = [], {}
        community_kinds = [
            OrganisationKind.COMMUNITY_LAND_TRUST,
            OrganisationKind.HOUSING_COOPERATIVE,
            OrganisationKind.COHOUSING_GROUP,
        ]
        for number in range(first_number, first_number + size):
            partners = [
                (rng.choice(organisations[rng.choice(community_kinds)]), PartnerRole.COMMUNITY),
                (
                    rng.choice(organisations[OrganisationKind.HOUSING_ASSOCIATION]),
                    PartnerRole.HOUSING_ASSOCIATION,
                ),
            ]
            if rng.random() < 0.4:
                partners.append(
                    (rng.choice(organisations[OrganisationKind.FUNDER]), PartnerRole.FUNDER)
                )
            case_study = self._case_study(
                rng, number, now, [organisation.name for organisation, _ in partners]
            )
            chosen_partners[case_study.slug] = partners
            case_studies.append(case_study)
        CaseStudy.objects.bulk_create(case_studies, batch_size=BATCH)
        created = CaseStudy.objects.filter(slug__in=list(chosen_partners)).only("pk", "slug")
        links, sources, theme_links, outcomes = [], [], [], []
        for case_study in created:
            for order, (organisation, role) in enumerate(chosen_partners[case_study.slug]):
                links.append(
                    CaseStudyPartner(
                        case_study=case_study, organisation=organisation, role=role, order=order
                    )
                )
            for index in range(rng.choice([1, 2, 2, 3])):
                sources.append(
                    Source(
                        case_study=case_study,
                        title=f"Synthetic source {index + 1} for {case_study.slug}",
                        publisher="Synthetic data",
                        order=index,
                    )
                )
            for theme in rng.sample(themes, k=min(len(themes), rng.choice([0, 1, 1, 2, 3]))):
                theme_links.append(
                    CaseStudy.themes.through(casestudy_id=case_study.pk, theme_id=theme.pk)
                )
            # About half report outcomes, most of those one to three.
            if self.indicators and rng.random() < 0.5:
                for order, indicator in enumerate(
                    rng.sample(self.indicators, k=rng.choice([1, 1, 2, 3, 4]))
                ):
                    value = rng.randint(5, 95) if indicator.unit == "%" else rng.randint(1, 60)
                    if indicator.unit == "£":
                        value *= 5000
                    outcomes.append(
                        Outcome(
                            case_study=case_study,
                            indicator=indicator,
                            value=value,
                            year=rng.randint(2010, 2026),
                            method="Synthetic figure for performance testing",
                            order=order,
                        )
                    )
        CaseStudyPartner.objects.bulk_create(links, batch_size=BATCH)
        Outcome.objects.bulk_create(outcomes, batch_size=BATCH)
        Source.objects.bulk_create(sources, batch_size=BATCH)
        CaseStudy.themes.through.objects.bulk_create(theme_links, batch_size=BATCH)

    def _case_study(self, rng, number, now, partner_names):
        region = rng.choices(Region.values, weights=REGION_WEIGHTS)[0]
        south, north, west, east = REGION_BOXES[region]
        place = rng.choice(PLACES) + rng.choice(SUFFIXES)
        model = _weighted(rng, MODEL_WEIGHTS)
        delivery = rng.choices(Delivery.values, weights=[55, 20, 10, 15])[0]
        homes_built = (
            rng.randint(2, 45) if delivery in (Delivery.NEW_BUILD, Delivery.MIXED) else None
        )
        homes_refurbished = (
            rng.randint(1, 20)
            if delivery in (Delivery.REFURBISHMENT, Delivery.CONVERSION, Delivery.MIXED)
            else None
        )
        total = (homes_built or 0) + (homes_refurbished or 0)
        tenure = {field: None for field in TENURE_FIELDS.values()}
        remaining = total
        for chosen in rng.sample(list(Tenure), k=rng.choice([1, 1, 2, 3])):
            if remaining <= 0:
                break
            homes = rng.randint(1, remaining)
            tenure[TENURE_FIELDS[chosen]] = homes
            remaining -= homes
        year_started = rng.randint(1998, 2024)
        decile = (
            rng.choices(range(1, 11), weights=DECILE_WEIGHTS)[0] if rng.random() < 0.8 else None
        )
        stage = rng.choices(Stage.values, weights=[5, 5, 10, 15, 65])[0]
        title = f"Synthetic case study {number}: {place}"
        summary = (
            f"A synthetic {CommunityModel(model).label.lower()} partnership in {place}, "
            f"with {total} homes. Made up for performance testing; not a real scheme."
        )
        body = "This is synthetic text for performance testing. " * 20
        story_html = render_markdown(body)
        capital = total * rng.randint(90, 220) * 1000
        return CaseStudy(
            title=title,
            slug=f"synthetic-case-study-{number}",
            summary=summary,
            body=body,
            key_messages="Synthetic key message one.\nSynthetic key message two.",
            status=Status.PUBLISHED,
            published_at=now - timedelta(minutes=number),
            is_synthetic=True,
            place_name=place,
            local_authority_name=f"Synthetic District {rng.randint(1, 300)}",
            region=region,
            latitude=round(rng.uniform(south, north), 6),
            longitude=round(rng.uniform(west, east), 6),
            setting=rng.choice(Setting.values),
            imd_decile=decile,
            imd_edition=latest_index(nation_of_region(region)).key if decile else "",
            community_model=model,
            partnership_arrangement=rng.choice(Arrangement.values),
            delivery=delivery,
            homes_built=homes_built,
            homes_refurbished=homes_refurbished,
            homes_total=total,
            stage=stage,
            year_started=year_started,
            year_completed=rng.randint(year_started, 2026) if stage == Stage.LIVE else None,
            capital_cost=capital,
            grant_funding=int(capital * rng.uniform(0.1, 0.45)),
            search_text="\n".join([body, place, *partner_names]),
            story_html=story_html,
            **tenure,
        )
