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
    /// The columns the greedy chooses trips of: one per enumerator and demand, or one per pool and demand.
    private let problem: DayTripColumns
    /// The pooled model whose columns `problem` holds, nil when they are the per-enumerator options.
    private let pooled: PooledAssignmentModel?
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
        self.init(problem: DayTripColumns(instance: instance), pooled: nil, instance: instance, costs: costs,
                  usesEjectionChains: usesEjectionChains)
    }

    /// The greedy on the pools' columns: a pool is one worker with its members' days and fair shares together,
    /// which is exact (`PooledAssignmentModel`), and its trips are dealt to the members as a pool solution is. Trips
    /// in and out are still per enumerator.
    ///
    /// Measured at ×50 (2,950 enumerators in pools of about 50): on the per-enumerator options the construction
    /// alone took 184 s, as each demand's choice scans every eligible enumerator.
    public init(pooled: PooledAssignmentModel, instance: AssignmentInstance, costs: AssignmentCosts) {
        self.init(problem: DayTripColumns(pooled: pooled, instance: instance), pooled: pooled, instance: instance,
                  costs: costs, usesEjectionChains: true)
    }

    private init(problem: DayTripColumns, pooled: PooledAssignmentModel?, instance: AssignmentInstance,
                 costs: AssignmentCosts, usesEjectionChains: Bool) {
        self.problem = problem
        self.pooled = pooled
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
        options(of: solve(startingFrom: State(problem: problem), watch: &watch))
    }

    /// Completes a partial choice of trips (for instance an LP relaxation rounded down) with the same
    /// phases: trips beyond a column's bound or an enumerator's days are left out, in option order.
    public func solve(startingFrom trips: [Int]) -> [Int] {
        var watch = PlanningWatch.unlimited
        return solve(startingFrom: trips, watch: &watch)
    }

    /// `solve(startingFrom:)` within `watch`'s deadline, as `solve(watch:)`.
    public func solve(startingFrom trips: [Int], watch: inout PlanningWatch) -> [Int] {
        var state = State(problem: problem)
        for (column, count) in zip(problem.columns.indices, columns(of: trips)) where count > 0 {
            for _ in 0..<count where state.canAdd(column, problem: problem) { state.add(column, problem: problem) }
        }
        return options(of: solve(startingFrom: state, watch: &watch))
    }

    private func solve(startingFrom start: State, watch: inout PlanningWatch) -> [Int] {
        var state = start
        watch.report("greedy start: construction")
        construct(&state, watch: &watch)
        watch.report("greedy start: descent")
        improve(&state, watch: &watch)
        if state.unserved(problem: problem) > 0 { watch.report("greedy start: repair") }
        repair(&state, watch: &watch)
        if usesEjectionChains { repairByChains(&state, watch: &watch) }
        return state.trips
    }

    /// Trips per column of per-enumerator trips: the same on per-enumerator columns, the members' trips summed on
    /// pooled ones.
    private func columns(of trips: [Int]) -> [Int] {
        guard let pooled else { return trips }
        let values = pooled.solutionVector(trips: trips)
        return problem.variables.map { Int(values[$0].rounded()) }
    }

    /// Per-enumerator trips of trips per column: dealt to the members on pooled columns.
    private func options(of trips: [Int]) -> [Int] {
        guard let pooled else { return trips }
        var values = Array(repeating: 0.0, count: pooled.model.variables.count)
        for (variable, count) in zip(problem.variables, trips) { values[variable] = Double(count) }
        return pooled.trips(from: values)
    }

    /// Units a choice of per-enumerator trips leaves unserved.
    public func unservedUnits(of trips: [Int]) -> Int {
        var covered = Array(repeating: 0, count: instance.demands.count)
        for (option, count) in trips.enumerated() where count > 0 {
            covered[instance.options[option].demandIndex] += count * instance.options[option].visitsPerTrip
        }
        return zip(instance.demands, covered).reduce(0) { $0 + max(0, $1.0.count - $1.1) }
    }

    /// The model's objective for a choice of per-enumerator trips.
    public func objective(of trips: [Int]) -> Double {
        var travel = 0.0
        var daysUsed = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() where count > 0 {
            let chosen = instance.options[option]
            for _ in 0..<count { travel += chosen.roundTripMinutes }
            daysUsed[chosen.workerIndex] += count
        }
        let excessDays = zip(daysUsed, instance.workers).reduce(0.0) { $0 + Double(max(0, $1.0 - $1.1.fairShareDays)) }
        return travel + excessDayCost * excessDays + unservedPenalty * Double(unservedUnits(of: trips))
    }

    private struct State {
        var trips: [Int]
        var daysUsed: [Int]
        var covered: [Int]
        var travel = 0.0

        init(problem: DayTripColumns) {
            trips = Array(repeating: 0, count: problem.columns.count)
            daysUsed = Array(repeating: 0, count: problem.days.count)
            covered = Array(repeating: 0, count: problem.units.count)
        }

        mutating func add(_ option: Int, problem: DayTripColumns) {
            let chosen = problem.columns[option]
            trips[option] += 1
            daysUsed[chosen.worker] += 1
            covered[chosen.demand] += chosen.visitsPerTrip
            travel += chosen.minutes
        }

        mutating func remove(_ option: Int, problem: DayTripColumns) {
            let chosen = problem.columns[option]
            trips[option] -= 1
            daysUsed[chosen.worker] -= 1
            covered[chosen.demand] -= chosen.visitsPerTrip
            travel -= chosen.minutes
        }

        func canAdd(_ option: Int, problem: DayTripColumns) -> Bool {
            let chosen = problem.columns[option]
            return trips[option] < chosen.maximumTrips
                && daysUsed[chosen.worker] < problem.days[chosen.worker]
        }

        func remaining(_ demand: Int, problem: DayTripColumns) -> Int {
            max(0, problem.units[demand] - covered[demand])
        }

        func excessDays(problem: DayTripColumns) -> Double {
            zip(daysUsed, problem.fairShare).reduce(0.0) { $0 + Double(max(0, $1.0 - $1.1)) }
        }

        func unserved(problem: DayTripColumns) -> Int {
            problem.units.indices.reduce(0) { $0 + remaining($1, problem: problem) }
        }
    }

    /// The objective change of one more day for a worker that has worked `daysUsed` days.
    private func balanceCostOfAddingDay(worker: Int, daysUsed: Int) -> Double {
        daysUsed >= problem.fairShare[worker] ? excessDayCost : 0
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
        let remaining = state.remaining(demand, problem: problem)
        guard remaining > 0 else { return nil }
        var best: (option: Int, cost: Double)?
        var secondCost = Double.infinity
        var secondOption: Int?
        for option in problem.columnsOfDemand[demand] where state.canAdd(option, problem: problem) {
            let candidate = problem.columns[option]
            let cost = (candidate.minutes
                        + balanceCostOfAddingDay(worker: candidate.worker,
                                                 daysUsed: state.daysUsed[candidate.worker]))
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
        var choices = problem.units.indices.map { choice(for: $0, state: state) }
        while true {
            // Runs to its end whatever the deadline: without it there is no plan, and it is the fast phase.
            watch.tick("greedy start: construction, \(state.unserved(problem: problem)) visits to place")
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
            let worker = problem.columns[chosen.choice.option].worker
            state.add(chosen.choice.option, problem: problem)
            choices[chosen.demand] = choice(for: chosen.demand, state: state)
            let days = state.daysUsed[worker]
            if days == problem.fairShare[worker] || days == problem.days[worker] {
                for option in problem.columnsOfWorker[worker] {
                    let demand = problem.columns[option].demand
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
            for option in problem.columns.indices where state.trips[option] > 0 {
                guard watch.hasTime("greedy start: descent, round \(rounds)") else { return }
                while state.trips[option] > 0, let better = bestMove(of: option, state: state) {
                    state.remove(option, problem: problem)
                    if let target = better { state.add(target, problem: problem) }
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
        for demand in problem.units.indices {
            while state.remaining(demand, problem: problem) > 0,
                  watch.hasTime("greedy start: repair, \(state.unserved(problem: problem)) visits unserved"),
                  let move = bestEjection(for: demand, state: state) {
                state.remove(move.ejected, problem: problem)
                state.add(move.replacement, problem: problem)
                state.add(move.option, problem: problem)
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
        while improved, passes < 10, state.unserved(problem: problem) > 0 {
            improved = false
            passes += 1
            for demand in problem.units.indices {
                while state.remaining(demand, problem: problem) > 0,
                      watch.hasTime("greedy start: ejection chains, pass \(passes), "
                                    + "\(state.unserved(problem: problem)) visits unserved"),
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
        state.travel + excessDayCost * state.excessDays(problem: problem)
            + unservedPenalty * Double(state.unserved(problem: problem))
    }

    /// Applies a chain step by step, checking each bound and day; false (state partly changed) when one fails.
    private func apply(_ chain: Chain, to state: inout State) -> Bool {
        if let dropped = chain.dropped {
            guard state.trips[dropped] > 0 else { return false }
            state.remove(dropped, problem: problem)
        }
        for handOver in chain.handOvers.reversed() {
            guard state.trips[handOver.from] > 0, state.canAdd(handOver.to, problem: problem) else { return false }
            state.remove(handOver.from, problem: problem)
            state.add(handOver.to, problem: problem)
        }
        guard state.canAdd(chain.added, problem: problem) else { return false }
        state.add(chain.added, problem: problem)
        return true
    }

    private func cheapestChain(for demand: Int, state: State) -> Chain? {
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, problem.units[demand] - covered) }
        let workerCount = problem.days.count
        // Reached workers at each depth: cost so far and how (previous worker's label, option pair).
        struct Label {
            var cost: Double
            var added: Int
            var previous: Int?
            var handOver: (from: Int, to: Int)?
        }
        var layers: [[Label?]] = [Array(repeating: nil, count: workerCount)]
        let remaining = state.remaining(demand, problem: problem)
        for option in problem.columnsOfDemand[demand] {
            let taken = problem.columns[option]
            guard state.trips[option] < taken.maximumTrips else { continue }
            let served = remaining - uncovered(demand, covered: state.covered[demand] + taken.visitsPerTrip)
            let cost = taken.minutes - unservedPenalty * Double(served)
            if cost < (layers[0][taken.worker]?.cost ?? .infinity) {
                layers[0][taken.worker] = Label(cost: cost, added: option, previous: nil, handOver: nil)
            }
        }
        func isFree(_ worker: Int) -> Bool { state.daysUsed[worker] < problem.days[worker] }
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
                let savedBalance = state.daysUsed[worker] > problem.fairShare[worker] ? excessDayCost : 0
                for dropped in problem.columnsOfWorker[worker] where state.trips[dropped] > 0 {
                    let given = problem.columns[dropped]
                    let other = given.demand
                    guard other != demand else { continue }
                    let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip)
                        - uncovered(other, covered: state.covered[other])
                    let cost = label.cost - given.minutes - savedBalance + unservedPenalty * Double(lost)
                    if cost < (best?.cost ?? .infinity) { best = (cost, depth, worker, dropped) }
                }
            }
            guard depth < Self.chainLength else { break }
            var next: [Label?] = Array(repeating: nil, count: workerCount)
            for worker in 0..<workerCount {
                guard let label = layers[depth][worker], !isFree(worker) || depth == 0 else { continue }
                for from in problem.columnsOfWorker[worker] where state.trips[from] > 0 {
                    let given = problem.columns[from]
                    let other = given.demand
                    for to in problem.columnsOfDemand[other] {
                        let candidate = problem.columns[to]
                        guard candidate.worker != worker,
                              state.trips[to] < candidate.maximumTrips else { continue }
                        let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip
                                             + candidate.visitsPerTrip) - uncovered(other, covered: state.covered[other])
                        let cost = label.cost - given.minutes + candidate.minutes
                            + unservedPenalty * Double(lost)
                        if cost < (next[candidate.worker]?.cost ?? .infinity) {
                            next[candidate.worker] = Label(cost: cost, added: label.added, previous: worker,
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
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, problem.units[demand] - covered) }
        var best: (option: Int, ejected: Int, replacement: Int, delta: Double)?
        for option in problem.columnsOfDemand[demand] {
            let taken = problem.columns[option]
            let worker = taken.worker
            guard state.trips[option] < taken.maximumTrips,
                  state.daysUsed[worker] == problem.days[worker] else { continue }
            let served = uncovered(demand, covered: state.covered[demand])
                - uncovered(demand, covered: state.covered[demand] + taken.visitsPerTrip)
            for ejected in problem.columnsOfWorker[worker] where state.trips[ejected] > 0 {
                let given = problem.columns[ejected]
                let other = given.demand
                guard other != demand else { continue }
                for replacement in problem.columnsOfDemand[other] {
                    let candidate = problem.columns[replacement]
                    guard candidate.worker != worker, state.canAdd(replacement, problem: problem) else { continue }
                    let lost = uncovered(other, covered: state.covered[other] - given.visitsPerTrip
                                         + candidate.visitsPerTrip) - uncovered(other, covered: state.covered[other])
                    let delta = taken.minutes - given.minutes + candidate.minutes
                        + balanceCostOfAddingDay(worker: candidate.worker,
                                                 daysUsed: state.daysUsed[candidate.worker])
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
        let current = problem.columns[option]
        let worker = current.worker
        let demand = current.demand
        func uncovered(_ demand: Int, covered: Int) -> Int { max(0, problem.units[demand] - covered) }
        let uncoveredBefore = uncovered(demand, covered: state.covered[demand])
        let coveredWithout = state.covered[demand] - current.visitsPerTrip
        let uncoveredWithout = uncovered(demand, covered: coveredWithout)
        let savedBalance = state.daysUsed[worker] > problem.fairShare[worker] ? excessDayCost : 0
        let removal = -current.minutes - savedBalance

        var best: (target: Int?, delta: Double)?
        let dropDelta = removal + unservedPenalty * Double(uncoveredWithout - uncoveredBefore)
        if dropDelta < -1e-9 { best = (nil, dropDelta) }
        // The two lists in turn, not concatenated: this runs for every trip in every round of the descent.
        for target in [problem.columnsOfDemand[demand], problem.columnsOfWorker[worker]].joined() where target != option {
            let candidate = problem.columns[target]
            guard state.trips[target] < candidate.maximumTrips else { continue }
            let targetWorker = candidate.worker
            let daysBefore = state.daysUsed[targetWorker] - (targetWorker == worker ? 1 : 0)
            guard daysBefore < problem.days[targetWorker] else { continue }
            let added = candidate.minutes + balanceCostOfAddingDay(worker: targetWorker, daysUsed: daysBefore)
            let unservedChange: Int
            if candidate.demand == demand {
                unservedChange = uncovered(demand, covered: coveredWithout + candidate.visitsPerTrip) - uncoveredBefore
            } else {
                let other = candidate.demand
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

/// What the greedy sees of a one-site model: its trip columns, each with its worker (an enumerator, or a pool of
/// interchangeable ones), demand, visits per trip, bound and minutes; each worker's days and fair share; each
/// demand's units.
struct DayTripColumns: Sendable {
    struct Column: Sendable {
        var worker: Int
        var demand: Int
        var visitsPerTrip: Int
        var maximumTrips: Int
        var minutes: Double
    }

    var columns: [Column]
    /// Usable days of each worker.
    var days: [Int]
    /// Days of each worker above which the balance is charged.
    var fairShare: [Int]
    /// Units of each demand.
    var units: [Int]
    var columnsOfDemand: [[Int]]
    var columnsOfWorker: [[Int]]
    /// The model variable of each column (on pooled columns; empty otherwise).
    var variables: [Int] = []

    /// One column per trip option, in option order.
    init(instance: AssignmentInstance) {
        columns = instance.options.map {
            Column(worker: $0.workerIndex, demand: $0.demandIndex, visitsPerTrip: $0.visitsPerTrip,
                   maximumTrips: $0.maximumTrips, minutes: $0.roundTripMinutes)
        }
        days = instance.workers.map(\.usableDays.count)
        fairShare = instance.workers.map(\.fairShareDays)
        units = instance.demands.map(\.count)
        columnsOfDemand = instance.optionsOfDemand
        columnsOfWorker = instance.optionsOfWorker
    }

    /// One column per pool and demand, in the pooled model's order: a pool's days, fair share and column bounds are
    /// its members' together, as in the pooled model's rows.
    init(pooled: PooledAssignmentModel, instance: AssignmentInstance) {
        columns = []
        days = []
        fairShare = []
        columnsOfWorker = []
        for (pool, members) in pooled.pools.enumerated() {
            let leader = instance.workers[members[0]]
            days.append(members.count * leader.usableDays.count)
            fairShare.append(members.count * leader.fairShareDays)
            var own: [Int] = []
            for (option, entry) in zip(instance.optionsOfWorker[members[0]], pooled.poolColumns[pool]) {
                own.append(columns.count)
                columns.append(Column(
                    worker: pool, demand: entry.demand, visitsPerTrip: instance.options[option].visitsPerTrip,
                    maximumTrips: Int(pooled.model.variables[entry.column].upperBound
                                      ?? Double(members.count * leader.usableDays.count)),
                    minutes: instance.options[option].roundTripMinutes))
                variables.append(entry.column)
            }
            columnsOfWorker.append(own)
        }
        units = instance.demands.map(\.count)
        columnsOfDemand = Array(repeating: [], count: instance.demands.count)
        for (index, column) in columns.enumerated() { columnsOfDemand[column.demand].append(index) }
    }
}
