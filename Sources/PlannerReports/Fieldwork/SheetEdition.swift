import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerPlanFormat

/// Which plan and version a printed sheet belongs to, so that a sheet of a re-plan is never mistaken for the one
/// it replaces: the plan's name, its version in the chain of re-plans (v1 for the plan, v2 for its first
/// re-plan …), the first re-planned day, and the visits this version added or moved.
///
/// Everything comes from the inputs and the re-plan's changes, never from a clock: not the one at rendering, and
/// not the manifest's `run.created_at` either, so that the same inputs and seed give the same sheets on any day
/// (docs/plan-files.md). The version and the as-of date are what tell two printouts apart.
public struct SheetEdition: Sendable, Hashable {
    /// How a visit differs from the previous version's plan.
    public enum Mark: String, Sendable, Hashable {
        /// Not in the previous version at all (a released reserve, a re-visit, a visit that was missed).
        case added
        /// In the previous version on another day or with another enumerator.
        case moved
    }

    /// The dataset's folder name and the seed, as the default plan folder is named (`soc-trang-2023-seed-2023`);
    /// the same for every version of one plan.
    public var planName: String
    public var version: Int
    /// The first re-planned day; nil for version 1.
    public var asOf: CalendarDate?
    /// By unit ID; visits kept as they were have no mark.
    public var marks: [String: Mark]
    /// A re-plan's sheets compared with the previous version's, withdrawn ones included; nil when
    /// unknown (a first plan, or a parent folder too old to tell: `ReplanFolder.sheetChanges`).
    public var sheetChanges: [SheetKey: SheetChange]?

    public init(planName: String, version: Int, asOf: CalendarDate?, marks: [String: Mark] = [:],
                sheetChanges: [SheetKey: SheetChange]? = nil) {
        self.planName = planName
        self.version = version
        self.asOf = asOf
        self.marks = marks
        self.sheetChanges = sheetChanges
    }

    /// How the sheet of `enumerator` on `date` compares with the previous version's; nil when unknown.
    public func sheetChange(_ enumerator: EnumeratorID, _ date: CalendarDate) -> SheetChange? {
        sheetChanges?[SheetKey(enumerator, date)]
    }

    /// The edition a manifest describes; `changes` (a re-plan's) give the marks.
    public init(manifest: PlanManifest, changes: PlanChanges? = nil) {
        let dataset = URL(fileURLWithPath: manifest.dataset).lastPathComponent
        planName = "\(dataset)-seed-\(manifest.seed)"
        version = manifest.replan.map { $0.version ?? 2 } ?? 1
        asOf = manifest.replan.flatMap { CalendarDate(iso8601: $0.asOf) }
        var marks: [String: Mark] = [:]
        for change in changes?.visits ?? [] {
            switch change.kind {
            case .added: marks[change.unitID] = .added
            case .moved: marks[change.unitID] = .moved
            case .kept, .removed: break
            }
        }
        self.marks = marks
    }

    /// The previous version's sheets with no sheet in this one (`SheetChange.withdrawn`), by date, then enumerator.
    public var withdrawnSheets: [SheetKey] {
        SheetChange.withdrawn(in: sheetChanges ?? [:])
    }

    /// The version a re-plan of a plan with this manifest gets: one more than its parent's.
    public static func nextVersion(after parent: PlanManifest) -> Int {
        (parent.replan.map { $0.version ?? 2 } ?? 1) + 1
    }

    /// The symbol printed beside a marked visit (explained by the sheet's legend).
    static func symbol(_ mark: Mark) -> String { mark == .added ? "+" : "→" }
}
