"""The main window: a sidebar of work areas and the area shown beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui import colours
from app.ui.focus import install_focus_rings


class AreaStack(QStackedWidget):
    """The stack of work areas, sized by the area shown only: a tall area must not make
    every other one scroll, and the scroll area around it reflows the one shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        """The shown area's, not the tallest of all (the stacked layout's answer): a
        camera check's wrapped verdicts must not make Aujourd'hui scroll afterwards."""
        current = self.currentWidget()
        return current.heightForWidth(width) if current is not None else -1

if TYPE_CHECKING:
    from app.ui.help import HelpDialog


class Area:
    """One work area: its key (settings, tests), sidebar title, icon and widget.

    `widget` is the area itself, or what builds it: an area other than the first is built
    when first shown (or first asked for), so that start-up builds only what it shows."""

    def __init__(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        icon: QIcon | None = None,
    ) -> None:
        self.key = key
        self.title = title
        self.icon = icon
        self._widget = widget if isinstance(widget, QWidget) else None
        self._build = None if isinstance(widget, QWidget) else widget
        self.on_built: Callable[[Area], None] | None = None  # the window adopts it

    @property
    def built(self) -> QWidget | None:
        """The area's widget if it exists yet; None while it was never needed."""
        return self._widget

    @property
    def widget(self) -> QWidget:
        """The area's widget, built now if it was not yet."""
        if self._widget is None:
            assert self._build is not None
            self._widget = self._build()
            self._build = None
            if self.on_built is not None:
                self.on_built(self)
        return self._widget

    @widget.setter
    def widget(self, widget: QWidget) -> None:
        self._widget = widget
        self._build = None


class MainWindow(QMainWindow):
    area_changed = Signal(str)
    area_built = Signal(str)  # an area built on first need, by its key
    demo_requested = Signal()
    backup_requested = Signal()
    network_requested = Signal()

    def __init__(
        self,
        areas: list[Area] | None = None,
        *,
        database: str = "",
        late_shortcuts: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`late_shortcuts`: Ctrl+Q and F1 come with `add_shortcuts` (the desk calls it
        once the first screen is up), not now."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_focus_rings(app)  # a visible keyboard focus on every widget
        self.setWindowTitle(self.tr("Régie — remote sessions desk"))
        self.setAccessibleName(self.windowTitle())
        self.areas: list[Area] = []

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName(self.tr("Work areas"))
        self.sidebar.setMaximumWidth(220)
        self.sidebar.setMinimumWidth(150)
        self.stack = AreaStack()
        # A small screen (1366×768 at 125 %) scrolls the area rather than cutting it.
        self.area_scroll = QScrollArea()
        self.area_scroll.setObjectName("AreaScroll")
        self.area_scroll.setWidgetResizable(True)
        self.area_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area_scroll.setWidget(self.stack)
        self.sidebar.currentRowChanged.connect(self._on_area)
        # As wide as its longest title, no wider: the areas need the room.
        self.sidebar.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)

        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Warning"))
        self.banner.setStyleSheet(
            f"QLabel#Banner {{ color: {colours.BANNER.fg}; background: {colours.BANNER.bg};"
            f" border: 1px solid {colours.BANNER_EDGE};"
            " border-radius: 4px; padding: 6px; }"
        )
        self.banner.hide()
        self._banners: dict[str, str] = {}
        split = QSplitter()  # side by side (the default: Qt's namespace is not loaded yet)
        split.addWidget(self.sidebar)
        split.addWidget(self.area_scroll)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.view_menu: QMenu | None = None
        self.help_dialog: HelpDialog | None = None
        self._build_menu()
        if not late_shortcuts:
            self.add_shortcuts()
        self.db_label = QLabel()
        self.db_label.setAccessibleName(self.tr("Database in use"))
        self.queue_label = QLabel()
        self.queue_label.setObjectName("QueueLabel")
        self.queue_label.setAccessibleName(self.tr("Writes waiting for the server"))
        self.queue_label.hide()
        self.statusBar().addPermanentWidget(self.queue_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.set_database(database)
        if areas:
            self.set_areas(areas)
        self._restore()

    def add_shortcuts(self) -> None:
        """Ctrl+Q and F1 (from dialogs too), once the first screen is up: giving an action
        its shortcut loads Qt's namespace, 25 ms of enums the first screen does without."""
        from PySide6.QtCore import Qt

        if not self.quit_action.shortcut().isEmpty():
            return
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.tutorials_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.tutorials_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def show_banner(self, text: str, *, key: str = "") -> None:
        """A lasting warning above the areas (e.g. no usable keyring): symbol + words.
        Warnings of different `key`s are shown together; each is cleared on its own."""
        self._banners[key] = text
        self._show_banners()

    def clear_banner(self, key: str = "") -> None:
        self._banners.pop(key, None)
        self._show_banners()

    def banner_text(self) -> str:
        return self.banner.text() if self._banners else ""

    def _show_banners(self) -> None:
        if not self._banners:
            self.banner.clear()
            self.banner.hide()
            return
        self.banner.setText("\n".join("▲ " + t for t in self._banners.values()))
        self.banner.setAccessibleDescription(self.banner.text())
        self.banner.show()

    def set_queue(self, waiting: int) -> None:
        """The writes kept on this computer until the server answers."""
        if waiting <= 0:
            self.queue_label.clear()
            self.queue_label.hide()
            return
        self.queue_label.setText(self.tr("%n waiting to be sent", "", waiting))
        self.queue_label.setAccessibleDescription(self.queue_label.text())
        self.queue_label.show()

    def set_database(self, name: str) -> None:
        self.db_label.setText(self.tr("Database: %1").replace("%1", name) if name else "")

    def set_startup_page(self, widget: QWidget) -> None:
        """What the window shows while the database opens (or why it could not)."""
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def set_areas(self, areas: list[Area]) -> None:
        """Install the work areas once their services exist; drops the start-up page."""
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        from PySide6.QtCore import Qt  # loaded after the first screen (25 ms of enums)

        self.areas = areas
        assert self.view_menu is not None
        self.add_shortcuts()
        for i, area in enumerate(areas):
            item = QListWidgetItem(area.title)
            if area.icon is not None:
                item.setIcon(area.icon)
            shortcut = QKeySequence(f"Ctrl+{i + 1}")
            native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{area.title} ({native})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, area.title)
            self.sidebar.addItem(item)
            if area.built is not None:
                self.stack.addWidget(area.built)
            else:
                area.on_built = self._adopt
            go = self.view_menu.addAction(area.title)
            if i < 9:
                go.setShortcut(shortcut)
            go.triggered.connect(lambda _c=False, n=i: self.show_area(n))
        self.sidebar.setCurrentRow(0)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        demo = file_menu.addAction(self.tr("Load &demo network…"))
        demo.triggered.connect(self.demo_requested)
        backup = file_menu.addAction(self.tr("&Back up the database…"))
        backup.triggered.connect(self.backup_requested)
        network = file_menu.addAction(self.tr("&Network database…"))
        network.triggered.connect(self.network_requested)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.triggered.connect(self.close)
        self.quit_action = quit_action
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        tutorials = help_menu.addAction(self.tr("&Tutorials"))
        self.tutorials_action = tutorials
        tutorials.triggered.connect(lambda: self.open_help())
        statement = help_menu.addAction(self.tr("A&ccessibility statement"))
        statement.triggered.connect(lambda: self.open_help(statement=True))
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About Régie"))
        about.triggered.connect(self._about)

    def show_area(self, key_or_index: str | int) -> QWidget:
        index = (
            key_or_index
            if isinstance(key_or_index, int)
            else next(i for i, a in enumerate(self.areas) if a.key == key_or_index)
        )
        self.sidebar.setCurrentRow(index)
        return self.areas[index].widget

    def area(self, key: str) -> QWidget:
        """Area `key`'s widget, built now if it was not yet."""
        return next(a.widget for a in self.areas if a.key == key)

    def built_area(self, key: str) -> QWidget | None:
        """Area `key`'s widget if it was built; None while it was never needed."""
        return next(a.built for a in self.areas if a.key == key)

    def _adopt(self, area: Area) -> None:
        """An area built on first need joins the stack (its place there is no matter:
        the sidebar's rows name the areas)."""
        self.stack.addWidget(area.widget)
        self.area_built.emit(area.key)

    def replace_area(self, key: str, widget: QWidget) -> None:
        """Put `widget` in the place of area `key` (an area that could not be built while
        the server was away, built now); the sidebar and shortcuts stay as they are."""
        area = next(a for a in self.areas if a.key == key)
        old = area.built
        if old is None:  # never shown: the new one is built when it is
            area.widget = widget
            self.stack.addWidget(widget)
            return
        index = self.stack.indexOf(old)
        shown = self.stack.currentWidget() is old
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        area.widget = widget
        if shown:
            self.stack.setCurrentWidget(widget)

    def _on_area(self, index: int) -> None:
        if index < 0:
            return
        area = self.areas[index]
        self.stack.setCurrentWidget(area.widget)
        self.area_changed.emit(area.key)

    def open_help(self, *, statement: bool = False) -> HelpDialog:
        """The help window (one at a time), on the tutorials or the statement."""
        from app.ui.help import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        if statement:
            self.help_dialog.show_statement()
        self.help_dialog.show()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Régie"),
            self.tr(
                "<b>Régie %1</b><p>Prepare, launch and report on the library network's "
                "remote and hybrid cultural sessions.</p>"
            ).replace("%1", __version__),
        )

    def _restore(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        for area in self.areas:
            close = getattr(area.built, "shutdown", None)
            if callable(close):
                close()
        super().closeEvent(event)
