"""The package's exceptions. Each carries where the problem is; the CLI turns them into text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pinned to a file, a line and a field."""

    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "warning: " if self.warning else ""
        # Field names and messages can quote the content: a hostile one must not flood the
        # terminal.
        field, message = _shorten(self.field, 100), _shorten(self.message, 1000)
        return f"{where}: {kind}{field}: {message}" if field else f"{where}: {kind}{message}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class BriefgenError(Exception):
    """Base of every error briefgen reports to a user."""

    exit_code = 1

    def lines(self) -> list[str]:
        return [str(self)]


class ContentError(BriefgenError):
    """The content folder has problems; all of them are listed."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class UsageError(BriefgenError):
    """A command was asked for something that cannot be done (unknown date, audience...)."""

    exit_code = 2


class TemplateError(BriefgenError):
    """A template failed to load or render; names the template file and line."""

    exit_code = 3

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: template: {message}")


class RenderError(BriefgenError):
    """The PDF renderer refused or failed to lay out the document."""

    exit_code = 3


class OutputError(BriefgenError):
    """Writing the output files failed."""

    exit_code = 4


def relative(path: Path, root: Path) -> str:
    """Path as the user would type it from the project root."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
