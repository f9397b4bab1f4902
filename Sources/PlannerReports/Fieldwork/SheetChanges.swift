import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat

/// How one enumerator-day's route sheet of a re-plan compares with the previous version's, so that a post office
/// reprints only the sheets that changed and takes back those that no longer exist.
///
/// A sheet is what the enumerator is asked to do that day: the visits in order at their planned times, and the
/// reserve lists it carries. Two versions' sheets are the same when both are; the plan's name and version printed on
/// the sheet, and the marks of added and moved visits, are not what the enumerator does and do not count.
public enum SheetChange: String, Sendable, Hashable, CaseIterable {
    /// The same visits in the same order at the same times, and the same reserve lists: the printed sheet stays valid.
    case unchanged
    /// The enumerator had a sheet that day, and this one differs from it: print it and take the old one back.
    case changed
    /// The enumerator had no sheet that day before: print it.
    case new
    /// The enumerator had a sheet that day and has no visit now: take the old one back, nothing replaces it.
    case withdrawn
}

extension SheetChange {
    /// How many of `changes` (by `SheetEdition.sheetKey`) are of each kind; kinds with none count 0.
    public static func counts(in changes: [String: SheetChange]) -> [SheetChange: Int] {
        var counts = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for change in changes.values { counts[change, default: 0] += 1 }
        return counts
    }

    /// The sheets of `changes` to take back (`withdrawn`), by date, then enumerator.
    public static func withdrawn(in changes: [String: SheetChange]) -> [(enumerator: EnumeratorID, date: CalendarDate)] {
        changes.compactMap { key, change -> (enumerator: EnumeratorID, date: CalendarDate)? in
            // The key ends with the date, which has no space: the enumerator ID is everything before the last one.
            guard change == .withdrawn, let space = key.lastIndex(of: " "),
                  let date = CalendarDate(iso8601: String(key[key.index(after: space)...])) else { return nil }
            return (EnumeratorID(String(key[..<space])), date)
        }.sorted { ($0.date, $0.enumerator) < ($1.date, $1.enumerator) }
    }
}

extension SheetEdition {
    /// The key of an enumerator-day in `sheetChanges` and in `fieldwork.json`'s `sheets`.
    public static func sheetKey(_ enumerator: EnumeratorID, _ date: CalendarDate) -> String {
        "\(enumerator.rawValue) \(date)"
    }

    /// One reserve unit on one enumerator's list on one day, as `reserve-holders.csv` has it.
    struct HeldReserve: Hashable {
        var date: CalendarDate
        var groupID: String
        var holder: EnumeratorID
        var unitID: String
    }

    /// What each enumerator-day's sheet asks, as text compared between versions: the visits in order with their
    /// planned start, then the reserve lists held, by group, their units in the order listed.
    static func sheetContents(visits: [VisitAssignment], reserves: [HeldReserve]) -> [String: String] {
        var contents: [String: String] = [:]
        let ordered = visits.sorted { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        for visit in ordered {
            contents[sheetKey(visit.enumeratorID, visit.date), default: ""] += "\(visit.unitID)@\(visit.plannedStart);"
        }
        var listed: [String: [String: [String]]] = [:]
        for reserve in reserves {
            listed[sheetKey(reserve.holder, reserve.date), default: [:]][reserve.groupID, default: []].append(reserve.unitID)
        }
        for (key, groups) in listed {
            contents[key, default: ""] += "|" + groups.keys.sorted().map { "\($0):" + groups[$0]!.joined(separator: ",") }
                .joined(separator: "|")
        }
        return contents
    }

    /// Every sheet of either version compared: `previous` and `new` are `sheetContents` of the days re-planned.
    static func sheetChanges(previous: [String: String], new: [String: String]) -> [String: SheetChange] {
        var changes: [String: SheetChange] = [:]
        for (key, content) in new {
            changes[key] = previous[key].map { $0 == content ? .unchanged : .changed } ?? .new
        }
        for key in previous.keys where new[key] == nil { changes[key] = .withdrawn }
        return changes
    }

    /// The reserve lists of `reserve-holders.csv` (a previous version's), or nil when it cannot be read.
    static func heldReserves(csv data: Data, file: String) -> [HeldReserve]? {
        guard let table = try? CSVReader().read(data, file: file),
              let date = table.columnIndex("date"), let group = table.columnIndex("release_group"),
              let holder = table.columnIndex("enumerator_id"), let unit = table.columnIndex("reserve_unit_id")
        else { return nil }
        var reserves: [HeldReserve] = []
        for record in table.records {
            guard let day = CalendarDate(iso8601: record.fields[date].text) else { return nil }
            reserves.append(HeldReserve(date: day, groupID: record.fields[group].text,
                                        holder: EnumeratorID(record.fields[holder].text), unitID: record.fields[unit].text))
        }
        return reserves
    }
}

extension FieldworkContext {
    /// The reserve lists this plan's sheets print, as `reserve-holders.csv` lists them.
    var heldReserves: [SheetEdition.HeldReserve] {
        reserveHoldings.flatMap { holding in
            holding.group.units.map {
                SheetEdition.HeldReserve(date: holding.date, groupID: holding.group.groupID, holder: holding.holder,
                                         unitID: $0.unitID)
            }
        }
    }
}

extension ReplanFolder {
    /// How every route sheet of the re-plan compares with the parent's from the as-of date (`SheetChange`), by
    /// `SheetEdition.sheetKey`; nil when the parent's reserve lists are unknown (a folder written before
    /// `reserve-holders.csv` existed), since a sheet with the same visits may then still carry other reserves.
    ///
    /// - Parameters:
    ///   - previousVisits: the parent's planned visits.
    ///   - previousReserveHolders: the parent's `reserve-holders.csv`.
    public static func sheetChanges(_ content: ReplanContent, previousVisits: [VisitAssignment],
                                    previousReserveHolders: Data?) -> [String: SheetChange]? {
        guard let previousReserveHolders,
              let previousReserves = SheetEdition.heldReserves(csv: previousReserveHolders, file: PlanFile.reserveHolders)
        else { return nil }
        let context = FieldworkContext(plan: content.plan, sample: content.sample, dataset: content.dataset,
                                       language: .english, releasedUnitIDs: Set(content.history.map(\.unitID)),
                                       history: content.history)
        let asOf = content.asOf
        let previous = SheetEdition.sheetContents(visits: previousVisits.filter { $0.date >= asOf },
                                                  reserves: previousReserves.filter { $0.date >= asOf })
        let new = SheetEdition.sheetContents(visits: content.plan.visits.filter { $0.date >= asOf },
                                             reserves: context.heldReserves.filter { $0.date >= asOf })
        return SheetEdition.sheetChanges(previous: previous, new: new)
    }
}
