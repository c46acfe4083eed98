"""Which query strings a cached page may be kept under.

Each cached view names the parameters it takes (`Query`); for the pages built on the
finder's filters they are read off the FilterSet's own form fields, so a new filter is
known here the moment it exists. A request is cached only when every parameter is one
of these, each value is written the one way the page writes it (no empty values, no
repeats, no leading zeros, a value the field can hold) and it is not a search: free
text is valid for any words, so searches would fill the cache with pages nobody asks
for twice. The order of parameters, and of the values of a filter whose values
combine with OR, does not matter: such requests share one entry. So does a blank filter
the form sent (`q=`), where the FilterSet reads blank as absent.

Everything else is still answered, in full, just not kept. Whether a value names
something that exists (a partner, a page number) the view decides; only its 200
answers are kept.
"""

import re
from urllib.parse import urlencode

from django import forms

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
WHOLE = re.compile(r"[1-9][0-9]{0,11}")


class Parameter:
    # Whether the view reads a parameter given once, blank, as if it were not there.
    blank_is_absent = False


class Choice(Parameter):
    """One of a fixed set of values; with `multiple`, any of them, kept in their order."""

    def __init__(self, values, multiple=False):
        self.values = [str(value) for value in values if str(value)]
        self.multiple = multiple

    def canonical(self, given):
        if len(given) > 1 and not self.multiple or len(set(given)) < len(given):
            return None
        if any(value not in self.values for value in given):
            return None
        return sorted(given, key=self.values.index)


class Slugs(Parameter):
    """Slugs of records; in the order given when it matters (`ordered`), else sorted."""

    def __init__(self, ordered=False, most=None):
        self.ordered, self.most = ordered, most

    def canonical(self, given):
        if len(set(given)) < len(given) or (self.most and len(given) > self.most):
            return None
        if not all(SLUG.fullmatch(value) for value in given):
            return None
        return list(given) if self.ordered else sorted(given)


class Whole(Parameter):
    """A whole number from `minimum` (to `maximum`), written without padding."""

    def __init__(self, minimum=1, maximum=None):
        self.minimum, self.maximum = minimum, maximum

    def canonical(self, given):
        if len(given) > 1 or not all(WHOLE.fullmatch(value) for value in given):
            return None
        for value in given:
            if int(value) < self.minimum or (
                self.maximum is not None and int(value) > self.maximum
            ):
                return None
        return list(given)


class FreeText(Parameter):
    """Words typed by a visitor: a page with any is never cached."""

    def canonical(self, given):
        return None if given else []


def parameter_for(field):
    """The kind of parameter a FilterSet's form field reads. django-filter reads a blank
    single value as no filter at all; a blank among several values is an error."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return Slugs()
    if isinstance(field, forms.MultipleChoiceField):
        return Choice([value for value, _ in field.choices], multiple=True)
    if isinstance(field, forms.ChoiceField):
        parameter = Choice([value for value, _ in field.choices])
    elif isinstance(field, forms.IntegerField):
        parameter = Whole(field.min_value if field.min_value is not None else 0, field.max_value)
    elif isinstance(field, forms.CharField):
        parameter = FreeText()
    else:
        raise TypeError(
            f"No canonical form is defined for a {type(field).__name__}: add one to casestudies/canonical.py."
        )
    parameter.blank_is_absent = True
    return parameter


NO_FIELDS = {}


class Query:
    """The parameters a cached page takes, in the order a canonical query gives them."""

    # Canonical forms already worked out, by raw query string: a cache hit then costs no
    # parsing. Emptied when full, so a stream of made-up query strings cannot grow it.
    REMEMBERED = 4096

    def __init__(self, form_fields=None, **parameters):
        self._form_fields = form_fields  # a callable giving a form's fields, read when asked
        self._extra = parameters
        self._seen = {}
        self._made = (None, None)  # (the fields, the parameters made from them)

    @property
    def parameters(self):
        """Made again only when the form's fields are another set (the facet table changed)."""
        fields = self._form_fields() if self._form_fields else NO_FIELDS
        made_for, parameters = self._made
        if made_for is not fields:
            parameters = {
                **{name: parameter_for(field) for name, field in fields.items()},
                **self._extra,
            }
            self._made = (fields, parameters)
            self._seen = {}
        return parameters

    def canonical_for(self, raw, params):
        """canonical(params()) for the raw query string `raw`, remembered."""
        self.parameters  # noqa: B018 - forgets what it remembered if the fields changed
        try:
            return self._seen[raw]
        except KeyError:
            pass
        found = self.canonical(params())
        if len(self._seen) >= self.REMEMBERED:
            self._seen.clear()
        self._seen[raw] = found
        return found

    def canonical(self, params):
        """The canonical query string for these parameters (a QueryDict), or None when
        the request is not one to cache."""
        parameters = self.parameters
        if any(name not in parameters for name in params):
            return None
        pairs = []
        for name, parameter in parameters.items():
            given = params.getlist(name)
            if given == [""] and parameter.blank_is_absent:
                given = []
            if "" in given:
                return None
            values = parameter.canonical(given)
            if values is None:
                return None
            pairs.extend((name, value) for value in values)
        return urlencode(pairs)


NO_PARAMETERS = Query()
