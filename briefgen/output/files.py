"""Write files the safe way: aside first, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefgen.errors import OutputError


def write_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write files aside, then rename each into place; a failure leaves the old files."""
    staged: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp_name, 0o644)
            staged.append((Path(tmp_name), folder / name))
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"{folder}: cannot write output: {exc.strerror or exc}") from None
    return [final for _, final in staged]
