"""Reading the Markdown of tutorials: images, headings, their anchors and lines, each in
linear time whatever the line (a technician's file may be hostile or just odd)."""

from __future__ import annotations

import re
import unicodedata

# A Markdown image and its target, as `image_targets` finds them (without this pattern's
# quadratic time on a line of many `![`).
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# The target of a Markdown image, after its `](`: `(path)`, `(<path>)`, `(path "title")`.
_IMAGE_TAIL = re.compile(r"\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMAGE_RUN = re.compile(r"\(\s*<?[^)\s>]*")
_HEADING_MARK = re.compile(r"(#{1,6})\s")
def image_targets(line: str) -> list[str]:
    """The targets of the Markdown images `![alt](target)` of a line, in linear time.

    Finds what `IMAGE_RE.findall` finds, which takes quadratic time on a line of many
    `![` that never close.
    """
    out: list[str] = []
    done = 0  # where the last image ended: the next one starts at or after it
    at = 0
    while (close := line.find("](", at)) >= 0:
        # The alt text holds no "]": the image starts after the last one before `](`.
        lo = max(done, line.rfind("]", done, close) + 1)
        if line.find("![", lo, close) < 0:
            at = close + 1
            continue
        tail = _IMAGE_TAIL.match(line, close + 1)
        if tail is not None:
            out.append(tail.group(1))
            done = at = tail.end()
            continue
        # Every `](` inside this target's characters fails the same way: skip them.
        run = _IMAGE_RUN.match(line, close + 1)
        at = max(close + 2, run.end() if run is not None else 0)
    return out


_LINE_END = re.compile(r"\r\n|\r|\n")


def markdown_lines(text: str) -> list[str]:
    """The lines of a Markdown text as an editor numbers them: ended by LF, CR or CRLF
    (not by the other characters `str.splitlines` also breaks at, such as U+2028)."""
    lines = _LINE_END.split(text)
    if lines and not lines[-1]:
        lines.pop()  # the text's last line break ends a line, it does not open one
    return lines


def heading(line: str) -> tuple[int, str] | None:
    """A Markdown ATX heading's level and text, in linear time.

    As `^(#{1,6})\\s+(.+?)\\s*#*\\s*$` then `.strip()` (quadratic on a long line of
    spaces): the closing run of "#" is dropped.
    """
    mark = _HEADING_MARK.match(line)
    if mark is None:
        return None
    level = len(mark.group(1))
    rest = line[level:]
    body = rest.lstrip()
    if not body:  # only spaces: the pattern needs one for `\\s+` and one for `.+?`
        return (level, "") if len(rest) >= 2 else None
    text = body.rstrip().rstrip("#").rstrip()
    return level, (text or body[:1]).strip()


def slugify(text: str) -> str:
    """A heading's anchor: lower case, accents dropped, words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
