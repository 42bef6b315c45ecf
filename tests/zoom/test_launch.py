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
    parse_join_link,
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


def test_a_pasted_join_link_gives_the_meeting_and_its_passcode() -> None:
    link = parse_join_link(" https://us02web.zoom.us/j/12345678901?pwd=Ab3x9 ")
    assert (link.meeting_id, link.passcode) == ("12345678901", "Ab3x9")
    assert link.join_url == "https://us02web.zoom.us/j/12345678901"
    assert "Ab3x9" not in repr(link)
    # The encoded passcode of real invitations, other query fields kept, the ID in a
    # webinar or web-client path, and the link inside the invitation text.
    encoded = "rnZ7JkbCzUvGhvsBnaRbvWeqBthT8N.1"
    link = parse_join_link(f"https://bm.zoom.us/j/987654321?pwd={encoded}&from=addon#success")
    assert (link.meeting_id, link.passcode) == ("987654321", encoded)
    assert link.join_url == "https://bm.zoom.us/j/987654321?from=addon"
    assert parse_join_link("https://zoom.us/w/98765432109?tk=x").meeting_id == "98765432109"
    assert parse_join_link("https://zoom.us/wc/join/98765432109").meeting_id == "98765432109"
    assert parse_join_link("https://zoom.us/wc/98765432109/join").meeting_id == "98765432109"
    invitation = (
        "Marie vous invite à une réunion Zoom.\n"
        "Participer : https://zoom.us/j/12345678901?pwd=Qz7mK2.\n"
        "ID de réunion : 123 4567 8901"
    )
    link = parse_join_link(invitation)
    assert (link.meeting_id, link.passcode) == ("12345678901", "Qz7mK2")
    no_pwd = parse_join_link("https://zoom.us/j/123456789")
    assert no_pwd.passcode is None and no_pwd.join_url == "https://zoom.us/j/123456789"


def test_a_link_that_names_no_meeting_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not name a meeting") as err:
        parse_join_link("https://zoom.us/my/mediatheque")
    assert err.value.field == "join_url"
    with pytest.raises(ValidationError, match="https"):
        parse_join_link("12345678901")
    with pytest.raises(ValidationError, match="https"):
        parse_join_link("https://example.org/j/12345678901?pwd=x")
    with pytest.raises(ValidationError, match="passcode") as err:
        parse_join_link("https://zoom.us/j/12345678901?pwd=has%20space")
    assert "has space" not in str(err.value)


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
    with pytest.raises(RegieError, match="no Zoom meeting yet") as err:
        f.launcher.prepare(sid)
    assert f"regie sessions meeting {sid} --meeting-id" in err.value.text()  # the CLI's way
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


def test_display_name_is_the_host_else_who_launches(network: Network, at) -> None:
    """The `uname` Zoom shows: the host's name, else the staff member launching; with
    neither, no name at all, never the computer's account name."""
    import getpass

    f = network.feature
    hostless = network.session("Sans hôte", at(10, 15))
    f.launcher.set_meeting(hostless, "123456789", None, None)
    plan = f.launcher.prepare(hostless, with_secrets=False)
    assert plan.display_name is None and "uname" not in plan.client_url
    assert getpass.getuser() not in plan.client_url.split("?", 1)[1]
    plan = f.launcher.prepare(hostless, with_secrets=False, launched_by="Paul Martin")
    assert plan.client_url.endswith("&uname=Paul%20Martin")
    assert plan.as_json()["display_name"] == "Paul Martin"

    hosted = network.session("Avec hôte", at(10, 20), host=network.staff("Marie Curie"))
    f.launcher.set_meeting(hosted, "987654321", None, None)
    for launched_by in (None, "Paul Martin"):
        plan = f.launcher.prepare(hosted, with_secrets=False, launched_by=launched_by)
        assert plan.display_name == "Marie Curie"
        assert plan.client_url.endswith("&uname=Marie%20Curie")
