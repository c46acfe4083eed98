#!/usr/bin/env python
"""Django's command-line utility for Partnerships in Place."""

import os
import secrets
import sys

# Commands that only read the code: they serve nothing and sign nothing, so they run on a
# machine with no environment set up, with a throwaway key. Settings given (even empty)
# are still checked, and `check --deploy` still needs the real ones.
CODE_ONLY_COMMANDS = {"check", "makemigrations", "showmigrations"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if sys.argv[1:2] and sys.argv[1] in CODE_ONLY_COMMANDS and "--deploy" not in sys.argv:
        if "DJANGO_SECRET_KEY" not in os.environ:
            os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
        os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
        os.environ.setdefault("SITE_URL", "https://localhost")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
