import PlannerCore
import PlannerOptimization

/// The day-trip MIP with interchangeable enumerators pooled: one column per pool and demand instead of one per
/// enumerator and demand, for instances too large for the solver otherwise.
///
/// Enumerators are interchangeable when they share the base (commune and point), skills, daily minutes and
/// usable days, hence the fair share: each has the same trip options at the same cost and visits per trip.
/// For a pool of n of them, the columns y[pool,s,t] ≤ min(⌈n_st / p⌉, n·d) and the rows Σ y ≤ n·d and
/// Σ y − x ≤ n·f describe exactly the totals that n per-enumerator solutions reach: dealing the pool's T trips
/// out evenly (⌊T/n⌋ or ⌈T/n⌉ each) gives every member at most d days and a total excess of max(0, T − n·f),
/// the pool's x. So pooling is exact: the optimum and the bound are those of `AssignmentModel`, and
/// `trips(from:)` returns per-enumerator trips with the same objective.
///
/// Measured on the 10× benchmark instance (benchmarks/README.md): the per-enumerator model had 817,035 columns
/// and GLPK did not finish its root LP in 120 s; copies of each post office's staff are interchangeable there.
/// `FieldworkPlanner` pools its whole plan above `optionThreshold` trip options, and only its one-site stage above
/// `oneSiteThreshold`; default-sized plans (about 8,000 options), their exported models and their tests keep one
/// column per enumerator.
public struct PooledAssignmentModel: Sendable {
    /// Per-enumerator trip options above which the planner pools and keeps one-site days only (no day patterns).
    public static let optionThreshold = 100_000

    /// Per-enumerator trip options above which one-site models are pooled: a first plan's one-site stage (the
    /// start of its day patterns, which stay per enumerator up to `optionThreshold`) and a re-plan
    /// (`Replanner.poolingThreshold`). Pooling is exact, so only the time changes, and at these sizes the time is
    /// what decides the plan. Measured on the generated ×2, ×3 and ×5 instances (`scaled_replan.sh`, 60 s limit,
    /// quiet machine; docs/model.md, "Pooling mid-sized instances"): the per-enumerator one-site stage of a ×2 first
    /// plan (32,484 options) took 15.4 s of its 21 s share, the pooled one 0.3 s, which the day patterns then get
    /// (objective 21,217.5 → 21,090.2; ×3 35,675.3 → 34,623.0, both still time-limited); the per-enumerator re-plans
    /// ran into the limit from ×2 on (12,382 options: 56 s, travel 16,766 minutes) where the pooled one is optimal in
    /// 0.3 s with 15,645 (×3 22,738 → 22,365; ×5 37,464 → 33,064). Default-sized instances (2,900–8,300 options)
    /// stay below: their per-enumerator re-plans finish by their node limit in under 10 s with patterns, and print
    /// less travel than the pooled one-site re-plan (8,976 against 9,572 minutes with half the staff gone).
    public static let oneSiteThreshold = 10_000

    public let model: MIPModel
    /// Worker indices of each pool's members, by enumerator ID; pools in the order of their first member's ID.
    public let pools: [[Int]]

    private let instance: AssignmentInstance
    /// The pooled column of every per-enumerator option.
    let columnOfOption: [Int]
    /// Per pool: its columns (variable indices) in demand order, with the demand of each; the k-th is the k-th
    /// option of every member (members share one pricing profile, hence the same options in the same order).
    let poolColumns: [[(column: Int, demand: Int)]]
    let unservedVariables: [MIPModel.VariableID]
    let excessVariables: [MIPModel.VariableID?]

    /// Built from the instance directly: the per-enumerator model is never built on a pooled instance (naming
    /// its 2.5 million columns took 9 s at ×20), only its weights are shared.
    public init(instance: AssignmentInstance, costs: AssignmentCosts) {
        self.instance = instance

        let pools = instance.interchangeableGroups()
        self.pools = pools

        var names = ModelNames()
        var model = MIPModel(name: "fieldwork_day_trips_pooled")
        var columnOfOption = Array(repeating: -1, count: instance.options.count)
        var poolColumns: [[(column: Int, demand: Int)]] = []
        var excess: [MIPModel.VariableID?] = []
        for members in pools {
            let leader = instance.workers[members[0]]
            let size = members.count
            let label = size == 1 ? leader.enumerator.id.rawValue : "\(leader.enumerator.id.rawValue)_x\(size)"
            var columns: [(column: Int, demand: Int)] = []
            var columnOfDemand: [Int: Int] = [:]
            for option in instance.optionsOfWorker[members[0]] {
                let chosen = instance.options[option]
                let demand = instance.demands[chosen.demandIndex]
                let tripsToCover = (demand.count + chosen.visitsPerTrip - 1) / chosen.visitsPerTrip
                let variable = model.addVariable(
                    names.make("y", label, instance.site(of: demand).id, demand.kind.code), kind: .integer,
                    lowerBound: 0, upperBound: Double(min(tripsToCover, size * leader.usableDays.count)),
                    objective: chosen.roundTripMinutes)
                columns.append((variable.index, chosen.demandIndex))
                columnOfDemand[chosen.demandIndex] = variable.index
            }
            for member in members {
                for option in instance.optionsOfWorker[member] {
                    columnOfOption[option] = columnOfDemand[instance.options[option].demandIndex]!
                }
            }
            poolColumns.append(columns)
            excess.append(model.addVariable(names.make("excess", label), kind: .continuous, lowerBound: 0,
                                            upperBound: nil, objective: costs.excessDayCost))
        }
        var unserved: [MIPModel.VariableID] = []
        for demand in instance.demands {
            unserved.append(model.addVariable(
                names.make("unserved", instance.site(of: demand).id, demand.kind.code),
                kind: .integer, lowerBound: 0, upperBound: Double(demand.count), objective: costs.unservedPenalty))
        }

        // The pooled columns of each demand with their visits per trip (identical for all members of a pool).
        var columnsOfDemand = Array(repeating: [(column: Int, perTrip: Int)](), count: instance.demands.count)
        for (poolIndex, columns) in poolColumns.enumerated() {
            let leader = pools[poolIndex][0]
            for (option, entry) in zip(instance.optionsOfWorker[leader], columns) {
                columnsOfDemand[entry.demand].append((entry.column, instance.options[option].visitsPerTrip))
            }
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            let site = instance.site(of: demand).id
            let columns = columnsOfDemand[demandIndex]
            var cover = columns.map { MIPModel.Term(MIPModel.VariableID(index: $0.column), Double($0.perTrip)) }
            cover.append(MIPModel.Term(unserved[demandIndex], 1))
            model.addConstraint(names.make("cover", site, demand.kind.code), cover, lowerBound: Double(demand.count))
            if let largest = columns.map(\.perTrip).max(), largest > 1 {
                var count = columns.map { MIPModel.Term(MIPModel.VariableID(index: $0.column), 1) }
                count.append(MIPModel.Term(unserved[demandIndex], 1))
                model.addConstraint(names.make("trips", site, demand.kind.code), count,
                                    lowerBound: Double((demand.count + largest - 1) / largest))
            }
        }
        for (poolIndex, members) in pools.enumerated() {
            let leader = instance.workers[members[0]]
            let size = members.count
            let label = size == 1 ? leader.enumerator.id.rawValue : "\(leader.enumerator.id.rawValue)_x\(size)"
            let days = poolColumns[poolIndex].map { MIPModel.Term(MIPModel.VariableID(index: $0.column), 1) }
            model.addConstraint(names.make("days", label), days, upperBound: Double(size * leader.usableDays.count))
            model.addConstraint(names.make("balance", label), days + [MIPModel.Term(excess[poolIndex]!, -1)],
                                upperBound: Double(size * leader.fairShareDays))
        }

        self.model = model
        self.columnOfOption = columnOfOption
        self.poolColumns = poolColumns
        self.unservedVariables = unserved
        self.excessVariables = excess
    }

    /// The pooled column vector of per-enumerator trips: members' trips summed, unserved units and excess days
    /// at their least values (so its objective is at most that of the same trips in `AssignmentModel`).
    public func solutionVector(trips: [Int]) -> [Double] {
        var values = Array(repeating: 0.0, count: model.variables.count)
        var covered = Array(repeating: 0, count: instance.demands.count)
        for (option, count) in trips.enumerated() where count > 0 {
            values[columnOfOption[option]] += Double(count)
            covered[instance.options[option].demandIndex] += count * instance.options[option].visitsPerTrip
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            values[unservedVariables[demandIndex].index] = Double(max(0, demand.count - covered[demandIndex]))
        }
        for (poolIndex, members) in pools.enumerated() {
            let total = poolColumns[poolIndex].reduce(0.0) { $0 + values[$1.column] }
            let share = Double(members.count * instance.workers[members[0]].fairShareDays)
            values[excessVariables[poolIndex]!.index] = max(0, total - share)
        }
        return values
    }

    /// Per-enumerator trips from pooled column values: each pool's trips, in demand order, dealt out in
    /// consecutive blocks of ⌈T/n⌉ (the first T mod n members) or ⌊T/n⌋, so members keep to their days, the
    /// excess is the pool's, and a member's trips lie close together in site order (they merge better).
    public func trips(from values: [Double]) -> [Int] {
        var trips = Array(repeating: 0, count: instance.options.count)
        for (poolIndex, members) in pools.enumerated() {
            let optionOfMember: [[Int: Int]] = members.map { member in
                Dictionary(uniqueKeysWithValues: instance.optionsOfWorker[member].map {
                    (instance.options[$0].demandIndex, $0)
                })
            }
            let counts = poolColumns[poolIndex].map { max(0, Int(values[$0.column].rounded())) }
            let total = counts.reduce(0, +)
            let quotas = members.indices.map { total / members.count + ($0 < total % members.count ? 1 : 0) }
            var member = 0
            var given = 0
            for (entry, count) in zip(poolColumns[poolIndex], counts) {
                for _ in 0..<count {
                    while member < members.count, given >= quotas[member] {
                        member += 1
                        given = 0
                    }
                    guard member < members.count, let option = optionOfMember[member][entry.demand] else { break }
                    trips[option] += 1
                    given += 1
                }
            }
        }
        return trips
    }
}
