import PlannerOptimization

/// What the solver did with the exported model, for the plan's manifest.
public struct SolverStatistics: Hashable, Sendable, Codable {
    /// Where the chosen day-trips came from.
    public enum Source: String, Hashable, Sendable, Codable {
        /// The solver's solution (possibly the warm start it kept).
        case solver
        /// The greedy heuristic, because the solver returned nothing better.
        case heuristic
        /// The dive on the day-pattern LP (rounded step by step to an integral plan, with the solver's simplex).
        case lpDive = "lp_dive"
        /// No units: nothing to solve.
        case empty
    }

    /// `TerminationStatus.name`: `optimal`, `feasible_time_limit`, `no_solution_time_limit`, ….
    public var statusName: String
    /// The solver's objective for the exported model; nil without a solution.
    public var mipObjective: Double?
    public var bestBound: Double?
    public var relativeGap: Double?
    /// The whole planning step: greedy start, pattern generation, dive, neighbourhood search and MIP solves.
    /// (It was the last MIP solve's time alone, which read as "1 s" after half a minute of work.)
    public var seconds: Double
    /// The backend that solved, e.g. GLPK 5.0.
    public var backend: SolverIdentity
    /// Whether the solver took the heuristic's warm start; nil when none was given.
    public var warmStartAccepted: Bool?
    /// The exported model's objective at the heuristic's solution.
    public var heuristicObjective: Double
    /// The exported model's objective at the day-trips the plan is built from.
    public var chosenObjective: Double
    public var source: Source
    /// Day patterns (multi-site or mixed-work days) offered to the solver, and the column-generation rounds
    /// that found them.
    public var patternColumns: Int = 0
    /// True when a time limit, not a deterministic rule (convergence, round and node limits), ended a stage:
    /// the plan may then differ on a faster or idler machine. Not kept in `fieldwork.json` (like `seconds`), so
    /// that a plan's record depends on its inputs only; the manifest carries it.
    public var stoppedByTimeLimit: Bool?
    public var generationRounds: Int = 0
    /// A lower bound on the objective of every plan (all priced day patterns, not only those offered): the column
    /// generation's LP's, or on pooled plans the day-capacity LP's (`DayCapacityBound`); nil when none was computed
    /// (a pooled plan whose time limit left that LP no time).
    public var lowerBound: Double?
    /// The fewest units any plan must leave unserved, proven by that LP's bounds and by a count of working minutes
    /// (`AssignmentInstance.unservedByCapacity`, the only proof of pooled models); 0 when they rule nothing out.
    public var unservedLowerBound: Int?
    /// The objective re-costed on the printed routes (travel + balance + penalty): what the plan really costs,
    /// after sites left empty were dropped, days merged and free room offered to leftover units.
    public var printedObjective: Double?
    /// Visits added after the solve on room the solution left free.
    public var visitsAddedAfterSolve: Int = 0

    /// The figures of one MIP solve, whose plan (from `source`) has the model objective `chosenObjective`.
    public init(solution: MIPSolution, seconds: Double? = nil, backend: SolverIdentity, heuristicObjective: Double,
                chosenObjective: Double, source: Source) {
        let result = solution.result
        self.init(statusName: result.status.name, mipObjective: result.objective, bestBound: result.bestBound,
                  relativeGap: result.relativeGap, seconds: seconds ?? result.seconds, backend: backend,
                  warmStartAccepted: solution.warmStartAccepted, heuristicObjective: heuristicObjective,
                  chosenObjective: chosenObjective, source: source)
    }

    /// Nothing to solve (no units, or no trip any enumerator can make): the start is the plan.
    public static func notSolvedEmpty(backend: SolverIdentity, objective: Double) -> SolverStatistics {
        SolverStatistics(statusName: "not_solved_empty", mipObjective: nil, bestBound: nil, relativeGap: nil,
                         seconds: 0, backend: backend, warmStartAccepted: nil, heuristicObjective: objective,
                         chosenObjective: objective, source: .empty)
    }

    /// The plan's objective as every document gives it: that of the printed routes (else the chosen day-trips').
    /// `mipObjective`, `bestBound` and `relativeGap` are the last MIP solve's own figures — on a plan kept from the
    /// neighbourhood search, the one-site stage's, a different model.
    public var planObjective: Double { printedObjective ?? chosenObjective }

    /// A bound that holds for every plan: `lowerBound`, or (one-site models) the solver's bound while the routes
    /// are what it chose; nil when neither holds.
    public var planBound: Double? {
        lowerBound ?? (abs(planObjective - chosenObjective) < 1e-6 ? bestBound : nil)
    }

    /// The relative gap between `planObjective` and `planBound`.
    public var planGap: Double? {
        planBound.map { abs(planObjective - $0) / (abs(planObjective) + Double.ulpOfOne) }
    }

    public init(statusName: String, mipObjective: Double?, bestBound: Double?, relativeGap: Double?, seconds: Double,
                backend: SolverIdentity, warmStartAccepted: Bool?, heuristicObjective: Double,
                chosenObjective: Double, source: Source) {
        self.statusName = statusName
        self.mipObjective = mipObjective
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.seconds = seconds
        self.backend = backend
        self.warmStartAccepted = warmStartAccepted
        self.heuristicObjective = heuristicObjective
        self.chosenObjective = chosenObjective
        self.source = source
    }
}
