import CGLPK
import PlannerOptimization

/// The state GLPK's branch-and-cut callback works on: progress reporting, the best bound, and the warm start.
///
/// Progress is reported on every new incumbent and otherwise at most once a second, but only when GLPK calls back
/// (at each node, several times per node): a long single LP at the root reports nothing until it ends.
///
/// `glp_intopt` gets a pointer to this value as `cb_info` and hands it back on every callback, all on the
/// calling thread and within the one `glp_intopt` call; nothing in the callback can throw.
struct GLPKSearch {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant
    private var lastReportedIncumbent: Double?
    private let progress: (@Sendable (SolveProgress) -> Void)?
    /// The checked warm start, integer values exactly integral, by variable name (GLPK matches columns by name).
    private let warmStartByName: [String: Double]?
    private(set) var warmStartOffered = false
    /// Whether GLPK took the warm start as its incumbent (it refuses one no better than the incumbent it has).
    private(set) var warmStartTaken = false
    /// The best proven bound seen so far: the local bound of the best active node, nil before the root LP.
    private(set) var bestBound: Double?
    /// Subproblems selected so far, and the most allowed (`SolverOptions.nodeLimit`).
    private var nodesSelected = 0
    private let nodeLimit: Int?
    /// The most nodes selected since the incumbent last changed (`SolverOptions.stallNodeLimit`), and the count
    /// when it did.
    private let stallNodeLimit: Int?
    private var nodesAtLastIncumbent = 0
    private var lastIncumbent: Double?
    /// The caller's time limit as GLPK's callbacks can keep it.
    private var deadline: CallbackDeadline?
    /// Whether a callback stopped GLPK because the deadline was at hand.
    var stoppedAtDeadline: Bool { deadline?.reached ?? false }

    init(start: ContinuousClock.Instant, progress: (@Sendable (SolveProgress) -> Void)?,
         warmStartByName: [String: Double]?, nodeLimit: Int? = nil, stallNodeLimit: Int? = nil,
         timeLimitSeconds: Double? = nil) {
        self.start = start
        self.lastReport = start
        self.progress = progress
        self.warmStartByName = warmStartByName
        self.nodeLimit = nodeLimit
        self.stallNodeLimit = stallNodeLimit
        self.deadline = timeLimitSeconds.flatMap { $0.isFinite && $0 < 1e9 ? CallbackDeadline(start + .seconds($0)) : nil }
    }

    var elapsedSeconds: Double {
        (clock.now - start) / .seconds(1)
    }

    /// GLPK's entry point; `info` is the pointer `GLPKProblem.solve` put in `cb_info`.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        info.assumingMemoryBound(to: GLPKSearch.self).pointee.handle(tree)
    }

    private mutating func handle(_ tree: OpaquePointer) {
        let bestNode = glp_ios_best_node(tree)
        if bestNode != 0 {
            let bound = glp_ios_node_bound(tree, bestNode)
            // The root starts at ±DBL_MAX until its LP is solved: that is no bound yet.
            if abs(bound) < 1e300 { bestBound = bound }
        }
        let reason = glp_ios_reason(tree)
        let treeProblem = glp_ios_get_prob(tree)
        let incumbent = glp_mip_status(treeProblem) == GLP_FEAS ? glp_mip_obj_val(treeProblem) : nil
        if incumbent != lastIncumbent {
            lastIncumbent = incumbent
            nodesAtLastIncumbent = nodesSelected
        }
        if reason == GLP_ISELECT {
            nodesSelected += 1
            // GLPK stops with GLP_ESTOP once control returns: the same node on every run.
            if let nodeLimit, nodesSelected > nodeLimit { glp_ios_terminate(tree) }
            if let stallNodeLimit, nodesSelected - nodesAtLastIncumbent > stallNodeLimit { glp_ios_terminate(tree) }
        }
        // On every callback, not only node selection; GLPK stops with GLP_ESTOP once control returns, and the
        // result reports it as the time limit.
        let now = clock.now
        if deadline?.stopsAtCallback(now) == true { glp_ios_terminate(tree) }
        if reason == GLP_IHEUR, !warmStartOffered, let warmStartByName {
            warmStartOffered = true
            warmStartTaken = offer(warmStartByName, to: tree)
        }
        // GLPK's own heuristics (rounding, cuts, the pump) find incumbents without a GLP_IBINGO call, so a changed
        // incumbent value counts as new too.
        if reason == GLP_IBINGO || incumbent != lastReportedIncumbent || now - lastReport >= .seconds(1) {
            lastReport = now
            lastReportedIncumbent = incumbent
            report(tree, incumbent: incumbent)
        }
    }

    /// Hands the warm start to GLPK, mapping columns of the tree's problem to ours by name.
    ///
    /// The tree's problem is ours when the MIP presolver is off; with the presolver on, GLPK 5.0 builds it without
    /// names, so nothing can be mapped and nothing is offered.
    private func offer(_ valuesByName: [String: Double], to tree: OpaquePointer) -> Bool {
        let treeProblem = glp_ios_get_prob(tree)
        let columnCount = Int(glp_get_num_cols(treeProblem))
        var x = [Double](repeating: 0, count: columnCount + 1)
        for column in 0..<columnCount {
            guard let name = glp_get_col_name(treeProblem, Int32(column + 1)),
                  let value = valuesByName[String(cString: name)] else { return false }
            x[column + 1] = value
        }
        return glp_ios_heur_sol(tree, x) == 0
    }

    private func report(_ tree: OpaquePointer, incumbent: Double?) {
        guard let progress else { return }
        var openNodes: Int32 = 0
        glp_ios_tree_size(tree, &openNodes, nil, nil)
        let gap = incumbent == nil ? nil : glp_ios_mip_gap(tree)
        progress(SolveProgress(incumbent: incumbent,
                               bestBound: bestBound,
                               relativeGap: gap.flatMap { $0 < 1e300 ? $0 : nil },
                               elapsedSeconds: elapsedSeconds,
                               openNodes: Int(openNodes)))
    }
}

/// Keeps a time limit through GLPK's callbacks, where GLPK's own `tm_lim` falls short.
///
/// GLPK looks at `tm_lim` only before a subproblem's preprocessing and inside its LPs, not in its cut rounds or
/// branching: at ×20 (94,731 columns) it called back only every 8 s and ended 7 s past a 120 s limit
/// (docs/model.md). A callback cannot interrupt what follows it, so the search stops as soon as the deadline is
/// nearer than the longest stretch GLPK has yet gone without calling back: the next stretch would likely end
/// past it. Stretches count from the first callback (the root LP before it keeps its own limit).
struct CallbackDeadline {
    let deadline: ContinuousClock.Instant
    private var lastCallback: ContinuousClock.Instant?
    private(set) var longestSilence = Duration.zero
    /// Whether a callback has said to stop.
    private(set) var reached = false

    init(_ deadline: ContinuousClock.Instant) {
        self.deadline = deadline
    }

    /// Records a callback at `now`; true once, when the search should stop there.
    mutating func stopsAtCallback(_ now: ContinuousClock.Instant) -> Bool {
        if let lastCallback { longestSilence = max(longestSilence, now - lastCallback) }
        lastCallback = now
        guard !reached, now + longestSilence >= deadline else { return false }
        reached = true
        return true
    }
}
