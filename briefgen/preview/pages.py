"""The preview's own HTML: start page, error page, and the toolbar and reload script it injects.

Nothing here is ever part of a published file: the server inserts the toolbar and the script
before `</body>` of a rendered brief, the way MkDocs' live-reload does. Every text from the
content is escaped; the script runs only with the nonce the server puts in its CSP header.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from briefgen.content.dates import human_date

FONTS = """
  --serif: "Charis SIL", "Charter", "Georgia", "DejaVu Serif", serif;
  --sans: "Inter", "Helvetica Neue", "Arial", "DejaVu Sans", sans-serif;
  --mono: "DejaVu Sans Mono", "Menlo", "Consolas", monospace;
  --ink: #1c2430; --muted: #5b6573; --rule: #d5d9df; --accent: #1f3a5f;
  --accent-soft: #e8eef5; --bad: #9b2c1c; --bad-soft: #fbeeea;
"""

PAGE_STYLE = (
    ":root {"
    + FONTS
    + """}
html { font-family: var(--serif); font-size: 15px; line-height: 1.45; color: var(--ink); }
body { margin: 0; background: #eceae4; padding: 2rem 1rem; }
main {
  max-width: 52rem; margin: 0 auto; background: #fff; padding: 2rem 2.5rem;
  box-shadow: 0 1px 3px rgba(0, 0, 0, .12), 0 8px 24px rgba(0, 0, 0, .06);
  border-top: 5px solid var(--accent);
}
h1, h2, th, .kicker, .links, .note, .where { font-family: var(--sans); }
.kicker {
  font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .08em;
  color: var(--muted); display: flex; justify-content: space-between; align-items: center;
}
h1 { font-size: 1.9rem; line-height: 1.15; margin: .4em 0 .15em; }
h2 {
  font-size: .95rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent);
  border-bottom: 2px solid var(--accent); padding-bottom: .25em; margin: 1.8em 0 .6em;
}
.subtitle { color: var(--muted); margin: 0 0 .8em; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .45em .6em; border-bottom: 1px solid var(--rule); }
th { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
th small, .label { display: block; font-weight: 400; text-transform: none; letter-spacing: 0; }
.label { color: var(--muted); font-size: .9em; }
.links a { font-weight: 600; text-decoration: none; margin-right: .7em; }
.links a + a { font-weight: 400; }
code, .lines li { font-family: var(--mono); font-size: .85rem; }
.note { font-size: .85rem; color: var(--muted); }
.lines { padding-left: 0; list-style: none; }
.lines li {
  background: var(--bad-soft); border-left: 4px solid var(--bad); padding: .45em .8em;
  margin: .35em 0; white-space: pre-wrap; overflow-wrap: anywhere;
}
.lines.warnings li { background: #fdf7e6; border-left-color: #b7791f; }
.lines .where { font-family: var(--mono); font-weight: 700; }
.failed h1 { color: var(--bad); }
pre { font-size: .75rem; background: #f4f4f2; padding: .8em; overflow-x: auto; }
"""
    + "#briefgen-status { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%;"
    " background: #2f855a; vertical-align: middle; }\n"
    "#briefgen-status[data-state=offline] { background: #a0a0a0; }\n"
)

BAR_STYLE = """
#briefgen-bar {
  position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647; box-sizing: border-box;
  display: flex; flex-wrap: wrap; align-items: center; gap: .35rem 1.1rem;
  min-height: 2.6rem; padding: .35rem 1rem; margin: 0;
  font: 500 13px/1.3 "Inter", "Helvetica Neue", "Arial", "DejaVu Sans", sans-serif;
  color: #fff; background: #1f3a5f; box-shadow: 0 1px 4px rgba(0, 0, 0, .25);
  text-align: left; letter-spacing: normal; text-transform: none;
}
#briefgen-bar a { color: #fff; text-decoration: none; font-weight: 600; }
#briefgen-bar a:hover, #briefgen-bar a:focus { text-decoration: underline; }
#briefgen-bar label { display: inline-flex; align-items: center; gap: .4rem; color: #d6e0ec; }
#briefgen-bar select {
  font: inherit; color: #1c2430; background: #fff; border: 0; border-radius: 3px;
  padding: .15rem .3rem; max-width: 18rem;
}
#briefgen-bar .bg-home { letter-spacing: .06em; text-transform: uppercase; font-size: 12px; }
#briefgen-bar details { position: relative; color: #fde7b0; }
#briefgen-bar summary { cursor: pointer; }
#briefgen-bar details ul {
  position: absolute; top: 1.8rem; left: 0; width: min(44rem, 90vw); max-height: 60vh;
  overflow: auto; margin: 0; padding: .6rem .8rem .6rem 1.8rem; background: #fff;
  color: #1c2430; border-radius: 3px; box-shadow: 0 4px 16px rgba(0, 0, 0, .25);
  font: 12px/1.4 "DejaVu Sans Mono", "Menlo", monospace;
}
#briefgen-bar .bg-spacer { flex: 1; }
#briefgen-status {
  display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; background: #68d391;
}
#briefgen-status[data-state=offline] { background: #a0a0a0; }
@media screen { html { scroll-padding-top: 3.2rem; } body { margin-top: 2.6rem !important; } }
@media print { #briefgen-bar { display: none !important; } }
"""

# Long-polls the server until a newer build exists, then reloads keeping the scroll position.
SCRIPT = """
(function () {
  "use strict";
  var state = %(state)s;
  var key = "briefgen-scroll:" + location.pathname;
  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  if (state.keepScroll) {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var xy = saved.split(",");
      window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
    }
  }
  var dot = document.getElementById("briefgen-status");
  function show(online) {
    if (!dot) { return; }
    dot.setAttribute("data-state", online ? "live" : "offline");
    dot.title = online ? "Live: reloads when a file changes" : "Preview server not reachable";
  }
  function reload() {
    if (state.keepScroll) {
      sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
    }
    location.reload();
  }
  var failures = 0;
  function poll() {
    var url = "/_briefgen/wait?epoch=" + state.epoch + "&server=" + state.server;
    fetch(url, {cache: "no-store"}).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (news) {
      failures = 0;
      show(true);
      if (news.epoch !== state.epoch || news.server !== state.server) { reload(); } else { poll(); }
    }).catch(function () {
      failures += 1;
      show(false);
      setTimeout(poll, Math.min(250 * failures, 3000));
    });
  }
  var day = document.getElementById("briefgen-day");
  var audience = document.getElementById("briefgen-audience");
  function go() { location.href = "/" + day.value + "/" + audience.value + ".html"; }
  if (day && audience) {
    day.addEventListener("change", go);
    audience.addEventListener("change", go);
  }
  poll();
})();
"""


@dataclass(frozen=True)
class Live:
    """What a served page needs to reload itself: the build it shows and the script's nonce."""

    epoch: int
    server: str
    nonce: str


def page_url(day: dt.date, audience: str, fmt: str = "html") -> str:
    return f"/{day.isoformat()}/{audience}.{fmt}"


def script(live: Live, keep_scroll: bool) -> str:
    state = json.dumps({"epoch": live.epoch, "server": live.server, "keepScroll": keep_scroll})
    return f'<script nonce="{escape(live.nonce)}">{SCRIPT % {"state": state}}</script>'


def toolbar(
    live: Live,
    day: dt.date,
    audience: str,
    editions: Sequence[tuple[dt.date, str | None]],
    audiences: Sequence[tuple[str, str]],
    warnings: Sequence[str] = (),
) -> str:
    """The preview's fixed bar, its style and its script, to insert before `</body>`."""
    days = sorted({d for d, _ in editions} | {day}, reverse=True)
    labels = dict(editions)
    day_options = "".join(
        f'<option value="{d.isoformat()}"{" selected" if d == day else ""}>'
        f"{escape(human_date(d))}"
        f"{escape(' · ' + labels[d]) if labels.get(d) else ''}"
        f"{'' if d in labels else ' (not an edition)'}</option>"
        for d in days
    )
    audience_options = "".join(
        f'<option value="{escape(a)}"{" selected" if a == audience else ""}>'
        f"{escape(label)}</option>"
        for a, label in audiences
    )
    notes = ""
    if warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
        count = f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        notes = f"<details><summary>{count}</summary><ul>{items}</ul></details>"
    return (
        f"<style>{BAR_STYLE}</style>"
        '<nav id="briefgen-bar" aria-label="briefgen preview">'
        '<a class="bg-home" href="/" title="Every edition and audience">briefgen preview</a>'
        f'<label>As of <select id="briefgen-day">{day_options}</select></label>'
        f'<label>Audience <select id="briefgen-audience">{audience_options}</select></label>'
        f'<a href="{escape(page_url(day, audience, "pdf"))}" title="Rendered now">PDF</a>'
        f'{notes}<span class="bg-spacer"></span><span id="briefgen-status" data-state="live"'
        ' title="Live: reloads when a file changes"></span></nav>' + script(live, keep_scroll=True)
    )


def inject(html: str, snippet: str) -> str:
    """Insert `snippet` before the last `</body>` (or at the end if there is none)."""
    at = html.lower().rfind("</body>")
    return html + snippet if at < 0 else html[:at] + snippet + html[at:]


def _document(title: str, body: str, live: Live, css_class: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_STYLE}</style>\n</head>\n"
        f'<body class="{css_class}">\n<main>\n'
        '<div class="kicker"><a href="/">briefgen preview</a>'
        '<span id="briefgen-status" data-state="live"></span></div>\n'
        f"{body}\n</main>\n{script(live, keep_scroll=False)}\n</body>\n</html>\n"
    )


def start_page(
    live: Live,
    *,
    title: str,
    subtitle: str | None,
    organisation: str,
    editions: Sequence[tuple[dt.date, str | None]],
    audiences: Sequence[tuple[str, str]],
    warnings: Sequence[str] = (),
) -> str:
    """Every edition × audience, each with a link to its HTML preview and its PDF."""
    head = "".join(
        f"<th>{escape(label)}<small><code>{escape(a)}</code></small></th>" for a, label in audiences
    )
    rows = []
    for day, label in sorted(editions, reverse=True):
        cells = "".join(
            f'<td class="links"><a href="{page_url(day, a)}">Preview</a>'
            f'<a href="{page_url(day, a, "pdf")}">PDF</a></td>'
            for a, _ in audiences
        )
        edition = f'<span class="label">{escape(label)}</span>' if label else ""
        rows.append(
            f"<tr><td><strong>{escape(human_date(day))}</strong> "
            f"<code>{day.isoformat()}</code>{edition}</td>{cells}</tr>"
        )
    table = (
        f"<table><thead><tr><th>As of</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="note">The content defines no edition yet: add one under '
        "<code>content/editions/</code>, or open <code>/YYYY-MM-DD/AUDIENCE.html</code>.</p>"
    )
    listed = "".join(
        f"<li><code>{escape(a)}</code> — {escape(label)}</li>" for a, label in audiences
    )
    notes = ""
    if warnings:
        items = "".join(f"<li>{_line(w)}</li>" for w in warnings)
        notes = f'<h2>Warnings</h2><ul class="lines warnings">{items}</ul>'
    body = (
        f"<h1>{escape(title)}</h1>"
        + (f'<p class="subtitle">{escape(subtitle)}</p>' if subtitle else "")
        + f'<p class="note">{escape(organisation)}</p>'
        + f"<h2>Editions</h2>{table}<h2>Audiences</h2><ul>{listed}</ul>{notes}"
        + '<p class="note">Every open page rebuilds and reloads by itself when a file under '
        "content/ or templates/ changes. PDFs are laid out when you open them.</p>"
    )
    return _document(f"{title} — preview", body, live)


_WHERE = re.compile(r"^([^\s:][^:]*:\d+)(?=: )")


def _line(text: str) -> str:
    """One `path:line: field: message` line, its location in bold; same text when read."""
    match = _WHERE.match(text)
    if not match:
        return escape(text)
    return f'<span class="where">{escape(match.group(1))}</span>{escape(text[match.end() :])}'


def error_page(
    live: Live, *, title: str, lines: Sequence[str], detail: str | None = None, hint: str = ""
) -> str:
    """The problems of a failed build or page, as `briefgen check` lists them."""
    count = len(lines)
    summary = hint or (
        f"{count} problem{'s' if count != 1 else ''}. "
        "Fix the files and this page comes back by itself."
    )
    items = "".join(f"<li>{_line(line)}</li>" for line in lines)
    body = (
        f'<h1>{escape(title)}</h1><p class="note">{escape(summary)}</p>'
        f'<ol class="lines">{items}</ol>'
        + (f"<h2>Details</h2><pre>{escape(detail)}</pre>" if detail else "")
    )
    return _document(title, body, live, css_class="failed")
