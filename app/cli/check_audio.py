"""`regie check audio`: the microphone and speaker check from the command line.

A fail verdict is a result, not an error: the command exits 0 and prints it. Only a
check that could not run (no PortAudio, no device, a busy device) exits 1.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.cli._device_save import DeviceCheckStore, SaveOutcome, report_saved
from app.cli.i18n import colon, core_text, language, number, tr_cli, value_text, word
from app.core.checks import VERDICT_LABELS, Verdict, device_words
from app.devices.audio_steps import SENTENCE, STEPS

if TYPE_CHECKING:
    from app.cli import CliContext
    from app.devices.audio import AudioChecker

_SYMBOL = {Verdict.PASS: "✔", Verdict.WARN: "▲", Verdict.FAIL: "✖"}


def _prompt(step: str) -> str:
    """What the person does during a step (read when the step starts: its language)."""
    return {
        "noise": tr_cli("Cli", "Stay silent for {seconds} s: measuring the room noise…"),
        "speech": tr_cli("Cli", "Read aloud for {seconds} s: “{sentence}”"),
        "speaker": tr_cli("Cli", "Playing a tone on the speakers…"),
        "echo": tr_cli("Cli", "Playing a sweep on the speakers and listening with the microphone…"),
    }[step]


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    from app.cli import group, record_id

    check = group(verbs, "check", tr_cli("Cli", "check a device before a session"))
    p = check.add_parser(
        "audio",
        help=tr_cli("Cli", "check the microphone and speakers (levels, noise, echo)"),
        description=tr_cli(
            "Cli",
            "Measure the room noise, the voice level, play a tone on the speakers "
            "and test whether the microphone hears them (echo risk in hybrid rooms). The "
            "result is saved against the device. A failed check still exits 0.",
        ),
    )
    p.add_argument("--input", metavar="DEV", help=tr_cli(
        "Cli", "microphone: number or part of the name (default: the system's)"))
    p.add_argument("--output", metavar="DEV", help=tr_cli(
        "Cli", "speakers: number or part of the name (default: the system's)"))
    p.add_argument("--steps", default=",".join(STEPS), type=_steps, help=tr_cli(
        "Cli",
        "steps to run, comma-separated among noise, speech, speaker, echo (default: all)",
    ))
    p.add_argument("--seconds", type=_seconds, metavar="N",
                   help=tr_cli("Cli", "seconds recorded for the noise and speech steps"))
    p.add_argument("--session", type=record_id, metavar="ID",
                   help=tr_cli("Cli", "save the result for this session"))
    p.add_argument("--device", type=record_id, metavar="ID",
                   help=tr_cli("Cli", "file the result under this inventory device "
                               "(“regie devices list”)"))
    p.add_argument("--list", action="store_true",
                   help=tr_cli("Cli", "list the sound devices and stop"))
    p.add_argument("--no-save", action="store_true", help=tr_cli("Cli", "do not save the result"))
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "print JSON"))
    p.set_defaults(handler=run_check_audio)


def _steps(text: str) -> list[str]:
    steps = [s.strip().lower() for s in text.split(",") if s.strip()]
    bad = [s for s in steps if s not in STEPS]
    if bad or not steps:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "unknown step {steps}; choose among {known}").format(
                steps=", ".join(bad) or tr_cli("Cli", "(none)"), known=", ".join(STEPS)
            )
        )
    return list(dict.fromkeys(steps))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "“{text}” is not a number of seconds").format(text=text)
        ) from None
    if not 0.5 <= value <= 60:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "give between {low} and {high} seconds").format(
                low=number(0.5), high=number(60)
            )
        )
    return value


@dataclass(slots=True)
class _NoDatabase:
    """The checker only measures here; the result is saved through `DeviceCheckStore`,
    so listing devices or measuring needs no database."""

    checks: None = None


def run_check_audio(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.devices.audio import build_audio_check

    checker = build_audio_check(_NoDatabase(), ctx.config.simulate_mic)
    if args.list:
        return _list(ctx, checker, args.json)
    store = DeviceCheckStore(ctx)
    if args.session is not None:
        store.check_session(args.session)  # a missing session stops here, before recording
    if args.device is not None:
        store.check_device(args.device)
    steps: list[str] = args.steps
    needs_input = any(s in ("noise", "speech", "echo") for s in steps)
    needs_output = any(s in ("speaker", "echo") for s in steps)
    if needs_input:
        checker.choose(args.input, args.output, need_output=needs_output)
    else:
        checker.choose(None, args.output, need_output=True)

    def announce(step: str) -> None:
        seconds = args.seconds or (checker.th.noise_seconds if step == "noise"
                                   else checker.th.speech_seconds)
        # Prompts go to stderr so --json output stays machine-readable.
        ctx.err.write(
            _prompt(step).format(
                seconds=number(seconds, "g"), sentence=core_text("audio", SENTENCE)
            )
            + "\n"
        )
        ctx.err.flush()

    result = checker.run(steps, args.seconds, announce)
    saved = SaveOutcome()
    if not args.no_save:
        saved = store.save(result, session_id=args.session, device_id=args.device)
    if args.json:
        out = result.as_json()
        out["saved_id"] = saved.check_id  # the name earlier scripts read
        out |= saved.as_json()
        out["session_id"] = args.session
        ctx.print_json(out)
        report_saved(ctx, saved, as_json=True)
        return 0
    verdict = word(result.verdict.value, VERDICT_LABELS[result.verdict])
    said = f"{_SYMBOL[result.verdict]} {verdict}"
    ctx.print(colon(device_words(result.device, core_text), said))
    for name, c in result.criteria.items():
        shown = c.value
        if name == "signal" and isinstance(shown, str) and shown in _SIGNAL:
            shown = core_text("AudioCheckArea", _SIGNAL[shown])  # the window's words
        value = "—" if shown is None else f"{value_text(shown)}{' ' + c.unit if c.unit else ''}"
        advice = core_text("audio", c.advice) if c.advice else ""
        said = colon(_criterion(name), value)
        ctx.print(f"  {_SYMBOL[c.verdict]} {said} — {advice}")
    m = result.metrics
    if m.get("echo_detected"):
        ctx.print(
            "  "
            + tr_cli("Cli", "echo delay {delay} ms, level {level} dB, received {received} dBFS")
            .format(
                delay=value_text(m["echo_delay_ms"]),
                level=value_text(m["echo_level_db"]),
                received=value_text(m["echo_received_dbfs"]),
            )
        )
    report_saved(ctx, saved, as_json=False)
    return 0


# What the microphone's signal was, in the words the sound screen uses.
_SIGNAL = {"live": "live", "dead": "silent", "constant": "frozen"}


def _criterion(name: str) -> str:
    """A criterion as the user reads it: its code in English, the window's name else."""
    from app.devices.audio_levels import CRITERION_LABELS

    if language() == "en" or name not in CRITERION_LABELS:
        return name
    return core_text("audio", CRITERION_LABELS[name])


def _list(ctx: CliContext, checker: AudioChecker, as_json: bool) -> int:
    listing = checker.devices()
    if as_json:
        ctx.print_json({"inputs": [d.as_json() for d in listing.inputs],
                        "outputs": [d.as_json() for d in listing.outputs]})
        return 0
    for title, devices, flag in (
        (tr_cli("Cli", "Microphones:"), listing.inputs, "is_default_input"),
        (tr_cli("Cli", "Speakers:"), listing.outputs, "is_default_output"),
    ):
        ctx.print(title)
        if not devices:
            ctx.print("  " + tr_cli("Cli", "(none)"))
        for d in devices:
            star = "*" if getattr(d, flag) else " "
            channels = d.max_input_channels if flag == "is_default_input" else \
                d.max_output_channels
            ctx.print(f" {star}{d.index:3d}  {d.name}  [{d.host_api}, {channels} ch, "
                      f"{number(d.default_rate, 'g')} Hz]")
    return 0

