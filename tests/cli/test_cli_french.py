"""The command line in French: argparse's help and errors, every verb's words, the core's
errors and labels, French numbers and dates; its JSON never changes with the language.

The French comes from the shipped catalogue (resources/i18n/regie_fr.ts), the window's.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from app import cli
from app.cli import i18n
from app.config import resources_dir
from tests.support.fixtures import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]
NOW = FIXED_NOW.replace(tzinfo=None).isoformat()  # 2026-11-24T10:00, local time
WAV = ROOT / "tests" / "audio" / "data" / "speech.wav"
NBSP = "\u00a0"

# argparse's own English, which must not survive in French.
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message")


@pytest.fixture(autouse=True)
def _back_to_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("COLUMNS", "1000")  # one help entry per line: whole sentences
    yield
    i18n.set_language("en")


def catalogue(context_prefix: str) -> dict[str, str]:
    """English source → French for the contexts starting with `context_prefix`; an
    unfinished entry maps to "" (still English on screen)."""
    out: dict[str, str] = {}
    root = ET.parse(resources_dir() / "i18n" / "regie_fr.ts").getroot()
    for ctx in root.iter("context"):
        if not (ctx.findtext("name") or "").startswith(context_prefix):
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = "" if tr is None or tr.get("type") == "unfinished" else (tr.text or "")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            out[msg.findtext("source") or ""] = " | ".join(forms) if forms else text
    return out


def english_left(text: str) -> list[str]:
    """The CLI's English sentences (those French says differently) found in `text`: a
    whole source without fields, else the fixed words before its first field."""
    found = []
    for source, french in catalogue("Cli").items():
        if french == source:
            continue
        probe = source.split("{", 1)[0].split("%", 1)[0].strip()
        if len(probe) >= 12 and probe in text:
            found.append(source)
    return found


def help_of(path: list[str], capsys: pytest.CaptureFixture[str], *lang: str) -> str:
    with pytest.raises(SystemExit) as done:
        cli.parse([*lang, *path, "--help"])
    assert done.value.code == 0
    out, _ = capsys.readouterr()
    return out


def verb_paths() -> list[list[str]]:
    """Every verb and sub-verb the parser knows, e.g. ["sessions", "list"]."""
    paths: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    paths.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(cli.build_parser(), [])
    return paths


# ------------------------------------------------------------------ --help
def test_every_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    paths = verb_paths()
    assert len(paths) > 40  # every module's verbs were found
    verbs = {name for path in paths for name in path}  # verbs stay English (scripts)
    sources = {s for s, f in catalogue("Cli").items() if s != f} - verbs
    for path in paths:
        out = help_of(path, capsys, "--lang", "fr")
        assert out.startswith(f"utilisation{NBSP}: regie"), (path, out)
        assert f"options{NBSP}:" in out and "afficher cette aide et quitter" in out, path
        for words in ARGPARSE_ENGLISH:
            assert words not in out, (path, words)
        assert english_left(out) == [], (path, english_left(out))
        lines = {part.strip() for line in out.splitlines() for part in line.split("  ")}
        assert not lines & sources, (path, lines & sources)


def test_help_stays_english_without_a_french_locale(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_of(["sessions", "list"], capsys)
    assert out.startswith("usage: regie sessions list")
    assert "machine-readable output" in out and "options:" in out


def test_the_posix_locale_chooses_french_before_the_parser_is_built() -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8"}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    run = [sys.executable, "-m", "app", "sessions", "--help"]
    out = subprocess.run(run, capture_output=True, text=True, env=env, timeout=60, check=True)
    assert out.stdout.startswith(f"utilisation{NBSP}: regie sessions")
    assert "lister, ajouter, modifier et annuler des séances" in out.stdout
    forced = subprocess.run([*run[:3], "--lang", "en", *run[3:]], capture_output=True,
                            text=True, env=env, timeout=60, check=True)
    assert forced.stdout.startswith("usage: regie sessions")


# ------------------------------------------------------------------ argparse's errors
def test_argparse_errors_are_french(capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (["sessions", "lst"], "regie sessions", "choix invalide"),
        (["sessions", "add"], "regie sessions add", "ces arguments sont obligatoires"),
        (["sessions", "show", "abc"], "regie sessions show", "ce n’est pas un numéro"),
        (["today", "--days", "x"], "regie today", f"valeur int invalide{NBSP}: 'x'"),
    ]
    for argv, prog, said in cases:
        with pytest.raises(SystemExit) as done:
            cli.parse(["--lang", "fr", *argv])
        assert done.value.code == cli.EXIT_USAGE
        _, err = capsys.readouterr()
        assert said in err, err
        assert err.startswith(f"utilisation{NBSP}: regie ")
        assert err.endswith(f"Voir «{NBSP}{prog} --help{NBSP}».\n"), err
        assert f"{prog}{NBSP}: argument" in err or f"{prog}{NBSP}: " in err, err
        for english in ("usage:", "invalid choice", "the following arguments", "See “"):
            assert english not in err, err


# ------------------------------------------------------------------ the verbs' words
@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("fr") / "demo.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "app", "--no-err-windows", "--db", str(db), "demo",
         "--as-of", "2026-11-24", "--json"],
        check=True, capture_output=True, timeout=300,
    )
    return str(db)


def regie(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.run(cli.parse(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


# (arguments, a French sentence or word the output must hold)
HUMAN = [
    (["today"], "séances à partir du 24/11/2026"),
    (["sessions", "list", "--from", "2026-11-24", "--to", "2026-11-25"], "À distance"),
    (["sessions", "show", "12"], "lundi 9 novembre 2026 17:00"),
    (["sessions", "prepare", "33"], f"Ensuite{NBSP}: Vérifier la caméra"),
    (["attendance", "show", "12"], f"taux d’absence{NBSP}: 0,2941"),
    (["licences", "list"], "aucun secret enregistré"),
    (["licences", "planning", "--from", "2026-11-24", "--days", "1"], "mar. 24/11 14:00"),
    (["licences", "policy"], "Une licence est retenue"),
    (["report", "--from", "2026-11-01", "--to", "2026-11-30"], "1\u202f000"),
    (["db", "status"], f"en ligne{NBSP}: oui"),
    (["checklists", "list"], "À distance+Hybride"),
    (["checklists", "show", "atelier"], f"pourquoi{NBSP}:"),
    (["training", "report"], "Aucun suivi de formation"),
]


@pytest.mark.parametrize(("argv", "said"), HUMAN, ids=[" ".join(a[:2]) for a, _ in HUMAN])
def test_every_verb_speaks_french(
    demo_db: str, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = regie(capsys, "--lang", "fr", "--db", demo_db, "--now", NOW, *argv)
    assert code == 0, err
    assert said in out + err, out + err
    assert english_left(out + err) == [], english_left(out + err)
    code, english, _ = regie(capsys, "--lang", "en", "--db", demo_db, "--now", NOW, *argv)
    assert code == 0 and said not in english


def test_labels_from_the_core_are_the_windows(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = regie(capsys, "--lang", "fr", "--db", demo_db, "--now", NOW,
                      "sessions", "prepare", "12")
    assert out.splitlines()[0].endswith(", Gerland, À distance, Terminé")  # mode, status
    assert "  ✔ Fréquentation      Faite       Saisie" in out.splitlines()  # step, state
    _, out, _ = regie(capsys, "--lang", "fr", "--db", demo_db, "--now", NOW, "today")
    assert "À vérifier  Vérifier la caméra" in out  # verdict, next action


def test_a_core_error_is_said_in_french(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = regie(capsys, "--lang", "fr", "--db", demo_db, "sessions", "show", "999999")
    assert code == cli.EXIT_ERROR and out == ""
    assert err.startswith(f"regie{NBSP}: La séance 999999 n'existe pas. "), err
    # The command line's own fix (cli_fix), translated too, with its fields.
    code, _, err = regie(capsys, "--lang", "fr", "--db", demo_db, "--now", "2026-11-24T13:50",
                         "launch", "33", "--dry-run")
    assert code == cli.EXIT_ERROR
    assert err == (
        f"regie{NBSP}: La séance 33 n'a pas encore de réunion Zoom. Saisissez son ID de réunion "
        f"et son code secret avec «{NBSP}regie sessions meeting 33 --meeting-id … "
        f"--passcode-stdin{NBSP}».\n"
    )
    code, _, err = regie(capsys, "--lang", "fr", "--db", demo_db,
                         "check", "camera", "--source", "256", "--no-save")
    assert code == cli.EXIT_ERROR
    assert err == (
        f"regie{NBSP}: Il n’y a pas de caméra 256 : les numéros de caméra vont de 0 à 255. "
        "Voyez les caméras avec « regie check camera --list ».\n"
    )


def test_the_sentence_to_read_aloud_is_french(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sounddevice")
    code, out, err = regie(
        capsys, "--lang", "fr", "--db", str(tmp_path / "r.sqlite3"), "--simulate-mic", str(WAV),
        "check", "audio", "--steps", "speech", "--seconds", "0.5", "--no-save",
    )
    assert code == 0, err
    assert err.startswith(f"Lisez à voix haute pendant 0,5{NBSP}s{NBSP}: «{NBSP}Bienvenue à la "
                          "médiathèque."), err
    assert f"Niveau de la voix{NBSP}:" in out


def test_the_pdf_report_is_french(demo_db: str, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtPdf import QPdfDocument

    pdf = tmp_path / "rapport.pdf"
    subprocess.run(
        [sys.executable, "-m", "app", "--lang", "fr", "--no-err-windows", "--db", demo_db,
         "report", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", str(pdf)],
        check=True, capture_output=True, timeout=120,
    )
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    for french in ("Rapport d'activité", "Séances par semaine", "Type de séance"):
        assert french in text, text
    assert "Activity report" not in text


# ------------------------------------------------------------------ JSON never changes
JSON = [
    ["today"],
    ["today", "--days", "5"],
    ["sessions", "list"],
    ["sessions", "show", "12"],
    ["sessions", "prepare", "33"],
    ["attendance", "show", "12"],
    ["licences", "list"],
    ["licences", "planning", "--from", "2026-11-24"],
    ["licences", "policy"],
    ["report"],
    ["db", "status"],
    ["checklists", "list"],
    ["checklists", "show", "atelier"],
    ["training", "report"],
]


def test_json_is_the_same_in_both_languages(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in JSON:
        said = {}
        for lang in ("en", "fr"):
            code, out, err = regie(capsys, "--lang", lang, "--db", demo_db, "--now", NOW,
                                   *argv, "--json")
            assert code == 0, err
            said[lang] = out
        assert said["fr"] == said["en"], argv
        json.loads(said["fr"])


# ------------------------------------------------------------------ numbers, dates, plurals
def test_numbers_and_dates_the_french_way() -> None:
    i18n.set_language("fr")
    assert i18n.number(1234567) == "1\u202f234\u202f567"
    assert i18n.number(-1234.5) == "-1\u202f234,5"
    assert i18n.number(0.5, "g") == "0,5"
    assert i18n.value_text(True) == "True" and i18n.value_text("1.5") == "1.5"
    moment = datetime.fromisoformat("2026-11-24T10:00:00+01:00")
    assert i18n.when(moment, "%Y-%m-%d", "%A %-d %B %Y %H:%M") == "mardi 24 novembre 2026 10:00"
    assert i18n.when(date(2027, 3, 7), "", "%a %d/%m") == "dim. 07/03"
    assert i18n.tr_cli("Cli", "%n session(s)", None, 1) == "1 séance"
    assert i18n.tr_cli("Cli", "%n session(s)", None, 1234) == "1\u202f234 séances"
    assert i18n.colon("regie", "x") == f"regie{NBSP}: x"
    i18n.set_language("en")
    assert i18n.number(1234.5) == "1234.5"
    assert i18n.when(moment, "%Y-%m-%d %H:%M", "") == "2026-11-24 10:00"
    assert i18n.tr_cli("Cli", "%n session(s)", None, 1) == "1 session(s)"


# ------------------------------------------------------------------ extraction
def test_lupdate_sees_every_cli_string(tmp_path: Path) -> None:
    """A `tr_cli` call lupdate cannot read (a call or an f-string among its arguments)
    never reaches the catalogue and stays English forever: compare what lupdate
    extracts from app/cli with the literal calls the code holds."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate is not installed")
    files = sorted((ROOT / "app" / "cli").glob("*.py"))
    in_code: set[tuple[str, str]] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr_cli", "_N")):
                ctx, text = node.args[0], node.args[1]
                assert isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant), (
                    f"{path.name}:{node.lineno}: context and text must be literals")
                in_code.add((str(ctx.value), str(text.value)))
    ts = tmp_path / "cli.ts"
    subprocess.run(
        [str(lupdate) if lupdate.exists() else "pyside6-lupdate", "-tr-function-alias",
         "QT_TRANSLATE_NOOP+=_N,translate+=tr_cli", "-locations", "none", "-silent",
         *map(str, files), "-ts", str(ts)],
        check=True, timeout=120,
    )
    extracted = {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in ET.parse(ts).getroot().iter("context")
        for msg in ctx.iter("message")
    }
    missed = sorted(in_code - extracted)
    assert not missed, f"lupdate cannot read these calls: {missed}"
