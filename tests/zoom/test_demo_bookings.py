"""The demo network's bookings obey the licence rules the coordinator's desk enforces."""

from __future__ import annotations

from app.core.licences import check_fit
from app.services import Services, load_demo_network
from tests.support.fixtures import FIXED_NOW


def test_demo_bookings_pass_the_licence_rules(services: Services) -> None:
    load_demo_network(services, FIXED_NOW)
    feature = services.licences
    policy = feature.service.policy()
    licences = {lic.id: lic for lic in feature.service.licences()}
    bookings = feature.repo.bookings()
    booked = [b for b in bookings if b.licence_id is not None]
    assert len(booked) > 200
    for b in booked:
        assert b.licence_id is not None
        others = [o for o in bookings if o.session_id != b.session_id]
        assert check_fit(licences[b.licence_id], b, others, policy) is None, b
