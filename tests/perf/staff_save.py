"""Run inside the benchmark's environment: make a staff save each time a line arrives on
standard input, and answer "saved" once it is committed (and the new library version,
with its shared facet index, is published).

    python -m tests.perf.staff_save SLUG
"""

import os
import sys


def main(slug):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from casestudies.models import CaseStudy

    for number, _ in enumerate(sys.stdin):
        case_study = CaseStudy.objects.get(slug=slug)
        case_study.funders = f"Benchmark edit {number}"
        case_study.save()  # in autocommit: the version is renewed on return
        print("saved", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
