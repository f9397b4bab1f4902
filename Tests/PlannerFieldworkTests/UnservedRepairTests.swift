import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// The repair sub-MIP: from a plan that leaves units unserved, only the enumerators who could serve them move.
///
/// The start is the old greedy's plan (phases 1–3) on the seeded tight instance of `TightCapacityTests`, which
/// leaves 2 units unserved where the optimum serves all.
@Suite struct UnservedRepairTests {
    @Test("the repair completes the old greedy's plan and moves only the enumerators it frees")
    func repairCompletesTightInstance() throws {
        let setup = try TightCapacityTests.Setup(TightCapacityTests.request(seed: 6, households: 210))
        let start = setup.oldGreedy.solve()
        #expect(setup.greedy.unservedUnits(of: start) == 2)

        let repair = UnservedRepair(instance: setup.instance, assignment: setup.model, greedy: setup.greedy)
        let free = Set(repair.freeWorkers(around: start))
        #expect(!free.isEmpty)
        #expect(free.count < setup.instance.workers.count, "some enumerators stay fixed")

        let options = SolverOptions(timeLimitSeconds: 60)
        let repaired = try #require(try repair.solve(trips: start, solver: GLPKSolver(), options: options))
        #expect(setup.greedy.unservedUnits(of: repaired) == 0)
        #expect(setup.model.model.feasibilityViolation(of: setup.model.solutionVector(trips: repaired)) == nil)
        for (option, chosen) in setup.instance.options.enumerated() where !free.contains(chosen.workerIndex) {
            #expect(repaired[option] == start[option], "fixed enumerators keep their trips")
        }
        #expect(try repair.solve(trips: start, solver: GLPKSolver(), options: options) == repaired, "deterministic")
    }

    @Test("a solver that finds nothing repairs nothing")
    func nothingFoundKeepsThePlan() throws {
        let setup = try TightCapacityTests.Setup(TightCapacityTests.request(seed: 6, households: 170))
        let repair = UnservedRepair(instance: setup.instance, assignment: setup.model, greedy: setup.greedy)
        let start = setup.oldGreedy.solve()
        #expect(setup.greedy.unservedUnits(of: start) > 0)
        #expect(try repair.solve(trips: start, solver: NothingFoundSolver(), options: SolverOptions()) == nil)
    }
}
