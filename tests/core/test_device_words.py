"""Device names saved with a check are said in the interface's words: the simulated
devices of the training rooms by what they are, PortAudio's "default" by that word."""

from __future__ import annotations

from app.core.checks import device_words

FRENCH = {
    "Simulated microphone ({name})": "Micro simulé ({name})",
    "Simulated camera ({name})": "Caméra simulée ({name})",
    "System default": "Appareil par défaut du système",
}


def say(_context: str, text: str) -> str:
    return FRENCH.get(text, text)


def test_simulated_devices_are_named_as_such() -> None:
    assert device_words("simulated:speech.wav", say) == "Micro simulé (speech.wav)"
    assert device_words("simulated:scene.png", say, camera=True) == "Caméra simulée (scene.png)"
    assert device_words("Simulated camera (astronaut.png)", say) == (
        "Caméra simulée (astronaut.png)")


def test_system_default_is_a_word_and_real_names_stay() -> None:
    assert device_words("default", say) == "Appareil par défaut du système"
    for name in ("Logitech C920", "HDA Intel PCH: ALC257 Analog (hw:0,0)", "defaults"):
        assert device_words(name, say) == name
