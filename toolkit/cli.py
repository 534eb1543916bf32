"""The `toolkit` command: check and build the documents of a meeting folder."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit import __version__

MEETING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
FORMATS = {"pdf": ("pdf",), "docx": ("docx",), "all": ("pdf", "docx")}


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
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "all"]), default="all", show_default=True,
              help="Which files to write for each document.")
@click.option("--only", multiple=True, metavar="NOTE|ITEM",
              help="Build only these documents: a note's file name without .md, or an agenda item "
                   "such as 5d or \"5(d)\". Can be given several times.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="How many documents to build at once. Default: one per processor core.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Use the templates in this folder instead of the toolkit's own "
                   "(note.html, note.css, reference.docx).")
@click.option("-v", "--verbose", is_flag=True, help="Say why each document is rebuilt.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems (for scripts).")
def build(meeting_dir: Path, out_dir: Path | None, fmt: str, only: tuple[str, ...], jobs: int | None,
          templates: Path | None, verbose: bool, quiet: bool) -> None:
    """Build the documents of a meeting into an output folder.

    Each note notes/NAME.md becomes NAME.pdf and NAME.docx. Only what changed since
    the last build is rebuilt; manifest.json in the output folder records what was
    built, from which files, and why.

    The whole meeting is checked first: if anything is wrong, the problems are listed
    and nothing in the output folder is changed. If one document fails to build, the
    others are still written and the failure is reported (exit status 1).
    """
    import os
    import sys

    bar = None
    try:  # from here on Ctrl-C is answered with the state of the output folder
        from toolkit.pipeline.build import TEMPLATES, Options
        from toolkit.pipeline.build import build as run_build

        out_dir = out_dir or Path("build") / meeting_dir.resolve().name
        options = Options(formats=FORMATS[fmt], jobs=jobs or os.cpu_count() or 1, only=only,
                          templates=templates or TEMPLATES)
        def progress(done: int, total: int, name: str) -> None:
            nonlocal bar
            if quiet or not sys.stderr.isatty():
                return
            if bar is None:  # opened at the first document: by then the total is known
                bar = click.progressbar(length=total, label="Building", file=sys.stderr, show_pos=True,
                                        item_show_func=lambda item: item or "")
                bar.__enter__()
            bar.update(1, name)

        report = run_build(meeting_dir, out_dir, options, progress=progress)
    except KeyboardInterrupt:
        click.echo(f"interrupted: every file in {out_dir or 'the output folder'} is whole (its old or its new "
                   "version); run the build again to finish", err=True)
        sys.exit(130)
    finally:
        if bar is not None:
            bar.render_finish()
    for warning in report.warnings:
        click.echo(warning, err=True)
    for output, errors in report.failed.items():
        for error in errors:
            click.echo(str(error), err=True)
        click.echo(f"failed: {output}", err=True)
    if verbose:
        for output in report.built:
            click.echo(f"built {output}: {report.reasons[output]}")
        for output in report.removed:
            click.echo(f"removed {output}: its source is gone")
    if not quiet:
        click.echo(f"{out_dir}: built {len(report.built)}, unchanged {len(report.unchanged)}, "
                   f"removed {len(report.removed)}, failed {len(report.failed)} in {report.seconds:.1f} s")
    if report.failed:
        sys.exit(1)



@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents. Default: build/<meeting folder name>/")
@click.option("--port", type=click.IntRange(0, 65535), default=8026, show_default=True,
              help="Port on 127.0.0.1 to serve the page on (0: any free port).")
def preview(meeting_dir: Path, out_dir: Path | None, port: int) -> None:
    """Show the documents in a web page on this computer, rebuilt as you save.

    Open the address it prints, choose a document and keep the page open while you
    write: each time a file of the meeting folder is saved, what changed is rebuilt
    (the PDFs, the same files as `toolkit build --format pdf`) and the page shows the
    new pages, or the problems in the sources as FILE:LINE:COLUMN lines. Only this
    computer can open the page. Stop with Ctrl-C.
    """
    from toolkit.preview.session import Preview

    out_dir = out_dir or Path("build") / meeting_dir.resolve().name
    session = Preview(meeting_dir, out_dir, port)
    click.echo(f"Preview of {meeting_dir.resolve().name} at {session.address} (Ctrl-C to stop)")
    try:
        session.run()
    except KeyboardInterrupt:
        pass
    click.echo("preview stopped")
