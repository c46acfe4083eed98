"""Make sure a local staff login exists, and say how to sign in with it.

The password is random, made on first run, and kept only in DATA_DIR (never in the
repository). Used by `make run`; refuses to run with DEBUG off.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create (once) a local staff login with a random password and print how to sign in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Give the local login a new random password."
        )

    def handle(self, *args, reset=False, **options):
        if not settings.DEBUG:
            raise CommandError("This command is for local development only (DJANGO_DEBUG is off).")
        path = settings.DATA_DIR / "local-staff-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        password = path.read_text().strip() if path.exists() else ""

        if user is None or reset or not password or not user.check_password(password):
            if user is not None and password and not reset and not user.check_password(password):
                self.stdout.write(
                    f"The local login '{USERNAME}' has a password you chose; keeping it. "
                    "Run `make staff-password` to get a new random one."
                )
                self._print_address()
                return
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(USERNAME, email="", password=password)
            else:
                user.set_password(password)
                user.is_staff = user.is_superuser = user.is_active = True
                user.save()
            settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(password + "\n")
            path.chmod(0o600)

        self.stdout.write(self.style.SUCCESS("Staff sign-in for this machine:"))
        self.stdout.write(f"  username: {USERNAME}")
        self.stdout.write(f"  password: {password}   (kept in {path})")
        self._print_address()

    def _print_address(self):
        self.stdout.write(f"  at:       http://127.0.0.1:8000/{settings.ADMIN_PATH}/")
