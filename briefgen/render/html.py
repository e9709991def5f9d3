"""Render a brief to one self-contained HTML string with Jinja2 and Markdown."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from briefgen.brief.views import Brief
from briefgen.content import markup
from briefgen.content.dates import PartialDate, human_date, short_date
from briefgen.errors import TemplateError, relative
from briefgen.render.figure import status_figure

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


def _human(value: dt.date | PartialDate) -> str:
    return value.human() if isinstance(value, PartialDate) else human_date(value)


def _short(value: dt.date | PartialDate) -> str:
    return value.short() if isinstance(value, PartialDate) else short_date(value)


def css_string(text: str) -> Markup:
    """A CSS string literal that cannot close the string, the rule or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-–—_()'/·" else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(f'"{escaped}"')


@lru_cache(maxsize=8)
def environment(project_templates: Path | None, cache: Path | None = None) -> jinja2.Environment:
    """Project templates first, then the built-in ones; `builtin/NAME` always names a built-in.

    One environment per project and process (Jinja reloads a template whose file changed);
    with a cache folder, compiled templates are kept there for the next process.
    """
    search = [project_templates] if project_templates else []
    return _configured(
        [
            jinja2.FileSystemLoader(search),
            jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(BUILTIN_TEMPLATES)}),
            jinja2.FileSystemLoader(BUILTIN_TEMPLATES),
        ],
        _bytecode_cache(cache),
    )


def _configured(
    loaders: list[jinja2.BaseLoader], bytecode_cache: jinja2.BytecodeCache | None
) -> jinja2.Environment:
    """The one Jinja set-up of briefgen: autoescape, StrictUndefined, its filters."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache,
    )
    env.filters["md"] = lambda text: Markup(markup.to_html(text))
    env.filters["md_inline"] = lambda text: Markup(markup.to_inline_html(text))
    env.filters["human"] = _human
    env.filters["short"] = _short
    env.filters["css_string"] = css_string
    env.globals["status_figure"] = status_figure
    return env


def _bytecode_cache(cache: Path | None) -> jinja2.BytecodeCache | None:
    if cache is None:
        return None
    folder = cache / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def _template_error(exc: Exception, root: Path) -> TemplateError:
    """Name the template file and line of a Jinja failure."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = Path(exc.filename) if exc.filename else Path(exc.name or "?")
        return TemplateError(relative(path, root), exc.lineno or 0, exc.message or str(exc))
    tb = exc.__traceback__
    where = (getattr(exc, "name", None) or "?", 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".css", ".htm", ".xml")):
            where = (relative(Path(filename), root), tb.tb_lineno)
        tb = tb.tb_next
    message = (
        str(exc)
        if not isinstance(exc, jinja2.TemplateNotFound)
        else (f"template not found: {exc.name}")
    )
    return TemplateError(where[0], where[1], message)


def render_page(template: str, root: Path, cache: Path | None = None, **context: object) -> str:
    """Any other page (the archive, the preview's own pages) with the same environment."""
    try:
        return environment(root / "templates", cache).get_template(template).render(**context)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _template_error(exc, root) from None


@lru_cache(maxsize=4)
def _folder_environment(folder: Path) -> jinja2.Environment:
    return _configured(
        [jinja2.FileSystemLoader(folder), jinja2.FileSystemLoader(BUILTIN_TEMPLATES)], None
    )


def render_template(folder: Path, template: str, **context: object) -> str:
    """A template of a tool's own `folder` (the preview's pages), set up as briefs are.

    Names not in `folder` come from the built-in brief templates, so a page can include their
    CSS; a project's templates are never searched, so they cannot change or break such a page.
    """
    try:
        return _folder_environment(folder).get_template(template).render(**context)
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _template_error(exc, folder) from None


def render_html(
    brief: Brief,
    root: Path,
    *,
    template: str = "brief.html",
    stylesheet: str | None = None,
    cache: Path | None = None,
) -> str:
    """The brief as one HTML document: styles inline, nothing fetched from elsewhere."""
    meta = brief.meta
    return render_page(
        template,
        root,
        cache,
        brief=brief,
        sections=list(meta.sections),
        stylesheet=stylesheet,
        document_title=f"{meta.title} — {meta.audience_label}, as of {human_date(meta.as_of)}",
    )
