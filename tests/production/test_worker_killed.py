"""A gunicorn worker killed in the middle of an admin save leaves the database as it was
before the save, never half-way; the next save goes through whole."""

import json
import os
import signal
import textwrap
import threading
import time

import pytest

from tests.production.servers import (
    ROOT,
    AppServer,
    PostgresDatabase,
    manage,
    need,
    postgres_available,
    production_env,
)
from tests.production.test_multiprocess import PASSWORD, change_url, prepare, staff_env

# Loaded by every Python process started with this directory first on PYTHONPATH: while
# the flag file exists, a case study's save pauses after its own row is written (before
# partners, sources and history), so the test can kill the worker at exactly that point.
SITECUSTOMIZE = textwrap.dedent(
    """
    import os, time
    from django.db.models.signals import post_save

    def _pause(sender, instance, **kwargs):
        if sender.__name__ == "CaseStudy" and os.path.exists(os.environ["PAUSE_FLAG"]):
            with open(os.environ["PAUSE_MARK"], "w") as mark:
                mark.write(str(os.getpid()))
            time.sleep(60)

    post_save.connect(_pause, weak=False)
    """
)

STATE = (
    "import json; from casestudies.models import CaseStudy; cs = CaseStudy.objects.get(slug='{slug}'); "
    "print(json.dumps({{'title': cs.title, 'key_messages': cs.key_messages, 'revision': cs.revision, "
    "'partners': sorted(cs.partners.values_list('organisation__slug', 'role', 'role_detail')), "
    "'history': cs.history.count()}}))"
)


def state(env, slug):
    return json.loads(manage(env, "shell", "-c", STATE.format(slug=slug)).strip().splitlines()[-1])


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_worker_killed_mid_save_leaves_the_database_as_before(tmp_path, engine):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    flag, mark = tmp_path / "pause", tmp_path / "paused-by"
    extra = {
        "PYTHONPATH": f"{hooks}{os.pathsep}{ROOT}",
        "PAUSE_FLAG": flag,
        "PAUSE_MARK": mark,
        "DJANGO_HTTPS": 0,
    }
    database = None
    if engine == "postgresql":
        need(postgres_available(), "PostgreSQL at 127.0.0.1:5432")
        database = PostgresDatabase().__enter__()
        extra["DATABASE_URL"] = database.url
    try:
        env = production_env(tmp_path / "data", **extra)
        prepare(staff_env(env))
        slug = "north-ormesby-empty-homes"
        before = state(env, slug)
        with AppServer(env, workers=1) as server:
            staff = server.client()
            staff.sign_in("admin", "curator", PASSWORD)
            url = change_url(staff, slug)
            page = staff.get(url).text
            from tests.forms import form_data

            changes = {
                "title": "Half-saved title",
                "key_messages": "Half-saved message",
                "partners-0-role_detail": "Half-saved role",
            }
            data = form_data(page, "casestudy_form", **changes)

            flag.write_text("pause")
            outcome = {}

            def save():
                try:
                    outcome["status"] = staff.post_form(url, data).status
                except Exception as error:  # the connection dies with the worker
                    outcome["error"] = type(error).__name__

            saving = threading.Thread(target=save)
            saving.start()
            deadline = time.monotonic() + 20
            while not mark.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert mark.exists(), (
                f"the save never reached the pause: {outcome} {server.output()[-3000:]}"
            )
            os.kill(int(mark.read_text()), signal.SIGKILL)
            saving.join(timeout=20)
            flag.unlink()
            assert outcome.get("status") != 302, outcome

            after_kill = state(env, slug)
            assert after_kill == before  # nothing half-saved: no title, partner or history change

            # The master starts a new worker; the same save now goes through whole.
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    if staff.get("/healthz").status == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.2)
            page = staff.get(url).text
            assert staff.post_form(url, form_data(page, "casestudy_form", **changes)).status == 302
            saved = state(env, slug)
            assert (
                saved["title"] == "Half-saved title"
                and saved["key_messages"] == "Half-saved message"
            )
            assert "Half-saved role" in [detail for _, _, detail in saved["partners"]]
            assert saved["revision"] == before["revision"] + 1
            assert saved["history"] > before["history"]
    finally:
        if database:
            database.__exit__(None, None, None)
