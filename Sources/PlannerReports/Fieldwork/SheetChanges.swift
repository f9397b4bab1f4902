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

/// One enumerator-day's sheet, the key of a re-plan's `SheetChange`s.
public struct SheetKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var enumeratorID: EnumeratorID
    public var date: CalendarDate

    public init(_ enumeratorID: EnumeratorID, _ date: CalendarDate) {
        self.enumeratorID = enumeratorID
        self.date = date
    }

    /// "EN05 2023-10-09": how `fieldwork.json`'s `sheets` keys a sheet.
    public var description: String { "\(enumeratorID.rawValue) \(date)" }

    /// The key `description` wrote; nil for any other text. The date has no space, so the enumerator ID (which may
    /// hold one) is everything before the last.
    public init?(_ text: String) {
        guard let space = text.lastIndex(of: " "), space > text.startIndex,
              let date = CalendarDate(iso8601: text[text.index(after: space)...]) else { return nil }
        self.init(EnumeratorID(String(text[..<space])), date)
    }

    /// By date, then enumerator, as bundles and lists show sheets.
    public static func < (lhs: SheetKey, rhs: SheetKey) -> Bool {
        (lhs.date, lhs.enumeratorID) < (rhs.date, rhs.enumeratorID)
    }
}

extension SheetChange {
    /// `changes` as `fieldwork.json` records them: by `SheetKey.description`, each change by its raw value.
    public static func record(_ changes: [SheetKey: SheetChange]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: changes.map { ($0.key.description, $0.value.rawValue) })
    }

    /// The changes a `fieldwork.json` record holds; entries that are not a sheet key and a change are left out
    /// (`planner verify` then finds the record differing from the comparison of the two folders).
    public static func changes(record: [String: String]) -> [SheetKey: SheetChange] {
        var changes: [SheetKey: SheetChange] = [:]
        for (key, value) in record {
            if let key = SheetKey(key), let change = SheetChange(rawValue: value) { changes[key] = change }
        }
        return changes
    }

    /// How many of `changes` are of each kind; kinds with none count 0.
    public static func counts(in changes: [SheetKey: SheetChange]) -> [SheetChange: Int] {
        var counts = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for change in changes.values { counts[change, default: 0] += 1 }
        return counts
    }

    /// The sheets of `changes` to take back (`withdrawn`), by date, then enumerator.
    public static func withdrawn(in changes: [SheetKey: SheetChange]) -> [SheetKey] {
        changes.filter { $0.value == .withdrawn }.keys.sorted()
    }
}

extension SheetEdition {
    /// One reserve unit on one enumerator's list on one day, as `reserve-holders.csv` has it.
    struct HeldReserve: Hashable {
        var date: CalendarDate
        var groupID: String
        var holder: EnumeratorID
        var unitID: String
    }

    /// What each enumerator-day's sheet asks, as text compared between versions: the visits in order with their
    /// planned start, then the reserve lists held, by group, their units in the order listed.
    static func sheetContents(visits: [VisitAssignment], reserves: [HeldReserve]) -> [SheetKey: String] {
        var contents: [SheetKey: String] = [:]
        let ordered = visits.sorted { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        for visit in ordered {
            contents[SheetKey(visit.enumeratorID, visit.date), default: ""] += "\(visit.unitID)@\(visit.plannedStart);"
        }
        var listed: [SheetKey: [String: [String]]] = [:]
        for reserve in reserves {
            listed[SheetKey(reserve.holder, reserve.date), default: [:]][reserve.groupID, default: []].append(reserve.unitID)
        }
        for (key, groups) in listed {
            contents[key, default: ""] += "|" + groups.keys.sorted().map { "\($0):" + groups[$0]!.joined(separator: ",") }
                .joined(separator: "|")
        }
        return contents
    }

    /// Every sheet of either version compared: `previous` and `new` are `sheetContents` of the days re-planned.
    static func sheetChanges(previous: [SheetKey: String], new: [SheetKey: String]) -> [SheetKey: SheetChange] {
        var changes: [SheetKey: SheetChange] = [:]
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
    /// sheet; nil when the parent's reserve lists are unknown (a folder written before
    /// `reserve-holders.csv` existed), since a sheet with the same visits may then still carry other reserves.
    ///
    /// - Parameters:
    ///   - previousVisits: the parent's planned visits.
    ///   - previousReserveHolders: the parent's `reserve-holders.csv`.
    public static func sheetChanges(_ content: ReplanContent, previousVisits: [VisitAssignment],
                                    previousReserveHolders: Data?) -> [SheetKey: SheetChange]? {
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
