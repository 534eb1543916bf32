"""A drafting command that will not go ahead -> `PATH: error: MESSAGE` and exit status 1."""

from __future__ import annotations

import click

from toolkit.diagnostics import ToolkitError


class Refused(ToolkitError):
    def __init__(self, path: object, message: str):
        super().__init__(f"{path}: error: {message}")

    def show(self, file=None) -> None:  # no "Error: " prefix: the line is the format
        click.echo(self.format_message(), err=True)


def refuse_non_empty(folder) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "a folder that is not empty" if folder.is_dir() else "a file"
        raise Refused(folder, f"already exists and is {what}: nothing was written; name a new folder")
