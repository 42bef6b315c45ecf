"""Content files that are broken on purpose or by accident: each gives `file:line:
problem`, in bounded time, and the other checklists still load. Never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.checklists.loader import Layer, load_catalog
from app.cli import build_parser, run
from app.config import config_dir

SHIPPED = {"atelier", "cercle-lecture", "concert-projection", "conte", "rencontre"}


def regie(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = run(build_parser().parse_args(["--db", str(db), *args]))
    out = capsys.readouterr()
    return code, out.out, out.err


def user_file(name: str, content: str | bytes) -> Path:
    folder = config_dir() / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def crash_logs() -> list[Path]:
    return list((Path(os.environ["REGIE_DATA_DIR"]) / "crashes").glob("*.log"))


@pytest.mark.parametrize(
    "value",
    ["[" * 1000 + "]" * 1000, "{a = " * 1000 + "1" + "}" * 1000, "[{a = " * 600 + "1" + "}]" * 600],
    ids=["arrays", "tables", "mixed"],
)
def test_deep_nesting_is_one_problem_and_the_rest_is_listed(
    capsys: pytest.CaptureFixture[str], db_path: Path, value: str
) -> None:
    deep = user_file("deep.toml", f'id = "deep"\n\nx = {value}\n')
    code, out, _ = regie(capsys, db_path, "checklists", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert {c["id"] for c in listed["checklists"]} == SHIPPED
    [invalid] = listed["invalid"]
    assert invalid["file"] == str(deep)
    assert [p["line"] for p in invalid["problems"]] == [3]
    code, out, _ = regie(capsys, db_path, "checklists", "validate")
    assert code == 1
    assert out.splitlines()[0] == f"{deep}:3: values nested more than 16 levels deep"
    assert crash_logs() == []


def test_nesting_within_the_bound_is_only_checked_by_the_rules(tmp_path: Path) -> None:
    (tmp_path / "checklists").mkdir()
    text = 'id = "x"\nx = ' + "[" * 16 + "]" * 16 + '\ny = """[[[[[[[[[[[[[[[[[[["""\n'
    (tmp_path / "checklists" / "x.toml").write_text(text, encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert all("nested" not in p.text() for p in cat.problems)
    assert any("unknown key “x”" in p.text() for p in cat.problems)


def test_symbolic_link_loops_are_problems_of_their_files(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "self.toml").symlink_to("self.toml")
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    (folder / "tour.md").symlink_to("tour.md")
    (folder / "sub").symlink_to(".")
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(folder))
    assert code == 1
    lines = out.splitlines()
    for name in ("a.toml", "b.toml", "self.toml", "tour.md"):
        assert f"{folder / name}:1: cannot be read: Too many levels of symbolic links" in lines
    assert lines[-1] == "4 file(s) checked, 4 with problems."
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(folder / "self.toml"))
    assert code == 1
    assert out.splitlines()[-1] == "1 file(s) checked, 1 with problems."
    # In the user's folder, the loop is listed and the rest loads.
    loop = user_file("loop.toml", "")
    loop.unlink()
    loop.symlink_to("loop.toml")
    code, out, _ = regie(capsys, db_path, "checklists", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert {c["id"] for c in listed["checklists"]} == SHIPPED
    assert [i["file"] for i in listed["invalid"]] == [str(loop)]
    assert crash_logs() == []


def steps(count: int) -> str:
    return "".join(
        f'[[steps]]\nid = "s{n}"\npause = "start"\ntitle = "Étape {n}"\nwhy = "Parce que."\n'
        for n in range(count)
    )


HEAD = 'id = "big"\ntitle = "Grande"\nversion = 1\ntypes = ["talk"]\nmodes = ["remote"]\n\n'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # 40 KB, one dotted key of 20,000 parts: the TOML parser is quadratic in them.
        (HEAD + "a" + ".a" * 20_000 + " = 1\n", "7: a key of more than 8 parts"),
        (HEAD + "[" + ".".join(["t"] * 9) + "]\n", "7: a key of more than 8 parts"),
        (HEAD + "x = { " + "b." * 9 + "c = 1 }\n", "7: a key of more than 8 parts"),
        (HEAD + "k" * 101 + " = 1\n", "7: a key longer than 100 characters"),
        (HEAD + '"' + "k" * 101 + '" = 1\n', "7: a key longer than 100 characters"),
        # Python refuses to turn more than 4,300 digits into an integer.
        (HEAD + "n = " + "1" * 5000 + "\n", "7: a number of more than 100 digits"),
        (HEAD + steps(201), "1007: more than 200 steps; split the checklist"),
        # 5.6 MB, 100,000 steps.
        (HEAD + steps(100_000), "1: larger than 256 KB; a checklist or tutorial takes a few KB"),
    ],
    ids=["dotted", "header", "inline", "long", "quoted", "digits", "steps", "size"],
)
def test_limits_of_a_checklist_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "big.toml"
    path.write_text(content, encoding="utf-8")
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(path))
    assert code == 1
    assert out.splitlines() == [f"{path}:{expected}", "1 file(s) checked, 1 with problems."]


def test_within_the_limits_a_checklist_loads(tmp_path: Path) -> None:
    (tmp_path / "checklists").mkdir()
    text = HEAD.replace("version = 1", "a.b.c.d.e.f.g = 1\nversion = 1") + steps(200)
    (tmp_path / "checklists" / "big.toml").write_text(text, encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert [p.text() for p in cat.problems] == [
        "unknown key “a” (allowed: id, title, version, types, modes, description, steps)"
    ]
    text = HEAD + steps(200) + "n = " + "9" * 100 + "\n"
    (tmp_path / "checklists" / "big.toml").write_text(text, encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert all("digits" not in p.text() for p in cat.problems)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# T\n\n" + "## Partie\n\n" * 201, "401: more than 200 headings; split the tutorial"),
        ("# T\n\n" + "![i](i.svg) " * 201 + "\n", "3: more than 200 images; split the tutorial"),
        ("x" * (300 * 1024), "1: larger than 256 KB; a checklist or tutorial takes a few KB"),
    ],
    ids=["headings", "images", "size"],
)
def test_limits_of_a_tutorial(tmp_path: Path, markdown: str, expected: str) -> None:
    (tmp_path / "tutorials").mkdir()
    path = tmp_path / "tutorials" / "t.md"
    path.write_text(markdown, encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert [str(p) for p in cat.problems] == [f"{path}:{expected}"]


@pytest.mark.parametrize(
    "line",
    ["![" * 100_000, "# a" + " " * 200_000 + "x", "](a" * 60_000, "](zz![a b](c)" * 15_000],
    ids=["unclosed-images", "spaced-heading", "targets", "alt-spans"],
)
def test_long_markdown_lines_are_read_in_linear_time(tmp_path: Path, line: str) -> None:
    """Each of these took minutes with the regular expressions the scanners replace."""
    (tmp_path / "tutorials").mkdir()
    (tmp_path / "tutorials" / "t.md").write_text("# T\n\n" + line + "\n", encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert "t" in cat.tutorials or cat.problems


GOOD = HEAD + steps(2)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "checklists").mkdir()
    (tmp_path / "tutorials").mkdir()
    (tmp_path / "checklists" / "big.toml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (tmp_path / "tutorials" / "t.md").write_bytes(b"\xef\xbb\xbf# Titre\n\n## Partie\n")
    cat = load_catalog([Layer.root(tmp_path)])
    assert cat.problems == ()
    assert cat.checklists["big"].title == "Grande"
    assert cat.tutorials["t"].title == "Titre"
    assert list(cat.tutorials["t"].sections) == ["partie"]


@pytest.mark.parametrize("suffix", [".toml", ".md"])
def test_a_bad_byte_is_reported_at_its_line(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / ("checklists" if suffix == ".toml" else "tutorials")
    folder.mkdir()
    path = folder / f"x{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode().replace(b"Parce que.", b"Parce qu\xe9.", 1))
    cat = load_catalog([Layer.root(tmp_path)])
    assert [str(p) for p in cat.problems] == [f"{path}:11: not UTF-8 text; save it as UTF-8"]


def test_a_pipe_is_not_a_checklist(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    """Reading a named pipe would wait for a writer forever; validating it must not say
    that all is well either."""
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    code, out, _ = regie(capsys, db_path, "checklists", "validate", str(fifo))
    assert code == 1
    assert out.splitlines() == [
        f"{fifo}:1: not a regular file (a folder, pipe or device); give a .toml or .md file",
        "1 file(s) checked, 1 with problems.",
    ]
    user = config_dir() / "checklists"
    user.mkdir(parents=True)
    os.mkfifo(user / "waiting.toml")
    (user / "folder.toml").mkdir()
    code, out, _ = regie(capsys, db_path, "checklists", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert {c["id"] for c in listed["checklists"]} == SHIPPED
    assert sorted(i["file"] for i in listed["invalid"]) == [
        str(user / "folder.toml"), str(user / "waiting.toml")
    ]


@pytest.mark.parametrize(
    "image",
    ["../../etc/passwd", "/etc/passwd", "images/../../secret.svg", "..\\..\\x.svg",
     "C:/Windows/x.svg", "outside.svg"],
)
def test_images_stay_inside_the_content_folder(tmp_path: Path, image: str) -> None:
    content = tmp_path / "content"
    (content / "checklists").mkdir(parents=True)
    (content / "tutorials" / "images").mkdir(parents=True)
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    # A link inside the folder that leads out of it is outside too.
    (content / "tutorials" / "outside.svg").symlink_to(tmp_path / "secret.svg")
    (content / "tutorials" / "t.md").write_text(
        f"# T\n\n## Partie\n\n![vue]({image})\n", encoding="utf-8"
    )
    (content / "tutorials" / "ok.md").write_text("# OK\n\n## Partie\n", encoding="utf-8")
    step = f'tutorial = "ok"\nimage = "{image.replace(chr(92), chr(92) * 2)}"\n'
    (content / "checklists" / "c.toml").write_text(HEAD + steps(1) + step, encoding="utf-8")
    cat = load_catalog([Layer.root(content)])
    folder = content / "tutorials"
    assert [str(p) for p in cat.problems] == [
        f"{folder / 't.md'}:5: image “{image}” must be a file inside {folder} "
        "(no “..”, no absolute path)",
        f"{content / 'checklists' / 'c.toml'}:13: image “{image}” must be a file inside "
        f"{folder} (no “..”, no absolute path)",
    ]


def test_images_inside_the_content_folder_are_fine(tmp_path: Path) -> None:
    (tmp_path / "checklists").mkdir()
    (tmp_path / "tutorials" / "images").mkdir(parents=True)
    (tmp_path / "tutorials" / "images" / "ok.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "tutorials" / "t.md").write_text(
        "# T\n\n## Partie\n\n![vue](images/ok.svg) ![loin](https://example.org/x.png)\n",
        encoding="utf-8",
    )
    step = 'tutorial = "t"\nimage = "./images/ok.svg"\n'
    (tmp_path / "checklists" / "c.toml").write_text(HEAD + steps(1) + step, encoding="utf-8")
    cat = load_catalog([Layer.root(tmp_path)])
    assert cat.problems == ()


def test_lines_are_numbered_as_an_editor_shows_them(tmp_path: Path) -> None:
    """U+2028 or NEL inside a string are no line breaks (Python's
    `splitlines` breaks at them); a lone CR ends a Markdown line."""
    (tmp_path / "checklists").mkdir()
    (tmp_path / "tutorials").mkdir()
    text = HEAD.replace('title = "Grande"', 'title = "Grande\u2028liste\x85"') + "oops = 1\n"
    (tmp_path / "checklists" / "c.toml").write_text(text, encoding="utf-8")
    (tmp_path / "tutorials" / "t.md").write_bytes(
        "# T\u2028itre\r## A\r\n\r## A\n".encode()
    )
    cat = load_catalog([Layer.root(tmp_path)])
    found = {(p.path.name, p.line, p.message.split(" ")[0]) for p in cat.problems}
    assert ("c.toml", 7, "unknown") in found
    assert ("t.md", 4, "two") in found
