import PlannerOptimization

/// A second warm start for tight instances: a dive on the LP relaxation, rounded down and completed by the greedy.
///
/// Near full capacity the greedy's myopic choices (a scarce enterprise-skilled enumerator spending days on
/// households anyone could visit) leave units unserved that a complete plan would serve, and GLPK 5.0's own
/// primal heuristics rarely find that plan (research/solver-bench.md; benchmarks/README.md, tight variant).
/// The LP relaxation sees the whole capacity at once. The dive solves it, fixes every trip column's value rounded
/// down as its new lower bound and rounds up the columns closest to their next integer (only where the
/// enumerator's days allow, so the LP stays feasible), and solves again, until the LP is integral, the round limit
/// or the time is reached. The last LP's trips rounded down keep every column bound and day row; the greedy's
/// construction, descent and repair then fill the days its fractional parts held. The solution stays in the
/// exported model's space (same columns), and every step is deterministic.
///
/// On a pooled model (large instances) only the first LP is rounded down: its columns belong to pools, and
/// its relaxation is already large.
public struct RelaxationRounding: Sendable {
    /// LP solves in one dive at most.
    public static let roundLimit = 40
    /// Columns this close to their next integer are all rounded up in one round.
    static let nearlyIntegral = 0.9
    /// Otherwise the columns with the largest fractional parts, this many per round.
    static let roundUpsPerRound = 4

    private let instance: AssignmentInstance
    private let solved: OneSiteModel
    private let greedy: GreedyAssignment

    /// Dives on the per-enumerator model.
    public init(instance: AssignmentInstance, assignment: AssignmentModel, greedy: GreedyAssignment) {
        self.instance = instance
        self.solved = .perEnumerator(assignment)
        self.greedy = greedy
    }

    /// Rounds the pooled model's first LP: its rounded-down pool trips are dealt to the members as for a MIP
    /// solution.
    public init(instance: AssignmentInstance, pooled: PooledAssignmentModel, greedy: GreedyAssignment) {
        self.instance = instance
        self.solved = .pooled(pooled)
        self.greedy = greedy
    }

    init(instance: AssignmentInstance, solved: OneSiteModel, greedy: GreedyAssignment) {
        self.instance = instance
        self.solved = solved
        self.greedy = greedy
    }

    /// The rounded and completed trips per option, or nil when the solver has no LP relaxation or the first one
    /// did not end optimal within `options.timeLimitSeconds`, which bounds the whole dive.
    public func solve(solver: some MIPSolver, options: SolverOptions) throws -> [Int]? {
        var watch = PlanningWatch.unlimited
        return try solve(solver: solver, options: options, watch: &watch)
    }

    /// `solve(solver:options:)` with the greedy's completion stopped at `watch`'s deadline (it keeps what it has).
    public func solve(solver: some MIPSolver, options: SolverOptions, watch: inout PlanningWatch) throws -> [Int]? {
        let assignment: AssignmentModel
        switch solved {
        case .pooled(let pooled):
            guard let values = try relaxationValues(pooled.model, solver: solver, options: options) else { return nil }
            return greedy.solve(startingFrom: pooled.trips(from: values.map(Self.roundedDown)), watch: &watch)
        case .perEnumerator(let model):
            assignment = model
        }
        // The last optimal LP of the dive (a later round may stop at the time limit).
        var lastValues: [Double]?
        var rounds = 1
        _ = try solver.diveRelaxation(assignment.model, options: options) { result in
            lastValues = result.values
            let roundUps = columnsToRoundUp(result.values, assignment: assignment)
            guard !roundUps.isEmpty, rounds < Self.roundLimit else { return [] }
            rounds += 1
            var lowerBounds = assignment.tripVariables.map { Self.roundedDown(result.values[$0.index]) }
            for option in roundUps { lowerBounds[option] += 1 }
            return assignment.tripVariables.enumerated().map { option, variable in
                BoundChange(variable, lowerBound: lowerBounds[option],
                            upperBound: Double(instance.options[option].maximumTrips))
            }
        }
        guard let lastValues, lastValues.count == assignment.model.variables.count else { return nil }
        return greedy.solve(startingFrom: assignment.trips(from: lastValues.map(Self.roundedDown)), watch: &watch)
    }

    /// A value within 1e-6 below an integer is that integer (simplex values carry rounding noise).
    private static func roundedDown(_ value: Double) -> Double { max(0, (value + 1e-6).rounded(.down)) }

    private func relaxationValues(_ model: MIPModel, solver: some MIPSolver,
                                  options: SolverOptions) throws -> [Double]? {
        guard let relaxation = try solver.solveRelaxation(model, options: options),
              relaxation.status == .optimal, relaxation.values.count == model.variables.count else { return nil }
        return relaxation.values
    }

    /// Trip options to round up next: all within `nearlyIntegral` of their next integer, or else the
    /// `roundUpsPerRound` with the largest fractional parts (ties: option order); only while the enumerator's
    /// rounded-down days plus its round-ups stay within its usable days. Empty when the trips are integral.
    private func columnsToRoundUp(_ values: [Double], assignment: AssignmentModel) -> [Int] {
        var fractional: [(option: Int, part: Double)] = []
        for (option, variable) in assignment.tripVariables.enumerated() {
            let value = values[variable.index]
            let part = value - Self.roundedDown(value)
            if part > 1e-6 { fractional.append((option, part)) }
        }
        fractional.sort { $0.part != $1.part ? $0.part > $1.part : $0.option < $1.option }
        var days = Array(repeating: 0, count: instance.workers.count)
        for (option, variable) in assignment.tripVariables.enumerated() {
            days[instance.options[option].workerIndex] += Int(Self.roundedDown(values[variable.index]))
        }
        var chosen: [Int] = []
        for (option, part) in fractional {
            if chosen.count >= Self.roundUpsPerRound, part < Self.nearlyIntegral { break }
            let worker = instance.options[option].workerIndex
            guard days[worker] < instance.workers[worker].usableDays.count else { continue }
            days[worker] += 1
            chosen.append(option)
        }
        return chosen
    }
}
