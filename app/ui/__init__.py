"""Qt widgets, models and workers. The only package that imports PySide6."""
