"""Typed look-ups in YAML mappings -> values or one error each, naming the line."""

from __future__ import annotations

import datetime as dt
import re

from toolkit.suggest import did_you_mean
from toolkit.errors import Diagnostics
from toolkit.sources import placeholders
from toolkit.sources.yamlfile import Map, Seq, Str

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def check_keys(data: Map, allowed: set[str], diags: Diagnostics, where: str) -> None:
    for key in data:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            diags.error(data.key_pos[key], f"unknown key {str(key)!r} in {where} (known keys: {known})"
                                           f"{did_you_mean(str(key), allowed)}")


def _missing(data: Map, key: str, diags: Diagnostics, required: bool) -> bool:
    if key in data:
        return False
    if required:
        diags.error(data.pos, f"missing required key {key!r}")
    return True


def string(data: Map, key: str, diags: Diagnostics, required: bool = False) -> Str | None:
    if _missing(data, key, diags, required):
        return None
    value = data[key]
    if not isinstance(value, Str):
        diags.error(value.pos, f"{key!r} must be text, not a list or mapping")
        return None
    if not value.strip():
        if required:
            diags.error(value.pos, f"{key!r} is empty")
        return None
    if placeholders.is_placeholder(value):
        diags.error(value.pos, placeholders.message(key, value))
        return None
    return Str(value.strip(), value.pos, value.block, value.quoted)


def placeholder(data: Map, key: str) -> bool:
    """The value of `key` is a placeholder (reported by string()): a caller may go on checking the rest."""
    value = data.get(key)
    return isinstance(value, Str) and placeholders.is_placeholder(value)


def string_list(data: Map, key: str, diags: Diagnostics, required: bool = False) -> list[Str] | None:
    if _missing(data, key, diags, required):
        return None
    value = data[key]
    lines = [value] if isinstance(value, Str) else value
    if not isinstance(lines, list) or not all(isinstance(v, Str) for v in lines):
        diags.error(value.pos, f"{key!r} must be a list of lines of text")
        return None
    if required and not lines:
        diags.error(value.pos, f"{key!r} is empty")
        return None
    for line in lines:
        if placeholders.is_placeholder(line):
            diags.error(line.pos, placeholders.message(key, line))
    return [line for line in lines if not placeholders.is_placeholder(line)]


def mapping_list(data: Map, key: str, diags: Diagnostics, required: bool = False) -> list[Map] | None:
    if _missing(data, key, diags, required):
        return None
    value = data[key]
    if not isinstance(value, Seq):
        diags.error(value.pos, f"{key!r} must be a list (each entry starting with '- ')")
        return None
    good = []
    for entry in value:
        if isinstance(entry, Map):
            good.append(entry)
        else:
            diags.error(entry.pos, f"each entry of {key!r} must be a mapping of keys")
    if required and not value:
        diags.error(value.pos, f"{key!r} is empty")
    return good


def date(data: Map, key: str, diags: Diagnostics, required: bool = False) -> dt.date | None:
    value = string(data, key, diags, required)
    if value is None:
        return None
    match = _DATE.fullmatch(value)
    if not match:
        diags.error(value.pos, f"invalid date {str(value)!r}: write it as YYYY-MM-DD, e.g. 2023-10-06")
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        diags.error(value.pos, f"impossible date {str(value)!r}: {exc}")
        return None


def choice(data: Map, key: str, options: tuple[str, ...], default: str, diags: Diagnostics) -> str:
    value = string(data, key, diags)
    if value is None:
        return default
    for option in options:
        if value.lower() == option.lower():
            return option
    diags.error(value.pos, f"{key!r} must be one of {', '.join(options)}, not {str(value)!r}")
    return default
