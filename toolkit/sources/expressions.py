"""`{{ ... }}` in source text -> its value, in a sandbox where an unknown name is an error."""

from __future__ import annotations

import math
from collections.abc import Mapping

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from toolkit.suggest import did_you_mean
from toolkit.errors import Diagnostics, Position


# ref("x") and annex("x") print a mark that the reader turns into a Ref node, numbered later:
# private-use characters no source may hold (text.py refuses none, so the reader checks).
REF_MARK = ("\ue002", "\ue003")


def ref_mark(label: str, capital: bool = False) -> str:
    return f"{REF_MARK[0]}{'^' if capital else ''}{label}{REF_MARK[1]}"


class ExpressionError(Exception):
    """Raised by functions offered to sources (e.g. annex()) for a bad argument; because: the
    meeting-relative file whose own errors would explain it (an error there makes this one a consequence)."""

    def __init__(self, message: str, because: str | None = None):
        super().__init__(message)
        self.because = because


_LARGEST = 100_000  # digits of a power, or items of a repeated text or list: more is no document's figure


class _Bounded(ImmutableSandboxedEnvironment):
    """The sandbox, with `**` and `*` bounded: a source may compute with the figures it prints, but
    `{{ 9 ** 99999999 }}` or `{{ "x" * 10 ** 9 }}` would hold the build for minutes or fill the memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):  # type: ignore[no-untyped-def]
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(right) * math.log10(max(abs(left), 2)) > _LARGEST:  # the digits of the result
                raise OverflowError(f"{left} ** {right}")
        if operator == "*":
            sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
            counts = [v for v in (left, right) if isinstance(v, int)]
            if sized and counts and len(sized[0]) * counts[0] > _LARGEST:
                raise OverflowError("repeated text")
        return super().call_binop(context, operator, left, right)


class Expressions:
    """Evaluates the Jinja expressions of one source file against the meeting's names."""

    def __init__(self, names: Mapping[str, object]):
        self.names = dict(names)
        self.where: Position | None = None  # the text being rendered: for a function that records where it is called
        self.env = _Bounded(undefined=self._undefined_class(), autoescape=False,
                                                 keep_trailing_newline=True)

    def _undefined_class(self) -> type[jinja2.StrictUndefined]:
        names = self.names

        class Undefined(jinja2.StrictUndefined):
            """Says `meeting.chair is not defined` rather than Jinja's `'dict object' has no attribute`."""

            @property
            def _undefined_message(self) -> str:
                owner = next((key for key, value in names.items() if value is self._undefined_obj), None)
                name = self._undefined_name
                if self._undefined_hint is None and owner is not None:
                    known = names[owner] if isinstance(names[owner], Mapping) else ()
                    return f"{owner}.{name} is not defined{did_you_mean(str(name), known)}"
                if (self._undefined_hint is None and isinstance(name, str)
                        and self._undefined_obj is jinja2.utils.missing):
                    return f"{super()._undefined_message}{did_you_mean(name, names)}"
                return super()._undefined_message

        return Undefined

    def render(self, text: str, where: Position, diags: Diagnostics) -> str:
        """`where` is the position of the text's first expression (or of the text)."""
        if "{{" not in text and "{%" not in text and "{#" not in text:
            return text
        self.where = where
        try:
            return self.env.from_string(text).render(self.names)
        except jinja2.TemplateSyntaxError as exc:
            line_pos = Position(where.path, where.line + (exc.lineno or 1) - 1,
                                where.col if (exc.lineno or 1) == 1 else None)
            diags.error(line_pos, f"expression syntax error: {exc.message}")
        except jinja2.UndefinedError as exc:
            if "unsafe" in (exc.message or ""):  # the sandbox's refusal reads as undefined
                diags.error(where, f"expression not allowed: {exc.message}")
            else:
                diags.error(where, f"unknown name in expression: {exc.message}")
        except SecurityError as exc:
            diags.error(where, f"expression not allowed: {exc}")
        except ExpressionError as exc:
            if exc.because:
                diags.consequence(where, str(exc), exc.because)
            else:
                diags.error(where, str(exc))
        except (OverflowError, MemoryError, RecursionError):
            diags.error(where, "expression is too large to evaluate")
        except Exception as exc:  # any failure inside a user expression is the user's to fix
            diags.error(where, f"expression failed: {type(exc).__name__}: {exc}")
        return text



def meeting_names(meeting, wording=None) -> dict[str, str]:
    """What `{{ meeting.X }}` may name: the meeting's words, leaving out those it does not have;
    wording: a document in another language than the meeting's gets its translated words and dates."""
    words = meeting.words(wording.code) if wording is not None else None
    if words is None:
        names = {"title": meeting.title, "short_title": meeting.short_title, "dates": meeting.dates,
                 "venue": meeting.venue, "symbol": meeting.symbol}
    else:
        names = {"title": words.title, "short_title": words.short_title or meeting.short_title,
                 "dates": wording.date_range(meeting.start, meeting.end), "venue": words.venue,
                 "symbol": meeting.symbol}
    return {key: value for key, value in names.items() if value is not None}
