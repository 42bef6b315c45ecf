"""Validation of content files: exact `file:line: problem` messages, and the shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checklists.loader import Layer, load_catalog, shipped_layer
from app.checklists.markdown import slugify
from app.core.models import SessionMode

SESSION_TYPES = ("reading_circle", "media_literacy", "talk", "workshop", "concert",
                 "storytime", "games", "screening")

TUTORIAL = """# Tester

## Première partie

Texte.

![Schéma](images/ok.svg)

## Deuxième partie
"""

GOOD = """id = "mine"
title = "Ma liste"
version = 2
types = ["talk"]
modes = ["remote"]

[[steps]]
id = "one"
pause = "T-30"
title = "Faire"
why = "Parce que"
tutorial = "tester"
section = "premiere-partie"
image = "images/ok.svg"
check = "camera"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tutorials" / "images").mkdir(parents=True)
    (tmp_path / "checklists").mkdir()
    (tmp_path / "tutorials" / "tester.md").write_text(TUTORIAL, encoding="utf-8")
    (tmp_path / "tutorials" / "images" / "ok.svg").write_text("<svg/>", encoding="utf-8")
    return tmp_path


def problems(folder: Path, name: str, text: str) -> list[str]:
    path = folder / "checklists" / name
    path.write_text(text, encoding="utf-8")
    cat = load_catalog([Layer.root(folder)])
    return [str(p).replace(str(folder) + "/", "") for p in cat.problems]


def test_a_good_file_loads(folder: Path) -> None:
    (folder / "checklists" / "mine.toml").write_text(GOOD, encoding="utf-8")
    cat = load_catalog([Layer.root(folder)])
    assert cat.problems == ()
    step = cat.checklists["mine"].steps[0]
    assert (step.tutorial, step.section, step.check) == ("tester", "premiere-partie", "camera")
    assert cat.tutorials["tester"].sections["deuxieme-partie"].line == 9


def test_toml_syntax_error_gives_its_line(folder: Path) -> None:
    text = GOOD.replace('pause = "T-30"', 'pause = T-30')
    assert problems(folder, "bad.toml", text) == [
        "checklists/bad.toml:9: TOML syntax error: Invalid value"
    ]


def test_unknown_keys_and_wrong_values(folder: Path) -> None:
    text = GOOD.replace('version = 2', 'version = "deux"\ncolour = "red"').replace(
        'pause = "T-30"', 'pause = "T-10"\nlevel = 3').replace(
        'check = "camera"', 'check = "thermometer"').replace('"remote"', '"onsite"')
    assert problems(folder, "bad.toml", text) == [
        "checklists/bad.toml:3: “version” must be a whole number from 1 up",
        "checklists/bad.toml:4: unknown key “colour” (allowed: id, title, version, types, "
        "modes, description, steps)",
        "checklists/bad.toml:6: unknown mode “onsite” (allowed: remote, hybrid)",
        "checklists/bad.toml:10: unknown pause point “T-10” (allowed: T-30, T-5, start, end)",
        "checklists/bad.toml:11: unknown step key “level” (allowed: id, title, pause, why, "
        "tutorial, section, image, check, details, modes)",
        "checklists/bad.toml:17: unknown automatic check “thermometer” (known: camera, audio, "
        "echo, licence_assigned, vault_ready, zoom_launched)",
    ]


def test_missing_tutorial_section_and_image(folder: Path) -> None:
    text = GOOD.replace('section = "premiere-partie"', 'section = "troisieme"').replace(
        "images/ok.svg", "images/absent.png")
    out = problems(folder, "bad.toml", text)
    assert out == [
        "checklists/bad.toml:13: section “troisieme” not found in tutorial “tester” "
        "(sections: premiere-partie, deuxieme-partie)",
        "checklists/bad.toml:14: image “images/absent.png” not found in tutorials",
    ]
    text = GOOD.replace('tutorial = "tester"', 'tutorial = "absent"')
    assert problems(folder, "bad.toml", text) == [
        "checklists/bad.toml:12: tutorial “absent” not found (no valid absent.md)"
    ]


def test_missing_keys_and_duplicate_ids(folder: Path) -> None:
    text = GOOD.replace('title = "Ma liste"\n', "") + GOOD[GOOD.index("[[steps]]"):].replace(
        'why = "Parce que"\n', "")
    assert problems(folder, "bad.toml", text) == [
        "checklists/bad.toml:1: missing required key “title”",
        "checklists/bad.toml:15: step is missing required key “why”",
    ]
    text = GOOD + GOOD[GOOD.index("[[steps]]"):]
    assert problems(folder, "dup.toml", text) == [
        "checklists/bad.toml:1: missing required key “title”",
        "checklists/bad.toml:15: step is missing required key “why”",
        "checklists/dup.toml:17: duplicate step id “one” (first at line 8)",
    ]


def test_duplicate_checklist_ids_in_one_folder(folder: Path) -> None:
    (folder / "checklists" / "a.toml").write_text(GOOD, encoding="utf-8")
    assert problems(folder, "b.toml", GOOD) == [
        "checklists/b.toml:1: duplicate checklist id “mine” (also in a.toml)"
    ]


def test_unknown_session_type_unless_the_database_knows_it(folder: Path) -> None:
    text = GOOD.replace('["talk"]', '["poetry"]')
    (folder / "checklists" / "p.toml").write_text(text, encoding="utf-8")
    cat = load_catalog([Layer.root(folder)])
    assert [str(p).split(": ", 1)[1] for p in cat.problems] == [
        "unknown session type “poetry” (known: " + ", ".join(sorted(SESSION_TYPES)) + ")"
    ]
    assert "mine" in load_catalog([Layer.root(folder)], session_types=["poetry"]).checklists


def test_tutorial_problems(folder: Path) -> None:
    bad = folder / "tutorials" / "bad.md"
    bad.write_text("Pas de titre\n\n## Partie\n\n## Partie\n\n![x](images/nope.png)\n",
                   encoding="utf-8")
    cat = load_catalog([Layer.root(folder)])
    assert [str(p).replace(str(folder) + "/", "") for p in cat.problems] == [
        "tutorials/bad.md:1: no title: the first heading must be “# Title”",
        "tutorials/bad.md:5: two sections have the anchor “partie”; rename one heading",
        "tutorials/bad.md:7: image “images/nope.png” not found",
    ]
    assert "bad" not in cat.tutorials


def test_the_user_folder_adds_and_overrides_by_id(folder: Path) -> None:
    shipped = load_catalog()
    assert shipped.problems == ()
    text = GOOD.replace('id = "mine"', 'id = "conte"').replace('title = "Ma liste"',
                                                               'title = "Mon conte"')
    (folder / "checklists" / "conte.toml").write_text(text, encoding="utf-8")
    (folder / "checklists" / "mine.toml").write_text(GOOD, encoding="utf-8")
    merged = load_catalog([shipped_layer(), Layer.root(folder)])
    assert merged.checklists["conte"].title == "Mon conte"
    assert "mine" in merged.checklists
    assert set(shipped.checklists) <= set(merged.checklists)


def test_invalid_files_are_listed_and_the_rest_loads(folder: Path) -> None:
    (folder / "checklists" / "mine.toml").write_text(GOOD, encoding="utf-8")
    (folder / "checklists" / "broken.toml").write_text("id = [", encoding="utf-8")
    cat = load_catalog([Layer.root(folder)])
    assert list(cat.checklists) == ["mine"]
    assert list(cat.invalid_files) == [folder / "checklists" / "broken.toml"]


def test_shipped_content_validates_and_covers_every_type_in_both_modes() -> None:
    cat = load_catalog([shipped_layer()])
    assert [str(p) for p in cat.problems] == []
    assert len(cat.tutorials) >= 8
    for code in SESSION_TYPES:
        for mode in SessionMode:
            assert cat.for_session(code, mode), (code, mode)
    for c in cat.checklists.values():
        for s in c.steps:
            assert s.tutorial in cat.tutorials, (c.id, s.id)


def test_slugify_drops_accents_and_punctuation() -> None:
    assert slugify("Tester l'image dans Régie") == "tester-l-image-dans-regie"
    assert slugify("  Salle d’attente ! ") == "salle-d-attente"
