"""The change page's form made to fit: figures shown as people write them (pounds as
pounds), sections that open and close, and a preview of the story rendered exactly as the
public page renders it."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from casestudies.services.markdown import render_markdown


class FigureInput(forms.NumberInput):
    """7 rather than "7.00", 100000 rather than "100000.00"; 2.5 stays 2.5."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else value.normalize()
        return super().format_value(value)


def as_written(value):
    """A figure as people write it: 7 not 7.00, 2.5 not 2.50, thousands with commas."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else value.normalize()
    return f"{value:,}"


class PoundsInput(forms.NumberInput):
    """A sum of money: the input with £ before it (the label and help say pounds too)."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<span class="money-input"><span class="money-input__symbol" aria-hidden="true">£</span>{}</span>',
            super().render(name, value, attrs, renderer),
        )


def in_pounds(model):
    """The names of `model`'s fields that hold sums of money (see models.money_field)."""
    return [field.name for field in model._meta.fields if getattr(field, "in_pounds", False)]


class ShownAsWrittenAdmin:
    """Mixed into an admin (or inline): where a page is read-only, figures show as written
    and money in pounds, not as the database's "7.00". `shown_as_written` maps a field to
    the admin attribute that shows it; `show_as_written` fills it in."""

    shown_as_written = {}

    def read_only(self, request, obj):
        # An inline is read-only when its case study is: the admin above it decides.
        decides = (
            self.admin_site._registry[self.parent_model]
            if isinstance(self, admin.options.InlineModelAdmin)
            else self
        )
        return obj is not None and not decides.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.read_only(request, obj):
            return fields
        return fields + list(self.shown_as_written.values())

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.read_only(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": _swapped(options["fields"], self.shown_as_written)})
            for name, options in fieldsets
        ]


def _swapped(fields, swaps):
    if isinstance(fields, (list, tuple)):
        return type(fields)(_swapped(field, swaps) for field in fields)
    return swaps.get(fields, fields)


def show_as_written(admin_class, model, names, pounds=()):
    """Give `admin_class` a read-only display of each field in `names` (those in
    `pounds` with £), used in place of the field where the page is read-only."""
    swaps = dict(admin_class.shown_as_written)
    for name in names:
        shown = f"{name}_as_written"

        def display(obj, name=name, money=name in pounds):
            value = getattr(obj, name)
            if value is None:
                return "Not given"
            return f"£{as_written(value)}" if money else as_written(value)

        label = model._meta.get_field(name).verbose_name
        setattr(admin_class, shown, staticmethod(admin.display(description=label)(display)))
        swaps[name] = shown
    admin_class.shown_as_written = swaps


class StoryPreviewAdmin:
    """Mixed into CaseStudyAdmin: a route that renders posted Markdown (it saves nothing)."""

    def get_urls(self):
        preview = path(
            "preview-story/",
            self.admin_site.admin_view(require_POST(self.preview_story)),
            name="casestudies_casestudy_preview_story",
        )
        return [preview, *super().get_urls()]

    def preview_story(self, request):
        if not (self.has_add_permission(request) or self.has_view_or_change_permission(request)):
            raise PermissionDenied
        html = render_markdown(request.POST.get("body", "")) or "<p>The story is empty.</p>"
        return HttpResponse(html, content_type="text/html; charset=utf-8")
