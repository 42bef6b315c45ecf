"""`regie check camera`: the camera screen from the command line.

Exits 0 whatever the verdict (a red verdict is a result, not a failure of the command);
non-zero only when the check could not run (no camera, unreadable file…).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliContext, group, record_id
from app.cli._device_save import DeviceCheckStore, SaveOutcome, report_saved
from app.cli.i18n import colon, core_text, label, language, number, tr_cli, value_text
from app.core.checks import VERDICT_LABELS, CheckResult, Verdict
from app.core.equipment import THUMBNAIL


def register(verbs: argparse._SubParsersAction[Any]) -> None:
    sub = group(verbs, "check", tr_cli("Cli", "check a camera or a microphone before a session"))
    p = sub.add_parser(
        "camera",
        help=tr_cli("Cli", "check a camera: exposure, sharpness, face framing, frame rate…"),
        description=tr_cli(
            "Cli",
            "Check a camera (or a video/image file standing in for one) and print a "
            "verdict per criterion. Without --source, uses the --simulate-camera file if "
            "given, else camera 0. A file given with --source is analysed as fast as it "
            "decodes; the --simulate-camera file is played in real time, like a camera.",
        ),
    )
    p.add_argument("--source", metavar="INDEX|PATH",
                   help=tr_cli("Cli", "camera index (0, 1…) or a video/image file"))
    p.add_argument("--seconds", type=_seconds, metavar="N", help=tr_cli(
        "Cli", "seconds of picture to judge (default: from the thresholds file)"))
    p.add_argument("--session", type=record_id, metavar="ID",
                   help=tr_cli("Cli", "save the result against this session (its readiness)"))
    p.add_argument("--device", type=record_id, metavar="ID",
                   help=tr_cli("Cli", "file the result under this inventory device "
                               "(“regie devices list”)"))
    save = p.add_argument("--save", action=argparse.BooleanOptionalAction, default=True)
    # Set after the action is made: argparse would append an English "(default: True)".
    save.help = tr_cli("Cli", "save the result in the database (default: yes)")
    p.add_argument("--list", action="store_true", help=tr_cli("Cli", "list the cameras and exit"))
    p.add_argument("--json", action="store_true", help=tr_cli("Cli", "machine-readable output"))
    p.set_defaults(handler=_check_camera)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "not a number of seconds: {text}").format(text=repr(text))
        ) from None
    if not 0.5 <= value <= 600:
        raise argparse.ArgumentTypeError(
            tr_cli("Cli", "give between {low} and {high} seconds").format(
                low=number(0.5), high=number(600)
            )
        )
    return value


def _check_camera(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.devices import camera
    from app.devices.video_analysis import load_thresholds

    camera.quiet_opencv()
    simulate: Path | None = ctx.config.simulate_camera
    if args.list:
        cams = camera.list_cameras(simulate=simulate)
        if args.json:
            ctx.print_json([c.as_json() for c in cams])
        elif not cams:
            ctx.print(tr_cli("Cli", "No camera found."))
        else:
            for c in cams:
                where = str(c.path) if c.path else tr_cli("Cli", "index {n}").format(n=c.index)
                ctx.print(f"{c.name}  ({where})")
        return EXIT_OK

    store = DeviceCheckStore(ctx)
    if args.session is not None:
        store.check_session(args.session)  # a clear error before a long check
    if args.device is not None:
        store.check_device(args.device)
    thresholds = load_thresholds()
    if args.source is None:
        info = (camera.file_source(simulate, simulated=True) if simulate is not None
                else camera.parse_source("0"))
    elif args.source.strip().isdigit():
        info = camera.parse_source(args.source, camera.list_cameras())
    else:
        info = camera.parse_source(args.source)
    result = camera.check_camera(info, seconds=args.seconds, thresholds=thresholds)

    saved = SaveOutcome()
    if args.save or args.session is not None or args.device is not None:
        saved = store.save(result, session_id=args.session, device_id=args.device)
    if args.json:
        out = result.as_json()
        # The preview's thumbnail is kept with the saved result (its test report), not
        # printed: a few kilobytes of base64 would drown the figures.
        out["metrics"] = {k: v for k, v in result.metrics.items() if k != THUMBNAIL}
        out |= saved.as_json()
        out["session_id"] = args.session
        ctx.print_json(out)
    else:
        _print_human(ctx, result)
    report_saved(ctx, saved, as_json=args.json)
    return EXIT_OK


def _print_human(ctx: CliContext, result: CheckResult) -> None:
    from app.devices.video_analysis import CRITERION_LABELS

    symbols = _symbols()
    ctx.print(colon(result.device, symbols[result.verdict].strip()))
    for name, c in result.criteria.items():
        unit = (" " + c.unit) if c.unit else ""
        value = "—" if c.value is None else f"{value_text(c.value)}{unit}"
        criterion = core_text("camera", CRITERION_LABELS[name]) if name in CRITERION_LABELS \
            else name
        said = colon(criterion, value)
        line = f"  {symbols[c.verdict]}  {said}"
        if c.advice:
            line += f" — {core_text('camera', c.advice)}"
        ctx.print(line)
    m = result.metrics
    frames = m.get("frames")
    count = frames if isinstance(frames, int) else 0
    ctx.print("  " + tr_cli(
        "Cli", "requested {requested}, got {negotiated}; %n frames in {seconds} s", None, count
    ).format(
        requested=m.get("requested"),
        negotiated=m.get("negotiated"),
        seconds=value_text(m.get("seconds")),
    ))


def _symbols() -> dict[Verdict, str]:
    """A verdict as a word of even width: OK/WARN/FAIL in English, the window's
    labels otherwise."""
    if language() == "en":
        return {Verdict.PASS: "OK  ", Verdict.WARN: "WARN", Verdict.FAIL: "FAIL"}
    words = {v: label(VERDICT_LABELS[v]) for v in Verdict}
    width = max(len(w) for w in words.values())
    return {v: w.ljust(width) for v, w in words.items()}

