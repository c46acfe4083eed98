from django.urls import path
from django.views.generic import TemplateView

from . import embeds, exports, views
from .caching import cache_public_page
from .feeds import LatestCaseStudiesFeed
from .views import FILTERS_QUERY
from .alerts import views as alerts
from .briefings import views as briefings
from .guides import views as guides

app_name = "casestudies"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", cache_public_page(TemplateView.as_view(template_name="casestudies/about.html")), name="about"),
    path("case-studies/", views.case_study_list, name="case_study_list"),
    path("case-studies/briefing.pdf", briefings.finder_briefing, name="finder_briefing"),
    path("case-studies/<slug:slug>/", views.case_study_detail, name="case_study_detail"),
    path("case-studies/<slug:slug>/briefing.pdf", briefings.case_study_briefing, name="case_study_briefing"),
    path("insights/", views.insights, name="insights"),
    path("map/", views.map_view, name="map"),
    path("compare/", views.compare, name="compare"),
    path("open-data/", views.open_data, name="open_data"),
    path("case-studies.csv", exports.case_studies_csv, name="export_csv"),
    path("case-studies.geojson", exports.case_studies_geojson, name="export_geojson"),
    path("api/case-studies/", exports.api_case_studies, name="api_list"),
    path("api/case-studies/<slug:slug>/", exports.api_case_study, name="api_detail"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("guides/", guides.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", guides.guide_detail, name="guide_detail"),
    path("guides/<slug:slug>/briefing.pdf", briefings.guide_briefing, name="guide_briefing"),
    path("feeds/case-studies/", cache_public_page(LatestCaseStudiesFeed(), query=FILTERS_QUERY), name="feed"),
    path("alerts/new/", alerts.alert_signup, name="alert_signup"),
    path("alerts/confirm/<str:token>/", alerts.alert_confirm, name="alert_confirm"),
    path("alerts/unsubscribe/<str:token>/", alerts.alert_unsubscribe, name="alert_unsubscribe"),
    path("embed/", embeds.embed_builder, name="embed_builder"),
    path("embed/case-studies/", embeds.embed, name="embed"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
