"""The public forms, the challenge the widget fetches, and the pages about them.

None of these pages is ever put in the page cache: only views marked with
cache_public_page are, and a form page carries a CSRF token and a question meant for
one visitor. They are also sent `Cache-Control: no-store`, so no proxy keeps them."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from casestudies.models import CaseStudy
from casestudies.participation import challenge, services
from casestudies.participation.forms import ContactForm, CorrectionForm, SuggestionForm
from casestudies.participation.models import Correction


def _limited(request, rates, group):
    """Count this request against each rate for its address; True once any is exceeded.
    Counted before anything is read from the form, so a refused post stores nothing."""
    limited = False
    for rate in rates:
        limited |= is_ratelimited(
            request, group=f"{group}:{rate}", key="ip", rate=rate, method=ALL, increment=True
        )
    return limited


def too_many_requests(request):
    response = render(request, "casestudies/participation/too_many.html", status=429)
    response["Retry-After"] = "60"
    return response


def _form_page(request, form_class, template, sent_url, context=None, **form_kwargs):
    if request.method == "POST":
        if _limited(request, settings.PARTICIPATION_RATE_LIMITS, "participation"):
            return too_many_requests(request)
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            services.receive(form)
            return redirect(sent_url)
        form.fresh_check()
    else:
        form = form_class(**form_kwargs)
    return render(request, template, {"form": form, **(context or {})})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def suggest(request):
    return _form_page(
        request,
        SuggestionForm,
        "casestudies/participation/suggest.html",
        reverse("casestudies:suggest_sent"),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def correction(request, slug):
    case_study = CaseStudy.objects.published().filter(slug=slug).first()
    if case_study is None:
        raise Http404("No case study at this address.")
    return _form_page(
        request,
        CorrectionForm,
        "casestudies/participation/correction.html",
        reverse("casestudies:correction_sent", args=[slug]),
        {"case_study": case_study},
        instance=Correction(case_study=case_study),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    return _form_page(
        request,
        ContactForm,
        "casestudies/participation/contact.html",
        reverse("casestudies:contact_sent"),
    )


@never_cache
@require_safe
def sent(request, kind, slug=None):
    case_study = CaseStudy.objects.published().filter(slug=slug).first() if slug else None
    return render(
        request, "casestudies/participation/sent.html", {"kind": kind, "case_study": case_study}
    )


@never_cache
@require_safe
def new_challenge(request):
    """A fresh proof-of-work challenge for the widget (fetched from the same origin)."""
    if _limited(request, [settings.PARTICIPATION_CHALLENGE_RATE_LIMIT], "challenge"):
        return JsonResponse(
            {"error": "Too many requests: wait a minute and try again."}, status=429
        )
    return JsonResponse(challenge.new_challenge())


def privacy(request):
    return render(
        request,
        "casestudies/participation/privacy.html",
        {
            "retention_days": settings.PERSONAL_DATA_RETENTION_DAYS,
            "spam_days": settings.SPAM_RETENTION_DAYS,
            "operator": settings.LIBRARY_OPERATOR,
            "contact_email": settings.CONTACT_EMAIL,
        },
    )
