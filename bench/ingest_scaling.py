"""How the time to read a capture grows with its size: in proportion, never with the square.

    .venv/bin/python bench/ingest_scaling.py

Decodes, splits and parses captures of 250 kB to 2 MB (the largest a capture may be), made of many short lines
and of one long line, as ingest does, and prints the seconds per MB. Exit status 1 when the largest capture costs
more than three times as much per MB as the smallest: a quadratic step would cost eight times as much. Timings are
noisy on a busy machine; run it twice before believing a failure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import SiteData, load_site_data  # noqa: E402
from generator.parse.capture import RawFile, parse_segment, split_posts  # noqa: E402
from generator.parse.decode import MAX_CAPTURE_BYTES, decode_text  # noqa: E402

SIZES = [MAX_CAPTURE_BYTES // 8, MAX_CAPTURE_BYTES // 4, MAX_CAPTURE_BYTES // 2, MAX_CAPTURE_BYTES - 100]
LINE = b"Russian jets struck Idlib again on Friday, the ministry in Moscow said. " * 3 + b"\n"
SHAPES = {
    "many lines": lambda size: b"A headline\n\n" + LINE * (size // len(LINE)),
    "one line": lambda size: b"A headline\n\n" + b"word " * (size // 5) + b"\n",
}
WORST_RATIO = 3.0


def seconds_to_read(capture: bytes, data: SiteData) -> float:
    """Decode, split and parse one capture, as ingest does before it writes anything."""
    start = time.perf_counter()
    raw = RawFile.from_text("raw/capture.txt", decode_text("capture.txt", capture))
    drafts = [parse_segment(raw, segment, data) for segment in split_posts(raw, data.separators)]
    elapsed = time.perf_counter() - start
    assert len(drafts) == 1
    return elapsed


def main() -> int:
    data = load_site_data(ROOT / "content")
    worst = 1.0
    for shape, make in SHAPES.items():
        per_mb = [seconds_to_read(make(size), data) / (size / 1e6) for size in SIZES]
        ratio = per_mb[-1] / per_mb[0]
        worst = max(worst, ratio)
        cells = ", ".join(f"{size / 1e6:.2f} MB: {cost:.3f} s/MB" for size, cost in zip(SIZES, per_mb, strict=True))
        print(f"{shape}: {cells}; largest/smallest per MB {ratio:.1f}")
    return 1 if worst > WORST_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
