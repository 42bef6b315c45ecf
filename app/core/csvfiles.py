"""Reading the CSV files staff already have: Zoom exports, booking lists, Excel re-saves;
and writing the ones Régie exports, which spreadsheets must never run as formulas.

Files arrive as UTF-8 (with or without BOM), UTF-16 ("Unicode text" from Excel) or
cp1252 (a French Excel "CSV (séparateur : point-virgule)"), separated by commas,
semicolons or tabs, sometimes with a block of meeting details above the table. These
helpers find the table and say precisely where a file goes wrong.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
import time
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError

MAX_BYTES = 50 * 1024 * 1024
# Rows handled per call into C on a large file: each such call holds the interpreter,
# and a window reading a file on a worker thread must get it back within milliseconds.
CHUNK = 4096

T = TypeVar("T")
R = TypeVar("R")
H = TypeVar("H", bound=Hashable)


def let_others_run() -> None:
    """Hand the interpreter to any other thread waiting for it (the window's), between two
    chunks of a long read."""
    time.sleep(0)


# Characters of text copied into one `io.StringIO` at a time: copying a whole 10 MB report
# is a single 25 ms call into C, during which no other thread (the window's) can run.
TEXT_CHUNK = 1 << 18


def text_lines(text: str) -> Iterator[str]:
    """The lines of `text` exactly as `io.StringIO(text, newline="")` gives them (every
    line break kept, `\r\n` whole), made a slice at a time; the lines themselves come
    from C, without a Python step per line."""
    if len(text) <= TEXT_CHUNK:
        return iter(io.StringIO(text, newline=""))
    return itertools.chain.from_iterable(_slices(text))


def _slices(text: str) -> Iterator[io.StringIO]:
    start, size = 0, len(text)
    while start < size:
        cut = text.find("\n", start + TEXT_CHUNK)  # after a \n: never inside \r\n
        end = size if cut < 0 else cut + 1
        yield io.StringIO(text[start:end], newline="")
        start = end
        let_others_run()


def chunked_map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`list(map(fn, items))`, a chunk at a time."""
    if len(items) <= CHUNK:
        return list(map(fn, items))
    out: list[R] = []
    for start in range(0, len(items), CHUNK):
        out.extend(map(fn, items[start : start + CHUNK]))
        let_others_run()
    return out


def chunked_set(*lists: Sequence[H]) -> set[H]:
    """The distinct values of `lists`, a chunk at a time."""
    out: set[H] = set()
    for items in lists:
        for start in range(0, len(items), CHUNK):
            out.update(items[start : start + CHUNK])
            if len(items) > CHUNK:
                let_others_run()
    return out


def release(items: list[Any]) -> None:
    """Empty a large list from its end, a chunk at a time: freeing 100,000 rows at once
    is one long call into C."""
    while len(items) > CHUNK:
        del items[-CHUNK:]
        let_others_run()
    items.clear()
DELIMITERS = (",", ";", "\t")
_SPACES = re.compile(r"\s+")


class FileFormatError(RegieError):
    """A file that cannot be read as a table; `line` is 1-based, 0 for the whole file."""

    def __init__(
        self, message: str, fix: str = "", *, line: int = 0, cli_fix: str = "", **params: object
    ) -> None:
        self.line = line
        super().__init__(message, fix, cli_fix=cli_fix, line=line, **params)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def decode(data: bytes) -> DecodedText:
    """Text from the bytes, whichever of the usual encodings wrote them."""
    if len(data) > MAX_BYTES:
        raise FileFormatError(
            _N("errors", "The file is larger than {mb} MB: it is not a participant list."),
            _N("errors", "Choose the CSV file exported for this session."),
            mb=MAX_BYTES // (1024 * 1024),
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            return DecodedText(data.decode("utf-8-sig"), "utf-8")
        except UnicodeDecodeError:
            try:
                return DecodedText(data.decode("cp1252"), "cp1252")
            except UnicodeDecodeError:
                pass
    raise FileFormatError(
        _N("errors", "The file is not a text (CSV) file."),
        _N("errors", "Export the list again as CSV, or save it from Excel as “CSV UTF-8”."),
    )


def normalise_header(text: str) -> str:
    """'  Name (Original  Name) ' → 'name (original name)': headers in any case."""
    return _SPACES.sub(" ", text.replace("\ufeff", "").strip().strip('"').strip()).casefold()


@functools.lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """A person's name reduced to what identifies them: no accents, case or extra spaces."""
    if name.isascii():  # unchanged by NFKD, no combining marks: the common case
        return _SPACES.sub(" ", name).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().casefold()


def email_key(email: str) -> str:
    return email.strip().casefold()


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line where the record starts in the file
    cells: list[str]


@dataclass(frozen=True, slots=True)
class Table:
    """The header row found in a file, the rows above it and the rows below it.

    The rows below are kept as the csv module returns them (`rows`), with the line each
    starts on (`lines`): a 100,000-row report is read without an object per row."""

    delimiter: str
    encoding: str
    header: list[str]  # normalised
    header_line: int
    preamble: list[Record]
    rows: list[list[str]]
    lines: list[int]  # 1-based line where each of `rows` starts

    @property
    def records(self) -> list[Record]:
        return [Record(line, cells) for line, cells in zip(self.lines, self.rows, strict=True)]


def _records(text: str, delimiter: str) -> Iterator[Record]:
    """Rows one at a time (the header scan stops at the header, before any later error)."""
    reader = csv.reader(text_lines(text), delimiter=delimiter, strict=True)
    last_end = 0
    try:
        for row in reader:
            yield Record(last_end + 1, row)
            last_end = reader.line_num
    except csv.Error as err:
        raise FileFormatError(
            _N("errors", "Line {line}: the file is not valid CSV ({detail})."),
            _N("errors", "Check the quotes on that line, or export the file again."),
            line=last_end + 1,
            detail=str(err),
        ) from err


def _read_rows(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """Every row of `text` and the 1-based line it starts on; a quoting error names its line.

    Read whole in C first: when no row spans several lines, row i is on line i + 1. A file
    with line breaks inside quotes, or a broken one, is read again row by row."""
    reader = csv.reader(text_lines(text), delimiter=delimiter, strict=True)
    whole: list[list[str]] = []
    try:
        while chunk := list(itertools.islice(reader, CHUNK)):
            whole += chunk
            let_others_run()
    except csv.Error:
        pass
    else:
        if reader.line_num == len(whole):
            return whole, list(range(1, len(whole) + 1))
    reader = csv.reader(text_lines(text), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    ends: list[int] = [0]  # ends[i] is the last line of row i - 1
    append_row, append_end = rows.append, ends.append
    try:
        for row in reader:
            append_row(row)
            append_end(reader.line_num)
    except csv.Error as err:
        raise FileFormatError(
            _N("errors", "Line {line}: the file is not valid CSV ({detail})."),
            _N("errors", "Check the quotes on that line, or export the file again."),
            line=ends[-1] + 1,
            detail=str(err),
        ) from err
    ends.pop()
    return rows, [end + 1 for end in ends]


def _head(text: str, lines: int) -> str:
    """The first `lines` lines, cut where the CSV reader cuts them (only at \r and \n:
    `str.splitlines` also breaks at form feeds and other separators, and a header found
    there would be counted lines away from where the reader sees it)."""
    return "".join(itertools.islice(text_lines(text), lines))


def find_table(
    data: bytes, is_header: Callable[[Sequence[str]], bool], *, scan_lines: int = 60
) -> Table:
    """Locate the header row (the first row `is_header` accepts) and split the file there.

    The delimiter is the one under which such a header row appears; a `;` file from a
    French Excel and a `,` file from Zoom are both read without asking.
    """
    decoded = decode(data)
    text = decoded.text
    head = _head(text, scan_lines)
    for delimiter in DELIMITERS:
        found: tuple[int, Record, list[str]] | None = None
        try:
            for index, rec in enumerate(_records(head, delimiter)):
                normalised = [normalise_header(c) for c in rec.cells]
                if is_header(normalised):
                    found = (index, rec, normalised)
                    break
        except FileFormatError:
            pass  # broken quoting below a header is reported by the full read
        if found is not None:
            index, rec, normalised = found
            rows, lines = _read_rows(text, delimiter)
            return Table(
                delimiter=delimiter,
                encoding=decoded.encoding,
                header=normalised,
                header_line=rec.line,
                preamble=[Record(line, cells) for line, cells in zip(
                    lines[:index], rows[:index], strict=True)],
                rows=rows[index + 1 :],
                lines=lines[index + 1 :],
            )
    raise FileFormatError(
        _N("errors", "No table header was found in the first {lines} lines of the file."),
        _N("errors", "Choose the CSV file exported for this session, with its column titles."),
        line=1,
        lines=scan_lines,
    )


def is_blank(cells: Sequence[str]) -> bool:
    return all(not c.strip() for c in cells)


def column_index(header: Sequence[str], names: Sequence[str]) -> int | None:
    """Position of the first header cell matching one of `names` (normalised)."""
    for name in names:
        if name in header:
            return header.index(name)
    return None


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a message saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RegieError(
            _N("errors", "The file {path} does not exist."),
            _N("errors", "Check the name and folder of the exported file."),
            path=str(path),
        ) from None
    except IsADirectoryError:
        raise RegieError(
            _N("errors", "{path} is a folder, not a file."),
            _N("errors", "Name the CSV file inside it."),
            path=str(path),
        ) from None
    except OSError as err:
        raise RegieError(
            _N("errors", "The file {path} cannot be read ({detail})."),
            _N("errors", "Check that you may open it, or copy it to your documents first."),
            path=str(path),
            detail=err.strerror or str(err),
        ) from None


def write_file_bytes(path: Path, data: bytes) -> None:
    """Write an export, or say why it cannot be written (Excel keeps files locked)."""
    try:
        path.write_bytes(data)
    except OSError as err:
        raise RegieError(
            _N("errors", "The file {path} cannot be written ({detail})."),
            _N("errors", "Choose another folder, or close the file if Excel has it open."),
            path=str(path),
            detail=err.strerror or str(err),
        ) from None


# A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets
# (OWASP "CSV injection"): a name typed as "=HYPERLINK(…)" would run when the export opens.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell that starts like a formula gets a leading single quote, so that a
    spreadsheet shows it as text; numbers and everything else are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SpreadsheetWriter:
    """csv.writer for every CSV file Régie writes: each cell through `spreadsheet_cell`."""

    def __init__(self, out: TextIO, **fmtparams: Any) -> None:
        self._writer = csv.writer(out, **fmtparams)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_cell(v) for v in row])
