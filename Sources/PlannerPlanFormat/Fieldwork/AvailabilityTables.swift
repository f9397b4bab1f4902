import Foundation
import PlannerCore
import PlannerFormats

/// `availability/new-enumerators.csv` and `availability/unavailability.csv`: the changes of availability a
/// re-planned folder carries, in the formats of the dataset's `enumerators.csv` and `unavailability.csv`, so
/// that they are read by the dataset's own readers (every problem located).
public enum AvailabilityTables {
    /// New enumerators in the format of `enumerators.csv`.
    public static func enumeratorsCSV(_ enumerators: [Enumerator]) -> Data {
        let columns: [CSVWriter.Column] = [
            .init("enumerator_id"), .init("name"), .init("post_office"), .init("district_code"), .init("lat", .numeric),
            .init("lon", .numeric), .init("skills"), .init("daily_minutes", .numeric),
        ]
        let rows = enumerators.sorted { $0.id < $1.id }.map { enumerator -> [String] in
            [enumerator.id.rawValue, enumerator.name, enumerator.postOffice.rawValue, enumerator.districtCode.rawValue,
             String(format: "%.6f", enumerator.location.latitude), String(format: "%.6f", enumerator.location.longitude),
             enumerator.skills.sorted().map(\.rawValue).joined(separator: ";"), String(enumerator.dailyMinutes)]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: rows)
    }

    /// Unavailability spans in the format of `unavailability.csv`.
    public static func unavailabilityCSV(_ spans: [Unavailability]) -> Data {
        let columns: [CSVWriter.Column] = [.init("enumerator_id"), .init("from", .numeric), .init("to", .numeric),
                                           .init("reason")]
        let rows = spans.sorted { ($0.enumeratorID, $0.from) < ($1.enumeratorID, $1.from) }.map { span -> [String] in
            [span.enumeratorID.rawValue, span.from.description, span.to?.description ?? "", span.reason]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: rows)
    }

    /// Reads a folder's changes of availability: `folder` is the plan folder; a file the folder does not have
    /// (per `present`) is not read.
    public static func read(folder: URL, present: (String) -> Bool,
                            dataset: Dataset) throws(InvalidInput) -> AvailabilityChanges {
        try DatasetReader().readAvailabilityChanges(
            newEnumerators: present(PlanFile.newEnumerators) ? folder.appendingPathComponent(PlanFile.newEnumerators) : nil,
            unavailability: present(PlanFile.unavailability) ? folder.appendingPathComponent(PlanFile.unavailability) : nil,
            dataset: dataset)
    }
}
