import PlannerCore
import PlannerOptimization

/// A lower bound on the objective of every plan of an instance, multi-site days included: what a pooled plan is
/// measured against. Its model has one-site days only, and its routes are merged and given free room after the
/// solve, so the one-site model's bound does not hold for them (at ×10 the merged routes cost 117,592 against a
/// one-site bound of 147,760), and the day patterns' LP is out of reach at that size.
///
/// The bound is an LP over fractions of enumerator-days, one column per pool (or enumerator) and demand, whose
/// every real plan has an image that costs no more:
/// * **Travel.** Every road leg is at least `perKilometre` times its great-circle distance (the least ratio over
///   the instance's places, so a `travel.csv` with shortcuts lowers it), and great-circle distance obeys the
///   triangle inequality. A day that goes out to its farthest site s* (base b) therefore travels T ≥ r(s*) =
///   perKilometre · (km(b, s*) + km(s*, b)), however it orders its sites.
/// * **Capacity.** Work (road, moves, interviews) must fit min(daily minutes, the day's length): with i the
///   interview minutes of a visit's kind, m the move between two units of a site and K `max_communes_per_day`,
///   Σ (i + m) over the day's visits ≤ B − T + m·K. A visit at site s of kind k takes the fraction
///   (i + m) / (B − r(s) + m·K) of a day: since r(s) ≤ r(s*) ≤ T, a day's fractions add up to at most 1.
/// * **Cost.** Each visit is charged r(s) times its fraction; r / (B − r + m·K) grows with r, so a day's charges
///   add up to at most r(s*) ≤ T.
/// So every plan's visits, counted as fractions of days, use no more days per enumerator than it works (its day
/// rows and its excess over the fair share), and cost no more travel than its routes. Pooling members' rows is a
/// relaxation, and the LP's optimum (travel, balance and the penalty for units left out) is at most the cheapest
/// plan's objective, as `FieldworkPlanner.printedObjective` prices it.
///
/// What it leaves out — whole days, the break, office hours, the order of sites — is why it lies below the plans.
///
/// It is computed as the LP's Lagrangian dual, with the days and balance rows priced (μ for the balance, ν for the
/// days of each pool): for any μ in [0, excess-day cost] and ν ≥ 0 the dual function
/// Σ_d n_d · min(penalty, min_p (r + μ_p + ν_p) / visits per day) − Σ_p (μ_p · fair share + ν_p · days)
/// is at most the LP's optimum (weak duality), so every iterate of the subgradient search is a bound, in plain
/// arithmetic, with no solver tolerance. Solving the LP with GLPK's simplex instead took 1.2 s at ×10 and 6.1 s at
/// ×20 for the same value.
struct DayCapacityBound {
    /// A pool's (or enumerator's) fractional days: its columns, days, fair share.
    struct Pool {
        var label: String
        var columns: [Column]
        var days: Double
        var fairShare: Double
    }

    /// A fraction of a day at one demand: its travel charge and visits per whole day.
    struct Column {
        var demand: Int
        var roundTrip: Double
        var visitsPerDay: Double
    }

    let pools: [Pool]
    /// Units of each demand.
    let units: [Double]
    let costs: AssignmentCosts
    /// The least road minutes per great-circle kilometre between two places of the instance.
    let perKilometre: Double

    /// Subgradient steps the search takes at most.
    static let iterations = 1000

    init(instance: AssignmentInstance, costs: AssignmentCosts) {
        let perKilometre = Self.leastMinutesPerKilometre(instance)
        self.perKilometre = perKilometre
        self.costs = costs
        let parameters = instance.parameters
        let move = Double(parameters.withinCommuneMoveMinutes)
        let moveAllowance = move * Double(parameters.maxCommunesPerDay)
        let dayLength = Double(parameters.workingDay.endMinutes - parameters.workingDay.startMinutes)
        var pools: [Pool] = []
        for members in instance.interchangeableGroups() {
            let leader = instance.workers[members[0]]
            let budget = min(Double(leader.enumerator.dailyMinutes), dayLength)
            var columns: [Column] = []
            for option in instance.optionsOfWorker[members[0]] {
                let demandIndex = instance.options[option].demandIndex
                let demand = instance.demands[demandIndex]
                let site = instance.sites[demand.siteIndex]
                let roundTrip = perKilometre * (leader.base.location.distanceKilometres(to: site.location)
                                                + site.location.distanceKilometres(to: leader.base.location))
                let room = budget - roundTrip + moveAllowance
                guard room > 0 else { continue }
                columns.append(Column(demand: demandIndex, roundTrip: roundTrip,
                                      visitsPerDay: room / (Double(instance.interviewMinutes(demand.kind)) + move)))
            }
            guard !columns.isEmpty else { continue }
            pools.append(Pool(label: members.count == 1 ? leader.enumerator.id.rawValue
                                : "\(leader.enumerator.id.rawValue)_x\(members.count)",
                              columns: columns, days: Double(members.count * leader.usableDays.count),
                              fairShare: Double(members.count * leader.fairShareDays)))
        }
        self.pools = pools
        self.units = instance.demands.map { Double($0.count) }
    }

    /// The dual function at `balancePrices` (μ) and `dayPrices` (ν), and the days each pool's cheapest columns
    /// would take (its subgradient, before subtracting the fair share and the days).
    func dual(balancePrices: [Double], dayPrices: [Double]) -> (value: Double, daysTaken: [Double]) {
        var best = units.map { _ in (perVisit: costs.unservedPenalty, pool: -1, column: -1) }
        for (index, pool) in pools.enumerated() {
            let price = balancePrices[index] + dayPrices[index]
            for (position, column) in pool.columns.enumerated() {
                let perVisit = (column.roundTrip + price) / column.visitsPerDay
                if perVisit < best[column.demand].perVisit { best[column.demand] = (perVisit, index, position) }
            }
        }
        var value = 0.0
        var daysTaken = Array(repeating: 0.0, count: pools.count)
        for (demand, choice) in best.enumerated() {
            value += units[demand] * choice.perVisit
            if choice.pool >= 0 {
                daysTaken[choice.pool] += units[demand] / pools[choice.pool].columns[choice.column].visitsPerDay
            }
        }
        for (index, pool) in pools.enumerated() {
            value -= balancePrices[index] * pool.fairShare + dayPrices[index] * pool.days
        }
        return (value, daysTaken)
    }

    /// The bound of a plan whose printed objective is `target`, announced on the live line; nil when the instance
    /// has no work, no time is left for it (its scan of travel times grows with the square of the places), or no
    /// usable day makes it finite. Pooled first plans and pooled re-plans record it: the one-site model's bound
    /// does not hold for their merged routes.
    static func planBound(instance: AssignmentInstance, costs: AssignmentCosts, target: Double, secondsLeft: Double,
                          watch: inout PlanningWatch) -> Double? {
        guard !instance.demands.isEmpty, secondsLeft > 0 else { return nil }
        watch.report("bounding the plan: day capacity")
        let bound = DayCapacityBound(instance: instance, costs: costs).bound(target: target)
        return bound.isFinite ? bound : nil
    }

    /// The best value of the dual function a subgradient search finds (Polyak steps towards `target`, an upper
    /// bound such as the plan's objective, halved after 10 steps without progress): a lower bound on every plan.
    func bound(target: Double) -> Double {
        var balancePrices = Array(repeating: 0.0, count: pools.count)
        var dayPrices = Array(repeating: 0.0, count: pools.count)
        var best = -Double.infinity
        var scale = 2.0
        var sinceProgress = 0
        for _ in 0..<Self.iterations {
            let (value, daysTaken) = dual(balancePrices: balancePrices, dayPrices: dayPrices)
            if !best.isFinite || value > best + 1e-9 * max(1, abs(best)) {
                best = value
                sinceProgress = 0
            } else {
                sinceProgress += 1
                if sinceProgress >= 10 {
                    scale /= 2
                    sinceProgress = 0
                }
            }
            let balanceSteps = pools.indices.map { daysTaken[$0] - pools[$0].fairShare }
            let daySteps = pools.indices.map { daysTaken[$0] - pools[$0].days }
            // Only the directions the prices can still move in count towards the step.
            var norm = 0.0
            for index in pools.indices {
                if balanceSteps[index] > 0 || balancePrices[index] > 0 { norm += balanceSteps[index] * balanceSteps[index] }
                if daySteps[index] > 0 || dayPrices[index] > 0 { norm += daySteps[index] * daySteps[index] }
            }
            guard norm > 1e-12, target > best, scale > 1e-6 else { break }
            let step = scale * (target - value) / norm
            for index in pools.indices {
                balancePrices[index] = min(costs.excessDayCost, max(0, balancePrices[index] + step * balanceSteps[index]))
                dayPrices[index] = max(0, dayPrices[index] + step * daySteps[index])
            }
        }
        return best
    }

    /// The LP itself (what `bound(target:)` is the Lagrangian dual of), for the tests that compare the two.
    func relaxation() -> MIPModel {
        var names = ModelNames()
        var model = MIPModel(name: "fieldwork_day_capacity_bound")
        var coverTerms = Array(repeating: [MIPModel.Term](), count: units.count)
        for pool in pools {
            var days: [MIPModel.Term] = []
            for column in pool.columns {
                let fraction = model.addVariable(names.make("z", pool.label, "\(column.demand)"), kind: .continuous,
                                                 lowerBound: 0, upperBound: nil, objective: column.roundTrip)
                coverTerms[column.demand].append(MIPModel.Term(fraction, column.visitsPerDay))
                days.append(MIPModel.Term(fraction, 1))
            }
            let excess = model.addVariable(names.make("excess", pool.label), kind: .continuous, lowerBound: 0,
                                           upperBound: nil, objective: costs.excessDayCost)
            model.addConstraint(names.make("days", pool.label), days, upperBound: pool.days)
            model.addConstraint(names.make("balance", pool.label), days + [MIPModel.Term(excess, -1)],
                                upperBound: pool.fairShare)
        }
        for (demand, count) in units.enumerated() {
            let unserved = model.addVariable(names.make("unserved", "\(demand)"), kind: .continuous, lowerBound: 0,
                                             upperBound: count, objective: costs.unservedPenalty)
            model.addConstraint(names.make("cover", "\(demand)"), coverTerms[demand] + [MIPModel.Term(unserved, 1)],
                                lowerBound: count)
        }
        return model
    }

    /// The least ratio of road minutes to great-circle kilometres over every ordered pair of distinct points among
    /// the enumerators' bases and the sites (a day travels between no other places); 0 when some pair is free.
    static func leastMinutesPerKilometre(_ instance: AssignmentInstance) -> Double {
        var places: [TravelPlace] = []
        var seen = Set<TravelPlace>()
        for place in instance.workers.map(\.base) + instance.sites.map(\.place) where seen.insert(place).inserted {
            places.append(place)
        }
        var least = Double.infinity
        for origin in places {
            for destination in places {
                let kilometres = origin.location.distanceKilometres(to: destination.location)
                guard kilometres > 1e-9 else { continue }
                least = min(least, instance.travel.minutes(from: origin, to: destination) / kilometres)
            }
        }
        return least.isFinite ? max(0, least) : 0
    }
}
