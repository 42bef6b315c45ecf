"""The test command installs every program the suite runs: on a fresh, minimal Debian
the packages of `installer/bootstrap.sh` must provide them all."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

BOOTSTRAP = Path(__file__).resolve().parents[1] / "installer" / "bootstrap.sh"

# Programs the suite runs that a minimal Debian lacks: PyInstaller's objdump and the C
# compiler of the bundle's slimmer libraries (bundle tests), the services of
# tests/support/services.sh, the mounts of tests/support/disks.py.
PROGRAMS = ["objdump", "gcc", "Xvfb", "pulseaudio", "pacat", "gnome-keyring-daemon",
            "dbus-run-session"]


def installed_by_bootstrap() -> set[str]:
    """runtime_packages and test_packages as bash reads them from the script, with
    everything they depend on (what apt-get installs along)."""
    script = (
        'eval "$(sed -n \'/^runtime_packages=(/,/^)/p; /^test_packages=(/,/^)/p\' "$1")"; '
        'printf "%s\\n" "${runtime_packages[@]}" "${test_packages[@]}"'
    )
    listed = subprocess.run(["bash", "-c", script, "bash", str(BOOTSTRAP)],
                            capture_output=True, text=True, check=True).stdout.split()
    assert "postgresql" in listed  # the script was read
    closure = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
         "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *listed],
        capture_output=True, text=True, check=True,
    ).stdout
    return {line.strip() for line in closure.splitlines() if not line.startswith(" ")}


@pytest.fixture(scope="module")
def installed() -> set[str]:
    if shutil.which("dpkg") is None or shutil.which("apt-cache") is None:
        pytest.skip("the bootstrap script is for Debian and Ubuntu (dpkg, apt)")
    return installed_by_bootstrap()


@pytest.mark.parametrize("program", PROGRAMS)
def test_the_test_packages_provide(program: str, installed: set[str]) -> None:
    path = shutil.which(program)
    assert path is not None, f"{program} is not installed"
    owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
    if owner.returncode != 0:  # merged /usr: the package lists the other spelling
        other = path.replace("/usr/bin/", "/bin/") if path.startswith("/usr/") else (
            "/usr" + path)
        owner = subprocess.run(["dpkg", "-S", other], capture_output=True, text=True,
                               check=False)
    assert owner.returncode == 0, owner.stderr
    packages = {line.split(":")[0].strip() for line in owner.stdout.splitlines()}
    assert packages & installed, (
        f"{program} comes from {packages}, which installer/bootstrap.sh does not install"
    )
