import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// The re-plan's model keeps the previous plan's days as days: a two-site day is one column, kept whole.
@Suite struct PreviousDaysTests {
    @Test("with nothing changed, the previous days are the start: as many days per enumerator, nothing dropped",
          arguments: [21, 22] as [UInt64])
    func previousDaysAreTheStart(seed: UInt64) throws {
        let scenario = try ReplannerTests.Scenario(seed: seed)
        let request = scenario.request()
        let instance = try AssignmentInstance(request: request.fieldworkRequest)
        let plain = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let previousDays = PreviousDays(instance: instance, visits: request.previousVisits)
        try #require(!previousDays.patterns.isEmpty, "the previous plan should have days of several demands")
        let (base, counts) = previousDays.offered(in: plain)
        #expect(base.patterns.count == previousDays.patterns.count)

        // Every previous day is one column of the start, of the same enumerator, visiting the same demands.
        var previousDaysPerWorker = Array(repeating: 0, count: instance.workers.count)
        let workerOf = Dictionary(uniqueKeysWithValues: instance.workers.enumerated().map { ($1.enumerator.id, $0) })
        struct Day: Hashable {
            var enumerator: EnumeratorID
            var date: CalendarDate
        }
        for day in Set(request.previousVisits.map { Day(enumerator: $0.enumeratorID, date: $0.date) }) {
            previousDaysPerWorker[workerOf[day.enumerator]!] += 1
        }
        let start = Replanner.warmStart(instance: instance, trips: previousDays.trips, patterns: base.patterns,
                                          patternCounts: counts)
        var startDaysPerWorker = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in start.trips.enumerated() { startDaysPerWorker[instance.options[option].workerIndex] += count }
        for (index, count) in start.patterns.enumerated() { startDaysPerWorker[base.patterns[index].workerIndex] += count }
        #expect(startDaysPerWorker == previousDaysPerWorker)
        #expect(base.unservedUnits(trips: start.trips, patterns: start.patterns) == 0)

        // The start drops no previous day; counted by trips per demand instead, each of its days of several demands would count
        // as dropped trips (at least one a day), since only one-site trips keep trips there.
        let stable = StableAssignmentModel(base: base, instance: instance, previousDays: previousDays,
                                           changedTripMinutes: request.changedTripMinutes)
        #expect(abs(stable.objective(of: start.trips, patterns: start.patterns)
                    - base.objective(trips: start.trips, patterns: start.patterns)) < 1e-6)
        let byTrips = StableAssignmentModel(base: base, instance: instance,
                                            previousTrips: Replanner.previousTrips(instance: instance,
                                                                                   visits: request.previousVisits),
                                            changedTripMinutes: request.changedTripMinutes)
        #expect(byTrips.objective(of: start.trips, patterns: start.patterns)
                    >= base.objective(trips: start.trips, patterns: start.patterns)
                    + request.changedTripMinutes * Double(counts.reduce(0, +)) - 1e-6)
    }

    @Test("a dropped day of several demands costs the change of each demand, and a column keeps one group only")
    func droppedDayCost() throws {
        let scenario = try ReplannerTests.Scenario(seed: 21)
        let request = scenario.request()
        let instance = try AssignmentInstance(request: request.fieldworkRequest)
        let plain = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let previousDays = PreviousDays(instance: instance, visits: request.previousVisits)
        let (base, counts) = previousDays.offered(in: plain)
        let stable = StableAssignmentModel(base: base, instance: instance, previousDays: previousDays,
                                           changedTripMinutes: 100)
        let start = Replanner.warmStart(instance: instance, trips: previousDays.trips, patterns: base.patterns,
                                          patternCounts: counts)
        let pattern = try #require(start.patterns.firstIndex { $0 > 0 })
        var fewer = start
        fewer.patterns[pattern] -= 1
        let demands = base.patterns[pattern].visits.count
        #expect(abs(stable.objective(of: fewer.trips, patterns: fewer.patterns)
                    - base.objective(trips: fewer.trips, patterns: fewer.patterns)
                    - 100 * Double(demands)) < 1e-6)
        // Each base column appears in at most one keep row.
        let kept = stable.keeps.flatMap { $0.columns.map(\.index) }
        #expect(Set(kept).count == kept.count)
    }
}
