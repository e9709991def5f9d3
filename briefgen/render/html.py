"""Render a brief to one self-contained HTML string with Jinja2 and Markdown."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import jinja2

from briefgen.brief.views import Brief
from briefgen.errors import BriefgenError, TemplateError, relative
from briefgen.project import BUILTIN_TEMPLATES, find_template
from briefgen.reading import Refused, read_text
from briefgen.render import filters
from briefgen.render.figure import status_figure
from briefgen.render.typography import url_breaks


class _ProjectLoader(jinja2.BaseLoader):
    """Project templates first, then the built-in ones; `builtin/NAME` always names a built-in.

    Every template file must lie inside the project or be built in: a link out of the project
    is an error naming it, never read.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.templates = root / "templates"
        self.roots = (root, self.templates.resolve())

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            path = find_template(template, self.templates, self.roots)
            if path is None:
                raise jinja2.TemplateNotFound(template)
            source = read_text(path, (*self.roots, BUILTIN_TEMPLATES))
            mtime = path.stat().st_mtime
        except (Refused, OSError) as exc:
            name = relative(self.templates / template, self.root)
            raise TemplateError(name, 0, str(exc)) from None
        return source, str(path), lambda: _mtime(path) == mtime


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


_SETUP = hashlib.sha256(
    Path(__file__).read_bytes() + Path(filters.__file__).read_bytes()
).hexdigest()[:16]


_COMPILED: dict[str, bytes] = {}
"""Compiled templates by key, for every environment of this process: a second project (the
preview's, a test's) reuses briefgen's own templates compiled for the first."""


class _SharedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in the process and, with a folder, for the next process. A
    folder that fails (a full disk, made read-only) only makes the build slower: the build
    warned when it found it unusable."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Compiled code depends on the set-up too, not only on the source: a `finalize` hook and
        # how each filter is called (with the context or not) are compiled in. The set-up is
        # this module and its filters, so code compiled by another version is never reused.
        return super().get_cache_key(f"{_SETUP}:{name}", filename)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = _COMPILED.get(bucket.key)
        if data is None and self.folder is not None:
            with contextlib.suppress(OSError):
                data = (self.folder / f"{bucket.key}.cache").read_bytes()
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = bucket.bytecode_to_string()
        _COMPILED[bucket.key] = data
        if self.folder is not None:
            # Written whole, then renamed: parallel builds never read half a file.
            path = self.folder / f"{bucket.key}.cache"
            part = path.with_name(f"{path.name}.{os.getpid()}")
            with contextlib.suppress(OSError):
                part.write_bytes(data)
                os.replace(part, path)


@lru_cache(maxsize=8)
def environment(root: Path, cache: Path | None = None) -> jinja2.Environment:
    """One environment per project and process (Jinja reloads a template whose file changed);
    with a cache folder, compiled templates are kept there for the next process."""
    return _configured(_ProjectLoader(root), _bytecode_cache(cache), typeset=True)


def _configured(
    loader: jinja2.BaseLoader, bytecode_cache: jinja2.BytecodeCache | None, typeset: bool = False
) -> jinja2.Environment:
    """The one Jinja set-up of briefgen: autoescape, StrictUndefined, its filters; `typeset`
    curls the quotes of every printed string (briefs, not the tool's own pages, which quote
    content verbatim in error messages)."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache,
        finalize=filters.typeset if typeset else None,
    )
    filters.install(env)
    env.filters["url_breaks"] = url_breaks
    env.globals["status_figure"] = status_figure
    return env


def _bytecode_cache(cache: Path | None) -> jinja2.BytecodeCache:
    folder = cache / "templates" if cache is not None else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = None
    return _SharedBytecodeCache(folder)


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
    """Any other page (the archive) with the same environment."""
    return _render(environment(root, cache), template, root, context)


@lru_cache(maxsize=4)
def _folder_environment(folder: Path) -> jinja2.Environment:
    loaders = [jinja2.FileSystemLoader(folder), jinja2.FileSystemLoader(BUILTIN_TEMPLATES)]
    return _configured(jinja2.ChoiceLoader(loaders), None)


def render_template(folder: Path, template: str, **context: object) -> str:
    """A template of a tool's own `folder` (the preview's pages), set up as briefs are.

    Names not in `folder` come from the built-in brief templates, so a page can include their
    CSS; a project's templates are never searched, so they cannot change or break such a page.
    """
    return _render(_folder_environment(folder), template, folder, context)


def _render(env: jinja2.Environment, template: str, root: Path, context: dict[str, object]) -> str:
    try:
        return env.get_template(template).render(**context)
    except BriefgenError:
        raise
    except RecursionError as exc:
        where = _template_error(exc, root)
        message = "templates include or extend each other without end"
        raise TemplateError(where.path, where.line, message) from None
    except Exception as exc:  # whatever a template's own code raises is that template's error
        raise _template_error(exc, root) from None


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
        document_title=brief.labels(
            "document.title",
            title=meta.title,
            audience=meta.audience_label,
            date=brief.labels.date(meta.as_of),
        ),
    )
