"""Problems found in sources -> `PATH:LINE:COL: error: MESSAGE` lines and exit status 1."""

from __future__ import annotations

from dataclasses import dataclass

import click


@dataclass(frozen=True, order=True)
class Position:
    """Where something stands in a meeting-relative source file (1-based)."""

    path: str
    line: int = 1
    col: int | None = None

    def __str__(self) -> str:
        if self.col is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"

    def shifted(self, lines: int) -> Position:
        return Position(self.path, self.line + lines, self.col)


@dataclass(frozen=True)
class Diagnostic:
    position: Position
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.position}: {self.severity}: {self.message}"


class Diagnostics:
    """Collects every problem of a build, so a drafter sees them all at once."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def error(self, position: Position, message: str) -> None:
        self.items.append(Diagnostic(position, message))

    def warning(self, position: Position, message: str) -> None:
        self.items.append(Diagnostic(position, message, "warning"))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise SourceError(self.errors)


class ToolkitError(click.ClickException):
    """Base of every expected failure: one line per problem, exit status 1."""

    exit_code = 1


class SourceError(ToolkitError):
    """The sources break the contract of design/sources.md."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=lambda d: d.position)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # no "Error: " prefix: the lines are the format
        click.echo(self.format_message(), err=True)
