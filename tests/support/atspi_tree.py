"""What a screen reader sees of a running program, read through AT-SPI (pyatspi, the
system's python3): run by tests/ui/test_atspi.py, never imported by the suite.

    /usr/bin/python3 tests/support/atspi_tree.py tree PID
        prints one JSON list of the shown nodes of the program with process id PID:
        {"role", "name", "description", "labels", "states", "depth"}; a table's cells are
        left out.
    /usr/bin/python3 tests/support/atspi_tree.py listen PID SECONDS
        prints "listening", then one JSON line per announcement the program makes.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

# Containers whose children are cells or rows: their own name and role are what counts.
NO_CELLS = {"table", "tree table", "tree", "list box"}


def application(pid: int) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # a program that went away meanwhile
            continue
    raise SystemExit(f"no accessible application with process id {pid}")


def tree(pid: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(node: Any, depth: int) -> None:
        states = node.getState()
        if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
            return
        role = node.getRoleName()
        labels = [
            target.name or ""
            for relation in node.getRelationSet()
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
            for target in (relation.getTarget(i) for i in range(relation.getNTargets()))
            if target is not None
        ]
        out.append({
            "role": role,
            "name": node.name or "",
            "description": node.description or "",
            "labels": labels,  # the names of the nodes that label it (a field's label)
            "states": sorted(pyatspi.stateToString(s) for s in states.getStates()),
            "depth": depth,
        })
        if role in NO_CELLS:
            return
        for child in node:
            if child is not None:
                walk(child, depth + 1)

    walk(application(pid), 0)
    return out


def listen(pid: int, seconds: float) -> None:
    def heard(event: Any) -> None:
        try:
            if event.source.get_process_id() != pid:
                return
        except Exception:
            return
        print(json.dumps({"type": event.type, "text": str(event.any_data)}), flush=True)

    pyatspi.Registry.registerEventListener(heard, "object:announcement")
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop())
    def ready() -> bool:
        print("listening", flush=True)
        return False  # once

    GLib.timeout_add(200, ready)
    pyatspi.Registry.start()


if __name__ == "__main__":
    mode, pid = sys.argv[1], int(sys.argv[2])
    if mode == "tree":
        print(json.dumps(tree(pid), ensure_ascii=False))
    else:
        listen(pid, float(sys.argv[3]))
