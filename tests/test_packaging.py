"""What `pip install .` ships: every package and the resources."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_installation() -> None:
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(cfg["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "app").rglob("__init__.py")
    }
    assert found | {"app.resources"} == listed
    assert cfg["package-dir"]["app.resources"] == "resources"


def test_resources_are_found() -> None:
    from app.config import resources_dir

    res = resources_dir()
    for needed in ("i18n/regie_fr.qm", "icons/regie.svg", "thresholds/camera.toml",
                   "thresholds/audio.toml"):
        assert (res / needed).is_file(), needed
    assert any((res / "checklists").glob("*.toml"))
    assert any((res / "tutorials").glob("*.md"))
