"""The real settings (config/settings.py), run with the environment a test run needs.

Only environment defaults and test speed-ups live here: a throwaway secret key, a
temporary data directory (so tests never touch var/), and a fast password hasher.
"""

import atexit
import os
import shutil
import tempfile

_data_dir = tempfile.mkdtemp(prefix="partnerships-tests-")
atexit.register(shutil.rmtree, _data_dir, ignore_errors=True)

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-" + "k" * 60)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_DATA_DIR", _data_dir)
os.environ.setdefault("SITE_URL", "http://testserver")
# Plain http inside the test client; production behaviour (https, secure cookies, HSTS)
# is tested against real server processes in tests/production/.
os.environ.setdefault("DJANGO_HTTPS", "0")

from config.settings import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests run inside transactions that never commit, so the page cache would never hear
# of their changes. Caching has tests of its own that switch it on.
PAGE_CACHE_SECONDS = 0

# Hashed static names need `collectstatic`; tests that check production serving run it
# themselves. Everything else finds static files where they are.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise expects it)

# A proof-of-work challenge a test can solve in a few milliseconds.
ALTCHA_COST = 10
ALTCHA_MAX_COUNTER = 5

# Tests never commit, so a version's shared index file could be built from one test's
# library and read in the next: each test process builds its own, except the tests of
# sharing itself, which switch it on.
SHARED_FACET_INDEX = False
