"""Errors a user can act on, as opposed to bugs.

Anything raised as a `RegieError` is shown to the user (dialog or CLI message) with
what went wrong and what to do next; anything else is a bug and ends in the crash log.
"""

from __future__ import annotations


class RegieError(Exception):
    """A known failure with a message and the fix, both in plain words.

    `message` and `fix` are English source strings that the UI passes through Qt's
    translation (context "errors"), then formats with `params`.
    """

    context = "errors"

    def __init__(self, message: str, fix: str = "", **params: object) -> None:
        self.message = message
        self.fix = fix
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The untranslated sentence, for logs and the CLI."""
        msg = self.message.format(**self.params)
        if self.fix:
            msg += " " + self.fix.format(**self.params)
        return msg


class ValidationError(RegieError):
    """Input that breaks a rule; nothing was written."""

    def __init__(self, field: str, message: str, fix: str = "", **params: object) -> None:
        self.field = field
        super().__init__(message, fix, **params)


class ServerUnreachable(RegieError):  # noqa: N818 - a state of the network, not a fault
    """The network database cannot be reached now. Not a fault of the request: the desk
    shows its last known data, keeps writes on this computer and tries again."""


class NotFoundError(RegieError):
    """The thing named does not exist (any more)."""
