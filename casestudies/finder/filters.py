"""The one definition of how case studies are filtered.

The finder, the exports, the map and the insights all take their query parameters
through `CaseStudyFilter` (via `selectors.filter_case_studies`), so a link that works
on one works on all. Parameters use slugs, never database ids, and repeat for several
values: `?region=north-east&region=yorkshire`. Values combine with OR inside a
parameter and AND across parameters.
"""

import copy
import re

import django_filters
from django import forms
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from casestudies.finder.search import apply_search, search_terms
from casestudies.models import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    CaseStudy,
    CaseStudyPartner,
    Organisation,
    Theme,
)
from casestudies.models.choices import (
    DEPRIVATION_BAND_DECILES,
    TENURE_FIELDS,
    CommunityModel,
    Delivery,
    DeprivationBand,
    PartnershipStatus,
    Region,
    Setting,
    Stage,
    Tenure,
)

SORT_CHOICES = [
    ("relevance", "Best match"),
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("title", "Title A to Z"),
    ("most-homes", "Most homes"),
]
SORT_ORDERING = {
    # Ties in relevance fall back to the newest-first order.
    "relevance": ["-search_rank", "-published_at", "title", "pk"],
    "newest": ["-published_at", "title", "pk"],
    "oldest": ["published_at", "title", "pk"],
    "title": ["title", "pk"],
    # Unknown counts last on every database, matching casestudy_most_homes_idx.
    "most-homes": [Coalesce(F("homes_total"), Value(-1)).desc(), "title", "pk"],
}
MAX_QUERY_LENGTH = 200
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def _unknown(what):
    return {
        "invalid_choice": f"We don't recognise the {what} “%(value)s”. It may have been renamed or removed."
    }


MAX_VALUES = 50  # per parameter: more than anyone ticks, few enough to keep queries small


class ShallowCopy:
    """django-filter deep-copies every filter for each request, and Django every form
    field, choices and all, so that they can be changed per request. Ours never are (the
    form class is built once, in get_form_class), so each request shares them: a shallow
    copy costs a tenth of a deep one, and copying was most of a finder request's time."""

    def __deepcopy__(self, memo):
        clone = copy.copy(self)
        memo[id(self)] = clone
        if getattr(clone, "_method", None):
            clone.method = clone._method  # django-filter binds a method filter to its instance
        return clone


def shallow(cls):
    return type(cls.__name__, (ShallowCopy, cls), {"__module__": __name__})


Char = shallow(django_filters.CharFilter)
Choice = shallow(django_filters.ChoiceFilter)
MultipleChoice = shallow(django_filters.MultipleChoiceFilter)
MultipleChoice.field_class = shallow(MultipleChoice.field_class)
Choice.field_class = shallow(Choice.field_class)
Char.field_class = shallow(forms.CharField)


class SlugMultipleChoiceField(ShallowCopy, forms.ModelMultipleChoiceField):
    """Choices are slugs of rows, checked in one query; errors in plain words.

    `public` gives the pks of the rows the public may know of: any other row is treated
    exactly as one that does not exist (same error, same status, no name), so a guessed
    slug cannot tell whether an unpublished partnership is being prepared."""

    def __init__(self, *args, what="", public=None, **kwargs):
        self.what = what
        self.public = public
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "invalid_choice",
            f"We don't recognise the {what} “%(value)s”. It may have been renamed or removed.",
        )
        kwargs["error_messages"].setdefault(
            "invalid_pk_value", f"“%(pk)s” is not a {what} name we know."
        )
        super().__init__(*args, to_field_name="slug", **kwargs)

    def _check_values(self, value):
        # Refuse what a slug can never be before it reaches the database (PostgreSQL
        # rejects NUL bytes outright), and refuse floods of values.
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(
                f"Choose at most {MAX_VALUES} options here.", code="too_many"
            )
        for item in value:
            if not isinstance(item, str) or len(item) > 200 or not SLUG.fullmatch(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:80]},
                )
        found = {row.slug: row for row in self.queryset.filter(slug__in=set(value))}
        public = self.public() if self.public is not None else None
        for item in value:
            row = found.get(item)
            if row is None or (public is not None and row.pk not in public):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return [found[item] for item in dict.fromkeys(value)]


class FinderForm(forms.Form):
    """Checks that need more than one field, and limits that protect the database."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, (list, tuple)) and len(value) > MAX_VALUES:
                self.add_error(name, f"Choose at most {MAX_VALUES} options here.")
        start, end = cleaned.get("completed_from"), cleaned.get("completed_to")
        if start is not None and end is not None and start > end:
            self.add_error(
                "completed_to",
                f"“Completed up to” ({end}) must be the same as or after “completed from” ({start}).",
            )
            cleaned.pop("completed_from", None)  # an inverted range means neither end
        return cleaned


class SlugFilter(ShallowCopy, django_filters.ModelMultipleChoiceFilter):
    """Several rows by slug, matched through a subquery so results never repeat."""

    field_class = SlugMultipleChoiceField

    def __init__(self, *args, what="", subquery=None, public=None, **kwargs):
        self.subquery = subquery
        super().__init__(*args, what=what, public=public, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=self.subquery([item.pk for item in value]))


class YearFilter(ShallowCopy, django_filters.NumberFilter):
    field_class = shallow(forms.IntegerField)

    @classmethod
    def for_bound(cls, lookup, label, example):
        """One end of the year-completed range."""
        return cls(
            field_name="year_completed",
            lookup_expr=lookup,
            label=label,
            min_value=EARLIEST_YEAR,
            max_value=LATEST_YEAR,
            error_messages={
                "invalid": f"Enter a year as four digits, like {example}.",
                "min_value": f"Enter a year from {EARLIEST_YEAR} onwards.",
                "max_value": f"Enter a year up to {LATEST_YEAR}.",
            },
        )


def _public_themes():
    from casestudies.finder import facet_index

    return facet_index.current().public_themes


def _public_organisations():
    from casestudies.finder import facet_index

    return facet_index.current().public_organisations


class CaseStudyFilter(django_filters.FilterSet):
    class Meta:
        form = FinderForm

    q = Char(
        method="filter_search",
        label="Search",
        max_length=MAX_QUERY_LENGTH,
        help_text="Words in the title, story, place or partner names.",
    )
    region = MultipleChoice(
        distinct=False,
        label="Region",
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("region"),
    )
    model = MultipleChoice(
        distinct=False,
        field_name="community_model",
        label="Community model",
        choices=CommunityModel.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("community model"),
    )
    delivery = MultipleChoice(
        distinct=False,
        label="New build or refurbishment",
        choices=Delivery.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("kind of delivery"),
    )
    tenure = MultipleChoice(
        distinct=False,
        method="filter_tenure",
        label="Tenure",
        choices=Tenure.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("tenure"),
    )
    stage = MultipleChoice(
        distinct=False,
        label="Stage",
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("stage"),
    )
    status = MultipleChoice(
        distinct=False,
        field_name="partnership_status",
        label="Partnership",
        choices=PartnershipStatus.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("partnership status"),
    )
    setting = MultipleChoice(
        distinct=False,
        label="Setting",
        choices=Setting.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("setting"),
    )
    deprivation = MultipleChoice(
        distinct=False,
        method="filter_deprivation",
        label="Deprivation of the neighbourhood",
        choices=DeprivationBand.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_unknown("deprivation band"),
    )
    theme = SlugFilter(
        label="Theme",
        what="theme",
        queryset=Theme.objects.all(),
        public=_public_themes,
        widget=forms.CheckboxSelectMultiple,
        subquery=lambda ids: Theme.case_studies.through.objects.filter(theme_id__in=ids).values(
            "casestudy_id"
        ),
    )
    partner = SlugFilter(
        label="Partner organisation",
        what="partner organisation",
        queryset=Organisation.objects.select_related("successor"),
        public=_public_organisations,
        widget=forms.CheckboxSelectMultiple,
        subquery=lambda ids: CaseStudyPartner.objects.filter(organisation_id__in=ids).values(
            "case_study_id"
        ),
    )
    completed_from = YearFilter.for_bound("gte", "Completed from", example=2015)
    completed_to = YearFilter.for_bound("lte", "Completed up to", example=2020)
    sort = Choice(
        method="filter_sort",
        label="Sort by",
        choices=SORT_CHOICES,
        empty_label=None,
        error_messages=_unknown("sort order"),
    )

    # Facets shown as checkbox groups, in the order the finder lists them.
    FACETS = [
        "region",
        "model",
        "delivery",
        "tenure",
        "stage",
        "status",
        "setting",
        "deprivation",
        "theme",
        "partner",
    ]

    _form_class = None

    def get_form_class(self):
        """The form class, made once per process: django-filter would build a new class
        and new fields on every request, which is most of what a finder request costs."""
        cls = type(self)
        if cls.__dict__.get("_form_class") is None:
            # Fields come from copies, so the shared filters stay as declared.
            fields = {}
            for name, filter_ in self.base_filters.items():
                clone = copy.copy(filter_)
                clone.model = CaseStudy
                fields[name] = clone.field
            fields["sort"].required = False
            fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
            fields["q"].error_messages["max_length"] = (
                f"Search for at most {MAX_QUERY_LENGTH} characters."
            )
            for name in ("completed_from", "completed_to"):
                fields[name].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
            cls._form_class = type(f"{cls.__name__}Form", (self._meta.form,), fields)
        return cls._form_class

    # Filter methods ----------------------------------------------------------------

    def filter_search(self, queryset, name, value):
        return apply_search(queryset, value)

    def filter_tenure(self, queryset, name, value):
        condition = Q()
        for tenure in value:
            condition |= Q(**{f"{TENURE_FIELDS[tenure]}__gt": 0})
        return queryset.filter(condition)

    def filter_deprivation(self, queryset, name, value):
        condition = Q()
        for band in value:
            deciles = DEPRIVATION_BAND_DECILES[band]
            condition |= Q(imd_decile__in=deciles) if deciles else Q(imd_decile__isnull=True)
        return queryset.filter(condition)

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is applied last, in filter_queryset

    # Applying ------------------------------------------------------------------------

    @property
    def searching(self):
        self.errors  # noqa: B018 - reading errors validates, so only values that passed are applied
        return bool(search_terms(self.form.cleaned_data.get("q", "")))

    @property
    def sort_choice(self):
        self.errors  # noqa: B018 - validates first
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not self.searching:
            chosen = ""
        return chosen or ("relevance" if self.searching else "newest")

    def filter_queryset(self, queryset, exclude=()):
        """Apply every valid filter except those named in `exclude`, then order."""
        for name, value in self.form.cleaned_data.items():
            if name in exclude or name == "sort":
                continue
            queryset = self.filters[name].filter(queryset, value)
        if "sort" in exclude:
            return queryset
        return queryset.order_by(*SORT_ORDERING[self.sort_choice])

    def queryset_without(self, *names):
        """The case studies matching every active filter but these (facet counts use this)."""
        self.errors  # noqa: B018 - reading errors validates, so only values that passed are applied
        return self.filter_queryset(self.queryset, exclude=set(names) | {"sort"})
