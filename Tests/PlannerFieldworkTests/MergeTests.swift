import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// Partial day-trips of one enumerator share a day when they fit and the rules allow two sites a day.
@Suite struct MergeTests {
    static func request(maxCommunesPerDay: Int) -> FieldworkRequest {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let village = SmallSurvey.commune("31501", east: 3, north: 0)
        var parameters = FieldworkParameters()
        parameters.maxCommunesPerDay = maxCommunesPerDay
        let dataset = SmallSurvey.dataset(communes: [town, village],
                                          enumerators: [SmallSurvey.enumerator("EN01", at: SmallSurvey.point(east: 0, north: -3),
                                                                                 skills: [.household])],
                                          parameters: parameters)
        return FieldworkRequest(dataset: dataset, units: SmallSurvey.households(5, in: town, prefix: "T")
                                + SmallSurvey.households(5, in: village, prefix: "V"))
    }

    @Test("two partial trips share one day with two sites, chosen by the model itself, which prices the printed travel")
    func merged() throws {
        let request = Self.request(maxCommunesPerDay: 2)
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.totals.dayTrips == 1)
        #expect(plan.routes.count == 1)
        #expect(plan.routes[0].siteIDs.count == 2)
        #expect(abs(plan.totals.travelMinutes - plan.totals.modelTravelMinutes) < 1e-9)
        // The one-site optimum (two days) is dearer than the two-site day the plan is made of.
        #expect(try #require(plan.solver.mipObjective) > plan.solver.chosenObjective)
        #expect(abs((plan.solver.printedObjective ?? 0) - plan.solver.chosenObjective) < 1e-6)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
        // 3 km from the base at 2.8 min/km: the day starts 07:30, the first visit about 07:38.
        #expect(plan.routes[0].start == "07:30")
        #expect(plan.routes[0].siteIDs.first == "31498")
        #expect(plan.visits[0].plannedStart == "07:38")
        // Each unit's travel: the first visit of a site pays the road, the others the in-site move.
        #expect(plan.visits.filter { $0.travelMinutes == 10 }.count == 8)
    }

    @Test("with one site a day the trips stay apart")
    func notMerged() throws {
        let request = Self.request(maxCommunesPerDay: 1)
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.routes.count == 2)
        #expect(plan.totals.daysSavedByMerging == 0)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }
}
