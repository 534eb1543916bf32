"""Every expected failure -> `PATH:LINE:COL: error: MESSAGE` lines, paths as the user can open them, exit status 1."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import click


Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Position:
    """Where something stands in a meeting-relative source file (1-based)."""

    path: str
    line: int = 1
    col: int | None = None

    def __str__(self) -> str:
        return self.at(None)

    def at(self, root: Path | str | None) -> str:
        """The position with its path joined to the meeting folder as the command was given it
        (`agendas/som-26/meeting.yaml:8:8` from the repository, `meeting.yaml:8:8` from inside):
        what an editor's "go to file:line" opens from where the command ran."""
        path = self.path if root is None else os.fspath(Path(root) / self.path)
        return f"{path}:{self.line}" if self.col is None else f"{path}:{self.line}:{self.col}"

    def shifted(self, lines: int) -> Position:
        return Position(self.path, self.line + lines, self.col)


@dataclass(frozen=True)
class Diagnostic:
    position: Position
    message: str
    severity: Severity = "error"
    because: str | None = None  # a consequence: the meeting-relative file whose own errors caused it

    def __str__(self) -> str:
        return self.shown(None)

    def shown(self, root: Path | str | None) -> str:
        return f"{self.position.at(root)}: {self.severity}: {self.message}"


def shown(item: Diagnostic | str, root: Path | str | None) -> str:
    """The one way a problem is printed: a Diagnostic with its path from where the command ran;
    a line already made (a warning about the output folder) as it is."""
    return item.shown(root) if isinstance(item, Diagnostic) else item


class Diagnostics:
    """Collects every problem of a build, so a drafter sees them all at once."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def error(self, position: Position, message: str) -> None:
        self.items.append(Diagnostic(position, message))

    def warning(self, position: Position, message: str) -> None:
        self.items.append(Diagnostic(position, message, "warning"))

    def consequence(self, position: Position, message: str, because: str) -> None:
        """An error that follows from an error in the file `because` (a translation whose original
        failed, a document() naming a note that failed): left out when that file has errors of its
        own, so one mistake gives one error; an error like any other when it has none."""
        self.items.append(Diagnostic(position, message, because=because))

    @property
    def errors(self) -> list[Diagnostic]:
        failed = {d.position.path for d in self.items if d.severity == "error" and d.because is None}
        return [d for d in self.items if d.severity == "error" and d.because not in failed]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def raise_if_errors(self, root: Path | str | None = None) -> None:
        """root: the meeting folder as the command was given it, for the printed paths."""
        if self.errors:
            raise SourceError(self.errors, root)


class ToolkitError(click.ClickException):
    """Base of every expected failure: one line per problem, exit status 1."""

    exit_code = 1


class SourceError(ToolkitError):
    """The sources break the contract of design/sources.md."""

    def __init__(self, diagnostics: list[Diagnostic], root: Path | str | None = None):
        self.diagnostics = sorted(diagnostics, key=lambda d: d.position)
        self.root = root
        super().__init__("\n".join(d.shown(root) for d in self.diagnostics))

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # no "Error: " prefix: the lines are the format
        click.echo(self.format_message(), err=True)


class Refused(ToolkitError):
    """A command that will not go ahead (nothing written) -> `PATH: error: MESSAGE` lines, exit status 1.

    The one refusal of every command (new, roll, note, import, issue), printed as the sources' problems are."""

    def __init__(self, path: object, message: str, *more: tuple[object, str]):
        self.lines = [(path, message), *more]
        super().__init__("\n".join(f"{p}: error: {m}" if p is not None else f"error: {m}" for p, m in self.lines))

    def show(self, file=None) -> None:  # no "Error: " prefix: the lines are the format
        click.echo(self.format_message(), err=True)
