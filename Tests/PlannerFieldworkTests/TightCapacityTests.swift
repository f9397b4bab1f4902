import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// Near full capacity: the heuristics that look beyond one hand-over serve units the old greedy left unserved.
///
/// The instances are the medium synthetic survey on short days (240–300 minutes), found by a seeded search: the
/// greedy without ejection chains (phases 1–3, the warm start before this change) leaves units unserved, and
/// GLPK, given time, proves how many must stay unserved.
@Suite struct TightCapacityTests {
    static func request(seed: UInt64, households: Int) -> FieldworkRequest {
        var size = SyntheticSurvey.Size.medium
        size.households = households
        size.dailyMinutes = [240, 270, 300]
        return SyntheticSurvey(seed: seed, size: size).request
    }

    struct Setup {
        let instance: AssignmentInstance
        let model: AssignmentModel
        let oldGreedy: GreedyAssignment
        let greedy: GreedyAssignment

        init(_ request: FieldworkRequest) throws {
            instance = try AssignmentInstance(request: request)
            model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
            oldGreedy = GreedyAssignment(instance: instance, model: model, usesEjectionChains: false)
            greedy = GreedyAssignment(instance: instance, model: model)
        }

        /// Units GLPK's proven optimum leaves unserved.
        func optimalUnserved() throws -> Int {
            let options = SolverOptions(timeLimitSeconds: 120, relativeGap: 0)
            let result = try GLPKSolver().solve(model.model, options: options).result
            #expect(result.status == .optimal)
            return Int(model.unservedVariables.reduce(0.0) { $0 + result.values[$1.index] }.rounded())
        }
    }

    @Test("LP rounding finds a complete plan where the old greedy left 2 units unserved")
    func relaxationRoundingCompletesTightInstance() throws {
        let request = Self.request(seed: 6, households: 210)
        let setup = try Setup(request)
        #expect(setup.oldGreedy.unservedUnits(of: setup.oldGreedy.solve()) == 2)
        #expect(try setup.optimalUnserved() == 0)

        let rounding = RelaxationRounding(instance: setup.instance, assignment: setup.model,
                                          greedy: setup.greedy)
        let options = SolverOptions(timeLimitSeconds: 60)
        let trips = try #require(try rounding.solve(solver: GLPKSolver(), options: options))
        #expect(setup.greedy.unservedUnits(of: trips) == 0)
        #expect(setup.model.model.feasibilityViolation(of: setup.model.solutionVector(trips: trips)) == nil)
        #expect(try rounding.solve(solver: GLPKSolver(), options: options) == trips, "deterministic")

        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.isComplete)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }

    @Test("ejection chains serve as many units as the optimum where the old repair stopped one short")
    func ejectionChainsReachTheOptimumsCoverage() throws {
        let setup = try Setup(Self.request(seed: 6, households: 170))
        let optimal = try setup.optimalUnserved()
        #expect(optimal == 1)
        #expect(setup.oldGreedy.unservedUnits(of: setup.oldGreedy.solve()) == 2)
        let trips = setup.greedy.solve()
        #expect(setup.greedy.unservedUnits(of: trips) == optimal)
        #expect(setup.model.model.feasibilityViolation(of: setup.model.solutionVector(trips: trips)) == nil)
    }

    @Test("near capacity, a one-site stage that only seeds the day patterns leaves the unserved units to them")
    func seedingStageLeavesCoverageToPatterns() throws {
        let request = Self.request(seed: 6, households: 170)
        let setup = try Setup(request)
        let optimal = try setup.optimalUnserved()
        #expect(setup.greedy.unservedUnits(of: setup.greedy.solve()) > 0)
        let stage = OneSiteStage(instance: setup.instance, assignment: setup.model)
        let seeded = try stage.solve(solver: GLPKSolver(), options: SolverOptions(timeLimitSeconds: 60),
                                     seedsDayPatterns: true, progress: nil)
        #expect(seeded.statistics.statusName == OneSiteStage.leftToPatternsStatus)
        #expect(seeded.statistics.mipObjective == nil && seeded.statistics.seconds == 0)
        #expect(setup.model.model.feasibilityViolation(of: setup.model.solutionVector(trips: seeded.trips)) == nil)
        // The plan serves at least as many units as the one-site optimum, and keeps every rule.
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.unscheduledUnitIDs.count <= optimal)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
        #expect(plan.solver.stoppedByTimeLimit == false)
    }

    @Test("without an LP solver the planner keeps the greedy start", arguments: [6] as [UInt64])
    func noRelaxationFallsBackToGreedy(seed: UInt64) throws {
        let request = Self.request(seed: seed, households: 210)
        let setup = try Setup(request)
        let rounding = RelaxationRounding(instance: setup.instance, assignment: setup.model,
                                          greedy: setup.greedy)
        #expect(try rounding.solve(solver: NothingFoundSolver(), options: SolverOptions()) == nil)
        let plan = try FieldworkPlanner().plan(request, solver: NothingFoundSolver())
        #expect(plan.solver.source == .heuristic)
        #expect(plan.solver.heuristicObjective == setup.greedy.objective(of: setup.greedy.solve()))
    }
}
