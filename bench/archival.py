"""What tagging and PDF/A cost: one brief laid out as a plain PDF and as briefgen writes it.

    .venv/bin/python bench/archival.py                 # the sample's analyst brief, 5 runs
    .venv/bin/python bench/archival.py --project /tmp/g10 --runs 3

In one process, after a warm-up, each run lays the same HTML out twice: once as WeasyPrint
writes it by default (untagged, no PDF/A, nothing attached: what briefgen wrote before) and
once as `render_pdf` writes it (tagged, PDF/A-3b, PDF/UA-1 identification, the JSON
attached). Prints medians and sizes as a Markdown table; figures, never assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

import weasyprint

from briefgen.brief.select import Selection, latest_edition
from briefgen.content.load import load
from briefgen.render.archival import Enclosure
from briefgen.render.html import BUILTIN_TEMPLATES, render_html
from briefgen.render.json import brief_json
from briefgen.render.pdf import render_pdf

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--audience", default="analyst")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    content = load(args.project).content
    [audience] = [a for a in content.audiences if a.id == args.audience]
    built_at = dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.UTC)
    brief = Selection(content, audience).brief(latest_edition(content), built_at=built_at)
    html = render_html(brief, args.project, template=audience.template)
    data = brief_json(brief).encode()
    enclosure = Enclosure(f"{audience.id}.json", data, built_at, brief.meta.revision)
    base = args.project / "templates"

    def plain() -> bytes:
        return bytes(weasyprint.HTML(string=html, base_url=base.as_uri() + "/").write_pdf())

    def archival() -> bytes:
        return render_pdf(html, base, [BUILTIN_TEMPLATES, base], enclosure)

    plain(), archival()  # warm-up: imports, fonts, caches
    times: dict[str, list[float]] = {"plain": [], "archival": []}
    sizes: dict[str, int] = {}
    for _ in range(args.runs):
        for name, make in (("plain", plain), ("archival", archival)):
            start = time.perf_counter()
            sizes[name] = len(make())
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.project.name or 'sample'}, {audience.id}, {args.runs} runs, JSON {len(data):,} B")
    print("| PDF | time (median) | size |")
    print("|---|---|---|")
    print(f"| plain (WeasyPrint defaults) | {median['plain']:.2f} s | {sizes['plain']:,} B |")
    print(
        f"| tagged + PDF/A-3b + JSON | {median['archival']:.2f} s "
        f"({median['archival'] / median['plain']:.2f}×) | {sizes['archival']:,} B "
        f"({sizes['archival'] / sizes['plain']:.2f}×) |"
    )


if __name__ == "__main__":
    main()
