"""gunicorn settings for Partnerships in Place (used by `make serve` and production).

Every value can be overridden on the command line or with GUNICORN_* environment
variables documented in the README.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's threaded worker, with each request read on the worker's main loop before a
# thread takes it (config/workers.py): clients that send slowly, or not at all, wait
# there and cannot hold the threads that answer everyone else.
worker_class = "config.workers.BufferingThreadWorker"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Load the app once before forking: faster start, shared memory.
preload_app = True
# Only the reverse proxy on this machine may tell us the original scheme and address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Uploads larger than this are refused before Django reads them (see MAX_REQUEST_BYTES).
limit_request_line = 8190
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn 27 opens a control socket at one fixed path per user (~/.gunicorn/gunicorn.ctl),
# so a second server on the machine would take over the first one's. Off unless a path
# of this server's own is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True


def when_ready(server):
    """The app is loaded in this (master) process before workers are forked: build the
    facet index and compile the public templates here, so every worker starts with them
    in shared memory instead of building its own on its first request."""
    try:
        from casestudies.finder.facet_index import prepare

        prepare()
    except Exception as error:  # no database yet, say: each worker builds it when first asked
        server.log.warning("Facet index not prepared before starting workers: %s", error)
