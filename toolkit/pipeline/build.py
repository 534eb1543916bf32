"""A meeting folder -> its documents in the output folder, rebuilding only what changed.

Everything is loaded and validated first (a source error writes nothing). Each output
is then rendered (in worker processes with -j), written by atomic rename, and only
then recorded in manifest.json, so an interrupted build leaves whole files behind.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from toolkit import TEMPLATES
from toolkit.errors import Diagnostic, Position
from toolkit.pipeline import manifest as manifest_file
from toolkit.pipeline.atomic import write_atomic
from toolkit.pipeline.fingerprint import combine, file_digest, inputs, reasons, tree_digests
from toolkit.pipeline.jobs import FORMATS, Format, Job, accepted, plan, select, unmatched
from toolkit.pipeline.lock import locked
from toolkit.pipeline.manifest import Entry
from toolkit.pipeline.worker import Rendered, ignore_interrupts, interrupts_held, render
from toolkit.sources.grid_cache import GridCache
from toolkit.model.build import LoadedMeeting, load



@dataclass
class Options:
    formats: tuple[Format, ...] = FORMATS
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    only: tuple[str, ...] = ()
    templates: Path = TEMPLATES


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, list[Diagnostic]] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    warnings: list[Diagnostic | str] = field(default_factory=list)  # printed by errors.shown
    seconds: float = 0.0

    def shared_reason(self) -> str | None:
        """What made every document rebuilt when it was not their content (the fonts, the templates, the
        toolkit changed): one line in the normal output, since it explains a long build."""
        if len(self.built) < 2:
            return None
        each = [set(self.reasons[output].split("; ")) for output in self.built]
        shared = set.intersection(*each) - {"new document", "the output was missing", "the output was changed on disk"}
        shared = {why for why in shared if not why.startswith("content changed")}
        return "; ".join(sorted(shared)) or None


@dataclass(frozen=True)
class _Unit:
    job: Job
    fmt: str
    inputs: dict[str, str]
    fingerprint: str
    reason: str
    size: int  # length of the model's repr: a measure of the work


def check(meeting_dir: Path) -> LoadedMeeting:
    """Validates the meeting; raises SourceError listing every problem."""
    return load(meeting_dir)


def build(meeting_dir: Path, out_dir: Path, options: Options | None = None,
          progress: Callable[[int, int, str], None] | None = None) -> BuildReport:
    """progress(done, total, output) is called as each output is rendered."""
    options = options or Options()
    started = time.perf_counter()
    grids = GridCache(out_dir)
    loaded = load(meeting_dir, grids)
    jobs = plan(loaded)
    selected = select(jobs, options.only)
    wrong = unmatched(jobs, options.only)
    if wrong:
        # A mistyped option, not a problem of the sources: exit 2, with what was likely meant and what would match.
        from toolkit.suggest import did_you_mean

        names = accepted(jobs)
        raise click.UsageError("\n".join(
            f"--only {o}: no document or agenda item of the meeting matches{did_you_mean(o, names)}" for o in wrong)
            + f"\n--only accepts {', '.join(names)}")
    report = BuildReport(warnings=list(loaded.diagnostics.warnings))
    with locked(out_dir):
        _remove_stale_temporaries(out_dir)
        grids.flush()  # the sources are valid: keep the workbooks read for the next build
        manifest, warning = manifest_file.read(out_dir)
        if warning:
            report.warnings.append(f"warning: {warning}")
        units = _decide(loaded, selected, options, out_dir, manifest, report)
        if not options.only:
            _remove_deleted(jobs, out_dir, manifest, report)
        try:
            drafts = []
            for done, (unit, rendered) in enumerate(_run(units, options, loaded.root, out_dir), 1):
                if progress:
                    progress(done, len(units), rendered.output)
                if rendered.draft is not None:  # written once its contents page numbers are settled
                    drafts.append((unit, rendered))
                    continue
                _accept(unit, rendered, out_dir, manifest, report)
            _settle_docx(drafts, out_dir, manifest, report)
            if any(unit.fmt == "pdf" for unit in units):
                from toolkit.render.warnings import missing_subsetter

                said = missing_subsetter()
                if said:
                    report.warnings.append(said)
        finally:
            try:
                manifest_file.write(out_dir, manifest)
            except OSError as exc:  # the next build then rebuilds what it cannot vouch for
                report.warnings.append(f"warning: cannot write {out_dir / manifest_file.MANIFEST}: "
                                       f"{exc.strerror or exc}")
    report.seconds = time.perf_counter() - started
    return report


def stale(loaded: LoadedMeeting, jobs: list[Job], options: Options, out_dir: Path) -> list[str]:
    """The outputs of these jobs that a build would write now: missing, changed on disk or out of date."""
    manifest, _ = manifest_file.read(out_dir)
    units = _decide(loaded, jobs, options, out_dir, manifest, BuildReport())
    return sorted(unit.job.output(unit.fmt) for unit in units)


def _decide(loaded, selected, options, out_dir, manifest, report) -> list[_Unit]:
    all_templates = tree_digests(options.templates)
    digests: dict[str, str] = {}  # meeting.yaml and each note are sources of many documents: hash once
    units = []
    for job in selected:
        model = job.model_repr()
        sources = {}
        for name in job.sources:
            if name not in digests:
                digests[name] = file_digest(loaded.root / name)
            sources[name] = digests[name]
        for fmt in (f for f in options.formats if f in job.formats):
            named = inputs(model, fmt, _templates_for(job, fmt, all_templates), sources, job.uses_office(fmt))
            fingerprint = combine(named)
            output = job.output(fmt)
            old = manifest.outputs.get(output)
            path = out_dir / output
            present = path.is_file()
            if old and old.fingerprint == fingerprint and present and file_digest(path) == old.sha256:
                report.unchanged.append(output)
                continue
            why = reasons(old.inputs if old else None, named)
            if not why:
                why = ["the output was missing" if not present else "the output was changed on disk"]
            units.append(_Unit(job, fmt, named, fingerprint, "; ".join(why), len(model)))
    # Largest first: the long documents start early and the workers finish together.
    units.sort(key=lambda u: -u.size)
    return units


def _templates_for(job: Job, fmt: str, templates: dict[str, str]) -> dict[str, str]:
    """The DOCX is styled by the reference .docx alone; the PDF by everything else. A corrigendum's
    lines are counted on the PDF layout: both its formats depend on every template."""
    if fmt == "docx" and job.count is None:
        return {name: digest for name, digest in templates.items() if name.endswith(".docx")}
    return {name: digest for name, digest in templates.items() if not name.endswith(".docx")}


def _run(units: list[_Unit], options: Options, root: Path, out_dir: Path):
    """Renders the units, a document's formats together in one worker call; yields (unit, rendered)."""
    if not units:
        return
    by_job: dict[str, list[_Unit]] = {}
    for unit in units:  # units come largest document first; dicts keep that order
        by_job.setdefault(unit.job.name, []).append(unit)
    work = []
    for group in by_job.values():
        group.sort(key=lambda u: FORMATS.index(u.fmt))  # PDF first
        job = group[0].job
        formats = tuple(u.fmt for u in group)
        existing = out_dir / job.output("pdf")
        existing_pdf = existing.read_bytes() if "pdf" not in formats and existing.is_file() else None
        work.append((job, formats, options.templates, root, existing_pdf))
    by_output = {u.job.output(u.fmt): u for u in units}
    import toolkit.render.pdf  # noqa: F401  (imported once here, inherited by forked workers)

    if options.jobs <= 1 or len(work) == 1:
        for item in work:
            for rendered in render(item):
                yield by_output[rendered.output], rendered
        return
    # ProcessPoolExecutor, not multiprocessing.Pool: a worker that dies (killed, out of
    # memory) breaks the executor loudly instead of leaving the build waiting forever.
    executor = ProcessPoolExecutor(min(options.jobs, len(work)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=ignore_interrupts)
    try:
        with interrupts_held():  # the workers are forked at the first submit
            futures = [executor.submit(render, item) for item in work]
        for future in as_completed(futures):
            for rendered in future.result():
                yield by_output[rendered.output], rendered
    except BaseException:
        _stop(executor)  # Ctrl-C or a failure: stop the workers; written files stay whole
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    executor.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.terminate()


def _settle_docx(drafts: list[tuple[_Unit, Rendered]], out_dir: Path, manifest, report: BuildReport) -> None:
    """All DOCX contents laid out together by LibreOffice (one start-up), then written."""
    if not drafts:
        return
    from toolkit.errors import Diagnostics
    from toolkit.render.docx import settle

    diags = Diagnostics()
    settle([rendered.draft for _, rendered in drafts], diags)
    report.warnings.extend(diags.items)
    for unit, rendered in drafts:
        rendered.data = rendered.draft.docx
        _accept(unit, rendered, out_dir, manifest, report)


def _accept(unit: _Unit, rendered: Rendered, out_dir: Path, manifest, report: BuildReport) -> None:
    errors = [d for d in rendered.diagnostics if d.severity == "error"]
    report.warnings.extend(d for d in rendered.diagnostics if d.severity != "error")
    if rendered.data is None or errors:
        report.failed[rendered.output] = errors
        return  # the previous output and its manifest entry stay as they were
    path = out_dir / rendered.output
    try:
        write_atomic(path, rendered.data)
    except OSError as exc:  # disk full, read-only folder: this output failed, its old version stands
        report.failed[rendered.output] = [Diagnostic(Position(str(path.absolute()), 1),
                                                     f"cannot write {path}: {exc.strerror or exc}")]
        return
    manifest.outputs[rendered.output] = Entry(
        document=unit.job.name, kind=unit.job.kind, sha256=hashlib.sha256(rendered.data).hexdigest(),
        pages=rendered.pages, sources=list(unit.job.sources), fingerprint=unit.fingerprint,
        inputs=unit.inputs, reason=unit.reason)
    report.built.append(rendered.output)
    report.reasons[rendered.output] = unit.reason


def _remove_deleted(jobs: list[Job], out_dir: Path, manifest, report: BuildReport) -> None:
    """Outputs of documents that no longer exist (a deleted note) are removed."""
    names = {job.name for job in jobs}
    for output, entry in sorted(manifest.outputs.items()):
        if entry.document not in names:
            (out_dir / output).unlink(missing_ok=True)
            del manifest.outputs[output]
            report.removed.append(output)


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files left by a build that was killed (never by a running one: we hold the lock)."""
    for temp in out_dir.glob(".*.tmp"):
        temp.unlink(missing_ok=True)
