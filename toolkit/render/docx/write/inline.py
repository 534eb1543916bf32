"""Inline model nodes -> w:r runs in character styles (and w:hyperlink, footnote calls).

The look of emphasis, links and footnote calls comes from character styles of the
reference document. The one property set on runs directly is the East Asian font and
language of CJK runs, as Word itself does when someone types Korean or Japanese: it
picks the face that draws Han characters the Korean, Japanese or Chinese way; and
w:noProof on the words a line's end never divides (render/hyphenation.py: names, months,
numbers, symbols). OOXML has no run property "do not hyphenate" (only the paragraph's
w:suppressAutoHyphens, and doNotHyphenateCaps for words in capitals). Word hyphenates no
text marked "Do not check spelling or grammar" (w:noProof); LibreOffice 7.4 ignores
w:noProof but hyphenates no text of the language "zxx" (no linguistic content), so a word
in the document's language is marked both. A word in a language of its own (Russian,
Korean) keeps its language, for screen readers: Word keeps it whole, LibreOffice may not.
The price: Word does not spell-check these words.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Protocol

from lxml import etree

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from toolkit.model.document import (Code, Emphasis, FootnoteRef, Inline, LineBreak, Link, Ref, Strong, TableNoteRef,
                                    Text, Tracked)
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.write.fields import field, ref_instruction
from toolkit.render.docx.oxml.ooxml import el, run
from toolkit.render.docx.oxml.revisions import RevisionMarks
from toolkit.render.docx.oxml.styles import StyleMap
from toolkit.render.hyphenation import pieces

# The faces of templates/note.css, for the same languages.
CJK_FONTS = {"ko": "Noto Serif CJK KR", "ja": "Noto Serif CJK JP", "zh-CN": "Noto Serif CJK SC",
             "zh-TW": "Noto Serif CJK TC"}
# LibreOffice hyphenates no text of this language (ISO 639 "no linguistic content"), and reads no
# w:noProof: the language is what keeps a name whole there.
NO_HYPHENATION_LANGUAGE = "zxx"
# Word wants a region with the language (it maps "ko" to nothing).
WORD_LANGUAGES = {"ko": "ko-KR", "ja": "ja-JP", "zh-CN": "zh-CN", "zh-TW": "zh-TW", "en": "en-GB", "fr": "fr-FR",
                  "ru": "ru-RU", "mn": "mn-MN"}


class FootnoteSink(Protocol):
    def reference(self, number: int) -> etree._Element: ...


def word_language(tag: str) -> str:
    if tag in WORD_LANGUAGES:
        return WORD_LANGUAGES[tag]
    if "-" in tag:
        return tag
    raise ValueError(f"no Word language for {tag!r}: add it to WORD_LANGUAGES")


def language_properties(lang: str) -> list[etree._Element]:
    """A run's language (read aloud and spell-checked in it); a CJK run's East Asian face too."""
    if lang in CJK_FONTS:
        return cjk_properties(lang)
    return [el("w:lang", {"w:val": word_language(lang)})]


def cjk_properties(lang: str) -> list[etree._Element]:
    if lang not in CJK_FONTS:
        raise ValueError(f"the DOCX renderer has no East Asian font for language {lang!r}")
    return [el("w:rFonts", {"w:eastAsia": CJK_FONTS[lang], "w:hint": "eastAsia"}),
            el("w:lang", {"w:eastAsia": word_language(lang)})]


def whole_words(words: str, style: str | None, extra: list[etree._Element] | None = None) -> list[etree._Element]:
    """Runs of `words`, those a line's end never divides in runs of their own: marked w:noProof
    (Word) and, in the document's language, of language "zxx" (LibreOffice)."""
    extra = list(extra or [])
    own_language = any(e.tag == qn("w:lang") and e.get(qn("w:val")) for e in extra)
    out = []
    for piece, whole in pieces(words) or [(words, False)]:
        props = extra
        if whole:  # CT_RPr order: rFonts, noProof, ..., lang
            fonts = [e for e in extra if e.tag == qn("w:rFonts")]
            rest = [e for e in extra if e.tag != qn("w:rFonts")]
            if not own_language:
                rest = [e for e in rest if e.tag != qn("w:lang")] + [_no_language(extra)]
            props = fonts + [el("w:noProof")] + rest
        out.append(run(piece, style, [deepcopy(e) for e in props]))
    return out


def _no_language(extra: list[etree._Element]) -> etree._Element:
    """w:lang "zxx" (no linguistic content) for the run's Latin text, its East Asian language kept."""
    node = el("w:lang", {"w:val": NO_HYPHENATION_LANGUAGE})
    for e in extra:
        if e.tag == qn("w:lang") and e.get(qn("w:eastAsia")):
            node.set(qn("w:eastAsia"), e.get(qn("w:eastAsia")))
    return node


class InlineWriter:
    """Turns inline content into runs for one part (the body, a footnote, a header).

    `part` receives the relationships of external links; `footnotes` creates real
    footnotes for first calls, and is None where Word allows none (in the contents).
    `revisions` (revisions.py) marks Tracked content, in a revision's tracked-changes DOCX only.
    """

    def __init__(self, styles: StyleMap, part: Part, footnotes: FootnoteSink | None,
                 revisions: RevisionMarks | None = None):
        self.styles = styles
        self.part = part
        self.footnotes = footnotes
        self.revisions = revisions

    def __call__(self, content: tuple[Inline, ...]) -> list[etree._Element]:
        out: list[etree._Element] = []
        for node in content:
            out.extend(self._node(node, frozenset()))
        return out

    def _style(self, marks: frozenset[str]) -> str | None:
        # One run carries one character style: emphasis outranks the (plain) link style.
        if {"em", "strong"} <= marks:
            return self.styles.char(S.STRONG_EMPHASIS)
        if "strong" in marks:
            return self.styles.char(S.STRONG)
        if "em" in marks:
            return self.styles.char(S.EMPHASIS)
        if "link" in marks:
            return self.styles.char(S.HYPERLINK)
        return None

    def _node(self, node: Inline, marks: frozenset[str]) -> list[etree._Element]:
        if isinstance(node, Text):
            extra = language_properties(node.lang) if node.lang else []
            return whole_words(node.text, self._style(marks), extra)
        if isinstance(node, Emphasis):
            return [r for child in node.children for r in self._node(child, marks | {"em"})]
        if isinstance(node, Strong):
            return [r for child in node.children for r in self._node(child, marks | {"strong"})]
        if isinstance(node, Code):
            return [run(node.text, self.styles.char(S.CODE))]
        if isinstance(node, Link):
            r_id = self.part.relate_to(node.url, RT.HYPERLINK, is_external=True)
            link = el("w:hyperlink", {"r:id": r_id})
            for child in node.children:
                for item in self._node(child, marks | {"link"}):
                    link.append(item)
            return [link]
        if isinstance(node, LineBreak):
            return [run(el("w:br"))]
        if isinstance(node, FootnoteRef):
            if node.first and self.footnotes is not None:
                return [self.footnotes.reference(node.number)]
            # A repeated call: Word cannot point twice at one footnote, so the call is
            # the footnote's number in the Footnote Reference style, as printed.
            return [run(str(node.number), self.styles.char(S.FOOTNOTE_REFERENCE))]
        if isinstance(node, Ref):
            style = self._style(marks)
            if node.anchor is None:  # the target is not in this document: plain words
                return whole_words(node.text, style)
            # "paragraph " REF(12) " of annex II": the field's cached result is the model's number,
            # shown on opening; updating fields renumbers it after an edit.
            out = ([run(node.words, style)] if node.words else []) + [
                *field(ref_instruction(node.kind, node.anchor), [run(node.number, style)])]
            return out + ([run(node.after, style)] if node.after else [])
        if isinstance(node, TableNoteRef):
            return [run(node.letter, self.styles.char(S.FOOTNOTE_REFERENCE))]
        if isinstance(node, Tracked):
            if self.revisions is None:
                raise TypeError("tracked changes are written only into a tracked-changes DOCX")
            return self.revisions.wrap(node.change, [r for child in node.children for r in self._node(child, marks)])
        raise TypeError(f"the DOCX renderer has no rule for {type(node).__name__}")

