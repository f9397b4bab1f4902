import Foundation
import PlannerCollection
import PlannerCore
import PlannerFormats
import PlannerPlanFormat

/// What `planner progress import` checks the visits of an export against, made once per process from a real
/// plan (`FUZZ_PLAN`: its sample and visits) and the default dataset (`FUZZ_DEFAULT_DATASET`: its roster and
/// window) the way `ProgressImportJob` makes it: units of the sample, logins of the roster and of every
/// enumerator the plan's visits name.
public final class ImportContext: Sendable {
    public static let shared = ImportContext()

    public let context: CollectedProgress.Context
    /// Viet Nam's offset, the command's default.
    public let offset = UTCOffset("+07:00")!

    private init() {
        let plan = FuzzEnvironment.folder("FUZZ_PLAN")
        func read(_ name: String) -> Data { try! Data(contentsOf: plan.appendingPathComponent(name)) }
        let sample = try! SampleTables.readSample(read(PlanFile.sample), file: PlanFile.sample)
        let visits = try! PlanVisitsTable.readVisits(read(PlanFile.assignments), file: PlanFile.assignments)
        let dataset = try! DatasetReader().read(folder: FuzzEnvironment.folder("FUZZ_DEFAULT_DATASET"))
        let enumerators = Set(dataset.enumerators.map(\.id) + visits.planned.map(\.enumeratorID)
            + visits.history.map(\.enumeratorID))
        let logins = Dictionary(enumerators.sorted().map { ($0.serverLogin, $0) }, uniquingKeysWith: { first, _ in first })
        context = CollectedProgress.Context(unitIDs: Set(sample.map(\.unitID)), enumeratorsByLogin: logins,
                                            calendar: dataset.settings.calendar)
    }

    /// The checks of `planner progress import` after a reader: the visits become progress rows that keep the
    /// promises of `CollectedProgress` (a sample unit, a known enumerator, a day of the window, one row per unit
    /// and day), or every problem is located.
    public func requireProgress(from visits: [CollectedVisit]) {
        for visit in visits {
            for field in [visit.unitField, visit.loginField, visit.timeField]
            where field.file.isEmpty || field.location.line < 1 || field.location.column < 1 || field.column.isEmpty {
                fatalError("a visit whose field is not located: \(field) in \(visit)")
            }
        }
        let progress: CollectedProgress
        do {
            progress = try CollectedProgress(visits, context: context)
        } catch {
            ProblemCheck.requireLocated(error.problems)
            return
        }
        let known = Set(context.enumeratorsByLogin.values)
        var days = Set<String>()
        for row in progress.visits {
            if !context.unitIDs.contains(row.unitID) { fatalError("a row for a unit outside the sample: \(row)") }
            if !known.contains(row.enumeratorID) { fatalError("a row for an unknown enumerator: \(row)") }
            if !context.calendar.contains(row.date) { fatalError("a row outside the window: \(row)") }
            if !days.insert("\(row.unitID) \(row.date)").inserted { fatalError("two rows for one unit and day: \(row)") }
        }
        if progress.visits.count + progress.superseded > visits.count {
            fatalError("\(progress.visits.count) rows and \(progress.superseded) superseded from \(visits.count) visits")
        }
    }
}
