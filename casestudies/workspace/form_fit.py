"""The change page's form made to fit: figures shown as people write them, sections that
open and close, and a preview of the story rendered exactly as the public page renders it."""

from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from casestudies.services.markdown import render_markdown


class FigureInput(forms.NumberInput):
    """7 rather than "7.00", 100000 rather than "100000.00"; 2.5 stays 2.5."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else value.normalize()
        return super().format_value(value)


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
