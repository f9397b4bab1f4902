import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerTestSupport
import Testing

/// A re-plan whose own days are printed (the stable re-packing would leave units over) dates them where they
/// repeat the most previous visits, and gives each day back the units it held.
@Suite struct RedatingTests {
    @Test("the date assignment is the best one, checked against every injective map")
    func theAssignmentIsOptimal() {
        var random = SplitMix64(seed: 2023)
        for _ in 0..<300 {
            let rows = Int.random(in: 1...5, using: &random)
            let columns = Int.random(in: rows...7, using: &random)
            let weights = (0..<rows).map { _ in
                (0..<columns).map { _ in Bool.random(using: &random) ? 0 : Int.random(in: 1...9, using: &random) }
            }
            let chosen = DateAssignment.maximising(weights)
            #expect(Set(chosen).count == rows && chosen.allSatisfy { (0..<columns).contains($0) })
            let total = chosen.enumerated().reduce(0) { $0 + weights[$1.offset][$1.element] }
            #expect(total == Self.bestTotal(weights, row: 0, used: []))
        }
    }

    private static func bestTotal(_ weights: [[Int]], row: Int, used: Set<Int>) -> Int {
        guard row < weights.count else { return 0 }
        return weights[row].indices.filter { !used.contains($0) }
            .map { weights[row][$0] + bestTotal(weights, row: row + 1, used: used.union([$0])) }.max() ?? 0
    }

    @Test("the solution's days re-dated keep more previous visits than dated earliest first, at the same travel",
          arguments: [[21, 23, 25]] as [[UInt64]])
    func redatingKeepsMoreAtTheSameCost(seeds: [UInt64]) throws {
        var keptMore = 0
        for seed in seeds {
            let scenario = try ReplannerTests.Scenario(seed: seed)
            let request = scenario.request(dataset: scenario.datasetOnStrike { $0 % 3 == 1 })
            let instance = try AssignmentInstance(request: FieldworkRequest(dataset: request.planningDataset,
                                                                            units: request.units))
            let outcome = try ReplanStartTests.generation(instance, request)
            let dive = try #require(outcome.dive)
            let routing = TripScheduler(instance: instance)
            let days = routing.chosenDays(trips: dive.trips, patterns: outcome.assignment.patterns,
                                          patternCounts: dive.patterns)
            let earliest = routing.schedule(days)
            let redated = routing.schedule(days, keeping: request.previousVisits)

            let previous = Set(request.previousVisits.map { "\($0.unitID) \($0.enumeratorID) \($0.date)" })
            func kept(_ schedule: TripScheduler.Schedule) -> Int {
                schedule.visits.filter { previous.contains("\($0.unitID) \($0.enumeratorID) \($0.date)") }.count
            }
            func travel(_ schedule: TripScheduler.Schedule) -> Double {
                schedule.routes.reduce(0) { $0 + $1.travelMinutes }
            }
            #expect(redated.unscheduledUnitIDs.count == earliest.unscheduledUnitIDs.count, "seed \(seed)")
            #expect(abs(travel(redated) - travel(earliest)) < 1e-6, "seed \(seed): dates change no day's road")
            #expect(kept(redated) >= kept(earliest), "seed \(seed): \(kept(redated)) < \(kept(earliest))")
            if kept(redated) > kept(earliest) { keptMore += 1 }
            // Each unit once, each enumerator-day once, every day on one of its enumerator's usable days.
            let units = redated.visits.map(\.unitID)
            #expect(Set(units).count == units.count)
            #expect(Set(redated.routes.map { "\($0.enumeratorID) \($0.date)" }).count == redated.routes.count)
            let usable = Dictionary(uniqueKeysWithValues: instance.workers.map { ($0.enumerator.id, Set($0.usableDays)) })
            #expect(redated.routes.allSatisfy { usable[$0.enumeratorID]?.contains($0.date) == true })
        }
        #expect(keptMore > 0, "on some sample the previous dates are kept where earliest-first dating moves them")
    }
}
