from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: the app's modules need the app registry, which is
        # ready only now.
        from django.conf import settings
        from django.db.models.signals import post_migrate

        from casestudies import geography  # (see above: once the registry is ready)

        # ...and this one has a new library version's shared facet index built before the
        # version is published (casestudies.caching.BEFORE_NEW_VERSION).
        from casestudies.finder import facet_index  # noqa: F401

        # Importing these connects their signal receivers: derived fields, cache and index.
        from casestudies.services import derived, invalidation  # noqa: F401

        # Derived copies of the deprivation data (a fast copy of the boundaries, the map
        # layers) go in the data directory; nothing is loaded until first used.
        geography.configure(cache_dir=settings.DATA_DIR)

        post_migrate.connect(_ensure_groups, sender=self)
        post_migrate.connect(_ensure_search_index, sender=self)


def _ensure_groups(sender, using="default", apps=None, **kwargs):
    """After every migrate (and every flush), the workflow groups exist."""
    from django.apps import apps as installed_apps  # (as in ready: after the registry)

    from casestudies.services.groups import ensure_groups  # imports models: after the registry

    apps = apps or installed_apps
    if apps.is_installed("django.contrib.auth"):
        ensure_groups(apps, using=using)


def _ensure_search_index(sender, using="default", **kwargs):
    """SQLite's full-text index and its triggers survive every migration."""
    from django.db import connections

    from casestudies.finder.search import ensure_sqlite_index  # imports models: after the registry

    ensure_sqlite_index(connections[using])
