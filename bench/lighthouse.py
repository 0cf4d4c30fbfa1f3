"""Lighthouse scores for each page type of the built site, checked against the targets.

Lighthouse is a Node tool: install it once, OUTSIDE the repository, and point this script at it
(Debian's chromium is used; Lighthouse never downloads a browser):

    npm install --prefix /tmp/lh lighthouse
    SITE_URL=http://127.0.0.1:8765/ .venv/bin/python -m generator build
    .venv/bin/python bench/lighthouse.py --lighthouse-dir /tmp/lh --port 8765
    # or: LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse .venv/bin/python bench/lighthouse.py

The site directory (default site/) is served on a localhost port (a free one unless --port is
given; build with SITE_URL set to that address so the canonical-link audit is meaningful), with
gzip like any real host; --no-gzip serves files as `python -m http.server` does. Each page gets
--runs Lighthouse runs (default 3, mobile, simulated throttling); the table shows the median
performance score and the lowest of the other three. Exit status 1 when a score is below target:
performance >= 95, accessibility, best practices and SEO = 100. --dark runs Chromium in dark mode.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = {
    "home": "/",
    "theme": "/themes/idlib/",
    "article": "/articles/russian-military-assistance-to-assad-remains-the-main-stumbling-block-over-syria/",
    "method": "/method/",
    "coverage": "/coverage/",
    "timeline": "/timeline/",
    "map": "/map/",
    "entity": "/entities/idlib/",
    "outlet": "/outlets/rt/",
    "404": "/404.html",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


class Handler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it; quiet."""

    gzip = True

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def lighthouse_command(args: argparse.Namespace) -> list[str]:
    if os.environ.get("LIGHTHOUSE"):
        return shlex.split(os.environ["LIGHTHOUSE"])
    if args.lighthouse_dir:
        return ["npx", "--prefix", str(args.lighthouse_dir), "--no-install", "lighthouse"]
    sys.exit("give the Lighthouse CLI: env LIGHTHOUSE=path, or --lighthouse-dir DIR (npm prefix)")


def run_lighthouse(command: list[str], url: str, dark: bool) -> dict[str, int]:
    """One Lighthouse run of one URL: category id -> score out of 100."""
    flags = CHROME_FLAGS + (" --force-dark-mode" if dark else "")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [*command, url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )  # fmt: skip
        categories = json.loads(report.read_text())["categories"]
    return {c: round((categories[c]["score"] or 0) * 100) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site dir (site/)")
    parser.add_argument("--lighthouse-dir", type=Path, help="npm prefix where lighthouse is")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: free)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument("--dark", action="store_true", help="dark mode (prefers-color-scheme)")
    parser.add_argument("--pages", nargs="+", choices=sorted(PAGES), help="only these page types (default: all)")
    args = parser.parse_args()
    command = lighthouse_command(args)

    Handler.gzip = not args.no_gzip
    handler = functools.partial(Handler, directory=str(args.site))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    failed = False
    print(f"{'page':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    try:
        for name, path in PAGES.items():
            if args.pages and name not in args.pages:
                continue
            runs = [run_lighthouse(command, base + path, args.dark) for _ in range(args.runs)]
            row = {c: min(run[c] for run in runs) for c in CATEGORIES}
            row["performance"] = round(statistics.median(run["performance"] for run in runs))
            low = [c for c in CATEGORIES if row[c] < TARGETS[c]]
            failed = failed or bool(low)
            cells = " ".join(f"{row[c]:>13}{'!' if c in low else ' '}" for c in CATEGORIES)
            print(f"{name:<8} {cells}", flush=True)
    finally:
        server.shutdown()
    print("below target (!)" if failed else "all scores on target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
