import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import Testing

/// The re-plan's two starts: the previous trips completed greedily, and the dive on its pattern LP.
@Suite struct ReplanStartTests {
    @Test("an overloaded re-plan leaves no more units unserved than either start or its own solution, and the dive's start matters",
          arguments: [[21, 23, 25]] as [[UInt64]])
    func neverWorseThanEitherStart(seeds: [UInt64]) throws {
        var diveServedMore = 0
        for seed in seeds {
            let scenario = try ReplannerTests.Scenario(seed: seed)
            // Two of every three enumerators leave from the as-of date, and the whole sample is still to do.
            let dataset = scenario.datasetOnStrike { $0 % 3 != 0 }
            var request = scenario.request(dataset: dataset, units: scenario.survey.units)
            request.solverOptions.timeLimitSeconds = 30
            let instance = try AssignmentInstance(request: FieldworkRequest(dataset: request.planningDataset,
                                                                            units: request.units))
            let plain = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
            let previous = Replanner.previousTrips(instance: instance, visits: request.previousVisits)
            let greedy = plain.unservedUnits(trips: Replanner.warmStart(instance: instance, trips: previous).trips)
            let outcome = try Self.generation(instance, request)
            let dive = try #require(outcome.dive)
            let patterned = outcome.assignment
            let diveUnserved = patterned.unservedUnits(
                trips: patterned.fillingFreeDays(trips: dive.trips, patterns: dive.patterns), patterns: dive.patterns)

            let result = try Replanner().plan(request, solver: GLPKSolver())
            let unserved = result.plan.unscheduledUnitIDs.count
            #expect(greedy > 0, "seed \(seed): the previous trips completed greedily leave units unserved")
            #expect(unserved <= min(greedy, diveUnserved), "seed \(seed): \(unserved) > min(\(greedy), \(diveUnserved))")
            // The printed routes serve every unit the solution's days serve: its objective counts P for each unit it
            // leaves (plus travel, balance and changes), so it leaves at most ⌊objective ÷ P⌋.
            let modelUnserved = Int((result.plan.solver.chosenObjective / plain.unservedPenalty).rounded(.down))
            #expect(unserved <= modelUnserved, "seed \(seed): the schedule lost units the solution served")
            #expect(ReplannerTests.checker(for: request).violations(of: result.plan) == [])
            if diveUnserved < greedy { diveServedMore += 1 }
        }
        #expect(diveServedMore > 0, "on some sample the dive serves more than the previous trips completed greedily")
    }

    /// The re-plan's pattern generation with its dive, as `Replanner` runs it (no pricing during the dive).
    static func generation(_ instance: AssignmentInstance, _ request: ReplanRequest) throws -> PatternGeneration.Outcome {
        var generation = PatternGeneration(instance: instance,
                                           balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        generation.pricesDuringDive = false
        return try generation.generate(solver: GLPKSolver(), timeLimitSeconds: 30)
    }
}
