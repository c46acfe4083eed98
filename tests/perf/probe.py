"""Run inside the benchmark's environment: count the queries each page makes (page cache
off), time where a request's time goes inside the app (templates, SQL, the rest) and the
first request after a change, and save the filtered finder's HTML as the static file
that sets the ceiling.

    python -m tests.perf.probe OUTPUT.json URL [URL ...]
"""

import json
import os
import sys
import time

TIMED_REQUESTS = 20


class Stopwatch:
    """Time spent in the outermost template renders and in SQL, while installed."""

    def __init__(self):
        self.template = self.sql = 0.0
        self._depth = 0

    def install(self, connection):
        from django.template import base

        render = base.Template.render
        watch = self

        def timed_render(template, context):
            watch._depth += 1
            started = time.perf_counter()
            try:
                return render(template, context)
            finally:
                watch._depth -= 1
                if watch._depth == 0:
                    watch.template += time.perf_counter() - started

        base.Template.render = timed_render
        connection.execute_wrappers.append(self._timed_sql)

    def _timed_sql(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - started


def main(output, urls):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts, sizes, rows, inside = {}, {}, {}, {}
    for url in urls:
        client.get(url)  # first request warms per-process state (release fingerprint, lookups)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(queries)
        sizes[url] = len(body)
        if response["Content-Type"].startswith("text/csv"):
            rows[url] = len(body.decode("utf-8-sig").splitlines()) - 1  # less the header
        if url == urls[1]:  # the filtered finder: its HTML, served as a static file, is the ceiling
            target = settings.STATIC_ROOT / "bench" / "ceiling.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
    watch = Stopwatch()
    watch.install(connection)
    for url in urls:
        watch.template = watch.sql = 0.0
        started = time.perf_counter()
        for _ in range(TIMED_REQUESTS):
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        total = time.perf_counter() - started
        inside[url] = {
            "total_ms": total * 1000 / TIMED_REQUESTS,
            "template_ms": watch.template * 1000 / TIMED_REQUESTS,
            "sql_ms": watch.sql * 1000 / TIMED_REQUESTS,
        }
    # The same pages once each straight after a change (its shared index built first, as
    # the saving process does): what a page costs before anything is kept for the new
    # library version.
    from casestudies import caching

    for url in urls:
        caching.bump()
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        inside[url]["first_ms"] = (time.perf_counter() - started) * 1000
    with open(output, "w") as out:
        json.dump({"queries": counts, "bytes": sizes, "rows": rows, "inside": inside}, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
