"""`{{ ... }}` in source text -> its value, in a sandbox where an unknown name is an error."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from toolkit.diagnostics import Diagnostics, Position


class ExpressionError(Exception):
    """Raised by functions offered to sources (e.g. annex()) for a bad argument."""


class Expressions:
    """Evaluates the Jinja expressions of one source file against the meeting's names."""

    def __init__(self, names: Mapping[str, object]):
        self.env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                                 keep_trailing_newline=True)
        self.names = dict(names)

    def render(self, text: str, pos: Position, diags: Diagnostics, source_line: str | None = None) -> str:
        if "{{" not in text and "{%" not in text and "{#" not in text:
            return text
        where = _column(pos, text, source_line)
        try:
            return self.env.from_string(text).render(self.names)
        except jinja2.TemplateSyntaxError as exc:
            line_pos = Position(pos.path, pos.line + (exc.lineno or 1) - 1, where.col if (exc.lineno or 1) == 1 else None)
            diags.error(line_pos, f"expression syntax error: {exc.message}")
        except jinja2.UndefinedError as exc:
            diags.error(where, f"unknown name in expression: {exc.message}")
        except SecurityError as exc:
            diags.error(where, f"expression not allowed: {exc}")
        except ExpressionError as exc:
            diags.error(where, str(exc))
        except (OverflowError, MemoryError, RecursionError):
            diags.error(where, "expression is too large to evaluate")
        except Exception as exc:  # any failure inside a user expression is the user's to fix
            diags.error(where, f"expression failed: {type(exc).__name__}: {exc}")
        return text


def _column(pos: Position, text: str, source_line: str | None) -> Position:
    if pos.col is not None or source_line is None:
        return pos
    index = source_line.find("{")
    return Position(pos.path, pos.line, index + 1 if index >= 0 else None)


def names_for(meeting_names: Mapping[str, object], note_names: Mapping[str, object],
              annex: Callable[[str], str]) -> dict[str, object]:
    return {"meeting": dict(meeting_names), "note": dict(note_names), "annex": annex}
