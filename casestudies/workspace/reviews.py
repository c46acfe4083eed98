"""Reading the review trail: who submitted what when, and the comments kept with it."""

from casestudies.models import CaseStudy
from casestudies.models.choices import Status
from casestudies.workspace.models import ReviewComment


def submissions(case_studies):
    """{case study id: history record} of each case study's latest submission: the first
    record of its latest run in review, read from its history in one query."""
    ids = [case_study.pk for case_study in case_studies]
    found, done = {}, set()
    records = (
        CaseStudy.history.filter(id__in=ids)
        .select_related("history_user")
        .order_by("id", "-history_date", "-history_id")
    )
    for record in records:
        if record.id in done:
            continue
        if record.status == Status.REVIEW:
            found[record.id] = record  # an earlier one in the same run replaces it
        elif record.id in found:
            done.add(record.id)  # the run in review began just after this record
    return found


def submission(case_study):
    return submissions([case_study]).get(case_study.pk)


def for_case_study(case_study):
    return list(ReviewComment.objects.filter(case_study=case_study).select_related("author"))


def recent(limit):
    return list(ReviewComment.objects.select_related("author", "case_study")[:limit])


def latest_submitter(case_study):
    """The user whose save last put `case_study` into review."""
    record = submission(case_study)
    return record.history_user if record else None
