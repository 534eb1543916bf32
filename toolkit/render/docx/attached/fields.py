"""Fields of an attached .docx -> live fields, or their shown result where updating them would harm.

A field is kept live unless updating it in our document would read another file or
program (INCLUDETEXT, LINK, a HYPERLINK to a file), or would list our whole document
instead of the attached one (a contents, an index): those keep the result last shown.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from docx.oxml.ns import qn
from lxml import etree

SAFE_SCHEMES = ("http", "https", "mailto")
# Fields that read other files or programs when Word updates them.
FETCHING_FIELDS = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE"}
# Fields that make or feed a contents or index of the whole document they are in.
WHOLE_DOCUMENT_FIELDS = {"TOC", "TC", "TOA", "TA", "INDEX", "XE"}


def safe_url(url: str, web_only: bool = False) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in (SAFE_SCHEMES[:2] if web_only else SAFE_SCHEMES)


def remove(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)


def unwrap(node: etree._Element) -> None:
    """Puts the children of `node` in its place."""
    parent = node.getparent()
    if parent is not None:
        index = parent.index(node)
        parent[index:index + 1] = list(node)


def unfield(blocks: list[etree._Element]) -> list[str]:
    """Fields that would read other files, or list our whole document once updated (a
    contents, an index), keep their last result as plain text. Returns why, once per reason."""
    reasons: dict[str, None] = {}
    for block in blocks:
        for simple in list(block.iter(qn("w:fldSimple"))):
            reason = _unfield_reason(simple.get(qn("w:instr"), ""))
            if reason:
                for data in simple.findall(qn("w:fldData")):
                    simple.remove(data)
                unwrap(simple)
                reasons[reason] = None
    stack: list[dict] = []  # open complex fields, innermost last
    for block in blocks:
        for node in list(block.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t"), qn("w:drawing"))):
            kind = node.get(qn("w:fldCharType")) if etree.QName(node).localname == "fldChar" else None
            if not stack and kind != "begin":
                continue
            for field in stack:  # a field's code goes with it, with any field nested in the code
                if field["separate"] is None:
                    field["code_nodes"].append(node)
            if kind == "begin":
                stack.append({"begin": node, "code": [], "code_nodes": [], "separate": None, "inner": []})
            elif kind == "separate":
                stack[-1]["separate"] = node
            elif kind == "end":
                field = stack.pop()
                # its markers and code; those of fields nested in its result (a contents' page
                # references) go if it goes, their results stay
                markers = [field["begin"], field["separate"], node, *field["code_nodes"], *field["inner"]]
                reason = _unfield_reason("".join(field["code"]))
                if reason:
                    for marker in markers:
                        if marker is not None:
                            remove(marker)
                    reasons[reason] = None
                elif stack:
                    stack[-1]["inner"].extend(markers)
            elif etree.QName(node).localname == "instrText" and stack[-1]["separate"] is None:
                stack[-1]["code"].append(node.text or "")
    return list(reasons)


def _unfield_reason(instruction: str) -> str | None:
    """Why a field with this instruction must become its shown result; None if it may stay."""
    words = instruction.split()
    keyword = words[0].upper() if words else ""
    fetches = keyword in FETCHING_FIELDS
    if keyword == "HYPERLINK":  # a target, quoted or bare; switches alone (\l) point inside
        target = re.match(r'\s*HYPERLINK\s+(?:"([^"]*)"|([^\s"\\]\S*))', instruction, re.IGNORECASE)
        fetches = target is not None and not safe_url(target.group(1) or target.group(2) or "")
    if fetches:
        return "fields that include other files keep only their shown result"
    if keyword in WHOLE_DOCUMENT_FIELDS:
        return "its contents and index fields are kept as shown (updated, they would list the whole note)"
    return None
