"""Suite-wide fixtures: offscreen Qt, a fresh data folder and settings per test, a fixed
time zone, failure on unexpected warnings, and no thread left running."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Europe/Paris"
time.tzset()
os.environ.setdefault("OPENCV_LOG_LEVEL", "SILENT")
# The command line speaks the POSIX locale's language and the suite's assertions are
# English: no French locale of the machine leaks into a test (those that want French
# say so with --lang fr or their own environment).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

import gc  # noqa: E402
import logging  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.config import AppConfig  # noqa: E402

pytest_plugins = ["tests.support.fixtures"]

# Set by the test command (tests/run.sh), which starts every real service the suite uses.
REQUIRE_SERVICES = bool(os.environ.get("REGIE_REQUIRE_SERVICES"))


def pytest_configure(config: pytest.Config) -> None:
    """REGIE_TEST_SHIFT_DAYS=365 moves this process's wall clock a year ahead (monotonic
    time and the services the test command starts are untouched): the suite must pass
    all the same, since everything reads "now" from the injected clock."""
    days = os.environ.get("REGIE_TEST_SHIFT_DAYS")
    if days:
        import time_machine

        # A timestamp, not a datetime: time-machine leaves the time zone alone then.
        shifted = time.time() + int(days) * 86_400
        traveller = time_machine.travel(shifted, tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Inside the test command nothing may skip: a skip there means a service or tool it
    should have provided is missing, which is a failure of the command, not of luck."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if REQUIRE_SERVICES and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped inside the test command, which must run it: {reason}"


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (`app.ui.workers.GuiThreadCollector`): reference cycles are freed
    by the main thread only, between tests, never by a worker that happens to allocate
    (a widget destroyed there can deadlock Qt against the GIL)."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    from app.ui.workers import collect_if_due

    collect_if_due()


# A thread found running when its test ended, kept referenced for the rest of the run:
# destroying a QThread that still runs aborts the whole process.
_RUNAWAY_THREADS: list[object] = []
# How long a thread already on its way out (its loop told to quit) may take to end.
_ENDING_GRACE_MS = 1000


@pytest.fixture(autouse=True)
def _no_thread_left_running() -> Iterator[None]:
    """A test fails if a QThread it started still runs when it ends, wherever that thread
    is parented (a widget's child is invisible from the application object); the report
    says where each was started."""
    from tests.support.threads import ThreadWatch

    watch = ThreadWatch()
    watch.begin()
    try:
        yield
    finally:
        watch.end()
    running = watch.still_running(_ENDING_GRACE_MS)
    if running:
        _RUNAWAY_THREADS.extend(thread for thread, _ in running)
        pytest.fail(
            "threads still running when the test ended:\n" + watch.describe(running),
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _same_locale() -> Iterator[None]:
    """A test that starts the window in French (`install_translators`) sets Qt's default
    locale; the next test gets the one it started with back. Qt is looked at only when a
    test loaded it (the pure suites never import it)."""
    import sys

    qt = sys.modules.get("PySide6.QtCore")
    before = qt.QLocale() if qt is not None else None
    yield
    qt = sys.modules.get("PySide6.QtCore")
    if qt is not None:
        qt.QLocale.setDefault(before if before is not None else qt.QLocale.system())


@pytest.fixture(autouse=True)
def _isolated_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own data and config folders, never the developer's real ones."""
    base = tmp_path_factory.mktemp("regie-home")
    monkeypatch.setenv("REGIE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("REGIE_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.delenv("REGIE_DB", raising=False)


@pytest.fixture(autouse=True)
def _fail_on_log_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A test that makes the app log a warning it did not expect fails.

    Tests that expect one read and clear `caplog` themselves.
    """
    caplog.set_level(logging.WARNING)
    yield
    unexpected = [
        r
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING and r.name.startswith("app")
    ]
    if unexpected:
        pytest.fail("unexpected log warnings: " + "; ".join(r.getMessage() for r in unexpected))


@pytest.fixture(autouse=True)
def _real_services_only(request: pytest.FixtureRequest) -> None:
    """Tests marked `keyring` / `audio` / `xvfb` / `atspi` / `postgresql` use the real
    service the test command starts; run without it (a bare pytest), they skip and say why."""
    needs = {
        "keyring": "REGIE_TEST_KEYRING",
        "audio": "REGIE_TEST_AUDIO",
        "xvfb": "REGIE_TEST_DISPLAY",
        "atspi": "REGIE_TEST_ATSPI",
        "postgresql": "REGIE_TEST_PG_URL",
    }
    for marker, env in needs.items():
        if request.node.get_closest_marker(marker) and not os.environ.get(env):
            # A skip here fails inside the test command (pytest_runtest_makereport).
            pytest.skip(f"needs the {marker} service started by the test command ({env})")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "regie.sqlite3"


@pytest.fixture
def config(db_url: str) -> AppConfig:
    from tests.support.fixtures import desk_config  # a plugin: imported once pytest rewrites it

    return desk_config(db_url)


# The storage and licence suites run on both engines; a test that asks for `db_path`
# itself is about the SQLite file and stays on SQLite.
_BOTH_ENGINES = ("tests/storage/", "tests/zoom/", "tests/network/")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(str(metafunc.definition.fspath)).as_posix()
    if "engine" not in metafunc.fixturenames or "db_path" in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    marks = metafunc.definition.iter_markers("parametrize")
    if any(m.args and m.args[0] == "engine" for m in marks):
        return
    if any(part in path for part in _BOTH_ENGINES):
        metafunc.parametrize(
            "engine",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
            indirect=True,
        )
