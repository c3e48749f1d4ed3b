"""The declared format of every workspace file (pydantic models), one module per file.

Imported only when a workspace is read or a schema exported, so that ``import archplan``
does not load pydantic.
"""
