"""Paragraphs quoting Chinese or Japanese in a justified style -> set flush left (w:jc left).

Word and LibreOffice justify Han characters and kana the East Asian way: a justified line's
spare width goes between every two of them as well as into its spaces, so a name quoted in
an English note (Kitakyushu (北九州市)) prints letter-spaced. LibreOffice does it for every
Chinese or Japanese character and exempts only Korean, whose words are spaced (lcl_AddSpace
in sw/source/core/text/portxt.cxx). No paragraph or run property justifies such a line by its
spaces alone, so the paragraph is set flush left, as layout.md allows; a Chinese document is
flush left throughout (reference/target.py). The PDF sets the same paragraphs flush left
(templates/note.css, `.ideographs`), though WeasyPrint would stretch only spaces: a paragraph
looks the same in both formats.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from copy import deepcopy

from lxml import etree

from docx.oxml.ns import qn

from toolkit.model.scripts import HAN_OR_KANA
from toolkit.render.docx.oxml.revisions import RevisionMarks

_JUSTIFIED = ("both", "distribute")
# CT_PPr children that come after w:jc (ECMA-376 schema order).
_AFTER_JC = {qn(f"w:{name}") for name in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl",
                                          "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}


def style_alignments(styles: etree._Element) -> tuple[dict[str, str | None], str | None]:
    """Each paragraph style's alignment, inherited along w:basedOn and from the document defaults
    (w:pPrDefault); and the default style's id."""
    base = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:jc')}")
    fallback = base.get(qn("w:val")) if base is not None else None
    own: dict[str, str | None] = {}
    parent: dict[str, str | None] = {}
    default = None
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        ident = style.get(qn("w:styleId"))
        jc = style.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        own[ident] = jc.get(qn("w:val")) if jc is not None else None
        based = style.find(qn("w:basedOn"))
        parent[ident] = based.get(qn("w:val")) if based is not None else None
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default = ident

    def resolve(ident: str | None, seen: frozenset[str] = frozenset()) -> str | None:
        if ident is None or ident not in own or ident in seen:  # a loop in basedOn ends the walk
            return fallback
        return own[ident] if own[ident] is not None else resolve(parent[ident], seen | {ident})

    return {ident: resolve(ident) for ident in own}, default


def flush_left_ideographs(styles: etree._Element, parts: Iterable[etree._Element],
                          house: Collection[str] | None = None, revisions: RevisionMarks | None = None) -> int:
    """Sets flush left every justified paragraph of `parts` (the body, the footnotes) that holds a
    Han character or kana; returns how many it set. house: only paragraphs in these style ids
    (the writer's own): an attached Word annex keeps its author's layout, as in its PDF, which
    LibreOffice makes from the same file. revisions: in a tracked-changes DOCX, a paragraph
    that quotes Chinese only before or only after the changes gets its alignment change
    tracked too (w:pPrChange), so rejecting every change gives the issued layout back."""
    alignments, default = style_alignments(styles)
    changed = 0
    for paragraph, (now, before) in _quoting(parts).items():
        props = paragraph.find(qn("w:pPr"))
        own = props.find(qn("w:jc")) if props is not None else None
        style = props.find(qn("w:pStyle")) if props is not None else None
        if house is not None and (style is None or style.get(qn("w:val")) not in house):
            continue
        named = style.get(qn("w:val")) if style is not None else None
        # a paragraph in a style the document lacks is in the default style, as Word shows it
        alignment = (own.get(qn("w:val")) if own is not None
                     else alignments.get(named if named in alignments else default))
        if alignment not in _JUSTIFIED:
            continue
        if props is None:
            props = etree.Element(qn("w:pPr"))
            paragraph.insert(0, props)
        old = _base_copy(props)
        if now:
            _set_alignment(props, "left")
            changed += 1
        if revisions is not None and now != before and not _whole_paragraph_tracked(props):
            if before:
                _set_alignment(old, "left")
            props.append(revisions.property_change(old))
    return changed


def _set_alignment(props: etree._Element, value: str) -> None:
    jc = props.find(qn("w:jc"))
    if jc is None:
        jc = etree.Element(qn("w:jc"))
        later = next((child for child in props if child.tag in _AFTER_JC), None)
        if later is None:
            props.append(jc)
        else:
            later.addprevious(jc)
    jc.set(qn("w:val"), value)


def _base_copy(props: etree._Element) -> etree._Element:
    """The paragraph's properties as w:pPrChange records them (no run, section or change marks)."""
    copy = etree.Element(qn("w:pPr"))
    for child in props:
        if child.tag not in (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")):
            copy.append(deepcopy(child))
    return copy


def _whole_paragraph_tracked(props: etree._Element) -> bool:
    """Inserted or deleted as a whole (its mark tracked): rejecting or accepting removes it."""
    mark = props.find(qn("w:rPr"))
    return mark is not None and (mark.find(qn("w:ins")) is not None or mark.find(qn("w:del")) is not None)


def _quoting(parts: Iterable[etree._Element]) -> dict[etree._Element, tuple[bool, bool]]:
    """The paragraphs whose own text (not a text box's inside them) has a Han character or kana, and
    whether it does after the tracked changes (inserted text and text kept) and before them (deleted
    text and text kept). Without tracked changes the two are the same."""
    found: dict[etree._Element, tuple[bool, bool]] = {}
    for part in parts:
        for node in part.iter(qn("w:t"), qn("w:delText")):
            if not node.text or not HAN_OR_KANA.search(node.text):
                continue
            paragraph = next(node.iterancestors(qn("w:p")), None)
            if paragraph is None:
                continue
            now, before = found.get(paragraph, (False, False))
            if node.tag == qn("w:delText"):
                before = True
            else:
                now = True
                before = before or next(node.iterancestors(qn("w:ins")), None) is None
            found[paragraph] = (now, before)
    return found
