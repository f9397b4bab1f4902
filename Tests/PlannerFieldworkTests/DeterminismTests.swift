import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

@Suite struct DeterminismTests {
    @Test("the same request gives an identical plan")
    func samePlanTwice() throws {
        let survey = SyntheticSurvey(seed: 21, size: .medium)
        var request = survey.request
        request.solverOptions.timeLimitSeconds = 30
        let first = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let second = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(first.visits == second.visits)
        #expect(first.routes == second.routes)
        #expect(first.unscheduledUnitIDs == second.unscheduledUnitIDs)
        #expect(first.totals == second.totals)
        #expect(first.model == second.model)
        #expect(first.solver.chosenObjective == second.solver.chosenObjective)
    }

    @Test("the order of the units in the request does not matter")
    func unitOrderIrrelevant() throws {
        let survey = SyntheticSurvey(seed: 22, size: .medium)
        var shuffled = survey.request
        var random = SplitMix64(seed: 99)
        shuffled.units.shuffle(using: &random)
        let first = try FieldworkPlanner().plan(survey.request, solver: GLPKSolver())
        let second = try FieldworkPlanner().plan(shuffled, solver: GLPKSolver())
        #expect(first.visits == second.visits)
        #expect(first.model == second.model)
    }
}
