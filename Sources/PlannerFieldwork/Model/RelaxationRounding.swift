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
/// On a pooled model (large instances) the dive runs on the pool columns, a pool's days being its members' together,
/// and each round rounds up every column at least half way to its next integer (or else the four with the largest
/// fractional parts): its LP is nearly integral but large (559 fractional columns of 47,248 at ×10), and rounding
/// four at a time left the start where the first LP rounded down had (0.6 % above the optimum). Measured with the
/// default gap of 0.5 %, which the dive's start then meets: ×10 26.4 s → 12.6 s of planning (printed objective
/// 117,813.7 → 117,741.1), ×20 117.3 s (cut by its 120 s limit) → 53.1 s (239,088.4 → 238,295.9); ×5, where
/// GLPK found the optimum from the greedy's start at once, 2.2 s → 2.9 s (58,100.3 → 58,216.0, within the gap).
public struct RelaxationRounding: Sendable {
    /// LP solves in one dive at most.
    public static let roundLimit = 40
    /// Columns this close to their next integer are all rounded up in one round.
    static let nearlyIntegral = 0.9
    /// On a pooled model, columns at least half way to their next integer are all rounded up in one round: its LP
    /// is nearly integral but large, and four at a time left the start where the first LP rounded down had.
    static let roundAllPoolColumnsFrom = 0.5
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

    /// What a dive gives: a start, and the bound its first LP proves.
    public struct Start: Sendable, Hashable {
        /// The rounded and completed trips per option.
        public var trips: [Int]
        /// The optimum of the model's LP relaxation (the dive's first LP), a lower bound on every solution of the
        /// model: with it a start is known to be within a gap without asking the MIP solver (`OneSiteStage`).
        public var relaxationBound: Double
    }

    /// The rounded and completed trips per option, or nil when the solver has no LP relaxation or the first one
    /// did not end optimal within `options.timeLimitSeconds`, which bounds the whole dive.
    public func solve(solver: some MIPSolver, options: SolverOptions) throws -> [Int]? {
        var watch = PlanningWatch.unlimited
        return try start(solver: solver, options: options, watch: &watch)?.trips
    }

    /// `solve(solver:options:)` with the greedy's completion stopped at `watch`'s deadline (it keeps what it has),
    /// and the first LP's optimum beside the start.
    public func start(solver: some MIPSolver, options: SolverOptions, watch: inout PlanningWatch) throws -> Start? {
        switch solved {
        case .pooled(let pooled):
            let entries = pooled.poolColumns.enumerated().flatMap { pool, columns in columns.map { (pool, $0.column) } }
            let columns = DiveColumns(
                variables: entries.map { MIPModel.VariableID(index: $0.1) }, group: entries.map(\.0),
                upperBounds: entries.map { pooled.model.variables[$0.1].upperBound },
                groupDays: pooled.pools.map { $0.count * instance.workers[$0[0]].usableDays.count },
                roundAllFrom: Self.roundAllPoolColumnsFrom)
            guard let dived = try dive(pooled.model, columns, solver: solver, options: options) else { return nil }
            return Start(trips: greedy.solve(startingFrom: pooled.trips(from: dived.values.map(Self.roundedDown)),
                                             watch: &watch),
                         relaxationBound: dived.relaxationBound)
        case .perEnumerator(let assignment):
            let columns = DiveColumns(
                variables: assignment.tripVariables, group: instance.options.map(\.workerIndex),
                upperBounds: instance.options.map { Double($0.maximumTrips) },
                groupDays: instance.workers.map(\.usableDays.count), roundAllFrom: Self.nearlyIntegral)
            guard let dived = try dive(assignment.model, columns, solver: solver, options: options) else { return nil }
            return Start(trips: greedy.solve(startingFrom: assignment.trips(from: dived.values.map(Self.roundedDown)),
                                             watch: &watch),
                         relaxationBound: dived.relaxationBound)
        }
    }

    /// The integer columns a dive rounds, each with the group whose days it spends (an enumerator, or a pool).
    private struct DiveColumns {
        var variables: [MIPModel.VariableID]
        var group: [Int]
        var upperBounds: [Double?]
        /// Usable days of each group: its rounded-down columns plus its round-ups stay within them.
        var groupDays: [Int]
        /// Columns at least this far to their next integer are all rounded up in one round.
        var roundAllFrom: Double
    }

    /// The dive: the last optimal LP's values (a later round may stop at the time limit) and the first LP's
    /// objective, or nil when the first LP did not end optimal.
    private func dive(_ model: MIPModel, _ columns: DiveColumns, solver: some MIPSolver,
                      options: SolverOptions) throws -> (values: [Double], relaxationBound: Double)? {
        var lastValues: [Double]?
        var relaxationBound: Double?
        var rounds = 1
        _ = try solver.diveRelaxation(model, options: options) { result in
            lastValues = result.values
            if relaxationBound == nil { relaxationBound = result.objective }
            let roundUps = Self.columnsToRoundUp(result.values, columns)
            guard !roundUps.isEmpty, rounds < Self.roundLimit else { return [] }
            rounds += 1
            var lowerBounds = columns.variables.map { Self.roundedDown(result.values[$0.index]) }
            for position in roundUps { lowerBounds[position] += 1 }
            return columns.variables.indices.map {
                BoundChange(columns.variables[$0], lowerBound: lowerBounds[$0], upperBound: columns.upperBounds[$0])
            }
        }
        guard let lastValues, lastValues.count == model.variables.count, let relaxationBound else { return nil }
        return (lastValues, relaxationBound)
    }

    /// A value within 1e-6 below an integer is that integer (simplex values carry rounding noise).
    private static func roundedDown(_ value: Double) -> Double { max(0, (value + 1e-6).rounded(.down)) }

    /// Columns (positions in `columns`) to round up next: all at least `roundAllFrom` of the way to their next
    /// integer, or else the `roundUpsPerRound` with the largest fractional parts (ties: position); only while the
    /// group's rounded-down days plus its round-ups stay within its usable days. Empty when the columns are
    /// integral.
    private static func columnsToRoundUp(_ values: [Double], _ columns: DiveColumns) -> [Int] {
        var fractional: [(position: Int, part: Double)] = []
        var days = Array(repeating: 0, count: columns.groupDays.count)
        for (position, variable) in columns.variables.enumerated() {
            let value = values[variable.index]
            let part = value - roundedDown(value)
            if part > 1e-6 { fractional.append((position, part)) }
            days[columns.group[position]] += Int(roundedDown(value))
        }
        fractional.sort { $0.part != $1.part ? $0.part > $1.part : $0.position < $1.position }
        var chosen: [Int] = []
        for (position, part) in fractional {
            if chosen.count >= roundUpsPerRound, part < columns.roundAllFrom { break }
            let group = columns.group[position]
            guard days[group] < columns.groupDays[group] else { continue }
            days[group] += 1
            chosen.append(position)
        }
        return chosen
    }
}
