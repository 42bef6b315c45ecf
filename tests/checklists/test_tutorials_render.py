"""Every shipped tutorial renders through Qt's Markdown, and every picture it shows loads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument

from app.checklists.loader import load_catalog, shipped_layer
from app.checklists.markdown import IMAGE_RE

CATALOG = load_catalog([shipped_layer()])


@pytest.mark.parametrize("tutorial_id", sorted(CATALOG.tutorials))
def test_tutorial_renders_with_its_images(qapp: object, tutorial_id: str) -> None:
    tut = CATALOG.tutorials[tutorial_id]
    doc = QTextDocument()
    doc.setBaseUrl(QUrl.fromLocalFile(str(tut.folder) + "/"))
    doc.setMarkdown(tut.markdown)
    assert tut.title in doc.toPlainText()
    for section in tut.sections.values():
        assert section.title in doc.toPlainText()
    images = IMAGE_RE.findall(tut.markdown)
    for name in images:
        data = doc.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                doc.baseUrl().resolved(QUrl(name)))
        assert isinstance(data, QPixmap), name
        assert not data.isNull(), name
        assert (tut.folder / name).is_file()
    # A list followed by an image keeps the image out of the list (blank line before it).
    lines = tut.markdown.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^\s*!\[", line) and i > 0:
            assert lines[i - 1].strip() == "", f"{tut.path}:{i + 1}: blank line needed"


def test_every_step_image_exists() -> None:
    for c in CATALOG.checklists.values():
        for s in c.steps:
            if s.image:
                assert s.tutorial is not None
                img = CATALOG.tutorials[s.tutorial].folder / s.image
                assert img.is_file(), (c.id, s.id)
                assert not QImage(str(img)).isNull(), (c.id, s.id)
