"""The finder's page for a query: rendered once per library version, yet every query gets
its own, a change shows at once, and a mistake is explained afresh every time."""

import re

from casestudies.views import finder


def heading(response):
    found = re.search(
        r'id="results-heading"[^>]*>\s*(.*?)\s*(?:<span|</h2>)', response.content.decode(), re.S
    )
    return found.group(1)


def rendered(response):
    return [template.name for template in response.templates]


def test_a_querys_page_is_rendered_once_and_a_change_shows_at_once(client, make_case_study):
    make_case_study("Moor Lane", community_model="clt")
    make_case_study("Quay Street", community_model="cohousing")
    first = client.get("/case-studies/?model=clt")
    again = client.get("/case-studies/?model=clt")
    assert again.content == first.content
    assert finder.FINDER_PAGE_TEMPLATE in rendered(first)
    assert finder.FINDER_PAGE_TEMPLATE not in rendered(again)
    assert heading(again) == "1 case study"
    other = client.get("/case-studies/?model=cohousing")
    assert "Quay Street" in other.content.decode() and "Moor Lane" not in other.content.decode()
    make_case_study("Moor Lane Two", community_model="clt")
    changed = client.get("/case-studies/?model=clt")
    assert heading(changed) == "2 case studies"
    assert "Moor Lane Two" in changed.content.decode()


def test_a_mistake_is_explained_every_time_and_never_kept(client, make_case_study):
    make_case_study("Moor Lane", community_model="clt")
    for _ in range(2):
        response = client.get("/case-studies/?model=clt&completed_from=soon")
        assert response.status_code == 400
        assert finder.FINDER_PAGE_TEMPLATE in rendered(response)
        assert "<title>Error: " in response.content.decode()


def test_only_the_first_page_and_no_filters_are_offered_to_search_engines(
    client, make_case_study, settings
):
    settings.CASE_STUDIES_PER_PAGE = 1
    for number in range(2):
        make_case_study(f"Moor Lane {number}", community_model="clt")
    robots = {
        path: re.search(
            r'<meta name="robots" content="([^"]+)"', client.get(path).content.decode()
        ).group(1)
        for path in ("/case-studies/", "/case-studies/?page=2", "/case-studies/?model=clt")
    }
    assert robots == {
        "/case-studies/": "index, follow",
        "/case-studies/?page=2": "noindex, follow",
        "/case-studies/?model=clt": "noindex, follow",
    }
