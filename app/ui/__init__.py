"""Qt widgets, models and workers. The only package that imports PySide6."""

from app.ui.pyside_hook import lighten_pyside_import_hook

# Before any screen module is imported: each would otherwise have its source read.
lighten_pyside_import_hook()
