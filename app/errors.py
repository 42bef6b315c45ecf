"""Errors a user can act on, as opposed to bugs.

Anything raised as a `RegieError` is shown to the user (dialog or CLI message) with
what went wrong and what to do next; anything else is a bug and ends in the crash log.
"""

from __future__ import annotations


class RegieError(Exception):
    """A known failure with a message and the fix, both in plain words.

    `message` and `fix` are English source strings that the UI passes through Qt's
    translation (context "errors"), then formats with `params`. `fix` names places of the
    window; `cli_fix`, when the command line has its own way (a verb, an option), replaces
    it in `text()`, which the command line prints. A param may be another RegieError: it
    is shown as its own sentence.
    """

    context = "errors"

    def __init__(self, message: str, fix: str = "", *, cli_fix: str = "", **params: object) -> None:
        self.message = message
        self.fix = fix
        self.cli_fix = cli_fix
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        """The untranslated sentence, for logs and the CLI."""
        params = {k: v.text() if isinstance(v, RegieError) else v for k, v in self.params.items()}
        msg = self.message.format(**params)
        fix = self.cli_fix or self.fix
        if fix:
            msg += " " + fix.format(**params)
        return msg


class ValidationError(RegieError):
    """Input that breaks a rule; nothing was written."""

    def __init__(
        self, field: str, message: str, fix: str = "", *, cli_fix: str = "", **params: object
    ) -> None:
        self.field = field
        super().__init__(message, fix, cli_fix=cli_fix, **params)


class ServerUnreachable(RegieError):  # noqa: N818 - a state of the network, not a fault
    """The network database cannot be reached now. Not a fault of the request: the desk
    shows its last known data, keeps writes on this computer and tries again."""


class NotFoundError(RegieError):
    """The thing named does not exist (any more)."""
