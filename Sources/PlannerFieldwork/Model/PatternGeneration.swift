import PlannerCore
import PlannerOptimization

/// Generates the day patterns worth offering the solver, from the duals of the LP relaxation (column
/// generation), and a lower bound on the optimum of the model with every pattern.
///
/// Each round solves the LP of the one-site trips plus the patterns found so far, then prices, for every
/// enumerator, the days that visit one site for both kinds of work or two sites (when `maxCommunesPerDay` ≥ 2):
/// reduced cost = route travel − Σ visits·cover dual − Σ (day-count dual of each demand visited) − days dual −
/// balance dual. Pricing maximises the dual value of the visits by exact enumeration under a relaxed budget
/// (work ≤ min(daily minutes, the longest working day) — every real day satisfies it), so its best reduced cost
/// is a lower bound on every pattern's; the candidate is then timed with `DayTimeline` (visits dropped until it
/// fits) and added when its true reduced cost is still negative.
///
/// The bound: with z the LP's value and rcₑ the relaxed pricing's least reduced cost for enumerator e, every
/// solution of the full LP costs at least z + Σₑ dₑ·min(0, rcₑ) (Lagrangian bound; each enumerator has at most
/// dₑ days). When no pattern prices out, that is z itself: the LP optimum over all patterns. Patterns of three
/// or more sites are not priced, so with `maxCommunesPerDay` ≥ 3 the bound covers days of at most two sites.
struct PatternGeneration {
    let instance: AssignmentInstance
    let balanceMinutesPerExcessDay: Double

    struct Outcome {
        var patterns: [DayPattern]
        /// A lower bound on the LP, hence on the MIP, over all priced patterns; nil without an LP.
        var lowerBound: Double?
        /// The LP's unserved units when it converged (a lower bound on any plan's), else nil.
        var unservedLowerBound: Int?
        var rounds: Int
        var converged: Bool
    }

    /// Most patterns added per enumerator per round.
    static let patternsPerWorkerPerRound = 4
    /// Generation stops when the LP value fell by less than this share over the last `tailRounds` rounds: the
    /// long tail of column generation buys little for the integer plan and costs a solve each round.
    static let tailingOffShare = 0.005
    static let tailRounds = 3

    /// - Parameter initial: patterns offered from the start (the merged days of the one-site solution).
    ///   - timeLimitSeconds: a safety net only: generation normally stops on the deterministic rules (nothing
    ///     prices out, tailing off, `maximumRounds`), so that the same inputs give the same patterns.
    func generate(solver: some MIPSolver, initial: [DayPattern] = [], timeLimitSeconds: Double,
                  maximumRounds: Int = 8) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        func elapsed() -> Double {
            let time = clock.now - start
            return Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
        }
        var patterns = initial
        var known = Set(initial)
        var bound: Double?
        var rounds = 0
        var converged = false
        var unservedBound: Int?
        var values: [Double] = []
        let scheduler = TripScheduler(instance: instance)
        let pricing = Pricing(instance: instance, scheduler: scheduler, siteMinutes: instance.sites.map { from in
            instance.sites.map { to in instance.travel.minutes(from: from.place, to: to.place) }
        })
        while rounds < maximumRounds {
            let remaining = timeLimitSeconds - elapsed()
            guard remaining > 0 else { break }
            let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay,
                                        patterns: patterns)
            guard !model.model.variables.isEmpty,
                  let lp = try solver.solveRelaxation(model.model, options: SolverOptions(timeLimitSeconds: remaining)),
                  lp.status == .optimal, let value = lp.objective,
                  lp.rowDuals.count == model.model.constraints.count else { break }
            rounds += 1
            let duals = Pricing.Duals(model: model, rowDuals: lp.rowDuals)
            var added: [DayPattern] = []
            var lagrangian = value
            for worker in instance.workers.indices where !instance.optionsOfWorker[worker].isEmpty {
                let priced = pricing.price(worker: worker, duals: duals)
                lagrangian += Double(instance.workers[worker].usableDays.count) * min(0, priced.leastReducedCost)
                for pattern in priced.patterns.prefix(Self.patternsPerWorkerPerRound)
                where known.insert(pattern).inserted {
                    added.append(pattern)
                }
            }
            bound = max(bound ?? -.infinity, lagrangian)
            values.append(value)
            if added.isEmpty {
                converged = true
                bound = value
                unservedBound = Int((model.unservedVariables.reduce(0.0) { $0 + lp.values[$1.index] } - 1e-6)
                    .rounded(.up))
                break
            }
            patterns += added
            if values.count > Self.tailRounds {
                let earlier = values[values.count - 1 - Self.tailRounds]
                if earlier - value <= Self.tailingOffShare * abs(earlier) { break }
            }
        }
        return Outcome(patterns: patterns, lowerBound: bound, unservedLowerBound: unservedBound.map { max(0, $0) },
                       rounds: rounds, converged: converged)
    }
}

extension PatternGeneration {
    /// The pricing problem of one round.
    struct Pricing {
        let instance: AssignmentInstance
        let scheduler: TripScheduler
        /// Road minutes between sites, [from][to].
        let siteMinutes: [[Double]]

        struct Duals {
            var cover: [Double]
            var trips: [Double]
            var days: [Double]
            var balance: [Double]

            init(model: AssignmentModel, rowDuals: [Double]) {
                cover = model.coverRows.map { max(0, rowDuals[$0]) }
                trips = model.tripRows.map { $0.map { max(0, rowDuals[$0]) } ?? 0 }
                days = model.dayRows.map { $0.map { rowDuals[$0] } ?? 0 }
                balance = model.balanceRows.map { $0.map { rowDuals[$0] } ?? 0 }
            }
        }

        struct Priced {
            var leastReducedCost: Double
            /// Timed patterns with negative reduced cost, most negative first.
            var patterns: [DayPattern]
        }

        /// One demand's part in a knapsack: visits of `weight` minutes (interview + move), worth `value` each
        /// plus `bonus` once, at most `cap`.
        struct Item {
            var demand: Int
            var site: Int
            var weight: Double
            var value: Double
            var bonus: Double
            var cap: Int
        }

        func price(worker: Int, duals: Duals) -> Priced {
            let parameters = instance.parameters
            let enumerator = instance.workers[worker].enumerator
            let move = Double(parameters.withinCommuneMoveMinutes)
            let budget = Double(min(enumerator.dailyMinutes, parameters.workingDay.longestWorkMinutes))
            let fixed = duals.days[worker] + duals.balance[worker]
            var itemsOfSite: [Int: [Item]] = [:]
            for option in instance.optionsOfWorker[worker] {
                let chosen = instance.options[option]
                let demand = chosen.demandIndex
                guard duals.cover[demand] > 1e-9 || duals.trips[demand] > 1e-9 else { continue }
                let kind = instance.demands[demand].kind
                itemsOfSite[instance.demands[demand].siteIndex, default: []].append(Item(
                    demand: demand, site: instance.demands[demand].siteIndex,
                    weight: Double(instance.interviewMinutes(kind)) + move, value: duals.cover[demand],
                    bonus: duals.trips[demand], cap: chosen.visitsPerTrip))
            }
            let sites = itemsOfSite.keys.sorted()
            guard !sites.isEmpty else { return Priced(leastReducedCost: 0, patterns: []) }
            let base = instance.workers[worker].base
            let out = sites.map { instance.travel.minutes(from: base, to: instance.sites[$0].place) }
            let back = sites.map { instance.travel.minutes(from: instance.sites[$0].place, to: base) }
            // The most any site's visits can be worth in a day with no travel, and the most a minute of visits
            // can be worth anywhere (with every day-count bonus): together they prune pairs.
            let ceiling = sites.map { Self.bestVisits(itemsOfSite[$0]!, capacity: budget + move, sites: 1)?.value ?? 0 }
            let density = sites.map { site in itemsOfSite[site]!.map { $0.value / $0.weight }.max() ?? 0 }
            let bonuses = sites.map { site in itemsOfSite[site]!.reduce(0) { $0 + $1.bonus } }

            var least = 0.0
            var candidates: [(reducedCost: Double, order: [Int], items: [Item], counts: [Int])] = []
            func consider(order: [Int], travel: Double, items: [Item]) {
                let capacity = budget - travel + move * Double(order.count)
                guard let best = Self.bestVisits(items, capacity: capacity, sites: order.count) else { return }
                let reducedCost = travel - best.value - fixed
                least = min(least, reducedCost)
                if reducedCost < -1e-6 { candidates.append((reducedCost, order, items, best.counts)) }
            }
            for (position, site) in sites.enumerated() where itemsOfSite[site]!.count > 1 {
                consider(order: [site], travel: out[position] + back[position], items: itemsOfSite[site]!)
            }
            if parameters.maxCommunesPerDay >= 2 {
                for first in sites.indices {
                    for second in sites.indices where second > first {
                        let forward = out[first] + siteMinutes[sites[first]][sites[second]] + back[second]
                        let backward = out[second] + siteMinutes[sites[second]][sites[first]] + back[first]
                        let travel = min(forward, backward)
                        // Its reduced cost is at least each of these; a pair that cannot price out is skipped.
                        guard travel - ceiling[first] - ceiling[second] - fixed < 0 else { continue }
                        let room = max(0, budget - travel + 2 * move)
                        guard travel - max(density[first], density[second]) * room - bonuses[first] - bonuses[second]
                            - fixed < 0 else { continue }
                        let order = forward <= backward ? [sites[first], sites[second]] : [sites[second], sites[first]]
                        consider(order: order, travel: travel, items: itemsOfSite[sites[first]]! + itemsOfSite[sites[second]]!)
                    }
                }
            }
            candidates.sort { lhs, rhs in
                lhs.reducedCost != rhs.reducedCost ? lhs.reducedCost < rhs.reducedCost
                    : lhs.order.lexicographicallyPrecedes(rhs.order)
            }
            var patterns: [DayPattern] = []
            for candidate in candidates where patterns.count < PatternGeneration.patternsPerWorkerPerRound {
                guard let pattern = timed(worker: worker, order: candidate.order, items: candidate.items,
                                          counts: candidate.counts) else { continue }
                let value = pattern.visits.reduce(0.0) { total, visits in
                    total + Double(visits.visits) * duals.cover[visits.demand] + duals.trips[visits.demand]
                }
                if pattern.travelMinutes - value - fixed < -1e-6 { patterns.append(pattern) }
            }
            return Priced(leastReducedCost: least, patterns: patterns)
        }

        /// The candidate as a real day: timed in its order (or the other), dropping the least valuable visit
        /// while it does not fit; nil when a site would be left with none.
        func timed(worker: Int, order: [Int], items: [Item], counts initial: [Int]) -> DayPattern? {
            var counts = initial
            let orders = order.count == 2 ? [order, [order[1], order[0]]] : [order]
            while true {
                var perSite: [Int: (households: Int, enterprises: Int)] = [:]
                for (item, count) in zip(items, counts) where count > 0 {
                    var entry = perSite[item.site] ?? (0, 0)
                    if instance.demands[item.demand].kind == .household { entry.households += count }
                    else { entry.enterprises += count }
                    perSite[item.site] = entry
                }
                guard perSite.count == order.count else { return nil }
                for candidate in orders {
                    let siteCounts = candidate.map { perSite[$0]! }
                    if scheduler.timeline(worker: worker, siteOrder: candidate, counts: siteCounts) != nil {
                        let legs = scheduler.legs(worker: worker, siteOrder: candidate)
                        let visits = zip(items, counts).filter { $0.1 > 0 }
                            .map { DayPattern.Visits(demand: $0.0.demand, visits: $0.1) }
                            .sorted { $0.demand < $1.demand }
                        return DayPattern(workerIndex: worker, visits: visits, siteOrder: candidate,
                                          travelMinutes: legs.reduce(0, +))
                    }
                }
                // Drop one visit of the item worth least per minute.
                guard let drop = counts.indices.filter({ counts[$0] > 0 }).min(by: { lhs, rhs in
                    let left = items[lhs].value / items[lhs].weight, right = items[rhs].value / items[rhs].weight
                    return left != right ? left < right : lhs > rhs
                }) else { return nil }
                counts[drop] -= 1
            }
        }

        /// The most valuable visit counts under `capacity` minutes of interviews and moves (each visit costs
        /// its item's weight; a site's first visit needs no move, which the capacity already credits), with at
        /// least one visit at each of `sites` sites; exact, by enumeration (a day has at most four items).
        static func bestVisits(_ items: [Item], capacity: Double, sites: Int) -> (value: Double, counts: [Int])? {
            guard capacity >= 0, !items.isEmpty else { return nil }
            var best: (value: Double, counts: [Int])?
            var counts = Array(repeating: 0, count: items.count)
            // What the items from `index` on can add at most: the best value per minute over the room left,
            // plus every bonus (branch and bound).
            var densest = Array(repeating: 0.0, count: items.count + 1)
            var bonusLeft = Array(repeating: 0.0, count: items.count + 1)
            for index in stride(from: items.count - 1, through: 0, by: -1) {
                densest[index] = max(densest[index + 1], items[index].value / items[index].weight)
                bonusLeft[index] = bonusLeft[index + 1] + items[index].bonus
            }
            func record(_ value: Double) {
                var visited = 0
                var seen: [Int] = []
                for index in items.indices where counts[index] > 0 && !seen.contains(items[index].site) {
                    seen.append(items[index].site)
                    visited += 1
                }
                guard visited == sites else { return }
                if value > (best?.value ?? -.infinity) + 1e-12 { best = (value, counts) }
            }
            func search(_ index: Int, _ room: Double, _ value: Double) {
                if let best, value + densest[index] * room + bonusLeft[index] <= best.value + 1e-12 { return }
                let item = items[index]
                let most = min(item.cap, Int((room / item.weight + 1e-9).rounded(.down)))
                if index == items.count - 1 {
                    // The last item takes as many visits as fit (value never falls with more), or none.
                    for count in most > 0 ? [most, 0] : [0] {
                        counts[index] = count
                        record(value + Double(count) * item.value + (count > 0 ? item.bonus : 0))
                    }
                    counts[index] = 0
                    return
                }
                for count in stride(from: most, through: 0, by: -1) {
                    counts[index] = count
                    let gained = Double(count) * item.value + (count > 0 ? item.bonus : 0)
                    search(index + 1, room - Double(count) * item.weight, value + gained)
                }
                counts[index] = 0
            }
            search(0, capacity, 0)
            return best
        }
    }
}
