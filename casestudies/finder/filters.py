"""The one definition of how case studies are filtered.

The FilterSet is made from the facet table (`casestudies.finder.facets`): search, then each
facet's filters in the table's order, then the sort order. The finder, the exports, the
map and the insights all take their query parameters through it (via
`selectors.filter_case_studies`), so a link that works on one works on all. Parameters
use slugs, never database ids, and repeat for several values:
`?region=north-east&region=yorkshire`. Values combine with OR inside a parameter and AND
across parameters.
"""

import copy
import re

import django_filters
from django import forms

from casestudies.finder import facet_index, facets
from casestudies.finder.facets import SORT_CHOICES, SORT_ORDERING
from casestudies.finder.search import apply_search, search_terms
from casestudies.models import EARLIEST_YEAR, LATEST_YEAR, CaseStudy

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


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FinderForm(forms.Form):
    """Checks that need more than one field, and limits that protect the database."""

    def clean_q(self):
        # Control characters mean nothing in a search, and XML (the feed) cannot carry them.
        return CONTROL_CHARACTERS.sub(" ", self.cleaned_data.get("q") or "").strip()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, (list, tuple)) and len(value) > MAX_VALUES:
                self.add_error(name, f"Choose at most {MAX_VALUES} options here.")
        for facet in facets.of(facets.RANGE):
            low, high = facet.bounds
            start, end = cleaned.get(low.param), cleaned.get(high.param)
            if start is not None and end is not None and start > end:
                self.add_error(
                    high.param,
                    f"“{high.label}” ({end}) must be the same as or after “{low.label.lower()}” ({start}).",
                )
                cleaned.pop(low.param, None)  # an inverted range means neither end
        return cleaned


class SlugFilter(ShallowCopy, django_filters.ModelMultipleChoiceFilter):
    """Several rows by slug, matched through a subquery so results never repeat."""

    field_class = SlugMultipleChoiceField

    def __init__(self, *args, facet=None, **kwargs):
        self.facet = facet
        super().__init__(*args, what=facet.what, public=lambda: public_rows(facet), **kwargs)

    def filter(self, qs, value):
        return qs.filter(self.facet.condition(value)) if value else qs


class ChoicesFilter(MultipleChoice):
    """Several values of a facet's vocabulary, matched as its table entry says."""

    def __init__(self, *args, facet=None, **kwargs):
        self.facet = facet
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.filter(self.facet.condition(value)) if value else qs


class YearFilter(ShallowCopy, django_filters.NumberFilter):
    field_class = shallow(forms.IntegerField)

    @classmethod
    def for_bound(cls, field_name, bound):
        """One end of a range of years."""
        return cls(
            field_name=field_name,
            lookup_expr=bound.lookup,
            label=bound.label,
            min_value=EARLIEST_YEAR,
            max_value=LATEST_YEAR,
            error_messages={
                "invalid": f"Enter a year as four digits, like {bound.example}.",
                "min_value": f"Enter a year from {EARLIEST_YEAR} onwards.",
                "max_value": f"Enter a year up to {LATEST_YEAR}.",
            },
        )


def public_rows(facet):
    """The pks of a relation facet's rows that the public may know of, from the index."""
    return getattr(facet_index.current(), facet.public)


def filters_for(facet):
    """{parameter: filter} for one facet of the table."""
    if facet.match == facets.RANGE:
        return {bound.param: YearFilter.for_bound(facet.field, bound) for bound in facet.bounds}
    if facet.match == facets.RELATION:
        made = SlugFilter(
            label=facet.label,
            facet=facet,
            queryset=facet.queryset(),
            widget=forms.CheckboxSelectMultiple,
        )
    else:
        made = ChoicesFilter(
            facet=facet,
            distinct=False,
            label=facet.label,
            choices=facet.vocabulary.choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=_unknown(facet.what),
        )
    return {facet.param: made}


class FinderFilterSet(django_filters.FilterSet):
    """The finder's filtering; the facets' filters come from casestudies.finder.facets."""

    class Meta:
        form = FinderForm

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
            for name in range_params():
                fields[name].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
            cls._form_class = type(f"{cls.__name__}Form", (self._meta.form,), fields)
        return cls._form_class

    # Filter methods ----------------------------------------------------------------

    def filter_search(self, queryset, name, value):
        return apply_search(queryset, value)

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


def range_params():
    return [bound.param for facet in facets.of(facets.RANGE) for bound in facet.bounds]


def _made_for(table):
    """A FilterSet class for a table of facets: search first, then each facet's filters
    in the table's order, then the sort order. django-filter orders filters by when they
    were made, so they are made in that order here."""
    declared = {
        "q": Char(
            method="filter_search",
            label="Search",
            max_length=MAX_QUERY_LENGTH,
            help_text="Words in the title, story, place or partner names.",
        )
    }
    for facet in table:
        declared.update(filters_for(facet))
    declared["sort"] = Choice(
        method="filter_sort",
        label="Sort by",
        choices=SORT_CHOICES,
        empty_label=None,
        error_messages=_unknown("sort order"),
    )
    declared["FACETS"] = [facet.param for facet in table if facet.match != facets.RANGE]
    declared["__module__"] = __name__
    return type("CaseStudyFilter", (FinderFilterSet,), declared)


_classes = {}  # id(table) -> (table, class): the table is kept, so its id is never reused


def filterset_class():
    """The FilterSet for the facet table as it is now, made once per table."""
    table = facets.FACETS
    found = _classes.get(id(table))
    if found is None:
        found = _classes[id(table)] = (table, _made_for(table))
    return found[1]


CaseStudyFilter = filterset_class()
