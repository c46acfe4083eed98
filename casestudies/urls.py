from django.urls import include, path
from django.views.generic import TemplateView

from casestudies.alerts import views as alerts
from casestudies.briefings import views as briefings
from casestudies.caching import cache_public_page
from casestudies.citations import views as citation_views
from casestudies.guides import views as guides
from casestudies.presenters import exports
from casestudies.presenters.routes import in_sitemap
from casestudies.releases import views as release_views
from casestudies.views import about as about_pages
from casestudies.views import (
    api_docs,
    case_studies,
    embeds,
    finder,
    insights,
    map_layers,
    organisations,
    pages,
)
from casestudies.views.feeds import LatestCaseStudiesFeed
from casestudies.views.filtering import FILTERS_QUERY

app_name = "casestudies"

urlpatterns = [
    path("", pages.home, name="home"),
    path(
        "about/",
        in_sitemap(cache_public_page(TemplateView.as_view(template_name="casestudies/about.html"))),
        name="about",
    ),
    path("case-studies/", finder.case_study_list, name="case_study_list"),
    path("case-studies/briefing.pdf", briefings.finder_briefing, name="finder_briefing"),
    path("case-studies/<slug:slug>/", case_studies.case_study_detail, name="case_study_detail"),
    path(
        "case-studies/<slug:slug>/citation.<slug:kind>",
        citation_views.case_study_citation,
        name="case_study_citation",
    ),
    path(
        "case-studies/<slug:slug>/briefing.pdf",
        briefings.case_study_briefing,
        name="case_study_briefing",
    ),
    path("cs/<int:pk>/", citation_views.stable_case_study, name="stable_case_study"),
    path("about/how-we-grade-evidence/", about_pages.evidence_grading, name="evidence_grading"),
    path(
        "about/what-the-library-includes/",
        about_pages.inclusion_criteria,
        name="inclusion_criteria",
    ),
    path("insights/", insights.insights, name="insights"),
    path("map/", finder.map_view, name="map"),
    path(
        "map/most-deprived-<int:percent>.geojson",
        map_layers.deprivation_layer,
        name="deprivation_layer",
    ),
    path("compare/", finder.compare, name="compare"),
    path("open-data/", pages.open_data, name="open_data"),
    path("open-data/catalogue.jsonld", release_views.catalogue, name="data_catalogue"),
    path("open-data/releases/", release_views.release_list, name="release_list"),
    path("open-data/releases/<slug:version>/", release_views.release_detail, name="release_detail"),
    path(
        "open-data/releases/<slug:version>/<str:name>",
        release_views.release_file,
        name="release_file",
    ),
    path("case-studies.csv", exports.case_studies_csv, name="export_csv"),
    path("case-studies.geojson", exports.case_studies_geojson, name="export_geojson"),
    path("api/", api_docs.docs, name="api_docs"),
    path("api/openapi.json", api_docs.document_view, name="openapi_json"),
    path("api/case-studies/", exports.api_case_studies, name="api_list"),
    path("api/case-studies/<slug:slug>/", exports.api_case_study, name="api_detail"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"
    ),
    path("guides/", guides.guide_list, name="guide_list"),
    path("guides/<slug:slug>/", guides.guide_detail, name="guide_detail"),
    path("guides/<slug:slug>/briefing.pdf", briefings.guide_briefing, name="guide_briefing"),
    path(
        "feeds/case-studies/",
        cache_public_page(LatestCaseStudiesFeed(), query=FILTERS_QUERY),
        name="feed",
    ),
    path("alerts/new/", alerts.alert_signup, name="alert_signup"),
    path("alerts/confirm/<str:token>/", alerts.alert_confirm, name="alert_confirm"),
    path("alerts/unsubscribe/<str:token>/", alerts.alert_unsubscribe, name="alert_unsubscribe"),
    path("embed/", embeds.embed_builder, name="embed_builder"),
    path("embed/case-studies/", embeds.embed, name="embed"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("", include("casestudies.participation.urls")),
]
