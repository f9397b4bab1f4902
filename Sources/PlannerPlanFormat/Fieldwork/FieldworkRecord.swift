import Foundation
import PlannerFieldwork
import PlannerFormats
import PlannerOptimization

/// `fieldwork.json`: the fieldwork plan as the planner made it, at full precision — every visit, every
/// enumerator-day with its timings, the units left out, the solver's figures, the totals, the diagnosis of an
/// incomplete plan and, for a re-plan, the recorded history.
///
/// It is the plan's primary record: every other fieldwork file (assignments, route sheets, summaries, bundles,
/// notices, exports, GeoJSON, the fieldwork report, the summary page) is a rendering of it with the sample and
/// the dataset, which `planner verify` renders again and compares byte for byte. The CSVs round minutes and the
/// sheets print whole minutes, so they could not be the source of such a rendering; this file can. The solve
/// time is left out (it is in the manifest's `solver.seconds`), so that the same inputs give the same bytes.
public struct FieldworkRecord: Codable, Sendable, Hashable {
    public var format = Self.currentFormat
    /// By enumerator, date, visit order.
    public var visits: [VisitAssignment]
    public var routes: [DayRoute]
    public var unscheduledUnitIDs: [String]
    public var solver: SolverStatistics
    public var totals: PlanTotals
    public var diagnosis: ShortfallDiagnosis?
    /// The visits recorded before a re-plan's as-of date, in history order; empty for a first plan.
    public var history: [RecordedVisit]
    /// A re-plan's visits that its sheets mark as new to this version (`added`) or moved from another day or
    /// enumerator (`moved`), by unit ID; empty for a first plan.
    public var marks: [String: String]
    /// A re-plan's route sheets compared with the previous version's (`unchanged`, `changed`, `new`, `withdrawn`),
    /// by "<enumerator ID> <date>"; absent for a first plan, and for a re-plan whose parent could not tell.
    public var sheets: [String: String]?

    public init(plan: FieldworkPlan, history: [RecordedVisit] = [], marks: [String: String] = [:],
                sheets: [String: String]? = nil) {
        visits = plan.visits
        routes = plan.routes
        unscheduledUnitIDs = plan.unscheduledUnitIDs
        solver = plan.solver
        solver.seconds = 0
        solver.stoppedByTimeLimit = nil
        totals = plan.totals
        diagnosis = plan.diagnosis
        self.history = history.sorted(by: RecordedVisit.historyOrder)
        self.marks = marks
        self.sheets = sheets
    }

    enum CodingKeys: String, CodingKey {
        case format, visits, routes, solver, totals, diagnosis, history, marks, sheets
        case unscheduledUnitIDs = "unscheduled_unit_ids"
    }

    /// The plan the files are rendered from. Its model is empty: no file shows the model (`--export-model`
    /// writes it at planning time).
    public var plan: FieldworkPlan {
        FieldworkPlan(visits: visits, routes: routes, unscheduledUnitIDs: unscheduledUnitIDs, solver: solver,
                      model: MIPModel(name: "recorded"), totals: totals, diagnosis: diagnosis)
    }

    public func jsonData() -> Data {
        do {
            return try PlanJSON.data(self)
        } catch {
            // Every value is a number, string or Boolean, non-finite numbers written as strings: nothing to fail.
            preconditionFailure("fieldwork.json cannot be encoded: \(error)")
        }
    }

    public static func read(_ data: Data, file: String) throws(InvalidInput) -> FieldworkRecord {
        let record = try PlanJSON.decode(FieldworkRecord.self, from: data, file: file,
                                         expected: "the fieldwork record of a plan (JSON)")
        guard record.format == Self.currentFormat else {
            throw InvalidInput(problems: [InputProblem(file: file, location: SourceLocation(line: 1, column: 1),
                                                       field: "format", expected: Self.currentFormat,
                                                       found: InputProblem.quoted(record.format))])
        }
        return record
    }

    static let currentFormat = "planner-fieldwork/1"
}
