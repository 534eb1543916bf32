"""A Note of the model -> HTML for WeasyPrint, through the sandboxed Jinja templates."""

from __future__ import annotations

import functools
import re
import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from toolkit.errors import Position
from toolkit.model.plain import attached_page
from toolkit.model.scripts import HAN_OR_KANA
from toolkit.render.table_breaks import is_short

from toolkit.model.document import (BulletList, Code, Emphasis, Figure, Footnote, FootnoteRef, Image, Inline,
                                    LineBreak, Link, Note, Paragraph, Ref, Strong, SubHeading, Table, TableNoteRef,
                                    Text, Tracked)

NOTE_TEMPLATE = "note.html"


# A document symbol in running text: ESCAP/NEASPEC/SOM(26)/4, A/HRC/55/1, E/ESCAP/80/L.1/Add.1.
_SYMBOL = re.compile(r"(?<![\w/.:&;-])[A-Z][A-Z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+")


def unbroken_symbols(text: Markup) -> Markup:
    """Each document symbol of an (escaped) text in a span no line's end breaks: a line breaker
    would end a line after any slash ("(ESCAP/" | "NEASPEC/SOM(26)/4)"); a UN symbol is read and
    searched as one word."""
    return Markup(_SYMBOL.sub(lambda m: f'<span class="symbol">{m.group()}</span>', str(text)))


class InlineHTML:
    """Inline model nodes -> HTML; first footnote calls carry the footnote text (CSS float: footnote)."""

    def __init__(self, footnotes: tuple[Footnote, ...]):
        self.footnotes = {f.number: f for f in footnotes}

    def __call__(self, content: tuple[Inline, ...]) -> Markup:
        return Markup("".join(self._node(node) for node in content))

    def _node(self, node: Inline) -> str:
        if isinstance(node, Text):
            text = unbroken_symbols(escape(node.text))
            return f'<span lang="{node.lang}">{text}</span>' if node.lang else str(text)
        if isinstance(node, Emphasis):
            return f"<em>{self(node.children)}</em>"
        if isinstance(node, Strong):
            return f"<strong>{self(node.children)}</strong>"
        if isinstance(node, Code):
            return f"<code>{escape(node.text)}</code>"
        if isinstance(node, Link):
            return f'<a href="{escape(node.url)}">{self(node.children)}</a>'
        if isinstance(node, LineBreak):
            return "<br>"
        if isinstance(node, FootnoteRef):
            if node.first:
                body = self(self.footnotes[node.number].content)
                return f'<span class="footnote" data-n="{node.number}" data-pdf-role="Note">{body}</span>'
            return f'<sup class="footnote-ref" data-pdf-role="Reference">{node.number}</sup>'
        if isinstance(node, Ref):  # the words decided by the model; a link when the target is here
            text = unbroken_symbols(escape(node.text))
            return f'<a class="ref" href="#{escape(node.anchor)}">{text}</a>' if node.anchor else str(text)
        if isinstance(node, TableNoteRef):
            return f'<sup class="table-note-ref">{escape(node.letter)}</sup>'
        if isinstance(node, Tracked):  # a merged note (tracked changes) shown as HTML marks it up
            tag = "ins" if node.change == "ins" else "del"
            return f"<{tag}>{self(node.children)}</{tag}>"
        raise TypeError(f"the HTML renderer has no rule for {type(node).__name__}")


def environment(templates: Path) -> jinja2.Environment:
    # Templates may be edited by a secretariat: sandboxed, strict, autoescaped.
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def quotes_ideographs(content: tuple[Inline, ...]) -> bool:
    """A paragraph quoting Chinese or Japanese (Kitakyushu (北九州市)) is set flush left, as in the DOCX,
    where Word and LibreOffice would letter-space its Han characters if justified
    (render/docx/write/ideographs.py): both formats set it alike."""
    for node in content:
        if HAN_OR_KANA.search(getattr(node, "text", "") or ""):
            return True
        if quotes_ideographs(tuple(getattr(node, "children", ()))):
            return True
    return False


def ending_with(title: Markup, after: Markup) -> Markup:
    """A contents entry's title with its leaders and page number (`after`) joined to its last word,
    in a span that never breaks: a wrapped entry carries them on its last line, after a word."""
    depth, cut = 0, -1
    for index, char in enumerate(title):
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
        elif char == " " and depth == 0:
            cut = index
    head, tail = title[:cut + 1], title[cut + 1:]
    if tail.count("</") * 2 != tail.count("<"):  # the last word closes an element it did not open
        return Markup(title + after)
    return Markup(f'{head}<span class="tail">{tail}{after}</span>')


def block_kind(block: object) -> str:
    for kind, cls in (("paragraph", Paragraph), ("bullets", BulletList), ("subheading", SubHeading),
                      ("table", Table), ("figure", Figure)):
        if isinstance(block, cls):
            return kind
    raise TypeError(f"the HTML renderer has no rule for {type(block).__name__}")


def runs(blocks) -> list[tuple[str, object]]:
    """A chapter's blocks -> (kind, block), with each run of numbered paragraphs as one
    ("paragraphs", [paragraph, ...]): the PDF tags such a run as a list."""
    out: list[tuple[str, object]] = []
    for block in blocks:
        numbered = isinstance(block, Paragraph) and block.number is not None
        if numbered and out and out[-1][0] == "paragraphs":
            out[-1][1].append(block)
        else:
            out.append(("paragraphs", [block]) if numbered else (block_kind(block), block))
    return out


class TemplateProblem(Exception):
    """A mistake in a (user) template: `position` names the template and its line."""

    def __init__(self, position: Position, message: str):
        super().__init__(message)
        self.position = position


def render_note_html(note: Note, env: jinja2.Environment, attached_pages: dict[str, int] | None = None,
                     meeting_root: Path | None = None) -> str:
    """attached_pages: annex anchor (or "document") -> how many pages its attached file has.
    meeting_root: where the pictures of figures are (read through the restricted fetcher)."""
    folder = Path(env.loader.searchpath[0]).name

    def image_url(image: Image) -> str:
        if meeting_root is None:
            raise TemplateProblem(Position(note.source, 1), "a figure's picture needs the meeting folder")
        return (meeting_root.resolve() / image.path).as_uri()

    try:
        template = env.get_template(NOTE_TEMPLATE)
        return template.render(note=note, inline=InlineHTML(note.footnotes), kind=block_kind, runs=runs,
                               quotes_ideographs=quotes_ideographs, ending_with=ending_with,
                               short_table=is_short,
                               attached_pages=attached_pages or {}, image_url=image_url,
                               attached_alt=functools.partial(attached_page, note.language_code))
    except jinja2.TemplateSyntaxError as exc:
        name = exc.name or NOTE_TEMPLATE
        raise TemplateProblem(Position(f"{folder}/{name}", exc.lineno or 1),
                              f"template syntax error: {exc.message}") from None
    except (jinja2.TemplateError, SecurityError) as exc:
        raise TemplateProblem(Position(f"{folder}/{NOTE_TEMPLATE}", _template_line(exc)),
                              f"template error: {exc}") from None


def _template_line(exc: BaseException) -> int:
    """The line of the template being run when it failed (Jinja keeps template frames)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(NOTE_TEMPLATE):
            return frame.lineno or 1
    return 1
