"""Qt's own words that the French catalogue shipped with Qt lacks.

Qt 6 changed some sources of its file dialog ("&Look in:", the "Folder" type), and its
French catalogue still holds only the older ones: without these the non-native file
dialog would speak English in a French window. Régie's catalogue carries them under Qt's
own contexts; lupdate extracts them from the calls below.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_words() -> list[str]:
    """Each of Qt's words, in the interface's language (a French window checks them)."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QAbstractFileIconProvider", "File"),
        translate("QAbstractFileIconProvider", "%1 File"),
        translate("QAbstractFileIconProvider", "Unknown"),
        translate("QAbstractFileIconProvider", "Alias", "macOS Finder"),
        translate("QAbstractFileIconProvider", "Shortcut", "Windows"),
    ]
