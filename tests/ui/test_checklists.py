"""The checklists area, driven through its widgets on a real database."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from app.core.checklists import RunMode, StepState
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.models import LicencePlan, SessionDraft, SessionMode
from app.services import Services, build_checklists
from app.ui.checklists import ChecklistsArea, RunSaver
from app.ui.workers import ImmediatePool
from tests.support.fixtures import FIXED_NOW
from tests.support.offline import HeldPool


def seed(services: Services) -> dict[str, int]:
    refs = services.references
    branch = refs.add_branch("vaise", "Vaise")
    trainee = refs.add_staff("Inès Martin", branch, "trainee")
    tutor = refs.add_staff("Marc Roux", branch, "technician")
    lic = refs.add_licence("Zoom 1", "zoom1@example.org", LicencePlan.PRO, 100)
    concert = next(t for t in refs.session_types() if t.code == "concert")
    start = FIXED_NOW + timedelta(hours=2)
    sid = services.sessions.create(SessionDraft(
        title="Concert de Noël", type_id=concert.id, branch_id=branch, start=start,
        end=start + timedelta(hours=1), mode=SessionMode.HYBRID, capacity=50, licence_id=lic,
    ))
    return {"trainee": trainee, "tutor": tutor, "session": sid}


def make_area(qtbot, services: Services) -> ChecklistsArea:
    area = ChecklistsArea(services, build_checklists(services), pool=ImmediatePool())
    qtbot.addWidget(area)
    area.show()
    return area


def select(combo, data) -> None:
    i = combo.findData(data)
    assert i >= 0, data
    combo.setCurrentIndex(i)


def test_guided_practice_run_to_sign_off_and_training_record(qtbot, services: Services) -> None:
    ids = seed(services)
    area = make_area(qtbot, services)
    area.for_practice.setChecked(True)
    select(area.practice_mode, "remote")
    select(area.checklist_combo, "conte")
    select(area.run_mode, RunMode.READ_DO.value)
    select(area.runner, ids["trainee"])
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.read_do_page
    run = area.run
    assert run is not None
    assert area.rd_step.text() == run.steps[0].title
    assert "Réserver une licence" in area.rd_browser.toPlainText()
    assert not area.rd_back.isEnabled()
    assert not area.rd_sign.isVisible()

    # Step 1 done, step 2 skipped with a reason, then back and forward again.
    qtbot.mouseClick(area.rd_next, Qt.MouseButton.LeftButton)
    assert area.rd_position.text().startswith("Step 2 of")
    qtbot.keyClicks(area.rd_skip.reason, "Le technicien s'en occupe")
    qtbot.mouseClick(area.rd_skip.button, Qt.MouseButton.LeftButton)
    assert run.record(run.steps[1].id).state is StepState.SKIPPED
    qtbot.mouseClick(area.rd_back, Qt.MouseButton.LeftButton)
    assert area.rd_state.text().startswith("⤼ Skipped")
    qtbot.mouseClick(area.rd_next, Qt.MouseButton.LeftButton)
    # The webcam step shows its picture through the tutorial's base URL.
    assert run.current.id == "webcam"
    area.rd_note.setText("webcam de secours utilisée")
    qtbot.mouseClick(area.rd_next, Qt.MouseButton.LeftButton)
    assert run.record("webcam").note == "webcam de secours utilisée"
    while not run.complete:
        qtbot.mouseClick(area.rd_next, Qt.MouseButton.LeftButton)
    assert area.rd_sign.isVisible()
    assert area.rd_sign.button.isEnabled()
    assert area.rd_sign.who.currentData() == ids["trainee"]
    select(area.rd_sign.who, ids["tutor"])
    qtbot.mouseClick(area.rd_sign.button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.start_page
    assert "signed off" in area.status.text()

    area.tabs.setCurrentWidget(area.training)
    table = area.training.table
    assert table.rowCount() == 1
    cells = [table.item(0, col) for col in range(table.columnCount())]
    texts = [c.text() if c is not None else "" for c in cells]
    assert texts[0] == "Inès Martin"
    assert texts[7] == "Marc Roux"
    assert texts[4] == "practice"


def test_do_confirm_for_a_session_ticks_from_checks_and_resumes(
    qtbot, services: Services
) -> None:
    ids = seed(services)
    cam = CheckResult(CheckKind.CAMERA, "Webcam", {"light": Criterion("light", 120, Verdict.PASS)})
    services.checks.save(cam, operator="t", session_id=ids["session"])
    area = make_area(qtbot, services)
    area.for_session.setChecked(True)
    select(area.session_combo, ids["session"])
    assert [area.checklist_combo.itemData(i) for i in range(area.checklist_combo.count())] == [
        "concert-projection"]
    assert area.run_mode.currentData() == RunMode.DO_CONFIRM.value
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.list_page
    assert area.step_item("licence").checkState(0) == Qt.CheckState.Checked
    assert area.step_item("test-camera").text(1) == "✔ Done (automatic check)"
    assert area.step_item("echo").checkState(0) == Qt.CheckState.Unchecked

    area.step_item("webcam").setCheckState(0, Qt.CheckState.Checked)
    area.dc_tree.setCurrentItem(area.step_item("son-original"))
    assert "Son original" in area.dc_browser.toPlainText()
    qtbot.keyClicks(area.dc_skip.reason, "Projection, pas de musiciens")
    qtbot.keyClick(area.dc_skip.reason, Qt.Key.Key_Return)
    assert area.step_item("son-original").text(1).startswith("⤼ Skipped")

    # An audio check passes while the list is open: "check again" ticks sound and echo.
    audio = CheckResult(CheckKind.AUDIO, "Micro", {
        "level": Criterion("level", -18.0, Verdict.PASS),
        "echo": Criterion("echo", -30.0, Verdict.PASS),
    })
    services.checks.save(audio, operator="t", session_id=ids["session"])
    qtbot.mouseClick(area.dc_refresh, Qt.MouseButton.LeftButton)
    assert area.step_item("echo").checkState(0) == Qt.CheckState.Checked
    assert area.step_item("test-son").checkState(0) == Qt.CheckState.Checked
    assert not area.dc_sign.button.isEnabled()

    # Close, then resume from the list of unfinished runs: nothing is lost.
    qtbot.mouseClick(area.dc_close, Qt.MouseButton.LeftButton)
    assert area.unfinished.count() == 1
    assert "Concert de Noël" in area.unfinished.item(0).text()
    qtbot.mouseClick(area.resume_button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.list_page
    assert area.step_item("webcam").checkState(0) == Qt.CheckState.Checked
    assert area.step_item("son-original").text(1) == "⤼ Skipped: Projection, pas de musiciens"
    run = area.run
    assert run is not None
    for step in run.pending():
        area.step_item(step.id).setCheckState(0, Qt.CheckState.Checked)
    assert area.dc_sign.button.isEnabled()
    select(area.dc_sign.who, ids["tutor"])
    qtbot.mouseClick(area.dc_sign.button, Qt.MouseButton.LeftButton)
    assert area.unfinished.count() == 0
    # A do-confirm run is not a training record.
    assert area.training.table.rowCount() == 0
    assert area.training.empty.isVisible() or not area.training.isVisible()


def test_invalid_user_files_are_listed(qtbot, services: Services) -> None:
    from app.config import config_dir

    folder = config_dir() / "checklists"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('id = "mine"\nversion = 1\n', encoding="utf-8")
    area = make_area(qtbot, services)
    assert area.problems_box.isVisible()
    texts = [area.problems.item(i).text() for i in range(area.problems.count())]
    assert any(t.endswith("mine.toml:1: missing required key “title”") for t in texts)
    (folder / "mine.toml").unlink()
    qtbot.mouseClick(area.reload_button, Qt.MouseButton.LeftButton)
    assert not area.problems_box.isVisible()


def test_saves_run_in_workers_and_land_in_click_order_on_one_run(
    qtbot, services: Services
) -> None:
    seed(services)
    service = build_checklists(services)
    pool = HeldPool()
    owner = QWidget()  # the area owns its saver; here a plain widget does
    qtbot.addWidget(owner)
    saver = RunSaver(service, pool, owner)
    run = service.begin("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE)
    for step in run.steps[:5]:  # five clicks before the first save has returned
        run.tick(step.id)
        saver.save(run)
    done: list[bool] = []
    saver.when_idle(lambda: done.append(True))
    assert len(pool.jobs) == 1 and not done  # one save at a time
    while not done:
        if pool.jobs:
            pool.run_next()
        QCoreApplication.processEvents()
    assert saver.idle and pool.jobs == [] and run.state.id is not None
    assert len(service.repo.runs()) == 1  # the queued saves found the run by its key
    stored = service.repo.load(run.state.id)
    assert [r.state for r in stored.records[:5]] == [StepState.DONE] * 5
    assert stored.records[5].state is StepState.PENDING


def _guided_practice_to_the_end(qtbot, area: ChecklistsArea) -> None:
    area.for_practice.setChecked(True)
    select(area.practice_mode, "remote")
    select(area.checklist_combo, "conte")
    select(area.run_mode, RunMode.READ_DO.value)
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    run = area.run
    assert run is not None
    while not run.complete:
        qtbot.mouseClick(area.rd_next, Qt.MouseButton.LeftButton)


def test_sign_off_names_nobody_until_someone_is_chosen(qtbot, services: Services) -> None:
    """Nobody is credited by default: not the staff member who sorts first, not the one
    who signed the previous run off."""
    ids = seed(services)
    early = services.references.add_staff("Aline Abadie", services.references.branches()[0].id,
                                          "agent")  # sorts first
    area = make_area(qtbot, services)
    assert area.runner.currentData() is None  # "(choose at sign-off)"
    _guided_practice_to_the_end(qtbot, area)
    bar = area.rd_sign
    assert bar.isVisible() and bar.button.isEnabled()
    assert bar.who.currentData() is None
    assert bar.who.currentText() == "(choose who signs off)"
    assert [bar.who.itemData(i) for i in range(bar.who.count())][1:] == [
        early, ids["trainee"], ids["tutor"]]

    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)  # nobody chosen: refused
    assert area.run is not None and area.stack.currentWidget() is area.read_do_page
    assert bar.hint.isVisible() and "Choose who signs" in bar.hint.text()
    assert area.service.training_records() == []

    select(bar.who, ids["tutor"])
    assert not bar.hint.isVisible()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert area.stack.currentWidget() is area.start_page
    [record] = area.service.training_records()
    assert record.staff_id == ids["tutor"] and record.signed_off_by == "Marc Roux"

    _guided_practice_to_the_end(qtbot, area)  # the next run starts with nobody chosen
    assert area.rd_sign.who.currentData() is None
