"""The audio check's steps and the sentence read aloud: light constants the CLI parser
needs without loading numpy or PortAudio."""

from __future__ import annotations

from app.core.i18n import QT_TRANSLATE_NOOP as _N

STEPS = ("noise", "speech", "speaker", "echo")

# The sentence read aloud during the speech step (translated by the UI).
SENTENCE = _N(
    "audio",
    "Welcome to the library. Today's session starts in a few minutes; "
    "please switch off your phones and enjoy the talk.",
)
