import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

/// GLPK's optimum of the aggregated model equals an enumeration of every choice of day-trips.
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
        let unavailability = Bool.random(using: &random)
            ? [Unavailability(enumeratorID: "EN02", from: SmallSurvey.oneWeek.firstDay, to: SmallSurvey.oneWeek.firstDay,
                              reason: "training")] : []
        let dataset = SmallSurvey.dataset(communes: communes, enumerators: enumerators, unavailability: unavailability,
                                          parameters: parameters)
        var options = FieldworkRequest.solverOptions(for: parameters)
        options.relativeGap = 0
        return FieldworkRequest(dataset: dataset, units: units, solverOptions: options)
    }

    @Test("GLPK reaches the brute-force optimum of the aggregated model", arguments: 1...10 as ClosedRange<UInt64>)
    func matchesBruteForce(seed: UInt64) throws {
        let request = Self.smallRequest(seed: seed)
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let reference = BruteForceOptimum(request: request)
        let optimum = reference.optimum()
        #expect(plan.solver.statusName == "optimal")
        let objective = try #require(plan.solver.mipObjective)
        #expect(abs(objective - optimum) <= 1e-6 * max(1, optimum), "seed \(seed): GLPK \(objective), brute force \(optimum)")
        #expect(abs(plan.solver.chosenObjective - optimum) <= 1e-6 * max(1, optimum))
        #expect(plan.solver.heuristicObjective >= optimum - 1e-6)
        #expect(plan.model.variables.count == reference.options.count + reference.demandCounts.count
                + reference.days.indices.filter { e in reference.options.contains { $0.enumerator == e } }.count)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }
}
