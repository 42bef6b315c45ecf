"""`regie checklists …` and `regie training report`, run in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from app.cli import build_parser, run
from app.core.checklists import RunMode
from app.core.models import SessionMode
from app.services import Services, build_checklists


def regie(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = run(build_parser().parse_args(["--db", str(db), *args]))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_show_and_validate_the_shipped_content(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = regie(capsys, db_path, "checklists", "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert {c["id"] for c in data["checklists"]} >= {"cercle-lecture", "conte", "rencontre",
                                                      "atelier", "concert-projection"}
    assert data["invalid"] == []
    code, out, _ = regie(capsys, db_path, "checklists", "validate")
    assert code == 0
    assert out.strip().endswith("0 with problems.")
    code, out, _ = regie(capsys, db_path, "checklists", "show", "conte", "--mode", "remote",
                         "--json")
    shown = json.loads(out)
    assert shown["id"] == "conte"
    assert all("remote" in s["modes"] for s in shown["steps"])
    code, _out, err = regie(capsys, db_path, "checklists", "show", "nope")
    assert code == 1
    assert "There is no checklist “nope”" in err


def test_validate_a_path_reports_file_line_and_exits_1(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text('id = "mine"\ntitle = "M"\nversion = 1\ntypes = ["talk"]\n'
                   'modes = ["remote"]\n\n[[steps]]\nid = "a"\npause = "start"\n'
                   'title = "A"\nwhy = "w"\ntutorial = "webcam"\nsection = "absente"\n',
                   encoding="utf-8")
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(bad))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{bad}:13: section “absente” not found")
    assert out.splitlines()[-1] == "1 file(s) checked, 1 with problems."
    bad.write_text(bad.read_text().replace("absente", "placer-la-camera"), encoding="utf-8")
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(bad))
    assert code == 0, out


def test_the_user_folder_is_validated_too(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    from app.config import config_dir

    folder = config_dir() / "checklists"
    folder.mkdir(parents=True)
    (folder / "x.toml").write_text("id = [\n", encoding="utf-8")
    code, out, _ = regie(capsys, db_path, "checklists", "validate", "--json")
    assert code == 1
    [problem] = json.loads(out)["problems"]
    assert problem["file"].endswith("x.toml")
    assert problem["line"] == 1
    code, out, _ = regie(capsys, db_path, "checklists", "list", "--json")
    assert code == 0
    assert json.loads(out)["invalid"][0]["file"].endswith("x.toml")


def test_training_report_json_and_csv(
    capsys: pytest.CaptureFixture[str], services: Services, db_path: Path
) -> None:
    branch = services.references.add_branch("bib", "Bibliothèque")
    who = services.references.add_staff("Léa Petit", branch, "trainee")
    service = build_checklists(services)
    run_ = service.start("atelier", RunMode.READ_DO, SessionMode.HYBRID, staff_id=who)
    for s in run_.steps:
        run_.tick(s.id)
    service.sign_off(run_, who)
    code, out, _ = regie(capsys, db_path, "training", "report", "--json")
    assert code == 0
    [rec] = json.loads(out)
    assert (rec["staff"], rec["checklist"], rec["mode"], rec["practice"]) == (
        "Léa Petit", "atelier", "hybrid", True)
    code, out, _ = regie(capsys, db_path, "training", "report", "--csv", "--staff", "léa petit")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert rows[0]["staff"] == "Léa Petit"
    assert rows[0]["signed_off_by"] == "Léa Petit"
    code, _out, err = regie(capsys, db_path, "training", "report", "--staff", "Nobody")
    assert code == 1
    assert "Nobody" in err
