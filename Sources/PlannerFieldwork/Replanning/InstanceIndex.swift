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
}
