"""The checklists area: start or resume a run, go through it guided (one step at a time,
with the tutorial) or as a list, sign it off; and the training records.

- `area`: `ChecklistsArea`, the tabs and the open run;
- `start_page`, `guided_page`, `list_page`: the pages of the Checklists tab;
- `parts`: what the pages share (a step's tutorial, the skip and sign-off bars);
- `saver`: `RunSaver`, every change saved in the background, in order;
- `training`: `TrainingRecordsView`, the Training records tab.

The widgets only call `ChecklistService`; every change is saved at once, so closing the
window mid-run loses nothing.
"""

from app.ui.checklists.area import CHECK_INTERVAL_MS, ChecklistsArea
from app.ui.checklists.guided_page import GuidedPage
from app.ui.checklists.list_page import ListPage
from app.ui.checklists.parts import step_markdown
from app.ui.checklists.saver import RunSaver
from app.ui.checklists.start_page import StartPage
from app.ui.checklists.training import TrainingRecordsView

__all__ = [
    "CHECK_INTERVAL_MS",
    "ChecklistsArea",
    "GuidedPage",
    "ListPage",
    "RunSaver",
    "StartPage",
    "TrainingRecordsView",
    "step_markdown",
]
