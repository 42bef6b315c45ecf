"""Reading a large Zoom participant report in a process of its own.

A 100,000-row report takes a second or more of pure Python to read and merge. On a
thread of the window's process, that second is spent holding the interpreter the
window's thread needs for every event it handles: the window stutters while the file is
read. A child process reads it instead, and sends the attendees back a thousand at a
time as plain tuples, so that the thread waiting for them never holds the interpreter
for more than a millisecond or two at once.

Small files are read in place: starting a process (0.3 s) would cost more than reading
them. The command line, with no window to keep moving, reads everything in place.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from app.core.attendance import ParticipantReport, Person
from app.core.csvfiles import let_others_run
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.errors import RegieError
from app.zoom.participants import read_participants

# From this size, a file is read in a child process (about 10,000 rows).
APART_FROM_BYTES = 1_000_000
# Bytes of the file per message to the child.
BYTES_PER_MESSAGE = 1 << 20
# Attendees per message: unpickling a thousand tuples is about a millisecond.
PEOPLE_PER_MESSAGE = 1_000


class ReadingStoppedError(RegieError):
    """The child process ended without an answer (killed, or out of memory)."""


def read_participants_apart(
    data: bytes, host_emails: Sequence[str] = (), *, apart_from: int = APART_FROM_BYTES
) -> ParticipantReport:
    """`read_participants`, in a child process when the file is `apart_from` bytes or
    more. The same report, or the same error (a FileFormatError names the line)."""
    if len(data) < apart_from:
        return read_participants(data, host_emails)
    context = multiprocessing.get_context("spawn")  # never fork a process running Qt
    receive, send = context.Pipe(duplex=False)
    child_reads, give = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_and_send, args=(child_reads, send, tuple(host_emails)), daemon=True,
        name="regie-participants",
    )
    child.start()
    send.close()  # the child's ends: its exit then ends our reads and writes
    child_reads.close()
    try:
        _give(give, data)
        return _receive(receive)
    finally:
        give.close()
        receive.close()
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()


def _give(give: Connection, data: bytes) -> None:
    """The file to the child, a slice at a time, then an empty message. Not among the
    child's arguments: pickling those copies the whole file in one call into C."""
    view = memoryview(data)
    try:
        for start in range(0, len(view), BYTES_PER_MESSAGE):
            give.send_bytes(view[start : start + BYTES_PER_MESSAGE])
        give.send_bytes(b"")
    except OSError:
        pass  # the child stopped: `_receive` says so


def _read_and_send(given: Connection, send: Connection, host_emails: tuple[str, ...]) -> None:
    """In the child: take the file, read it, then send the report without its
    attendees, then them."""
    parts: list[bytes] = []
    while part := given.recv_bytes():
        parts.append(part)
    given.close()
    try:
        report = read_participants(b"".join(parts), host_emails)
    except Exception as err:  # the parent raises it as if it had read the file itself
        send.send(("error", _sendable(err)))
        return
    people = report.attendees
    send.send(("report", dataclasses.replace(report, attendees=()), len(people)))
    for start in range(0, len(people), PEOPLE_PER_MESSAGE):
        rows = [
            (p.name, p.email, p.minutes, p.first_join, p.last_leave, p.connections)
            for p in people[start : start + PEOPLE_PER_MESSAGE]
        ]
        send.send_bytes(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
    send.close()


def _sendable(err: Exception) -> Exception:
    """`err` if it survives the trip; otherwise an error that says what it was."""
    try:
        pickle.loads(pickle.dumps(err))  # noqa: S301  (our own object)
    except Exception:  # an error that cannot be rebuilt on the other side
        return RuntimeError(f"{type(err).__name__}: {err}")
    return err


def _receive(receive: Connection) -> ParticipantReport:
    try:
        head: tuple[Any, ...] = receive.recv()
        if head[0] == "error":
            raise head[1]
        _kind, report, count = head
        assert isinstance(report, ParticipantReport)
        people: list[Person] = []
        while len(people) < count:
            rows = pickle.loads(receive.recv_bytes())  # noqa: S301  (our child, our pipe)
            people.extend([Person(*row) for row in rows])
            let_others_run()
    except (EOFError, OSError) as err:
        raise ReadingStoppedError(
            _N("errors", "The file could not be read to its end: the reading stopped."),
            _N("errors", "Import it again; if it stops again, restart Régie."),
        ) from err
    return dataclasses.replace(report, attendees=tuple(people))
