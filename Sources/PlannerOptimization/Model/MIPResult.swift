/// Why a solve stopped, as every backend reports it.
///
/// An infeasible or time-limited solve is an answer, not an error: only a model that cannot be handed to the
/// solver, or a solver that breaks, throws.
public enum TerminationStatus: Sendable, Hashable {
    /// Proven optimal within the solver's integrality tolerance.
    case optimal
    /// A feasible solution, not proven optimal, because the solve stopped at a limit.
    case feasible(StopReason)
    /// Proven to have no feasible solution.
    case infeasible
    /// The objective is unbounded (or the LP relaxation is, with no integer solution known).
    case unbounded
    /// Stopped at a limit before any feasible solution was found; feasibility is unknown.
    case noSolutionFound(StopReason)
    /// The solver failed; the message says how.
    case failure(String)

    public enum StopReason: String, Sendable, Hashable {
        case timeLimit = "time_limit"
        case gapLimit = "gap_limit"
        case interrupted
    }

    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: return true
        default: return false
        }
    }

    /// Whether the solve ended on its time limit (with or without a solution).
    public var stoppedAtTimeLimit: Bool {
        switch self {
        case .feasible(.timeLimit), .noSolutionFound(.timeLimit): true
        default: false
        }
    }

    /// A stable name for manifests and logs: `optimal`, `feasible_time_limit`, `infeasible`, ….
    public var name: String {
        switch self {
        case .optimal: return "optimal"
        case .feasible(let reason): return "feasible_\(reason.rawValue)"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .noSolutionFound(let reason): return "no_solution_\(reason.rawValue)"
        case .failure: return "failure"
        }
    }
}

/// What a solve produced.
public struct MIPResult: Sendable, Hashable {
    public var status: TerminationStatus
    /// The objective of `values`, constant included; nil without a solution.
    public var objective: Double?
    /// The best proven bound on the optimum (a lower bound when minimising), constant included; nil if none is
    /// known. Kept after a limit even without a solution; equal to `objective` when optimal.
    public var bestBound: Double?
    /// |objective − bestBound| / (|objective| + DBL_EPSILON), as GLPK defines it; 0 when optimal, nil without a
    /// solution or without a bound.
    public var relativeGap: Double?
    /// One value per model variable, in model order; empty without a solution.
    public var values: [Double]
    /// For an LP relaxation solved to optimality, one dual value (shadow price) per constraint in model order,
    /// when the backend provides them; empty otherwise. Signs as for minimisation: ≥ 0 on a binding ≥ row,
    /// ≤ 0 on a binding ≤ row, so that a column's reduced cost is c_j − Σ_i a_ij·dual_i.
    public var rowDuals: [Double] = []
    public var seconds: Double

    public init(status: TerminationStatus, objective: Double?, bestBound: Double?, relativeGap: Double?,
                values: [Double], seconds: Double) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.values = values
        self.seconds = seconds
    }

    public func value(of variable: MIPModel.VariableID) -> Double? {
        values.indices.contains(variable.index) ? values[variable.index] : nil
    }
}

/// A snapshot of a running solve, for progress lines.
///
/// Incumbent and bound are in the model's objective, constant included; the gap is nil without an incumbent.
public struct SolveProgress: Sendable, Hashable {
    public var incumbent: Double?
    public var bestBound: Double?
    public var relativeGap: Double?
    public var elapsedSeconds: Double
    /// Active nodes of the branch-and-bound tree.
    public var openNodes: Int
    /// What is being done when it is not branch-and-bound (e.g. "column generation, round 7"); nil in a
    /// solver's own search.
    public var activity: String?

    public init(incumbent: Double?, bestBound: Double?, relativeGap: Double?, elapsedSeconds: Double,
                openNodes: Int, activity: String? = nil) {
        self.incumbent = incumbent
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.elapsedSeconds = elapsedSeconds
        self.openNodes = openNodes
        self.activity = activity
    }
}

/// How long to search and when to stop, in terms every backend understands.
///
/// Knobs of one backend (GLPK's presolver and cut families, for instance) belong to that backend's own
/// configuration, so that a model's caller never names a particular solver.
public struct SolverOptions: Sendable, Hashable {
    /// Wall-clock limit for the whole solve; `.infinity` for none. Negative or NaN values are refused.
    public var timeLimitSeconds: Double
    /// Stop when the relative gap falls to this value.
    public var relativeGap: Double
    /// Let the solver print its own log to the terminal.
    public var solverOutput: Bool
    /// Stop after this many branch-and-bound nodes (nil: no limit). Unlike a time limit, it stops a search at
    /// the same point on every run, so that a plan made under it is reproducible; the result is then
    /// `feasible(.interrupted)` (or `noSolutionFound(.interrupted)`).
    public var nodeLimit: Int?
    /// Stop once this many branch-and-bound nodes have passed since the incumbent last improved (the warm start
    /// counts as one); nil: no such limit. Like `nodeLimit` it ends a search at the same point on every run; it
    /// ends early a search that has stopped finding anything (`feasible(.interrupted)` as well).
    public var stallNodeLimit: Int?
    /// What the branch-and-bound is for; the backend picks its branching and node order to match.
    public var focus: SearchFocus

    public init(timeLimitSeconds: Double = 60, relativeGap: Double = 0.005, solverOutput: Bool = false,
                nodeLimit: Int? = nil, stallNodeLimit: Int? = nil, focus: SearchFocus = .bound) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.solverOutput = solverOutput
        self.nodeLimit = nodeLimit
        self.stallNodeLimit = stallNodeLimit
        self.focus = focus
    }
}

/// What a branch-and-bound search should spend its nodes on.
public enum SearchFocus: String, Sendable, Hashable {
    /// The solver's own defaults, made for closing the gap: a search run to optimality or to its gap.
    case bound
    /// Cheaper solutions than the warm start within a few hundred nodes: a search that a node limit will end
    /// long before it could prove anything (the pieces of a neighbourhood search, a re-plan from the previous
    /// plan). Backends branch on pseudocosts and take next the node whose projected objective is best.
    case incumbent
}

/// A MIP solver. Solving is synchronous and confined to the calling thread.
public protocol MIPSolver: Sendable {
    /// Which backend and version solved: recorded in manifests so that a plan says what produced it.
    var identity: SolverIdentity { get }

    /// Solves `model`. `warmStart`, one value per variable, is checked against the model and, if feasible,
    /// handed to the solver as its first incumbent; an infeasible warm start is ignored (and reported through
    /// the returned `warmStartAccepted`).
    ///
    /// - Throws: `ModelError` when the model is malformed, `SolverError` when the options are unusable; the solver
    ///   sees neither. A solver that fails mid-solve is a result with status `.failure`.
    func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
               progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution

    /// Solves the LP relaxation of `model` (integrality dropped), for heuristics that round it; nil when the
    /// backend has no LP solver (the default). A result has status `.optimal` with values, or says why not.
    ///
    /// - Throws: as `solve`.
    func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult?

    /// Solves the LP relaxation again and again as `next` changes it: hands each optimal result to `next`, adds
    /// the columns and applies the bound changes it returns, and solves again, until `next` returns no change,
    /// an LP does not end optimal, or `options.timeLimitSeconds` (for the whole sequence) runs out. Returns the
    /// last LP's result, whose values cover the columns added so far; nil when the backend has no LP solver.
    /// Column generation and diving are both such sequences. The default re-solves a modified copy of the model
    /// each time; a backend may keep its problem and basis between solves (GLPK does: a few pivots where a fresh
    /// solve takes thousands).
    ///
    /// - Throws: as `solve`, also when a change makes the model malformed (a lower bound above the upper one,
    ///   a column naming an unknown row or reusing a name).
    func iterateRelaxation(_ model: MIPModel, options: SolverOptions,
                           next: (MIPResult) -> RelaxationChange) throws -> MIPResult?
}

/// A result plus what happened to the warm start.
public struct MIPSolution: Sendable, Hashable {
    public var result: MIPResult
    /// nil when no warm start was given.
    public var warmStartAccepted: Bool?

    public init(result: MIPResult, warmStartAccepted: Bool?) {
        self.result = result
        self.warmStartAccepted = warmStartAccepted
    }
}
