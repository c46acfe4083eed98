"""Benchmark: the deprivation lens inside the app.

Seeds a fresh embedded database with synthetic case studies (coordinates anywhere in their
region's box, some of them at sea, the slow path), then measures:

* deriving one case study's neighbourhood, local authority and decile as a save does
  (target: the point lookup under 1 ms; the whole derivation is shown beside it);
* `refresh_deprivation` over 10,000 case studies, every one of which changes (target 30 s);
* the insights page at 100,000 case studies, with the lens's figures (the gap per nation,
  the councils' table), in-process; with `--baseline DIR` the same page is timed from
  another checkout of the project (say, the main branch) on the same database, and the
  lens must be no slower than it (within 10%, the noise of a shared machine).

    python -m tests.perf.bench_lens [--refresh-size 10000] [--insights-size 100000] [--baseline ../main]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_LOOKUP_MS = 1.0
TARGET_REFRESH_SECONDS = 30.0
TOLERANCE = 1.10
DERIVE_SAMPLE = 2000
PAGE_RUNS = 7

# Run in a fresh interpreter, in any checkout: the insights page's median time, in ms.
PAGE_TIMER = """
import json, os, statistics, sys, time
import django
django.setup()
from django.test import Client
client = Client()
results = {}
for url in sys.argv[1:]:
    assert client.get(url).status_code == 200, url  # warm: the facet index, templates, tables
    times = []
    for _ in range({runs}):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    results[url] = statistics.median(times)
print(json.dumps(results))
""".replace("{runs}", str(PAGE_RUNS))

PAGES = ["/insights/", "/insights/?region=north-east&region=wales"]


def environment(data_dir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DATA_DIR": str(data_dir),
        "DJANGO_SECRET_KEY": "bench-only-" + "k" * 60,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "PAGE_CACHE_SECONDS": "0",
        "SITE_URL": "http://testserver",
    }


def run(command, env, cwd=ROOT):
    """A command's output; its errors in full if it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(map(str, command[:3]))} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def manage(env, *args, cwd=ROOT):
    run([sys.executable, "manage.py", *args], env, cwd)


def time_pages(env, cwd):
    output = run([sys.executable, "-c", PAGE_TIMER, *PAGES], env, cwd)
    return json.loads(output.strip().splitlines()[-1])


def measure_refresh_and_lookups(env):
    """In this process: the derivation of single case studies, then the whole refresh."""
    os.environ.update(env)
    import django

    django.setup()
    from casestudies import geography
    from casestudies.models import CaseStudy
    from casestudies.services import lens

    started = time.perf_counter()
    geography.default().load()
    loaded = time.perf_counter() - started
    sample = list(CaseStudy.objects.order_by("pk")[:DERIVE_SAMPLE])
    lens._english_scores("iod2025")  # read once per process, like the tables
    lookup_cpu, derive_cpu, derive_wall = [], [], []
    for case_study in sample:
        nation = lens.nation_of_region(case_study.region)
        start = time.process_time_ns()
        geography.find_neighbourhood(case_study.latitude, case_study.longitude, nation)
        lookup_cpu.append((time.process_time_ns() - start) / 1e6)
        start_wall, start = time.perf_counter_ns(), time.process_time_ns()
        lens.derive(case_study)
        derive_cpu.append((time.process_time_ns() - start) / 1e6)
        derive_wall.append((time.perf_counter_ns() - start_wall) / 1e6)
    found = sum(bool(lens.derive(case_study).lsoa_code) for case_study in sample)

    total = CaseStudy.objects.count()
    start = time.perf_counter()
    changed = lens.refresh_all()
    refresh = time.perf_counter() - start
    start = time.perf_counter()
    unchanged = lens.refresh_all()
    again = time.perf_counter() - start

    def pct(values, q):
        return sorted(values)[min(len(values) - 1, int(len(values) * q))]

    return {
        "load_s": loaded,
        "sample": len(sample),
        "found": found,
        "lookup_median_ms": statistics.median(lookup_cpu),
        "lookup_p99_ms": pct(lookup_cpu, 0.99),
        "derive_median_ms": statistics.median(derive_cpu),
        "derive_p99_ms": pct(derive_cpu, 0.99),
        "derive_wall_p99_ms": pct(derive_wall, 0.99),
        "case_studies": total,
        "changed": len(changed),
        "refresh_s": refresh,
        "refresh_unchanged_s": again,
        "unchanged_changed": len(unchanged),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh-size", type=int, default=10_000)
    parser.add_argument("--insights-size", type=int, default=100_000)
    parser.add_argument(
        "--baseline", type=Path, help="another checkout to time the insights page against"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-lens-") as workdir:
        env = environment(workdir)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(
            env,
            "generate_case_studies",
            "--count",
            str(args.refresh_size),
            "--no-progress",
            "--seed",
            "15",
        )
        # A refresh that changes every case study: clear what the generator set.
        manage(
            env,
            "shell",
            "-c",
            "from casestudies.models import CaseStudy; "
            "CaseStudy.objects.update(imd_decile=None, imd_edition='', imd_basis='', lsoa_code='')",
        )
        results = run(
            [
                sys.executable,
                "-c",
                "import json, os; from tests.perf.bench_lens import measure_refresh_and_lookups;"
                " print(json.dumps(measure_refresh_and_lookups(dict(os.environ))))",
            ],
            env,
        )
        lookups = json.loads(results.strip().splitlines()[-1])

        if args.insights_size > args.refresh_size:
            manage(
                env,
                "generate_case_studies",
                "--count",
                str(args.insights_size - args.refresh_size),
                "--no-progress",
                "--seed",
                "16",
            )
        pages = time_pages(env, ROOT)
        baseline = time_pages(env, args.baseline) if args.baseline else None

    ok = (
        lookups["lookup_p99_ms"] < TARGET_LOOKUP_MS
        and lookups["refresh_s"] < TARGET_REFRESH_SECONDS
        and (baseline is None or all(pages[url] <= baseline[url] * TOLERANCE for url in PAGES))
    )
    print("## The deprivation lens in the app\n")
    print(
        f"Data loaded in {lookups['load_s']:.1f} s. {lookups['sample']:,} synthetic case studies, "
        f"{lookups['found']:,} of them on land in a neighbourhood (the rest at sea or across a border).\n"
    )
    print("| Measure | Result | Target |")
    print("| --- | ---: | ---: |")
    print(
        f"| Point lookup, CPU time, median / p99 | {lookups['lookup_median_ms']:.3f} / "
        f"{lookups['lookup_p99_ms']:.3f} ms | {TARGET_LOOKUP_MS:.0f} ms |"
    )
    print(
        f"| Whole derivation on save (neighbourhood, decile, authority), median / p99 | "
        f"{lookups['derive_median_ms']:.3f} / {lookups['derive_p99_ms']:.3f} ms | |"
    )
    print(
        f"| refresh_deprivation, {lookups['case_studies']:,} case studies, {lookups['changed']:,} changed | "
        f"{lookups['refresh_s']:.1f} s | {TARGET_REFRESH_SECONDS:.0f} s |"
    )
    print(f"| The same again, nothing to change | {lookups['refresh_unchanged_s']:.1f} s | |")
    for url in PAGES:
        against = f"{baseline[url]:.0f} ms in the baseline" if baseline else "no baseline given"
        print(
            f"| `{url}` at {args.insights_size:,} case studies, median of {PAGE_RUNS} | {pages[url]:.0f} ms | "
            f"{against} |"
        )
    print(f"\n{'All targets met.' if ok else 'A target was missed.'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
