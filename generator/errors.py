"""The one error type for bad content, and how it prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError(Exception):
    """A problem in a maintainer's file: where it is, what is wrong, how to fix it.

    Prints as ``content/articles/x.md:4: date: "2018-02-30" is not a date; use YYYY-MM-DD``. A warning is a
    problem that may be intended (two outlets publishing one text): it is printed, with "warning:" before the
    message, but does not fail a check or a build.
    """

    path: Path | str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        field = f" {self.field}:" if self.field else ""
        kind = " warning:" if self.warning else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"{where}:{field}{kind} {self.message}{hint}"

    def sort_key(self) -> tuple[str, int, str]:
        """Errors print in path order, then line order."""
        return (str(self.path), self.line or 0, self.field or "")


class ContentErrors(Exception):
    """Every problem found in one run, reported together; `summary` counts what was read, e.g. the article files."""

    def __init__(self, errors: list[ContentError], summary: str | None = None) -> None:
        self.errors = sorted(errors, key=ContentError.sort_key)
        self.summary = summary
        super().__init__("\n".join(str(e) for e in self.errors))
