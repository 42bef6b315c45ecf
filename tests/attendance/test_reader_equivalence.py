"""The lean Zoom report reader agrees with the straightforward one on random reports:
the same attendees, counts and figures, or the same error on the same line."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.core.attendance import ParticipantReport
from app.core.csvfiles import FileFormatError
from app.zoom.participants import read_participants
from tests.attendance import reference_reader

NAMES = ["Marie Dupont", "marie  dupont", "Zoé Martin", "ZOE MARTIN", "Jean", "Jean",
         "Anne (Host)", "Léa", "  Léa ", "Bib Zoom (co-host)", "Ömer", "ﬁlip"]
EMAILS = ["", "", "marie@ex.fr", "MARIE@ex.fr ", "zoe@ex.fr", "jean@ex.fr", "host@ville.fr"]
DAMAGE = {"name": [""], "email": ["no-at-sign", ""], "join": ["later", "31/31/2026 10:00"],
          "leave": ["", "yesterday"], "minutes": ["-1", "x", "1e9"]}
FORMATS = ["%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S",
           "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S+02:00", "%d.%m.%y %H:%M"]
COLUMNS = {
    "name": ["Name (Original Name)", "Nom", "participant"],
    "email": ["User Email", "E-mail"],
    "join": ["Join Time", "Heure d'arrivée"],
    "leave": ["Leave Time", "Départ"],
    "minutes": ["Duration (Minutes)", "Total Duration (Minutes)", "Durée"],
    "waiting": ["In Waiting Room"],
    "role": ["Role"],
}


@st.composite
def report(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A participant report in one of Zoom's shapes, sometimes with a bad row."""
    present = ["name"] + [c for c in ("email", "join", "leave", "minutes", "waiting", "role")
                          if draw(st.booleans())]
    order = draw(st.permutations(present))
    titles = [draw(st.sampled_from(COLUMNS[c])) for c in order]
    fmt = draw(st.sampled_from(FORMATS))
    base = draw(st.sampled_from([
        datetime(2026, draw(st.integers(1, 12)), draw(st.integers(1, 28)), 9),
        datetime(2026, 3, 29, 1, 50),  # the clocks go forward at 2:00 (the suite's zone)
        datetime(2026, 10, 25, 1, 50),  # and back at 3:00
    ]))
    rows: list[list[str]] = []
    for _ in range(draw(st.integers(0, 25))):
        # Whole minutes often, so that reconnections touch and overlap exactly.
        join = base + timedelta(minutes=draw(st.integers(0, 240)),
                                seconds=draw(st.sampled_from([0, 0, 17])))
        leave = join + timedelta(minutes=draw(st.integers(0, 60)),
                                 seconds=draw(st.sampled_from([0, 29, 45])))
        if draw(st.integers(0, 30)) == 0:
            leave = join - timedelta(minutes=1)  # before the join: an error
        values = {
            "name": draw(st.sampled_from(NAMES)),
            "email": draw(st.sampled_from(EMAILS)),
            "join": draw(st.sampled_from([join.strftime(fmt)] * 5 + [""])),
            "leave": draw(st.sampled_from([leave.strftime(fmt)] * 5 + [""])),
            "minutes": draw(st.sampled_from(["12", "3,5", "", "0", " 40 ", "1 200"])),
            "waiting": draw(st.sampled_from(["No", "no", "Yes", ""])),
            "role": draw(st.sampled_from(["Attendee", "Host", "co-host", ""])),
        }
        if draw(st.integers(0, 40)) == 0:
            damaged = draw(st.sampled_from(sorted(DAMAGE)))
            values[damaged] = draw(st.sampled_from(DAMAGE[damaged]))
            if damaged == "name":
                values["email"] = ""
        rows.append([values[c] for c in order])
    extra = draw(st.sampled_from(["none", "none", "none", "blank", "header", "wide", "short"]))
    if rows and extra != "none":
        at = draw(st.integers(0, len(rows)))
        if extra == "blank":
            rows.insert(at, [""] * len(order))
        elif extra == "header":
            rows.insert(at, list(titles))
        elif extra == "wide":
            rows.insert(at, [*rows[0], "surplus"])
        else:
            rows.insert(at, rows[0][:1])
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO(newline="")
    if draw(st.booleans()):
        out.write(f"Meeting ID{delimiter}Topic{delimiter}Host\r\n"
                  f"812{delimiter}Lecture{delimiter}Bib Zoom\r\n\r\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(titles)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    hosts = draw(st.sampled_from([[], ["host@ville.fr"], ["MARIE@ex.fr"]]))
    return out.getvalue().encode(encoding, errors="replace"), hosts


def outcome(read: object, data: bytes, hosts: list[str]) -> ParticipantReport | tuple[str, int]:
    assert callable(read)
    try:
        result = read(data, hosts)
    except FileFormatError as err:
        return (err.text(), err.line)
    assert isinstance(result, ParticipantReport)
    return result


@given(report())
@settings(max_examples=400, deadline=None)
def test_lean_reader_agrees_with_the_reference(case: tuple[bytes, list[str]]) -> None:
    data, hosts = case
    expected = outcome(reference_reader.read_participants, data, hosts)
    got = outcome(read_participants, data, hosts)
    event("error" if isinstance(expected, tuple) else "read")
    assert got == expected
    if isinstance(got, ParticipantReport):
        assert isinstance(expected, ParticipantReport)
        # Equal instants are not enough: the same times, in the same zones.
        for mine, theirs in zip(got.attendees, expected.attendees, strict=True):
            assert repr(mine) == repr(theirs)
