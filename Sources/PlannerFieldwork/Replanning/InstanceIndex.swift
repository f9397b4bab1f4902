import PlannerCore

/// Where each unit, enumerator and enumerator–demand option sits in an `AssignmentInstance`: the lookups by
/// which re-planning maps a plan's visits (by unit and enumerator ID) onto the instance's indices.
struct InstanceIndex {
    /// The demand (index into `instance.demands`) each unit belongs to.
    let demandOfUnit: [String: Int]
    let unitsByID: [String: FieldworkUnit]
    /// The worker (index into `instance.workers`) of each enumerator.
    let workerOfEnumerator: [EnumeratorID: Int]
    private let optionOf: [Int: Int]
    private let demandCount: Int

    init(_ instance: AssignmentInstance) {
        var demandOfUnit: [String: Int] = [:]
        var unitsByID: [String: FieldworkUnit] = [:]
        for (index, demand) in instance.demands.enumerated() {
            for unit in demand.units {
                demandOfUnit[unit.id] = index
                unitsByID[unit.id] = unit
            }
        }
        var workerOfEnumerator: [EnumeratorID: Int] = [:]
        for (index, worker) in instance.workers.enumerated() { workerOfEnumerator[worker.enumerator.id] = index }
        var optionOf: [Int: Int] = [:]
        for (index, option) in instance.options.enumerated() {
            optionOf[option.workerIndex * instance.demands.count + option.demandIndex] = index
        }
        self.demandOfUnit = demandOfUnit
        self.unitsByID = unitsByID
        self.workerOfEnumerator = workerOfEnumerator
        self.optionOf = optionOf
        demandCount = instance.demands.count
    }

    /// The option (index into `instance.options`) of a worker for a demand; nil when the worker cannot serve it.
    func option(worker: Int, demand: Int) -> Int? { optionOf[worker * demandCount + demand] }

    /// An enumerator-day of a plan as the instance sees it: its visits per demand.
    struct PlannedDay {
        var worker: Int
        var date: CalendarDate
        /// Visits per demand index.
        var visits: [Int: Int]
    }

    /// A plan's enumerator-days, by worker and date: only the visits of units still to visit, by a worker on one
    /// of its usable days, to a demand it can serve.
    func plannedDays(of visits: [VisitAssignment], in instance: AssignmentInstance) -> [PlannedDay] {
        struct Key: Hashable, Comparable {
            var worker: Int
            var date: CalendarDate
            static func < (lhs: Key, rhs: Key) -> Bool { (lhs.worker, lhs.date) < (rhs.worker, rhs.date) }
        }
        var days: [Key: [Int: Int]] = [:]
        for visit in visits {
            guard let demand = demandOfUnit[visit.unitID], let worker = workerOfEnumerator[visit.enumeratorID],
                  instance.workers[worker].usableDays.contains(visit.date),
                  option(worker: worker, demand: demand) != nil else { continue }
            days[Key(worker: worker, date: visit.date), default: [:]][demand, default: 0] += 1
        }
        return days.keys.sorted().map { PlannedDay(worker: $0.worker, date: $0.date, visits: days[$0]!) }
    }
}
