"""“Did you mean …?”: typos corrected from the published library's own words, on
SQLite (difflib) and PostgreSQL (pg_trgm) alike, and never from unpublished ones."""

import re

import pytest
from django.core.management import call_command
from django.db import connection

from casestudies.finder import suggestions
from casestudies.models.choices import Status


def did_you_mean(client, query):
    page = client.get("/case-studies/", {"q": query}).content.decode()
    found = re.search(r'<p class="did-you-mean"[^>]*>(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else None


@pytest.fixture
def stocksfield(make_case_study, make_organisation):
    return make_case_study(
        "Community-owned rented homes in Stocksfield",
        place_name="Stocksfield",
        partners=[(make_organisation("Broomley Community Association"), "community")],
    )


def test_a_misspelt_place_suggests_the_place(client, stocksfield):
    assert did_you_mean(client, "stocksfeld") == "Did you mean Stocksfield?"
    page = client.get("/case-studies/", {"q": "stocksfeld", "region": "north-east"})
    assert 'href="?region=north-east&amp;q=Stocksfield"' in page.content.decode()


def test_the_suggestion_keeps_the_words_spelt_right(client, stocksfield):
    assert suggestions.corrected_query("rented stocksfeld") == "rented Stocksfield"
    assert suggestions.corrected_query("broomly") == "Broomley"  # a partner's name


def test_no_suggestion_when_the_search_finds_enough(client, stocksfield, make_case_study):
    make_case_study("Stocksfield again", place_name="Stocksfield")
    make_case_study("Stocksfield a third time", place_name="Stocksfield")
    assert did_you_mean(client, "stocksfield") is None
    assert suggestions.corrected_query("stocksfield") is None  # a known word
    assert suggestions.corrected_query("stocks") is None  # the start of one


def test_nothing_close_suggests_nothing(client, stocksfield):
    assert did_you_mean(client, "zzqxv") is None
    assert suggestions.corrected_query("") is None


def test_unpublished_words_are_never_suggested(client, make_case_study):
    make_case_study("Secret scheme in Hexhamshire", place_name="Hexhamshire", status=Status.DRAFT)
    make_case_study("Homes in Alnwick", place_name="Alnwick")
    assert suggestions.corrected_query("hexamshire") is None
    assert did_you_mean(client, "hexamshire") is None
    assert suggestions.corrected_query("alnwik") == "Alnwick"


def test_the_vocabulary_follows_the_library(client, stocksfield, make_case_study):
    assert suggestions.corrected_query("corbrige") is None
    make_case_study("Homes in Corbridge", place_name="Corbridge")
    assert suggestions.corrected_query("corbrige") == "Corbridge"


def test_the_demo_library_suggests_stocksfield(client, db):
    call_command("load_demo_data", no_images=True, verbosity=0)
    assert did_you_mean(client, "stocksfeld") == "Did you mean Stocksfield?"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_postgresql_ranks_by_trigram_similarity(stocksfield):
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity('stocksfeld', 'stocksfield')")
        assert cursor.fetchone()[0] > suggestions.TRIGRAM_CUTOFF
    vocabulary = suggestions.vocabulary()
    assert vocabulary.closest("stocksfeld") == "stocksfield"
    assert vocabulary.closest("qqqq") is None
