import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// Measures the default-like instance with GLPK (20 s limit). Off by default: set FIELDWORK_MEASURE=1.
/// Prints figures; asserts only what any plan must satisfy (no timing assertions).
@Suite struct DefaultLikeMeasurement {
    @Test("default-like survey: 11 districts, 1,700 households, 350 enterprises, 55 enumerators",
          .enabled(if: ProcessInfo.processInfo.environment["FIELDWORK_MEASURE"] != nil),
          arguments: [("default", 2023), ("default", 7), ("default", 42), ("heavy", 2023), ("halfDays", 2023), ("overloaded", 2023)]
              as [(String, UInt64)])
    func measure(variant: String, seed: UInt64) throws {
        let sizes = ["default": SyntheticSurvey.Size.defaultLike, "heavy": .heavy, "halfDays": .halfDays, "overloaded": .overloaded]
        let survey = SyntheticSurvey(seed: seed, size: sizes[variant]!)
        var request = survey.request
        request.solverOptions.timeLimitSeconds = 20
        if let gap = ProcessInfo.processInfo.environment["FIELDWORK_GAP"].flatMap(Double.init) {
            request.solverOptions.relativeGap = gap
        }
        let started = ContinuousClock.now
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let wall = ContinuousClock.now - started
        let model = plan.model
        func count(_ prefix: String, in names: [String]) -> Int { names.filter { $0.hasPrefix(prefix) }.count }
        let columns = model.variables.map(\.name), rows = model.constraints.map(\.name)
        print("MEASURE y \(count("y_", in: columns)) unserved \(count("unserved_", in: columns)) "
              + "excess \(count("excess_", in: columns)) cover \(count("cover_", in: rows)) "
              + "trips \(count("trips_", in: rows)) days \(count("days_", in: rows))")
        let sites = Set(survey.units.map { $0.zoneID?.rawValue ?? $0.communeCode.rawValue }).count
        print("""
            MEASURE \(variant) seed \(seed): sites \(sites) columns \(model.variables.count) integer \(model.integerVariableCount) \
            rows \(model.constraints.count) nonzeros \(model.nonzeroCount)
            MEASURE status \(plan.solver.statusName) objective \(plan.solver.mipObjective ?? .nan) \
            bound \(plan.solver.bestBound ?? .nan) gap \(plan.solver.relativeGap ?? .nan) \
            solver s \(plan.solver.seconds) wall \(wall) heuristic \(plan.solver.heuristicObjective) \
            warm \(String(describing: plan.solver.warmStartAccepted)) source \(plan.solver.source)
            MEASURE plan travel \(plan.totals.travelMinutes) model travel \(plan.totals.modelTravelMinutes) \
            days \(plan.totals.enumeratorDays) trips \(plan.totals.dayTrips) enumerators \(plan.totals.enumeratorsUsed)
            """)
        print("MEASURE complete \(plan.isComplete) unserved \(plan.totals.unscheduledUnits)")
        for line in plan.diagnosis?.summaryLines ?? [] { print("MEASURE diagnosis \(line)") }
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }
}
