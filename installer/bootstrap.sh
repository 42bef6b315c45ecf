#!/usr/bin/env bash
# Régie's two entry points on a Debian/Ubuntu machine, run as root:
#   bash installer/bootstrap.sh run [regie options]   install what is missing, then start Régie
#   bash installer/bootstrap.sh test [pytest options] install what is missing, then run every check
# Both are idempotent: a second run only verifies and starts.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv=${REGIE_VENV:-$repo/.venv}
python=${REGIE_PYTHON:-python3}

# Libraries Qt needs offscreen and on X11, PortAudio, and the real services the tests start.
runtime_packages=(
  libgl1 libegl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core libdbus-1-3 libglib2.0-0 libpulse0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libportaudio2 libasound2-plugins
)
test_packages=(
  xvfb xauth pulseaudio pulseaudio-utils gnome-keyring dbus
  postgresql  # the server binaries for the throwaway network database of the tests
  binutils  # objdump, with which PyInstaller finds the libraries the bundle test packs
  gcc libc6-dev  # the bundle's slimmer ICU data and BLAS forwarder (installer/slim.py)
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0  # the screen-reader view of the window
)

need_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "régie: installing system packages: ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
      echo "régie: run this as root (or install those packages with sudo apt-get install) and try again." >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

need_venv() {
  if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -m venv "$venv" 2>/dev/null; then
      need_apt python3-venv
      "$python" -m venv "$venv"
    fi
  fi
  # Reinstall only when the project's metadata changed since the last install.
  local stamp="$venv/.regie-installed" want
  want=$(sha256sum "$repo/pyproject.toml" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "régie: installing Python packages into $venv (log: $venv/pip.log)"
    if ! { "$venv/bin/python" -m pip install --upgrade pip &&
           "$venv/bin/python" -m pip install -e "$repo[test]"; } >"$venv/pip.log" 2>&1; then
      tail -n 30 "$venv/pip.log" >&2
      echo "régie: installing the Python packages failed; the whole log is $venv/pip.log" >&2
      exit 1
    fi
    echo "$want" >"$stamp"
  fi
}

# PyInstaller (the bundle test) needs the interpreter's shared library, which Debian and
# Ubuntu ship apart from their own Python (libpython3.11 on Debian 12). Another Python
# (pyenv, a build of one's own) carries its library itself.
need_libpython() {
  local exe
  exe=$(command -v "$python") || return 0
  if dpkg -S "$(readlink -f "$exe")" >/dev/null 2>&1; then
    need_apt "libpython$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  fi
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    need_apt "${runtime_packages[@]}"
    need_venv
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "régie: no graphical display here. Run this from a desktop session," >&2
      echo "       or on a server: xvfb-run -a bash installer/bootstrap.sh run" >&2
      exit 2
    fi
    exec "$venv/bin/regie" "$@"
    ;;
  test)
    need_apt "${runtime_packages[@]}" "${test_packages[@]}"
    need_venv
    need_libpython
    export PATH="$venv/bin:$PATH"
    exec bash "$repo/tests/run.sh" "$@"
    ;;
  *)
    echo "usage: bash installer/bootstrap.sh run|test [options]" >&2
    exit 64
    ;;
esac
