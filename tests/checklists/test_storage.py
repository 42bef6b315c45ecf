"""Runs, step records and training records on a real migrated SQLite file; automatic
checks answered from real saved device checks."""

from __future__ import annotations

from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import app.storage.checklists as store
from app.core.checklists import RunMode, RunStatus, StepState, StoredCheckStatus
from app.core.checks import CheckKind, CheckResult, Criterion, Verdict
from app.core.models import LicencePlan, SessionDraft, SessionMode
from app.services import Services, build_checklists
from app.storage import schema
from tests.support.fixtures import FIXED_NOW


def make_session(services: Services, *, mode: SessionMode = SessionMode.HYBRID,
                 licence: bool = True) -> int:
    refs = services.references
    branch = refs.add_branch("vaise", "Vaise")
    lic = refs.add_licence("Zoom 1", "zoom1@example.org", LicencePlan.PRO, 100) if licence else None
    talk = next(t for t in refs.session_types() if t.code == "talk")
    return services.sessions.create(SessionDraft(
        title="Rencontre", type_id=talk.id, branch_id=branch, start=FIXED_NOW,
        end=FIXED_NOW + timedelta(hours=1), mode=mode, capacity=30, licence_id=lic,
    ))


def audio_result(echo: Verdict) -> CheckResult:
    return CheckResult(CheckKind.AUDIO, "Micro", {
        "level": Criterion("level", -18.0, Verdict.PASS),
        "echo": Criterion("echo", -20.0, echo),
    })


def test_tables_match_the_migration(services: Services) -> None:
    assert store.checklist_runs.name in schema.metadata.tables
    with services.db.read() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(ctx, schema.metadata)
                if "checklist" in repr(d)]
    assert diff == []


def test_status_from_saved_checks_and_session(services: Services) -> None:
    sid = make_session(services)
    status = StoredCheckStatus(services.checks, services.session_repo,
                               {"vault_ready": lambda s: s == sid})
    assert status.status("camera", sid) is None  # no check yet
    assert status.status("licence_assigned", sid) is True
    assert status.status("vault_ready", sid) is True
    assert status.status("zoom_launched", sid) is None  # not plugged in
    assert status.status("camera", None) is None  # practice
    services.checks.save(audio_result(Verdict.WARN), operator="t", session_id=sid)
    assert status.status("audio", sid) is False
    assert status.status("echo", sid) is False
    services.checks.save(audio_result(Verdict.PASS), operator="t", session_id=sid)
    assert status.status("audio", sid) is True
    assert status.status("echo", sid) is True
    cam = CheckResult(CheckKind.CAMERA, "Webcam", {"light": Criterion("light", 120, Verdict.PASS)})
    services.checks.save(cam, operator="t", session_id=sid)
    assert status.status("camera", sid) is True


def test_a_run_is_saved_at_each_change_and_resumes(services: Services) -> None:
    sid = make_session(services)
    staff = services.references.add_staff("Inès Martin", 1, "trainee")
    service = build_checklists(services)
    run = service.start("rencontre", RunMode.READ_DO, SessionMode.HYBRID, session_id=sid,
                         staff_id=staff)
    assert run.state.id is not None
    # Saved as it started: read back from the database, the same run.
    assert service.repo.load(run.state.id) == run.state
    assert run.record("licence").state is StepState.DONE  # ticked from the session
    assert run.record("licence").auto
    run.go_to(1)
    run.skip("Le technicien a saisi les accès")
    run.set_note("à revoir")
    service.save(run)
    [summary] = service.unfinished(session_id=sid)
    assert summary.staff_name == "Inès Martin"
    assert summary.session_title == "Rencontre"
    assert (summary.resolved, summary.total) == (2, len(run.steps))

    # A camera check passes meanwhile: resuming ticks its step.
    cam = CheckResult(CheckKind.CAMERA, "Webcam", {"light": Criterion("light", 120, Verdict.PASS)})
    services.checks.save(cam, operator="t", session_id=sid)
    again = service.resume(summary.id)
    assert again.index == 1
    assert again.record("acces-licence").skip_reason == "Le technicien a saisi les accès"
    assert again.record("acces-licence").note == "à revoir"
    assert again.record("test-camera").state is StepState.DONE

    for s in again.pending():
        again.tick(s.id)
    service.sign_off(again, staff)
    assert service.unfinished() == []
    assert service.repo.load(summary.id).status is RunStatus.SIGNED_OFF


def test_training_records_list_signed_off_guided_runs_only(services: Services) -> None:
    refs = services.references
    branch = refs.add_branch("bib", "Bibliothèque")
    trainee = refs.add_staff("Léa Petit", branch, "trainee")
    tutor = refs.add_staff("Marc Roux", branch, "technician")
    service = build_checklists(services)

    guided = service.start("conte", RunMode.READ_DO, SessionMode.REMOTE, staff_id=trainee)
    for s in guided.steps:
        guided.tick(s.id)
    guided.skip("pas de micro", "micro")
    service.sign_off(guided, tutor)

    confirm = service.start("conte", RunMode.DO_CONFIRM, SessionMode.REMOTE, staff_id=trainee)
    for s in confirm.steps:
        confirm.tick(s.id)
    service.sign_off(confirm, trainee)
    service.start("atelier", RunMode.READ_DO, SessionMode.REMOTE, staff_id=trainee)

    [rec] = service.training_records()
    assert (rec.staff_name, rec.checklist_id, rec.signed_off_by) == ("Léa Petit", "conte",
                                                                      "Marc Roux")
    assert rec.session_id is None
    assert rec.as_json()["practice"] is True
    assert rec.steps == len(guided.steps)
    assert rec.skipped == 1
    assert service.training_records(staff_id=tutor) == []

