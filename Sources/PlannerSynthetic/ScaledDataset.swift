import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

/// A synthetic test instance K times the size of a dataset, for fieldwork benchmarks: every commune, with its
/// households, enterprises, enumerators, unavailability and travel overrides, copied K − 1 more times.
///
/// Copy 1 is the dataset itself. Copy r ≥ 2 of commune `31498` is commune `31498-r` in the same district, named
/// `Phường 5 (copy r)`, with the same census count, its point moved by up to `maximumShiftKilometres` (uniform
/// over the disc, inside the bounding box); its enterprises are `DN0001-r` and move with it (enterprises of an
/// industrial zone stay in the zone, whose list is not copied); enumerators are `EN01-r`, at the same post
/// office; a listing's households are `<id>-r`. `survey.toml` is copied as it is: districts, and so strata and
/// district groups, do not change. Deterministic: copy r of commune c moves by a draw from
/// `Xoshiro256StarStar(seed: seed, stream: "copy-<r>-<c>")`.
public struct ScaledDataset: Sendable {
    public static let maximumShiftKilometres = 3.0

    /// K ≥ 1.
    public var scale: Int
    public var seed: UInt64

    public init(scale: Int, seed: UInt64) {
        precondition(scale >= 1, "a scaled dataset has at least one copy")
        self.scale = scale
        self.seed = seed
    }

    /// The dataset folder's files: `survey.toml` as given, then every CSV file of `dataset` scaled.
    public func files(from dataset: Dataset, surveyTOML: Data) -> [PlanFolder.File] {
        let copies = Array(1...scale)
        let shifts = displacements(for: dataset, copies: copies)
        var files = [PlanFolder.File("survey.toml", surveyTOML)]
        files.append(.init("communes.csv", communesCSV(dataset, copies: copies, shifts: shifts)))
        files.append(.init("zones.csv", zonesCSV(dataset)))
        files.append(.init("enterprises.csv", enterprisesCSV(dataset, copies: copies, shifts: shifts)))
        files.append(.init("enumerators.csv", enumeratorsCSV(dataset, copies: copies)))
        files.append(.init("unavailability.csv", unavailabilityCSV(dataset, copies: copies)))
        if !dataset.travelOverrides.isEmpty {
            files.append(.init("travel.csv", travelCSV(dataset, copies: copies)))
        }
        if let households = dataset.households {
            files.append(.init("households.csv", householdsCSV(households, dataset: dataset, copies: copies,
                                                               shifts: shifts)))
        }
        return files
    }

    /// The ID of copy r of an ID: itself for the first copy.
    static func copyID(_ id: String, _ copy: Int) -> String {
        copy == 1 ? id : "\(id)-\(copy)"
    }

    static func copyName(_ name: String, _ copy: Int) -> String {
        copy == 1 ? name : "\(name) (copy \(copy))"
    }

    /// How far each copy of each commune moves, by copy then commune code.
    private func displacements(for dataset: Dataset, copies: [Int]) -> [Int: [CommuneCode: Displacement]] {
        let scatter = PointScatter(radiusKilometres: Self.maximumShiftKilometres,
                                   boundingBox: dataset.settings.boundingBox)
        var shifts: [Int: [CommuneCode: Displacement]] = [:]
        for copy in copies {
            for commune in dataset.communes {
                guard copy > 1 else {
                    shifts[copy, default: [:]][commune.code] = .zero
                    continue
                }
                var generator = Xoshiro256StarStar(seed: seed, stream: "copy-\(copy)-\(commune.code.rawValue)")
                var shift = Displacement.zero
                for _ in 0..<PointScatter.maximumTries {
                    let candidate = scatter.offset(using: &generator)
                    let moved = commune.location.shifted(by: candidate).roundedToMicrodegrees()
                    if dataset.settings.boundingBox?.contains(moved) ?? true {
                        shift = candidate
                        break
                    }
                }
                shifts[copy, default: [:]][commune.code] = shift
            }
        }
        return shifts
    }

    /// A point moved by a commune's shift, or left where it was if the move would leave the bounding box.
    private func moved(_ point: GeoPoint, by shift: Displacement, in dataset: Dataset) -> GeoPoint {
        guard shift != .zero else { return point }
        let moved = point.shifted(by: shift).roundedToMicrodegrees()
        return dataset.settings.boundingBox?.contains(moved) ?? true ? moved : point
    }

    private func communesCSV(_ dataset: Dataset, copies: [Int], shifts: [Int: [CommuneCode: Displacement]]) -> Data {
        var csv = CSVBytes(header: ["district_code", "district_name", "commune_code", "commune_name", "commune_type",
                                    "lat", "lon", "households"])
        for copy in copies {
            for commune in dataset.communes {
                let point = moved(commune.location, by: shifts[copy]![commune.code]!, in: dataset)
                csv.appendFields([commune.districtCode.rawValue, commune.districtName,
                                  Self.copyID(commune.code.rawValue, copy), Self.copyName(commune.name, copy),
                                  commune.type.rawValue])
                csv.appendPoint(point)
                csv.appendSeparator()
                csv.appendInteger(commune.households)
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    private func zonesCSV(_ dataset: Dataset) -> Data {
        var csv = CSVBytes(header: ["zone_id", "zone_name", "status", "district_code", "commune_code", "lat", "lon"])
        for zone in dataset.zones {
            csv.appendFields([zone.id.rawValue, zone.name, zone.status.rawValue, zone.districtCode.rawValue,
                              zone.communeCode.rawValue])
            csv.appendPoint(zone.location)
            csv.endRecord()
        }
        return Data(csv.bytes)
    }

    private func enterprisesCSV(_ dataset: Dataset, copies: [Int],
                                shifts: [Int: [CommuneCode: Displacement]]) -> Data {
        var csv = CSVBytes(header: ["enterprise_id", "name", "district_code", "commune_code", "zone_id", "employees",
                                    "lat", "lon"])
        for copy in copies {
            for enterprise in dataset.enterprises {
                let shift = enterprise.zoneID == nil ? shifts[copy]![enterprise.communeCode] ?? .zero : .zero
                csv.appendFields([Self.copyID(enterprise.id.rawValue, copy), Self.copyName(enterprise.name, copy),
                                  enterprise.districtCode.rawValue, Self.copyID(enterprise.communeCode.rawValue, copy),
                                  enterprise.zoneID?.rawValue ?? ""])
                csv.appendSeparator()
                csv.appendInteger(enterprise.employees)
                csv.appendPoint(moved(enterprise.location, by: shift, in: dataset))
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    private func enumeratorsCSV(_ dataset: Dataset, copies: [Int]) -> Data {
        var csv = CSVBytes(header: ["enumerator_id", "name", "post_office", "district_code", "lat", "lon", "skills",
                                    "daily_minutes"])
        for copy in copies {
            for enumerator in dataset.enumerators {
                csv.appendFields([Self.copyID(enumerator.id.rawValue, copy), Self.copyName(enumerator.name, copy),
                                  enumerator.postOffice.rawValue, enumerator.districtCode.rawValue])
                csv.appendPoint(enumerator.location)
                csv.appendSeparator()
                csv.appendField(enumerator.skills.sorted().map(\.rawValue).joined(separator: ";"))
                csv.appendSeparator()
                csv.appendInteger(enumerator.dailyMinutes)
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    private func unavailabilityCSV(_ dataset: Dataset, copies: [Int]) -> Data {
        var csv = CSVBytes(header: ["enumerator_id", "from", "to", "reason"])
        for copy in copies {
            for span in dataset.unavailability {
                csv.appendFields([Self.copyID(span.enumeratorID.rawValue, copy), span.from.description,
                                  span.to?.description ?? "", span.reason])
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    private func travelCSV(_ dataset: Dataset, copies: [Int]) -> Data {
        var csv = CSVBytes(header: ["from_commune", "to_commune", "minutes"])
        for copy in copies {
            for override in dataset.travelOverrides {
                csv.appendFields([Self.copyID(override.from.rawValue, copy), Self.copyID(override.to.rawValue, copy),
                                  "\(override.minutes)"])
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    private func householdsCSV(_ households: ListedHouseholds, dataset: Dataset, copies: [Int],
                               shifts: [Int: [CommuneCode: Displacement]]) -> Data {
        var csv = CSVBytes(header: HouseholdListing.header)
        for copy in copies {
            for household in households {
                csv.appendFields([Self.copyID(household.id.rawValue, copy),
                                  Self.copyID(household.communeCode.rawValue, copy), household.address])
                if let location = household.location {
                    csv.appendPoint(moved(location, by: shifts[copy]![household.communeCode] ?? .zero, in: dataset))
                } else {
                    csv.appendRaw(",,")
                }
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }
}
