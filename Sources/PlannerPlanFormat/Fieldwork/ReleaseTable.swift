import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

/// `releases.csv`: the log of every reserve unit released, by group and rank.
public enum ReleaseTable {
    public static let columns: [CSVWriter.Column] = [
        .init("release_group"), .init("stratum"), .init("rank", .numeric), .init("reserve_unit_id"),
        .init("replaced_unit_id"), .init("reason"), .init("date", .numeric), .init("release"),
    ]
    /// Columns a log written before `release` existed lacks; its rows are the planner's releases.
    static let optionalColumns: Set<String> = ["release"]

    public static func csv(_ releases: [ReserveRelease]) -> Data {
        let rows = releases.sorted(by: ReserveRelease.logOrder).map {
            [$0.groupID, $0.stratumID.rawValue, String($0.rank), $0.reserveUnitID, $0.replacedUnitID, $0.reason,
             $0.date.description, $0.origin.rawValue]
        }
        return CSVWriter(columns: columns, options: PlanFile.csvOptions).data(rows: rows)
    }

    /// Reads the log a parent plan wrote.
    public static func read(_ data: Data, file: String) throws(InvalidInput) -> [ReserveRelease] {
        var problems = ProblemLog()
        problems.register(file: file)
        guard let table = CSVReader().read(data, file: file, problems: &problems) else {
            try problems.throwIfAny()
            return []
        }
        let index = table.columnPositions(columns.map(\.name), optional: optionalColumns, problems: &problems)
        try problems.throwIfAny()
        var releases: [ReserveRelease] = []
        for record in table.records {
            func field(_ name: String) -> CSVField { record.fields[index[name]!] }
            guard let rank = Int(field("rank").trimmed), rank >= 1 else {
                problems.add(file: file, at: field("rank").location, field: "rank", expected: "1, 2, …",
                             found: InputProblem.quoted(field("rank").trimmed))
                continue
            }
            guard let date = CalendarDate(iso8601: field("date").trimmed) else {
                problems.add(file: file, at: field("date").location, field: "date", expected: "a date YYYY-MM-DD",
                             found: InputProblem.quoted(field("date").trimmed))
                continue
            }
            let originText = index["release"].map { record.fields[$0].trimmed } ?? ""
            guard let origin = originText.isEmpty ? .planner : ReserveRelease.Origin(rawValue: originText) else {
                problems.add(file: file, at: field("release").location, field: "release",
                             expected: ReserveRelease.Origin.allCases.map(\.rawValue).joined(separator: ", "),
                             found: InputProblem.quoted(originText))
                continue
            }
            releases.append(ReserveRelease(
                groupID: field("release_group").trimmed, stratumID: StratumID(field("stratum").trimmed), rank: rank,
                reserveUnitID: field("reserve_unit_id").trimmed, replacedUnitID: field("replaced_unit_id").trimmed,
                reason: field("reason").text, date: date, origin: origin))
        }
        try problems.throwIfAny()
        return releases.sorted(by: ReserveRelease.logOrder)
    }
}
