"""A tagged PDF -> its structure tree as plain nodes with their text, for tests.

The text of a node is the text of the marked content its subtree owns: pdfplumber
gives each character its page and marked-content id (MCID), pikepdf the tree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pikepdf


@dataclass
class Node:
    role: str  # "H1", "LI", ...
    attrs: dict[str, object]  # ID, Alt, Lang, Scope, ActualText (as str)
    own: str  # text of the marked content the node holds itself
    kids: list[Node] = field(default_factory=list)
    page: int | None = None  # 0-based page of its first marked content, when it holds some

    @property
    def text(self) -> str:
        return self.own + "".join(kid.text for kid in self.kids)

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def find(self, role: str) -> list[Node]:
        return [node for node in self.walk() if node.role == role]


def structure(path: Path) -> Node:
    """The Document node (the root's only kid) of a tagged PDF."""
    texts: dict[tuple[int, int], str] = defaultdict(str)
    with pdfplumber.open(path) as plumbed:
        for index, page in enumerate(plumbed.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    texts[index, char["mcid"]] += char["text"]
    with pikepdf.open(path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot
        kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
        (document,) = [_node(kid, None, pages, texts) for kid in kids]
    return document


def _node(element, page, pages, texts) -> Node:
    if "/Pg" in element:
        page = pages.get(element.Pg.objgen, page)
    attrs = {key[1:]: str(element[key]) for key in ("/ID", "/Alt", "/Lang", "/ActualText") if key in element}
    a = element.get("/A")
    if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
        attrs["Scope"] = str(a.Scope)[1:]
    node = Node(str(element.S)[1:], attrs, "")
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, int):
            node.own += texts.get((page, kid), "")
            node.page = page if node.page is None else node.page
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            kid_page = pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page
            node.own += texts.get((kid_page, int(kid.MCID)), "")
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            node.kids.append(_node(kid, page, pages, texts))
    return node
