"""An attached .docx -> its body (paragraphs and tables), cleaned of what must not travel into ours.

The copy keeps what the source shows: text, direct formatting, tables, pictures, tracked
changes and field results. It records what only our document can settle (place.py):
styles by name, list definitions, and each picture part or link behind an r: attribute,
whose value becomes a token. It leaves out what belongs to the source file or would fetch
or run something: sections (headers, footers, page setup), footnotes and comments, charts
and other embedded parts, links that are not http(s) or mailto, fields that include files
or would list our whole document (a contents); `WordBody.notes` says what went.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from toolkit.render.docx.oxml.ooxml import R, W
from toolkit.render.docx.attached.fields import remove, safe_url, unfield, unwrap
from toolkit.render.docx.attached.lists import SourceList, SourceStyle, read_lists, read_styles

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFFICE = "urn:schemas-microsoft-com:office:office"
VML = "urn:schemas-microsoft-com:vml"
# Wrappers around content (content controls, custom XML, smart tags): their content is kept,
# unwrapped, since what they add is editing behaviour or a role in the source (a "Table of
# Contents" control that, without its field, LibreOffice would not show).
WRAPPERS = {"sdt": "sdtContent", "customXml": None, "smartTag": None}
WRAPPER_PROPERTIES = ("sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr")
# Marks of the source's own apparatus: their targets (notes, comments, sections) stay behind.
# webHidden (hidden in Word's web view only) goes too: LibreOffice hides such text in print.
SOURCE_ONLY = ("sectPr", "footnoteReference", "endnoteReference", "commentRangeStart", "commentRangeEnd",
               "commentReference", "dataBinding", "webHidden")
# What is lost with a dropped part, in the drafter's words.
PART_WORDS = {"chart": "charts", "oleObject": "embedded objects", "package": "embedded documents",
              "diagramData": "SmartArt diagrams", "aFChunk": "imported content", "control": "form controls",
              "subDocument": "subdocuments"}


class WordSourceError(Exception):
    """The file cannot be read as a Word document; the message says why."""


@dataclass(frozen=True)
class Resource:
    """What a token stands for: a picture part to copy (blob), or an external target (url)."""

    reltype: str
    blob: bytes | None = None
    content_type: str | None = None
    extension: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class WordBody:
    """Plain data (XML as bytes), so it can cross to another process with a DOCX draft."""

    blocks: tuple[bytes, ...]  # each a w:p or w:tbl
    styles: dict[str, SourceStyle]  # source styleId -> its name and what we keep of its look
    lists: dict[str, SourceList]  # source numId -> its definition
    resources: dict[str, Resource]  # token (an r: attribute's new value) -> what it refers to
    notes: tuple[str, ...]  # what was left out, for the drafter


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname


def _top(node: etree._Element) -> etree._Element:
    """The outermost ancestor: the block, unless the node has been dropped with a holder."""
    top = node
    for top in node.iterancestors():  # noqa: B007 (the loop leaves the last ancestor in top)
        pass
    return top


def _unwrap_content(wrapper: etree._Element) -> None:
    inner = WRAPPERS[_local(wrapper)]
    holder = wrapper.find(qn(f"w:{inner}")) if inner else wrapper
    for props in list(wrapper):
        if _local(props) in WRAPPER_PROPERTIES:
            wrapper.remove(props)
    if holder is not None and holder is not wrapper:
        unwrap(holder)
    unwrap(wrapper)


def _content(body: etree._Element) -> list[etree._Element]:
    """The paragraphs and tables of the body, those inside body-level wrappers included."""
    found = []
    for child in body:
        if not isinstance(child.tag, str) or etree.QName(child).namespace != W:
            continue
        local = _local(child)
        if local in ("p", "tbl"):
            found.append(child)
        elif local in WRAPPERS:
            inner = child.find(qn(f"w:{WRAPPERS[local]}")) if WRAPPERS[local] else child
            found += _content(inner) if inner is not None else []
    return found


def read_word(data: bytes) -> WordBody:
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # python-docx: "file '...' is not a Word file, content type is '...'"
        if "macroEnabled" in str(exc):
            raise WordSourceError("is a Word file with macros; save it as a Word document (.docx), which has "
                                  "none") from exc
        raise WordSourceError(f"is not a readable Word document ({str(exc).split(', ')[-1]})") from exc
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise WordSourceError(f"is not a readable Word document ({type(exc).__name__}: {exc})") from exc
    return _Cleaner(document).body()


class _Cleaner:
    def __init__(self, document) -> None:
        self.part = document.part
        self.root = document.element
        self.notes: dict[str, None] = {}  # ordered, without repeats
        self.resources: dict[str, Resource] = {}
        self.tokens: dict[tuple[str, str], str] = {}  # (reltype, part name or url) -> token

    def related(self, reltype: str) -> etree._Element | None:
        rel = next((r for r in self.part.rels.values() if r.reltype == reltype and not r.is_external), None)
        return rel.target_part.element if rel is not None else None

    def body(self) -> WordBody:
        blocks = [copy.deepcopy(child) for child in _content(self.root.body)]
        if self.root.body.find(qn("w:altChunk")) is not None:  # content imported from another file
            self.notes["imported content (altChunk) is left out of the DOCX"] = None
        ignorable = self._ignorable()
        for block in blocks:
            self._resolve_alternates(block)
            for wrapper in list(block.iter(*(qn(f"w:{tag}") for tag in WRAPPERS))):
                _unwrap_content(wrapper)
            self._strip(block, ignorable)
        for reason in unfield(blocks):
            self.notes[reason] = None
        self._relationships(blocks)
        styles = read_styles(self.related(RT.STYLES))
        lists = read_lists(self.related(RT.NUMBERING), styles, blocks)
        for block in blocks:
            etree.cleanup_namespaces(block)  # the source root's declarations that nothing uses any more
        return WordBody(tuple(etree.tostring(b) for b in blocks), styles, lists, self.resources, tuple(self.notes))

    # ---- markup of the source's own --------------------------------------------

    def _ignorable(self) -> set[str]:
        """Namespaces the source marks ignorable (w14 ids, w15 extras): readers may skip them,
        and our document does not declare them so, so they are left out."""
        prefixes = (self.root.get(f"{{{MC}}}Ignorable") or "").split()
        return {self.root.nsmap[p] for p in prefixes if p in self.root.nsmap}

    @staticmethod
    def _resolve_alternates(block: etree._Element) -> None:
        """mc:AlternateContent -> its fallback (the form every Word and LibreOffice reads):
        a choice needs its namespaces declared as the source root did, which ours does not."""
        while (alternate := next(block.iter(f"{{{MC}}}AlternateContent"), None)) is not None:
            chosen = alternate.find(f"{{{MC}}}Fallback")
            if chosen is None:
                chosen = alternate.find(f"{{{MC}}}Choice")
            parent = alternate.getparent()
            index = parent.index(alternate)
            parent[index:index + 1] = list(chosen) if chosen is not None else []

    def _strip(self, block: etree._Element, ignorable: set[str]) -> None:
        for node in list(block.iter()):
            if not isinstance(node.tag, str):  # comments and processing instructions
                remove(node)
                continue
            name = etree.QName(node)
            if name.namespace in ignorable or (name.namespace == W and name.localname in SOURCE_ONLY):
                if name.localname in ("footnoteReference", "endnoteReference"):
                    self.notes["its footnotes and endnotes are not carried into the DOCX"] = None
                remove(node)
                continue
            for attr in list(node.attrib):
                qname = etree.QName(attr)
                # rsids point into the source's settings; o:href names a file on the author's disk;
                # a VML shape's own link or picture address is outside the relationships
                if (qname.namespace in ignorable or (qname.namespace == W and qname.localname.startswith("rsid"))
                        or (qname.namespace == OFFICE and qname.localname == "href")
                        or (name.namespace == VML and attr in ("href", "src") and not safe_url(node.get(attr)))):
                    del node.attrib[attr]

    # ---- relationships ------------------------------------------------------------

    def _relationships(self, blocks: list[etree._Element]) -> None:
        roots = set(blocks)
        found = [(node, attr) for block in blocks for node in block.iter()
                 if isinstance(node.tag, str) for attr in node.attrib if attr.startswith(f"{{{R}}}")]
        for node, attr in found:
            if _top(node) not in roots:  # an earlier reference dropped what holds this one
                continue
            rel = self.part.rels.get(node.get(attr))
            if rel is None:
                self._drop(node, "references to parts that are missing")
            elif rel.is_external:
                self._external(node, attr, rel.reltype, rel.target_ref)
            elif rel.reltype == RT.IMAGE:
                target = rel.target_part
                node.set(attr, self._token(Resource(rel.reltype, target.blob, target.content_type,
                                                    target.partname.ext), str(target.partname)))
            elif etree.QName(node).localname == "OLEObject" and etree.QName(node).namespace == OFFICE:
                # The object's picture (a VML shape beside it) stays; the editable object cannot.
                holder = next((a for a in node.iterancestors(qn("w:object"))), None)
                remove(node)
                if holder is not None:
                    holder.tag = qn("w:pict")
                    holder.attrib.clear()
                self.notes["embedded objects are kept as their pictures only"] = None
            else:
                kind = rel.reltype.rsplit("/", 1)[-1]
                self._drop(node, f"{PART_WORDS.get(kind, 'parts of type ' + kind)} are left out of the DOCX")

    def _external(self, node: etree._Element, attr: str, reltype: str, url: str) -> None:
        kept = safe_url(url) if reltype == RT.HYPERLINK else reltype == RT.IMAGE and safe_url(url, web_only=True)
        if kept:
            node.set(attr, self._token(Resource(reltype, url=url), url))
        elif reltype == RT.HYPERLINK:
            self._drop(node, "links that are not http(s) or mailto are kept as plain text", link=True)
        elif reltype == RT.IMAGE and etree.QName(attr).localname == "link" and node.get(qn("r:embed")):
            del node.attrib[attr]  # a linked picture that also has its own copy keeps the copy
        else:
            self._drop(node, "pictures and objects linked to files outside the web are left out")

    def _token(self, resource: Resource, where: str) -> str:
        key = (resource.reltype, where)
        if key not in self.tokens:
            self.tokens[key] = f"toolkitAttached{len(self.tokens) + 1}"
            self.resources[self.tokens[key]] = resource
        return self.tokens[key]

    def _drop(self, node: etree._Element, why: str, link: bool = False) -> None:
        """A link goes alone (a w:hyperlink's text stays, a picture's link goes, not the
        picture); anything else goes with the drawing that holds it."""
        self.notes[why] = None
        if etree.QName(node).namespace == W and _local(node) == "hyperlink":
            unwrap(node)
            return
        if link or _local(node).startswith("hlink"):  # DrawingML's a:hlinkClick on a picture
            remove(node)
            return
        holders = [a for a in (node, *node.iterancestors()) if etree.QName(a).namespace == W
                   and _local(a) in ("drawing", "pict", "object")]
        remove(holders[0] if holders else node)
