"""Every node of a kind in a piece of the model, in document order (for renderers' and tests' look-ups)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

T = TypeVar("T")


def nodes(value: object, kind: type[T]) -> Iterator[T]:
    """Walks frozen model dataclasses and tuples of them depth first, field by field."""
    if isinstance(value, kind):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from nodes(item, kind)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from nodes(getattr(value, name), kind)


def transform(value: object, change: Callable[[object], object]) -> object:
    """The model with change() applied to every node and tuple, children first (frozen nodes are rebuilt)."""
    if isinstance(value, tuple):
        return change(tuple(transform(item, change) for item in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        updates = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            if isinstance(old, tuple) or dataclasses.is_dataclass(old):
                new = transform(old, change)
                if new is not old:
                    updates[f.name] = new
        value = replace(value, **updates) if updates else value
        return change(value)
    return value
