"""The tables of bench/RESULTS.md, from bench/synthetic.py's JSON lines; the text around them is written by hand.

The tables go between the two marker lines; everything else in the file is kept.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GENERATOR_STAGES = ("read", "parse", "themes", "entities", "references", "related", "render", "write")


def _kb(value: float) -> str:
    return f"{value / 1024:,.0f}"


def _mb(value: float) -> str:
    return f"{value / 1024 / 1024:,.1f}"


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows), ""]


def _generator_cpu(result: dict[str, Any]) -> float:
    return sum(result["cpu_seconds"][s] for s in GENERATOR_STAGES)


def tables(results: list[dict[str, Any]], machine: str) -> list[str]:
    """The Markdown tables for one `make bench` run."""
    lines = [f"Run on {dt.date.today().isoformat()}: {machine}.", ""]
    lines += ["**Time per stage, CPU milliseconds per article** (this process and its children; wall-clock below)", ""]
    header = ["N", *GENERATOR_STAGES, "generator", "MkDocs", "Pagefind", "generator / MkDocs", "peak RSS MB"]
    rows = []
    for r in results:
        per = r["cpu_ms_per_article"]
        rows.append(
            [
                f"{r['n']:,}",
                *(f"{per[s]:.2f}" for s in GENERATOR_STAGES),
                f"{1000 * _generator_cpu(r) / r['n']:.2f}",
                f"{per['mkdocs']:.1f}",
                f"{per['search']:.2f}",
                f"{r['before_mkdocs_share']:.0%}",
                f"{r['peak_mb']:,.0f}",
            ]
        )
    lines += _table(header, rows)
    by_n = {r["n"]: r for r in results}
    if 1000 in by_n and 10000 in by_n:
        small, large = by_n[1000]["cpu_ms_per_article"], by_n[10000]["cpu_ms_per_article"]
        ratio = [
            f"{large[s] / small[s]:.2f}" if small[s] >= 0.05 else "—" for s in (*GENERATOR_STAGES, "mkdocs", "search")
        ]
        lines += ["**Flatness: CPU per article at 10,000 ÷ at 1,000** (— : under 0.05 ms, noise)", ""]
        lines += _table([*GENERATOR_STAGES, "MkDocs", "Pagefind"], [ratio])
    lines += ["**Wall-clock seconds** (on a shared machine, the other jobs' load is in these)", ""]
    rows = [
        [
            f"{r['n']:,}",
            f"{sum(r['seconds'][s] for s in GENERATOR_STAGES):.1f}",
            f"{r['seconds']['mkdocs']:.1f}",
            f"{r['seconds']['search']:.1f}",
            f"{r['seconds']['total']:.1f}",
            f"{r['cpu_seconds']['total']:.1f}",
        ]
        for r in results
    ]
    lines += _table(["N", "generator", "MkDocs", "Pagefind", "build total", "build CPU total"], rows)
    lines += ["**What a reader downloads** (bytes on the wire in Chromium, gzip as a static host serves them)", ""]
    rows = []
    for r in results:
        load = r["article_download"]
        searches = " / ".join(_kb(load[k]) for k in sorted(load) if k.startswith("first_search_"))
        chart_load = r["chart_download"]
        if isinstance(chart_load, str):
            chart = chart_load
        elif "error" in chart_load:
            chart = f"not measured ({chart_load['error']})"
        else:
            chart = (
                f"{_kb(chart_load['page_load'])} / {_kb(chart_load.get('with_charts_drawn', chart_load['page_load']))}"
            )
        rows.append(
            [
                f"{r['n']:,}",
                f"{_kb(r['article_html_median'])} / {_kb(r['article_html_max'])}",
                "yes" if r["article_has_chart_library"] else "no",
                _kb(load["page_load"]) if "page_load" in load else f"not measured ({load.get('error')})",
                searches,
                f"{r['search_index_raw']:,} / {r['search_index_gzip']:,} B",
                chart,
            ]
        )
    names = " / ".join(k.removeprefix("first_search_") for k in sorted(results[0]["article_download"]) if "search" in k)
    header = [
        "N",
        "article HTML KB (median / max)",
        "chart library on article",
        "article page load KB",
        f"first search KB ({names})",
        "Material search_index.json raw / gzip",
        "chart page KB (load / charts drawn)",
    ]
    lines += _table(header, rows)
    lines += ["**The site**", ""]
    rows = [
        [
            f"{r['n']:,}",
            _mb(r["site_bytes"]),
            f"{r['site_files']:,}",
            _mb(r["pagefind_bytes"]),
            f"{r['largest_page'][0]} ({_kb(r['largest_page'][1])} KB)",
        ]
        for r in results
    ]
    lines += _table(["N", "site/ MB", "files", "of which pagefind/ MB", "largest page"], rows)
    rows = []
    for r in results:
        for name, label in (("incremental", "`build`"), ("incremental_dirty", "`build --dirty`")):
            if name in r:
                step = r[name]
                rows.append(
                    [
                        f"{r['n']:,}",
                        label,
                        f"{step['docs_files_rewritten']:,}",
                        f"{step['site_files_rewritten']:,}",
                        f"{step['generate_share_of_full_generate']:.0%}",
                        f"{step['share_of_full_build']:.0%}",
                        f"{step['seconds']['total']:.1f}",
                    ]
                )
    if rows:
        lines += ["**Adding one article to the built corpus**", ""]
        header = [
            "N",
            "then",
            "docs/ files rewritten",
            "site/ files rewritten",
            "generator CPU vs full",
            "build CPU vs full",
            "wall s",
        ]
        lines += _table(header, rows)
    lines += ["<details><summary>The JSON lines of this run</summary>", "", "```json"]
    lines += [json.dumps(r, sort_keys=True) for r in results]
    lines += ["```", "", "</details>"]
    return lines


def write_results(path: Path, results: list[dict[str, Any]], machine: str) -> None:
    """Put this run's tables between the markers in `path`, keeping the rest of the file."""
    text = path.read_text(encoding="utf-8") if path.is_file() else f"# Benchmark results\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(before + START + "\n" + "\n".join(tables(results, machine)) + "\n" + END + after, encoding="utf-8")
