import PlannerCore
import PlannerOptimization

/// The day-trip MIP of a re-plan too large for one column per enumerator: `PooledAssignmentModel` over the
/// re-plan window, plus the trips each member keeps of his own previous ones, priced as `StableAssignmentModel`
/// prices the per-enumerator model.
///
/// Pools are a first plan's, formed over the window: an enumerator who dropped out has no usable day left, hence
/// no option and no pool. Only what the previous plan gave a member is per member, so the model stays the pooled
/// size (at ×10, a few thousand kept columns beside a pooled model of tens of thousands):
///
/// - for each member e and pool column c (pool, site, kind of work) where e held p_ec > 0 previous trips, an
///   integer `kept_ec ∈ [0, p_ec]`; rows Σ_e kept_ec ≤ Y_c (kept trips are pool trips) and Σ_c kept_ec ≤ d (his
///   usable days);
/// - for each pool column with P_c = Σ_e p_ec > 0, a continuous `dropped_c ≥ 0` at the change cost and the row
///   dropped_c + Σ_e kept_ec ≥ P_c; Y_c's bound ⌈units / visits per trip⌉ is raised to P_c where the previous plan
///   held more trips than that (split visits): keeping them is worth the change cost;
/// - for each such member a continuous `keptexcess_e ≥ Σ_c kept_ec − f` (f: his fair share), and the pool's
///   excess row excess ≥ Σ_e keptexcess_e beside the pooled model's excess ≥ T − n·f.
///
/// **Exact.** A per-enumerator solution y maps here with kept_ec = min(y_ec, p_ec), Y_c = Σ_e y_ec at the same
/// cost: travel and unserved units are sums; dropped_c = Σ_e (p_ec − y_ec)⁺; and Σ_e (t_e − f)⁺ ≥
/// max(Σ_e (kept_e − f)⁺, T − n·f) for the excess days (t_e ≥ kept_e). (The raised bound loses no optimum: a
/// per-enumerator column above both ⌈units / visits per trip⌉ and P_c can give back a trip nobody keeps without
/// raising the objective.) Conversely `deal(_:)` turns any solution here into per-enumerator trips costing no
/// more: each member first gets his kept trips (within his days), then the rest of the pool's trips fill members
/// up to max(f, kept_e) and only then beyond, so the excess days are exactly max(Σ_e (kept_e − f)⁺, T − n·f), and
/// every previous trip not kept is charged here already. So both models have the same optimum, and a solution's
/// objective here bounds that of its dealt plan.
struct PooledStableAssignmentModel {
    let pooled: PooledAssignmentModel
    let model: MIPModel
    let instance: AssignmentInstance
    let costs: AssignmentCosts
    /// Previous day-trips per per-enumerator option, as `Replanner.previousTrips` counts them.
    let previousTrips: [Int]

    /// A pool column with what the warm start and the deal need to know of it.
    struct TripColumn {
        var column: Int
        var pool: Int
        /// Its position among the pool's columns (and each member's options).
        var position: Int
        var demand: Int
        var perTrip: Int
        var minutes: Double
        var upperBound: Int
        /// Previous trips of the pool's members for this demand.
        var previous: Int
        var dropped: MIPModel.VariableID?
    }
    /// A member's previous trips of one pool column: how many he keeps is a column.
    struct KeptColumn {
        var variable: MIPModel.VariableID
        /// The member's position in his pool.
        var member: Int
        /// Its pool column, as an index into `tripColumns`.
        var trip: Int
        var option: Int
        var previous: Int
    }
    /// Every pool column, pool by pool in their column order.
    let tripColumns: [TripColumn]
    /// The positions in `tripColumns` of each pool's columns.
    let columnsOfPool: [Range<Int>]
    /// Every kept column, pool by pool, member by member.
    let keptColumns: [KeptColumn]
    /// The positions in `keptColumns` of each pool's kept columns.
    let keptOfPool: [Range<Int>]
    /// The `keptexcess` column of each member with kept columns, by pool and member position.
    private let keptExcess: [[MIPModel.VariableID?]]

    init(pooled: PooledAssignmentModel, instance: AssignmentInstance, costs: AssignmentCosts, previousTrips: [Int],
         changedTripMinutes: Double) {
        self.pooled = pooled
        self.instance = instance
        self.costs = costs
        self.previousTrips = previousTrips
        var model = pooled.model
        model.name = "fieldwork_replan_day_trips_pooled"
        var names = ModelNames()
        var columns: [TripColumn] = []
        var ranges: [Range<Int>] = []
        var kept: [KeptColumn] = []
        var keptRanges: [Range<Int>] = []
        var keptExcess: [[MIPModel.VariableID?]] = []
        for (poolIndex, members) in pooled.pools.enumerated() {
            let firstColumn = columns.count, firstKept = kept.count
            let leader = instance.workers[members[0]]
            let leaderOptions = instance.optionsOfWorker[members[0]]
            var keptOfColumn: [[Int]] = []
            var keptOfMember = Array(repeating: [Int](), count: members.count)
            for (position, entry) in pooled.poolColumns[poolIndex].enumerated() {
                let option = instance.options[leaderOptions[position]]
                let demand = instance.demands[entry.demand]
                let site = instance.site(of: demand).id
                var own: [Int] = []
                var previous = 0
                for (member, worker) in members.enumerated() {
                    guard let memberOption = Self.option(instance, worker: worker, position: position,
                                                         demand: entry.demand),
                          previousTrips[memberOption] > 0 else { continue }
                    let count = previousTrips[memberOption]
                    let variable = model.addVariable(
                        names.make("kept", instance.workers[worker].enumerator.id.rawValue, site, demand.kind.code),
                        kind: .integer, lowerBound: 0, upperBound: Double(count), objective: 0)
                    own.append(kept.count)
                    keptOfMember[member].append(kept.count)
                    kept.append(KeptColumn(variable: variable, member: member, trip: columns.count,
                                           option: memberOption, previous: count))
                    previous += count
                }
                keptOfColumn.append(own)
                var upperBound = Int(model.variables[entry.column].upperBound ?? 0)
                var dropped: MIPModel.VariableID?
                if previous > 0 {
                    let variable = MIPModel.VariableID(index: entry.column)
                    if previous > upperBound {
                        upperBound = previous
                        model.setBounds(of: variable, lowerBound: 0, upperBound: Double(previous))
                    }
                    let label = String(model.variables[entry.column].name.dropFirst(2))
                    let droppedVariable = model.addVariable(names.make("dropped", label), kind: .continuous,
                                                            lowerBound: 0, upperBound: Double(previous),
                                                            objective: changedTripMinutes)
                    let keptTerms = own.map { MIPModel.Term(kept[$0].variable, 1) }
                    model.addConstraint(names.make("keep", label), keptTerms + [MIPModel.Term(droppedVariable, 1)],
                                        lowerBound: Double(previous))
                    model.addConstraint(names.make("kepttrips", label), keptTerms + [MIPModel.Term(variable, -1)],
                                        upperBound: 0)
                    dropped = droppedVariable
                }
                columns.append(TripColumn(column: entry.column, pool: poolIndex, position: position,
                                          demand: entry.demand, perTrip: option.visitsPerTrip,
                                          minutes: option.roundTripMinutes, upperBound: upperBound,
                                          previous: previous, dropped: dropped))
            }
            var excessOfMember: [MIPModel.VariableID?] = Array(repeating: nil, count: members.count)
            for (member, own) in keptOfMember.enumerated() where !own.isEmpty {
                let id = instance.workers[members[member]].enumerator.id.rawValue
                let terms = own.map { MIPModel.Term(kept[$0].variable, 1) }
                model.addConstraint(names.make("keptdays", id), terms, upperBound: Double(leader.usableDays.count))
                let excess = model.addVariable(names.make("keptexcess", id), kind: .continuous, lowerBound: 0,
                                               upperBound: nil, objective: 0)
                model.addConstraint(names.make("keptbalance", id), terms + [MIPModel.Term(excess, -1)],
                                    upperBound: Double(leader.fairShareDays))
                excessOfMember[member] = excess
            }
            let memberExcess = excessOfMember.compactMap { $0 }
            if !memberExcess.isEmpty, let poolExcess = pooled.excessVariables[poolIndex] {
                let label = members.count == 1 ? leader.enumerator.id.rawValue
                    : "\(leader.enumerator.id.rawValue)_x\(members.count)"
                model.addConstraint(names.make("poolexcess", label),
                                    [MIPModel.Term(poolExcess, 1)] + memberExcess.map { MIPModel.Term($0, -1) },
                                    lowerBound: 0)
            }
            keptExcess.append(excessOfMember)
            ranges.append(firstColumn..<columns.count)
            keptRanges.append(firstKept..<kept.count)
        }
        self.model = model
        self.tripColumns = columns
        self.columnsOfPool = ranges
        self.keptColumns = kept
        self.keptOfPool = keptRanges
        self.keptExcess = keptExcess
    }

    /// A member's option at a position of his pool's columns (members share one pricing profile, so the same
    /// options in the same order); nil if that ever failed to hold.
    private static func option(_ instance: AssignmentInstance, worker: Int, position: Int, demand: Int) -> Int? {
        let options = instance.optionsOfWorker[worker]
        guard position < options.count, instance.options[options[position]].demandIndex == demand else { return nil }
        return options[position]
    }

    /// A choice in this model: trips per pool column and trips kept per kept column (indexed as `tripColumns`
    /// and `keptColumns`).
    struct Choice: Equatable {
        var trips: [Int]
        var kept: [Int]
    }

    /// The full column vector of a choice, with unserved units, excess days and dropped trips at their least
    /// values.
    func solutionVector(_ choice: Choice) -> [Double] {
        var values = Array(repeating: 0.0, count: model.variables.count)
        var covered = Array(repeating: 0, count: instance.demands.count)
        for (column, count) in zip(tripColumns, choice.trips) {
            values[column.column] = Double(count)
            covered[column.demand] += count * column.perTrip
        }
        var keptOfColumn = Array(repeating: 0, count: tripColumns.count)
        for (column, count) in zip(keptColumns, choice.kept) {
            values[column.variable.index] = Double(count)
            keptOfColumn[column.trip] += count
        }
        for (position, column) in tripColumns.enumerated() {
            guard let dropped = column.dropped else { continue }
            values[dropped.index] = Double(max(0, column.previous - keptOfColumn[position]))
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            values[pooled.unservedVariables[demandIndex].index] = Double(max(0, demand.count - covered[demandIndex]))
        }
        for (poolIndex, members) in pooled.pools.enumerated() {
            let share = instance.workers[members[0]].fairShareDays
            var keptDays = Array(repeating: 0, count: members.count)
            for position in keptOfPool[poolIndex] { keptDays[keptColumns[position].member] += choice.kept[position] }
            var memberExcess = 0
            for (member, excess) in keptExcess[poolIndex].enumerated() {
                guard let excess else { continue }
                values[excess.index] = Double(max(0, keptDays[member] - share))
                memberExcess += max(0, keptDays[member] - share)
            }
            let total = columnsOfPool[poolIndex].reduce(0) { $0 + choice.trips[$1] }
            if let excess = pooled.excessVariables[poolIndex] {
                values[excess.index] = Double(max(memberExcess, total - members.count * share, 0))
            }
        }
        return values
    }

    /// The choice in a solution vector of `model`.
    func choice(from values: [Double]) -> Choice {
        Choice(trips: tripColumns.map { max(0, Int(values[$0.column].rounded())) },
               kept: keptColumns.map { max(0, Int(values[$0.variable.index].rounded())) })
    }

    /// Whether a choice keeps every column bound, every pool's and member's day row, and keeps no more trips of a
    /// pool column than the pool makes: all `deal(_:)` relies on.
    func respectsBoundsAndDays(_ choice: Choice) -> Bool {
        guard choice.trips.count == tripColumns.count, choice.kept.count == keptColumns.count else { return false }
        var keptOfColumn = Array(repeating: 0, count: tripColumns.count)
        for (column, count) in zip(keptColumns, choice.kept) {
            guard (0...column.previous).contains(count) else { return false }
            keptOfColumn[column.trip] += count
        }
        for (poolIndex, members) in pooled.pools.enumerated() {
            let usable = instance.workers[members[0]].usableDays.count
            var days = 0
            for position in columnsOfPool[poolIndex] {
                guard (0...tripColumns[position].upperBound).contains(choice.trips[position]),
                      keptOfColumn[position] <= choice.trips[position] else { return false }
                days += choice.trips[position]
            }
            if days > members.count * usable { return false }
            var keptDays = Array(repeating: 0, count: members.count)
            for position in keptOfPool[poolIndex] { keptDays[keptColumns[position].member] += choice.kept[position] }
            if keptDays.contains(where: { $0 > usable }) { return false }
        }
        return true
    }

    /// The objective of a choice in this model.
    func objective(of choice: Choice) -> Double { model.objectiveValue(of: solutionVector(choice)) }

    /// The warm start, built on pools (the per-enumerator warm start scans every option of a demand for each trip
    /// it adds): every member keeps his previous trips within his usable days (his last columns cut first), the
    /// pools make those trips, and each demand's uncovered units go to its cheapest pool columns with room and
    /// days left. Feasible by construction.
    func warmStart() -> Choice {
        var kept = keptColumns.map(\.previous)
        var trips = Array(repeating: 0, count: tripColumns.count)
        var daysLeft = pooled.pools.map { $0.count * instance.workers[$0[0]].usableDays.count }
        for (poolIndex, members) in pooled.pools.enumerated() {
            let usable = instance.workers[members[0]].usableDays.count
            var keptDays = Array(repeating: 0, count: members.count)
            for position in keptOfPool[poolIndex] { keptDays[keptColumns[position].member] += kept[position] }
            for position in keptOfPool[poolIndex].reversed() where keptDays[keptColumns[position].member] > usable {
                let member = keptColumns[position].member
                let cut = min(kept[position], keptDays[member] - usable)
                kept[position] -= cut
                keptDays[member] -= cut
            }
            for position in keptOfPool[poolIndex] {
                trips[keptColumns[position].trip] += kept[position]
                daysLeft[poolIndex] -= kept[position]
            }
        }
        var columnsOfDemand = Array(repeating: [Int](), count: instance.demands.count)
        for (position, column) in tripColumns.enumerated() { columnsOfDemand[column.demand].append(position) }
        for (demandIndex, demand) in instance.demands.enumerated() {
            var uncovered = demand.count - columnsOfDemand[demandIndex].reduce(0) {
                $0 + trips[$1] * tripColumns[$1].perTrip
            }
            let cheapestFirst = columnsOfDemand[demandIndex].sorted {
                (tripColumns[$0].minutes, $0) < (tripColumns[$1].minutes, $1)
            }
            for position in cheapestFirst where uncovered > 0 {
                let column = tripColumns[position]
                let added = min((uncovered + column.perTrip - 1) / column.perTrip, column.upperBound - trips[position],
                                daysLeft[column.pool])
                guard added > 0 else { continue }
                trips[position] += added
                daysLeft[column.pool] -= added
                uncovered -= added * column.perTrip
            }
        }
        return Choice(trips: trips, kept: kept)
    }

    /// Per-enumerator trips dealt from a choice that keeps `respectsBoundsAndDays`. Each member first gets his
    /// kept trips, so kept work stays with its enumerator (and `ReplanScheduler` keeps it on its date where it
    /// can). Each member's days are then planned: up to max(f, kept) for all, lowest first, and only then beyond,
    /// lowest first, up to his usable days; those totals add up to the pool's. The pool's other trips go out in
    /// consecutive blocks (members in ID order, columns in demand order: a member's new trips lie close together
    /// and merge better) to members below their total. No member goes above his usable days or an option's
    /// bound, and the excess days are those of the model (see the type's comment).
    func deal(_ choice: Choice) -> [Int] {
        var trips = Array(repeating: 0, count: instance.options.count)
        for (poolIndex, members) in pooled.pools.enumerated() {
            let usable = instance.workers[members[0]].usableDays.count
            let share = instance.workers[members[0]].fairShareDays
            var load = Array(repeating: 0, count: members.count)
            var rest = columnsOfPool[poolIndex].map { choice.trips[$0] }
            let first = columnsOfPool[poolIndex].lowerBound
            for position in keptOfPool[poolIndex] {
                let column = keptColumns[position]
                let count = min(choice.kept[position], rest[column.trip - first])
                trips[column.option] += count
                load[column.member] += count
                rest[column.trip - first] -= count
            }
            var days = load
            var unplanned = rest.reduce(0, +)
            let caps: [(Int) -> Int] = [{ max(share, load[$0]) }, { _ in usable }]
            for cap in caps {
                while unplanned > 0 {
                    let open = members.indices.filter { days[$0] < cap($0) }
                    guard let lowest = open.min(by: { (days[$0], $0) < (days[$1], $1) }) else { break }
                    days[lowest] += 1
                    unplanned -= 1
                }
            }
            var member = 0
            for (offset, count) in rest.enumerated() where count > 0 {
                let position = first + offset
                for _ in 0..<count {
                    while member < members.count, load[member] >= days[member] { member += 1 }
                    // A column whose bound was raised for split previous trips can leave a member at his
                    // option's bound: then any member below his total, else with a usable day, takes the trip.
                    func open(_ candidate: Int, below limit: Int) -> Int? {
                        guard load[candidate] < limit,
                              let chosen = Self.option(instance, worker: members[candidate],
                                                       position: tripColumns[position].position,
                                                       demand: tripColumns[position].demand),
                              trips[chosen] < instance.options[chosen].maximumTrips else { return nil }
                        return chosen
                    }
                    var taker = member < members.count ? open(member, below: days[member]).map { (member, $0) } : nil
                    if taker == nil {
                        taker = members.indices.lazy.compactMap { candidate in
                            open(candidate, below: days[candidate]).map { (candidate, $0) }
                        }.first ?? members.indices.lazy.compactMap { candidate in
                            open(candidate, below: usable).map { (candidate, $0) }
                        }.first
                    }
                    guard let (receiver, chosen) = taker else { break }
                    trips[chosen] += 1
                    load[receiver] += 1
                }
            }
        }
        return trips
    }
}
