"""Real servers for production tests: gunicorn app processes, a local S3 server (moto),
fresh PostgreSQL databases, Redis, and a TCP proxy that can cut the database off.

Everything listens on 127.0.0.1 and is started and stopped by the tests. A test that
needs a server this machine does not have is skipped with a message saying so, unless
REQUIRE_SERVERS=1 (as in CI), which makes that a failure.
"""

import http.client
import json
import os
import re
import secrets
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from tests.forms import form_data

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REQUIRED = os.environ.get("REQUIRE_SERVERS") == "1"


def need(available, what):
    if available:
        return
    message = f"{what} is not available on this machine, so this test cannot run."
    if REQUIRED:
        pytest.fail(message + " (REQUIRE_SERVERS=1)", pytrace=False)
    pytest.skip(message)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"the server exited with code {process.returncode} before it was ready"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing answered on port {port} within {timeout} s")


# Services ------------------------------------------------------------------------------


def postgres_available():
    try:
        import psycopg

        with psycopg.connect(POSTGRES_URL, connect_timeout=2):
            return True
    except Exception:
        return False


def redis_available():
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


class RedisServer:
    """A Redis server of the test's own, on a free port, with a memory limit and an eviction
    policy. Both apply to a whole server (never to one database number), so they are
    never changed on the shared one."""

    def __init__(self, policy, headroom=3_000_000):
        self.policy, self.headroom = policy, headroom
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def __enter__(self):
        need(shutil.which("redis-server"), "redis-server (Debian's redis-server package)")
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                tempfile.gettempdir(),
                "--maxmemory-policy",
                self.policy,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)
        client = self.client()
        client.config_set("maxmemory", client.info("memory")["used_memory"] + self.headroom)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_connect_timeout=2)

    def stats(self):
        return self.client().info("stats")


class PostgresDatabase:
    """A fresh, empty database on the local PostgreSQL server, dropped afterwards."""

    def __init__(self):
        self.name = f"pip_test_{uuid.uuid4().hex[:10]}"
        parts = urlsplit(POSTGRES_URL)
        self.url = parts._replace(path=f"/{self.name}").geturl()

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(sql)

    def __enter__(self):
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class MotoS3:
    """moto's S3 server (from PyPI), on a free local port, with one bucket."""

    def __init__(self, bucket="partnerships-media"):
        self.bucket = bucket
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        executable = (
            shutil.which("moto_server", path=str(Path(sys.executable).parent)) or "moto_server"
        )
        self.process = subprocess.Popen(
            [executable, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)
        client = self.client()
        client.create_bucket(Bucket=self.bucket)
        # As the README asks of production buckets: anyone may read media, only the app writes.
        client.put_bucket_policy(
            Bucket=self.bucket,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{self.bucket}/*",
                        }
                    ],
                }
            ),
        )
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )

    def keys(self):
        found = self.client().list_objects_v2(Bucket=self.bucket).get("Contents", [])
        return sorted(item["Key"] for item in found)

    def env(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_S3_REGION_NAME": "us-east-1",
            "DJANGO_MEDIA_ORIGIN": self.endpoint,
        }


class TcpProxy:
    """Forwards a local port to another; `cut()` drops every connection and refuses new
    ones (the database has gone away), `restore()` brings it back."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()
        self._running = False

    def __enter__(self):
        self.restore()
        return self

    def __exit__(self, *exc):
        self.cut()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener, self._running = listener, True
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        self._running = False
        if self._listener:
            self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def _accept(self, listener):
        while self._running:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update({client, upstream})
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, first, second):
        pair = [first, second]
        try:
            while self._running:
                readable, _, _ = select.select(pair, [], [], 0.5)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (second if sock is first else first).sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for sock in pair:
                try:
                    sock.close()
                except OSError:
                    pass


# The app --------------------------------------------------------------------------------


def production_env(data_dir, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "AWS_", "REDIS_", "PAGE_CACHE", "SITE_URL", "CACHE_KEY_PREFIX")
        )
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update({key: str(value) for key, value in overrides.items()})
    # Production refuses to start without its public address; AppServer moves it onto
    # the port it listens on.
    env.setdefault(
        "SITE_URL", "http://127.0.0.1" if env.get("DJANGO_HTTPS") == "0" else "https://127.0.0.1"
    )
    return env


def manage(env, *args, timeout=300):
    """Run manage.py with this environment; return its output, or fail with it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


class AppServer:
    """The app under gunicorn, as in production, on a free local port."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        site = urlsplit(env["SITE_URL"])
        if site.netloc == "127.0.0.1":  # production_env's: this server's own address
            env = {**env, "SITE_URL": f"{site.scheme}://127.0.0.1:{self.port}"}
        self.env = env
        self.workers = workers
        self.process = None
        self.log = None

    def __enter__(self):
        Path(self.env["DJANGO_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        self.log = open(Path(self.env["DJANGO_DATA_DIR"]) / f"gunicorn-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-c",
                str(ROOT / "config" / "gunicorn.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--access-logfile",
                "-",
                # config/gunicorn.py turns it off too; said again so no test server can
                # ever take over another's (or a developer's) control socket.
                "--no-control-socket",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port, process=self.process)
        except Exception:
            self.log.seek(0)
            raise RuntimeError(f"gunicorn did not start:\n{self.log.read()}") from None
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def output(self):
        self.log.flush()
        return Path(self.log.name).read_text()

    def client(self, **headers):
        return Client("127.0.0.1", self.port, headers)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        values = self.all(name)
        return values[0] if values else None

    def all(self, name):
        return [value for key, value in self.headers if key.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Client:
    """A small HTTP client with cookies and CSRF handling, enough for staff journeys."""

    def __init__(self, host, port, headers=None):
        self.host, self.port = host, port
        self.cookies = {}
        self.default_headers = headers or {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        all_headers = {
            "Host": f"{self.host}:{self.port}",
            **self.default_headers,
            **(headers or {}),
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=all_headers)
        raw = connection.getresponse()
        response = Response(raw.status, raw.getheaders(), raw.read())
        connection.close()
        for value in response.all("Set-Cookie"):
            name, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if "max-age=0" in value.lower() or cookie_value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie_value
        return response

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, data, files=None, referer=True):
        headers = {"Referer": f"http://{self.host}:{self.port}{path}"} if referer else {}
        if files:
            boundary = uuid.uuid4().hex
            body = _multipart(data, files, boundary)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, headers=headers)

    def submit(self, path, form_id=None, files=None, **changes):
        """Open a page, read its form as a browser would, change some fields and post it."""
        page = self.get(path)
        assert page.status == 200, f"GET {path} answered {page.status}"
        data = form_data(page.text, form_id, **changes)
        return self.post_form(path, data, files=files)

    def sign_in(self, admin_path, username, password):
        page = self.get(f"/{admin_path}/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.post_form(
            f"/{admin_path}/login/",
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": f"/{admin_path}/",
            },
        )
        assert response.status == 302, (
            f"sign-in failed with {response.status}: {response.text[:500]}"
        )
        return response


def _multipart(data, files, boundary):
    lines = []
    for name, values in data.items():
        for value in values if isinstance(values, list) else [values]:
            lines += [
                f"--{boundary}",
                f'Content-Disposition: form-data; name="{name}"',
                "",
                str(value),
            ]
    body = "\r\n".join(lines).encode() + b"\r\n"
    for name, (filename, content) in files.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode()
