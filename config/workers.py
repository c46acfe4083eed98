"""The gunicorn worker the project runs: gunicorn's threaded worker, with each request
read before a thread is given to it.

gunicorn's own workers give a connection its thread (or, with sync workers, its whole
process) as soon as the first byte arrives, and the thread then waits for the rest of
the request. A few clients sending their headers a byte at a time can so hold every
thread, and nobody else is answered. This worker reads headers (and a small body) on
its main loop, without blocking, as a buffering proxy would: a thread only ever gets a
request that has arrived. A client gets GUNICORN_HEADER_TIMEOUT seconds to send its
headers, then is disconnected; larger bodies are read in the thread, within the
request's GUNICORN_TIMEOUT.

Like a sync worker, a worker whose request has run for longer than GUNICORN_TIMEOUT
stops reporting to the master process, which replaces it.
"""

import errno
import os
import re
import selectors
import threading
import time
from functools import partial

from gunicorn.workers.gthread import TConn, ThreadWorker

HEADER_END = b"\r\n\r\n"
# Real browsers send a few kilobytes of headers; gunicorn's own limits still apply below.
MAX_HEADER_BYTES = 64 * 1024
# Bodies up to this size (every form on the site bar image uploads) are read on the
# main loop too; larger ones in the request's thread.
MAX_BUFFERED_BODY = 256 * 1024
CONTENT_LENGTH = re.compile(
    rb"\r\ncontent-length:[ \t]*([0-9]{1,12})[ \t]*(?:\r\n|$)", re.IGNORECASE
)
TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


def request_arrived(received):
    """Whether `received` holds a whole request head, and its body when that is small
    and of known length; too much without an end also counts (it is refused)."""
    end = received.find(HEADER_END)
    if end < 0:
        return len(received) > MAX_HEADER_BYTES
    length = CONTENT_LENGTH.search(received, 0, end)
    if length is None or int(length.group(1)) > MAX_BUFFERED_BODY:
        return True  # no body, a chunked one, or one large enough to read in the thread
    return len(received) >= end + len(HEADER_END) + int(length.group(1))


class DeadlineReads:
    """The connection's socket as the request parser sees it: every read must finish
    before the request's deadline, so a client trickling a body cannot hold a thread
    for longer than a request may take. Writes keep a timeout of their own."""

    def __init__(self, sock, write_timeout):
        self._sock = sock
        self.write_timeout = write_timeout
        self.deadline = None

    def recv(self, size, *flags):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request took too long to arrive")
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv(size, *flags)
        finally:
            self._sock.settimeout(self.write_timeout)

    def __getattr__(self, name):
        return getattr(self._sock, name)


class BufferingThreadWorker(ThreadWorker):
    """gthread, with requests read on the main loop before a thread takes them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.header_timeout = float(os.environ.get("GUNICORN_HEADER_TIMEOUT") or 10)
        self.started = {}  # thread id -> when its current request was handed to it

    @classmethod
    def check_config(cls, cfg, log):
        super().check_config(cfg, log)
        if cfg.is_ssl or "h2" in cfg.http_protocols or getattr(cfg, "protocol", "http") != "http":
            raise RuntimeError(
                "BufferingThreadWorker serves plain HTTP/1.1: terminate TLS and HTTP/2 at the proxy."
            )

    # The main loop ---------------------------------------------------------------------

    def accept(self, listener):
        try:
            client, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self._read_request(
            TConn(self.cfg, client, address, listener.getsockname()), registered=False
        )

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection has a new request coming."""
        self.keepalived_conns.remove(conn)
        self._read_request(conn, registered=True)

    def _read_request(self, conn, registered):
        # Most requests have arrived by the time they are looked at: they go to a thread
        # at once, without waiting for the poller.
        conn.received, conn.closed = bytearray(), False
        if self._receive(conn):
            if registered:
                self.poller.unregister(conn.sock)
            self._dispatch(conn)
            return
        # The deque of pending connections stays in order of deadline: murder_pending
        # (gunicorn's) closes those whose time is up, on every turn of the loop.
        conn.timeout = time.monotonic() + self.header_timeout
        self.pending_conns.append(conn)
        callback = partial(self.on_pending_socket_readable, conn)
        if registered:
            self.poller.modify(conn.sock, selectors.EVENT_READ, callback)
        else:
            self.poller.register(conn.sock, selectors.EVENT_READ, callback)

    def on_pending_socket_readable(self, conn, client):
        if self._receive(conn):
            self.poller.unregister(client)
            self.pending_conns.remove(conn)
            self._dispatch(conn)

    def _receive(self, conn):
        """Read what has arrived, without waiting; whether there is no more to wait for."""
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            data = b""
        if not data:
            conn.closed = True
            return True
        conn.received += data
        return request_arrived(conn.received)

    def _dispatch(self, conn):
        if conn.closed or len(conn.received) > MAX_HEADER_BYTES and HEADER_END not in conn.received:
            if not conn.closed:
                try:
                    conn.sock.send(TOO_LARGE)
                except OSError:
                    pass
            self.nr_conns -= 1
            conn.close()
            return
        conn.data_ready = True
        self.enqueue_req(conn)

    def notify(self):
        """Report to the master only while no request has run for longer than the
        timeout, so that, as with sync workers, a stuck request gets its worker replaced."""
        oldest = min(list(self.started.values()), default=None)  # a copy: threads change it
        if oldest is None or time.monotonic() - oldest < self.cfg.timeout:
            super().notify()

    # A thread ----------------------------------------------------------------------------

    def handle(self, conn):
        me = threading.get_ident()
        self.started[me] = now = time.monotonic()
        try:
            received, conn.received = conn.received, None
            if received is not None:
                if conn.parser is None:
                    conn.init()
                    conn.parser.unreader.sock = DeadlineReads(conn.sock, self.cfg.timeout)
                conn.parser.unreader.unread(bytes(received))
            # Each request on the connection (kept alive, or pipelined) has its own deadline.
            conn.parser.unreader.sock.deadline = now + self.cfg.timeout
            return super().handle(conn)
        finally:
            self.started.pop(me, None)
