"""One facet index per machine: built by one process, loaded by the others, and never
read for a library version other than its own."""

import pytest

from casestudies import caching
from casestudies.finder import facet_index, shared_index
from casestudies.models.choices import Status


@pytest.fixture
def fresh_process(monkeypatch, settings, tmp_path):
    """Make facet_index behave as in a process that has built nothing yet, on a machine
    with no shared index yet, and count how often it builds from the database."""
    settings.DATA_DIR = tmp_path
    settings.SHARED_FACET_INDEX = True
    builds = []
    real_build = facet_index.build

    def counted_build(key):
        builds.append(key)
        return real_build(key)

    monkeypatch.setattr(facet_index, "build", counted_build)

    def start():
        monkeypatch.setattr(facet_index, "_current", None)
        monkeypatch.setattr(facet_index, "_clean", (None, caching.local_changes()))

    start()
    return start, builds


def finder_titles(client):
    return client.get("/case-studies/").content.decode()


def test_a_second_process_loads_the_index_the_first_one_built(
    client, make_case_study, fresh_process
):
    start, builds = fresh_process
    case_study = make_case_study("Shared scheme")
    make_case_study("Other scheme")
    caching.bump()
    assert "Shared scheme" in finder_titles(client)
    assert len(builds) == 1
    token = caching.current_version()["token"]
    assert shared_index.path_for(caching.release(), token).exists()

    start()  # another worker on the same machine
    index = facet_index.current()
    assert len(builds) == 1  # loaded, not built
    assert index.key[1] == token
    assert len(index.space("newest").pks) == 2
    assert "Shared scheme" in finder_titles(client)
    # Partner bitmaps are made from the loaded columns: filtering by partner still works.
    partner = case_study.partners.get().organisation
    filtered = client.get(f"/case-studies/?partner={partner.slug}").content.decode()
    assert "Shared scheme" in filtered
    assert "Other scheme" not in filtered


def test_a_new_library_version_is_never_answered_from_the_old_file(
    client, make_case_study, fresh_process
):
    start, builds = fresh_process
    first = make_case_study("First scheme")
    caching.bump()
    assert "First scheme" in finder_titles(client)
    old = shared_index.path_for(caching.release(), caching.current_version()["token"])

    # Another process publishes a second case study and archives the first, then renews
    # the version; this process has not seen either change.
    make_case_study("Second scheme")
    first.status = Status.ARCHIVED
    first.save()
    start()
    caching.bump()

    page = finder_titles(client)
    assert "Second scheme" in page
    assert "First scheme" not in page
    assert len(builds) == 2
    assert not old.exists()  # an old version's file is removed once a new one is saved


def test_a_change_not_yet_in_a_version_is_seen_by_its_own_process(
    client, make_case_study, fresh_process
):
    start, builds = fresh_process
    caching.bump()
    assert "Local scheme" not in finder_titles(client)
    make_case_study("Local scheme")  # saved here, version not renewed yet
    assert "Local scheme" in finder_titles(client)
    assert len(builds) == 2  # built for this process alone...
    start()
    assert len(facet_index.current().space("newest").pks) == 0  # ...not shared


def test_the_next_versions_index_is_ready_before_the_version_is_published(
    client, make_case_study, fresh_process, django_capture_on_commit_callbacks
):
    start, builds = fresh_process
    caching.bump()
    finder_titles(client)  # the servers share an index now
    with django_capture_on_commit_callbacks(execute=True):
        make_case_study("Published scheme")
    token = caching.current_version()["token"]
    assert shared_index.path_for(caching.release(), token).exists()
    start()
    built = len(builds)
    assert "Published scheme" in finder_titles(client)
    assert len(builds) == built  # loaded, not built


def test_a_damaged_file_is_built_again(client, make_case_study, fresh_process):
    start, builds = fresh_process
    make_case_study("Sturdy scheme")
    caching.bump()
    path = shared_index.path_for(caching.release(), caching.current_version()["token"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not an index")
    before = len(builds)
    assert "Sturdy scheme" in finder_titles(client)
    assert len(builds) == before + 1
    start()
    facet_index.current()
    assert len(builds) == before + 1  # the file built again is whole


@pytest.mark.django_db
def test_the_first_version_on_a_machine_is_published_without_warnings(fresh_process, monkeypatch):
    # Preparing the shared index once asked for the current version, which, with none stored
    # yet, published one: which prepared the index again, until Python's recursion limit.
    warnings = []
    monkeypatch.setattr(caching, "_warn", lambda what, error: warnings.append((what, error)))
    version = caching.bump()
    assert version["token"] == caching.current_version()["token"]
    assert warnings == []


def test_a_loaded_index_unpacks_what_only_uncommon_requests_read_when_first_asked(
    client, make_case_study, fresh_process
):
    start, builds = fresh_process
    make_case_study("Beech Row", homes_built=12)
    make_case_study("Alder Court", homes_built=30)
    caching.bump()
    built = facet_index.current()
    start()  # another worker on the same machine: it loads the file
    loaded = facet_index.current()
    assert len(builds) == 1
    for name in shared_index.DEFERRED:
        assert isinstance(getattr(loaded, name), shared_index.Packed)
    # A space the file did not hold, and insights' figures for it, come out as when built.
    del loaded.spaces["title"]
    assert loaded.space("title").pks == built.space("title").pks
    oldest = loaded.space("oldest")
    oldest.figures = None
    assert loaded.figures(oldest)["homes_total"].tolist() == (
        built.figures(built.space("oldest"))["homes_total"].tolist()
    )
    assert loaded.unpacked("keys_of") == built.keys_of
    # Each relation's rows are arrays in the file, read as the dict of sets they came from.
    for param, relation in loaded.relations.items():
        assert isinstance(relation.members_of, shared_index.Members)
        for pk, members in built.relations[param].members_of.items():
            assert relation.members_of.get(pk) == sorted(members)
        assert relation.members_of.get(10**9) == ()
    # The first filtered page finds each relation's columns made.
    assert set(loaded.space("newest").member_columns) == set(loaded.relations)
    titles = client.get("/case-studies/?sort=title").content.decode()
    assert titles.index("Alder Court") < titles.index("Beech Row")
