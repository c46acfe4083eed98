from django.urls import path
from django.views.generic import TemplateView

from casestudies.caching import cache_public_page
from casestudies.participation import views

# Included into casestudies.urls, so the names are casestudies:suggest and so on.
urlpatterns = [
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/sent/", views.sent, {"kind": "suggestion"}, name="suggest_sent"),
    path("case-studies/<slug:slug>/correction/", views.correction, name="correction"),
    path(
        "case-studies/<slug:slug>/correction/sent/",
        views.sent,
        {"kind": "correction"},
        name="correction_sent",
    ),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.sent, {"kind": "message"}, name="contact_sent"),
    path("forms/challenge/", views.new_challenge, name="participation_challenge"),
    path("privacy/", views.privacy, name="privacy"),
    path(
        "accessibility/",
        cache_public_page(
            TemplateView.as_view(template_name="casestudies/participation/accessibility.html")
        ),
        name="accessibility",
    ),
]
