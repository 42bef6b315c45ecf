"""Aujourd'hui, the desk's first area: the agent's branch and its sessions of the coming
days, each with its readiness and next action; and Préparer, one session's stepper.

- `area`: `TodayArea`, the list of cards and the Préparer page;
- `card`: `SessionCard`, one session;
- `model`: `TodayModel` (reading in a worker) and how a step is said;
- `prepare`: `PreparePage`, the stepper and the readiness sheet.
"""

from app.ui.today.area import TodayArea
from app.ui.today.card import SessionCard
from app.ui.today.model import TodayData, TodayModel
from app.ui.today.prepare import PreparePage

__all__ = ["PreparePage", "SessionCard", "TodayArea", "TodayData", "TodayModel"]
