"""The French catalogue is complete, current and loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_catalogue_is_complete_and_current() -> None:
    """Every source string is in the .ts, translated, with its placeholders, and the .qm
    is compiled from it (installer/i18n.py check)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "i18n.py"), "check"],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_french_loads_and_english_is_the_source(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators

    assert QCoreApplication.translate("MainWindow", "Sessions") == "Sessions"
    translators = install_translators(qapp, "fr")
    try:
        assert translators
        assert QCoreApplication.translate("MainWindow", "Sessions") == "Séances"
        assert QCoreApplication.translate("labels", "Hybrid") == "Hybride"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def _calls_in_code() -> set[tuple[str, str, str]]:
    """(file:line, context, source) of every literal translation call in app/: the
    `QCoreApplication.translate`, `QT_TRANSLATE_NOOP`/`_N` and `tr_cli` calls, and
    `self.tr` in a class (its context is the class's name)."""
    import ast

    found: set[tuple[str, str, str]] = set()

    class Visitor(ast.NodeVisitor):
        def __init__(self, where: str) -> None:
            self.where = where
            self.classes: list[str] = []

        def visit_ClassDef(self, node: ast.ClassDef) -> None:
            self.classes.append(node.name)
            self.generic_visit(node)
            self.classes.pop()

        def visit_Call(self, node: ast.Call) -> None:
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            args = node.args
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]]
            at = f"{self.where}:{node.lineno}"
            if name in ("translate", "QT_TRANSLATE_NOOP", "_N", "tr_cli") and len(args) >= 2:
                if all(literal):
                    found.add((at, str(args[0].value), str(args[1].value)))  # type: ignore[attr-defined]
            elif (name == "tr" and isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
                  and f.value.id == "self" and self.classes and args and literal[0]):
                found.add((at, self.classes[-1], str(args[0].value)))  # type: ignore[attr-defined]
            self.generic_visit(node)

    for path in sorted((ROOT / "app").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        rel = str(path.relative_to(ROOT))
        Visitor(rel).visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_every_literal_translation_call_reaches_the_catalogue() -> None:
    """lupdate silently skips some calls (inside a lambda passed as an argument, with a
    call among the arguments): such a string never gets its French. Every literal call
    in the code must have its (context, source) in the shipped catalogue."""
    import xml.etree.ElementTree as ET

    root = ET.parse(ROOT / "resources" / "i18n" / "regie_fr.ts").getroot()
    shipped = {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }
    missed = sorted(f"{at}: {ctx} / {text!r}" for at, ctx, text in _calls_in_code()
                    if (ctx, text) not in shipped)
    assert not missed, "not extracted by lupdate:\n" + "\n".join(missed)


def test_no_window_sentence_is_looked_up_with_its_count() -> None:
    """Qt looks a `translate(context, text, "", n)` up as a plural, but lupdate extracts
    such a call as a plain entry: the French is never found. Sentences with a count go
    through `self.tr(text, "", n)` or `app.ui.i18n.plural`."""
    import ast

    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 4):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found
