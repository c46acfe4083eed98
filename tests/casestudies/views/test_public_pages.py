"""Public pages: what a visitor sees, and what they must never see."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casestudies.models import CaseStudy
from casestudies.models.choices import Status


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def visible_text(response):
    """The page's words as a reader sees them, without markup."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).replace(
        " .", "."
    )


def title_of(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


@pytest.fixture
def stocksfield(make_case_study, make_organisation):
    karbon = make_organisation("Karbon Homes", slug="karbon-homes")
    isos = make_organisation("Isos Housing", slug="isos-housing", successor=karbon)
    scata = make_organisation("SCATA", slug="scata", kind="community-land-trust")
    return make_case_study(
        "SCATA and Isos Housing in Stocksfield",
        slug="stocksfield",
        summary="Seven affordable rented homes on two brownfield sites.",
        body="## How it started\n\nA parish plan in 2009.",
        place_name="Stocksfield",
        local_authority_name="Northumberland",
        local_authority_code="E06000057",
        community_model="clt",
        delivery="new-build",
        homes_built=7,
        homes_affordable_rent=7,
        stage="live",
        year_started=2011,
        year_completed=2015,
        capital_cost=930000,
        grant_funding=364000,
        funders="Homes and Communities Agency",
        key_messages="Small sites matter.\nKeep the freehold.",
        verification_notes="One report says six homes.",
        partners=[(scata, "community"), (isos, "housing-association")],
    )


@pytest.fixture
def hidden(make_case_study, make_organisation):
    """One of each kind of case study the public must never see, with a partner only they have."""
    secret_partner = make_organisation("Secret Partner Homes", slug="secret-partner")
    hidden = {}
    for key, values in {
        "draft": {"status": Status.DRAFT},
        "review": {"status": Status.REVIEW},
        "archived": {"status": Status.ARCHIVED},
        "scheduled": {"published_at": timezone.now() + timedelta(days=3)},
    }.items():
        hidden[key] = make_case_study(
            f"Hidden {key} zanzibar scheme",
            slug=f"hidden-{key}",
            summary="Zanzibar summary.",
            region="north-east",
            community_model="clt",
            homes_built=50,
            featured=True,
            partners=[(secret_partner, "community")],
            **values,
        )
    return hidden


# The finder ---------------------------------------------------------------------


def test_finder_lists_case_studies_with_count_and_facets(client, stocksfield, make_case_study):
    make_case_study("Leeds cohousing", region="yorkshire", community_model="cohousing")
    response = client.get("/case-studies/")
    page = text_of(response)
    assert response.status_code == 200
    assert "2 case studies" in page
    assert "SCATA and Isos Housing in Stocksfield" in page
    assert "Isos Housing (now part of Karbon Homes)" in page
    assert re.search(
        r"North East <span class=\"checkbox__count\">\(1<span class=\"visually-hidden\"> case study",
        page,
    )
    assert '<form id="finder" class="finder" method="get"' in page
    assert "Apply filters" in page
    assert title_of(response) == "Case studies – Partnerships in Place"


def test_finder_shows_selected_filters_as_removable_tags(client, stocksfield):
    response = client.get("/case-studies/?region=north-east&model=clt")
    page = text_of(response)
    assert "1 case study matches your filters" in visible_text(response)
    assert (
        'href="?model=clt"><span class="visually-hidden">Remove filter: </span>North East' in page
    )
    assert (
        'href="?region=north-east"><span class="visually-hidden">Remove filter: </span>Community land trust'
        in page
    )
    assert "Clear filters" in page
    assert (
        title_of(response)
        == "Case studies: North East, Community land trust – Partnerships in Place"
    )
    assert "checked" in re.search(r'<input[^>]*id="region-north-east"[^>]*>', page).group(0)


def test_pagination_keeps_every_filter(client, make_case_study, settings):
    settings.CASE_STUDIES_PER_PAGE = 2
    for i in range(5):
        make_case_study(f"Scheme {i}", region="north-east", community_model="clt")
    make_case_study("Elsewhere", region="london")
    response = client.get("/case-studies/?region=north-east&model=clt&sort=title")
    page = text_of(response)
    assert "5 case studies" in page
    assert 'href="?region=north-east&amp;model=clt&amp;sort=title&amp;page=2" rel="next"' in page
    second = client.get("/case-studies/?region=north-east&model=clt&sort=title&page=2")
    assert "Scheme 2" in text_of(second) and "Scheme 0" not in text_of(second)
    assert "(page 2 of 3)" in title_of(second)
    assert (
        'aria-current="page" class="pagination__current"><span class="visually-hidden">Page </span>2'
        in text_of(second)
    )


def test_a_page_past_the_end_is_a_helpful_404(client, stocksfield):
    response = client.get("/case-studies/?region=north-east&page=7")
    assert response.status_code == 404
    page = text_of(response)
    assert "There is no page 7: these results fill 1 page." in page
    assert 'href="?region=north-east&amp;page=1">Go to the last page' in page


def test_a_malformed_page_shows_the_first_page(client, stocksfield):
    response = client.get("/case-studies/?page=two")
    assert response.status_code == 400
    assert "That page number was not a whole number" in text_of(response)
    assert "SCATA and Isos Housing in Stocksfield" in text_of(response)


def test_unknown_values_are_explained_in_an_error_summary(client, stocksfield):
    response = client.get("/case-studies/?region=atlantis&model=clt")
    assert response.status_code == 400
    page = text_of(response)
    assert "Some of the filters could not be used" in page
    assert 'href="#facet-region">Region: We don&#x27;t recognise the region “atlantis”' in page
    assert "SCATA and Isos Housing in Stocksfield" in page  # the valid filter still applied
    assert title_of(response).startswith("Error: ")


def test_an_empty_result_suggests_removing_the_narrowest_filter(
    client, stocksfield, make_case_study
):
    make_case_study("Leeds", region="yorkshire", community_model="cohousing")
    make_case_study("Lozells", region="west-midlands", community_model="cohousing")
    response = client.get("/case-studies/?region=north-east&model=cohousing")
    page = text_of(response)
    assert "No case studies match your filters" in visible_text(response)
    assert "Try removing <strong>North East</strong>" in page
    assert 'href="?model=cohousing">show 2 case studies without it' in page


def test_search_terms_are_highlighted(client, stocksfield):
    page = text_of(client.get("/case-studies/?q=brownfield"))
    assert "two <mark>brownfield</mark> sites" in page
    assert 'value="brownfield"' in page
    assert "Best match" in page


def test_search_input_is_escaped_everywhere(client, stocksfield):
    attack = '"><script>alert(1)</script>'
    response = client.get("/case-studies/", {"q": attack, "region": attack})
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_finder_query_count_is_the_same_whatever_the_library_size(
    client, make_case_study, settings
):
    settings.CASE_STUDIES_PER_PAGE = 10

    def queries_for(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for i in range(3):
        make_case_study(f"First {i}", region="north-east", community_model="clt")
    url = "/case-studies/?region=north-east&model=clt&q=first&sort=title"
    small_plain, small_filtered = queries_for("/case-studies/"), queries_for(url)
    for i in range(30):
        make_case_study(f"First more {i}", region="north-east", community_model="clt")
    assert queries_for("/case-studies/") == small_plain
    assert queries_for(url) == small_filtered
    assert small_plain <= 16 and small_filtered <= 16


# The case study page ------------------------------------------------------------


def test_case_study_page_has_the_basics_story_and_sources(client, stocksfield):
    response = client.get("/case-studies/stocksfield/")
    page = text_of(response)
    assert '<h1 id="case-study-title">SCATA and Isos Housing in Stocksfield</h1>' in page
    assert 'Northumberland <span class="muted">(E06000057)</span>' in page
    assert "Isos Housing (now part of Karbon Homes)" in page
    assert "Housing association partner" in page
    assert "7 homes" in page and "Affordable rent: 7" in page
    assert "Started 2011; completed 2015" in page
    assert "Capital cost: £930,000" in page and "Capital grant: £364,000" in page
    assert '<h2 id="how-it-started">How it started</h2>' in page
    assert "<li>Keep the freehold.</li>" in page
    assert "Not confirmed" in page and "One report says six homes." in page
    assert 'aria-current="step"' in page and "Live" in page
    assert "Source 1" in page
    assert title_of(response) == "SCATA and Isos Housing in Stocksfield – Partnerships in Place"


def test_case_study_page_meta_and_structured_data(client, stocksfield):
    page = client.get("/case-studies/stocksfield/").content.decode()
    assert '<link rel="canonical" href="http://testserver/case-studies/stocksfield/">' in page
    assert '<meta property="og:title" content="SCATA and Isos Housing in Stocksfield">' in page
    assert (
        '<meta name="description" content="Seven affordable rented homes on two brownfield sites.">'
        in page
    )
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "Article"
    assert data["about"]["@type"] == "Place" and data["about"]["name"] == "Stocksfield"
    assert {"Isos Housing", "SCATA"} <= {org["name"] for org in data["mentions"]}


def test_structured_data_cannot_break_out_of_its_script(client, make_case_study):
    make_case_study("Evil </script><script>alert(1)</script>", slug="evil", summary="a & b <b>")
    page = client.get("/case-studies/evil/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["headline"] == "Evil </script><script>alert(1)</script>"


def test_case_study_page_query_count_does_not_grow(client, make_case_study, make_organisation):
    partners = [(make_organisation(f"Partner {i}"), "community") for i in range(2)]
    subject = make_case_study("Subject", slug="subject", partners=partners, sources=2)
    make_case_study("Related already", partners=partners[:1])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/case-studies/subject/").status_code == 200
        return len(queries)

    first = count()
    for i in range(6):
        organisation = make_organisation(f"More partner {i}")
        subject.partners.create(organisation=organisation, role="funder")
        make_case_study(f"Related {i}", partners=[(organisation, "community")], sources=3)
    assert count() == first


def test_a_case_study_is_read_once_per_library_version_and_changes_show_at_once(
    client, make_case_study, settings, publisher
):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself is made afresh every time
    subject = make_case_study("Harbour Lane homes", slug="harbour-lane", sources=2)

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/case-studies/harbour-lane/")
        return response, len(queries)

    first, first_queries = visit()
    again, again_queries = visit()
    assert again.content == first.content
    # The case study with its partners, outcomes, sources, themes, images and last
    # verification comes from this process's memory, and so does its article, rendered.
    assert again_queries == 0
    article = "casestudies/includes/case_study_article.html"
    assert article in [template.name for template in first.templates]
    assert article not in [template.name for template in again.templates]
    assert "Facts checked against the sources" not in again.content.decode()
    subject.verifications.create(verified_by=publisher)
    assert "Facts checked against the sources" in visit()[0].content.decode()
    subject.title = "Harbour Lane co-operative homes"
    subject.save()
    assert "Harbour Lane co-operative homes" in title_of(visit()[0])
    subject.status = Status.ARCHIVED
    subject.save()
    assert visit()[0].status_code == 404


def test_changed_slug_redirects_from_the_old_address(client, stocksfield):
    stocksfield.slug = "stocksfield-community-homes"
    stocksfield.save()
    response = client.get("/case-studies/stocksfield/")
    assert response.status_code == 301
    assert response["Location"] == "/case-studies/stocksfield-community-homes/"
    assert client.get(response["Location"]).status_code == 200


def test_print_stylesheet_is_linked(client, stocksfield):
    assert (
        'href="/static/css/print.css" media="print"'
        in client.get("/case-studies/stocksfield/").content.decode()
    )


# Organisations ---------------------------------------------------------------------


def test_successor_page_lists_predecessors_partnerships(client, stocksfield):
    page = text_of(client.get("/organisations/karbon-homes/"))
    assert '<h1 id="organisation-title">Karbon Homes</h1>' in page
    assert "SCATA and Isos Housing in Stocksfield" in page
    assert "as Isos Housing" in page
    assert 'href="/organisations/isos-housing/">Isos Housing</a>' in page


def test_successor_page_links_to_the_finder_with_its_whole_lineage(client, stocksfield):
    page = text_of(client.get("/organisations/karbon-homes/"))
    assert (
        'href="/case-studies/?partner=karbon-homes&amp;partner=isos-housing">Find these partnerships in the case study finder</a>'
        in page
    )
    finder = text_of(client.get("/case-studies/?partner=karbon-homes&partner=isos-housing"))
    assert "1 case study" in finder and "SCATA and Isos Housing in Stocksfield" in finder


def test_the_finder_link_reaches_back_through_every_step_of_succession(
    client, make_case_study, make_organisation
):
    newest = make_organisation("Northern Homes", slug="northern-homes")
    middle = make_organisation("Dale Housing", slug="dale-housing", successor=newest)
    oldest = make_organisation("Fell Housing", slug="fell-housing", successor=middle)
    make_case_study("Fell cottages", partners=[(oldest, "housing-association")])
    make_case_study("Dale terraces", partners=[(middle, "housing-association")])
    page = text_of(client.get("/organisations/northern-homes/"))
    assert (
        'href="/case-studies/?partner=northern-homes&amp;partner=dale-housing&amp;partner=fell-housing"'
        in page
    )
    finder = text_of(
        client.get(
            "/case-studies/?partner=northern-homes&partner=dale-housing&partner=fell-housing"
        )
    )
    assert "2 case studies" in finder and "Fell cottages" in finder and "Dale terraces" in finder


def test_organisation_with_many_partnerships_pages_them_newest_first(
    client, make_case_study, make_organisation
):
    from datetime import timedelta

    from django.utils import timezone

    busy = make_organisation("Busy Homes", slug="busy-homes")
    now = timezone.now()
    for i in range(53):
        make_case_study(
            f"Scheme {i:02d}",
            partners=[(busy, "housing-association")],
            published_at=now - timedelta(days=60 - i),
        )
    first = text_of(client.get("/organisations/busy-homes/"))
    assert "Partnerships (53)" in first and "Showing 1 to 50, newest first" in first
    assert first.index("Scheme 52") < first.index("Scheme 51") and "Scheme 02" not in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/organisations/busy-homes/?page=2")
    assert second.status_code == 200
    page = text_of(second)
    assert (
        "Showing 51 to 53, newest first" in page and "Scheme 00" in page and "Scheme 03" not in page
    )
    assert '<meta name="robots" content="noindex, follow">' in page
    assert client.get("/organisations/busy-homes/?page=3").status_code == 404
    assert client.get("/organisations/busy-homes/?page=two").status_code == 400


def test_predecessor_page_names_its_successor(client, stocksfield):
    page = text_of(client.get("/organisations/isos-housing/"))
    assert 'Now part of <a href="/organisations/karbon-homes/">Karbon Homes</a>' in page


def test_organisation_list_shows_succession_and_counts(client, stocksfield):
    page = text_of(client.get("/organisations/"))
    assert "Isos Housing (now part of Karbon Homes)" in page
    assert "3 organisations" in page
    assert re.search(
        r"Karbon Homes</a> <span class=\"muted\">Housing association · 1 case study", page
    )


# Nothing unpublished, anywhere --------------------------------------------------


def test_hidden_case_studies_are_404_to_the_public(client, hidden):
    for case_study in hidden.values():
        response = client.get(case_study.get_absolute_url())
        assert response.status_code == 404
        assert "zanzibar" not in response.content.decode().lower()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/case-studies/",
        "/case-studies/?region=north-east&model=clt",
        "/case-studies/?sort=most-homes",
        "/organisations/",
        "/feeds/case-studies/",
        "/sitemap.xml",
        "/sitemap-case-studies.xml",
        "/sitemap-organisations.xml",
    ],
)
def test_hidden_case_studies_appear_on_no_public_surface(client, hidden, stocksfield, url):
    response = client.get(url)
    body = response.content.decode()
    assert "zanzibar" not in body.lower()
    assert "hidden-" not in body
    assert "Secret Partner Homes" not in body and "secret-partner" not in body


def test_hidden_case_studies_are_not_found_by_search(client, hidden, stocksfield):
    response = client.get("/case-studies/?q=zanzibar")
    assert "No case studies match your filters" in visible_text(response)
    assert "hidden-" not in response.content.decode()


def test_hidden_case_studies_are_not_in_counts(client, hidden, stocksfield):
    page = text_of(client.get("/case-studies/?region=north-east"))
    assert "1 case study" in page
    assert re.search(r"Community land trust <span class=\"checkbox__count\">\(1<", page)
    home = text_of(client.get("/"))
    assert (
        '<span class="figures__number">1</span> <span class="figures__label">partnerships' in home
    )
    assert '<span class="figures__number">7</span>' in home  # 7 homes, not 7 + 4 x 50


def test_hidden_case_studies_are_not_related_links(client, hidden, stocksfield):
    page = client.get("/case-studies/stocksfield/").content.decode()
    assert "hidden-" not in page


def test_draft_only_partner_has_no_public_page(client, hidden):
    assert client.get("/organisations/secret-partner/").status_code == 404


def test_old_slug_of_a_draft_does_not_reveal_the_new_one(client, hidden):
    draft = hidden["draft"]
    draft.slug = "hidden-draft-renamed"
    draft.save()
    assert client.get("/case-studies/hidden-draft/").status_code == 404


def test_scheduled_case_study_appears_once_its_time_comes(client, hidden):
    scheduled = hidden["scheduled"]
    CaseStudy.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert "zanzibar" in client.get("/case-studies/").content.decode().lower()


def test_staff_see_drafts_at_their_address_with_a_banner(publisher_client, hidden):
    for key, words in {
        "draft": "Draft: not public.",
        "review": "In review: not public.",
        "archived": "Archived: not public.",
        "scheduled": "Scheduled: not public yet.",
    }.items():
        response = publisher_client.get(hidden[key].get_absolute_url())
        assert response.status_code == 200
        assert words in text_of(response)
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_what_staff_are_shown_is_never_kept_by_a_cache(publisher_client, hidden, stocksfield):
    hidden["draft"].slug = "hidden-draft-renamed"
    hidden["draft"].save()
    staff_only = [case_study.get_absolute_url() for case_study in hidden.values()] + [
        "/case-studies/hidden-draft/",  # a redirect from a draft's old address
        "/organisations/secret-partner/",  # partner in drafts only
    ]
    for url in staff_only:
        assert Client().get(url).status_code == 404
        response = publisher_client.get(url)
        assert response.status_code in (200, 301), url
        assert {"private", "no-store"} <= cache_control(response), url
    # Anything made for someone signed in, public page or not.
    assert {"private", "no-store"} <= cache_control(
        publisher_client.get(stocksfield.get_absolute_url())
    )
    assert "private" not in cache_control(Client().get(stocksfield.get_absolute_url()))


def test_staff_preview_does_not_leak_into_public_lists_for_staff_either(publisher_client, hidden):
    assert "zanzibar" not in publisher_client.get("/case-studies/").content.decode().lower()


# Feed, sitemap, robots -----------------------------------------------------------


def test_feed_lists_newly_published_case_studies(client, stocksfield):
    response = client.get("/feeds/case-studies/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>SCATA and Isos Housing in Stocksfield</title>" in body
    assert "http://testserver/case-studies/stocksfield/" in body


def test_a_search_with_control_characters_still_gives_a_feed_and_finds_the_words(
    client, stocksfield
):
    # XML cannot carry control characters: a search for "Stocksfield\x1f" once gave a 500.
    feed = client.get("/feeds/case-studies/", {"q": "Stocks\x1ffield\x07"})
    assert feed.status_code == 200
    assert "matching" in feed.content.decode()
    finder = client.get("/case-studies/", {"q": "Stocksfield\x1f"}).content.decode()
    assert "SCATA and Isos Housing in Stocksfield" in finder


def test_sitemap_lists_public_pages(client, stocksfield):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-case-studies.xml" in index
    section = client.get("/sitemap-case-studies.xml").content.decode()
    assert "http://testserver/case-studies/stocksfield/" in section
    organisations = client.get("/sitemap-organisations.xml").content.decode()
    assert "/organisations/karbon-homes/" in organisations


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "User-agent: *" in body


def test_home_page_has_featured_figures_and_a_way_in(client, stocksfield):
    CaseStudy.objects.filter(pk=stocksfield.pk).update(featured=True)
    page = text_of(client.get("/"))
    assert "SCATA and Isos Housing in Stocksfield" in page
    assert 'action="/case-studies/"' in page and 'name="q"' in page
    assert "Browse all 1 case study" in page
    assert 'href="/insights/">See what they add up to' in page  # the way into insights
    assert 'href="/case-studies/?region=north-east">North East' in page


def test_facet_groups_fold_and_options_nothing_matches_wait_behind_show_more(
    client, stocksfield, make_case_study
):
    make_case_study("Leeds cohousing", region="yorkshire", community_model="cohousing")
    page = text_of(client.get("/case-studies/?region=north-east"))
    region = re.search(r'<details class="facet" id="facet-region"( open)?>(.*?)</details>', page)
    model = re.search(r'<details class="facet" id="facet-model"( open)?>(.*?</details>)', page)
    # Open where something is chosen, folded elsewhere: set in the HTML, not by a script.
    assert region.group(1) == " open" and model.group(1) is None
    matching, _, more = model.group(2).partition('<details class="facet__more"')
    assert 'id="model-clt"' in matching and 'id="model-cohousing"' not in matching
    assert more.startswith(' id="facet-model-more"><summary>Show ')
    assert 'id="model-cohousing"' in more and "Cohousing <span" in more
    # A chosen option stays in view even when nothing matches it.
    page = text_of(client.get("/case-studies/?region=north-east&model=cohousing"))
    model = re.search(r'id="facet-model" open>(.*?)<details class="facet__more"', page)
    assert 'id="model-cohousing"' in model.group(1)


def test_the_navigation_marks_the_page_being_read_whichever_was_read_before(client, stocksfield):
    def current(path):
        page = client.get(path).content.decode()
        return set(re.findall(r'<a href="[^"]+" aria-current="page">([^<]+)</a>', page))

    for _ in range(2):  # the header is kept once made: each page must still get its own
        assert current("/case-studies/") == {"Case studies"}
        assert current("/insights/") == {"Insights"}
        assert current("/case-studies/stocksfield/") == {"Case studies"}
        assert current("/organisations/") == {"Organisations"}
        assert current("/about/") == {"About"}
        assert current("/") == set()
