"""Help: the shipped tutorials (Markdown with their pictures, through Qt's own Markdown)
and the accessibility statement, in one window reached by F1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.config import resources_dir

STATEMENT = "accessibility"


@dataclass(frozen=True, slots=True)
class HelpPage:
    """A tutorial file: its title (first heading) and where it lies (its pictures are
    found beside it)."""

    title: str
    path: Path


def tutorials(folder: Path | None = None) -> list[HelpPage]:
    """The tutorials of the folder, by title; a file without a heading is named by its
    file name."""
    folder = folder or resources_dir() / "tutorials"
    pages = []
    for path in sorted(folder.glob("*.md")):
        title = path.stem
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("# "):
                    title = line[2:].strip()
                    break
        pages.append(HelpPage(title, path))
    return sorted(pages, key=lambda p: p.title.casefold())


class HelpDialog(QDialog):
    """The list of tutorials and the accessibility statement on the left, the page read
    on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self.setWindowTitle(self.tr("Help"))
        self.pages = tutorials(folder)
        self.index = QListWidget()
        self.index.setAccessibleName(self.tr("Help pages"))
        self.index.setMaximumWidth(280)
        # Long titles wrap rather than hide behind a horizontal scroll bar.
        self.index.setWordWrap(True)
        self.index.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.index.setSpacing(2)
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setToolTip(page.title)
            item.setData(Qt.ItemDataRole.UserRole, str(page.path))
            self.index.addItem(item)
        statement = QListWidgetItem(self.tr("Accessibility statement"))
        statement.setData(Qt.ItemDataRole.UserRole, STATEMENT)
        self.index.addItem(statement)
        self.browser = QTextBrowser()
        self.browser.setObjectName("HelpText")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.index)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.index.currentRowChanged.connect(self._show)
        self.resize(960, 640)
        self.index.setCurrentRow(0)
        self.index.setFocus()

    def _show(self, row: int) -> None:
        if not 0 <= row < self.index.count():
            return
        target = str(self.index.item(row).data(Qt.ItemDataRole.UserRole))
        if target == STATEMENT:
            self.browser.setMarkdown(self.statement_markdown())
            return
        path = Path(target)
        # Relative pictures (images/…) resolve against the tutorial's folder.
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))

    def show_statement(self) -> None:
        self.index.setCurrentRow(self.index.count() - 1)

    def statement_markdown(self) -> str:
        return self.tr(
            "# Accessibility statement\n\n"
            "Régie aims to be usable by every member of the library staff.\n\n"
            "## What is supported\n\n"
            "- **Keyboard**: every area and every dialog can be used without a mouse; "
            "Ctrl+1 to Ctrl+9 open the work areas, F1 opens this help.\n"
            "- **Screen readers**: buttons, fields, lists and tables carry names that "
            "screen readers read out.\n"
            "- **Contrast and colour**: texts are contrasted, and a verdict is always "
            "said with a symbol and a word, never by colour alone.\n"
            "- **French**: the whole window, its dialogs and the command line are in "
            "French, with numbers, dates and durations written the French way.\n\n"
            "## Reporting a problem\n\n"
            "If a part of Régie is hard or impossible to use for you, tell your AV "
            "technician or the library network's IT help desk: say which screen, what "
            "you tried to do, and which assistive technology you use. The problem will "
            "be answered and corrected in a following version.\n"
        )
