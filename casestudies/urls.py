from django.urls import include, path
from django.views.generic import TemplateView

from . import about_pages, exports, map_layers, openapi, views
from .caching import cache_public_page
from .citations import views as citation_views
from .feeds import LatestCaseStudiesFeed
from .releases import views as release_views

app_name = "casestudies"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", cache_public_page(TemplateView.as_view(template_name="casestudies/about.html")), name="about"),
    path("case-studies/", views.case_study_list, name="case_study_list"),
    path("case-studies/<slug:slug>/", views.case_study_detail, name="case_study_detail"),
    path("case-studies/<slug:slug>/citation.<slug:kind>", citation_views.case_study_citation, name="case_study_citation"),
    path("cs/<int:pk>/", citation_views.stable_case_study, name="stable_case_study"),
    path("about/how-we-grade-evidence/", about_pages.evidence_grading, name="evidence_grading"),
    path("about/what-the-library-includes/", about_pages.inclusion_criteria, name="inclusion_criteria"),
    path("insights/", views.insights, name="insights"),
    path("map/", views.map_view, name="map"),
    path("map/most-deprived-<int:percent>.geojson", map_layers.deprivation_layer, name="deprivation_layer"),
    path("compare/", views.compare, name="compare"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/catalogue.jsonld", release_views.catalogue, name="data_catalogue"),
    path("open-data/releases/", release_views.release_list, name="release_list"),
    path("open-data/releases/<slug:version>/", release_views.release_detail, name="release_detail"),
    path("open-data/releases/<slug:version>/<str:name>", release_views.release_file, name="release_file"),
    path("case-studies.csv", exports.case_studies_csv, name="export_csv"),
    path("case-studies.geojson", exports.case_studies_geojson, name="export_geojson"),
    path("api/", openapi.docs, name="api_docs"),
    path("api/openapi.json", openapi.document_view, name="openapi_json"),
    path("api/case-studies/", exports.api_case_studies, name="api_list"),
    path("api/case-studies/<slug:slug>/", exports.api_case_study, name="api_detail"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("feeds/case-studies/", cache_public_page(LatestCaseStudiesFeed()), name="feed"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", include("casestudies.participation.urls")),
]
