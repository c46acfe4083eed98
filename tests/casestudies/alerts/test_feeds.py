"""Every finder view's own Atom feed."""

import xml.etree.ElementTree as ElementTree

from casestudies.models.choices import Status

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_holds_only_the_views_published_results(client, make_case_study):
    make_case_study("Welsh scheme", region="wales")
    make_case_study("London scheme", region="london")
    make_case_study("Welsh draft", region="wales", status=Status.DRAFT)
    feed = ElementTree.fromstring(client.get("/feeds/case-studies/?region=wales").content)
    assert [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")] == [
        "Welsh scheme"
    ]
    assert feed.find(f"{ATOM}title").text.endswith("new case studies matching Wales")
    everything = ElementTree.fromstring(client.get("/feeds/case-studies/").content)
    assert len(list(everything.iter(f"{ATOM}entry"))) == 2


def test_a_bad_filter_is_left_out_rather_than_an_error(client, make_case_study):
    make_case_study("Welsh scheme", region="wales")
    response = client.get("/feeds/case-studies/?region=atlantis&completed_from=soon")
    assert response.status_code == 200
    assert b"Welsh scheme" in response.content
