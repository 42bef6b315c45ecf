"""Entry point: the window by default, CLI verbs when given (`regie --help`)."""

from __future__ import annotations

import os
import sys
import time

_T0 = time.monotonic()


def seconds_since_process_start() -> float:
    """Wall time since the OS started this process (interpreter start-up included)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:  # noqa: PTH123
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:  # noqa: PTH123
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _T0


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A bundle started as a child process (a large report read apart) becomes it.
        import multiprocessing

        multiprocessing.freeze_support()
    from app.options import config_from_args, window_args

    argv = sys.argv[1:] if argv is None else argv
    # The window's own options need nothing of the command-line package (its verbs, its
    # translations): the first screen does not wait for them.
    args = window_args(argv)
    if args is None:
        from app import cli

        args = cli.parse(argv)
    if args.self_test:
        from app.selftest import main as self_test

        return self_test()
    if args.verb:
        from app import cli, crash
        from app.config import data_dir

        crash.install(data_dir(), notify=None)
        return cli.run(args)
    from app.ui.app import run_gui

    return run_gui(config_from_args(args), smoke=args.smoke, elapsed=seconds_since_process_start)


if __name__ == "__main__":
    sys.exit(main())
