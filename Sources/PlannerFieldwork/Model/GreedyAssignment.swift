/// A quick, always-feasible choice of day-trips: the warm start handed to the solver, and the plan when the
/// solver returns nothing better.
///
/// Four phases, all deterministic:
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
/// 4. Ejection chains, when units are still unserved: the same hand-over along up to three enumerators, ending
///    at one with a free day or one that drops a trip its work can spare (see `repairByChains`).
///
/// It only ever respects the model's bounds and day rows, and leaves the rest to `unserved`, so its vector is
/// feasible for `AssignmentModel` by construction (the tests check that too).
public struct GreedyAssignment: Sendable {
    private let instance: AssignmentInstance
    private let excessDayCost: Double
    private let unservedPenalty: Double

    /// Whether phase 4 (ejection chains) runs; off only to measure what it adds (tests).
    let usesEjectionChains: Bool

    public init(instance: AssignmentInstance, costs: AssignmentCosts) {
        self.init(instance: instance, costs: costs, usesEjectionChains: true)
    }

    public init(instance: AssignmentInstance, model: AssignmentModel) {
        self.init(instance: instance, costs: model.costs, usesEjectionChains: true)
    }

    init(instance: AssignmentInstance, model: AssignmentModel, usesEjectionChains: Bool) {
        self.init(instance: instance, costs: model.costs, usesEjectionChains: usesEjectionChains)
    }

    init(instance: AssignmentInstance, costs: AssignmentCosts, usesEjectionChains: Bool) {
        self.instance = instance
        self.excessDayCost = costs.excessDayCost
        self.unservedPenalty = costs.unservedPenalty
        self.usesEjectionChains = usesEjectionChains
    }

    /// Trips per option.
    public func solve() -> [Int] {
        var watch = PlanningWatch.unlimited
        return solve(watch: &watch)
    }

    /// Trips per option, with the local search (descent, repair, chains) stopped when `watch`'s deadline passes
    /// (then `watch.expired`): it keeps what it has, which respects every bound and day row, so the plan is still
    /// feasible. The construction always runs to its end. Reports its phase through `watch` while it works.
    public func solve(watch: inout PlanningWatch) -> [Int] {
        solve(startingFrom: State(instance: instance), watch: &watch)
    }

    /// Completes a partial choice of trips (for instance an LP relaxation rounded down) with the same
    /// phases: trips beyond a column's bound or an enumerator's days are left out, in option order.
    public func solve(startingFrom trips: [Int]) -> [Int] {
        var watch = PlanningWatch.unlimited
        return solve(startingFrom: trips, watch: &watch)
    }

    /// `solve(startingFrom:)` within `watch`'s deadline, as `solve(watch:)`.
    public func solve(startingFrom trips: [Int], watch: inout PlanningWatch) -> [Int] {
        var state = State(instance: instance)
        for (option, count) in zip(instance.options.indices, trips) where count > 0 {
            for _ in 0..<count where state.canAdd(option, instance: instance) { state.add(option, instance: instance) }
        }
        return solve(startingFrom: state, watch: &watch)
    }

    private func solve(startingFrom start: State, watch: inout PlanningWatch) -> [Int] {
        var state = start
        watch.report("greedy start: construction")
        construct(&state, watch: &watch)
        watch.report("greedy start: descent")
        improve(&state, watch: &watch)
        if state.unserved(instance: instance) > 0 { watch.report("greedy start: repair") }
        repair(&state, watch: &watch)
        if usesEjectionChains { repairByChains(&state, watch: &watch) }
        return state.trips
    }

    /// Units a choice of trips leaves unserved.
    public func unservedUnits(of trips: [Int]) -> Int {
        var state = State(instance: instance)
        for (option, count) in trips.enumerated() where count > 0 {
            for _ in 0..<count { state.add(option, instance: instance) }
        }
        return state.unserved(instance: instance)
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
        /// The option whose cost is the second-best, when there is one.
        var secondOption: Int?
        var cost: Double
        var regret: Double

        /// Whether the choice depends on `option`: a trip's cost only ever rises (its worker reaches the fair
        /// share) or it stops being possible (its worker's last day), so only the best and second-best matter.
        func dependsOn(_ candidate: Int) -> Bool { candidate == option || candidate == secondOption }
    }

    /// The best and second-best trips of a demand that still has units to cover; nil when none is left or no
    /// trip can be added.
    private func choice(for demand: Int, state: State) -> Choice? {
        let remaining = state.remaining(demand, instance: instance)
        guard remaining > 0 else { return nil }
        var best: (option: Int, cost: Double)?
        var secondCost = Double.infinity
        var secondOption: Int?
        for option in instance.optionsOfDemand[demand] where state.canAdd(option, instance: instance) {
            let candidate = instance.options[option]
            let cost = (candidate.roundTripMinutes
                        + balanceCostOfAddingDay(worker: candidate.workerIndex,
                                                 daysUsed: state.daysUsed[candidate.workerIndex]))
                / Double(min(candidate.visitsPerTrip, remaining))
            if let current = best {
                if cost < current.cost {
                    secondCost = current.cost
                    secondOption = current.option
                    best = (option, cost)
                } else if cost < secondCost {
                    secondCost = cost
                    secondOption = option
                }
            } else {
                best = (option, cost)
            }
        }
        guard let best else { return nil }
        return Choice(option: best.option, secondOption: secondOption, cost: best.cost, regret: secondCost - best.cost)
    }

    /// Regret construction. Each demand's choice is cached and recomputed only when something it depends on
    /// changed: its own coverage and trip counts, or a worker reaching its fair share or its last usable day
    /// (which raises the cost or ends the availability of every trip of that worker — and so changes the choices
    /// whose best or second-best trip is that worker's, and no other). The result is the same as
    /// recomputing every demand in every round, in O(options) per worker event instead of per trip.
    private func construct(_ state: inout State, watch: inout PlanningWatch) {
        var choices = instance.demands.indices.map { choice(for: $0, state: state) }
        while true {
            // Runs to its end whatever the deadline: without it there is no plan, and it is the fast phase.
            watch.tick("greedy start: construction, \(state.unserved(instance: instance)) visits to place")
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
                    if choices[demand]?.dependsOn(option) == true { choices[demand] = choice(for: demand, state: state) }
                }
            }
        }
    }

    /// First-improvement descent over "drop a trip" and "move a trip to another enumerator".
    private func improve(_ state: inout State, watch: inout PlanningWatch) {
        var improved = true
        var rounds = 0
        while improved && rounds < 50 {
            improved = false
            rounds += 1
            for option in instance.options.indices where state.trips[option] > 0 {
                guard watch.hasTime("greedy start: descent, round \(rounds)") else { return }
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
    private func repair(_ state: inout State, watch: inout PlanningWatch) {
        for demand in instance.demands.indices {
            while state.remaining(demand, instance: instance) > 0,
                  watch.hasTime("greedy start: repair, \(state.unserved(instance: instance)) visits unserved"),
                  let move = bestEjection(for: demand, state: state) {
                state.remove(move.ejected, instance: instance)
                state.add(move.replacement, instance: instance)
                state.add(move.option, instance: instance)
            }
        }
    }

    /// Longest ejection chain `repairByChains` tries, in trips handed on.
    static let chainLength = 3

    /// Ejection chains for work still unserved after `repair` (phase 4): an eligible enumerator e₀ takes one more
    /// trip to the demand; it hands one of its trips to e₁, who hands one of its own to e₂, …, up to
    /// `chainLength` hand-overs, ending at an enumerator with a free day. Near full capacity the single
    /// hand-over of `repair` often finds nobody with a free day who can make the trip e₀ gives away, while a
    /// neighbour of e₀ could take it and pass on a trip of its own to someone who has the day.
    ///
    /// The cheapest chain per demand is found by a shortest path over enumerators, depth by depth (each edge
    /// priced by its travel, balance and coverage change on the current state), then applied only if the exact
    /// objective falls; a demand whose best chain does not improve is left as it is. Runs only while units are
    /// unserved, so complete greedy plans are untouched.
    private func repairByChains(_ state: inout State, watch: inout PlanningWatch) {
        var improved = true
        var passes = 0
        while improved, passes < 10, state.unserved(instance: instance) > 0 {
            improved = false
            passes += 1
            for demand in instance.demands.indices {
                while state.remaining(demand, instance: instance) > 0,
                      watch.hasTime("greedy start: ejection chains, pass \(passes), "
                                    + "\(state.unserved(instance: instance)) visits unserved"),
                      let chain = cheapestChain(for: demand, state: state) {
                    var trial = state
                    guard apply(chain, to: &trial),
                          objective(of: trial) < objective(of: state) - 1e-9 else { break }
                    state = trial
                    improved = true
                }
            }
        }
    }

    /// A chain: the trip added for the demand, the hand-overs (from option, to option) in order, and the trip
    /// the last enumerator drops when it has no free day.
    private struct Chain {
        var added: Int
        var handOvers: [(from: Int, to: Int)]
        var dropped: Int?
    }

    private func objective(of state: State) -> Double {
        state.travel + excessDayCost * state.excessDays(instance: instance)
            + unservedPenalty * Double(state.unserved(instance: instance))
    }

    /// Applies a chain step by step, checking each bound and day; false (state partly changed) when one fails.
    private func apply(_ chain: Chain, to state: inout State) -> Bool {
        if let dropped = chain.dropped {
            guard state.trips[dropped] > 0 else { return false }
            state.remove(dropped, instance: instance)
        }
        for handOver in chain.handOvers.reversed() {
            guard state.trips[handOver.from] > 0, state.canAdd(handOver.to, instance: instance) else { return false }
            state.remove(handOver.from, instance: instance)
            state.add(handOver.to, instance: instance)
        }
        guard state.canAdd(chain.added, instance: instance) else { return false }
        state.add(chain.added, instance: instance)
        return true
    }

    private func cheapestChain(for demand: Int, state: State) -> Chain? {
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, instance.demands[demand].count - covered) }
        let workerCount = instance.workers.count
        // Reached workers at each depth: cost so far and how (previous worker's label, option pair).
        struct Label {
            var cost: Double
            var added: Int
            var previous: Int?
            var handOver: (from: Int, to: Int)?
        }
        var layers: [[Label?]] = [Array(repeating: nil, count: workerCount)]
        let remaining = state.remaining(demand, instance: instance)
        for option in instance.optionsOfDemand[demand] {
            let taken = instance.options[option]
            guard state.trips[option] < taken.maximumTrips else { continue }
            let served = remaining - uncovered(demand, covered: state.covered[demand] + taken.visitsPerTrip)
            let cost = taken.roundTripMinutes - unservedPenalty * Double(served)
            if cost < (layers[0][taken.workerIndex]?.cost ?? .infinity) {
                layers[0][taken.workerIndex] = Label(cost: cost, added: option, previous: nil, handOver: nil)
            }
        }
        func isFree(_ worker: Int) -> Bool { state.daysUsed[worker] < instance.workers[worker].usableDays.count }
        // A chain ends at an enumerator with a free day, or at one that drops a trip whose work is covered
        // well enough without it (losing fewer units than the chain serves).
        var best: (cost: Double, depth: Int, worker: Int, dropped: Int?)?
        for depth in 0...Self.chainLength {
            for worker in 0..<workerCount {
                guard let label = layers[depth][worker] else { continue }
                if isFree(worker) {
                    guard depth > 0 else { continue }
                    let cost = label.cost + balanceCostOfAddingDay(worker: worker, daysUsed: state.daysUsed[worker])
                    if cost < (best?.cost ?? .infinity) { best = (cost, depth, worker, nil) }
                    continue
                }
                let savedBalance = state.daysUsed[worker] > instance.workers[worker].fairShareDays ? excessDayCost : 0
                for dropped in instance.optionsOfWorker[worker] where state.trips[dropped] > 0 {
                    let given = instance.options[dropped]
                    let other = given.demandIndex
                    guard other != demand else { continue }
                    let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip)
                        - uncovered(other, covered: state.covered[other])
                    let cost = label.cost - given.roundTripMinutes - savedBalance + unservedPenalty * Double(lost)
                    if cost < (best?.cost ?? .infinity) { best = (cost, depth, worker, dropped) }
                }
            }
            guard depth < Self.chainLength else { break }
            var next: [Label?] = Array(repeating: nil, count: workerCount)
            for worker in 0..<workerCount {
                guard let label = layers[depth][worker], !isFree(worker) || depth == 0 else { continue }
                for from in instance.optionsOfWorker[worker] where state.trips[from] > 0 {
                    let given = instance.options[from]
                    let other = given.demandIndex
                    for to in instance.optionsOfDemand[other] {
                        let candidate = instance.options[to]
                        guard candidate.workerIndex != worker,
                              state.trips[to] < candidate.maximumTrips else { continue }
                        let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip
                                             + candidate.visitsPerTrip) - uncovered(other, covered: state.covered[other])
                        let cost = label.cost - given.roundTripMinutes + candidate.roundTripMinutes
                            + unservedPenalty * Double(lost)
                        if cost < (next[candidate.workerIndex]?.cost ?? .infinity) {
                            next[candidate.workerIndex] = Label(cost: cost, added: label.added, previous: worker,
                                                                handOver: (from, to))
                        }
                    }
                }
            }
            layers.append(next)
        }
        guard let best, best.cost < -1e-9 else { return nil }
        var handOvers: [(from: Int, to: Int)] = []
        var worker = best.worker
        var depth = best.depth
        while depth > 0, let label = layers[depth][worker], let handOver = label.handOver, let previous = label.previous {
            handOvers.append(handOver)
            worker = previous
            depth -= 1
        }
        return Chain(added: layers[best.depth][best.worker]!.added, handOvers: handOvers.reversed(),
                     dropped: best.dropped)
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
        // The two lists in turn, not concatenated: this runs for every trip in every round of the descent.
        for target in [instance.optionsOfDemand[demand], instance.optionsOfWorker[worker]].joined() where target != option {
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
