import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat

/// `reserve-holders.csv`: which enumerator carries each reserve unit on each day (the route sheets print the list
/// on that person's sheet only), so that `planner verify` can check from the files that no reserve is in two
/// people's hands on one day.
enum ReserveHolders {
    static let columns: [CSVWriter.Column] = [
        .init("date", .numeric), .init("release_group"), .init("enumerator_id"), .init("rank", .numeric),
        .init("reserve_unit_id"),
    ]

    /// One row per day and reserve unit still on the lists, by date, release group and rank.
    static func csv(_ context: FieldworkContext) -> Data {
        let rows = context.reserveHoldings.flatMap { holding in
            holding.group.units.map { unit -> [String] in
                [holding.date.description, holding.group.groupID, holding.holder.rawValue,
                 unit.reserveRank.map(String.init) ?? "", unit.unitID]
            }
        }
        return CSVWriter(columns: columns, options: FieldworkContext.csvOptions).data(rows: rows)
    }
}
