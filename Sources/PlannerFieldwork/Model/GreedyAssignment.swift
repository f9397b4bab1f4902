/// A quick, always-feasible choice of day-trips: the warm start handed to the solver, and the plan when the
/// solver returns nothing better.
///
/// Two phases, both deterministic:
/// 1. Regret construction: while any demand is uncovered, take the demand whose best trip (cost per unit it
///    covers) beats its second-best by the most — the one that loses most by waiting — and give it its best
///    trip. A demand with a single option left has infinite regret and goes first.
/// 2. Local search: give a trip to another enumerator, turn it into a trip of the same enumerator to other
///    work, or drop it, whenever the objective falls.
/// 3. Repair, when units are still unserved: free a day of an eligible enumerator whose days are all taken by
///    handing one of its trips to another enumerator who can make it, and give that day to the unserved work.
///    This two-step move is what the descent cannot see when identical staff (same office, same costs) make
///    every single move a tie — measured on the 10× benchmark instance, where it left 110 enterprise visits
///    unserved although enterprise-skilled staff had days to spare.
///
/// It only ever respects the model's bounds and day rows, and leaves the rest to `unserved`, so its vector is
/// feasible for `AssignmentModel` by construction (the tests check that too).
public struct GreedyAssignment: Sendable {
    private let instance: AssignmentInstance
    private let excessDayCost: Double
    private let unservedPenalty: Double

    public init(instance: AssignmentInstance, model: AssignmentModel) {
        self.instance = instance
        self.excessDayCost = model.excessDayCost
        self.unservedPenalty = model.unservedPenalty
    }

    /// Trips per option.
    public func solve() -> [Int] {
        var state = State(instance: instance)
        construct(&state)
        improve(&state)
        repair(&state)
        return state.trips
    }

    /// The model's objective for a choice of trips.
    public func objective(of trips: [Int]) -> Double {
        var state = State(instance: instance)
        for (option, count) in trips.enumerated() where count > 0 {
            for _ in 0..<count { state.add(option, instance: instance) }
        }
        return state.travel + excessDayCost * state.excessDays(instance: instance)
            + unservedPenalty * Double(state.unserved(instance: instance))
    }

    private struct State {
        var trips: [Int]
        var daysUsed: [Int]
        var covered: [Int]
        var travel = 0.0

        init(instance: AssignmentInstance) {
            trips = Array(repeating: 0, count: instance.options.count)
            daysUsed = Array(repeating: 0, count: instance.workers.count)
            covered = Array(repeating: 0, count: instance.demands.count)
        }

        mutating func add(_ option: Int, instance: AssignmentInstance) {
            let chosen = instance.options[option]
            trips[option] += 1
            daysUsed[chosen.workerIndex] += 1
            covered[chosen.demandIndex] += chosen.visitsPerTrip
            travel += chosen.roundTripMinutes
        }

        mutating func remove(_ option: Int, instance: AssignmentInstance) {
            let chosen = instance.options[option]
            trips[option] -= 1
            daysUsed[chosen.workerIndex] -= 1
            covered[chosen.demandIndex] -= chosen.visitsPerTrip
            travel -= chosen.roundTripMinutes
        }

        func canAdd(_ option: Int, instance: AssignmentInstance) -> Bool {
            let chosen = instance.options[option]
            return trips[option] < chosen.maximumTrips
                && daysUsed[chosen.workerIndex] < instance.workers[chosen.workerIndex].usableDays.count
        }

        func remaining(_ demand: Int, instance: AssignmentInstance) -> Int {
            max(0, instance.demands[demand].count - covered[demand])
        }

        func excessDays(instance: AssignmentInstance) -> Double {
            zip(daysUsed, instance.workers).reduce(0.0) { $0 + Double(max(0, $1.0 - $1.1.fairShareDays)) }
        }

        func unserved(instance: AssignmentInstance) -> Int {
            instance.demands.indices.reduce(0) { $0 + remaining($1, instance: instance) }
        }
    }

    /// The objective change of one more day for a worker that has worked `daysUsed` days.
    private func balanceCostOfAddingDay(worker: Int, daysUsed: Int) -> Double {
        daysUsed >= instance.workers[worker].fairShareDays ? excessDayCost : 0
    }

    /// A demand's best trip now, and how much worse its second best is.
    private struct Choice {
        var option: Int
        var cost: Double
        var regret: Double
    }

    /// The best and second-best trips of a demand that still has units to cover; nil when none is left or no
    /// trip can be added.
    private func choice(for demand: Int, state: State) -> Choice? {
        let remaining = state.remaining(demand, instance: instance)
        guard remaining > 0 else { return nil }
        var best: (option: Int, cost: Double)?
        var secondCost = Double.infinity
        for option in instance.optionsOfDemand[demand] where state.canAdd(option, instance: instance) {
            let candidate = instance.options[option]
            let cost = (candidate.roundTripMinutes
                        + balanceCostOfAddingDay(worker: candidate.workerIndex,
                                                 daysUsed: state.daysUsed[candidate.workerIndex]))
                / Double(min(candidate.visitsPerTrip, remaining))
            if let current = best {
                if cost < current.cost {
                    secondCost = current.cost
                    best = (option, cost)
                } else if cost < secondCost {
                    secondCost = cost
                }
            } else {
                best = (option, cost)
            }
        }
        guard let best else { return nil }
        return Choice(option: best.option, cost: best.cost, regret: secondCost - best.cost)
    }

    /// Regret construction. Each demand's choice is cached and recomputed only when something it depends on
    /// changed: its own coverage and trip counts, or a worker reaching its fair share or its last usable day
    /// (which changes the cost or availability of every trip of that worker). The result is the same as
    /// recomputing every demand in every round, in O(options) per worker event instead of per trip.
    private func construct(_ state: inout State) {
        var choices = instance.demands.indices.map { choice(for: $0, state: state) }
        while true {
            var chosen: (demand: Int, choice: Choice)?
            for (demand, candidate) in choices.enumerated() {
                guard let candidate else { continue }
                if let current = chosen {
                    let better = candidate.regret > current.choice.regret
                        || (candidate.regret == current.choice.regret && candidate.cost < current.choice.cost)
                    if better { chosen = (demand, candidate) }
                } else {
                    chosen = (demand, candidate)
                }
            }
            guard let chosen else { return }
            let worker = instance.options[chosen.choice.option].workerIndex
            state.add(chosen.choice.option, instance: instance)
            choices[chosen.demand] = choice(for: chosen.demand, state: state)
            let days = state.daysUsed[worker]
            if days == instance.workers[worker].fairShareDays || days == instance.workers[worker].usableDays.count {
                for option in instance.optionsOfWorker[worker] {
                    let demand = instance.options[option].demandIndex
                    choices[demand] = choice(for: demand, state: state)
                }
            }
        }
    }

    /// First-improvement descent over "drop a trip" and "move a trip to another enumerator".
    private func improve(_ state: inout State) {
        var improved = true
        var rounds = 0
        while improved && rounds < 50 {
            improved = false
            rounds += 1
            for option in instance.options.indices where state.trips[option] > 0 {
                while state.trips[option] > 0, let better = bestMove(of: option, state: state) {
                    state.remove(option, instance: instance)
                    if let target = better { state.add(target, instance: instance) }
                    improved = true
                }
            }
        }
    }

    /// Ejection moves for unserved work (phase 3): for a demand with units left, an eligible enumerator e with
    /// no free day gives one of its trips (to other work) to an enumerator e′ who can add it without leaving
    /// that work less covered, and takes a trip to the demand instead. The best such move is applied while it
    /// lowers the objective.
    private func repair(_ state: inout State) {
        for demand in instance.demands.indices {
            while state.remaining(demand, instance: instance) > 0, let move = bestEjection(for: demand, state: state) {
                state.remove(move.ejected, instance: instance)
                state.add(move.replacement, instance: instance)
                state.add(move.option, instance: instance)
            }
        }
    }

    private func bestEjection(for demand: Int, state: State) -> (option: Int, ejected: Int, replacement: Int)? {
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, instance.demands[demand].count - covered) }
        var best: (option: Int, ejected: Int, replacement: Int, delta: Double)?
        for option in instance.optionsOfDemand[demand] {
            let taken = instance.options[option]
            let worker = taken.workerIndex
            guard state.trips[option] < taken.maximumTrips,
                  state.daysUsed[worker] == instance.workers[worker].usableDays.count else { continue }
            let served = uncovered(demand, covered: state.covered[demand])
                - uncovered(demand, covered: state.covered[demand] + taken.visitsPerTrip)
            for ejected in instance.optionsOfWorker[worker] where state.trips[ejected] > 0 {
                let given = instance.options[ejected]
                let other = given.demandIndex
                guard other != demand else { continue }
                for replacement in instance.optionsOfDemand[other] {
                    let candidate = instance.options[replacement]
                    guard candidate.workerIndex != worker, state.canAdd(replacement, instance: instance) else { continue }
                    let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip
                                         + candidate.visitsPerTrip) - uncovered(other, covered: state.covered[other])
                    let delta = taken.roundTripMinutes - given.roundTripMinutes + candidate.roundTripMinutes
                        + balanceCostOfAddingDay(worker: candidate.workerIndex,
                                                 daysUsed: state.daysUsed[candidate.workerIndex])
                        + unservedPenalty * Double(lost - served)
                    if delta < -1e-9, delta < (best?.delta ?? .infinity) {
                        best = (option, ejected, replacement, delta)
                    }
                }
            }
        }
        return best.map { ($0.option, $0.ejected, $0.replacement) }
    }

    /// The best improving move of one trip of `option`: `.some(nil)` drops it, `.some(target)` replaces it by
    /// a trip of `target` — another enumerator for the same demand, or the same enumerator for another demand.
    private func bestMove(of option: Int, state: State) -> Int?? {
        let current = instance.options[option]
        let worker = current.workerIndex
        let demand = current.demandIndex
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, instance.demands[demand].count - covered) }
        let uncoveredBefore = uncovered(demand, covered: state.covered[demand])
        let coveredWithout = state.covered[demand] - current.visitsPerTrip
        let uncoveredWithout = uncovered(demand, covered: coveredWithout)
        let savedBalance = state.daysUsed[worker] > instance.workers[worker].fairShareDays ? excessDayCost : 0
        let removal = -current.roundTripMinutes - savedBalance

        var best: (target: Int?, delta: Double)?
        let dropDelta = removal + unservedPenalty * Double(uncoveredWithout - uncoveredBefore)
        if dropDelta < -1e-9 { best = (nil, dropDelta) }
        for target in instance.optionsOfDemand[demand] + instance.optionsOfWorker[worker] where target != option {
            let candidate = instance.options[target]
            guard state.trips[target] < candidate.maximumTrips else { continue }
            let targetWorker = candidate.workerIndex
            let daysBefore = state.daysUsed[targetWorker] - (targetWorker == worker ? 1 : 0)
            guard daysBefore < instance.workers[targetWorker].usableDays.count else { continue }
            let added = candidate.roundTripMinutes + balanceCostOfAddingDay(worker: targetWorker, daysUsed: daysBefore)
            let unservedChange: Int
            if candidate.demandIndex == demand {
                unservedChange = uncovered(demand, covered: coveredWithout + candidate.visitsPerTrip) - uncoveredBefore
            } else {
                let other = candidate.demandIndex
                unservedChange = uncoveredWithout - uncoveredBefore
                    + uncovered(other, covered: state.covered[other] + candidate.visitsPerTrip)
                    - uncovered(other, covered: state.covered[other])
            }
            let delta = removal + added + unservedPenalty * Double(unservedChange)
            if delta < -1e-9, delta < (best?.delta ?? .infinity) { best = (target, delta) }
        }
        guard let best else { return nil }
        return .some(best.target)
    }
}
