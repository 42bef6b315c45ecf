#!/usr/bin/env bash
# The whole suite: static checks, then pytest with the real services it needs
# (an X server, a PulseAudio null-sink sound card, an unlocked Secret Service).
# Called by installer/bootstrap.sh test with the venv on PATH; extra arguments go to pytest.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
venv=${REGIE_VENV:-$repo/.venv}
if [ -d "$venv/bin" ]; then export PATH="$venv/bin:$PATH"; fi

echo "== ruff"
ruff check app tests installer
echo "== mypy"
mypy
echo "== import-linter"
lint-imports --no-cache
echo "== translations"
python installer/i18n.py check
echo "== pytest (with services)"
# Inside the test command every real service must be there: a missing one fails, never skips.
export REGIE_REQUIRE_SERVICES=1
exec dbus-run-session -- bash "$repo/tests/support/services.sh" python -m pytest "$@"
