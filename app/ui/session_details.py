"""The Sessions area's details panel: one session and what is known of its readiness, as
rich text (the area shows it; kept apart so the area stays about lists and actions)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.core.checks import CheckKind, SavedCheck, device_words
from app.core.models import MODE_LABELS, STATUS_LABELS, SessionRow
from app.ui.i18n import label, short_datetime
from app.ui.widgets import verdict_text

translate = QCoreApplication.translate


def empty_html() -> str:
    """What the panel says before a session is chosen."""
    text = translate("SessionsArea", "Select a session to see its details and whether it is ready.")
    return f"<p>{text}</p>"


def details_html(
    read_only: bool, r: SessionRow, checks: dict[CheckKind, SavedCheck] | None
) -> str:
    """The session and its readiness; `checks` is None while they are being read, and
    not shown while the server is away (`read_only`)."""
    start = r.start.astimezone()
    end = r.end.astimezone()
    capacity = translate("SessionsArea", "Capacity: %1").replace("%1", str(r.capacity))
    host = translate("SessionsArea", "Host: %1").replace("%1", escape(r.host_name or "—"))
    status = translate("SessionsArea", "Status: %1").replace(
        "%1", escape(label(STATUS_LABELS[r.status]))
    )
    lines = [
        '<table width="100%" cellpadding="4"><tr><td width="50%" valign="top">',
        f"<h3>{escape(r.title)}</h3>",
        "<p>",
        f"{escape(r.type_name)}<br>",
        f"{start:%d/%m/%Y} · {start:%H:%M}–{end:%H:%M}<br>",
        f"{escape(r.branch_name)} · {escape(label(MODE_LABELS[r.mode]))}<br>",
        f"{capacity}<br>{host}<br>{status}",
        "</p>",
        '</td><td valign="top">',
        "<h4>" + translate("SessionsArea", "Readiness") + "</h4>",
        "<ul>",
    ]
    if r.licence_label:
        licence = translate("SessionsArea", "Licence: %1").replace("%1", escape(r.licence_label))
        lines.append(f"<li>✔ {licence}</li>")
    else:
        lines.append("<li>▲ " + translate("SessionsArea", "No licence assigned yet.") + "</li>")
    if read_only:
        away = translate("SessionsArea", "Device checks are shown when the server answers again.")
        lines.append(f"<li>○ {away}</li></ul></td></tr></table>")
        return "".join(lines)
    if checks is None:
        reading = translate("SessionsArea", "Reading the device checks…")
        lines.append(f"<li>… {reading}</li></ul></td></tr></table>")
        return "".join(lines)
    for kind, name in (
        (CheckKind.CAMERA, translate("SessionsArea", "Camera")),
        (CheckKind.AUDIO, translate("SessionsArea", "Sound")),
    ):
        saved = checks.get(kind)
        if saved is None:
            missing = translate("SessionsArea", "%1: not checked yet.").replace("%1", name)
            lines.append(f"<li>○ {missing}</li>")
        else:
            when = saved.created_at.astimezone()
            lines.append(
                f"<li>{escape(verdict_text(saved.verdict))} — {escape(name)} "
                f"({escape(short_datetime(when))}, "
                f"{escape(device_words(saved.device, translate, camera=kind is CheckKind.CAMERA))})"
                "</li>"
            )
    lines.append("</ul>")
    if r.notes:
        lines.append("<h4>" + translate("SessionsArea", "Notes") + f"</h4><p>{escape(r.notes)}</p>")
    lines.append("</td></tr></table>")
    return "".join(lines)
