/// The objective weights of an instance's assignment models, without any model: what the greedy, the pooled
/// model and the printed plan's pricing need.
///
/// Building `AssignmentModel` names one column per enumerator and site (2.5 million at ×20, 9 s of CPU), and a
/// pooled instance never solves that model; its weights are the same either way, so they live here.
public struct AssignmentCosts: Sendable, Hashable {
    /// Objective minutes per enumerator-day above the fair share (`workloadBalanceWeight` × minutes per day).
    public let excessDayCost: Double
    /// Objective minutes per unit left unserved (see `AssignmentModel.unservedPenalty`).
    public let unservedPenalty: Double

    public init(instance: AssignmentInstance, balanceMinutesPerExcessDay: Double) {
        excessDayCost = instance.parameters.workloadBalanceWeight * balanceMinutesPerExcessDay
        unservedPenalty = AssignmentModel.unservedPenalty(instance: instance, excessDayCost: excessDayCost)
    }
}

extension AssignmentInstance {
    /// Whether one-site trips keep every column bound and every enumerator's day row: all a schedule relies on
    /// (cover rows always hold, because `unserved` absorbs any shortfall).
    public func respectsBoundsAndDays(_ trips: [Int]) -> Bool {
        guard trips.count == options.count else { return false }
        var days = Array(repeating: 0, count: workers.count)
        for (option, count) in trips.enumerated() {
            let chosen = options[option]
            guard (0...chosen.maximumTrips).contains(count) else { return false }
            days[chosen.workerIndex] += count
        }
        return zip(days, workers).allSatisfy { $0.0 <= $0.1.usableDays.count }
    }
}
