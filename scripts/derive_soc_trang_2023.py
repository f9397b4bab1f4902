#!/usr/bin/env python3
"""Derive the embedded default dataset Inputs/soc-trang-2023/ from the public reference tables.

Run from the repository root (``shared/`` sits beside the repository):

    python3 scripts/derive_soc_trang_2023.py --reference ../shared/reference --out Inputs/soc-trang-2023

Public facts (codes, names, commune points, 2019 census households, industrial zones, post offices) are copied
from the reference CSVs; everything else is synthetic and follows the rules written next to each function and
in Inputs/soc-trang-2023/README.md. The output is byte-for-byte reproducible: a fixed seed, our own SplitMix64
generator (so no dependence on Python's `random` across versions), integer micro-degree arithmetic for
coordinates, exact fractions for every rounding, sorted rows, UTF-8 without BOM, `\\n` line endings and RFC 4180
quoting. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import math
import sys
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

# ---------------------------------------------------------------------------------------------------------
# Constants of the derivation. Each is documented in the dataset README.
# ---------------------------------------------------------------------------------------------------------

SEED = 20231003  # the derivation seed; the same number as survey.toml's `seed` (the plan's seed)

EXPECTED_COMMUNES = 109
EXPECTED_DISTRICTS = 11
EXPECTED_HOUSEHOLDS = 319_732  # 2019 census, province total (SOURCES.md)

FIRST_DAY = datetime.date(2023, 10, 3)
LAST_DAY = datetime.date(2023, 10, 18)
BUFFER_DAYS = 2
# Vietnam's public holidays (Labour Code 2019, art. 112): 1 Jan, Tết (lunar), Hùng Kings (10/3 lunar; 29 April
# in 2023), 30 April, 1 May, 2 September (+1 adjacent day). None falls in October.
PUBLIC_HOLIDAYS_2023 = [
    datetime.date(2023, 1, 1), datetime.date(2023, 1, 2),
    datetime.date(2023, 1, 20), datetime.date(2023, 1, 21), datetime.date(2023, 1, 22),
    datetime.date(2023, 1, 23), datetime.date(2023, 1, 24), datetime.date(2023, 1, 25), datetime.date(2023, 1, 26),
    datetime.date(2023, 4, 29), datetime.date(2023, 4, 30), datetime.date(2023, 5, 1), datetime.date(2023, 5, 2),
    datetime.date(2023, 5, 3), datetime.date(2023, 9, 1), datetime.date(2023, 9, 2), datetime.date(2023, 9, 4),
]

BOUNDING_BOX_MARGIN_MICRODEG = 70_000  # 0.07° around the commune points, then rounded outward to 0.01°

# Zones
OPERATING_ZONE = "IZ01"  # Khu công nghiệp An Nghiệp
STATUS_BY_ZONE = {"IZ01": "operating", "IZ02": "under_construction", "IZ03": "planned", "IZ04": "planned"}
ZONE_ENTERPRISE_OFFSET_MICRODEG = 4_000  # ±0.004° (about ±0.45 km) around the zone point

# Enterprises
TOTAL_ENTERPRISES = 1_200
URBAN_ENTERPRISE_WEIGHT = 3  # a ward/town household counts 3×, a rural one 1×, when spreading enterprises
COMMUNE_ENTERPRISE_OFFSET_MICRODEG = 10_000  # ±0.01° (about ±1.1 km) around the commune point
# Employees outside zones: (lower, upper, percent of enterprises); employees uniform inside the class.
EMPLOYEE_CLASSES = [(1, 9, 68), (10, 49, 24), (50, 199, 6), (200, 499, 2)]

# Enumerators
ROSTER_BY_HOUSEHOLDS = 56  # shared among the 11 offices in proportion to the district's households ...
MINIMUM_PER_OFFICE = 4  # ... with this floor per office
PROVINCIAL_ENTERPRISE_TEAM = 4  # extra staff at the provincial office for enterprise interviews
ENTERPRISE_SKILLED_PROVINCIAL = 6
ENTERPRISE_SKILLED_NEAR_ZONE = 2  # at each of the two district offices nearest the operating zone
ENTERPRISE_SKILLED_OTHER = 1
PART_TIME_OFFICES = 4  # the last enumerator of each of the 4 largest district offices works part-time
FULL_DAY_MINUTES = 480
PART_TIME_MINUTES = 240
PROVINCIAL_POSTCODE = "950000"
# The reference leaves the commune empty for two offices whose address names a former thị trấn (now wards).
# Inference: the office is in Phường 1, the ward at the town's centre (see README).
INFERRED_OFFICE_COMMUNE = {"953500": "31783", "954100": "31732"}

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Dương",
                "Lâm", "Thạch", "Sơn", "Danh", "Kim", "Lý"]
MIDDLE_NAMES = {"male": ["Văn", "Minh", "Quốc", "Hữu", "Hoàng"], "female": ["Thị", "Ngọc", "Thanh", "Mỹ"]}
GIVEN_NAMES = {
    "male": ["An", "Bảo", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khang", "Lộc", "Nam", "Phát", "Phúc",
             "Quang", "Sang", "Tài", "Thắng", "Tín", "Trí", "Vinh"],
    "female": ["Anh", "Châu", "Diễm", "Hạnh", "Hằng", "Hoa", "Lan", "Linh", "Loan", "Mai", "Ngân", "Nhung",
               "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Vy", "Yến"],
}

# Unavailability
LEAVES = 6
LEAVE_REASONS = ["annual leave", "training course", "family event"]
OPEN_ENDED_REASON = "reassigned to counter duty"
OPEN_ENDED_EARLIEST_INDEX = 8  # an open-ended leave starts on working day 9 or later

# Travel (Cù Lao Dung crossing)
ISLAND_DISTRICT = "945"
MAINLAND_LANDING = "31645"  # Thị trấn Đại Ngãi (Long Phú): Đại Ngãi ferry landing, mainland side
ISLAND_LANDING = "31618"  # Xã An Thạnh 1 (Cù Lao Dung): landing on the island
FERRY_WAIT_MINUTES = 30  # assumption: no public timetable found
FERRY_CROSSING_MINUTES = 15  # assumption: no public crossing time found
CIRCUITY = 1.4
SPEED_KMH = 30.0
EARTH_RADIUS_KM = 6371.0088  # the radius PlannerCore's GeoPoint uses

# Enterprise strata outside zones (survey.toml `district_groups`): neighbouring districts pooled so that no
# stratum is tiny; a district alone is listed as a group of one.
DISTRICT_GROUPS = [["941"], ["942", "944"], ["943"], ["945", "946"], ["947"], ["948", "949"], ["950"], ["951"]]

STREAM_ENTERPRISES = 1
STREAM_ZONE_ENTERPRISES = 2
STREAM_NAMES = 3
STREAM_LEAVES = 4


# ---------------------------------------------------------------------------------------------------------
# Deterministic generator
# ---------------------------------------------------------------------------------------------------------

class SplitMix64:
    """Steele, Lea & Flood's SplitMix64: tiny, fully specified, identical in every language."""

    MASK = (1 << 64) - 1

    def __init__(self, seed: int, stream: int) -> None:
        self.state = (seed + (stream << 32)) & self.MASK

    def next_u64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        """An integer in [0, n): the high 64 bits of next × n (Lemire's multiply, without rejection)."""
        return (self.next_u64() * n) >> 64

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + self.below(high - low + 1)

    def shuffle(self, items: list) -> None:
        """Fisher–Yates, from the last position down."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


# ---------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------

def microdegrees(text: str) -> int:
    """Decimal degrees as written in the reference → integer micro-degrees, exactly (no binary rounding)."""
    value = Fraction(text) * 1_000_000
    if value.denominator != 1:
        value = Fraction(math.floor(value + Fraction(1, 2)))
    return int(value)


def degrees_text(micro: int) -> str:
    sign = "-" if micro < 0 else ""
    micro = abs(micro)
    return f"{sign}{micro // 1_000_000}.{micro % 1_000_000:06d}"


def round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def largest_remainder(total: int, weights: dict[str, Fraction | int], minimum: int = 0) -> dict[str, int]:
    """Share `total` in proportion to `weights` (Hamilton): floors, then the leftover units to the largest
    remainders, ties broken by key. With `minimum`, keys whose share falls below it are fixed at the minimum and
    the rest re-shared among the others, until nothing moves."""
    fixed: dict[str, int] = {}
    while True:
        free = {k: Fraction(w) for k, w in weights.items() if k not in fixed}
        remaining = total - sum(fixed.values())
        weight_sum = sum(free.values())
        quotas = {k: remaining * w / weight_sum for k, w in free.items()}
        newly_fixed = [k for k, q in quotas.items() if q < minimum]
        if not newly_fixed:
            break
        for k in newly_fixed:
            fixed[k] = minimum
    shares = {k: math.floor(q) for k, q in quotas.items()}
    leftover = remaining - sum(shares.values())
    order = sorted(quotas, key=lambda k: (-(quotas[k] - shares[k]), k))
    for k in order[:leftover]:
        shares[k] += 1
    shares.update(fixed)
    assert sum(shares.values()) == total
    return shares


def great_circle_km(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Haversine distance between two micro-degree points, as PlannerCore's GeoPoint computes it."""
    to_rad = math.pi / 180 / 1_000_000
    phi1, phi2 = a[0] * to_rad, b[0] * to_rad
    dphi = (b[0] - a[0]) * to_rad
    dlambda = (b[1] - a[1]) * to_rad
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def road_minutes(a: tuple[int, int], b: tuple[int, int]) -> float:
    return great_circle_km(a, b) * CIRCUITY / SPEED_KMH * 60


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def working_days() -> list[datetime.date]:
    days = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


# ---------------------------------------------------------------------------------------------------------
# The derivation
# ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Commune:
    district_code: str
    district_name: str
    code: str
    name: str
    type: str
    lat: int  # micro-degrees
    lon: int
    households: int
    urban_households: int

    @property
    def point(self) -> tuple[int, int]:
        return (self.lat, self.lon)


def derive_communes(reference: Path) -> list[Commune]:
    """communes.csv: every column copied from the reference (GSO codes and names, ATCOVID point, 2019 census)."""
    communes = []
    for row in read_csv(reference / "communes.csv"):
        assert row["province_code"] == "94"
        assert row["commune_type"] in ("Phường", "Thị trấn", "Xã"), row["commune_type"]
        communes.append(Commune(
            district_code=row["district_code"], district_name=row["district_name"], code=row["commune_code"],
            name=row["commune_name"], type=row["commune_type"], lat=microdegrees(row["lat"]),
            lon=microdegrees(row["lon"]), households=int(row["census2019_households"]),
            urban_households=int(row["census2019_households_urban"])))
    communes.sort(key=lambda c: c.code)
    assert len(communes) == EXPECTED_COMMUNES, len(communes)
    assert len({c.code for c in communes}) == EXPECTED_COMMUNES
    assert len({c.district_code for c in communes}) == EXPECTED_DISTRICTS
    assert sum(c.households for c in communes) == EXPECTED_HOUSEHOLDS
    for c in communes:  # the census counts a ward/town wholly urban and a xã wholly rural
        assert c.urban_households == (c.households if c.type != "Xã" else 0), c.code
    districts = {}
    for row in read_csv(reference / "districts.csv"):
        districts[row["district_code"]] = row
    for code, row in districts.items():
        members = [c for c in communes if c.district_code == code]
        assert len(members) == int(row["n_communes"]), code
        assert sum(c.households for c in members) == int(row["census2019_households"]), code
    return communes


def communes_rows(communes: list[Commune]) -> list[list[str]]:
    return [[c.district_code, c.district_name, c.code, c.name, c.type, degrees_text(c.lat), degrees_text(c.lon),
             str(c.households)] for c in communes]


@dataclass(frozen=True)
class Zone:
    id: str
    name: str
    status: str
    district_code: str
    commune_code: str
    lat: int
    lon: int
    workers: int | None
    projects: int | None

    @property
    def point(self) -> tuple[int, int]:
        return (self.lat, self.lon)


def derive_zones(reference: Path, communes: list[Commune]) -> list[Zone]:
    """zones.csv: the four KCNs with a known commune. Main commune = the first listed; point = mean of the
    listed communes' points (rounded half up in micro-degrees). IZ05 (no commune) and CC01 (a CCN) are left out."""
    by_code = {c.code: c for c in communes}
    zones = []
    for row in read_csv(reference / "industrial_zones.csv"):
        if row["zone_id"] not in STATUS_BY_ZONE:
            continue
        codes = row["commune_codes"].split(";")
        members = [by_code[code] for code in codes]
        main = members[0]
        assert row["district_code"].split(";")[0] == main.district_code
        lat = round_half_up(Fraction(sum(m.lat for m in members), len(members)))
        lon = round_half_up(Fraction(sum(m.lon for m in members), len(members)))
        zones.append(Zone(
            id=row["zone_id"], name=row["zone_name"], status=STATUS_BY_ZONE[row["zone_id"]],
            district_code=main.district_code, commune_code=main.code, lat=lat, lon=lon,
            workers=int(row["workers"]) if row["workers"] else None,
            projects=int(row["investment_projects"]) if row["investment_projects"] else None))
    zones.sort(key=lambda z: z.id)
    assert [z.id for z in zones] == ["IZ01", "IZ02", "IZ03", "IZ04"]
    assert [z.id for z in zones if z.status == "operating"] == [OPERATING_ZONE]
    return zones


def zones_rows(zones: list[Zone]) -> list[list[str]]:
    return [[z.id, z.name, z.status, z.district_code, z.commune_code, degrees_text(z.lat), degrees_text(z.lon)]
            for z in zones]


@dataclass(frozen=True)
class Enterprise:
    id: str
    name: str
    district_code: str
    commune_code: str
    zone_id: str
    employees: int
    lat: int
    lon: int


def zone_employees(total_workers: int, count: int, generator: SplitMix64) -> list[int]:
    """Employees of the zone's enterprises: a 1/k (Zipf) profile over k = 1…count, scaled to the public worker
    total by largest remainder; the sizes are then shuffled so that enterprise order says nothing about size."""
    weights = {f"{k:04d}": Fraction(1, k) for k in range(1, count + 1)}
    shares = largest_remainder(total_workers, weights)
    sizes = [shares[f"{k:04d}"] for k in range(1, count + 1)]
    generator.shuffle(sizes)
    return sizes


def outside_zone_employees(generator: SplitMix64) -> int:
    roll = generator.below(100)
    for low, high, percent in EMPLOYEE_CLASSES:
        if roll < percent:
            return generator.between(low, high)
        roll -= percent
    raise AssertionError("employee classes must add up to 100 %")


def derive_enterprises(communes: list[Commune], zones: list[Zone]) -> list[Enterprise]:
    """enterprises.csv (synthetic): one per An Nghiệp investment project inside the zone, the rest of
    TOTAL_ENTERPRISES spread over communes by weighted households (largest remainder)."""
    zone = next(z for z in zones if z.id == OPERATING_ZONE)
    assert zone.projects == 64 and zone.workers == 17_837
    zone_count = zone.projects
    zone_generator = SplitMix64(SEED, STREAM_ZONE_ENTERPRISES)
    zone_sizes = zone_employees(zone.workers, zone_count, zone_generator)

    outside_total = TOTAL_ENTERPRISES - zone_count
    weights = {c.code: c.households + (URBAN_ENTERPRISE_WEIGHT - 1) * c.urban_households for c in communes}
    per_commune = largest_remainder(outside_total, weights)
    assert min(per_commune.values()) >= 1

    generator = SplitMix64(SEED, STREAM_ENTERPRISES)
    enterprises: list[Enterprise] = []

    def add(commune: Commune, zone_id: str, employees: int, centre: tuple[int, int], offset: int,
            offsets: SplitMix64) -> None:
        number = len(enterprises) + 1
        lat = centre[0] + offsets.between(-offset, offset)
        lon = centre[1] + offsets.between(-offset, offset)
        enterprises.append(Enterprise(
            id=f"DN{number:04d}", name=f"Doanh nghiệp mô phỏng {number:04d}", district_code=commune.district_code,
            commune_code=commune.code, zone_id=zone_id, employees=employees, lat=lat, lon=lon))

    for commune in communes:
        if commune.code == zone.commune_code:
            for size in zone_sizes:
                add(commune, zone.id, size, zone.point, ZONE_ENTERPRISE_OFFSET_MICRODEG, zone_generator)
        for _ in range(per_commune[commune.code]):
            add(commune, "", outside_zone_employees(generator), commune.point, COMMUNE_ENTERPRISE_OFFSET_MICRODEG,
                generator)
    assert len(enterprises) == TOTAL_ENTERPRISES
    assert sum(e.employees for e in enterprises if e.zone_id == zone.id) == zone.workers
    return enterprises


def enterprises_rows(enterprises: list[Enterprise]) -> list[list[str]]:
    return [[e.id, e.name, e.district_code, e.commune_code, e.zone_id, str(e.employees), degrees_text(e.lat),
             degrees_text(e.lon)] for e in enterprises]


@dataclass(frozen=True)
class Office:
    postcode: str
    name: str
    district_code: str
    commune: Commune
    commune_inferred: bool


@dataclass(frozen=True)
class Enumerator:
    id: str
    name: str
    office: Office
    skills: str
    daily_minutes: int


def derive_offices(reference: Path, communes: list[Commune]) -> list[Office]:
    """The 11 post offices: readable names by our convention, communes from the reference or inferred."""
    by_code = {c.code: c for c in communes}
    district_names = {c.district_code: c.district_name for c in communes}
    offices = []
    for row in read_csv(reference / "post_offices.csv"):
        postcode = row["office_postcode_6digit"]
        district = row["district_code"]
        if postcode == PROVINCIAL_POSTCODE:
            name = "Bưu điện tỉnh Sóc Trăng"
        else:
            district_name = district_names[district]
            for prefix, lower in (("Huyện ", "huyện "), ("Thị xã ", "thị xã ")):
                if district_name.startswith(prefix):
                    name = "Bưu điện " + lower + district_name[len(prefix):]
                    break
            else:
                raise AssertionError(f"unexpected district-level unit {district_name}")
        inferred = not row["commune_code"]
        commune = by_code[INFERRED_OFFICE_COMMUNE[postcode] if inferred else row["commune_code"]]
        assert commune.district_code == district
        assert inferred == (postcode in INFERRED_OFFICE_COMMUNE)
        offices.append(Office(postcode, name, district, commune, inferred))
    offices.sort(key=lambda o: (o.postcode != PROVINCIAL_POSTCODE, o.district_code))
    assert len(offices) == EXPECTED_DISTRICTS and len({o.district_code for o in offices}) == EXPECTED_DISTRICTS
    return offices


def roster_counts(offices: list[Office], communes: list[Commune]) -> dict[str, int]:
    households = {o.district_code: sum(c.households for c in communes if c.district_code == o.district_code)
                  for o in offices}
    counts = largest_remainder(ROSTER_BY_HOUSEHOLDS, households, minimum=MINIMUM_PER_OFFICE)
    provincial = next(o for o in offices if o.postcode == PROVINCIAL_POSTCODE)
    counts[provincial.district_code] += PROVINCIAL_ENTERPRISE_TEAM
    return counts


def draw_name(generator: SplitMix64, used: set[str]) -> str:
    while True:
        sex = "male" if generator.below(2) == 0 else "female"
        family = FAMILY_NAMES[generator.below(len(FAMILY_NAMES))]
        middle = MIDDLE_NAMES[sex][generator.below(len(MIDDLE_NAMES[sex]))]
        given = GIVEN_NAMES[sex][generator.below(len(GIVEN_NAMES[sex]))]
        name = f"{family} {middle} {given}"
        if name not in used:
            used.add(name)
            return name


def derive_enumerators(offices: list[Office], communes: list[Commune], zones: list[Zone]) -> list[Enumerator]:
    """enumerators.csv (synthetic): counts by households with a floor, skills and part-time by stated rules."""
    counts = roster_counts(offices, communes)
    zone = next(z for z in zones if z.id == OPERATING_ZONE)
    district_offices = [o for o in offices if o.postcode != PROVINCIAL_POSTCODE]
    nearest = sorted(district_offices, key=lambda o: (great_circle_km(o.commune.point, zone.point), o.postcode))
    near_zone = {o.postcode for o in nearest[:2]}
    largest = sorted(district_offices, key=lambda o: (-counts[o.district_code], o.district_code))
    part_time_offices = {o.postcode for o in largest[:PART_TIME_OFFICES]}

    generator = SplitMix64(SEED, STREAM_NAMES)
    used: set[str] = set()
    enumerators = []
    for office in offices:
        count = counts[office.district_code]
        if office.postcode == PROVINCIAL_POSTCODE:
            skilled = ENTERPRISE_SKILLED_PROVINCIAL
        elif office.postcode in near_zone:
            skilled = ENTERPRISE_SKILLED_NEAR_ZONE
        else:
            skilled = ENTERPRISE_SKILLED_OTHER
        for position in range(count):
            number = len(enumerators) + 1
            part_time = office.postcode in part_time_offices and position == count - 1
            enumerators.append(Enumerator(
                id=f"EN{number:02d}", name=draw_name(generator, used), office=office,
                skills="household;enterprise" if position < skilled else "household",
                daily_minutes=PART_TIME_MINUTES if part_time else FULL_DAY_MINUTES))
    assert 40 <= len(enumerators) <= 70, len(enumerators)
    return enumerators


def enumerators_rows(enumerators: list[Enumerator]) -> list[list[str]]:
    return [[e.id, e.name, e.office.name, e.office.district_code, degrees_text(e.office.commune.lat),
             degrees_text(e.office.commune.lon), e.skills, str(e.daily_minutes)] for e in enumerators]


@dataclass(frozen=True)
class Leave:
    enumerator_id: str
    start: datetime.date
    end: datetime.date | None
    reason: str


def derive_unavailability(enumerators: list[Enumerator]) -> list[Leave]:
    """unavailability.csv (synthetic): LEAVES leaves for distinct enumerators; the first one drawn is
    open-ended from working day 9 or later, the others last 1–3 working days."""
    days = working_days()
    generator = SplitMix64(SEED, STREAM_LEAVES)
    ids = [e.id for e in enumerators]
    generator.shuffle(ids)
    leaves = []
    for index, enumerator_id in enumerate(ids[:LEAVES]):
        if index == 0:
            start = generator.between(OPEN_ENDED_EARLIEST_INDEX, len(days) - 1)
            leaves.append(Leave(enumerator_id, days[start], None, OPEN_ENDED_REASON))
        else:
            start = generator.below(len(days))
            length = generator.between(1, 3)
            end = min(start + length - 1, len(days) - 1)
            leaves.append(Leave(enumerator_id, days[start], days[end], LEAVE_REASONS[(index - 1) % 3]))
    leaves.sort(key=lambda leave: (leave.enumerator_id, leave.start))
    return leaves


def unavailability_rows(leaves: list[Leave]) -> list[list[str]]:
    return [[l.enumerator_id, l.start.isoformat(), l.end.isoformat() if l.end else "", l.reason] for l in leaves]


def available_days(enumerator_id: str, leaves: list[Leave], days: list[datetime.date]) -> list[datetime.date]:
    spans = [l for l in leaves if l.enumerator_id == enumerator_id]
    return [d for d in days if not any(l.start <= d and (l.end is None or d <= l.end) for l in spans)]


def derive_travel(communes: list[Commune]) -> list[list[str]]:
    """travel.csv: mainland ↔ Cù Lao Dung minutes through the Đại Ngãi ferry, both directions, sorted."""
    by_code = {c.code: c for c in communes}
    mainland_landing = by_code[MAINLAND_LANDING].point
    island_landing = by_code[ISLAND_LANDING].point
    rows = []
    for mainland in (c for c in communes if c.district_code != ISLAND_DISTRICT):
        for island in (c for c in communes if c.district_code == ISLAND_DISTRICT):
            minutes = (road_minutes(mainland.point, mainland_landing) + FERRY_WAIT_MINUTES
                       + FERRY_CROSSING_MINUTES + road_minutes(island_landing, island.point))
            text = f"{minutes:.1f}"
            rows.append([mainland.code, island.code, text])
            rows.append([island.code, mainland.code, text])
    rows.sort()
    return rows


def bounding_box(communes: list[Commune]) -> dict[str, int]:
    """Commune points ± the margin, rounded outward to 0.01° (10,000 micro-degrees)."""
    step = 10_000
    lat_min = min(c.lat for c in communes) - BOUNDING_BOX_MARGIN_MICRODEG
    lat_max = max(c.lat for c in communes) + BOUNDING_BOX_MARGIN_MICRODEG
    lon_min = min(c.lon for c in communes) - BOUNDING_BOX_MARGIN_MICRODEG
    lon_max = max(c.lon for c in communes) + BOUNDING_BOX_MARGIN_MICRODEG
    return {"lat_min": (lat_min // step) * step, "lat_max": -((-lat_max) // step) * step,
            "lon_min": (lon_min // step) * step, "lon_max": -((-lon_max) // step) * step}


def box_text(micro: int) -> str:
    return f"{micro // 10_000 // 100}.{micro // 10_000 % 100:02d}"


SURVEY_TOML = """\
# Sóc Trăng 2023: survey settings for `planner` (derived by scripts/derive_soc_trang_2023.py; see README.md).
# The survey: satisfaction with administrative services, Department of Home Affairs (Sở Nội vụ) of Sóc Trăng,
# fieldwork 3–18 October 2023 by post-office staff, households in all 109 communes and enterprises,
# including those of the An Nghiệp industrial zone.

[survey]
name = "Sóc Trăng 2023: satisfaction with administrative services (households and enterprises)"
# The name Vietnamese documents use, worded as the announcement words it (lower case: it reads mid-sentence).
name_vi = "điều tra xã hội học đo lường sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của các cơ quan, đơn vị trên địa bàn tỉnh Sóc Trăng năm 2023"
# The announced fieldwork window. 3 October 2023 is a Tuesday, 18 October a Wednesday: 12 working days.
first_day = 2023-10-03
last_day = 2023-10-18
working_weekdays = ["mon","tue","wed","thu","fri"]
# No Vietnamese public holiday falls between 3 and 18 October 2023 (the 2023 holidays were 1–2 January,
# 20–26 January (Tết), 29 April–3 May and 1–4 September); 20 October (Women's Day) is not a day off.
holidays = []
# The plan's random seed (sample draws, tie-breaks); `planner --seed` overrides it.
seed = {seed}
# Sóc Trăng's box: the 109 commune points ± 0.07° (about 7.7 km), rounded outward to 0.01°. It also contains
# the bounding box of the province's district polygons (gis.chinhphu.vn via daohoangson/dvhcvn). A point
# outside it is a swapped or wrong-province coordinate.
bounding_box = {{ lat_min = {lat_min}, lat_max = {lat_max}, lon_min = {lon_min}, lon_max = {lon_max} }}
# Who answers questions about the survey: printed on route sheets and visit notices (from the announcement).
contact = "Thanh tra Sở Nội vụ tỉnh Sóc Trăng, điện thoại 02993.624779"
# Who issues the visit notices (official letters to communes and the zones' board): the Department that announced
# the survey, under the provincial People's Committee; the letters are dated at Sóc Trăng.
issuer = "Sở Nội vụ tỉnh Sóc Trăng"
issuer_parent = "Ủy ban nhân dân tỉnh Sóc Trăng"
issuer_place = "Sóc Trăng"

[sample.households]
# Each of the 11 districts is a domain with its own precision target (per_stratum); communes are selected with
# probability proportional to their 2019 census households, then a fixed take of households per commune.
# A take of 12 with ~14 communes per district would be needed for the target; districts have 8–13 communes,
# so the sampler takes every commune of such a district and raises its take to ⌈n_h / communes⌉ (13–21).
stratification = "district"
selection = "two_stage"
allocation = "proportional"
size_rule = "per_stratum"
take_per_commune = 12
# Reserve households per selected commune, released in order to replace refusals and non-contacts.
reserve_per_stratum = 3
minimum_per_stratum = 2

[sample.households.precision]
# ±10 points at 95 % for a proportion near 0.5 in each district; design effect 1 + (12 − 1) × 0.05 = 1.55;
# 90 % response expected: n = 1.96² × 0.25 / 0.1² × 1.55 / 0.9 ≈ 165 households per district.
proportion = 0.5
margin = 0.1
confidence = 0.95
icc = 0.05
response_rate = 0.9

[sample.enterprises]
# Strata: the operating zone (An Nghiệp) alone, and outside zones the district groups below.
# SRS within strata; Kish's compromise allocation keeps both the province estimate and the small strata usable.
stratification = "district_groups"
selection = "srs"
allocation = "kish"
size_rule = "total"
minimum_per_stratum = 5
reserve_per_stratum = 5
# Neighbouring rural districts pooled so that no stratum is tiny (frame sizes in README.md):
# Châu Thành + Mỹ Tú (north-west of the city), Cù Lao Dung + Long Phú (linked by the Đại Ngãi ferry),
# Ngã Năm + Thạnh Trị (the west). The city, Kế Sách, Mỹ Xuyên, Vĩnh Châu and Trần Đề are strata alone.
district_groups = [{groups}]

[sample.enterprises.precision]
# ±5 points at 95 % for the province, 80 % response expected: about 364 enterprises from a frame of 1,200.
proportion = 0.5
margin = 0.05
confidence = 0.95
design_effect = 1.0
response_rate = 0.8

[fieldwork]
# The last 2 working days are kept free for call-backs and reserve units: the plan fills 10 days.
buffer_days = 2
household_interview_minutes = 30
enterprise_interview_minutes = 45
within_commune_move_minutes = 10
# At most two communes (or zone and commune) a day: rural communes are large and roads slow.
max_communes_per_day = 2
# Road distance = great-circle distance × 1.4, at 30 km/h (motorbike on rural roads). The Cù Lao Dung ferry
# is in travel.csv.
circuity_factor = 1.4
speed_kmh = 30
workload_balance_weight = 1.0
max_attempts = 3
# The working day (an assumption, not from the announcement: the usual hours of Vietnamese state offices).
# daily_minutes (enumerators.csv) stay each enumerator's working minutes inside it.
day_start = "07:30"
day_end = "17:00"
lunch_earliest_start = "11:00"
lunch_latest_end = "13:30"
lunch_minutes = 60
# Enterprises and the zone management board are visited inside their office hours.
office_opens = "08:00"
office_closes = "16:30"
solver_time_limit_seconds = 60
solver_relative_gap = 0.005
"""


def survey_toml(communes: list[Commune]) -> str:
    box = bounding_box(communes)
    groups = ", ".join("[" + ", ".join(f'"{code}"' for code in group) + "]" for group in DISTRICT_GROUPS)
    return SURVEY_TOML.format(seed=SEED, groups=groups, **{k: box_text(v) for k, v in box.items()})


# ---------------------------------------------------------------------------------------------------------
# Checks and summary
# ---------------------------------------------------------------------------------------------------------

def check(communes: list[Commune], zones: list[Zone], enterprises: list[Enterprise],
          enumerators: list[Enumerator], leaves: list[Leave], travel: list[list[str]]) -> None:
    box = bounding_box(communes)

    def inside(lat: int, lon: int) -> bool:
        return box["lat_min"] <= lat <= box["lat_max"] and box["lon_min"] <= lon <= box["lon_max"]

    commune_codes = {c.code: c for c in communes}
    assert all(inside(c.lat, c.lon) for c in communes)
    assert all(inside(z.lat, z.lon) for z in zones)
    assert all(inside(e.lat, e.lon) for e in enterprises)
    assert all(inside(e.office.commune.lat, e.office.commune.lon) for e in enumerators)
    for e in enterprises:
        assert commune_codes[e.commune_code].district_code == e.district_code
        assert e.employees >= 1
    assert 1_000 <= len(enterprises) <= 2_000
    for z in zones:
        assert commune_codes[z.commune_code].district_code == z.district_code
    days = working_days()
    assert len(days) == 12 and not set(days) & set(PUBLIC_HOLIDAYS_2023)
    for e in enumerators:
        assert available_days(e.id, leaves, days), e.id
    for leave in leaves:
        assert FIRST_DAY <= leave.start <= LAST_DAY and (leave.end is None or leave.start <= leave.end <= LAST_DAY)
    grouped = sorted(code for group in DISTRICT_GROUPS for code in group)
    assert grouped == sorted({c.district_code for c in communes})
    island = sum(1 for c in communes if c.district_code == ISLAND_DISTRICT)
    assert len(travel) == 2 * island * (len(communes) - island)


# Outlines for maps, simplified by Douglas–Peucker in integer micro-degrees: 500 µ° is about 55 m, under half a
# pixel of the summary page's map, and brings the 3,557 district vertices to a few hundred.
BOUNDARY_TOLERANCE = 500


def simplify(points: list[tuple[int, int]], tolerance: int) -> list[tuple[int, int]]:
    """Douglas–Peucker on (lat, lon) micro-degrees with exact integer arithmetic: the same points on every machine."""
    if len(points) < 3:
        return points
    first, last = points[0], points[-1]
    dy, dx = last[0] - first[0], last[1] - first[1]
    length_squared = dx * dx + dy * dy
    best, best_index = -1, 0
    for index in range(1, len(points) - 1):
        py, px = points[index][0] - first[0], points[index][1] - first[1]
        if length_squared == 0:
            distance_squared_scaled = (px * px + py * py) * 1
            scale = 1
        else:
            cross = dx * py - dy * px
            distance_squared_scaled = cross * cross
            scale = length_squared
        # Compare distance² = cross² / length² without division: keep the largest, first on ties.
        if best < 0 or distance_squared_scaled * best_scale > best * scale:
            best, best_scale, best_index = distance_squared_scaled, scale, index
    if best * 1 <= tolerance * tolerance * best_scale:
        return [first, last]
    left = simplify(points[:best_index + 1], tolerance)
    right = simplify(points[best_index:], tolerance)
    return left[:-1] + right


def derive_boundaries(reference: Path) -> list[list[str]]:
    """boundaries.csv: the province's and each district's polygon rings (gis.chinhphu.vn via dvhcvn), simplified.

    A ring is split at its first point and its farthest point so that Douglas–Peucker keeps a closed shape; the
    repeated closing point of GeoJSON is dropped (the format's last point joins the first)."""
    source = json.loads((reference / "raw" / "dvhcvn_gis_94_districts.json").read_text(encoding="utf-8"))
    areas = [("province", source["coordinates"])]
    areas += [(district["level2_id"], district["coordinates"]) for district in source["level2s"]]
    rows = []
    for area, polygons in sorted(areas, key=lambda item: (item[0] != "province", item[0])):
        number = 0
        for polygon in polygons:
            outer = polygon[0]
            points = [(microdegrees(repr(lat)), microdegrees(repr(lon))) for lon, lat in outer]
            if points[0] == points[-1]:
                points = points[:-1]
            far = max(range(len(points)), key=lambda i: ((points[i][0] - points[0][0]) ** 2
                                                         + (points[i][1] - points[0][1]) ** 2, -i))
            ring = simplify(points[:far + 1], BOUNDARY_TOLERANCE)[:-1] + simplify(points[far:] + [points[0]],
                                                                               BOUNDARY_TOLERANCE)[:-1]
            number += 1
            rows += [[area, str(number), degrees_text(lat), degrees_text(lon)] for lat, lon in ring]
    return rows


def summary(communes: list[Commune], zones: list[Zone], enterprises: list[Enterprise],
            enumerators: list[Enumerator], leaves: list[Leave], offices: list[Office]) -> str:
    lines = []
    districts = sorted({c.district_code for c in communes})
    names = {c.district_code: c.district_name for c in communes}
    days = working_days()
    planned_days = days[:len(days) - BUFFER_DAYS]
    lines.append("district  communes  households  enterprises(outside zones)  in zone  enumerators  "
                 "enterprise-skilled  enumerator-minutes(10 days)")
    for d in districts:
        members = [c for c in communes if c.district_code == d]
        staff = [e for e in enumerators if e.office.district_code == d]
        minutes = sum(e.daily_minutes * len([x for x in available_days(e.id, leaves, days) if x in planned_days])
                      for e in staff)
        lines.append(f"{d} {names[d]:<22} {len(members):>3} {sum(c.households for c in members):>7} "
                     f"{sum(1 for e in enterprises if e.district_code == d and not e.zone_id):>5} "
                     f"{sum(1 for e in enterprises if e.district_code == d and e.zone_id):>4} {len(staff):>3} "
                     f"{sum(1 for e in staff if 'enterprise' in e.skills):>3} {minutes:>7}")
    for group in DISTRICT_GROUPS:
        size = sum(1 for e in enterprises if e.district_code in group and not e.zone_id)
        lines.append(f"group {'+'.join(group)}: {size} enterprises outside zones")
    zone_sizes = sorted((e.employees for e in enterprises if e.zone_id), reverse=True)
    lines.append(f"zone enterprises {len(zone_sizes)}: employees max {zone_sizes[0]}, min {zone_sizes[-1]}, "
                 f"sum {sum(zone_sizes)}")
    outside = sorted(e.employees for e in enterprises if not e.zone_id)
    lines.append(f"outside enterprises {len(outside)}: employees median {outside[len(outside) // 2]}, "
                 f"max {outside[-1]}, sum {sum(outside)}")
    total_minutes = sum(e.daily_minutes * len([x for x in available_days(e.id, leaves, days) if x in planned_days])
                        for e in enumerators)
    lines.append(f"enumerators {len(enumerators)}, part-time {sum(1 for e in enumerators if e.daily_minutes < 480)}, "
                 f"enterprise-skilled {sum(1 for e in enumerators if 'enterprise' in e.skills)}, "
                 f"enumerator-minutes in the 10 planned days {total_minutes}")
    for o in offices:
        inferred = " (inferred)" if o.commune_inferred else ""
        lines.append(f"office {o.postcode} {o.name}: {o.commune.code} {o.commune.name}{inferred}")
    box = bounding_box(communes)
    lines.append("bounding box " + ", ".join(f"{k}={box_text(v)}" for k, v in box.items()))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="folder of the public reference CSVs")
    parser.add_argument("--out", type=Path, required=True, help="dataset folder to write")
    parser.add_argument("--summary", action="store_true", help="print per-district figures for the README")
    arguments = parser.parse_args(argv)

    communes = derive_communes(arguments.reference)
    zones = derive_zones(arguments.reference, communes)
    enterprises = derive_enterprises(communes, zones)
    offices = derive_offices(arguments.reference, communes)
    enumerators = derive_enumerators(offices, communes, zones)
    leaves = derive_unavailability(enumerators)
    travel = derive_travel(communes)
    check(communes, zones, enterprises, enumerators, leaves, travel)

    files = {
        "communes.csv": csv_text(["district_code", "district_name", "commune_code", "commune_name",
                                  "commune_type", "lat", "lon", "households"], communes_rows(communes)),
        "zones.csv": csv_text(["zone_id", "zone_name", "status", "district_code", "commune_code", "lat", "lon"],
                              zones_rows(zones)),
        "enterprises.csv": csv_text(["enterprise_id", "name", "district_code", "commune_code", "zone_id",
                                     "employees", "lat", "lon"], enterprises_rows(enterprises)),
        "enumerators.csv": csv_text(["enumerator_id", "name", "post_office", "district_code", "lat", "lon",
                                     "skills", "daily_minutes"], enumerators_rows(enumerators)),
        "unavailability.csv": csv_text(["enumerator_id", "from", "to", "reason"], unavailability_rows(leaves)),
        "travel.csv": csv_text(["from_commune", "to_commune", "minutes"], travel),
        "survey.toml": survey_toml(communes),
        "boundaries.csv": csv_text(["area", "ring", "lat", "lon"], derive_boundaries(arguments.reference)),
    }
    arguments.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        assert unicodedata.is_normalized("NFC", text), name
        (arguments.out / name).write_bytes(text.encode("utf-8"))
    if arguments.summary:
        print(summary(communes, zones, enterprises, enumerators, leaves, offices))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
