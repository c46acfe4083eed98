"""Request-level protections that belong to no single view."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from casestudies.presenters.routes import is_open_to_other_sites


class RequestSizeLimitMiddleware:
    """Refuse an oversized request from its Content-Length, before Django reads the body.

    The reverse proxy should refuse these first (client_max_body_size); this is the
    second lock, for when the app is reached some other way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            body = render_to_string(
                "413.html",
                {
                    "size_mb": f"{length / 1e6:.1f}",
                    "limit_mb": f"{settings.MAX_REQUEST_BYTES / 1e6:.0f}",
                },
            )
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class CrossOriginResourcePolicyMiddleware:
    """Other sites may link to pages but not embed their resources, except the open
    data, which exists to be fetched from anywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cross-Origin-Resource-Policy" not in response:
            open_data = is_open_to_other_sites(request)
            response["Cross-Origin-Resource-Policy"] = (
                "cross-origin" if open_data else "same-origin"
            )
        return response


class SignedInResponsesArePrivateMiddleware:
    """Whatever is made for someone signed in (a draft's preview, an organisation page
    listing partnerships not yet public, a redirect from a draft's old address) is kept by
    no shared cache and no browser cache, so the next person behind that proxy or at that
    computer is never shown it. Every such response is marked, not only those that differ
    from the public's: telling them apart would be one more thing to get wrong, and staff
    are few."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # absent when a cached public page answered first
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


def client_ip(request):
    """The visitor's address. Behind DJANGO_TRUSTED_PROXIES proxies, it is the entry
    that many places from the right of X-Forwarded-For: entries further left were
    written by the client and cannot be trusted."""
    if settings.TRUSTED_PROXIES:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= settings.TRUSTED_PROXIES:
            return forwarded[-settings.TRUSTED_PROXIES]
    return request.META.get("REMOTE_ADDR", "")
