"""Help: F1 opens the tutorials, rendered by Qt's Markdown with their pictures, and the
accessibility statement; all of it by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.checklists.markdown import IMAGE_RE
from app.config import resources_dir
from app.ui.help import HelpDialog, tutorials
from app.ui.main_window import MainWindow

FOLDER = resources_dir() / "tutorials"


def test_f1_opens_the_tutorials_and_the_arrows_read_them(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: dialog.index.hasFocus(), timeout=5000)
    files = sorted(FOLDER.glob("*.md"))
    assert len(files) >= 8
    assert dialog.index.count() == len(files) + 1  # every tutorial, then the statement
    seen = set()
    for row, page in enumerate(dialog.pages):
        assert dialog.index.currentRow() == row
        text = dialog.browser.toPlainText()
        assert page.title in text
        assert "![" not in text and "**" not in text  # rendered, not shown as source
        doc: QTextDocument = dialog.browser.document()
        markdown = page.path.read_text(encoding="utf-8")
        for name in IMAGE_RE.findall(markdown):
            image = doc.resource(QTextDocument.ResourceType.ImageResource.value,
                                 doc.baseUrl().resolved(QUrl(name)))
            if image is None:
                image = doc.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                         doc.baseUrl().resolved(QUrl(name)))
            assert isinstance(image, QPixmap) and not image.isNull(), (page.path, name)
        seen.add(page.path)
        qtbot.keyClick(dialog.index, Qt.Key.Key_Down)
    assert seen == set(files)
    assert "Keyboard" in dialog.browser.toPlainText()  # the last entry: the statement
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_help_menu_offers_the_statement(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(menu, QMenu)
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names == ["&Tutorials", "A&ccessibility statement", "&About Régie"]
    assert menu.actions()[0].shortcut().toString() == "F1"
    menu.actions()[1].trigger()
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for words in ("Keyboard", "Screen readers", "Contrast", "French", "Reporting a problem"):
        assert words in text
    dialog.close()


def test_a_tutorial_without_a_heading_is_named_by_its_file(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Zèbre\n\ntexte\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("pas de titre\n", encoding="utf-8")
    assert [p.title for p in tutorials(tmp_path)] == ["a", "Zèbre"]
