import Dispatch
import PlannerCore
import PlannerOptimization
import Synchronization

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
    /// Rounds of pricing before the dive; tests lower it to see the bound of a generation cut short.
    var roundLimit = Self.maximumRounds
    /// Whether each dive round prices patterns again and adds them to the LP. On mid-sized instances the dive's
    /// LPs then re-solve slowly (new columns leave the basis dual infeasible after the bound changes): a ×3 plan
    /// (180 enumerators) dived from 15 s to 48 s of its 60 s limit, leaving the neighbourhood search 6 s.
    /// `FieldworkPlanner` turns it off above `PooledAssignmentModel.oneSiteThreshold` trip options.
    var pricesDuringDive = true
    /// Pairs of sites are priced between each site and its nearest `pairNeighbours` (`Pricing.nearestPairs`).
    var pairNeighbours = Self.pairNeighbours
    /// Most patterns added per round for each worker of the instance; nil: `patternsPerWorkerPerRound` each. A
    /// pooled instance's worker is a pool of n enumerators, whose LP needs about n times the patterns.
    var patternsPerWorker: [Int]? = nil
    /// Columns rounded up per dive round when none is nearly integral (`roundUpsPerRound` by default): a pooled
    /// instance's LP has about as many fractional columns per round as it has members per pool.
    var diveRoundUps = Self.roundUpsPerRound
    /// Dive rounds at most.
    var diveRoundLimit = Self.maximumDiveRounds
    /// Rounds of cover-row cuts (`CoverCut`) of `tightenBound(of:solver:timeLimitSeconds:incumbent:progress:)`;
    /// 0: none.
    var cutRoundLimit = Self.maximumCutRounds
    /// Whether a generation that stops with pairs of sites left unpriced (`pairNeighbours`) prices every pair once
    /// at its last LP, for the bound; tests turn it off to see what it adds.
    var boundsEveryPairAtTheEnd = true
    /// Rounds of cover-row cuts (`CoverCut`) added to the live LP when generation ends, each priced again to
    /// convergence, before the dive; 0: none. The dive then rounds an LP much nearer the integer plans, and the
    /// generation's bound is the cut LP's. `FieldworkPlanner` asks for `maximumCutRounds` (docs/model.md, "Cuts
    /// before the dive").
    var cutRoundsBeforeDive = 0

    struct Outcome {
        /// The model with every pattern offered: the initial ones, then those generated.
        var assignment: AssignmentModel
        /// A lower bound on the LP, hence on the MIP, over all priced patterns; nil without an LP.
        var lowerBound: Double?
        /// Units every plan leaves unserved, proven by the rounds' bounds (`unservedUnits(provenBy:penalty:)`) and,
        /// when the LP converged, by its own unserved units rounded up; nil without an LP.
        var unservedLowerBound: Int?
        var rounds: Int
        /// The first patterns of `assignment` that the generation gave (those after them were priced during the
        /// dive).
        var generatedPatterns = 0
        var converged: Bool
        /// The time limit (a safety net) stopped the generation or the dive before their own rules did.
        var stoppedByTimeLimit = false
        /// The integral solution the dive ended on (trips per option, days per pattern of `assignment`); nil
        /// when the clock stopped it first (out of days or rounds, it ends on its values rounded down).
        var dive: (trips: [Int], patterns: [Int])?
        var diveRounds: Int
        /// Rounds of cuts added before the dive (`cutRoundsBeforeDive`): the bound is then the cut LP's, and
        /// `converged` says that one of its LPs, with or without cuts, was optimal over every pattern.
        var cutRounds = 0
    }

    /// Most patterns added per enumerator per round.
    static let patternsPerWorkerPerRound = 4
    /// Pairs of sites are priced only between a site and its nearest `pairNeighbours` (by road, either way):
    /// pricing every pair grows with the square of the sites (on a ×10 instance, 1,094 sites, a round priced about
    /// 500,000 pairs per enumerator profile). The default dataset's plans have 110 sites, so every pair is priced
    /// there; ×2 and ×3 first plans (219 and 328) price fewer. The pairs left out still count in the bound, by a
    /// lower bound on their reduced cost.
    static let pairNeighbours = 120
    /// Generation stops when the LP value fell by less than this share over the last `tailRounds` rounds: the
    /// last rounds of column generation move the bound little and the plan less.
    static let tailingOffShare = 0.001
    static let tailRounds = 5
    /// Generation rounds at most, and dive rounds at most.
    static let maximumRounds = 150
    static let maximumDiveRounds = 120
    /// Columns this close to their next integer are all rounded up in one dive round; otherwise the
    /// `roundUpsPerRound` with the largest fractional parts are.
    static let nearlyIntegral = 0.9
    static let roundUpsPerRound = 4

    private enum Phase { case generating, diving, done }

    /// Generates patterns on one LP kept by the solver (columns added between solves), then dives on that LP:
    /// each round fixes every trip and pattern column at least at its value rounded down and rounds up the ones
    /// closest to their next integer, prices again, and re-solves, until the LP is integral. Rounding up only
    /// where the enumerator's days allow keeps every LP feasible (unserved units absorb any shortfall).
    ///
    /// - Parameter initial: patterns offered from the start (the merged days of the one-site solution).
    ///   - timeLimitSeconds: a safety net only: generation and the dive normally stop on deterministic rules
    ///     (nothing prices out, tailing off, round limits), so that the same inputs give the same plan.
    ///   - dive: whether to dive after generating (a re-plan prices stability, not the dive's objective).
    ///   - incumbent: the objective of the best plan known so far, for progress reports.
    ///   - knownBound: a bound on every plan known before the generation (a pooled plan's day-capacity bound), for
    ///     progress reports only: the lines show it until the generation's own bound passes it.
    ///   - progress: told after every LP, so that a long generation is never silent.
    func generate(solver: some MIPSolver, initial: [DayPattern] = [], timeLimitSeconds: Double,
                  dive: Bool = true, incumbent: Double? = nil, knownBound: Double? = nil,
                  progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> Outcome {
        let start = ContinuousClock.now
        var assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay,
                                         patterns: initial)
        var outcome = Outcome(assignment: assignment, lowerBound: nil, unservedLowerBound: nil, rounds: 0,
                              converged: false, dive: nil, diveRounds: 0)
        guard !assignment.model.variables.isEmpty else { return outcome }
        guard timeLimitSeconds > 0 else {
            outcome.stoppedByTimeLimit = true
            return outcome
        }
        var known = Set(initial)
        // The dive's lower bounds so far, by variable index (0 where none was set): each round changes only those
        // it raises, instead of restating all 67,000 columns' bounds at ×10.
        var diveLowerBounds: [Int: Double] = [:]
        var values: [Double] = []
        var phase = Phase.generating
        let profiles = Pricing.profiles(of: instance)
        let patternLimits = self.patternLimits
        let pricing = makePricing()
        // Every pair priced exactly, once, when the generation stops with pairs left unpriced (see below).
        var everyPair = pricing
        everyPair.pairedSites = nil
        _ = try solver.iterateRelaxation(assignment.model, options: SolverOptions(timeLimitSeconds: timeLimitSeconds)) { lp in
            guard phase != .done, let value = lp.objective, lp.rowDuals.count == assignment.model.constraints.count,
                  lp.values.count == assignment.model.variables.count else {
                phase = .done
                return RelaxationChange()
            }
            let duals = Pricing.Duals(model: assignment, rowDuals: lp.rowDuals)
            var lagrangian = value
            var priced: [DayPattern] = []
            var pricedOf = [Pricing.Priced?](repeating: nil, count: instance.workers.count)
            // Whether some pair of sites was left unpriced that might price out: then an empty round is not
            // convergence, only the end of what this generation prices.
            var pricedPartly = false
            if phase == .generating || pricesDuringDive {
                for (profile, priced) in zip(profiles, pricing.price(profiles: profiles, duals: duals)) {
                    for (worker, best) in zip(profile, priced) { pricedOf[worker] = best }
                }
            }
            for worker in instance.workers.indices where !instance.optionsOfWorker[worker].isEmpty {
                guard let best = pricedOf[worker] else { continue }
                pricedPartly = pricedPartly || !best.complete
                lagrangian += lagrangianTerm(of: worker, best)
                for pattern in best.patterns.prefix(patternLimits[worker]) where known.insert(pattern).inserted {
                    priced.append(pattern)
                }
            }
            defer {
                // A bound of 0 (early rounds' Lagrangian bounds are often negative, and 0 is then recorded) holds but
                // says nothing: "bound 0.0 · gap 100 %" read as if the plan could be free. The lines show the best
                // positive bound known, or none.
                let bound = [outcome.lowerBound, knownBound].compactMap { $0 }.filter { $0 > 0 }.max()
                progress?(SolveProgress(
                    incumbent: incumbent, bestBound: bound,
                    relativeGap: incumbent.flatMap { best in bound.map { max(0, best - $0) / max(abs(best), 1e-9) } },
                    elapsedSeconds: FieldworkPlanner.seconds(since: start), openNodes: 0,
                    activity: outcome.diveRounds > 0 ? "LP dive, round \(outcome.diveRounds)"
                        : "column generation, round \(outcome.rounds)"))
            }
            if phase == .generating {
                outcome.rounds += 1
                // A bound on every plan: the best so far, and the unserved units it proves.
                func record(bound: Double) {
                    outcome.lowerBound = max(outcome.lowerBound ?? 0, bound)
                    outcome.unservedLowerBound = max(outcome.unservedLowerBound ?? 0, Self.unservedUnits(
                        provenBy: bound, penalty: assignment.costs.unservedPenalty))
                }
                // No plan costs less than nothing (every column and cost is non-negative): early rounds' Lagrangian
                // bounds can lie far below zero (a ×5 re-plan stopped by its clock reported −79,726 and a gap of
                // 272 %), and 0 is then the honest bound.
                record(bound: lagrangian)
                values.append(value)
                // The LP is optimal over every pattern: its value is the bound, its unserved units rounded up a proof.
                func converged() {
                    outcome.converged = true
                    outcome.lowerBound = max(outcome.lowerBound ?? 0, value)
                    let unserved = assignment.unservedVariables.reduce(0.0) { $0 + lp.values[$1.index] }
                    outcome.unservedLowerBound = max(outcome.unservedLowerBound ?? 0, Int((unserved - 1e-6).rounded(.up)))
                }
                // When generation ends, while rounds of cuts are left and its values violate some: the cuts join the
                // LP (with this round's patterns, which their rows cover too) and generation goes on with their duals.
                func cutsBeforeDive() -> RelaxationChange? {
                    guard dive, outcome.cutRounds < cutRoundsBeforeDive, outcome.rounds < roundLimit else { return nil }
                    let cuts = assignment.violatedCoverCuts(values: lp.values)
                    guard !cuts.isEmpty else { return nil }
                    outcome.cutRounds += 1
                    values = []
                    let columns = priced.map { assignment.append($0) }
                    return RelaxationChange(columns: columns, rows: cuts.map { assignment.add($0) })
                }
                if priced.isEmpty && !pricedPartly {
                    converged()
                    if let change = cutsBeforeDive() { return change }
                    phase = .diving
                } else if priced.isEmpty || outcome.rounds >= roundLimit || Self.tailsOff(values) {
                    // The pairs left unpriced count in the rounds' bounds only by a bound on their reduced cost.
                    // Priced exactly at this last LP they give its true Lagrangian bound, and the LP optimum itself
                    // when nothing prices out. Measured at ×10 (pooled, 1,094 sites, the nearest 120 of each
                    // priced): the bound went from 80,501 to 83,851 for 0.3 s; the patterns and the plan are unchanged.
                    if pricedPartly, boundsEveryPairAtTheEnd, timeLimitSeconds - FieldworkPlanner.seconds(since: start) > 0 {
                        var everyPairLagrangian = value
                        for (profile, priced) in zip(profiles, everyPair.price(profiles: profiles, duals: duals)) {
                            for (worker, best) in zip(profile, priced) { everyPairLagrangian += lagrangianTerm(of: worker, best) }
                        }
                        record(bound: everyPairLagrangian)
                        // No pattern of any pair prices out.
                        if everyPairLagrangian >= value { converged() }
                    }
                    if let change = cutsBeforeDive() { return change }
                    phase = .diving
                    // Stopped by the round limit alone, far from convergence: this round's patterns join the LP and
                    // the primal simplex re-solves it before the dive's first bounds. Added together with those bounds
                    // (as after tailing off, where few patterns are left) they left the basis neither primal nor dual
                    // feasible, and at ×20, cut after 8 rounds, that one LP took 15–77 s.
                    if dive, outcome.rounds >= roundLimit, !priced.isEmpty, !Self.tailsOff(values) {
                        let columns = priced.map { assignment.append($0) }
                        outcome.generatedPatterns = assignment.patterns.count
                        return RelaxationChange(columns: columns)
                    }
                } else {
                    return RelaxationChange(columns: priced.map { assignment.append($0) })
                }
                // This round's patterns join the LP with the dive's first bounds.
                outcome.generatedPatterns = assignment.patterns.count + priced.count
            }
            guard dive else {
                phase = .done
                return RelaxationChange()
            }
            outcome.diveRounds += 1
            switch diveStep(values: lp.values, assignment: assignment, lowerBounds: &diveLowerBounds) {
            case .integral:
                outcome.dive = (assignment.trips(from: lp.values), assignment.patternCounts(from: lp.values))
            case .outOfDays:
                let floors = lp.values.map(Self.roundedDown)
                outcome.dive = (assignment.trips(from: floors), assignment.patternCounts(from: floors))
            case .fix(let bounds) where outcome.diveRounds < diveRoundLimit:
                // Patterns priced at this LP join it (at zero) with the new bounds: the dive goes on over every
                // column worth having under the fixings so far.
                return RelaxationChange(columns: priced.map { assignment.append($0) }, bounds: bounds)
            case .fix:
                // Out of rounds: the values rounded down, as when out of days (free days then take what they leave).
                let floors = lp.values.map(Self.roundedDown)
                outcome.dive = (assignment.trips(from: floors), assignment.patternCounts(from: floors))
            }
            phase = .done
            return RelaxationChange()
        }
        // The plan's model carries no cut: with the cut rows the neighbourhood search's pieces took up to 40 % longer,
        // for plans within 1.5 % either way (docs/model.md). Without the rows the columns keep their order.
        outcome.assignment = outcome.cutRounds == 0 ? assignment
            : AssignmentModel(instance: instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay,
                              patterns: assignment.patterns)
        // Every rule that ends the generation or the dive sets `.done`; only the clock leaves another phase.
        outcome.stoppedByTimeLimit = phase != .done
        return outcome
    }

    /// The units every plan leaves unserved, by a lower bound on every plan's objective: the unserved penalty P
    /// exceeds all travel and balance any plan can have (`AssignmentModel.unservedPenalty`), so a plan leaving u units
    /// costs less than P·(u + 1), and a bound L on every plan gives u ≥ ⌊L / P⌋. This holds for the Lagrangian bound
    /// of any round, so a shortfall is proven even when the generation stops by tailing off before it converges
    /// (as it does on the default-sized instances), not only by the converged LP's unserved units.
    static func unservedUnits(provenBy bound: Double, penalty: Double) -> Int {
        guard bound.isFinite, penalty > 0 else { return 0 }
        // A bound a rounding error above a multiple of P must not prove one unit more.
        return max(0, Int(((bound - 1e-6 * max(1, abs(bound))) / penalty).rounded(.down)))
    }

    /// Whether the LP value fell by less than `tailingOffShare` over the last `tailRounds` rounds.
    static func tailsOff(_ values: [Double]) -> Bool {
        guard values.count > tailRounds, let value = values.last else { return false }
        let earlier = values[values.count - 1 - tailRounds]
        return earlier - value <= tailingOffShare * abs(earlier)
    }

    enum DiveStep {
        /// Every trip and pattern column is integral: the dive's plan.
        case integral
        /// No fractional column can be rounded up (their enumerators are out of days): the values rounded down
        /// are the dive's plan; the scheduler's free-room pass serves what they leave.
        case outOfDays
        /// The next round's bounds.
        case fix([BoundChange])
    }

    /// Most patterns added per round, by worker.
    var patternLimits: [Int] {
        patternsPerWorker ?? Array(repeating: Self.patternsPerWorkerPerRound, count: instance.workers.count)
    }

    /// The pricing of this generation's rounds: pairs of sites near each other (`pairNeighbours`), at most
    /// `patternLimits` patterns per worker.
    func makePricing() -> Pricing {
        let siteMinutes = instance.sites.map { from in
            instance.sites.map { to in instance.travel.minutes(from: from.place, to: to.place) }
        }
        return Pricing(instance: instance, scheduler: TripScheduler(instance: instance), siteMinutes: siteMinutes,
                       pairedSites: Pricing.nearestPairs(siteMinutes: siteMinutes, neighbours: pairNeighbours),
                       patternLimits: patternLimits)
    }

    /// What a worker's days add to a Lagrangian bound: at most its usable days, each no cheaper than the least
    /// reduced cost its pricing found (when negative).
    func lagrangianTerm(of worker: Int, _ priced: Pricing.Priced) -> Double {
        Double(instance.workers[worker].usableDays.count) * min(0, priced.leastReducedCost)
    }

    /// The next dive round: every trip and pattern column at least its value rounded down, and the columns to
    /// round up one above. Only the bounds that rise are changed (and recorded in `lowerBounds`).
    private func diveStep(values: [Double], assignment: AssignmentModel,
                          lowerBounds: inout [Int: Double]) -> DiveStep {
        let columns: [(variable: MIPModel.VariableID, worker: Int, limit: Double)] =
            zip(assignment.tripVariables, instance.options).map { ($0, $1.workerIndex, Double($1.maximumTrips)) }
            + zip(assignment.patternVariables, assignment.patterns).map {
                ($0, $1.workerIndex, Double(instance.workers[$1.workerIndex].usableDays.count))
            }
        var floors = columns.map { Self.roundedDown(values[$0.variable.index]) }
        var days = Array(repeating: 0.0, count: instance.workers.count)
        var fractional: [(column: Int, part: Double)] = []
        for (index, column) in columns.enumerated() {
            days[column.worker] += floors[index]
            let part = values[column.variable.index] - floors[index]
            if part > 1e-6 { fractional.append((index, part)) }
        }
        guard !fractional.isEmpty else { return .integral }
        fractional.sort { $0.part != $1.part ? $0.part > $1.part : $0.column < $1.column }
        var roundedUp = 0
        for (index, part) in fractional {
            if roundedUp >= diveRoundUps, part < Self.nearlyIntegral { break }
            let worker = columns[index].worker
            guard days[worker] + 1 <= Double(instance.workers[worker].usableDays.count),
                  floors[index] + 1 <= columns[index].limit else { continue }
            days[worker] += 1
            floors[index] += 1
            roundedUp += 1
        }
        if roundedUp == 0 { return .outOfDays }
        var changes: [BoundChange] = []
        for (index, column) in columns.enumerated() where floors[index] > lowerBounds[column.variable.index] ?? 0 {
            lowerBounds[column.variable.index] = floors[index]
            changes.append(BoundChange(column.variable, lowerBound: floors[index], upperBound: column.limit))
        }
        return .fix(changes)
    }

    /// A value within 1e-6 below an integer is that integer (simplex values carry rounding noise).
    static func roundedDown(_ value: Double) -> Double { max(0, (value + 1e-6).rounded(.down)) }
}

extension PatternGeneration {
    /// The pricing problem of one round.
    struct Pricing {
        let instance: AssignmentInstance
        let scheduler: TripScheduler
        /// Road minutes between sites, [from][to].
        let siteMinutes: [[Double]]
        /// Which pairs of sites are priced exactly, [site][site]; nil: every pair. The others get only a lower
        /// bound on their reduced cost (for the Lagrangian bound; `Priced.complete` says whether one could price out).
        var pairedSites: [[Bool]]? = nil
        /// Most patterns kept per worker (`PatternGeneration.patternsPerWorker`).
        var patternLimits: [Int]? = nil

        /// Pairs of a site and one of its `neighbours` nearest sites (by the shorter way between them, ties by
        /// index), either way round; nil when every site is within every other's nearest.
        static func nearestPairs(siteMinutes: [[Double]], neighbours: Int) -> [[Bool]]? {
            let count = siteMinutes.count
            guard count > neighbours + 1 else { return nil }
            var paired = Array(repeating: Array(repeating: false, count: count), count: count)
            for site in 0..<count {
                let nearest = (0..<count).filter { $0 != site }.sorted { lhs, rhs in
                    let left = min(siteMinutes[site][lhs], siteMinutes[lhs][site])
                    let right = min(siteMinutes[site][rhs], siteMinutes[rhs][site])
                    return left != right ? left < right : lhs < rhs
                }.prefix(neighbours)
                for other in nearest {
                    paired[site][other] = true
                    paired[other][site] = true
                }
            }
            return paired
        }

        struct Duals {
            var cover: [Double]
            var trips: [Double]
            var days: [Double]
            var balance: [Double]
            /// The cover-row cuts (`CoverCut`) with a positive dual, by demand.
            var cuts: [Int: [(cut: CoverCut, dual: Double)]] = [:]

            init(model: AssignmentModel, rowDuals: [Double]) {
                cover = model.coverRows.map { max(0, rowDuals[$0]) }
                trips = model.tripRows.map { $0.map { max(0, rowDuals[$0]) } ?? 0 }
                days = model.dayRows.map { $0.map { rowDuals[$0] } ?? 0 }
                balance = model.balanceRows.map { $0.map { rowDuals[$0] } ?? 0 }
                for (cut, row) in model.coverCuts where rowDuals[row] > 1e-9 {
                    cuts[cut.demand, default: []].append((cut, rowDuals[row]))
                }
            }

            /// What `visits` units of a demand are worth to a day at these duals.
            func worth(demand: Int, visits: Int) -> Double {
                guard visits > 0 else { return 0 }
                return Double(visits) * cover[demand] + trips[demand] + cutWorth(demand: demand, visits: visits)
            }

            /// The cuts' part of `worth`.
            func cutWorth(demand: Int, visits: Int) -> Double {
                (cuts[demand] ?? []).reduce(0) { $0 + $1.dual * $1.cut.coefficient(visits: visits) }
            }
        }

        struct Priced {
            /// A lower bound on the reduced cost of every pattern of the enumerator (exact when `complete`).
            var leastReducedCost: Double
            /// Timed patterns with negative reduced cost, most negative first.
            var patterns: [DayPattern]
            /// False when a pair left unpriced (`pairedSites`) might have a negative reduced cost.
            var complete = true
        }

        /// One demand's part in a knapsack: visits of `weight` minutes (interview + move), worth `value` each
        /// plus `bonus` once, at most `cap`.
        struct Item {
            let demand: Int
            let site: Int
            let weight: Double
            let value: Double
            let bonus: Double
            let cap: Int
            /// What the cover-row cuts add for each number of visits, 0…cap (empty without cuts): non-decreasing,
            /// 0 for none.
            let cutWorth: [Double]
            /// The value per visit and the bonus of a line above `worth`: one visit's worth, then the cuts' steepest
            /// rise per further visit. The pruning bounds use them; stored, because the pair bounds' sorts read them
            /// many times per pricing, and a first plan prices with cuts before its dive.
            let boundingValue: Double
            let boundingBonus: Double

            init(demand: Int, site: Int, weight: Double, value: Double, bonus: Double, cap: Int, cutWorth: [Double] = []) {
                self.demand = demand
                self.site = site
                self.weight = weight
                self.value = value
                self.bonus = bonus
                self.cap = cap
                self.cutWorth = cutWorth
                let cutRate = cutWorth.count > 2
                    ? (2..<cutWorth.count).map { (cutWorth[$0] - cutWorth[1]) / Double($0 - 1) }.max() ?? 0 : 0
                boundingValue = value + cutRate
                boundingBonus = bonus + (cutWorth.count > 1 ? cutWorth[1] : 0)
            }

            /// The exact worth of `count` visits.
            func worth(_ count: Int) -> Double {
                guard count > 0 else { return 0 }
                return Double(count) * value + bonus + (cutWorth.isEmpty ? 0 : cutWorth[count])
            }
        }

        /// Enumerators whose pricing differs only by their own day and balance duals: the same base, daily
        /// minutes and trip options (demand and visits per trip), hence the same patterns at the same road minutes
        /// and cover values. Each group in the order of its first member's index.
        ///
        /// At ×5 the re-plan's pattern generation spent nearly all its time pricing (`perf`: 19 % of the whole
        /// run's samples, for a generation given 9 s): copies of each post office's staff priced the same site
        /// pairs one by one. Pricing once per profile gives every member exactly the patterns it would get alone.
        static func profiles(of instance: AssignmentInstance) -> [[Int]] {
            struct Key: Hashable {
                var base: TravelPlace
                var dailyMinutes: Int
                var options: [Int]
            }
            return instance.workers.indices.filter { !instance.optionsOfWorker[$0].isEmpty }.groupedInOrder { worker in
                let options = instance.optionsOfWorker[worker].flatMap { option in
                    [instance.options[option].demandIndex, instance.options[option].visitsPerTrip]
                }
                return Key(base: instance.workers[worker].base,
                           dailyMinutes: instance.workers[worker].enumerator.dailyMinutes, options: options)
            }
        }

        /// The pricing of every profile, side by side on the machine's cores: each profile's pricing depends on the
        /// duals only, so the patterns are the same on any number of cores. Measured on 2 cores (`--time-limit 60`):
        /// a ×3 first plan (328 sites, 180 enumerators) reached the same bound and its dive about 5 s sooner, and
        /// came out at 33,534.4 instead of 33,705.0 (the neighbourhood search got the time); the default plan is
        /// byte-identical, in 10.8 s instead of 11–12 s.
        func price(profiles: [[Int]], duals: Duals) -> [[Priced]] {
            guard profiles.count > 1 else { return profiles.map { price(workers: $0, duals: duals) } }
            let results = Mutex([[Priced]](repeating: [], count: profiles.count))
            let pricing = self
            DispatchQueue.concurrentPerform(iterations: profiles.count) { index in
                let priced = pricing.price(workers: profiles[index], duals: duals)
                results.withLock { $0[index] = priced }
            }
            return results.withLock { $0 }
        }

        /// The pricing of each member of a profile (`profiles(of:)`), computed once: pairs are pruned with the
        /// largest of the members' day and balance duals (so nothing any member would keep is pruned), and each
        /// member then keeps, in the same order, the candidates that price out with its own duals.
        func price(workers members: [Int], duals: Duals) -> [Priced] {
            let worker = members[0]
            let parameters = instance.parameters
            let enumerator = instance.workers[worker].enumerator
            let move = Double(parameters.withinCommuneMoveMinutes)
            let budget = Double(min(enumerator.dailyMinutes, parameters.workingDay.longestWorkMinutes))
            let fixedOf = members.map { duals.days[$0] + duals.balance[$0] }
            let fixed = fixedOf.max()!
            var itemsOfSite: [Int: [Item]] = [:]
            for option in instance.optionsOfWorker[worker] {
                let chosen = instance.options[option]
                let demand = chosen.demandIndex
                guard duals.cover[demand] > 1e-9 || duals.trips[demand] > 1e-9 || duals.cuts[demand] != nil else { continue }
                let kind = instance.demands[demand].kind
                itemsOfSite[instance.demands[demand].siteIndex, default: []].append(Item(
                    demand: demand, site: instance.demands[demand].siteIndex,
                    weight: Double(instance.interviewMinutes(kind)) + move, value: duals.cover[demand],
                    bonus: duals.trips[demand], cap: chosen.visitsPerTrip,
                    cutWorth: duals.cuts[demand] == nil ? []
                        : (0...chosen.visitsPerTrip).map { duals.cutWorth(demand: demand, visits: $0) }))
            }
            let sites = itemsOfSite.keys.sorted()
            guard !sites.isEmpty else { return members.map { _ in Priced(leastReducedCost: 0, patterns: []) } }
            // The least lower bound of a pair left unpriced, before the member's own duals.
            var leastUnpriced = Double.infinity
            let base = instance.workers[worker].base
            let out = sites.map { instance.travel.minutes(from: base, to: instance.sites[$0].place) }
            let back = sites.map { instance.travel.minutes(from: instance.sites[$0].place, to: base) }
            // What each site's visits can be worth, for the bounds that prune pairs (`pairLowerBound`).
            let siteItems = sites.map { itemsOfSite[$0]! }
            let summaries = siteItems.map { SiteSummary($0, budget: budget, move: move) }

            // Reduced costs before the member's own day and balance duals are taken off.
            var least = Double.infinity
            var candidates: [(reducedCost: Double, order: [Int], items: [Item], counts: [Int])] = []
            func consider(order: [Int], travel: Double, items: [Item]) {
                let capacity = budget - travel + move * Double(order.count)
                guard let best = Self.bestVisits(items, capacity: capacity, sites: order.count) else { return }
                let reducedCost = travel - best.value
                least = min(least, reducedCost)
                if reducedCost - fixed < -1e-6 { candidates.append((reducedCost, order, items, best.counts)) }
            }
            for (position, site) in sites.enumerated() where siteItems[position].count > 1 {
                consider(order: [site], travel: out[position] + back[position], items: siteItems[position])
            }
            if parameters.maxCommunesPerDay >= 2 {
                for first in sites.indices {
                    for second in sites.indices where second > first {
                        let forward = out[first] + siteMinutes[sites[first]][sites[second]] + back[second]
                        let backward = out[second] + siteMinutes[sites[second]][sites[first]] + back[first]
                        let travel = min(forward, backward)
                        // A pair that cannot price out is skipped; one left unpriced counts by its bound.
                        let bound = Self.pairLowerBound(summaries[first], summaries[second], travel: travel,
                                                        room: max(0, budget - travel + 2 * move), enough: fixed)
                        guard bound - fixed < 0 else { continue }
                        if let pairedSites, !pairedSites[sites[first]][sites[second]] {
                            leastUnpriced = min(leastUnpriced, bound)
                            continue
                        }
                        let order = forward <= backward ? [sites[first], sites[second]] : [sites[second], sites[first]]
                        consider(order: order, travel: travel, items: siteItems[first] + siteItems[second])
                    }
                }
            }
            candidates.sort { lhs, rhs in
                lhs.reducedCost != rhs.reducedCost ? lhs.reducedCost < rhs.reducedCost
                    : lhs.order.lexicographicallyPrecedes(rhs.order)
            }
            // Timed once for the profile (the day's timing depends on base and daily minutes only).
            var timedPatterns: [Int: DayPattern?] = [:]
            return zip(members, fixedOf).map { member, own in
                var patterns: [DayPattern] = []
                for (index, candidate) in candidates.enumerated()
                where patterns.count < patternLimits?[member] ?? PatternGeneration.patternsPerWorkerPerRound {
                    guard candidate.reducedCost - own < -1e-6 else { break }
                    if timedPatterns[index] == nil {
                        timedPatterns[index] = .some(timed(worker: worker, order: candidate.order,
                                                           items: candidate.items, counts: candidate.counts))
                    }
                    guard var pattern = timedPatterns[index]! else { continue }
                    let value = pattern.visits.reduce(0.0) { total, visits in
                        total + duals.worth(demand: visits.demand, visits: visits.visits)
                    }
                    guard pattern.travelMinutes - value - own < -1e-6 else { continue }
                    pattern.workerIndex = member
                    patterns.append(pattern)
                }
                return Priced(leastReducedCost: min(0, min(least, leastUnpriced) - own), patterns: patterns,
                              complete: leastUnpriced - own >= -1e-6)
            }
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
                    let left = items[lhs].boundingValue / items[lhs].weight
                    let right = items[rhs].boundingValue / items[rhs].weight
                    return left != right ? left < right : lhs > rhs
                }) else { return nil }
                counts[drop] -= 1
            }
        }

        /// What pricing needs to know of one site's items to bound the pairs it is part of.
        struct SiteSummary {
            /// The most its visits are worth in a day with no travel (`budget` minutes of work plus the credited
            /// first move).
            var ceiling: Double
            /// The most a minute of its visits is worth, and all its day-count bonuses together.
            var density: Double
            var bonuses: Double
            /// The shortest visit: what its first visit takes from a pair's room at least.
            var lightest: Double
            /// Its items, the densest (value per minute) first.
            var densestFirst: [Item]

            init(_ items: [Item], budget: Double, move: Double) {
                ceiling = Pricing.bestVisits(items, capacity: budget + move, sites: 1)?.value ?? 0
                density = items.map { $0.boundingValue / $0.weight }.max() ?? 0
                bonuses = items.reduce(0) { $0 + $1.boundingBonus }
                lightest = items.map(\.weight).min() ?? 0
                densestFirst = items.sorted { $0.boundingValue * $1.weight > $1.boundingValue * $0.weight }
            }
        }

        /// A lower bound on the relaxed reduced cost (before the day and balance duals) of every day visiting both
        /// sites, `travel` road minutes and `room` minutes of work (`budget` − travel + two credited moves): the
        /// largest of four bounds on what their visits are worth, cheapest first, stopping once one reaches
        /// `enough` (the pair is then skipped). Each bound that holds for the pair's exact search
        /// (`bestVisits(_:capacity:sites:)` with both sites visited) holds here; `PatternPricingTests` checks it.
        ///
        /// Measured at ×10: with the first two alone, the exact search over the pairs they let through was an
        /// eighth of the whole plan's CPU, and the pairs left unpriced (beyond each site's 120 nearest) held the
        /// pooled Lagrangian bound at 19,767 against a capacity bound of 81,137; with all four it is 80,501.
        static func pairLowerBound(_ first: SiteSummary, _ second: SiteSummary, travel: Double, room: Double,
                                   enough: Double) -> Double {
            // Each site alone is worth at most its ceiling.
            var bound = travel - first.ceiling - second.ceiling
            guard bound < enough else { return bound }
            // Every minute of the room is worth at most the denser site's density, every bonus taken.
            bound = max(bound, travel - max(first.density, second.density) * room - first.bonuses - second.bonuses)
            guard bound < enough else { return bound }
            // Each site is worth at most its own density over the room the other's first visit leaves: tighter when
            // one site is small and the other dense.
            bound = max(bound, travel
                - min(first.ceiling, first.density * max(0, room - second.lightest) + first.bonuses)
                - min(second.ceiling, second.density * max(0, room - first.lightest) + second.bonuses))
            guard bound < enough else { return bound }
            // The two share the room: their fractional knapsack, caps kept.
            return max(bound, travel - first.bonuses - second.bonuses
                - fractionalValue(first.densestFirst, second.densestFirst, room: room))
        }

        /// What visits of two sites' items are worth at most within `room` minutes, bonuses aside: the fractional
        /// knapsack, each list sorted densest (value per minute) first, each item taken up to its cap.
        static func fractionalValue(_ first: [Item], _ second: [Item], room: Double) -> Double {
            var left = room, value = 0.0, i = 0, j = 0
            while left > 0, i < first.count || j < second.count {
                let takesFirst = j >= second.count
                    || (i < first.count
                        && first[i].boundingValue * second[j].weight >= second[j].boundingValue * first[i].weight)
                let item = takesFirst ? first[i] : second[j]
                if takesFirst { i += 1 } else { j += 1 }
                let minutes = min(Double(item.cap) * item.weight, left)
                value += minutes / item.weight * item.boundingValue
                left -= minutes
            }
            return value
        }

        /// The most valuable visit counts under `capacity` minutes of interviews and moves (each visit costs
        /// its item's weight; a site's first visit needs no move, which the capacity already credits), with at
        /// least one visit at each of `sites` sites; exact, by enumeration (a day has at most four items).
        static func bestVisits(_ items: [Item], capacity: Double, sites: Int) -> (value: Double, counts: [Int])? {
            guard capacity >= 0, !items.isEmpty else { return nil }
            var search = VisitSearch(items: items, sites: sites)
            search.search(0, room: capacity, value: 0, visitedSites: 0)
            return search.bestValue.map { ($0, search.bestCounts) }
        }
    }

    /// The branch and bound of `Pricing.bestVisits`, its state in one value: it runs for every pair of sites
    /// that survives pruning, hundreds of thousands of times a round at ×10, so it allocates nothing per node
    /// (a closure-based version spent most of its time allocating and freeing).
    private struct VisitSearch {
        let items: [Pricing.Item]
        /// Each item's site as one bit (items of one site share it): a count of the bits set is sites visited.
        let siteBits: [UInt32]
        let sites: Int
        /// What the items from an index on can add at most: the best value per minute over the room left, plus
        /// every bonus.
        let densest: [Double]
        let bonusLeft: [Double]
        var counts: [Int]
        var bestValue: Double?
        var bestCounts: [Int] = []

        init(items: [Pricing.Item], sites: Int) {
            self.items = items
            self.sites = sites
            var bits: [UInt32] = []
            var seen: [Int] = []
            for item in items {
                if let position = seen.firstIndex(of: item.site) {
                    bits.append(1 << UInt32(position % 32))
                } else {
                    bits.append(1 << UInt32(seen.count % 32))
                    seen.append(item.site)
                }
            }
            siteBits = bits
            var densest = Array(repeating: 0.0, count: items.count + 1)
            var bonusLeft = Array(repeating: 0.0, count: items.count + 1)
            for index in stride(from: items.count - 1, through: 0, by: -1) {
                densest[index] = max(densest[index + 1], items[index].boundingValue / items[index].weight)
                bonusLeft[index] = bonusLeft[index + 1] + items[index].boundingBonus
            }
            self.densest = densest
            self.bonusLeft = bonusLeft
            counts = Array(repeating: 0, count: items.count)
        }

        private mutating func record(_ value: Double, visitedSites: UInt32) {
            guard visitedSites.nonzeroBitCount == sites else { return }
            if value > (bestValue ?? -.infinity) + 1e-12 {
                bestValue = value
                bestCounts = counts
            }
        }

        mutating func search(_ index: Int, room: Double, value: Double, visitedSites: UInt32) {
            if let bestValue, value + densest[index] * room + bonusLeft[index] <= bestValue + 1e-12 { return }
            let item = items[index]
            let most = min(item.cap, Int((room / item.weight + 1e-9).rounded(.down)))
            if index == items.count - 1 {
                // The last item takes as many visits as fit (value never falls with more), or none.
                if most > 0 {
                    counts[index] = most
                    record(value + item.worth(most), visitedSites: visitedSites | siteBits[index])
                }
                counts[index] = 0
                record(value, visitedSites: visitedSites)
                return
            }
            for count in stride(from: most, through: 0, by: -1) {
                counts[index] = count
                let gained = item.worth(count)
                search(index + 1, room: room - Double(count) * item.weight, value: value + gained,
                       visitedSites: count > 0 ? visitedSites | siteBits[index] : visitedSites)
            }
            counts[index] = 0
        }
    }
}

