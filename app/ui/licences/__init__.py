"""The Licences area, in parts: the licence form (`dialog`), the planning (`planning`) and
the area that ties them to the licence service and the keyring (`area`)."""

from app.ui.licences.area import LicencesArea
from app.ui.licences.dialog import LicenceDialog
from app.ui.licences.planning import PlanningChart, PlanningPanel

__all__ = ["LicenceDialog", "LicencesArea", "PlanningChart", "PlanningPanel"]
