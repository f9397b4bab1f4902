import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import Testing

/// Measures the default-like instance with GLPK (20 s limit). Off by default: set FIELDWORK_MEASURE=1.
/// Prints figures; asserts only what any plan must satisfy (no timing assertions).
@Suite struct DefaultLikeMeasurement {
    @Test("default-like survey: 11 districts, 1,700 households, 350 enterprises, 55 enumerators",
          .enabled(if: ProcessInfo.processInfo.environment["FIELDWORK_MEASURE"] != nil),
          arguments: [2023, 7, 42] as [UInt64])
    func measure(seed: UInt64) throws {
        let survey = SyntheticSurvey(seed: seed)
        var request = survey.request
        request.solverOptions.timeLimitSeconds = 20
        if let gap = ProcessInfo.processInfo.environment["FIELDWORK_GAP"].flatMap(Double.init) {
            request.solverOptions.relativeGap = gap
        }
        let started = ContinuousClock.now
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let wall = ContinuousClock.now - started
        let model = plan.model
        let sites = Set(survey.units.map { $0.zoneID?.rawValue ?? $0.communeCode.rawValue }).count
        print("""
            MEASURE seed \(seed): sites \(sites) columns \(model.variables.count) integer \(model.integerVariableCount) \
            rows \(model.constraints.count) nonzeros \(model.nonzeroCount)
            MEASURE status \(plan.solver.statusName) objective \(plan.solver.mipObjective ?? .nan) \
            bound \(plan.solver.bestBound ?? .nan) gap \(plan.solver.relativeGap ?? .nan) \
            solver s \(plan.solver.seconds) wall \(wall) heuristic \(plan.solver.heuristicObjective) \
            warm \(String(describing: plan.solver.warmStartAccepted)) source \(plan.solver.source)
            MEASURE plan travel \(plan.totals.travelMinutes) model travel \(plan.totals.modelTravelMinutes) \
            days \(plan.totals.enumeratorDays) trips \(plan.totals.dayTrips) enumerators \(plan.totals.enumeratorsUsed)
            """)
        #expect(plan.isComplete)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }
}
