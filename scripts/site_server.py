"""Serve a built site on 127.0.0.1 for the checks, benchmarks and PDF build."""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import socket
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map")


class QuietHandler(SimpleHTTPRequestHandler):
    compress = False

    def send_head(self):
        # Like a static host (GitHub Pages): text compressed with gzip when the client accepts it.
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (
            not self.compress
            or not path.endswith(COMPRESSIBLE)
            or not os.path.isfile(path)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        # linkchecker throttles every host to 10 requests/s unless the server sends this header.
        self.send_header("LinkChecker", "unthrottled")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client that stops reading once it has what it needs (linkchecker, a browser) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def free_port() -> int:
    """A loopback port that is free now, to build a site for the address it will be served on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(site_dir: Path | str, compress: bool = False, port: int = 0) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 (a free port unless given); yields the base URL, ending in '/'."""
    handler_class = type("Handler", (QuietHandler,), {"compress": compress})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
