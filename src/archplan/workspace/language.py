"""The language a workspace speaks, read even when the workspace is broken.

Problems and notices are printed in the workspace's language; when ``archplan.yaml`` is
missing, unreadable or has no valid ``language:`` line, archplan speaks English.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["workspace_language"]

_LANGUAGE = re.compile(r"^language:\s*[\"']?(ja|en)\b", re.M)


def workspace_language(root: str | Path) -> str:
    """``"ja"`` or ``"en"``: the ``language:`` of ``root/archplan.yaml``, else ``"en"``.

    Examples
    --------
    >>> workspace_language("data/examples/food-lab")
    'ja'
    >>> workspace_language("no/such/folder")
    'en'
    """
    try:
        text = (Path(root) / "archplan.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "en"
    m = _LANGUAGE.search(text)
    return m.group(1) if m else "en"
