import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

/// GLPK's optimum of the one-site day-trip model equals an enumeration of every choice of day-trips, and the
/// plan with day patterns is never dearer.
@Suite struct BruteForceTests {
    /// 2 enumerators, 3 sites, 2–3 usable days; some seeds overload the staff so that `unserved` matters.
    static func smallRequest(seed: UInt64) -> FieldworkRequest {
        var random = SplitMix64(seed: seed)
        func kilometres() -> Double { Double.random(in: -12...12, using: &random) }
        let communes = [SmallSurvey.commune("31498", east: 0, north: 0),
                        SmallSurvey.commune("31501", east: kilometres(), north: kilometres()),
                        SmallSurvey.commune("31504", east: kilometres(), north: kilometres())]
        let dailies = [240, 300, 360, 480]
        let enumerators = [
            SmallSurvey.enumerator("EN01", at: SmallSurvey.point(east: kilometres() / 4, north: kilometres() / 4),
                                   skills: [.household, .enterprise], dailyMinutes: dailies.randomElement(using: &random)!),
            SmallSurvey.enumerator("EN02", at: SmallSurvey.point(east: kilometres(), north: kilometres()),
                                   skills: [.household], dailyMinutes: dailies.randomElement(using: &random)!),
        ]
        var units: [FieldworkUnit] = []
        for (index, commune) in communes.enumerated() {
            units += SmallSurvey.households(Int.random(in: 1...18, using: &random), in: commune, prefix: "H\(index)")
        }
        units += SmallSurvey.enterprises(Int.random(in: 0...5, using: &random), in: communes[1], prefix: "E")
        var parameters = FieldworkParameters()
        parameters.bufferDays = Int.random(in: 2...3, using: &random)
        parameters.workloadBalanceWeight = [0, 1, 3].randomElement(using: &random)!
        // A day without a break or office hours, so that the reference's linear count of visits per day is exact.
        parameters.workingDay = WorkingDay(startMinutes: 0, endMinutes: 24 * 60, breakEarliestStartMinutes: 0,
                                           breakLatestEndMinutes: 24 * 60, breakMinutes: 0, officeOpensMinutes: 0,
                                           officeClosesMinutes: 24 * 60)
        let unavailability = Bool.random(using: &random)
            ? [Unavailability(enumeratorID: "EN02", from: SmallSurvey.oneWeek.firstDay, to: SmallSurvey.oneWeek.firstDay,
                              reason: "training")] : []
        let dataset = SmallSurvey.dataset(communes: communes, enumerators: enumerators, unavailability: unavailability,
                                          parameters: parameters)
        var options = FieldworkRequest.solverOptions(for: parameters)
        options.relativeGap = 0
        return FieldworkRequest(dataset: dataset, units: units, solverOptions: options)
    }

    @Test("GLPK reaches the brute-force optimum of the one-site model; patterns never make the plan dearer",
          arguments: 1...10 as ClosedRange<UInt64>)
    func matchesBruteForce(seed: UInt64) throws {
        let request = Self.smallRequest(seed: seed)
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let (trips, statistics) = try OneSiteStage(instance: instance, assignment: assignment)
            .solve(solver: GLPKSolver(), options: request.solverOptions, progress: nil)
        let reference = BruteForceOptimum(request: request)
        let optimum = reference.optimum()
        #expect(statistics.statusName == "optimal")
        let objective = try #require(statistics.mipObjective)
        #expect(abs(objective - optimum) <= 1e-6 * max(1, optimum), "seed \(seed): GLPK \(objective), brute force \(optimum)")
        #expect(abs(assignment.objective(trips: trips) - optimum) <= 1e-6 * max(1, optimum))
        #expect(statistics.heuristicObjective >= optimum - 1e-6)
        #expect(assignment.model.variables.count == reference.options.count + reference.demandCounts.count
                + reference.days.indices.filter { e in reference.options.contains { $0.enumerator == e } }.count)

        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.solver.chosenObjective <= optimum + 1e-6 * max(1, optimum))
        #expect(try #require(plan.solver.printedObjective) <= plan.solver.chosenObjective + 1e-6)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }
}
