"""The USB identity of a device as Linux shows it under /sys: vendor, product and serial.

A webcam or a USB sound card keeps this key in any port and on any computer, so its
check results follow it into the equipment inventory. A device whose serial cannot be
read has no such key (two of one model could not be told apart)."""

from __future__ import annotations

import re
from pathlib import Path

SOUND_SYSFS = Path("/sys/class/sound")
_ALSA_CARD = re.compile(r"\(hw:(\d+),\d+\)")


def usb_key(device_link: Path) -> str | None:
    """`usb:VENDOR:PRODUCT:SERIAL` of the USB device behind a sysfs `device` link (the
    interface, or the device itself), or None."""
    try:
        here = device_link.resolve(strict=True)
    except OSError:
        return None
    for folder in (here, *list(here.parents)[:3]):
        try:
            vendor = (folder / "idVendor").read_text().strip()
            product = (folder / "idProduct").read_text().strip()
        except OSError:
            continue
        try:
            serial = (folder / "serial").read_text().strip()
        except OSError:
            return None
        return f"usb:{vendor}:{product}:{serial}" if serial and vendor and product else None
    return None


def sound_usb_key(name: str, sysfs: Path = SOUND_SYSFS) -> str | None:
    """The USB key of an ALSA sound device named like "Jabra SPEAK 510 USB: Audio
    (hw:1,0)" (PortAudio's ALSA names carry the card number), or None."""
    found = _ALSA_CARD.search(name)
    if found is None:
        return None
    return usb_key(sysfs / f"card{found.group(1)}" / "device")
