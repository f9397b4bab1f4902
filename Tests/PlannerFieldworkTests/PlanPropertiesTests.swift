import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// Plans solved by GLPK keep every rule of the brief, recomputed independently by `PlanChecker`.
@Suite struct PlanPropertiesTests {
    static let holiday = CalendarDate(year: 2023, month: 10, day: 10)!

    @Test("medium synthetic surveys: complete, and every rule holds", arguments: [11, 12, 13] as [UInt64])
    func mediumSurvey(seed: UInt64) throws {
        let survey = SyntheticSurvey(seed: seed, size: .medium, holiday: Self.holiday)
        var request = survey.request
        request.solverOptions.timeLimitSeconds = 10
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())

        #expect(plan.isComplete)
        #expect(plan.diagnosis == nil)
        #expect(plan.visits.count == survey.units.count)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
        #expect(!plan.visits.contains { $0.date == Self.holiday })
        #expect(plan.solver.backend.name == "GLPK")
        #expect(plan.solver.warmStartAccepted == true)
        #expect(plan.solver.chosenObjective <= plan.solver.heuristicObjective + 1e-6)
    }

    @Test("a default-sized synthetic survey under a short time limit still yields a valid, complete plan")
    func defaultSizedSurvey() throws {
        let survey = SyntheticSurvey(seed: 2023)
        var request = survey.request
        request.solverOptions.timeLimitSeconds = 3
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.isComplete)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
        #expect(plan.totals.scheduledUnits == 2_050)
        #expect(plan.totals.travelMinutes <= plan.totals.modelTravelMinutes + 1e-6)
        #expect(plan.totals.enumeratorDays == plan.totals.dayTrips - plan.totals.daysSavedByMerging)
    }

    @Test("maxCommunesPerDay = 1 keeps every day to one site")
    func oneSitePerDay() throws {
        var parameters = FieldworkParameters()
        parameters.maxCommunesPerDay = 1
        let survey = SyntheticSurvey(seed: 5, size: .medium, parameters: parameters)
        let plan = try FieldworkPlanner().plan(survey.request, solver: GLPKSolver())
        #expect(plan.routes.allSatisfy { $0.siteIDs.count == 1 })
        #expect(PlanChecker(request: survey.request).violations(of: plan) == [])
    }
}
