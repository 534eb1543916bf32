"""YAML text -> plain values (str, dict, list) that remember their line and column.

Every scalar stays a string (`NO`, `1.10`, `2023-10-06`): the schema, not YAML 1.1,
decides what a value means. Duplicate keys, tags and alias bombs are errors.
"""

from __future__ import annotations

import yaml

from toolkit.sources import spaces
from toolkit.errors import Diagnostics, Position
from toolkit.sources.yaml_words import explain

# A meeting.yaml has a few hundred values; aliases that expand past this are an attack.
MAX_VALUES = 20_000
_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class Str(str):
    """A string with the position of its first character."""

    pos: Position
    block: bool  # a '|' or '>' block: the text starts on the line after pos
    quoted: bool  # in quotes: the text starts one column after pos

    def __new__(cls, value: str, pos: Position, block: bool = False, quoted: bool = False) -> Str:
        obj = super().__new__(cls, value)
        obj.pos = pos
        obj.block = block
        obj.quoted = quoted
        return obj

    def __reduce__(self):  # crosses process boundaries as the plain string it is
        return (str, (str(self),))


class Map(dict):
    """A mapping with its own position and the position of each key."""

    def __init__(self, pos: Position):
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Position] = {}


class Seq(list):
    def __init__(self, pos: Position):
        super().__init__()
        self.pos = pos


Value = Str | Map | Seq


class _Budget(Exception):
    pass


def load(text: str, rel: str, diags: Diagnostics, line_offset: int = 0) -> Value | None:
    """Parse one YAML document; None when it is unusable (the problem is already reported)."""

    def pos(mark) -> Position:
        return Position(rel, mark.line + 1 + line_offset, mark.column + 1)

    if not spaces.yaml(text, rel, diags, line_offset):
        return None  # YAML's own message for these would point at the wrong thing, or at nothing

    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        line, col, said = explain(exc, text, line_offset)
        diags.error(Position(rel, line + 1 + line_offset, col + 1), said)
        return None
    except yaml.YAMLError as exc:
        diags.error(Position(rel, 1 + line_offset), f"YAML error: {exc}")
        return None
    except RecursionError:
        diags.error(Position(rel, 1 + line_offset), "YAML nesting is too deep")
        return None
    if node is None:  # an empty document is an empty mapping: required keys are then reported
        return Map(Position(rel, 1 + line_offset, 1))

    count = 0
    active: set[int] = set()

    def convert(n) -> Value:
        nonlocal count
        count += 1
        if count > MAX_VALUES:
            raise _Budget
        if n.tag not in _PLAIN_TAGS:
            diags.error(pos(n.start_mark), f"YAML tag {n.tag!r} is not allowed; write plain values")
        if id(n) in active:
            diags.error(pos(n.start_mark), "recursive YAML alias")
            return Str("", pos(n.start_mark))
        if isinstance(n, yaml.ScalarNode):
            return Str(n.value, pos(n.start_mark), n.style in ("|", ">"), n.style in ("'", '"'))
        active.add(id(n))
        try:
            if isinstance(n, yaml.SequenceNode):
                seq = Seq(pos(n.start_mark))
                seq.extend(convert(child) for child in n.value)
                return seq
            mapping = Map(pos(n.start_mark))
            for key_node, value_node in n.value:
                key = convert(key_node)
                if not isinstance(key, Str):
                    diags.error(pos(key_node.start_mark), "a key must be a plain word")
                    continue
                if key in mapping:
                    first = mapping.key_pos[key]
                    diags.error(key.pos, f"duplicate key {str(key)!r} (first given on line {first.line})")
                    continue
                mapping[Str(key, key.pos)] = convert(value_node)
                mapping.key_pos[str(key)] = key.pos
            return mapping
        finally:
            active.discard(id(n))

    try:
        return convert(node)
    except _Budget:
        diags.error(pos(node.start_mark),
                    f"the YAML expands to more than {MAX_VALUES} values (too many aliases?)")
        return None
    except RecursionError:
        diags.error(pos(node.start_mark), "YAML nesting is too deep")
        return None


def load_mapping(text: str, rel: str, diags: Diagnostics, what: str, line_offset: int = 0) -> Map | None:
    """A YAML document that must be a mapping of keys; anything else is reported as `what` must be one."""
    data = load(text, rel, diags, line_offset)
    if data is None:
        return None
    if not isinstance(data, Map):
        diags.error(data.pos, f"{what} must be a mapping of keys")
        return None
    return data
