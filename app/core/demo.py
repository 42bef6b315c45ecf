"""A realistic demo network, generated deterministically.

It mirrors the 2020 activity report: about ten branches, 20+ staff (four AV technicians,
one coordinator), a handful of shared Zoom licences, and one term of sessions from
November to March whose counts by type are the report's (89 reading circles … 7
screenings) and whose weekly rhythm ramps from about 10 to about 30 a week.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.core.models import LicencePlan, SessionMode, SessionStatus, StaffRole

BRANCHES: list[tuple[str, str]] = [
    ("part-dieu", "Part-Dieu"),
    ("bachut", "Bachut"),
    ("vaise", "Vaise"),
    ("croix-rousse", "Croix-Rousse"),
    ("jean-mace", "Jean Macé"),
    ("guillotiere", "Guillotière"),
    ("point-du-jour", "Point du Jour"),
    ("gerland", "Gerland"),
    ("duchere", "La Duchère"),
    ("saint-jean", "Saint-Jean"),
]

# (type code, count in the report, title stems, usual capacity, hybrid share, minutes)
TYPE_PLAN: list[tuple[str, int, list[str], int, float, int]] = [
    (
        "reading_circle",
        89,
        [
            "Cercle de lecteurs",
            "Vif d'or : club ados",
            "Café FLE",
            "Cercle polar",
            "Café FLE débutants",
        ],
        15,
        0.2,
        90,
    ),
    (
        "media_literacy",
        64,
        [
            "Fabrique de l'info",
            "Démêler le vrai du faux",
            "Atelier EMI : les images",
            "Décrypter les réseaux sociaux",
        ],
        20,
        0.15,
        90,
    ),
    (
        "talk",
        27,
        [
            "Rencontre d'autrice",
            "Conférence : histoire du quartier",
            "Rencontre avec un illustrateur",
            "Conférence sciences",
        ],
        90,
        0.5,
        75,
    ),
    (
        "workshop",
        26,
        [
            "Atelier d'écriture",
            "Atelier numérique : visioconférence",
            "Atelier d'écriture poétique",
            "Atelier numérique : smartphone",
        ],
        12,
        0.25,
        120,
    ),
    (
        "concert",
        13,
        [
            "Concert acoustique",
            "Conférence musicale : le jazz",
            "Conférence musicale : musiques du monde",
        ],
        90,
        0.6,
        60,
    ),
    (
        "storytime",
        12,
        ["Heure du conte", "Comptines et jeux de doigts", "Lectures pour les petits"],
        25,
        0.1,
        45,
    ),
    (
        "games",
        11,
        ["Soirée jeux en ligne", "Quiz littéraire", "Escape game numérique"],
        20,
        0.2,
        90,
    ),
    ("screening", 7, ["Projection-débat : documentaire", "Ciné-débat"], 80, 0.6, 120),
]

FIRST_NAMES = [
    "Camille",
    "Nadia",
    "Julien",
    "Sophie",
    "Karim",
    "Élodie",
    "Thomas",
    "Amina",
    "Lucas",
    "Claire",
    "Mehdi",
    "Anne",
    "Hugo",
    "Fatou",
    "Pierre",
    "Léa",
    "Samir",
    "Isabelle",
    "Antoine",
    "Chloé",
    "Yasmine",
    "Marc",
    "Inès",
    "Bruno",
]
LAST_NAMES = [
    "Martin",
    "Benali",
    "Dupont",
    "Moreau",
    "Haddad",
    "Girard",
    "Lefèvre",
    "Diallo",
    "Rousseau",
    "Fontaine",
    "Mercier",
    "Chevalier",
    "Nguyen",
    "Garnier",
    "Perrin",
    "Blanc",
    "Roux",
    "Faure",
    "Bonnet",
    "Lambert",
    "Masson",
    "Boyer",
    "Picard",
    "Renaud",
]

LICENCES: list[tuple[str, str, LicencePlan, int, int]] = [
    ("Zoom Action culturelle 1", "action.culturelle1@bm-demo.fr", LicencePlan.PRO, 100, 1),
    ("Zoom Action culturelle 2", "action.culturelle2@bm-demo.fr", LicencePlan.PRO, 100, 1),
    ("Zoom Action culturelle 3", "action.culturelle3@bm-demo.fr", LicencePlan.PRO, 100, 1),
    ("Zoom Grand public", "grand.public@bm-demo.fr", LicencePlan.BUSINESS, 300, 1),
]

# Weekly ramp over the 21 weeks of the term: ~10 a week until the new year (with the
# Christmas fortnight quieter), then a climb to ~30 a week in March.
WEEKLY_WEIGHTS: list[float] = [
    10,
    10,
    10,
    10,
    10,
    10,
    3,
    2,
    9,
    9,
    9,
    9,
    10,
    10,
    11,
    12,
    14,
    17,
    21,
    26,
    30,
]

# Sessions cancelled on top of those the report counts (about 3 %).
CANCELLED_EXTRA = 8

SLOTS: list[time] = [time(10, 0), time(14, 0), time(15, 30), time(17, 0), time(18, 30)]


@dataclass(frozen=True, slots=True)
class DemoStaff:
    name: str
    branch_code: str
    role: StaffRole
    email: str


@dataclass(frozen=True, slots=True)
class DemoSession:
    title: str
    type_code: str
    branch_code: str
    start: datetime
    end: datetime
    mode: SessionMode
    capacity: int
    host_index: int
    licence_label: str | None
    status: SessionStatus


@dataclass(frozen=True, slots=True)
class DemoNetwork:
    branches: list[tuple[str, str]]
    staff: list[DemoStaff]
    licences: list[tuple[str, str, LicencePlan, int, int]]
    sessions: list[DemoSession]


def term_start(today: date) -> date:
    """The first Monday of November of the term around `today`: until June, the term that
    ran (or runs) since last November — the season of the activity report; from July,
    the coming one."""
    year = today.year - 1 if today.month <= 6 else today.year
    first = date(year, 11, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _weekly_counts(total: int) -> list[int]:
    """Spread `total` sessions over the weeks following WEEKLY_WEIGHTS exactly."""
    scale = total / sum(WEEKLY_WEIGHTS)
    raw = [w * scale for w in WEEKLY_WEIGHTS]
    counts = [int(x) for x in raw]
    rest = total - sum(counts)
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)[:rest]:
        counts[i] += 1
    return counts


def build_demo(now: datetime, seed: int = 2020) -> DemoNetwork:
    """The whole demo network for the term around `now` (aware datetime)."""
    rng = random.Random(seed)
    staff = _demo_staff(rng)
    # The report's counts are of sessions held; a few more were cancelled on top.
    held = [(code, False) for code, count, *_ in TYPE_PLAN for _ in range(count)]
    cancelled = [(rng.choice(held)[0], True) for _ in range(CANCELLED_EXTRA)]
    type_bag = held + cancelled
    rng.shuffle(type_bag)
    plans = {p[0]: p for p in TYPE_PLAN}
    monday = term_start(now.date())
    busy: dict[str, list[tuple[datetime, datetime]]] = {lic[0]: [] for lic in LICENCES}
    sessions: list[DemoSession] = []
    hosts = [i for i, s in enumerate(staff) if s.role in (StaffRole.AGENT, StaffRole.TRAINEE)]
    counters: dict[str, int] = {}
    for week, count in enumerate(_weekly_counts(len(type_bag))):
        for i in range(count):
            code, is_cancelled = type_bag.pop()
            _c, _n, stems, capacity, hybrid_share, minutes = plans[code]
            day = monday + timedelta(weeks=week, days=rng.randrange(0, 6))
            if i < 2 and monday + timedelta(weeks=week) <= now.date() < monday + timedelta(
                weeks=week + 1
            ):
                day = now.date()  # the desk always has something on today
            # Local wall-clock time in the machine's zone (DST included).
            start = datetime.combine(day, rng.choice(SLOTS)).astimezone()
            end = start + timedelta(minutes=minutes)
            host = rng.choice(hosts)
            branch = staff[host].branch_code
            mode = SessionMode.HYBRID if rng.random() < hybrid_share else SessionMode.REMOTE
            cap = max(6, int(capacity * rng.uniform(0.8, 1.2)))
            stem = rng.choice(stems)
            counters[stem] = counters.get(stem, 0) + 1
            title = (
                stem if code in ("talk", "concert", "screening") else (f"{stem} n°{counters[stem]}")
            )
            status = SessionStatus.CANCELLED if is_cancelled else _status_for(start, end, now)
            licence = None
            if status != SessionStatus.CANCELLED:
                licence = _free_licence(busy, start, end, cap, rng)
            sessions.append(
                DemoSession(title, code, branch, start, end, mode, cap, host, licence, status)
            )
    sessions.sort(key=lambda s: s.start)
    return DemoNetwork(list(BRANCHES), staff, list(LICENCES), sessions)


def _demo_staff(rng: random.Random) -> list[DemoStaff]:
    names = rng.sample([(f, la) for f in FIRST_NAMES for la in LAST_NAMES], 24)
    out: list[DemoStaff] = []
    for i, (first, last) in enumerate(names):
        if i < 4:
            role, branch = StaffRole.TECHNICIAN, ["part-dieu", "part-dieu", "bachut", "vaise"][i]
        elif i == 4:
            role, branch = StaffRole.COORDINATOR, "part-dieu"
        elif i < 8:
            role, branch = StaffRole.TRAINEE, BRANCHES[i % len(BRANCHES)][0]
        else:
            role, branch = StaffRole.AGENT, BRANCHES[i % len(BRANCHES)][0]
        email = f"{_ascii(first)}.{_ascii(last)}@bm-demo.fr".lower()
        out.append(DemoStaff(f"{first} {last}", branch, role, email))
    return out


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëïîôöàâçÉÈ", "eeeeiiooaacEE")
    return text.translate(table).replace(" ", "-")


def _status_for(start: datetime, end: datetime, now: datetime) -> SessionStatus:
    if end <= now:
        return SessionStatus.DONE
    if start <= now < end:
        return SessionStatus.RUNNING
    # "Ready" follows from a session's preparation (app.core.readiness), which the demo
    # leaves to the agent: sessions still to come are planned.
    return SessionStatus.PLANNED


def _free_licence(
    busy: dict[str, list[tuple[datetime, datetime]]],
    start: datetime,
    end: datetime,
    capacity: int,
    rng: random.Random,
) -> str | None:
    """A licence big enough and free at that time (15 minutes' buffer each side)."""
    pad = timedelta(minutes=15)
    caps = {label: cap for label, _e, _p, cap, _c in LICENCES}
    labels = [label for label, cap in caps.items() if cap >= capacity]
    rng.shuffle(labels)
    labels.sort(key=caps.__getitem__)  # the smallest licence that fits, ties at random
    for label in labels:
        if all(end + pad <= s or e + pad <= start for s, e in busy[label]):
            busy[label].append((start, end))
            return label
    return None
