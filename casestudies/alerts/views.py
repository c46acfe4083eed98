"""The public side of alerts: sign up for the current filters, confirm, unsubscribe."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from casestudies.alerts import services
from casestudies.alerts.forms import AlertSignupForm
from casestudies.presenters.links import path_to
from casestudies.views.filtering import read_filters


def _email_key(group, request):
    return request.POST.get("email", "").strip().lower()[:254]


def _rate_limited(request):
    """Sign-ups are counted in the cache per address the request comes from and per email
    address given, so a flood is refused in every process alike (with Redis)."""
    by_ip = is_ratelimited(
        request, group="alert-signup-ip", key="ip", rate=settings.ALERT_SIGNUP_RATE, increment=True
    )
    by_email = is_ratelimited(
        request,
        group="alert-signup-email",
        key=_email_key,
        rate=settings.ALERT_SIGNUP_RATE,
        increment=True,
    )
    return by_ip or by_email


@require_http_methods(["GET", "HEAD", "POST"])
def alert_signup(request):
    filterset, valid, context = read_filters(request, facets=False)
    query = services.canonical_query(request.GET)
    context.update(
        {
            "filters": services.describe(query),
            "pending_days": settings.ALERT_PENDING_DAYS,
            "done": False,
        }
    )
    if not valid:
        context["form"] = None
        return render(request, "casestudies/alerts/signup.html", context, status=400)
    form = AlertSignupForm(request.POST or None)
    context["form"] = form
    if request.method != "POST":
        return render(request, "casestudies/alerts/signup.html", context)
    if _rate_limited(request):
        context["refused"] = (
            "Too many alert sign-ups have come from you in the last minute, so this one was not saved. Wait a minute and try again."
        )
        return render(request, "casestudies/alerts/signup.html", context, status=429)
    if not form.is_valid():
        return render(request, "casestudies/alerts/signup.html", context, status=400)
    services.subscribe(form.cleaned_data["email"], query, form.cleaned_data["frequency"])
    context["done"] = True
    return render(request, "casestudies/alerts/signup.html", context)


@require_safe
def alert_confirm(request, token):
    subscription = services.confirm(token)
    return render(
        request,
        "casestudies/alerts/confirmed.html",
        {
            "subscription": subscription,
            "filters": services.describe(subscription.query) if subscription else "",
            "finder_url": path_to("casestudies:case_study_list")
            + (f"?{subscription.query}" if subscription and subscription.query else ""),
        },
        status=200 if subscription else 404,
    )


# A mail client's one-click unsubscribe (RFC 8058) posts without a CSRF token: the signed
# token in the address is what proves the request.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def alert_unsubscribe(request, token):
    subscription = services.subscription_for_unsubscribe(token)
    if subscription is None:
        return render(request, "casestudies/alerts/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "casestudies/alerts/unsubscribe.html", {"done": True})
    return render(
        request,
        "casestudies/alerts/unsubscribe.html",
        {"filters": services.describe(subscription.query)},
    )
