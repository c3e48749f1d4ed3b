"""``options.yaml``: the options compared."""

from __future__ import annotations

from archplan.workspace.model import Option
from archplan.workspace.schema.base import (
    Ident,
    Text,
    When,
    WorkspaceModel,
    fail,
    field,
    model_validator,
)

__all__ = ["OptionModel", "OptionsFile"]


class OptionModel(WorkspaceModel):
    """One option."""

    what = "a mapping with id, name, description"

    id: Ident = field(
        description="Unique id (letters, digits, '-', '_', '.'), used in scores.csv and "
        "costs.yaml.",
        expected="a short id of letters, digits, '-', '_', e.g. saas",
        ja="一意のID（scores.csv と costs.yaml で使う）",
    )
    name: Text = field(
        description="Shown in reports.", expected="a display name", ja="文書に表示する名称"
    )
    description: Text = field(
        "", description="What the option is.", expected="text", ja="選択肢の説明"
    )
    go_live: When | None = field(
        None,
        description="When the option goes into service: a fiscal year (2027) or a month "
        "(2027-04); a month before the plan for a system already running.",
        expected="a fiscal year such as 2027, or a month such as 2027-04",
        ja="稼働時期：年度（2027）または年月（2027-04）。稼働中のシステムは計画前の年月",
    )

    def to_domain(self) -> Option:
        """The option of the domain model."""
        return Option(self.id, self.name, self.description, self.go_live)


class OptionsFile(WorkspaceModel):
    """``options.yaml``: the options compared."""

    what = "a mapping with a 'options' list"

    options: list[OptionModel] = field(
        description="The options, each with id, name and optionally description and go_live.",
        expected="a list of options, each starting with '- '",
        what="a list of options",
        ja="選択肢のリスト（id、name、任意で description と go_live）",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> OptionsFile:
        if not self.options:
            fail("the list of options is empty", "at least one of options", "options")
        return self
