"""The filter panel shared by the finder and the insights: made once per set of filters and
library version, yet never out of date and never keeping an error."""

import re

from casestudies.views import filtering


def region_count(page, region):
    found = re.search(
        rf'id="region-{region}"[^>]*>.*?<span class="checkbox__count">\((\d+)', page, re.S
    )
    return int(found.group(1)) if found else None


def test_each_set_of_filters_panel_is_made_once_and_serves_every_page_and_order(
    client, make_case_study, settings, monkeypatch
):
    settings.CASE_STUDIES_PER_PAGE = 1
    for number in range(3):
        make_case_study(f"Moor Lane {number}", community_model="clt")
    made = []
    real_render = filtering.render_to_string
    monkeypatch.setattr(
        filtering,
        "render_to_string",
        lambda template, context: made.append(template) or real_render(template, context),
    )
    pages = [
        client.get(f"/case-studies/?model=clt&page={page}&sort={sort}").content.decode()
        for page, sort in [(1, "newest"), (2, "newest"), (3, "newest")]
    ]
    assert made == [filtering.PANEL_TEMPLATE]
    assert {region_count(page, "north-east") for page in pages} == {3}
    assert all("Moor Lane" in page for page in pages)
    client.get("/insights/?model=clt")
    assert len(made) == 2  # the insights' panel clears to its own page: kept apart


def test_a_panel_shows_a_change_at_once(client, make_case_study):
    make_case_study("Moor Lane", region="north-east")
    assert region_count(client.get("/case-studies/").content.decode(), "north-east") == 1
    make_case_study("Quay Street", region="north-east")
    assert region_count(client.get("/case-studies/").content.decode(), "north-east") == 2
    assert region_count(client.get("/insights/").content.decode(), "north-east") == 2


def test_a_panel_with_an_error_is_never_kept(client, make_case_study):
    make_case_study("Moor Lane")
    wrong = client.get("/case-studies/?completed_from=soon").content.decode()
    assert 'id="finder-completed_from-error"' in wrong
    again = client.get("/case-studies/?completed_from=soon").content.decode()
    assert 'id="finder-completed_from-error"' in again
    right = client.get("/case-studies/?completed_from=2001").content.decode()
    assert 'id="finder-completed_from-error"' not in right
    assert 'value="2001"' in right
