#!/usr/bin/env bash
# Runs "$@" with the real parts the tests use, then stops them whatever happens.
# Expects to run inside dbus-run-session (a private session bus for the Secret Service).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/regie-services.XXXXXX)
pids=()
cleanup() {
  if [ -n "${PULSE_STARTED:-}" ]; then pulseaudio --kill >/dev/null 2>&1 || true; fi
  for p in "${pids[@]}"; do kill "$p" >/dev/null 2>&1 || true; done
  wait >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Everything writes under a throwaway home, never the developer's.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/home/.config"
export XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# --- Secret Service: gnome-keyring on the private bus, unlocked with a throwaway password.
if command -v gnome-keyring-daemon >/dev/null; then
  printf 'regie-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export REGIE_TEST_KEYRING=1
fi

# --- X server for the real-window screenshot test (pytest-qt itself stays offscreen).
if command -v Xvfb >/dev/null; then
  exec {fd}<> <(:)
  Xvfb -displayfd "$fd" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  pids+=($!)
  read -r -t 10 -u "$fd" display_number || true
  if [ -n "${display_number:-}" ]; then export REGIE_TEST_DISPLAY=":$display_number"; fi
fi

# --- Sound card with no hardware: PulseAudio null sinks reached by PortAudio through ALSA.
if command -v pulseaudio >/dev/null; then
  cp "$here/regie-test.pa" "$work/regie-test.pa"
  cp "$here/asoundrc" "$HOME/.asoundrc"
  if pulseaudio --daemonize=yes -n -F "$work/regie-test.pa" --exit-idle-time=-1 \
      --disallow-exit --use-pid-file=yes --log-target=file:"$work/pulse.log" >/dev/null 2>&1; then
    PULSE_STARTED=1
    # An idle null sink delays a capture stream's first callback by ~2 s: keep each clocked.
    for sink in regie_speaker regie_mic_feed; do
      pacat --playback --device="$sink" --latency-msec=20 --raw --format=s16le --rate=48000 \
        --channels=1 </dev/zero >/dev/null 2>&1 &
      pids+=($!)
    done
    sleep 2
    export REGIE_TEST_AUDIO=1
  fi
fi

"$@"
