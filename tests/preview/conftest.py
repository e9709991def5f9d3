"""What the preview's tests share: one build of a project and a request answered from it."""

from __future__ import annotations

from pathlib import Path

from briefgen.preview.pages import Live
from briefgen.preview.routes import respond
from briefgen.preview.session import Session
from briefgen.project import Project
from tests.conftest import BUILT_AT

LIVE = Live(epoch=3, server="abc", nonce="n0nce")


def session_of(root: Path) -> Session:
    return Session.build(Project.at(root), BUILT_AT)


def body(session: Session | None, path: str) -> tuple[int, str]:
    """Status and text of the preview's answer to `path`."""
    response = respond(session, path, LIVE)
    return response.status, response.body.decode("utf-8", "replace")
