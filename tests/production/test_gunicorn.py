"""The server the project starts (config/gunicorn.py and config/workers.py): slow clients
cannot stall it, and two servers on one machine keep out of each other's way."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from config.workers import MAX_BUFFERED_BODY, request_arrived
from tests.production.servers import (
    ROOT,
    AppServer,
    free_port,
    manage,
    production_env,
    wait_for_port,
)

SLOW_CLIENTS = 60
HEADER_TIMEOUT = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The production server with `make serve`'s worker count per core and the demo library."""
    env = production_env(
        tmp_path_factory.mktemp("slow"),
        DJANGO_HTTPS=0,
        GUNICORN_HEADER_TIMEOUT=HEADER_TIMEOUT,
        GUNICORN_ACCESS_LOG="/dev/null",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo_data", "--no-images", "-v0")
    with AppServer(env, workers=2) as running:
        yield running


class Trickle:
    """Connections that each send a request a byte at a time, as slowly as they like."""

    def __init__(self, port, request, count, pause=0.25):
        self.sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
        self.request, self.pause = request, pause
        self.sent = 0
        self.running = True
        self.thread = threading.Thread(target=self._drip, daemon=True)

    def _drip(self):
        while self.running and self.sent < len(self.request) - 1:  # never the last byte
            for sock in self.sockets:
                try:
                    sock.send(self.request[self.sent : self.sent + 1])
                except OSError:
                    pass
            self.sent += 1
            time.sleep(self.pause)

    def __enter__(self):
        self.thread.start()
        time.sleep(1)  # every connection has started its request
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        for sock in self.sockets:
            sock.close()

    def still_open(self):
        """How many connections the server has not closed."""
        open_count = 0
        for sock in self.sockets:
            sock.setblocking(False)
            try:
                open_count += sock.recv(1) != b""
            except BlockingIOError:
                open_count += 1
            except OSError:
                pass
            finally:
                sock.setblocking(True)
        return open_count


def timed_get(port, path):
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body, time.monotonic() - started


def test_clients_sending_headers_a_byte_at_a_time_do_not_stall_the_site(server):
    request = b"GET /case-studies/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: very slow reader\r\nAccept: */*\r\n\r\n"
    with Trickle(server.port, request, SLOW_CLIENTS) as slow:
        status, body, seconds = timed_get(server.port, "/about/")
        assert status == 200
        assert "<h1>About the library</h1>" in body
        assert seconds < 2, f"an ordinary request waited {seconds:.1f} s behind slow clients"
        assert slow.still_open() == SLOW_CLIENTS  # they hung on all the while
        # Clients that never finish their headers are let go once their time is up.
        time.sleep(HEADER_TIMEOUT + 1.5)
        assert slow.still_open() == 0


def test_a_slowly_sent_form_does_not_stall_the_site(server):
    body = b"username=someone&password=" + b"x" * 200
    request = (
        b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    with Trickle(server.port, request, SLOW_CLIENTS, pause=0.02):
        status, _, seconds = timed_get(server.port, "/about/")
        assert status == 200 and seconds < 2


def test_whole_requests_are_served_whatever_way_they_arrive(server):
    """Bytes that arrive in pieces, pipelined requests and kept-alive connections."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        request = b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        for piece in (request[:7], request[7:30], request[30:]):
            sock.send(piece)
            time.sleep(0.2)
        pipelined = b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        sock.send(pipelined)
        answers = b""
        while chunk := sock.recv(65536):
            answers += chunk
    assert answers.count(b"HTTP/1.1 200 OK") == 3
    assert answers.count(b"Sitemap: ") == 2 and b'"status": "ok"' in answers


def test_oversized_headers_are_refused(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 70_000)
        assert sock.recv(100).startswith(b"HTTP/1.1 431 ")


@pytest.mark.parametrize(
    "received, arrived",
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\n", False),
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", False),
        (b"POST / HTTP/1.1\r\ncontent-length: 5\r\n\r\nabcde", True),
        # Large bodies are read in the request's thread, within its deadline.
        (b"POST / HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % (MAX_BUFFERED_BODY + 1), True),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", True),
    ],
)
def test_when_a_request_counts_as_arrived(received, arrived):
    assert request_arrived(received) is arrived


def test_the_server_opens_no_control_socket_another_server_could_take_over(tmp_path):
    """gunicorn 27 would open ~/.gunicorn/gunicorn.ctl, the same path for every server a
    user runs: started as `make serve` starts it, the server opens none."""
    home = tmp_path / "home"
    home.mkdir()
    env = production_env(tmp_path / "data", DJANGO_HTTPS=0, HOME=home)
    env.pop("XDG_RUNTIME_DIR", None)
    manage(env, "migrate", "--noinput")
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-c",
            str(ROOT / "config" / "gunicorn.py"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env={**env, "WEB_CONCURRENCY": "1"},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process=process)
        time.sleep(1)
        log.seek(0)
        output = log.read()
        assert "control socket" not in output.lower(), output
        assert not list(home.rglob("*.ctl")), os.listdir(home)
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


STALL_HOOK = """
import time
import django.core.handlers.wsgi as wsgi

_call = wsgi.WSGIHandler.__call__


def _stalling(self, environ, start_response):
    time.sleep(float(environ.get("HTTP_X_STALL_SECONDS", 0)))
    return _call(self, environ, start_response)


wsgi.WSGIHandler.__call__ = _stalling
"""


def test_a_request_that_runs_past_the_timeout_gets_its_worker_replaced(tmp_path):
    """As sync workers are: a stuck request cannot hold a worker for ever."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(STALL_HOOK)
    env = production_env(
        tmp_path / "data",
        DJANGO_HTTPS=0,
        GUNICORN_TIMEOUT=2,
        PYTHONPATH=f"{hooks}{os.pathsep}{ROOT}",
    )
    manage(env, "migrate", "--noinput")
    with AppServer(env, workers=1) as server:

        def stall():
            with contextlib.suppress(OSError, http.client.HTTPException):  # its worker is gone
                server.client().get("/healthz", **{"X-Stall-Seconds": "60"})

        stuck = threading.Thread(target=stall, daemon=True)
        stuck.start()
        deadline = time.monotonic() + 15
        while "WORKER TIMEOUT" not in server.output() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "WORKER TIMEOUT" in server.output()
        assert server.client().get("/healthz").status == 200  # its replacement answers
