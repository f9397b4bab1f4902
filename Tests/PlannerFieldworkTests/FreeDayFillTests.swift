@testable import PlannerFieldwork
import PlannerGLPK
import PlannerTestSupport
import Testing

/// Offering unserved units to free days (`AssignmentModel.fillingFreeDays`) before the neighbourhood search.
@Suite struct FreeDayFillTests {
    /// A random plan within every bound and day row: options and patterns taken in random order, each given a
    /// random number of days up to what its bound and its enumerator's days left allow.
    static func randomPlan(_ assignment: AssignmentModel, instance: AssignmentInstance,
                           using random: inout SplitMix64) -> (trips: [Int], patterns: [Int]) {
        var trips = Array(repeating: 0, count: instance.options.count)
        var patterns = Array(repeating: 0, count: assignment.patterns.count)
        var daysLeft = instance.workers.map(\.usableDays.count)
        let columns = (instance.options.indices.map { (true, $0) } + assignment.patterns.indices.map { (false, $0) })
            .shuffled(using: &random)
        for (isTrip, index) in columns {
            let worker = isTrip ? instance.options[index].workerIndex : assignment.patterns[index].workerIndex
            let most = min(daysLeft[worker], isTrip ? instance.options[index].maximumTrips : daysLeft[worker])
            guard most > 0 else { continue }
            let count = Int.random(in: 0...most, using: &random) / 2
            if isTrip { trips[index] = count } else { patterns[index] = count }
            daysLeft[worker] -= count
        }
        return (trips, patterns)
    }

    /// Every rule a filled plan must keep, against the plan it started from.
    static func checkFilled(_ filled: [Int], from start: (trips: [Int], patterns: [Int]),
                            assignment: AssignmentModel, instance: AssignmentInstance) {
        #expect(assignment.respectsBoundsAndDays(filled, patterns: start.patterns))
        #expect(zip(filled, start.trips).allSatisfy { $0 >= $1 }, "the fill only adds day-trips")
        let before = assignment.unservedUnits(trips: start.trips, patterns: start.patterns)
        let after = assignment.unservedUnits(trips: filled, patterns: start.patterns)
        #expect(after <= before)
        #expect(assignment.objective(trips: filled, patterns: start.patterns)
                <= assignment.objective(trips: start.trips, patterns: start.patterns) + 1e-6)
        if filled != start.trips { #expect(after < before, "a day-trip was added that served nobody") }
        // Nothing more fits: every demand still open has no option with a trip and a day to spare.
        let values = assignment.solutionVector(trips: filled, patterns: start.patterns)
        var daysUsed = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in filled.enumerated() { daysUsed[instance.options[option].workerIndex] += count }
        for (pattern, count) in start.patterns.enumerated() { daysUsed[assignment.patterns[pattern].workerIndex] += count }
        for (demand, variable) in assignment.unservedVariables.enumerated() where values[variable.index] > 0.5 {
            for option in instance.optionsOfDemand[demand] {
                let trip = instance.options[option]
                #expect(filled[option] == trip.maximumTrips
                        || daysUsed[trip.workerIndex] == instance.workers[trip.workerIndex].usableDays.count,
                        "demand \(demand) left open while option \(option) has a free day")
            }
        }
    }

    @Test("random plans of the medium survey with its day patterns: filled within every rule", arguments: [1, 2, 3] as [UInt64])
    func mediumSurveyWithPatterns(seed: UInt64) throws {
        let (_, instance, generation) = try DayPatternTests.generated(seed: seed, timeLimitSeconds: 30, dive: false)
        let assignment = generation.assignment
        #expect(!assignment.patterns.isEmpty)
        var random = SplitMix64(seed: seed)
        var served = 0
        for _ in 0..<20 {
            let start = Self.randomPlan(assignment, instance: instance, using: &random)
            let filled = assignment.fillingFreeDays(trips: start.trips, patterns: start.patterns)
            Self.checkFilled(filled, from: start, assignment: assignment, instance: instance)
            served += assignment.unservedUnits(trips: start.trips, patterns: start.patterns)
                - assignment.unservedUnits(trips: filled, patterns: start.patterns)
        }
        #expect(served > 0, "random half-full plans always leave something to fill")
    }

    @Test("more work than staff (half days): the fill stops where no free day can take a unit", arguments: [5, 6] as [UInt64])
    func overloadedSurvey(seed: UInt64) throws {
        let request = SyntheticSurvey(seed: seed, size: .overloaded).request
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let empty = (trips: Array(repeating: 0, count: instance.options.count), patterns: [Int]())
        let filled = assignment.fillingFreeDays(trips: empty.trips, patterns: empty.patterns)
        Self.checkFilled(filled, from: empty, assignment: assignment, instance: instance)
        #expect(assignment.unservedUnits(trips: filled) > 0, "the overloaded survey cannot be served whole")
        var random = SplitMix64(seed: seed)
        for _ in 0..<10 {
            let start = Self.randomPlan(assignment, instance: instance, using: &random)
            Self.checkFilled(assignment.fillingFreeDays(trips: start.trips, patterns: start.patterns), from: start,
                             assignment: assignment, instance: instance)
        }
    }

    @Test("a complete plan is left as it is")
    func completePlanUnchanged() throws {
        let request = SyntheticSurvey(seed: 9, size: .medium).request
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let empty = Array(repeating: 0, count: instance.options.count)
        let filled = assignment.fillingFreeDays(trips: empty, patterns: [])
        #expect(assignment.unservedUnits(trips: filled) == 0, "the medium survey has days to spare")
        #expect(assignment.fillingFreeDays(trips: filled, patterns: []) == filled)
    }
}
