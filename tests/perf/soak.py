"""Soak test: 50 concurrent clients for 60 seconds against the production server, reading
public pages while staff save case studies; then every save is counted back.

Passes with zero errors, zero lost saves, and zero stale pages (a page read straight
after a save must show it, page cache or not).

    python -m tests.perf.soak [--clients 50] [--writers 5] [--seconds 60]
"""

import argparse
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from tests.forms import form_data
from tests.production.servers import AppServer, manage, production_env
from tests.production.test_multiprocess import change_url

PASSWORD = "a long soak-test password 42"
WRITER_CASE_STUDIES = [
    "stocksfield-scata-isos-housing",
    "north-ormesby-empty-homes",
    "middlesbrough-clt-gresham",
    "norton-sub-hamdon-clt-yarlington",
    "lyme-regis-garmans-field",
    "keswick-community-housing-trust-impact",
    "chapeltown-cohousing-unity-homes",
    "housing-21-lozells-cohousing",
]
READ_PATHS = [
    "/",
    "/case-studies/",
    "/case-studies/?region=north-east",
    "/case-studies/?region=north-east&model=clt&delivery=new-build",
    "/case-studies/?q=green",
    "/case-studies/?page=20",
    "/case-studies/stocksfield-scata-isos-housing/",
    "/case-studies/synthetic-case-study-17/",
    "/organisations/karbon-homes/",
    "/insights/",
    "/insights/?model=cohousing",
    "/api/case-studies/?page=3",
    "/case-studies.geojson?region=south-west",
    "/feeds/case-studies/",
]
HISTORY = (
    "import json; from casestudies.models import CaseStudy; "
    "print(json.dumps({{cs.slug: [cs.key_messages, cs.history.count()] for cs in CaseStudy.objects.filter(slug__in={slugs})}}))"
)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.problems = []
        self.latencies = []

    def record(self, status, seconds, problem=None):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            if problem and len(self.problems) < 20:
                self.problems.append(problem)


def reader(server, stop, tally, seed):
    rng = random.Random(seed)
    client = server.client()
    while not stop.is_set():
        path = rng.choice(READ_PATHS)
        started = time.perf_counter()
        try:
            status = client.get(path).status
        except Exception as error:  # a dropped connection is an error, not a crash of the test
            tally.record(
                "exception", time.perf_counter() - started, f"GET {path}: {type(error).__name__}"
            )
            continue
        tally.record(
            status,
            time.perf_counter() - started,
            None if status == 200 else f"GET {path}: {status}",
        )


def writer(server, stop, tally, username, slug, saves):
    staff = server.client()
    staff.sign_in("admin", username, PASSWORD)
    visitor = server.client()
    url = change_url(staff, slug)
    number = 0
    while not stop.is_set():
        number += 1
        message = f"Soak save {number} by {username}"
        started = time.perf_counter()
        try:
            form = staff.get(url)
            response = staff.post_form(
                url, form_data(form.text, "casestudy_form", key_messages=message)
            )
        except Exception as error:
            tally.record(
                "exception", time.perf_counter() - started, f"save {slug}: {type(error).__name__}"
            )
            continue
        tally.record(
            response.status,
            time.perf_counter() - started,
            None if response.status == 302 else f"save {slug}: {response.status}",
        )
        if response.status != 302:
            continue
        saves[slug] = message
        saves[f"{slug}:count"] = saves.get(f"{slug}:count", 0) + 1
        shown = visitor.get(f"/case-studies/{slug}/").text
        if message not in shown:
            tally.record(
                "stale", 0, f"{slug}: the public page did not show save {number} straight after it"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--size", type=int, default=2000, help="Synthetic case studies to seed.")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="partnerships-soak-"))
    try:
        env = production_env(
            workdir, DJANGO_HTTPS=0, PAGE_CACHE_SECONDS=600, GUNICORN_ACCESS_LOG="/dev/null"
        )
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_data", "--no-images", "-v0")
        manage(env, "generate_case_studies", "--count", str(args.size), "--no-progress")
        manage(env, "collectstatic", "--noinput", "-v0")
        writers = [(f"writer-{n + 1}", WRITER_CASE_STUDIES[n]) for n in range(args.writers)]
        for username, _ in writers:
            manage(
                {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
                "createsuperuser",
                "--noinput",
                "--username",
                username,
                "--email",
                f"{username}@example.org",
            )
        slugs = [slug for _, slug in writers]
        before = json.loads(
            manage(env, "shell", "-c", HISTORY.format(slugs=slugs)).strip().splitlines()[-1]
        )

        tally, saves, stop = Tally(), {}, threading.Event()
        with AppServer(env, workers=3) as server:
            threads = [
                threading.Thread(target=writer, args=(server, stop, tally, u, s, saves))
                for u, s in writers
            ]
            threads += [
                threading.Thread(target=reader, args=(server, stop, tally, n))
                for n in range(args.clients - args.writers)
            ]
            for thread in threads:
                thread.start()
            time.sleep(args.seconds)
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
            locked = "database is locked" in server.output()

        after = json.loads(
            manage(env, "shell", "-c", HISTORY.format(slugs=slugs)).strip().splitlines()[-1]
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    lost = []
    for _, slug in writers:
        made = saves.get(f"{slug}:count", 0)
        recorded = after[slug][1] - before[slug][1]
        if recorded < made or (made and after[slug][0] != saves[slug]):
            lost.append(
                f"{slug}: {made} saves answered, {recorded} in its history, last kept “{after[slug][0]}”"
            )
    total = sum(tally.statuses.values()) - tally.statuses["stale"]
    errors = total - tally.statuses[200] - tally.statuses[302]
    latencies = sorted(tally.latencies)
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0
    saved = sum(v for k, v in saves.items() if k.endswith(":count"))
    print(f"Soak: {args.clients} clients ({args.writers} staff saving) for {args.seconds} s")
    print()
    print("| measure | result |")
    print("| --- | --- |")
    print(f"| requests | {total:,} ({total / args.seconds:,.0f} a second) |")
    print(f"| staff saves answered | {saved:,} |")
    print(f"| errors | {errors} |")
    print(f"| lost saves | {len(lost)} |")
    print(f"| stale pages after a save | {tally.statuses['stale']} |")
    print(f'| "database is locked" in the server log | {"yes" if locked else "no"} |')
    print(f"| p95 latency under this load | {p95:,.0f} ms |")
    for problem in tally.problems + lost:
        print(f"- {problem}")
    return 0 if not errors and not lost and not tally.statuses["stale"] and not locked else 1


if __name__ == "__main__":
    sys.exit(main())
