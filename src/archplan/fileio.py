"""Safe writing: never destroy what a user wrote, never leave half a file.

Every file archplan writes goes to a temporary file in the same folder and is renamed
into place (atomic on POSIX), so an interrupted run leaves the old file intact. An
existing file is replaced only if archplan wrote it (each writer says how to recognise
its own files) or the caller passes ``force=True``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from archplan.errors import TargetExistsError
from archplan.messages import Localized

#: What a refused file is, as callers name it → the catalogue entry of its name.
_WHAT = {
    "report": "pf_report",
    "handover": "pf_handover",
    "document": "fio_document",
    "workbook": "fio_workbook",
    "CSV file": "fio_csv",
    "portfolio document": "fio_portfolio_document",
    "portfolio workbook": "fio_portfolio_workbook",
}

__all__ = ["check_target", "write_atomic"]


def check_target(path: Path, force: bool, ours: Callable[[bytes], bool], what: str) -> None:
    """Refuse to replace ``path`` unless it is ours (judged on its first 64 KiB) or forced.

    Raises
    ------
    TargetExistsError
    """
    if path.is_dir():  # the messages name the file in the reader's language (Localized)
        name = Localized(_WHAT[what]) if what in _WHAT else what
        raise TargetExistsError(Localized("fio_folder", path=path, what=name))
    if not path.exists() or force:
        return
    with path.open("rb") as fh:
        head = fh.read(65536)
    if not ours(head):
        raise TargetExistsError(Localized("fio_not_ours", path=path))


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; what archplan writes is meant to be shared: honour umask.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
