"""Saving and removing a licence with its secrets: one service method for the window and
the command line, all or nothing from the user's view (real database, real keyring)."""

from __future__ import annotations

import keyring.backends.fail
import pytest

from app.core.licences import LicenceDraft
from app.core.models import LicencePlan
from app.core.secrets import SecretChange, SecretKind
from app.errors import RegieError
from app.services import Services, build_licences
from app.zoom.vault import KeyringVault
from tests.zoom.conftest import Network

pytestmark = pytest.mark.keyring


def _draft(label: str = "Zoom 9") -> LicenceDraft:
    return LicenceDraft(label, "zoom9@bm.fr", LicencePlan.PRO, 100)


def test_a_new_licence_and_its_secrets_are_saved_together(network: Network) -> None:
    f = network.feature
    lid = f.save(
        _draft(),
        [
            SecretChange(SecretKind.PASSWORD, "s3cret-pw"),
            SecretChange(SecretKind.HOST_KEY, "123456"),
        ],
    )
    assert f.service.by_label("Zoom 9").id == lid
    assert f.secrets.kinds(lid) == [SecretKind.PASSWORD, SecretKind.HOST_KEY]
    assert f.secrets.read(lid, SecretKind.HOST_KEY) == "123456"

    removed = f.remove(lid)
    assert removed == 2
    assert all(lic.label != "Zoom 9" for lic in f.service.licences())
    assert f.vault.get(f.secrets.licence_ref(lid, SecretKind.HOST_KEY)) is None


def test_a_new_licence_whose_secrets_cannot_be_kept_is_not_kept(services: Services) -> None:
    services.references.add_branch("centre", "Médiathèque centrale")
    f = build_licences(services, KeyringVault(keyring.backends.fail.Keyring()))
    with pytest.raises(RegieError):
        f.save(_draft(), [SecretChange(SecretKind.HOST_KEY, "123456")])
    assert f.service.licences() == []  # the licence row went away with the failed secret


def test_a_bad_secret_is_refused_before_anything_is_written(network: Network) -> None:
    f = network.feature
    with pytest.raises(RegieError):
        f.save(_draft(), [SecretChange(SecretKind.HOST_KEY, "x" * 5000)])
    assert f.service.licences() == []


def test_removal_with_secrets_is_refused_whole_without_a_keyring(network: Network) -> None:
    f = network.feature
    lid = f.save(_draft(), [SecretChange(SecretKind.HOST_KEY, "123456")])
    locked = build_licences(network.services, KeyringVault(keyring.backends.fail.Keyring()))
    with pytest.raises(RegieError):
        locked.remove(lid)
    assert f.service.by_label("Zoom 9").id == lid  # nothing removed, no orphaned secret
    assert f.secrets.read(lid, SecretKind.HOST_KEY) == "123456"
