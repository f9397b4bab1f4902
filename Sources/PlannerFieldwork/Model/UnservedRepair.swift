import PlannerOptimization

/// A last repair for tight instances: the exported MIP with every enumerator far from the unserved units fixed
/// at its current trips, solved again by the MIP solver from the current plan.
///
/// Near full capacity the last unserved units are mostly enterprises, and only the few enterprise-skilled
/// enumerators can visit them; serving them means those enumerators hand households to colleagues who take them
/// over, a move of several trips at once that neither the greedy's chains nor GLPK's search on the whole model
/// find (benchmarks/README.md, tight variant). The free enumerators are those with a trip option on an unserved
/// demand; every other trip column is fixed at its current value. Freeing also their neighbours (whoever can
/// visit a demand they visit now) frees every enumerator of the tight variant, and GLPK then adds nothing in
/// 10 s, while the restricted model is solved to optimality, complete, in about 4 s. Fixing bounds only restricts
/// the exported model, so a repaired plan is still one of its solutions; the steps are deterministic.
///
/// Runs on the per-enumerator model only: a pooled model's columns belong to pools.
public struct UnservedRepair: Sendable {
    private let instance: AssignmentInstance
    private let assignment: AssignmentModel
    private let greedy: GreedyAssignment

    public init(instance: AssignmentInstance, assignment: AssignmentModel, greedy: GreedyAssignment) {
        self.instance = instance
        self.assignment = assignment
        self.greedy = greedy
    }

    /// Worker indices left free around the demands that `trips` leaves short, in index order.
    public func freeWorkers(around trips: [Int]) -> [Int] {
        var covered = Array(repeating: 0, count: instance.demands.count)
        for (option, count) in trips.enumerated() where count > 0 {
            covered[instance.options[option].demandIndex] += count * instance.options[option].visitsPerTrip
        }
        var free = Array(repeating: false, count: instance.workers.count)
        for (demandIndex, demand) in instance.demands.enumerated() where covered[demandIndex] < demand.count {
            for option in instance.optionsOfDemand[demandIndex] { free[instance.options[option].workerIndex] = true }
        }
        return free.indices.filter { free[$0] }
    }

    /// The repaired trips, or nil when the solver found none with fewer unserved units that keeps every bound
    /// and day row.
    public func solve(trips: [Int], solver: some MIPSolver, options: SolverOptions) throws -> [Int]? {
        let before = greedy.unservedUnits(of: trips)
        guard before > 0 else { return nil }
        let free = Set(freeWorkers(around: trips))
        var restricted = assignment.model
        for (option, variable) in assignment.tripVariables.enumerated()
        where !free.contains(instance.options[option].workerIndex) {
            restricted.setBounds(of: variable, lowerBound: Double(trips[option]), upperBound: Double(trips[option]))
        }
        let solution = try solver.solve(restricted, options: options, warmStart: assignment.solutionVector(trips: trips),
                                        progress: nil)
        let result = solution.result
        guard result.status.hasSolution, result.values.count == restricted.variables.count else { return nil }
        let repaired = assignment.trips(from: result.values)
        guard assignment.respectsBoundsAndDays(repaired), greedy.unservedUnits(of: repaired) < before else {
            return nil
        }
        return repaired
    }
}
