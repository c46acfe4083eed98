"""Alert subscriptions: signing up, confirming, unsubscribing, sending digests, purging.

Every email goes through casestudies.services.mail.send_safely once the transaction commits, and
carries RFC 8058 one-click unsubscribe headers.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from casestudies.alerts.models import AlertDelivery, AlertSubscription, Frequency
from casestudies.finder import selectors
from casestudies.presenters.links import absolute_url
from casestudies.services.mail import send_safely

UNSUBSCRIBE_SALT = "casestudies.alerts.unsubscribe"
INTERVALS = {Frequency.WEEKLY: timedelta(days=7), Frequency.DAILY: timedelta(days=1)}
DIGEST_MOST = 50  # case studies listed in one email; the rest wait for the next


def canonical_query(params):
    """The finder's filters from a query, in a fixed order, without page or sort: what a
    subscription matches (the same filters in any order are one subscription)."""
    names = set(selectors.filter_form_fields()) - {"sort"}
    pairs = sorted(
        (name, value)
        for name, values in params.lists()
        if name in names
        for value in values
        if value
    )
    return urlencode(pairs)


def describe(query):
    """The filters in words, such as "North East, Community land trust", or "all case studies"."""
    filterset = selectors.filter_case_studies(QueryDict(query))
    filterset.is_valid()
    labels = [item.label for item in selectors.active_filters(filterset)]
    return ", ".join(labels) if labels else "all case studies"


def unsubscribe_url(subscription):
    token = signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)
    return absolute_url(reverse("casestudies:alert_unsubscribe", args=[token]))


def subscription_for_unsubscribe(token):
    """The subscription a signed unsubscribe token names, or None if it was tampered with."""
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return AlertSubscription.objects.filter(pk=pk).first()


def _send(subscription, subject, template, context):
    unsubscribe = unsubscribe_url(subscription)
    body = render_to_string(
        template,
        {
            **context,
            "unsubscribe_url": unsubscribe,
            "filters": describe(subscription.query),
            "site_name": settings.SITE_NAME,
        },
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    transaction.on_commit(lambda: send_safely(message))


def subscribe(email, query, frequency=Frequency.WEEKLY):
    """A new subscription waiting for confirmation, with the confirmation email on its way.
    Signing up again for the same filters sends a fresh link rather than a second alert."""
    with transaction.atomic():
        subscription = AlertSubscription.objects.filter(email__iexact=email, query=query).first()
        if subscription is not None and not subscription.confirmed_at and _expired(subscription):
            subscription.delete()  # its link has lapsed: start again
            subscription = None
        if subscription is None:
            subscription = AlertSubscription.objects.create(
                email=email, query=query, frequency=frequency
            )
        elif subscription.confirmed_at:
            return subscription  # already receiving it: nothing to confirm, nothing to say
        confirm = absolute_url(
            reverse("casestudies:alert_confirm", args=[subscription.confirm_token])
        )
        _send(
            subscription,
            f"Confirm your alert from {settings.SITE_NAME}",
            "casestudies/alerts/confirm_email.txt",
            {"confirm_url": confirm, "pending_days": settings.ALERT_PENDING_DAYS},
        )
    return subscription


def confirm(token):
    """Confirm the subscription with this token, once: the token is cleared, so the same
    link does nothing a second time. Returns the subscription, or None."""
    if not token:
        return None
    with transaction.atomic():
        subscription = (
            AlertSubscription.objects.select_for_update().filter(confirm_token=token).first()
        )
        if subscription is None or _expired(subscription):
            return None
        subscription.confirm_token = ""
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirm_token", "confirmed_at"])
    return subscription


def _expired(subscription):
    return subscription.created_at < timezone.now() - timedelta(days=settings.ALERT_PENDING_DAYS)


def unsubscribe(subscription):
    """Delete the subscription and the record of what it was sent: the address goes at once."""
    subscription.delete()


def purge_expired():
    """Delete sign-ups never confirmed within ALERT_PENDING_DAYS. Returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.ALERT_PENDING_DAYS)
    deleted, _ = AlertSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def _due(subscription, now):
    interval = INTERVALS.get(subscription.frequency, INTERVALS[Frequency.WEEKLY])
    last = subscription.last_sent_at or subscription.confirmed_at
    return now - last >= interval


def new_matches(subscription):
    """Published case studies matching the subscription that it has not been sent and
    that were published after it was confirmed, oldest first."""
    filterset = selectors.filter_case_studies(QueryDict(subscription.query))
    filterset.is_valid()
    return (
        filterset.qs.filter(published_at__gt=subscription.confirmed_at)
        .exclude(
            pk__in=AlertDelivery.objects.filter(subscription=subscription).values("case_study")
        )
        .order_by("published_at", "pk")
    )


def send_due_alerts():
    """Send each confirmed subscription that is due its digest of new matches. Safe to run
    at any time and as often as wanted: a case study is recorded as sent to a subscription
    before its email leaves, and a unique constraint stops a second record. Returns the
    number of digests sent."""
    purge_expired()
    now = timezone.now()
    sent = 0
    for subscription in AlertSubscription.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        if not _due(subscription, now):
            continue
        try:
            with transaction.atomic():
                case_studies = list(new_matches(subscription)[:DIGEST_MOST])
                if not case_studies:
                    continue
                AlertDelivery.objects.bulk_create(
                    [
                        AlertDelivery(subscription=subscription, case_study=case_study)
                        for case_study in case_studies
                    ]
                )
                subscription.last_sent_at = now
                subscription.save(update_fields=["last_sent_at"])
                _send(
                    subscription,
                    f"{len(case_studies)} new case {'study' if len(case_studies) == 1 else 'studies'} "
                    f"matching your alert, from {settings.SITE_NAME}",
                    "casestudies/alerts/digest_email.txt",
                    {
                        "case_studies": [
                            (cs, absolute_url(cs.get_absolute_url())) for cs in case_studies
                        ],
                        "finder_url": absolute_url(reverse("casestudies:case_study_list"))
                        + (f"?{subscription.query}" if subscription.query else ""),
                    },
                )
                sent += 1
        except IntegrityError:
            continue  # another run sent these at the same moment
    return sent
