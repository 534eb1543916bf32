"""The `toolkit` command: check and build the documents of a meeting folder."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit import __version__

MEETING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="toolkit")
def main() -> None:
    """Build the documents of a NEASPEC meeting from its folder.

    A meeting folder (for example agendas/som-26) holds meeting.yaml with the
    provisional agenda, one Markdown file per Secretariat note in notes/, and
    the annexes in annexes/. Start with `toolkit check`, then `toolkit build`.
    """


@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
def check(meeting_dir: Path) -> None:
    """Check a meeting folder without writing anything.

    Every problem is listed as FILE:LINE:COLUMN: error: MESSAGE, so you can go
    straight to the line. Exit status 0 means the folder is ready to build.
    """
    from toolkit.pipeline.build import check as run_check

    loaded = run_check(meeting_dir)
    for warning in loaded.diagnostics.warnings:
        click.echo(str(warning), err=True)
    click.echo(f"{meeting_dir}: meeting and {len(loaded.notes)} note(s) are valid")


@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents. Default: build/<meeting folder name>/")
def build(meeting_dir: Path, out_dir: Path | None) -> None:
    """Build the documents of a meeting: each note in notes/NAME.md becomes NAME.pdf.

    The whole meeting is checked first; if anything is wrong, the problems are
    listed and nothing in the output folder is changed.
    """
    from toolkit.pipeline.build import build as run_build

    out_dir = out_dir or Path("build") / meeting_dir.resolve().name
    report = run_build(meeting_dir, out_dir)
    for warning in report.warnings:
        click.echo(str(warning), err=True)
    for path in report.written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(report.written)} document(s) built in {report.seconds:.1f} s")
