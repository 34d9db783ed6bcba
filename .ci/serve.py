#!/usr/bin/env python3
"""Static server for the demo and the end-to-end tests (standard library only).

/        -> www/           the gallery and the builder
/dist/   -> dist/          what editors ship
/seeds/  -> seeds/         the dataset, for loadData examples
/e2e/    -> tests/e2e/pages/ test pages
/static/cms/2024/js/ -> dist/ (a CMS sub-folder)
/vendor/ -> node_modules/   dev-only libraries for hostile test pages
/npm-test/ -> target/npm-test/  the scratch project of `make test-npm`, the crate's canvas example
/flaky/  -> dist/          the same files, but the .wasm answers 503 to its first two requests
                           (per server): the loader's retries, in browsers without request routing

--wasm-mime sets the type .wasm is served with (CMS servers often send application/octet-stream).
"""
import argparse
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MOUNTS = [
    ("/dist/", "dist"),
    ("/static/cms/2024/js/", "dist"),  # the same files from a deep CMS folder
    ("/flaky/", "dist"),
    ("/seeds/", "seeds"),
    ("/e2e/", "tests/e2e/pages"),
    ("/vendor/", "node_modules"),  # dev-only: Bootstrap 3, jQuery 1.x, axe-core
    ("/npm-test/", "target/npm-test"),  # the packed npm package installed in a scratch project
    ("/", "www"),
]


class Handler(http.server.SimpleHTTPRequestHandler):
    wasm_mime = "application/wasm"

    def translate_path(self, path):
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        for prefix, folder in MOUNTS:
            if path.startswith(prefix):
                rest = posixpath.normpath(path[len(prefix):]).lstrip("/")
                if rest.startswith(".."):
                    rest = ""
                return os.path.join(ROOT, folder, rest)
        return os.path.join(ROOT, "www")

    flaky_failures = 2

    def do_GET(self):
        if self.path.startswith("/flaky/") and self.path.endswith(".wasm") and Handler.flaky_failures > 0:
            Handler.flaky_failures -= 1
            self.send_error(503, "busy")
            return
        super().do_GET()

    def guess_type(self, path):
        if str(path).endswith(".wasm"):
            return self.wasm_mime
        return super().guess_type(path)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that closes a connection early (a page closed mid-download, a cancelled fetch, a
    test that ends) is not a server error: no traceback for it. Other errors print as before."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipe, ConnectionReset, ConnectionAborted
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--wasm-mime", default="application/wasm")
    args = parser.parse_args()
    Handler.wasm_mime = args.wasm_mime
    server = QuietServer(("127.0.0.1", args.port), Handler)
    print(f"serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
