"""Tests of the Sóc Trăng 2023 dataset derivation and of the committed dataset's invariants.

Run from the repository root: `python3 -m unittest scripts/test_derive_soc_trang_2023.py`.
The reference tables are looked up in `../shared/reference` (beside the repository); tests that need them are
skipped when they are absent.
"""

import csv
import datetime
import sys
import tempfile
import tomllib
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPOSITORY = SCRIPTS.parent
DATASET = REPOSITORY / "Inputs" / "soc-trang-2023"
REFERENCE = REPOSITORY.parent / "shared" / "reference"
sys.path.insert(0, str(SCRIPTS))

import derive_soc_trang_2023 as derive  # noqa: E402

GENERATED = ["communes.csv", "zones.csv", "enterprises.csv", "enumerators.csv", "unavailability.csv",
             "travel.csv", "survey.toml"]


def read(name: str) -> list[dict[str, str]]:
    with (DATASET / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class GeneratorTests(unittest.TestCase):
    def test_splitmix64_matches_the_published_sequence(self):
        # Reference outputs of SplitMix64 for seed 1234567 (as in Vigna's splitmix64.c and its ports).
        generator = derive.SplitMix64(1234567, 0)
        self.assertEqual([generator.next_u64() for _ in range(3)],
                         [6457827717110365317, 3203168211198807973, 9817491932198370423])

    def test_below_stays_in_range(self):
        generator = derive.SplitMix64(derive.SEED, 99)
        values = [generator.below(7) for _ in range(2000)]
        self.assertEqual(set(values), set(range(7)))

    def test_largest_remainder_matches_the_sampling_test_vectors(self):
        weights = {"a": 1000, "b": 2000, "c": 3333, "d": 17}
        self.assertEqual(derive.largest_remainder(300, weights), {"a": 47, "b": 95, "c": 157, "d": 1})
        self.assertEqual(derive.largest_remainder(300, weights, minimum=2), {"a": 47, "b": 94, "c": 157, "d": 2})


@unittest.skipUnless(REFERENCE.is_dir(), "reference tables not found beside the repository")
class ReproducibilityTests(unittest.TestCase):
    def test_rerun_reproduces_the_committed_files_byte_for_byte(self):
        with tempfile.TemporaryDirectory() as folder:
            derive.main(["--reference", str(REFERENCE), "--out", folder])
            for name in GENERATED:
                with self.subTest(file=name):
                    self.assertEqual((Path(folder) / name).read_bytes(), (DATASET / name).read_bytes())

    def test_communes_match_the_reference_exactly(self):
        with (REFERENCE / "communes.csv").open(encoding="utf-8", newline="") as handle:
            reference = {row["commune_code"]: row for row in csv.DictReader(handle)}
        for row in read("communes.csv"):
            source = reference[row["commune_code"]]
            for column in ("district_code", "district_name", "commune_name", "commune_type"):
                self.assertEqual(row[column], source[column])
            self.assertEqual(int(row["households"]), int(source["census2019_households"]))
            self.assertAlmostEqual(float(row["lat"]), float(source["lat"]), places=9)
            self.assertAlmostEqual(float(row["lon"]), float(source["lon"]), places=9)
        self.assertEqual(len(reference), len(read("communes.csv")))


class DatasetInvariantTests(unittest.TestCase):
    def setUp(self):
        with (DATASET / "survey.toml").open("rb") as handle:
            self.settings = tomllib.load(handle)
        self.communes = read("communes.csv")
        self.enterprises = read("enterprises.csv")
        self.enumerators = read("enumerators.csv")

    def test_files_are_utf8_without_bom_and_with_lf_line_endings(self):
        for name in GENERATED:
            data = (DATASET / name).read_bytes()
            with self.subTest(file=name):
                self.assertFalse(data.startswith(b"\xef\xbb\xbf"))
                self.assertNotIn(b"\r", data)
                data.decode("utf-8")
                self.assertTrue(data.endswith(b"\n"))

    def test_frame_has_109_communes_in_11_districts_and_the_census_total(self):
        self.assertEqual(len(self.communes), 109)
        self.assertEqual(len({row["district_code"] for row in self.communes}), 11)
        self.assertEqual(sum(int(row["households"]) for row in self.communes), 319_732)
        self.assertEqual([row["commune_code"] for row in self.communes],
                         sorted(row["commune_code"] for row in self.communes))
        self.assertTrue({row["commune_type"] for row in self.communes} <= {"Phường", "Thị trấn", "Xã"})

    def test_every_point_is_inside_the_bounding_box(self):
        box = self.settings["survey"]["bounding_box"]
        points = [(row["lat"], row["lon"]) for name in ("communes.csv", "zones.csv", "enterprises.csv",
                                                         "enumerators.csv") for row in read(name)]
        for lat, lon in points:
            self.assertTrue(box["lat_min"] <= float(lat) <= box["lat_max"], lat)
            self.assertTrue(box["lon_min"] <= float(lon) <= box["lon_max"], lon)

    def test_enterprises_are_synthetic_and_sized_from_the_public_zone_figures(self):
        self.assertTrue(1_000 <= len(self.enterprises) <= 2_000)
        communes = {row["commune_code"]: row["district_code"] for row in self.communes}
        zones = {row["zone_id"]: row for row in read("zones.csv")}
        in_zone = [row for row in self.enterprises if row["zone_id"]]
        self.assertEqual({row["zone_id"] for row in in_zone}, {"IZ01"})
        self.assertEqual(zones["IZ01"]["status"], "operating")
        self.assertEqual(len(in_zone), 64)
        self.assertEqual(sum(int(row["employees"]) for row in in_zone), 17_837)
        for number, row in enumerate(self.enterprises, start=1):
            self.assertEqual(row["enterprise_id"], f"DN{number:04d}")
            self.assertEqual(row["name"], f"Doanh nghiệp mô phỏng {number:04d}")
            self.assertEqual(communes[row["commune_code"]], row["district_code"])
            self.assertGreaterEqual(int(row["employees"]), 1)
        self.assertTrue(all(communes[code] for code in {row["commune_code"] for row in self.enterprises}))
        self.assertEqual(len({row["commune_code"] for row in self.enterprises}), 109)

    def test_roster_covers_the_eleven_offices_and_everyone_can_work(self):
        self.assertTrue(40 <= len(self.enumerators) <= 70)
        self.assertEqual(len({row["post_office"] for row in self.enumerators}), 11)
        self.assertEqual(len({row["district_code"] for row in self.enumerators}), 11)
        self.assertEqual(len({row["name"] for row in self.enumerators}), len(self.enumerators))
        for row in self.enumerators:
            self.assertIn(row["skills"], ("household", "household;enterprise"))
            self.assertIn(row["daily_minutes"], ("240", "480"))
        survey = self.settings["survey"]
        days = []
        day = survey["first_day"]
        while day <= survey["last_day"]:
            if day.weekday() < 5 and day not in survey["holidays"]:
                days.append(day)
            day += datetime.timedelta(days=1)
        self.assertEqual(len(days), 12)
        leaves = read("unavailability.csv")
        known = {row["enumerator_id"] for row in self.enumerators}
        for row in self.enumerators:
            spans = [leave for leave in leaves if leave["enumerator_id"] == row["enumerator_id"]]
            free = [d for d in days if not any(
                datetime.date.fromisoformat(s["from"]) <= d
                and (not s["to"] or d <= datetime.date.fromisoformat(s["to"])) for s in spans)]
            self.assertTrue(free, row["enumerator_id"])
        for leave in leaves:
            self.assertIn(leave["enumerator_id"], known)
            start = datetime.date.fromisoformat(leave["from"])
            self.assertTrue(survey["first_day"] <= start <= survey["last_day"])
            if leave["to"]:
                self.assertTrue(start <= datetime.date.fromisoformat(leave["to"]) <= survey["last_day"])

    def test_travel_overrides_every_mainland_island_pair_both_ways_and_nothing_else(self):
        island = {row["commune_code"] for row in self.communes if row["district_code"] == "945"}
        mainland = {row["commune_code"] for row in self.communes} - island
        rows = read("travel.csv")
        pairs = {(row["from_commune"], row["to_commune"]) for row in rows}
        self.assertEqual(len(pairs), len(rows))
        self.assertEqual(pairs, {(a, b) for a in mainland for b in island} | {(b, a) for a in mainland for b in island})
        minutes = {(row["from_commune"], row["to_commune"]): float(row["minutes"]) for row in rows}
        for (a, b), value in minutes.items():
            self.assertEqual(value, minutes[(b, a)])
            self.assertGreaterEqual(value, derive.FERRY_WAIT_MINUTES + derive.FERRY_CROSSING_MINUTES)
        self.assertEqual(minutes[(derive.MAINLAND_LANDING, derive.ISLAND_LANDING)],
                         derive.FERRY_WAIT_MINUTES + derive.FERRY_CROSSING_MINUTES)

    def test_enterprise_district_groups_partition_the_districts(self):
        groups = self.settings["sample"]["enterprises"]["district_groups"]
        flattened = sorted(code for group in groups for code in group)
        self.assertEqual(flattened, sorted({row["district_code"] for row in self.communes}))


if __name__ == "__main__":
    unittest.main()
