#!/usr/bin/env bash
# The whole suite: static checks, then pytest with the real services it needs
# (an X server, a PulseAudio null-sink sound card, an unlocked Secret Service).
# Called by installer/bootstrap.sh test with the venv on PATH; extra arguments go to pytest.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

echo "== ruff"
ruff check app tests installer
echo "== mypy"
mypy
echo "== import-linter"
lint-imports --no-cache
echo "== pytest (with services)"
exec dbus-run-session -- bash "$repo/tests/support/services.sh" python -m pytest "$@"
