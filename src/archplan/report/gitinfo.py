"""The git commit of a workspace or notebook folder, for the documents' footers and the
handover pack's "where the files live".

Its own small module: the handover pack's kernel needs it, and must not import the build
machinery (nbformat, and through it jsonschema's format checkers, take seconds to import).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["git_commit"]


def git_commit(folder: Path) -> str | None:
    """The short commit of the repository holding ``folder`` (``+`` if it has uncommitted
    changes), or None when it is not in a git repository or git is not installed.

    Examples
    --------
    >>> import tempfile
    >>> git_commit(Path(tempfile.mkdtemp())) is None  # a fresh folder is in no repository
    True
    """
    import subprocess

    try:
        head = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if head.returncode != 0:
            return None
        dirty = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")
