"""Run inside the benchmark's environment: count the queries each page makes (page cache
off), and save the filtered finder's HTML as the static file that sets the ceiling.

    python -m tests.perf.probe OUTPUT.json URL [URL ...]
"""

import json
import os
import sys


def main(output, urls):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts, sizes, rows = {}, {}, {}
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
    with open(output, "w") as out:
        json.dump({"queries": counts, "bytes": sizes, "rows": rows}, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
