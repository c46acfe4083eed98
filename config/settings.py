"""Settings for Partnerships in Place, read from environment variables.

Every variable, its default and what it does is listed in the README's deployment
section. Defaults are safe: DEBUG is off unless DJANGO_DEBUG says otherwise, and
without DEBUG the app refuses to start without a real secret key and allowed hosts.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# Local state (SQLite database, uploaded media, the development secret key) lives
# here unless the environment points elsewhere; it is never committed.
DATA_DIR = Path(env_str("DJANGO_DATA_DIR") or BASE_DIR / "var")
# The facet index is built once per machine and library version, kept in DATA_DIR, and
# loaded by every worker (casestudies/finder/shared_index.py).
SHARED_FACET_INDEX = env_bool("SHARED_FACET_INDEX", True)


def _development_secret_key():
    """A random key kept in DATA_DIR, so development sessions survive restarts."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


INSECURE_KEY_PREFIX = "django-insecure"
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production needs a long random secret key: "
            "generate one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`. "
            "For local work, `make run` and `make test` set everything up."
        )
    SECRET_KEY = _development_secret_key()
elif not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith(INSECURE_KEY_PREFIX)):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 50 random characters."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. List the host names the site answers to, "
        "separated by commas (for example: partnershipsinplace.org.uk)."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The public address. Every absolute link (canonical links, og:url, JSON-LD, the API's
# links, the feed, the sitemap) is built from it, never from a request's Host header,
# which the client chooses. Required in production; checked below, once HTTPS is known.
SITE_URL = env_str("SITE_URL").rstrip("/")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SITE_URL is not set. Give the site's public address, scheme and host only (for example: "
            "https://partnershipsinplace.org.uk): every absolute link the site writes is built from it."
        )
    SITE_URL = "http://127.0.0.1:8000"  # make run
SITE_NAME = "Partnerships in Place"

INSTALLED_APPS = [
    "casestudies.workspace.apps.WorkspaceAdminConfig",  # Django's admin, with the workspace as its site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "imagekit",
    "simple_history",
    "axes",
    "casestudies",
]
if env_str("AWS_STORAGE_BUCKET_NAME"):
    INSTALLED_APPS.append("storages")

MIDDLEWARE = [
    "casestudies.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the page cache below hands back (cached pages are stored plain, so
    # one entry serves every client) and what ConditionalGet has tagged (its ETag is of
    # the plain body, made weak here). Static files never reach it: whitenoise answers them.
    "casestudies.middleware.PublicGZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "casestudies.middleware.CrossOriginResourcePolicyMiddleware",
    # Cached public pages are answered here, before sessions and authentication.
    "casestudies.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "casestudies.middleware.SignedInResponsesArePrivateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so it sees failed sign-ins after authentication has run.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The workspace's admin/base_site.html (its look on every admin page) must come
        # before Django's own, which the admin app, listed first, would otherwise supply.
        "DIRS": [BASE_DIR / "casestudies" / "workspace" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "casestudies.presenters.context_processors.site",
            ],
        },
    },
]

# Databases: SQLite in DATA_DIR by default; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on during a write; IMMEDIATE transactions take the
    # write lock up front, so concurrent admin saves wait instead of failing with
    # "database is locked" half-way through.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DATABASES["default"]["TEST"] = {"NAME": env_str("DATABASE_TEST_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# One language (British English): no translation machinery to pay for on every request.
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or DATA_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or DATA_DIR / "media")

# Uploaded images go to S3-compatible object storage when a bucket is configured,
# otherwise to MEDIA_ROOT on this machine.
if env_str("AWS_STORAGE_BUCKET_NAME"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env_str("AWS_LOCATION"),
            # Media URLs are public and stable (so pages and CDNs can cache them); the
            # bucket policy, not per-object ACLs, decides who may read.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": True,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Images: limits on what staff may upload, and how renditions are made (see
# casestudies/images.py). Renditions are generated on save, never on a page request.
IMAGE_MAX_UPLOAD_BYTES = env_int("IMAGE_MAX_UPLOAD_BYTES", 10 * 1000 * 1000)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40 * 1000 * 1000)
IMAGE_MASTER_MAX_EDGE = 3000  # the stored copy's longest side; renditions go up to 1600
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "casestudies.images.GeneratedOnSave"
FILE_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Media on this machine is served by the app (with long cache headers) unless the
# reverse proxy serves MEDIA_ROOT itself, which is faster (see the README).
SERVE_MEDIA = env_bool(
    "DJANGO_SERVE_MEDIA", DEFAULT_STORAGE["BACKEND"].endswith("FileSystemStorage")
)
MEDIA_ORIGIN = (
    f"https://{env_str('AWS_S3_CUSTOM_DOMAIN')}"
    if env_str("AWS_S3_CUSTOM_DOMAIN")
    else env_str("DJANGO_MEDIA_ORIGIN")
)

# Caches. "default" holds what must never be lost to page-cache pressure: sign-in
# lockouts and the library version. It is Redis when REDIS_URL is set (shared by every
# process and machine; give that Redis `maxmemory-policy noeviction`), otherwise this
# process's memory.
REDIS_URL = env_str("REDIS_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "pip")
# "pages" holds rendered public pages. Redis applies maxmemory and its eviction policy to
# a whole server, not to a database number, so pages shared between machines need a
# Redis server of their own (PAGE_CACHE_REDIS_URL, with maxmemory and allkeys-lru);
# without one, each process keeps its most recent pages in its own memory, bounded.
PAGE_CACHE_REDIS_URL = env_str("PAGE_CACHE_REDIS_URL")
PAGE_CACHE_MAX_ENTRIES = env_int("PAGE_CACHE_MAX_ENTRIES", 300)


def _redis_server(url):
    parts = urlsplit(url)
    return (
        parts.hostname or "localhost",
        parts.port or 6379,
        parts.path if parts.scheme == "unix" else "",
    )


if (
    PAGE_CACHE_REDIS_URL
    and REDIS_URL
    and _redis_server(PAGE_CACHE_REDIS_URL) == _redis_server(REDIS_URL)
):
    raise ImproperlyConfigured(
        "PAGE_CACHE_REDIS_URL names the same Redis server as REDIS_URL. Memory limits and eviction apply to a whole "
        "Redis server, whatever the database number, so pages there could evict sign-in lockouts or make them fail: "
        "give the page cache a Redis server of its own, or leave PAGE_CACHE_REDIS_URL unset."
    )


def _redis_cache(url, timeout):
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
    }


CACHES = {
    "default": _redis_cache(REDIS_URL, 2)
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "partnerships"},
    # A page cache that is slow to answer is worse than none: a short timeout.
    "pages": _redis_cache(PAGE_CACHE_REDIS_URL, 0.5)
    if PAGE_CACHE_REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerships-pages",
        "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_MAX_ENTRIES},
    },
}
# How long a public page may be served from the cache. Any change staff make ends it at
# once (casestudies/caching.py), and so does a scheduled publication falling due.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# The admin's address; a less guessable path keeps casual scanners away.
ADMIN_PATH = env_str("DJANGO_ADMIN_PATH", "admin").strip("/") or "admin"
LOGIN_URL = f"/{ADMIN_PATH}/login/"

# Sessions and cookies: staff sign-ins end after a working day, or when the browser closes.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# HTTPS: on by default in production. DJANGO_HTTPS=0 only for trying the production
# server locally over plain http (make serve).
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain http
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host- cookies can only be set over https, for this host, on every path.
    SESSION_COOKIE_NAME = "__Host-session"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

_site = urlsplit(SITE_URL)
if (
    _site.scheme not in ("http", "https")
    or not _site.netloc
    or _site.path
    or _site.query
    or _site.fragment
):
    raise ImproperlyConfigured(
        f"SITE_URL must be a scheme and host only, like https://partnershipsinplace.org.uk, not {SITE_URL!r}."
    )
if HTTPS and _site.scheme != "https":
    raise ImproperlyConfigured(
        f"SITE_URL must start with https:// while DJANGO_HTTPS is on, not {SITE_URL!r}."
    )

# Behind a reverse proxy: how many proxies add to X-Forwarded-For (the client address
# is read from the right, so a client cannot forge it), and whether they send
# X-Forwarded-Proto. Never trust these headers when nothing sets them.
TRUSTED_PROXIES = env_int("DJANGO_TRUSTED_PROXIES", 0)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): nothing inline, nothing from elsewhere.
from csp.constants import NONE, SELF  # noqa: E402

# Map tiles: any XYZ tile server, straight to the visitor's browser. The default is
# OpenStreetMap's own, whose usage policy asks heavy users to run or pay for their own:
# a busy site should set these two. The CSP's img-src allows the tiles' origin alone.
MAP_TILES_URL = env_str("MAP_TILES_URL") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
MAP_TILES_ATTRIBUTION = env_str("MAP_TILES_ATTRIBUTION") or (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def tiles_origin(url):
    """The origin a CSP must allow for a tile URL template: "{s}" subdomains become a
    wildcard; tiles served by the site itself (a path) need none beyond 'self'."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "tiles-subdomain"))
    if parts.scheme not in ("https", "http", "") or (parts.scheme and not parts.netloc):
        raise ImproperlyConfigured(f"MAP_TILES_URL must be an http(s) address or a path: {url!r}")
    if not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('tiles-subdomain', '*')}"


MAP_TILE_ORIGIN = tiles_origin(MAP_TILES_URL)
_image_sources = (
    [SELF, "data:"]
    + ([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])
    + ([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _image_sources,
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}

# Sign-in protection (django-axes): five failures for one username from one address lock
# that pair out for an hour, answered with 429. Locking the pair, not the username,
# means an attacker elsewhere cannot lock staff out of their own accounts.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "casestudies/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "casestudies.middleware.client_ip"
AXES_VERBOSE = False
# Lockout state lives in Redis when there is one (shared, fast, self-expiring),
# otherwise in the database, which every process on this machine shares.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)

# Requests larger than this are refused before Django reads them (the reverse proxy
# should refuse them first; see the README). Leaves room for a 10 MB image and its form.
MAX_REQUEST_BYTES = env_int("DJANGO_MAX_REQUEST_BYTES", 12 * 1000 * 1000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# The licence the open data (CSV, JSON, GeoJSON) is published under.
# Which sites may frame the embeddable list and map (/embed/case-studies/): any, unless
# listed (comma-separated origins, e.g. "https://hub.example.org,https://council.example.gov.uk").
# Every other page refuses to be framed.
EMBED_FRAME_ANCESTORS = env_list("EMBED_FRAME_ANCESTORS", ["*"])

# Email alerts: a sign-up never confirmed is deleted after this many days; sign-ups from
# one address, or for one email address, are refused beyond this rate (django-ratelimit).
ALERT_PENDING_DAYS = env_int("ALERT_PENDING_DAYS", 7)
ALERT_SIGNUP_RATE = env_str("ALERT_SIGNUP_RATE", "5/m")

DATA_LICENCE_NAME = env_str("DATA_LICENCE_NAME", "CC BY 4.0")
DATA_LICENCE_URL = env_str("DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")

# A published case study not checked against its sources for this many days shows
# "Last checked: …" and is listed as needing verification.
VERIFICATION_MAX_AGE_DAYS = env_int("VERIFICATION_MAX_AGE_DAYS", 365)

# Email (notifications, acknowledgements, alerts) goes through Django's email framework.
# EMAIL_URL picks the transport: smtp://user:password@host:587 (STARTTLS), smtps://…:465
# (TLS), console:// (printed, the default under make run) or locmem:// (kept in memory).
# Production without EMAIL_URL prints mail to the log rather than losing it silently.
from casestudies.services.mail import email_settings_from_url  # noqa: E402

globals().update(email_settings_from_url(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Partnerships in Place <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The staff inbox that hears of new suggestions, corrections and messages.
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "library@localhost")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

# Suggestions, corrections and messages from visitors (casestudies/participation).
# The proof-of-work challenge: PBKDF2 iterations for each attempt, and at most how many
# attempts a browser needs (about a second's work on a phone at these values).
ALTCHA_COST = env_int("ALTCHA_COST", 5000)
ALTCHA_MAX_COUNTER = env_int("ALTCHA_MAX_COUNTER", 500)
ALTCHA_EXPIRES_SECONDS = env_int("ALTCHA_EXPIRES_SECONDS", 30 * 60)
# Posts of any of the three forms from one address (django-ratelimit, counted in the
# default cache: Redis, shared by every process, when REDIS_URL is set).
PARTICIPATION_RATE_LIMITS = env_list("PARTICIPATION_RATE_LIMITS", ["5/m", "20/h"])
PARTICIPATION_CHALLENGE_RATE_LIMIT = "30/m"  # challenges the widget may fetch from one address
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "casestudies.middleware.client_ip"
# Used as a library, not an installed app: its system check knows nothing of Django's own
# Redis backend (which counts atomically, with INCR) and would refuse the in-memory cache
# of a single process. Without REDIS_URL each process counts on its own (see the README).
# How long senders' names, emails and phone numbers are kept (the privacy notice says
# so, from these values), and how long spam is kept before it is deleted.
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 365)
SPAM_RETENTION_DAYS = env_int("SPAM_RETENTION_DAYS", 30)
# Who runs the library, named in the footer, on the About page and in the privacy notice.
LIBRARY_OPERATOR = env_str("LIBRARY_OPERATOR", "the staff of a community-led housing network")

# Finder page size: large enough to scan, small enough for a phone.
CASE_STUDIES_PER_PAGE = env_int("CASE_STUDIES_PER_PAGE", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of every PDF at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}
