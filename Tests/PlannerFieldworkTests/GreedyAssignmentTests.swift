import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Synchronization
import Testing

/// The heuristic's solution is always feasible for the exported model: it is the warm start and the fallback.
@Suite struct GreedyAssignmentTests {
    static func warmStart(_ request: FieldworkRequest) throws -> (AssignmentModel, [Double], GreedyAssignment, [Int]) {
        let instance = try AssignmentInstance(request: request)
        let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let greedy = GreedyAssignment(instance: instance, model: model)
        let trips = greedy.solve()
        return (model, model.solutionVector(trips: trips), greedy, trips)
    }

    @Test("feasible on synthetic surveys, loose and overloaded", arguments: [1, 2, 3, 4] as [UInt64])
    func feasibleOnSynthetic(seed: UInt64) throws {
        var overloaded = SyntheticSurvey.Size.medium
        overloaded.households = 900
        overloaded.enterpriseSkillShare = 0.1
        for size in [SyntheticSurvey.Size.medium, overloaded] {
            let (model, values, greedy, trips) = try Self.warmStart(SyntheticSurvey(seed: seed, size: size).request)
            #expect(model.model.feasibilityViolation(of: values) == nil)
            #expect(abs(model.model.objectiveValue(of: values) - greedy.objective(of: trips)) < 1e-6)
        }
    }

    @Test("feasible on the brute-force instances", arguments: 1...10 as ClosedRange<UInt64>)
    func feasibleOnSmall(seed: UInt64) throws {
        let (model, values, _, _) = try Self.warmStart(BruteForceTests.smallRequest(seed: seed))
        #expect(model.model.feasibilityViolation(of: values) == nil)
    }

    @Test("feasible on the default-sized survey, and serves every unit there")
    func feasibleOnDefaultSized() throws {
        let (model, values, _, _) = try Self.warmStart(SyntheticSurvey(seed: 2023).request)
        #expect(model.model.feasibilityViolation(of: values) == nil)
        #expect(model.unservedVariables.allSatisfy { values[$0.index] == 0 })
    }

    @Test("a solver that finds nothing leaves the heuristic plan (its days merged), valid and marked as such")
    func fallbackToHeuristic() throws {
        let survey = SyntheticSurvey(seed: 7, size: .medium)
        let solver = NothingFoundSolver()
        let plan = try FieldworkPlanner().plan(survey.request, solver: solver)
        #expect(plan.solver.source == .heuristic)
        // The one-site solve found nothing; the merged greedy start serves everyone, so no master MIP was run.
        #expect(plan.solver.statusName == FieldworkPlanner.mergedStartStatus)
        // The greedy's one-site days, merged into two-site days where that saves travel: never dearer.
        #expect(plan.solver.chosenObjective <= plan.solver.heuristicObjective + 1e-6)
        #expect(try #require(plan.solver.printedObjective) <= plan.solver.chosenObjective + 1e-6)
        #expect(plan.isComplete)
        #expect(PlanChecker(request: survey.request).violations(of: plan) == [])
    }

    @Test("a deadline stops the greedy's local search with a feasible plan and says so; a far one changes nothing",
          arguments: [1, 2] as [UInt64])
    func deadline(seed: UInt64) throws {
        var overloaded = SyntheticSurvey.Size.medium
        overloaded.households = 900
        overloaded.enterpriseSkillShare = 0.1
        let instance = try AssignmentInstance(request: SyntheticSurvey(seed: seed, size: overloaded).request)
        let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let greedy = GreedyAssignment(instance: instance, model: model)
        let reference = greedy.solve()

        let activities = Mutex<[String]>([])
        var open = PlanningWatch(start: .now, deadline: .now + .seconds(3600), progress: { progress in
            #expect(progress.incumbent == nil && progress.bestBound == nil)
            activities.withLock { $0.append(progress.activity ?? "") }
        })
        #expect(greedy.solve(watch: &open) == reference)
        #expect(!open.expired)
        let reported = activities.withLock { $0 }
        #expect(reported.starts(with: ["greedy start: construction", "greedy start: descent"]), "\(reported)")

        var passed = PlanningWatch(start: .now - .seconds(10), deadline: .now - .seconds(1))
        let stopped = greedy.solve(watch: &passed)
        #expect(passed.expired)
        #expect(instance.respectsBoundsAndDays(stopped))
        #expect(model.model.feasibilityViolation(of: model.solutionVector(trips: stopped)) == nil)
        // The construction ran (it always does); the local search did not improve on it.
        let visits = instance.demands.reduce(0) { $0 + $1.count }
        #expect(greedy.unservedUnits(of: stopped) < visits)
        #expect(greedy.objective(of: stopped) > greedy.objective(of: reference))
    }

    @Test("with no time left for the solver, the one-site stage returns the greedy's constructed plan, stopped by the limit")
    func noTimeLeft() throws {
        let request = BruteForceTests.smallRequest(seed: 3)
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let (trips, statistics) = try OneSiteStage(instance: instance, assignment: assignment)
            .solve(solver: GLPKSolver(), options: SolverOptions(timeLimitSeconds: 0), progress: nil)
        #expect(statistics.statusName == OneSiteStage.noTimeLeftStatus)
        #expect(statistics.stoppedByTimeLimit == true)
        #expect(statistics.source == .heuristic)
        #expect(instance.respectsBoundsAndDays(trips))
        #expect(statistics.chosenObjective == GreedyAssignment(instance: instance, model: assignment).objective(of: trips))
    }
}
