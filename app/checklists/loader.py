"""Loading tutorials (Markdown) and checklists (TOML) from the shipped folder and the
user's folder, with validation that says `file:line: problem`.

Layers are read in order (shipped, then the user's `config_dir()`, then an optional extra
folder being validated); a later layer adds files or overrides earlier ones by id. An
invalid file is left out and listed with its problems: the rest still loads.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from app.checklists.markdown import (
    heading,
    image_targets,
    markdown_lines,
    slugify,
)
from app.checklists.toml_shape import MAX_NESTING, toml_shape
from app.config import config_dir, resources_dir
from app.core.checklists import (
    AUTO_CHECKS,
    PAUSE_ORDER,
    Catalog,
    Checklist,
    PausePoint,
    Problem,
    Step,
    Tutorial,
    TutorialSection,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.models import SessionMode

CHECKLIST_KEYS = ("id", "title", "version", "types", "modes", "description", "steps")
REQUIRED_CHECKLIST_KEYS = ("id", "title", "version", "types", "modes", "steps")
STEP_KEYS = ("id", "title", "pause", "why", "tutorial", "section", "image", "check",
             "details", "modes")
REQUIRED_STEP_KEYS = ("id", "title", "pause", "why")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
# What one content file may hold: a checklist or a tutorial is a few KB; these bounds keep
# validating any file (a mistake, or a file made to hurt) to a fraction of a second.
MAX_FILE_BYTES = 256 * 1024
MAX_STEPS = 200
MAX_SECTIONS = 200
MAX_IMAGES = 200
SHIPPED_SESSION_TYPES = ("reading_circle", "media_literacy", "talk", "workshop", "concert",
                         "storytime", "games", "screening")


@dataclass(frozen=True, slots=True)
class Layer:
    """A folder pair: tutorials (*.md) and checklists (*.toml)."""

    tutorials: tuple[Path, ...] = ()
    checklists: tuple[Path, ...] = ()

    @staticmethod
    def root(folder: Path) -> Layer:
        """A folder holding `tutorials/` and `checklists/` sub-folders."""
        return Layer(
            tuple(sorted((folder / "tutorials").glob("*.md"))),
            tuple(sorted((folder / "checklists").glob("*.toml"))),
        )

    @staticmethod
    def path(target: Path) -> Layer:
        """Whatever `regie checklists validate PATH` was given: a folder, or else a file
        (which need not be a readable one: reading it says what is wrong with it)."""
        if not target.is_dir():
            if target.suffix == ".md":
                return Layer(tutorials=(target,))
            return Layer(checklists=(target,))
        if (target / "tutorials").is_dir() or (target / "checklists").is_dir():
            return Layer.root(target)
        return Layer(tuple(sorted(target.glob("*.md"))), tuple(sorted(target.glob("*.toml"))))

    @property
    def files(self) -> tuple[Path, ...]:
        return self.tutorials + self.checklists


def real_path(path: Path) -> Path:
    """The absolute path with symbolic links followed, or as given when they loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a symbolic link loop
        return path.absolute()


def shipped_layer() -> Layer:
    return Layer.root(resources_dir())


def user_layer() -> Layer:
    return Layer.root(config_dir())


def load_catalog(
    layers: Iterable[Layer] | None = None,
    *,
    session_types: Collection[str] | None = None,
) -> Catalog:
    """Load and validate every layer (default: shipped, then the user's folder)."""
    layers = list(layers) if layers is not None else [shipped_layer(), user_layer()]
    types = set(SHIPPED_SESSION_TYPES) | set(session_types or ())
    problems: list[Problem] = []
    tutorials: dict[str, Tutorial] = {}
    for layer in layers:
        for path in layer.tutorials:
            tut, found = parse_tutorial(path)
            problems.extend(sorted(found, key=lambda p: p.line))
            if tut is not None and not found:
                tutorials[tut.id] = tut
    checklists: dict[str, Checklist] = {}
    for layer in layers:
        seen: dict[str, Path] = {}
        for path in layer.checklists:
            cl, found = parse_checklist(path, tutorials, types)
            if cl is not None and cl.id in seen:
                found.append(
                    Problem(path, _key_lines(_read(path)).top.get("id", 1),
                            _N("checklists", "duplicate checklist id “{id}” (also in {other})"),
                            {"id": cl.id, "other": seen[cl.id].name})
                )
            problems.extend(sorted(found, key=lambda p: p.line))
            if cl is not None and not found:
                seen[cl.id] = path
                checklists[cl.id] = cl
    return Catalog(checklists=checklists, tutorials=tutorials, problems=tuple(problems))


def _read(path: Path) -> str:
    text, _problem = read_content(path)
    return text or ""


def read_content(path: Path) -> tuple[str | None, Problem | None]:
    """A content file's text, or the problem that keeps it from being read: unreadable,
    not a regular file (a pipe would block forever), larger than a content file can be,
    or not UTF-8. A byte-order mark, as some editors write, is accepted."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        return None, Problem(path, 1, _N("checklists", "cannot be read: {error}"),
                             {"error": err.strerror or str(err)})
    try:
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None, Problem(path, 1, _N(
                    "checklists", "not a regular file (a folder, pipe or device); "
                    "give a .toml or .md file"))
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return None, Problem(path, 1, _N("checklists", "cannot be read: {error}"),
                             {"error": err.strerror or str(err)})
    if len(data) > MAX_FILE_BYTES:
        return None, Problem(path, 1, _N(
            "checklists", "larger than {max} KB; a checklist or tutorial takes a few KB"),
            {"max": MAX_FILE_BYTES // 1024})
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return None, Problem(path, line, _N("checklists", "not UTF-8 text; save it as UTF-8"))


def image_inside(base: Path, image: str) -> bool:
    """Whether `image` names a file under `base`: relative, without "..", and not led
    out by a symbolic link (content may not show or probe files elsewhere)."""
    parts = PurePosixPath(image.replace("\\", "/")).parts
    if not parts or PurePosixPath(image).is_absolute() or ".." in parts or ":" in parts[0]:
        return False
    root = real_path(base)
    return real_path(root / image).is_relative_to(root)


# ---------------------------------------------------------------------- tutorials


def parse_tutorial(path: Path) -> tuple[Tutorial | None, list[Problem]]:
    """A Markdown tutorial: `# Title`, then sections whose headings give the anchors."""
    problems: list[Problem] = []
    text, unreadable = read_content(path)
    if text is None:
        assert unreadable is not None
        return None, [unreadable]
    lines = markdown_lines(text)
    headings: list[tuple[int, int, str]] = []  # (line index, level, text)
    shown: list[str] = []  # images outside code blocks, checked
    fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        found = heading(line)
        if found is not None:
            headings.append((i, *found))
            if len(headings) > MAX_SECTIONS:
                return None, [Problem(path, i + 1, _N(
                    "checklists", "more than {max} headings; split the tutorial"),
                    {"max": MAX_SECTIONS})]
        for img in image_targets(line):
            shown.append(img)
            if len(shown) > MAX_IMAGES:
                return None, [Problem(path, i + 1, _N(
                    "checklists", "more than {max} images; split the tutorial"),
                    {"max": MAX_IMAGES})]
            if "://" in img:
                continue
            if not image_inside(path.parent, img):
                problems.append(Problem(path, i + 1, _N(
                    "checklists",
                    "image “{image}” must be a file inside {folder} (no “..”, no absolute path)"),
                    {"image": img, "folder": str(path.parent)}))
            elif not (path.parent / img).is_file():
                problems.append(Problem(path, i + 1,
                                        _N("checklists", "image “{image}” not found"),
                                        {"image": img}))
    title = next((h[2] for h in headings if h[1] == 1), None)
    if title is None:
        problems.append(Problem(path, 1, _N(
            "checklists", "no title: the first heading must be “# Title”")))
    sections: dict[str, TutorialSection] = {}
    for n, (i, level, head) in enumerate(headings):
        if level == 1:
            continue
        end = next((j for j, lv, _h in headings[n + 1:] if lv <= level), len(lines))
        anchor = slugify(head)
        if anchor in sections:
            problems.append(Problem(path, i + 1, _N(
                "checklists", "two sections have the anchor “{anchor}”; rename one heading"),
                {"anchor": anchor}))
            continue
        sections[anchor] = TutorialSection(
            anchor=anchor, title=head, level=level, line=i + 1,
            markdown="\n".join(lines[i:end]).strip() + "\n",
        )
    images = tuple(img for line in lines for img in image_targets(line))
    tut = Tutorial(id=path.stem, title=title or path.stem, path=real_path(path),
                   markdown=text, sections=sections, images=images)
    return tut, problems


# ---------------------------------------------------------------------- checklists


@dataclass
class _Lines:
    """Where keys sit in a TOML file (tomllib keeps no positions)."""

    top: dict[str, int] = field(default_factory=dict)
    steps: list[int] = field(default_factory=list)  # header line of each [[steps]]
    step_keys: list[dict[str, int]] = field(default_factory=list)


_KEY_RE = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_-]+)\s*=')
_TABLE_RE = re.compile(r"^\s*\[\[?\s*([^\]]*)\]")


def _key_lines(text: str) -> _Lines:
    out = _Lines()
    current: dict[str, int] | None = out.top
    in_multi: str | None = None
    for n, line in enumerate(text.split("\n"), start=1):
        if in_multi:
            if line.count(in_multi) % 2 == 1:
                in_multi = None
            continue
        table = _TABLE_RE.match(line)
        if table and not _KEY_RE.match(line):
            name = table.group(1).strip()
            if line.lstrip().startswith("[[") and name == "steps":
                out.steps.append(n)
                out.step_keys.append({})
                current = out.step_keys[-1]
            else:
                out.top.setdefault(name.split(".")[0], n)
                current = None
            continue
        m = _KEY_RE.match(line)
        if m and current is not None:
            current.setdefault(m.group(1).strip('"'), n)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_multi = quote
                break
    return out


_TOML_POS = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")

def parse_checklist(
    path: Path, tutorials: Mapping[str, Tutorial], session_types: Collection[str]
) -> tuple[Checklist | None, list[Problem]]:
    text, unreadable = read_content(path)
    if text is None:
        assert unreadable is not None
        return None, [unreadable]
    shape = toml_shape(path, text)
    if shape is not None:
        return None, [shape]
    try:
        data = tomllib.loads(text)
    except RecursionError:  # bounded above; never a crash all the same
        return None, [Problem(path, 1, _N(
            "checklists", "values nested more than {max} levels deep"), {"max": MAX_NESTING})]
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"at line (\d+)", msg)
        line = int(m.group(1)) if m else max(1, len(text.removesuffix("\n").split("\n")))
        return None, [Problem(path, line, _N("checklists", "TOML syntax error: {error}"),
                              {"error": _TOML_POS.sub("", msg)})]
    except ValueError as err:  # a value Python refuses (bounded above; never a crash)
        return None, [Problem(path, 1, _N("checklists", "TOML syntax error: {error}"),
                              {"error": str(err)})]
    lines = _key_lines(text)
    steps = data.get("steps")
    if isinstance(steps, list) and len(steps) > MAX_STEPS:
        where = lines.steps[MAX_STEPS] if len(lines.steps) > MAX_STEPS else 1
        return None, [Problem(path, where, _N(
            "checklists", "more than {max} steps; split the checklist"), {"max": MAX_STEPS})]
    v = _Validator(path, lines, tutorials, session_types)
    return v.checklist(data), v.problems


class _Validator:
    def __init__(
        self,
        path: Path,
        lines: _Lines,
        tutorials: Mapping[str, Tutorial],
        session_types: Collection[str],
    ) -> None:
        self.path = path
        self.lines = lines
        self.tutorials = tutorials
        self.session_types = session_types
        self.problems: list[Problem] = []

    def add(self, line: int, message: str, **params: object) -> None:
        self.problems.append(Problem(self.path, line, message, params))

    def checklist(self, data: dict[str, Any]) -> Checklist | None:
        top = self.lines.top
        for key in data:
            if key not in CHECKLIST_KEYS:
                self.add(top.get(key, 1), _N("checklists",
                         "unknown key “{key}” (allowed: {allowed})"),
                         key=key, allowed=", ".join(CHECKLIST_KEYS))
        for key in REQUIRED_CHECKLIST_KEYS:
            if key not in data:
                self.add(1, _N("checklists", "missing required key “{key}”"), key=key)
        cid = self._text(data, "id", top)
        if cid is not None and not ID_RE.match(cid):
            self.add(top.get("id", 1), _N("checklists",
                     "id “{id}” must use lower-case letters, digits, “-” or “_”"), id=cid)
        title = self._text(data, "title", top)
        version = data.get("version")
        if "version" in data and (
            not isinstance(version, int) or isinstance(version, bool) or version < 1
        ):
            self.add(top.get("version", 1), _N("checklists",
                     "“version” must be a whole number from 1 up"))
        types = self._str_list(data, "types", top)
        for t in types or []:
            if t not in self.session_types:
                self.add(top.get("types", 1), _N("checklists",
                         "unknown session type “{type}” (known: {known})"),
                         type=t, known=", ".join(sorted(self.session_types)))
        modes = self._modes(data.get("modes"), top.get("modes", 1), "modes" in data)
        description = data.get("description", "")
        if not isinstance(description, str):
            self.add(top.get("description", 1), _N("checklists", "“{key}” must be text"),
                     key="description")
            description = ""
        steps = self._steps(data.get("steps"), modes or ())
        if self.problems or cid is None or title is None or not isinstance(version, int):
            return None
        return Checklist(
            id=cid, title=title, version=version, types=tuple(types or ()),
            modes=tuple(modes or ()), steps=tuple(steps), description=description.strip(),
            path=real_path(self.path),
        )

    def _text(self, data: Mapping[str, Any], key: str, where: Mapping[str, int],
              default_line: int = 1) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.add(where.get(key, default_line),
                     _N("checklists", "“{key}” must be non-empty text"), key=key)
            return None
        return value.strip()

    def _str_list(self, data: Mapping[str, Any], key: str,
                  where: Mapping[str, int]) -> list[str] | None:
        if key not in data:
            return None
        value = data[key]
        if (not isinstance(value, list) or not value
                or not all(isinstance(x, str) for x in value)):
            self.add(where.get(key, 1), _N("checklists",
                     "“{key}” must be a non-empty list of text, e.g. [\"a\", \"b\"]"), key=key)
            return None
        return list(value)

    def _modes(self, value: Any, line: int, present: bool) -> list[SessionMode] | None:
        if not present:
            return None
        allowed = [m.value for m in SessionMode]
        if not isinstance(value, list) or not value or not all(isinstance(x, str) for x in value):
            self.add(line, _N("checklists", "“modes” must be a list among: {allowed}"),
                     allowed=", ".join(allowed))
            return None
        out = []
        for m in value:
            if m not in allowed:
                self.add(line, _N("checklists", "unknown mode “{mode}” (allowed: {allowed})"),
                         mode=m, allowed=", ".join(allowed))
            else:
                out.append(SessionMode(m))
        return out

    def _steps(self, value: Any, modes: Collection[SessionMode]) -> list[Step]:
        if value is None:
            return []
        if not isinstance(value, list) or not value:
            self.add(self.lines.top.get("steps", 1), _N("checklists",
                     "“steps” must be one or more [[steps]] tables"))
            return []
        out: list[Step] = []
        ids: dict[str, int] = {}
        for n, raw in enumerate(value):
            header = self.lines.steps[n] if n < len(self.lines.steps) else 1
            keys = self.lines.step_keys[n] if n < len(self.lines.step_keys) else {}
            if not isinstance(raw, dict):
                self.add(header, _N("checklists", "each step must be a [[steps]] table"))
                continue
            step = self._step(raw, header, keys, modes)
            if step is None:
                continue
            if step.id in ids:
                self.add(keys.get("id", header), _N("checklists",
                         "duplicate step id “{id}” (first at line {first})"),
                         id=step.id, first=ids[step.id])
                continue
            ids[step.id] = keys.get("id", header)
            out.append(step)
        return out

    def _step(self, raw: Mapping[str, Any], header: int, keys: Mapping[str, int],
              modes: Collection[SessionMode]) -> Step | None:
        before = len(self.problems)
        for key in raw:
            if key not in STEP_KEYS:
                self.add(keys.get(key, header), _N("checklists",
                         "unknown step key “{key}” (allowed: {allowed})"),
                         key=key, allowed=", ".join(STEP_KEYS))
        for key in REQUIRED_STEP_KEYS:
            if key not in raw:
                self.add(header, _N("checklists", "step is missing required key “{key}”"),
                         key=key)
        sid = self._text(raw, "id", keys, header)
        if sid is not None and not ID_RE.match(sid):
            self.add(keys.get("id", header), _N("checklists",
                     "id “{id}” must use lower-case letters, digits, “-” or “_”"), id=sid)
        title = self._text(raw, "title", keys, header)
        why = self._text(raw, "why", keys, header)
        pause_raw = raw.get("pause")
        pause: PausePoint | None = None
        if "pause" in raw:
            try:
                pause = PausePoint(str(pause_raw))
            except ValueError:
                self.add(keys.get("pause", header), _N("checklists",
                         "unknown pause point “{pause}” (allowed: {allowed})"),
                         pause=str(pause_raw), allowed=", ".join(p.value for p in PAUSE_ORDER))
        details = raw.get("details", "")
        if not isinstance(details, str):
            self.add(keys.get("details", header), _N("checklists", "“{key}” must be text"),
                     key="details")
            details = ""
        check = self._text(raw, "check", keys, header)
        if check is not None and check not in AUTO_CHECKS:
            self.add(keys.get("check", header), _N("checklists",
                     "unknown automatic check “{check}” (known: {known})"),
                     check=check, known=", ".join(AUTO_CHECKS))
        tutorial_id = self._text(raw, "tutorial", keys, header)
        section = self._text(raw, "section", keys, header)
        tut: Tutorial | None = None
        if tutorial_id is not None:
            tut = self.tutorials.get(tutorial_id)
            if tut is None:
                self.add(keys.get("tutorial", header), _N("checklists",
                         "tutorial “{tutorial}” not found (no valid {tutorial}.md)"),
                         tutorial=tutorial_id)
        if section is not None:
            if tutorial_id is None:
                self.add(keys.get("section", header), _N("checklists",
                         "“section” needs “tutorial” to say which tutorial it is in"))
            elif tut is not None and section not in tut.sections:
                self.add(keys.get("section", header), _N("checklists",
                         "section “{section}” not found in tutorial “{tutorial}” "
                         "(sections: {known})"),
                         section=section, tutorial=tutorial_id,
                         known=", ".join(tut.sections) or "-")
        image = self._text(raw, "image", keys, header)
        if image is not None and (tutorial_id is None or tut is not None):
            base = tut.folder if tut is not None else self._image_base()
            if not image_inside(base, image):
                self.add(keys.get("image", header), _N(
                    "checklists",
                    "image “{image}” must be a file inside {folder} (no “..”, no absolute path)"),
                    image=image, folder=str(base))
            elif not (base / image).is_file():
                self.add(keys.get("image", header), _N("checklists",
                         "image “{image}” not found in {folder}"),
                         image=image, folder=str(base))
        step_modes = self._modes(raw.get("modes"), keys.get("modes", header), "modes" in raw)
        for m in step_modes or []:
            if modes and m not in modes:
                self.add(keys.get("modes", header), _N("checklists",
                         "step mode “{mode}” is not one of the checklist's modes"), mode=m.value)
        if len(self.problems) > before or sid is None or title is None or why is None:
            return None
        assert pause is not None
        return Step(
            id=sid, title=title, pause=pause, why=why, tutorial=tutorial_id, section=section,
            image=image, check=check, details=details.strip(),
            modes=tuple(step_modes) if step_modes else tuple(SessionMode),
        )

    def _image_base(self) -> Path:
        """Images of steps without a tutorial sit with the shipped tutorials' images."""
        return resources_dir() / "tutorials"
