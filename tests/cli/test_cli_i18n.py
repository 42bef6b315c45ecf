"""The command line reads the shipped French catalogue without Qt."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.cli import i18n


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_french_comes_from_the_shipped_catalogue() -> None:
    i18n.set_language("fr")
    assert i18n.tr_cli("MainWindow", "%n waiting to be sent", None, 2) == "2 en attente d’envoi"
    i18n.set_language("en")
    assert i18n.tr_cli("MainWindow", "%n waiting to be sent", None, 2) == "2 waiting to be sent"


def test_unknown_strings_stay_in_english() -> None:
    i18n.set_language("fr")
    assert i18n.tr_cli("Nowhere", "Not in the catalogue") == "Not in the catalogue"


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:en", "LANG": "C"}, "fr"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_follows_the_posix_locale(env: dict[str, str], lang: str) -> None:
    assert i18n.choose_language(None, env) == lang
    assert i18n.choose_language("fr", env) == "fr"
