"""Every node of a kind in a piece of the model, in document order (for renderers' and tests' look-ups)."""

from __future__ import annotations

from collections.abc import Iterator
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
