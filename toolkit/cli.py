"""The `toolkit` command: check and build the documents of a meeting folder."""

from __future__ import annotations

from pathlib import Path

import click

from toolkit import __version__
from toolkit.errors import shown

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
@click.option("-v", "--verbose", is_flag=True, help="Print each document's word count.")
@click.option("--layout", is_flag=True,
              help="Also lay every document out, as the build would, and warn of what a typographer "
                   "would mark: a word alone on a line, a name or date hyphenated, a contents entry whose "
                   "dots wrap, a table broken after one row, a heading alone at the foot of a page, a "
                   "widow or orphan, and a PDF page break the DOCX does not share. Takes as long as a build.")
def check(meeting_dir: Path, verbose: bool, layout: bool) -> None:
    """Check a meeting folder without writing anything.

    Every problem is listed as FILE:LINE:COLUMN: error: MESSAGE, so you can go
    straight to the line. Exit status 0 means the folder is ready to build.
    """
    from toolkit.pipeline.build import check as run_check

    loaded = run_check(meeting_dir)
    for warning in loaded.diagnostics.warnings:
        click.echo(shown(warning, meeting_dir), err=True)
    laid_out = []
    if layout:
        from toolkit.pipeline.layout_check import check_layout

        laid_out = check_layout(loaded)
        for item in laid_out:
            click.echo(shown(item, meeting_dir), err=True)
        if any(item.severity == "error" for item in laid_out):
            raise SystemExit(1)
    if verbose:
        from toolkit.checks.words import count

        limit = loaded.meeting.word_limit
        for doc in (*loaded.agenda_documents, *([loaded.participants_list] if loaded.participants_list else []),
                    *loaded.notes):
            click.echo(f"{doc.stem}: {count(doc):,} words (limit {limit:,})")
    warned = len(loaded.diagnostics.warnings) + len(laid_out)  # "valid" alone would hide them
    click.echo(f"{meeting_dir}: meeting and {len(loaded.notes)} note(s) are valid"
               + (f", with {warned} warning(s) above" if warned else ""))


def _output_folder(meeting_dir: Path, out_dir: Path | None) -> Path:
    """build/<meeting name> in the current folder, or beside the meeting folder when the current
    folder is inside it (`toolkit build .`): a build never writes among its own sources."""
    meeting = meeting_dir.resolve()
    if out_dir is None:
        if Path.cwd().resolve().is_relative_to(meeting):
            return meeting.parent / "build" / meeting.name
        return Path("build") / meeting.name
    if out_dir.resolve().is_relative_to(meeting):
        raise click.UsageError(f"--out {out_dir}: the output folder is inside the meeting folder {meeting_dir}; "
                               "give a folder outside it (the default is build/<meeting name> beside it)")
    return out_dir


@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents. Default: build/<meeting folder name>/")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "all"], case_sensitive=False), default="all",
              show_default=True,
              help="Which files to write for each document.")
@click.option("--only", multiple=True, metavar="NOTE|ITEM",
              help="Build only these documents: a note's file name without .md, an annex's output name "
                   "(5d-low-carbon-cities-annex-III), or an agenda item such as 5d or \"5(d)\". "
                   "Can be given several times.")
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

        out_dir = _output_folder(meeting_dir, out_dir)
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
        click.echo(shown(warning, meeting_dir), err=True)
    for output, errors in report.failed.items():
        for error in errors:
            click.echo(shown(error, meeting_dir), err=True)
        click.echo(f"failed: {output}", err=True)
    if verbose:
        for output in report.built:
            click.echo(f"built {output}: {report.reasons[output]}")
        for output in report.removed:
            click.echo(f"removed {output}: its source is gone")
    shared = report.shared_reason()
    if shared and not verbose and not quiet:  # -v says it for each document
        click.echo(f"rebuilt {'all ' if not report.unchanged else ''}{len(report.built)} files: {shared}")
    if not quiet:
        click.echo(f"{out_dir}: built {len(report.built)}, unchanged {len(report.unchanged)}, "
                   f"removed {len(report.removed)}, failed {len(report.failed)} in {report.seconds:.1f} s")
    if report.failed:
        sys.exit(1)



@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
@click.argument("document")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The build's output folder, where the files sent are. Default: build/<meeting folder name>/")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="The templates the documents were built with, if not the toolkit's own.")
@click.option("--force", is_flag=True, help="Replace the record of a version that was never sent.")
def issue(meeting_dir: Path, document: str, out_dir: Path | None, templates: Path | None, force: bool) -> None:
    """Record that DOCUMENT was issued (sent out): writes issued/DOCUMENT.yaml in the meeting
    folder, with the text of each of its sources and the sha256 of its PDF and DOCX.

    DOCUMENT is a note's file name without .md (5a-air-pollution), a corrigendum's output
    name (7-core-fund-corr1) or provisional-agenda. Build first: the document must build without a problem and its
    files in the output folder must be those of its sources now. Keep the record with the
    sources (commit it): from then on `toolkit check` says when the document changes, and a
    revision or corrigendum declared in its front matter is made against the version recorded.
    """
    import sys

    from toolkit.issuing.command import issue as run_issue
    from toolkit.pipeline.build import TEMPLATES

    confirm = (lambda question: click.confirm(question, default=False)) if sys.stdin.isatty() else None
    done = run_issue(meeting_dir, document, _output_folder(meeting_dir, out_dir), templates or TEMPLATES, force,
                     confirm)
    for path in done.removed:
        click.echo(f"removed {path}")
    click.echo(f"{meeting_dir / done.record}: {done.said}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--number", type=int, default=None,
              help="The meeting's number (27 for SOM-27): fills the title, short title and symbol.")
def new(folder: Path, number: int | None) -> None:
    """Start a meeting: FOLDER/meeting.yaml with the standard agenda of a Senior Officials
    Meeting, and empty notes/ and annexes/ folders.

    Values in [square brackets] are placeholders; `toolkit check` lists those still to fill.
    """
    from toolkit.drafting.ignore import ignore_build_folder
    from toolkit.drafting.new import new_meeting

    left = new_meeting(folder, number)
    ignored = ignore_build_folder(folder)
    if ignored is not None:
        click.echo(f"{ignored}: ignores build/, where `toolkit build` writes the documents")
    click.echo(f"{folder}: new meeting; fill the {left} placeholders in [square brackets] in "
               f"{folder / 'meeting.yaml'} (`toolkit check {folder}` lists them), then start the notes "
               f"with `toolkit note {folder} ITEM`")


@main.command()
@click.argument("old", type=MEETING_DIR)
@click.argument("new", type=click.Path(path_type=Path))
def roll(old: Path, new: Path) -> None:
    """Make the next meeting (NEW) from the last one (OLD): agenda, notes and annexes are
    copied as drafts, the meeting's number moves on, dates and venue become placeholders.

    Lists what was changed, what is to fill, and every line that mentions the last meeting.
    """
    from toolkit.drafting.roll import roll as run_roll

    result = run_roll(old, new)
    click.echo(f"{new}: made from {old}, meeting {result.old} moved on to meeting {result.new}")
    for heading, lines in (("Moved on:", result.moved),
                           (f"To fill (`toolkit check {new}` reports each until it is filled):", result.cleared),
                           ("To revisit (mentions of the last meeting, its dates, venue and year):", result.revisit),
                           ("Not carried over:", result.left_out)):
        if lines:
            click.echo(heading)
            for line in lines:
                click.echo(line)


@main.command()
@click.argument("meeting_dir", type=MEETING_DIR)
@click.argument("item")
def note(meeting_dir: Path, item: str) -> None:
    """Start the Secretariat note for agenda ITEM (5d, "5 (d)" or 7): writes
    notes/<item>-<title>.md with its front matter from the agenda and a skeleton to fill.
    """
    from toolkit.drafting.note import new_note

    path = new_note(meeting_dir, item)
    click.echo(f"{path}: new note; fill the placeholders in [square brackets] "
               f"(`toolkit check {meeting_dir}` lists them)")


@main.command(name="import")
@click.argument("docx_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--meeting", "meeting_dir", type=MEETING_DIR, required=True,
              help="The meeting folder (with meeting.yaml) the note belongs to.")
@click.option("--name", default=None, help="The note's file name without .md. Default: the agenda item and "
                                           "the title, such as 5d-low-carbon-cities.")
def import_(docx_file: Path, meeting_dir: Path, name: str | None) -> None:
    """Bring in a Secretariat note written in Word (.docx).

    Writes notes/NAME.md with its front matter, its annexes as annexes/*.md and its
    figures' pictures in figures/, and never replaces an existing file. What cannot be
    carried over (a text box, a picture outside a figure, a tracked change, a comment)
    is listed as a warning at its paragraph. Exit status 0 when written, 1 when refused.
    """
    from toolkit.importing.command import import_note

    done = import_note(docx_file, meeting_dir, name)
    for warning in done.warnings:
        click.echo(warning, err=True)
    for path in done.written:
        click.echo(f"wrote {path}")


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

    out_dir = _output_folder(meeting_dir, out_dir)  # the build's: never among the sources
    session = Preview(meeting_dir, out_dir, port)
    click.echo(f"Preview of {meeting_dir.resolve().name} at {session.address} (Ctrl-C to stop)")
    try:
        session.run()
    except KeyboardInterrupt:
        pass
    click.echo("preview stopped")
