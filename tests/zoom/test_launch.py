"""Launch URLs, masking, and the launcher with the real keyring."""

from __future__ import annotations

import pytest

from app.core.models import SessionStatus
from app.errors import RegieError, ValidationError
from app.zoom.launch import (
    clean_join_url,
    client_url,
    mask_url,
    normalise_meeting_id,
    web_url,
)
from app.zoom.vault import SecretKind
from tests.zoom.conftest import Network


def test_client_and_web_urls() -> None:
    url = client_url("12345678901", "Ab3@x", "Marie Curie")
    assert url == (
        "zoommtg://zoom.us/join?action=join&confno=12345678901&pwd=Ab3%40x&uname=Marie%20Curie"
    )
    assert web_url("12345678901", "Ab3@x") == "https://zoom.us/j/12345678901?pwd=Ab3%40x"
    assert web_url("12345678901", None, "bm.zoom.us") == "https://bm.zoom.us/j/12345678901"
    assert client_url("123456789", None, None) == (
        "zoommtg://zoom.us/join?action=join&confno=123456789"
    )


def test_masking_hides_only_the_passcode() -> None:
    url = client_url("12345678901", "Ab3@x", "Marie")
    masked = mask_url(url)
    assert "Ab3" not in masked and "pwd=****" in masked and "confno=12345678901" in masked
    assert mask_url(web_url("12345678901", "Ab3@x")) == "https://zoom.us/j/12345678901?pwd=****"


def test_meeting_id_and_join_url_cleaning() -> None:
    assert normalise_meeting_id(" 123 4567 8901 ") == "12345678901"
    assert normalise_meeting_id("123-456-789") == "123456789"
    with pytest.raises(ValidationError, match="9 to 11 digits"):
        normalise_meeting_id("12345")
    cleaned = clean_join_url("https://bm.zoom.us/j/12345678901?pwd=SeCrEtToKeN&from=addon")
    assert cleaned == "https://bm.zoom.us/j/12345678901?from=addon"
    with pytest.raises(ValidationError, match="https"):
        clean_join_url("http://evil.example/j/1")


@pytest.mark.keyring
def test_prepare_launch_with_secrets(network: Network, at) -> None:
    f = network.feature
    lid = network.licence("Zoom 1")
    sid = network.session("Café FLE", at(10, 15))  # its launch window is open at 10:00
    f.service.assign(sid, lid)
    f.secrets.store(lid, SecretKind.HOST_KEY, "918273")
    f.launcher.set_meeting(sid, "123 4567 8901", "Pw9x", "https://bm.zoom.us/j/12345678901?pwd=Z")
    meeting = f.repo.meeting(sid)
    assert meeting is not None and meeting.join_url == "https://bm.zoom.us/j/12345678901"
    plan = f.launcher.prepare(sid)
    assert plan.client_url.startswith("zoommtg://bm.zoom.us/join?action=join&confno=12345678901")
    assert "pwd=Pw9x" in plan.client_url
    assert plan.web_url == "https://bm.zoom.us/j/12345678901?pwd=Pw9x"
    assert plan.host_key == "918273"
    assert "918273" not in repr(plan) and "Pw9x" not in repr(plan)
    shown = str(plan.as_json())
    assert "918273" not in shown and "Pw9x" not in shown
    assert "Claim host" in plan.next_steps[0].english()
    dry = f.launcher.prepare(sid, with_secrets=False)
    assert dry.host_key is None and "Pw9x" not in dry.client_url
    assert "Claim host" in dry.next_steps[0].english()
    f.launcher.mark_running(sid)
    assert network.services.sessions.get(sid).status is SessionStatus.RUNNING


@pytest.mark.keyring
def test_launch_without_host_key_or_meeting(network: Network, at) -> None:
    f = network.feature
    sid = network.session("Sans réunion", at(10, 15))
    with pytest.raises(RegieError, match="no Zoom meeting yet"):
        f.launcher.prepare(sid)
    f.launcher.set_meeting(sid, "123456789", None, None)
    plan = f.launcher.prepare(sid)
    assert "has no licence" in plan.next_steps[0].english()
    lid = network.licence("Zoom 1")
    f.service.assign(sid, lid)
    plan = f.launcher.prepare(sid)
    assert plan.host_key is None and "No host key" in plan.next_steps[0].english()
    network.services.sessions.cancel(sid)
    with pytest.raises(RegieError, match="cannot be launched"):
        f.launcher.prepare(sid)
