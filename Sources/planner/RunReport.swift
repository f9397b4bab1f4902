import Foundation
import PlannerFieldwork
import PlannerFormats
import PlannerPipeline
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// What `--json` prints on standard output: the folder written and its key figures, for scripts.
///
/// Keys are snake_case and sorted; the solver object is the manifest's. `exit_status` is the status the command
/// exits with (0, or 3 for an incomplete plan), so a script can read both from one place.
struct RunReport: Encodable {
    struct Sample: Encodable {
        var households: Int
        var enterprises: Int
        var householdReserves: Int
        var enterpriseReserves: Int
    }

    struct Fieldwork: Encodable {
        var complete: Bool
        var units: Int
        var scheduled: Int
        var unscheduled: Int
        var enumeratorDays: Int
        var enumeratorsUsed: Int
        var travelMinutes: Double
        var solver: PlanManifest.Solver
    }

    var command: String
    var folder: String
    var kind: String
    var seed: UInt64
    var language: String
    var sample: Sample
    var fieldwork: Fieldwork?
    /// What a re-plan read, released and changed; absent for other commands.
    var replan: Replan?
    var files: Int
    var exitStatus: Int32

    init(command: String, written: WrittenPlan, language: Language) {
        self.command = command
        folder = written.folder.path
        kind = written.manifest.kind
        seed = written.manifest.seed
        self.language = language.rawValue
        func count(_ type: UnitType, _ role: SampledUnit.Role) -> Int {
            written.sample.filter { $0.unitType == type && $0.role == role }.count
        }
        sample = Sample(households: count(.household, .main), enterprises: count(.enterprise, .main),
                        householdReserves: count(.household, .reserve),
                        enterpriseReserves: count(.enterprise, .reserve))
        fieldwork = written.fieldwork.flatMap { plan in
            written.manifest.solver.map { solver in
                Fieldwork(complete: plan.isComplete, units: plan.totals.units, scheduled: plan.totals.scheduledUnits,
                          unscheduled: plan.unscheduledUnitIDs.count, enumeratorDays: plan.totals.enumeratorDays,
                          enumeratorsUsed: plan.totals.enumeratorsUsed,
                          travelMinutes: (plan.totals.travelMinutes * 10).rounded() / 10, solver: solver)
            }
        }
        replan = written.replan.map(Replan.init)
        files = written.fileCount
        exitStatus = written.isComplete ? 0 : ExitStatus.incompletePlan
    }

    func jsonText() throws -> String {
        let encoder = StableJSON.encoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
