"""The shape of a checklist file, checked before the TOML parser sees it: values nested
too deep, keys too long or of too many parts, integers too long. One pass that skips
strings and comments, so a hostile file costs no more than reading it."""

from __future__ import annotations

from pathlib import Path

from app.core.checklists import Problem
from app.core.i18n import QT_TRANSLATE_NOOP as _N

MAX_KEY_PARTS = 8  # a.b.c…
MAX_KEY_LENGTH = 100
MAX_DIGITS = 100  # Python refuses integers of more than 4,300 digits

# Arrays and inline tables nested deeper than this are refused before parsing: the TOML
# parser recurses once per level (a thousand levels exhaust Python's stack).
MAX_NESTING = 16


def toml_shape(path: Path, text: str) -> Problem | None:
    """The first place where the file breaks a bound of its shape (values nested too
    deep, keys too long or of too many parts, integers too long), found in one pass that
    skips strings and comments: it costs no more than reading the file, where the TOML
    parser takes quadratic time in a key's parts and recurses once per nesting level."""
    stack: list[str] = []  # open arrays ("[") and inline tables ("{") of values
    line = 1
    started = False  # something stands before on this line ("key =": a value follows)
    in_key = True  # reading a key (line start, table header, inline table)
    header = False
    key_start = parts = digits = 0
    i = 0
    n = len(text)

    def too(message: str, bound: int) -> Problem:
        return Problem(path, line, message, {"max": bound})

    while i < n:
        c = text[i]
        if c.isdigit() or (c == "_" and digits):
            digits += 1
            if digits > MAX_DIGITS:
                return too(_N("checklists", "a number of more than {max} digits"), MAX_DIGITS)
        else:
            digits = 0
        if c == "\n":
            line += 1
            started = False
            if not stack:
                in_key, header, key_start, parts = True, False, i + 1, 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "\"'":
            i, line = _skip_string(text, i, line)
            started = True
            continue
        elif in_key and c == ".":
            parts += 1
            if parts > MAX_KEY_PARTS:
                return too(_N("checklists", "a key of more than {max} parts"), MAX_KEY_PARTS)
        elif in_key and (c == "=" or (header and c == "]")):
            if len(text[key_start:i].strip(" \t[")) > MAX_KEY_LENGTH:
                return too(_N("checklists", "a key longer than {max} characters"),
                           MAX_KEY_LENGTH)
            in_key = header = False
        elif c == "[" and not stack and not started:
            header, in_key, key_start, parts = True, True, i + 1, 1
        elif c in "[{" and (stack or started) and not header:
            stack.append(c)
            if len(stack) > MAX_NESTING:
                return too(_N("checklists", "values nested more than {max} levels deep"),
                           MAX_NESTING)
            if c == "{":
                in_key, key_start, parts = True, i + 1, 1
        elif c == "," and stack and stack[-1] == "{":
            in_key, key_start, parts = True, i + 1, 1
        elif c in "]}" and stack:
            stack.pop()
            in_key = False
        if not c.isspace():
            started = True
        i += 1
    return None


def _skip_string(text: str, i: int, line: int) -> tuple[int, int]:
    """Past the string starting at `i` (basic or literal, one line or several); returns
    the index after it and the line reached."""
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    j = i + (3 if triple else 1)
    n = len(text)
    while j < n:
        c = text[j]
        if c == "\\" and quote == '"':
            if j + 1 < n and text[j + 1] == "\n":
                line += 1
            j += 2
            continue
        if c == "\n":
            line += 1
            if not triple:  # an unterminated string: the parser will say where
                return j, line - 1
        elif c == quote:
            if not triple:
                return j + 1, line
            if text.startswith(quote * 3, j):
                # A closing delimiter may be followed by up to two more quotes.
                k = j + 3
                while k < n and k < j + 5 and text[k] == quote:
                    k += 1
                return k, line
        j += 1
    return n, line
