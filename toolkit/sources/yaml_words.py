"""A YAML syntax error -> where the mistake is (0-based line and column) and what it is, in plain words.

PyYAML reports where it gave up ("expected <block end>, but found '?'"), which for an
unclosed quote is where the next quote happens to be, lines later. The common mistakes
are recognised from the text itself and reported at the place to fix."""

from __future__ import annotations

import re

import yaml

_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[\w.-]+:(?:\s|$)")  # a line that starts with `key:` (or `- key:`)
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[^\s-])")


def explain(exc: yaml.MarkedYAMLError, text: str, line_offset: int = 0) -> tuple[int, int, str]:
    """line_offset: the file line before the text's first (front matter starts on line 2)."""
    lines = text.split("\n")
    problem = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    at = (mark.line, mark.column) if mark else (0, 0)

    quote = _unclosed_quote(text, exc)
    if quote is not None:
        return quote
    if exc.context_mark is not None:  # `-number: 1` opened a mapping where a list item was meant
        line = lines[exc.context_mark.line]
        dash = _DASH_NO_SPACE.match(line)
        if dash and not line.lstrip().startswith("---"):
            return exc.context_mark.line, len(dash.group(1)), ("a list item needs a space after its '-' (write '- ' "
                                                               "then the item)")
    context = exc.context or ""
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        line_no = exc.context_mark.line
        line = lines[line_no]
        colon = re.search(r":(?=\S)", line)
        if colon:
            return line_no, colon.end(), "a space is missing after ':' (write 'key: value')"
        return line_no, exc.context_mark.column, "this line has no ':' after its key (write 'key: value')"
    if "mapping values are not allowed here" in problem and mark is not None:
        line = lines[at[0]]
        above = _line_above(lines, at[0])
        indent = len(line) - len(line.lstrip(" "))
        if _KEY_LINE.match(line) and above is not None and indent > _indent(lines[above]) \
                and not lines[above].rstrip().endswith(":") and line.find(":") == at[1]:
            return at[0], indent, (f"this line is indented more than line {above + 1 + line_offset} above it, "
                                   "which already has its value: indent it as the key it belongs with")
        return at[0], at[1], "a ': ' inside a value (YAML reads it as a new key): put the whole value in quotes"
    if "expected ',' or ']'" in problem and exc.context_mark is not None:
        return exc.context_mark.line, exc.context_mark.column, "a '[' opened here is never closed by ']'"
    if "expected ',' or '}'" in problem and exc.context_mark is not None:
        return exc.context_mark.line, exc.context_mark.column, "a '{' opened here is never closed by '}'"
    if problem.startswith("expected <block end>") and mark is not None:
        line = lines[at[0]]
        before = line[:at[1]].rstrip()
        if before and before[-1] in "\"'":  # `venue: "Seoul" city`
            return at[0], at[1], ("text after the closing quote: put the whole value in quotes, or write it "
                                  "without them")
        above = _line_above(lines, at[0])
        if "block" in context and above is not None:
            return at[0], at[1], (f"this line is indented differently from the one above "
                                  f"(line {above + 1 + line_offset} starts at column {_indent(lines[above]) + 1}): "
                                  "indent it as the keys it belongs with")
    return at[0], at[1], f"YAML syntax error: {problem}"


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A quote left open: at the end of the file (the scanner says so), or closed only by the
    quote meant to open a later value, so that `key:` lines became part of the text."""
    if (exc.context or "").startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        return exc.context_mark.line, exc.context_mark.column, _QUOTE
    try:
        for token in yaml.scan(text, Loader=yaml.BaseLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line:
                inner = text[token.start_mark.index:token.end_mark.index].split("\n")[1:]
                if any(_KEY_LINE.match(line) for line in inner):
                    return token.start_mark.line, token.start_mark.column, _QUOTE
    except yaml.YAMLError:
        pass
    return None


_QUOTE = "a quote opened here is never closed: end the value with the same quote on this line"


def _line_above(lines: list[str], index: int) -> int | None:
    for above in range(index - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            return above
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
