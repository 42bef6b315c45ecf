"""Régie's translation catalogue: extract, fill, compile and check.

    python installer/i18n.py update          extract strings into resources/i18n/*.ts, compile .qm
    python installer/i18n.py fill FILE.json  apply translations [{"context","source","fr"}]
    python installer/i18n.py missing         print unfinished strings as JSON (for translators)
    python installer/i18n.py check           exit 1 if the catalogue is stale or incomplete

English is the source language; French ships complete. Core code marks strings with
`QT_TRANSLATE_NOOP` (alias `_N`), widgets with `self.tr` / `QCoreApplication.translate`,
the command line with `app.cli.i18n.tr_cli` (same signature as `translate`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["fr"]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%n")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    files = sorted(p for p in (ROOT / "app").rglob("*.py") if "migrations" not in p.parts)
    return [str(p.relative_to(ROOT)) for p in files]


def ts_path(lang: str) -> Path:
    return I18N / f"regie_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"regie_{lang}.qm"


def lupdate(ts: Path) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-tr-function-alias",
            "QT_TRANSLATE_NOOP+=_N,translate+=tr_cli",
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
            *sources(),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message; plural forms included."""
    out: list[tuple[str, str, ET.Element]] = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            out.append((name, msg.findtext("source") or "", tr))
    return out


def _text(tr: ET.Element) -> str:
    forms = tr.findall("numerusform")
    return " | ".join(f.text or "" for f in forms) if forms else (tr.text or "")


def problems(lang: str) -> list[str]:
    """Everything that makes the catalogue unfit to ship."""
    found: list[str] = []
    ts = ts_path(lang)
    if not ts.exists():
        return [f"{ts} is missing: run python installer/i18n.py update"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        committed = {(c, s) for c, s, _ in messages(ts)}
        current = {(c, s) for c, s, _ in messages(fresh)}
        for c, s in sorted(current - committed):
            found.append(f"not in the catalogue: [{c}] {s!r} (run installer/i18n.py update)")
        for c, s in sorted(committed - current):
            found.append(f"obsolete in the catalogue: [{c}] {s!r} (run installer/i18n.py update)")
        qm = Path(tmp) / "check.qm"
        lrelease(ts, qm)
        if not qm_path(lang).exists() or qm.read_bytes() != qm_path(lang).read_bytes():
            found.append(f"{qm_path(lang).name} is stale: run python installer/i18n.py update")
    for c, s, tr in messages(ts):
        text = _text(tr)
        if tr.get("type") == "unfinished" or not text.strip():
            found.append(f"unfinished [{c}] {s!r}")
            continue
        if sorted(set(PLACEHOLDER.findall(s))) != sorted(set(PLACEHOLDER.findall(text))):
            found.append(f"placeholders differ [{c}] {s!r} -> {text!r}")
    return found


def fill(lang: str, files: list[Path]) -> int:
    """Apply translations from JSON lists; returns how many were filled."""
    table: dict[tuple[str, str], str] = {}
    for f in files:
        for item in json.loads(f.read_text(encoding="utf-8")):
            table[(item["context"], item["source"])] = item[lang]
    ts = ts_path(lang)
    tree = ET.parse(ts)
    n = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            assert tr is not None
            if (name, source) not in table:
                continue
            value = table[(name, source)]
            if msg.get("numerus") == "yes":
                for form in list(tr):
                    tr.remove(form)
                for part in value.split(" | ") if " | " in value else [value, value]:
                    ET.SubElement(tr, "numerusform").text = part
            else:
                tr.text = value
            tr.attrib.pop("type", None)
            n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lupdate(ts)  # back to lupdate's own layout
    lrelease(ts, qm_path(lang))
    return n


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"update", "fill", "missing", "check"}:
        print(__doc__)
        return 2
    verb = argv[0]
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if verb == "update":
            if not ts.exists():
                ts.write_text(
                    f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    f'<TS version="2.1" language="{lang}" sourcelanguage="en"></TS>\n',
                    encoding="utf-8",
                )
            lupdate(ts)
            lrelease(ts, qm_path(lang))
        elif verb == "fill":
            print(f"{lang}: {fill(lang, [Path(a) for a in argv[1:]])} translation(s) applied")
        elif verb == "missing":
            todo = [
                {"context": c, "source": s, lang: ""}
                for c, s, tr in messages(ts)
                if tr.get("type") == "unfinished" or not _text(tr).strip()
            ]
            print(json.dumps(todo, ensure_ascii=False, indent=1))
        else:
            found = problems(lang)
            for p in found:
                print(f"{ts.name}: {p}")
            if found:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
