"""Serve a built site on 127.0.0.1 for the checks, benchmarks and PDF build."""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


class QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # linkchecker throttles every host to 10 requests/s unless the server sends this header.
        self.send_header("LinkChecker", "unthrottled")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        pass


@contextlib.contextmanager
def serve(site_dir: Path | str) -> Iterator[str]:
    """Serve site_dir on a free loopback port; yields the base URL, ending in '/'."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
