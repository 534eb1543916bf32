"""YAML text edited in place: the span of each value, so one value changes and every comment stays."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

_PLAIN = re.compile(r"[A-Za-z0-9(][^:#\n\"'\[\]{}]*[^:#\s\"'\[\]{}]|[A-Za-z0-9]")


@dataclass(frozen=True)
class Span:
    start: int  # index of the value's first character in the text (its quote, when quoted)
    end: int
    value: str
    line: int  # 1-based, in the text given to spans()
    block: bool  # a '|' or '>' block


def spans(text: str) -> dict[tuple[str, ...], Span]:
    """('participants', 'symbol') -> the span of that value; list entries are keyed by their index.
    Raises yaml.YAMLError for text that is not YAML."""
    root = yaml.compose(text, Loader=yaml.BaseLoader)
    found: dict[tuple[str, ...], Span] = {}

    def walk(node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.ScalarNode):
            found[path] = Span(node.start_mark.index, node.end_mark.index, node.value,
                               node.start_mark.line + 1, node.style in ("|", ">"))
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                walk(child, (*path, str(index)))
        elif isinstance(node, yaml.MappingNode):
            for key, child in node.value:
                if isinstance(key, yaml.ScalarNode):
                    walk(child, (*path, key.value))

    if root is not None:
        walk(root, ())
    return found


def scalar(value: str) -> str:
    """A value as YAML text: plain when it reads back the same, else double-quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in {"yes", "no", "true", "false", "null", "on", "off"}:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def replace(text: str, edits: list[tuple[Span, str]]) -> str:
    """Each span's text replaced by the given YAML text (already quoted as needed)."""
    for span, new in sorted(edits, key=lambda edit: edit[0].start, reverse=True):
        text = text[:span.start] + new + text[span.end:]
    return text
