#!/usr/bin/env bash
# Runs "$@" with the real parts the tests use, then stops them whatever happens.
# Expects to run inside dbus-run-session (a private session bus for the Secret Service).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/regie-services.XXXXXX)
pids=()
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
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

# --- Accessibility bus (AT-SPI) on the private session bus, for the screen-reader test:
# Qt's bridge publishes the window there, pyatspi (the system's python3) reads it.
if [ -n "${REGIE_TEST_DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  launcher=$(ls /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher 2>/dev/null | head -n 1 || true)
  if [ -n "$launcher" ] && /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
    DISPLAY="$REGIE_TEST_DISPLAY" "$launcher" --launch-immediately >"$work/atspi.log" 2>&1 &
    pids+=($!)
    export REGIE_TEST_ATSPI=1
  fi
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

# --- Network database: a throwaway PostgreSQL cluster on a free loopback port (trust,
# except the role regie_pw, which must give its password: the keyring test uses it).
pg_bin=${REGIE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -x "$pg_bin/initdb" ]; then
  pg_dir=$(mktemp -d /tmp/regie-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; fi
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if pg_as "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >"$work/initdb.log" 2>&1 \
    && { printf 'host all regie_pw 127.0.0.1/32 scram-sha-256\n'; cat "$pg_dir/data/pg_hba.conf"; } \
      >"$pg_dir/hba" && cat "$pg_dir/hba" >"$pg_dir/data/pg_hba.conf" \
    && pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" \
      -o "-k $pg_dir -p $pg_port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      -w start >/dev/null 2>&1; then
    export REGIE_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/postgres"
    export REGIE_TEST_PG_BIN="$pg_bin" REGIE_TEST_PG_DATA="$pg_dir/data"
  fi
fi

"$@"
