"""Saving a camera or sound check from the command line, also while the network
database cannot be reached.

A result measured while the server is down is worth keeping: it waits in the same local
queue as the desk's and reaches the server once, when it answers again. A local SQLite
database never queues: a file that cannot be opened is a problem to fix now. A dead
server is asked once per run (connecting takes up to its timeout), never twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.cli.i18n import colon, tr_cli
from app.config import operator_name
from app.core.checks import CheckResult
from app.errors import ServerUnreachable

if TYPE_CHECKING:
    from app.cli import CliContext
    from app.services import Services


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """Where a result went: a row of the database, or the queue on this computer."""

    check_id: int | None = None
    queued: bool = False
    queue: int = 0  # results waiting on this computer, this one included
    device_id: int | None = None  # the inventory record it was filed under
    device_key: str = ""  # the stable id the check saw (to add it to the inventory)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "check_id": self.check_id,
            "queued": self.queued,
            "device_id": self.device_id,
        }
        if self.queued:
            data["queue"] = self.queue
        return data


class DeviceCheckStore:
    """The database as a device check sees it during one command."""

    def __init__(self, ctx: CliContext) -> None:
        self._ctx = ctx
        self._link = ctx.link()
        self._network = self._link.network
        self._offline = False

    @property
    def offline(self) -> bool:
        """The network server did not answer earlier in this run."""
        return self._offline

    def services(self) -> Services | None:
        """The opened services, or None when the network server cannot be reached."""
        if self._offline:
            return None
        try:
            return self._ctx.services()
        except Exception as err:
            self._note_offline(err)
            return None

    def check_session(self, session_id: int) -> None:
        """Stop early on a session that does not exist, before a long measurement. When
        the server is down this cannot be known: the server unlinks a result from a
        session removed meanwhile when the queued result reaches it."""
        services = self.services()
        if services is None:
            said = tr_cli(
                "Cli",
                "the database server cannot be reached, so session {id} cannot be checked "
                "now; the result will be kept on this computer.",
            ).format(id=session_id)
            self._ctx.err.write(colon("regie", said) + "\n")
            self._ctx.err.flush()
            return
        services.session_repo.row(session_id)

    def check_device(self, device_id: int) -> None:
        """Stop early on an inventory record that does not exist (when it can be known)."""
        services = self.services()
        if services is not None:
            from app.services.equipment import device

            device(services, device_id)

    def save(
        self, result: CheckResult, *, session_id: int | None, device_id: int | None = None
    ) -> SaveOutcome:
        """Results waiting on this computer go first (older results first), then this one;
        on a network server that cannot be reached it joins the queue instead. The result
        is filed under the inventory record `device_id`, or the one its device matches."""
        from app.core.equipment import for_device

        if device_id is not None:
            result = for_device(result, device_id)
        at = self._ctx.config.clock().astimezone(UTC)
        services = self.services()
        if services is not None:
            try:
                if self._network:
                    self._send_waiting(services)
                if not self._offline:
                    check_id = services.checks.save(
                        result, operator=operator_name(), session_id=session_id, at=at
                    )
                    filed = services.checks.history_device(check_id)
                    return SaveOutcome(check_id, device_id=filed, device_key=result.device_key)
            except Exception as err:
                self._note_offline(err)
        return self._queue(result, session_id, at)

    def _note_offline(self, err: Exception) -> None:
        """Remember an unreachable network server; any other problem is raised."""
        if not (self._network and isinstance(err, ServerUnreachable)):
            raise err
        self._offline = True

    def _send_waiting(self, services: Services) -> None:
        if not self._link.waiting():
            return
        report = self._link.send_waiting(services.db)
        if report.still_offline:
            self._offline = True
        if report.sent:
            sent = len(report.sent)
            said = tr_cli(
                "Cli",
                "sent %n change(s) kept on this computer while the server could not be "
                "reached.",
                None,
                sent,
            )
            self._ctx.err.write(colon("regie", said) + "\n")

    def _queue(self, result: CheckResult, session_id: int | None, at: datetime) -> SaveOutcome:
        from app.core.outbox import PendingKind, device_check_payload

        waiting = self._link.queue(
            PendingKind.DEVICE_CHECK,
            device_check_payload(
                result, operator=operator_name(), staff_id=None, session_id=session_id, at=at
            ),
        )
        return SaveOutcome(queued=True, queue=waiting)


def report_saved(ctx: CliContext, outcome: SaveOutcome, *, as_json: bool) -> None:
    """The closing line: where the result went. With --json it goes to stderr only when
    the result was queued, so the JSON on stdout stays machine-readable."""
    if outcome.queued:
        waiting = outcome.queue
        text = tr_cli(
            "Cli",
            "Kept on this computer: %n waiting to be sent when the server answers.",
            None,
            waiting,
        )
        if as_json:
            unreachable = tr_cli("Cli", "the database server cannot be reached.")
            ctx.err.write(colon("regie", f"{unreachable} {text}") + "\n")
        else:
            ctx.print(text)
    elif outcome.check_id is not None and not as_json:
        ctx.print(tr_cli("Cli", "Saved as check {id}.").format(id=outcome.check_id))
        if outcome.device_id is None:
            ctx.print(
                tr_cli(
                    "Cli",
                    "This device is not in the inventory: add it with “regie devices add "
                    "--kind KIND --label LABEL --match-key {key}”.",
                ).format(key=outcome.device_key)
            )
