/// An instance whose workers are the pools of interchangeable enumerators (`interchangeableGroups`): one worker
/// per pool, with the pool's days (n·d) and fair share (n·f), and the members' options with at most n·d trips each.
///
/// Large instances cannot carry a column per enumerator and day pattern (×10: 817,035 one-site columns before
/// any pattern), but column generation and the dive only need a pool's totals, and they run unchanged on this
/// instance. Both directions are exact:
/// - every per-enumerator plan maps to a pooled plan of no greater cost: days and patterns summed over the
///   members, and Σ max(0, tₑ − f) ≥ max(0, Σ tₑ − n·f), so the pooled LP's bound holds for every plan;
/// - every pooled plan deals back to the members at the same cost (`dealt`): each gets ⌊T/n⌋ or ⌈T/n⌉ ≤ d days,
///   which leaves the excess exactly max(0, T − n·f), as `PooledAssignmentModel.trips(from:)` argues.
struct PooledInstance {
    let original: AssignmentInstance
    /// One worker per pool, in the order of `pools`.
    let instance: AssignmentInstance
    /// Original worker indices of each pool's members.
    let pools: [[Int]]
    /// Per pooled option, the original option of each member of its pool (members share one pricing profile,
    /// hence the same options in the same order).
    let memberOptions: [[Int]]
    /// Per original option, its pooled option.
    let pooledOption: [Int]
    /// Per original worker, its pool (nil for enumerators with no option).
    let poolOfWorker: [Int?]

    init(_ original: AssignmentInstance) {
        self.original = original
        let pools = original.interchangeableGroups()
        self.pools = pools
        var workers: [AssignmentInstance.Worker] = []
        var options: [AssignmentInstance.TripOption] = []
        var memberOptions: [[Int]] = []
        var pooledOption = Array(repeating: -1, count: original.options.count)
        var poolOfWorker = [Int?](repeating: nil, count: original.workers.count)
        for (poolIndex, members) in pools.enumerated() {
            var leader = original.workers[members[0]]
            let days = leader.usableDays.count * members.count
            // Only the count of usable days reaches the models; the dates stay the members' own.
            leader.usableDays = Array(repeating: leader.usableDays, count: members.count).flatMap { $0 }
            leader.fairShareDays *= members.count
            workers.append(leader)
            for member in members { poolOfWorker[member] = poolIndex }
            for (position, option) in original.optionsOfWorker[members[0]].enumerated() {
                var pooled = original.options[option]
                let demand = original.demands[pooled.demandIndex]
                pooled.workerIndex = poolIndex
                pooled.maximumTrips = min((demand.count + pooled.visitsPerTrip - 1) / pooled.visitsPerTrip, days)
                let ofMembers = members.map { original.optionsOfWorker[$0][position] }
                for memberOption in ofMembers { pooledOption[memberOption] = options.count }
                memberOptions.append(ofMembers)
                options.append(pooled)
            }
        }
        instance = AssignmentInstance(parameters: original.parameters, travel: original.travel, workers: workers,
                                      sites: original.sites, demands: original.demands, options: options,
                                      workingDays: original.workingDays, bufferDays: original.bufferDays)
        self.memberOptions = memberOptions
        self.pooledOption = pooledOption
        self.poolOfWorker = poolOfWorker
    }

    /// A plan of days, by option and by pattern.
    struct Days {
        var trips: [Int]
        var patterns: [DayPattern]
        var counts: [Int]
    }

    /// A per-enumerator plan as a pooled one: trips and identical patterns summed over each pool's members.
    func pooled(_ plan: Days) -> Days {
        var trips = Array(repeating: 0, count: instance.options.count)
        for (option, count) in plan.trips.enumerated() where count > 0 && pooledOption[option] >= 0 {
            trips[pooledOption[option]] += count
        }
        var tally = DayPatternTally()
        for (pattern, count) in zip(plan.patterns, plan.counts) where count > 0 {
            guard let pool = poolOfWorker[pattern.workerIndex] else { continue }
            var pooled = pattern
            pooled.workerIndex = pool
            tally.add(pooled, count: count)
        }
        return Days(trips: trips, patterns: tally.patterns, counts: tally.counts)
    }

    /// A pooled plan dealt to the members: each pool's days, ordered by their first site (so that a member's days
    /// lie close together and merge well), in consecutive blocks of ⌈T/n⌉ (the first T mod n members) or ⌊T/n⌋.
    func dealt(_ plan: Days) -> Days {
        enum Column { case trip(Int), pattern(Int) }
        var columnsOfPool = Array(repeating: [(site: Int, column: Column, count: Int)](), count: pools.count)
        for (option, count) in plan.trips.enumerated() where count > 0 {
            let chosen = instance.options[option]
            columnsOfPool[chosen.workerIndex].append((instance.demands[chosen.demandIndex].siteIndex, .trip(option), count))
        }
        for (index, (pattern, count)) in zip(plan.patterns, plan.counts).enumerated() where count > 0 {
            columnsOfPool[pattern.workerIndex].append((pattern.siteOrder.min() ?? 0, .pattern(index), count))
        }
        var trips = Array(repeating: 0, count: original.options.count)
        var tally = DayPatternTally()
        for (poolIndex, members) in pools.enumerated() {
            // Stable: columns of one site keep trips before patterns, each in model order.
            let columns = columnsOfPool[poolIndex].enumerated()
                .sorted { ($0.element.site, $0.offset) < ($1.element.site, $1.offset) }.map(\.element)
            let total = columns.reduce(0) { $0 + $1.count }
            let quotas = members.indices.map { total / members.count + ($0 < total % members.count ? 1 : 0) }
            var member = 0
            var given = 0
            for entry in columns {
                for _ in 0..<entry.count {
                    while member < members.count - 1, given >= quotas[member] {
                        member += 1
                        given = 0
                    }
                    switch entry.column {
                    case .trip(let option):
                        trips[memberOptions[option][member]] += 1
                    case .pattern(let index):
                        var pattern = plan.patterns[index]
                        pattern.workerIndex = members[member]
                        tally.add(pattern)
                    }
                    given += 1
                }
            }
        }
        return Days(trips: trips, patterns: tally.patterns, counts: tally.counts)
    }
}
