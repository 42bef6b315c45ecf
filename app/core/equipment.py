"""The technicians' equipment bench: every webcam, microphone and speaker, its record and
its history of checks.

Pure rules: what a valid record is, which status changes are allowed (a retired device is
never lent), which record a plugged device is, how a device's results read over time
(trend, "failed k of the last n", the last good check), who needs attention, how two
devices compare, and the inventory CSV both ways.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from app.core.checks import CheckKind, CheckResult, SavedCheck, Verdict
from app.core.csvfiles import (
    FileFormatError,
    SpreadsheetWriter,
    find_table,
    is_blank,
    name_key,
)
from app.core.i18n import QT_TRANSLATE_NOOP as _N
from app.core.readiness import KitNote
from app.errors import RegieError, ValidationError


class DeviceKind(StrEnum):
    CAMERA = "camera"
    MICROPHONE = "microphone"
    SPEAKER = "speaker"
    SPEAKERPHONE = "speakerphone"
    HEADSET = "headset"


class DeviceStatus(StrEnum):
    IN_SERVICE = "in_service"
    ON_LOAN = "on_loan"
    BROKEN = "broken"
    RETIRED = "retired"


KIND_LABELS: dict[DeviceKind, str] = {
    DeviceKind.CAMERA: _N("equipment", "Camera"),
    DeviceKind.MICROPHONE: _N("equipment", "Microphone"),
    DeviceKind.SPEAKER: _N("equipment", "Speaker"),
    DeviceKind.SPEAKERPHONE: _N("equipment", "Speakerphone"),
    DeviceKind.HEADSET: _N("equipment", "Headset"),
}

STATUS_LABELS: dict[DeviceStatus, str] = {
    DeviceStatus.IN_SERVICE: _N("equipment", "In service"),
    DeviceStatus.ON_LOAN: _N("equipment", "On loan"),
    DeviceStatus.BROKEN: _N("equipment", "Broken"),
    DeviceStatus.RETIRED: _N("equipment", "Retired"),
}

# Which records a check can be about: a camera check judges a camera, a sound check the
# microphone (or the speakerphone or headset that holds it, or the speakers alone).
CHECKED_KINDS: dict[CheckKind, frozenset[DeviceKind]] = {
    CheckKind.CAMERA: frozenset({DeviceKind.CAMERA}),
    CheckKind.AUDIO: frozenset(
        {DeviceKind.MICROPHONE, DeviceKind.SPEAKERPHONE, DeviceKind.HEADSET, DeviceKind.SPEAKER}
    ),
}

# metrics key of a result: the record the technician chose for it (`regie check --device`)
INVENTORY_ID = "inventory_id"
# metrics key of a camera result: a small JPEG of the picture judged (base64)
THUMBNAIL = "thumbnail_jpeg"

LABEL_MAX = 120
TEXT_MAX = 120
SERIAL_MAX = 80
NOTES_MAX = 2000
KEY_MAX = 200
RECENT = 3  # "failed k of the last n": n


@dataclass(frozen=True, slots=True)
class DeviceDraft:
    """What a person types about a device; the status changes through its own rules."""

    kind: DeviceKind
    label: str
    make: str = ""
    model: str = ""
    serial: str | None = None
    branch_id: int | None = None
    room: str = ""
    purchased_on: date | None = None
    notes: str = ""
    match_key: str | None = None  # the stable id a check sees (USB ids, sound device…)


@dataclass(frozen=True, slots=True)
class Loan:
    to: str
    until: date


@dataclass(frozen=True, slots=True)
class Device:
    id: int
    draft: DeviceDraft
    status: DeviceStatus = DeviceStatus.IN_SERVICE
    loan: Loan | None = None
    branch_code: str = ""
    branch_name: str = ""

    @property
    def kind(self) -> DeviceKind:
        return self.draft.kind

    @property
    def label(self) -> str:
        return self.draft.label

    @property
    def make_model(self) -> str:
        return " ".join(p for p in (self.draft.make, self.draft.model) if p)

    def as_json(self) -> dict[str, object]:
        d = self.draft
        return {
            "id": self.id,
            "kind": d.kind.value,
            "label": d.label,
            "make": d.make,
            "model": d.model,
            "serial": d.serial,
            "branch": self.branch_code or None,
            "room": d.room,
            "purchased_on": d.purchased_on.isoformat() if d.purchased_on else None,
            "status": self.status.value,
            "loan_to": self.loan.to if self.loan else None,
            "loan_until": self.loan.until.isoformat() if self.loan else None,
            "notes": d.notes,
            "match_key": d.match_key,
        }


def _too_long(field_name: str, limit: int) -> ValidationError:
    return ValidationError(
        field_name,
        _N("errors", "The {name} is longer than {max} characters."),
        _N("errors", "Shorten it."),
        name=field_name.replace("_", " "),
        max=limit,
    )


def clean_draft(draft: DeviceDraft) -> DeviceDraft:
    """The draft with its text trimmed, or the first rule it breaks (nothing is written)."""
    label = " ".join(draft.label.split())
    if not label:
        raise ValidationError(
            "label",
            _N("errors", "The device has no label."),
            _N("errors", "Give it a name people recognise, e.g. “Webcam salle Vaise”."),
        )
    serial = (draft.serial or "").strip() or None
    match_key = (draft.match_key or "").strip() or None
    cleaned = replace(
        draft,
        label=label,
        make=draft.make.strip(),
        model=draft.model.strip(),
        serial=serial,
        room=draft.room.strip(),
        notes=draft.notes.strip(),
        match_key=match_key,
    )
    for name, value, limit in (
        ("label", cleaned.label, LABEL_MAX),
        ("make", cleaned.make, TEXT_MAX),
        ("model", cleaned.model, TEXT_MAX),
        ("serial", cleaned.serial or "", SERIAL_MAX),
        ("room", cleaned.room, TEXT_MAX),
        ("notes", cleaned.notes, NOTES_MAX),
        ("match_key", cleaned.match_key or "", KEY_MAX),
    ):
        if len(value) > limit:
            raise _too_long(name, limit)
    return cleaned


# ------------------------------------------------------------------ status changes
@dataclass(frozen=True, slots=True)
class StatusChange:
    status: DeviceStatus
    loan: Loan | None = None


def _refused(message: str, fix: str, **params: str) -> ValidationError:
    return ValidationError("status", message, fix, **params)


def lend(device: Device, to: str, until: date, today: date) -> StatusChange:
    """Lend a device in service to someone until a day not already past."""
    who = " ".join(to.split())
    if device.status is DeviceStatus.RETIRED:
        raise _refused(
            _N("errors", "“{label}” is retired: a retired device cannot be lent."),
            _N("errors", "Lend another device, or edit this one back into service first."),
            label=device.label,
        )
    if device.status is DeviceStatus.BROKEN:
        raise _refused(
            _N("errors", "“{label}” is broken: a broken device cannot be lent."),
            _N("errors", "Have it repaired and mark it in service first."),
            label=device.label,
        )
    if device.status is DeviceStatus.ON_LOAN and device.loan is not None:
        raise _refused(
            _N("errors", "“{label}” is already lent to {who} until {until}."),
            _N("errors", "Record its return first."),
            label=device.label,
            who=device.loan.to,
            until=device.loan.until.isoformat(),
        )
    if not who:
        raise ValidationError(
            "loan_to",
            _N("errors", "Say to whom the device is lent."),
            _N("errors", "Give a person's or a branch's name."),
        )
    if len(who) > TEXT_MAX:
        raise _too_long("loan_to", TEXT_MAX)
    if until < today:
        raise ValidationError(
            "loan_until",
            _N("errors", "The loan would end on {until}, which is already past."),
            _N("errors", "Give the day the device comes back, today or later."),
            until=until.isoformat(),
        )
    return StatusChange(DeviceStatus.ON_LOAN, Loan(who, until))


def give_back(device: Device) -> StatusChange:
    """The device is back: in service again."""
    if device.status is not DeviceStatus.ON_LOAN:
        raise _refused(
            _N("errors", "“{label}” is not on loan."),
            _N("errors", "Only a lent device can be returned."),
            label=device.label,
        )
    return StatusChange(DeviceStatus.IN_SERVICE)


def retire(device: Device) -> StatusChange:
    """Out of the inventory for good (its history stays); a lent device comes back first."""
    if device.status is DeviceStatus.RETIRED:
        raise _refused(_N("errors", "“{label}” is already retired."), "", label=device.label)
    if device.status is DeviceStatus.ON_LOAN:
        raise _refused(
            _N("errors", "“{label}” is on loan: it cannot be retired while away."),
            _N("errors", "Record its return first."),
            label=device.label,
        )
    return StatusChange(DeviceStatus.RETIRED)


def mark(device: Device, status: DeviceStatus) -> StatusChange:
    """Broken, or repaired (in service): the loan and retirement have their own rules."""
    if status not in (DeviceStatus.BROKEN, DeviceStatus.IN_SERVICE):
        raise ValueError(f"use lend/give_back/retire for {status}")
    if device.status is DeviceStatus.ON_LOAN:
        raise _refused(
            _N("errors", "“{label}” is on loan."),
            _N("errors", "Record its return first."),
            label=device.label,
        )
    return StatusChange(status)


# ------------------------------------------------------------------ matching
def for_device(result: CheckResult, device_id: int) -> CheckResult:
    """The result, filed against the record the technician chose."""
    return replace(result, metrics={**result.metrics, INVENTORY_ID: device_id})


def chosen_device(metrics: Mapping[str, object]) -> int | None:
    value = metrics.get(INVENTORY_ID)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def match_device(devices: Iterable[Device], kind: CheckKind, key: str, name: str) -> Device | None:
    """The record of a plugged device: its stable id first, else one record whose label,
    model or make and model is the device's name. Retired records and records of another
    kind never match; two records with the same name match neither (ask instead)."""
    candidates = [
        d for d in devices if d.status is not DeviceStatus.RETIRED and d.kind in CHECKED_KINDS[kind]
    ]
    if key:
        for d in candidates:
            if d.draft.match_key and d.draft.match_key == key:
                return d
    wanted = name_key(name)
    if not wanted:
        return None
    by_name = [
        d
        for d in candidates
        if wanted in {name_key(d.label), name_key(d.draft.model), name_key(d.make_model)} - {""}
    ]
    return by_name[0] if len(by_name) == 1 else None


def thumbnail(check: SavedCheck) -> bytes | None:
    """The picture saved with a camera result, if any."""
    import base64
    import binascii

    metrics = check.result.get("metrics")
    text = metrics.get(THUMBNAIL) if isinstance(metrics, dict) else None
    if not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def draft_from_result(result: CheckResult) -> DeviceDraft:
    """A record proposed for a device that is not in the inventory yet."""
    kind = DeviceKind.CAMERA if result.kind is CheckKind.CAMERA else DeviceKind.MICROPHONE
    return DeviceDraft(
        kind=kind,
        label=result.device[:LABEL_MAX],
        model=result.device[:TEXT_MAX],
        match_key=(result.device_key or result.device)[:KEY_MAX],
    )


# ------------------------------------------------------------------ history
@dataclass(frozen=True, slots=True)
class Point:
    at: datetime
    value: float | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class History:
    """A device's results over time, oldest first, and what they say."""

    checks: list[SavedCheck]
    series: dict[str, list[Point]]  # criterion → its figures over time
    recent: int  # n: how many of the newest results the flag looks at
    failed_recent: int  # k: how many of them failed
    last_good: SavedCheck | None
    worsening: list[str]  # criteria whose verdict got worse over the recent results

    @property
    def flagged(self) -> bool:
        return self.failed_recent > 0

    @property
    def latest(self) -> SavedCheck | None:
        return self.checks[-1] if self.checks else None

    def as_json(self) -> dict[str, object]:
        return {
            "checks": [
                {
                    "id": c.id,
                    "kind": c.kind.value,
                    "at": c.created_at.isoformat(),
                    "verdict": c.verdict.value,
                    "session_id": c.session_id,
                    "operator": c.operator,
                    "figures": figures(c),
                }
                for c in self.checks
            ],
            "trend": {
                name: [
                    {"at": p.at.isoformat(), "value": p.value, "verdict": p.verdict.value}
                    for p in points
                ]
                for name, points in self.series.items()
            },
            "recent": self.recent,
            "failed_recent": self.failed_recent,
            "flag": flag_text(self) if self.flagged else None,
            "last_good": self.last_good.created_at.isoformat() if self.last_good else None,
            "last_good_id": self.last_good.id if self.last_good else None,
            "worsening": self.worsening,
        }


def _criteria(check: SavedCheck) -> dict[str, dict[str, object]]:
    raw = check.result.get("criteria")
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, dict)}


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _verdict_of(raw: Mapping[str, object]) -> Verdict:
    try:
        return Verdict(str(raw.get("verdict")))
    except ValueError:
        return Verdict.WARN


def figures(check: SavedCheck) -> dict[str, dict[str, object]]:
    """Each criterion's value, unit and verdict, as saved."""
    return {
        name: {
            "value": raw.get("value"),
            "unit": raw.get("unit", ""),
            "verdict": str(raw.get("verdict")),
        }
        for name, raw in _criteria(check).items()
    }


def history(checks: Sequence[SavedCheck], recent: int = RECENT) -> History:
    """What a device's results say: figures per criterion, oldest first; how many of the
    `recent` newest failed; the newest passed check; criteria getting worse."""
    ordered = sorted(checks, key=lambda c: (c.created_at, c.id))
    series: dict[str, list[Point]] = {}
    for c in ordered:
        for name, raw in _criteria(c).items():
            series.setdefault(name, []).append(
                Point(c.created_at, _number(raw.get("value")), _verdict_of(raw))
            )
    window = ordered[-recent:] if recent > 0 else []
    failed = sum(1 for c in window if c.verdict is Verdict.FAIL)
    last_good = next((c for c in reversed(ordered) if c.verdict is Verdict.PASS), None)
    worsening = [name for name, points in series.items() if _worse(points[-recent:])]
    return History(ordered, series, len(window), failed, last_good, worsening)


def _worse(points: Sequence[Point]) -> bool:
    """Verdicts that never got better and ended worse than they started."""
    ranks = [p.verdict.rank for p in points]
    return (
        len(ranks) >= 2
        and ranks[-1] > ranks[0]
        and all(b >= a for a, b in itertools.pairwise(ranks))
    )


def flag_text(h: History) -> str:
    """« failed 1 of 3 », in English source words (the front ends translate)."""
    return f"failed {h.failed_recent} of {h.recent}"


# ------------------------------------------------------------------ attention
class Reason(StrEnum):
    FAILING = "failing"
    WORSENING = "worsening"
    BROKEN = "broken"
    OVERDUE = "overdue"


REASON_LABELS: dict[Reason, str] = {
    Reason.FAILING: _N("equipment", "Failed {k} of the last {n} checks"),
    Reason.WORSENING: _N("equipment", "Getting worse: {criteria}"),
    Reason.BROKEN: _N("equipment", "Marked broken"),
    Reason.OVERDUE: _N("equipment", "Loan overdue since {until} ({who})"),
}


@dataclass(frozen=True, slots=True)
class Attention:
    device: Device
    reasons: list[Reason]
    history: History

    def as_json(self) -> dict[str, object]:
        return {
            "device": self.device.as_json(),
            "reasons": [r.value for r in self.reasons],
            "failed_recent": self.history.failed_recent,
            "recent": self.history.recent,
        }


def attention(device: Device, h: History, today: date) -> Attention | None:
    """Why a device needs a technician, or None. Retired devices never do."""
    if device.status is DeviceStatus.RETIRED:
        return None
    reasons: list[Reason] = []
    if device.status is DeviceStatus.BROKEN:
        reasons.append(Reason.BROKEN)
    if h.flagged:
        reasons.append(Reason.FAILING)
    if h.worsening:
        reasons.append(Reason.WORSENING)
    if device.loan is not None and device.loan.until < today:
        reasons.append(Reason.OVERDUE)
    return Attention(device, reasons, h) if reasons else None


def attention_notes(a: Attention) -> list[KitNote]:
    """Each reason as its sentence (marked for translation) and what fills it."""
    out: list[KitNote] = []
    for r in a.reasons:
        if r is Reason.FAILING:
            h = a.history
            counts = (("k", str(h.failed_recent)), ("n", str(h.recent)))
            out.append(KitNote(REASON_LABELS[r], counts))
        elif r is Reason.WORSENING:
            out.append(KitNote(REASON_LABELS[r], criteria=tuple(a.history.worsening)))
        elif r is Reason.OVERDUE and a.device.loan is not None:
            loan = a.device.loan
            until = loan.until.strftime("%d/%m/%Y")
            out.append(KitNote(REASON_LABELS[r], (("until", until), ("who", loan.to))))
        else:
            out.append(KitNote(REASON_LABELS[r]))
    return out


# ------------------------------------------------------------------ comparison
@dataclass(frozen=True, slots=True)
class Side:
    value: object
    unit: str
    verdict: Verdict | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two devices on the same criteria, from each one's newest result."""

    a: Device
    b: Device
    rows: list[tuple[str, Side, Side]]
    a_history: History
    b_history: History

    def as_json(self) -> dict[str, object]:
        def side(s: Side) -> dict[str, object]:
            return {
                "value": s.value,
                "unit": s.unit,
                "verdict": s.verdict.value if s.verdict else None,
            }

        return {
            "a": self.a.as_json(),
            "b": self.b.as_json(),
            "criteria": [
                {"criterion": name, "a": side(x), "b": side(y)} for name, x, y in self.rows
            ],
            "a_failed_recent": self.a_history.failed_recent,
            "b_failed_recent": self.b_history.failed_recent,
        }


_NONE = Side(None, "", None)


def compare(a: Device, ha: History, b: Device, hb: History) -> Comparison:
    """Criteria of both devices' newest results, side by side (a criterion one of them
    was not measured on shows nothing on that side)."""
    fa = figures(ha.latest) if ha.latest else {}
    fb = figures(hb.latest) if hb.latest else {}

    def side(raw: dict[str, object] | None) -> Side:
        if raw is None:
            return _NONE
        v = raw.get("verdict")
        return Side(
            raw.get("value"),
            str(raw.get("unit") or ""),
            Verdict(v) if v in {x.value for x in Verdict} else None,
        )

    names = list(dict.fromkeys([*fa, *fb]))
    rows = [(n, side(fa.get(n)), side(fb.get(n))) for n in names]
    return Comparison(a, b, rows, ha, hb)


# ------------------------------------------------------------------ inventory CSV
COLUMNS = (
    "id",
    "kind",
    "label",
    "make",
    "model",
    "serial",
    "branch",
    "room",
    "purchased_on",
    "status",
    "loan_to",
    "loan_until",
    "notes",
    "match_key",
)


def export_csv(devices: Iterable[Device]) -> str:
    """The inventory as a CSV that a spreadsheet opens as text (no formulas run)."""
    out = io.StringIO()
    w = SpreadsheetWriter(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for d in devices:
        j = d.as_json()
        w.writerow(["" if j[c] is None else j[c] for c in COLUMNS])
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    device_id: int | None  # None: a new device
    draft: DeviceDraft
    status: DeviceStatus
    loan: Loan | None


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int
    message: str  # English source sentence with {params}
    params: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)


class InventoryImportError(RegieError):
    """The file was refused whole; each bad line is said. Nothing was changed."""

    def __init__(self, problems: list[LineProblem]) -> None:
        self.problems = problems
        lines = "; ".join(f"line {p.line}: {p.text()}" for p in problems[:20])
        super().__init__(
            _N("errors", "The inventory file was not imported, nothing was changed: {lines}."),
            _N("errors", "Correct these lines, then import the file again."),
            lines=lines,
        )


def _unquote(cell: str) -> str:
    """A cell our export protected from spreadsheets ('=…) comes back as typed."""
    text = cell.strip()
    if text.startswith("'") and text[1:2] in {"=", "+", "-", "@"}:
        return text[1:]
    return text


def parse_csv(data: bytes, branches: Mapping[str, int]) -> list[ImportRow]:
    """Every line of an inventory file, checked; `branches` maps a branch code to its id.
    Any bad line refuses the whole file with every problem found (line by line)."""
    rows, problems = read_csv(data, branches)
    if problems:
        raise InventoryImportError(problems)
    return rows


def read_csv(data: bytes, branches: Mapping[str, int]) -> tuple[list[ImportRow], list[LineProblem]]:
    """The good lines of an inventory file and the problems of the others; a file that is
    not an inventory at all (no header, unknown columns) raises `FileFormatError`."""
    table = find_table(data, lambda cells: "kind" in cells and "label" in cells)
    unknown = [h for h in table.header if h and h not in COLUMNS]
    if unknown:
        raise FileFormatError(
            _N("errors", "Unknown column(s) in the inventory file: {columns}."),
            _N("errors", "Use the columns of an exported inventory: {expected}."),
            line=table.header_line,
            columns=", ".join(unknown),
            expected=", ".join(COLUMNS),
        )
    rows: list[ImportRow] = []
    problems: list[LineProblem] = []
    serials: dict[str, int] = {}
    ids: dict[int, int] = {}
    for rec in table.records:
        if is_blank(rec.cells):
            continue
        cells = {
            h: _unquote(rec.cells[i]) if i < len(rec.cells) else ""
            for i, h in enumerate(table.header)
        }
        try:
            row = _row(rec.line, cells, branches)
        except _BadLineError as bad:
            problems.append(bad.problem)
            continue
        serial = row.draft.serial
        if serial is not None:
            if serial.casefold() in serials:
                problems.append(
                    LineProblem(
                        rec.line,
                        _N("errors", "serial {serial} is already on line {other}"),
                        {"serial": serial, "other": serials[serial.casefold()]},
                    )
                )
                continue
            serials[serial.casefold()] = rec.line
        if row.device_id is not None:
            if row.device_id in ids:
                problems.append(
                    LineProblem(
                        rec.line,
                        _N("errors", "device {id} is already on line {other}"),
                        {"id": row.device_id, "other": ids[row.device_id]},
                    )
                )
                continue
            ids[row.device_id] = rec.line
        rows.append(row)
    return rows, problems


class _BadLineError(Exception):
    def __init__(self, line: int, message: str, **params: object) -> None:
        super().__init__(message)
        self.problem = LineProblem(line, message, params)


def _date(line: int, text: str, column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _BadLineError(
            line,
            _N("errors", "{column} “{value}” is not a date (YYYY-MM-DD)"),
            column=column,
            value=text,
        ) from None


def _row(line: int, c: Mapping[str, str], branches: Mapping[str, int]) -> ImportRow:
    device_id: int | None = None
    if c.get("id"):
        if not c["id"].isdigit() or int(c["id"]) < 1:
            raise _BadLineError(
                line, _N("errors", "id “{value}” is not a device number"), value=c["id"]
            )
        device_id = int(c["id"])
    try:
        kind = DeviceKind(c.get("kind", "").casefold())
    except ValueError:
        raise _BadLineError(
            line,
            _N("errors", "kind “{value}” is not one of {kinds}"),
            value=c.get("kind", ""),
            kinds=", ".join(k.value for k in DeviceKind),
        ) from None
    status_text = c.get("status", "").casefold() or DeviceStatus.IN_SERVICE.value
    try:
        status = DeviceStatus(status_text)
    except ValueError:
        raise _BadLineError(
            line,
            _N("errors", "status “{value}” is not one of {statuses}"),
            value=c.get("status", ""),
            statuses=", ".join(s.value for s in DeviceStatus),
        ) from None
    branch_id: int | None = None
    code = c.get("branch", "")
    if code:
        if code not in branches:
            raise _BadLineError(line, _N("errors", "branch “{value}” is unknown"), value=code)
        branch_id = branches[code]
    draft = DeviceDraft(
        kind=kind,
        label=c.get("label", ""),
        make=c.get("make", ""),
        model=c.get("model", ""),
        serial=c.get("serial") or None,
        branch_id=branch_id,
        room=c.get("room", ""),
        purchased_on=_date(line, c.get("purchased_on", ""), "purchased_on"),
        notes=c.get("notes", ""),
        match_key=c.get("match_key") or None,
    )
    try:
        draft = clean_draft(draft)
    except ValidationError as err:
        raise _BadLineError(line, err.message, **err.params) from None
    loan: Loan | None = None
    if status is DeviceStatus.ON_LOAN:
        until = _date(line, c.get("loan_until", ""), "loan_until")
        if not c.get("loan_to") or until is None:
            raise _BadLineError(line, _N("errors", "a device on loan needs loan_to and loan_until"))
        loan = Loan(" ".join(c["loan_to"].split())[:TEXT_MAX], until)
    return ImportRow(line, device_id, draft, status, loan)
