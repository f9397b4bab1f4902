import CGLPK
import PlannerOptimization

/// Solves `MIPModel`s with GLPK 5.0's branch-and-cut (`glp_intopt`).
///
/// Each solve validates the model, builds a fresh GLPK problem, solves and frees it synchronously on the calling
/// thread (Debian's GLPK keeps its environment thread-local), so a solve must not span an `await`.
///
/// Options map to `glp_iocp`: `timeLimitSeconds` → `tm_lim` (also kept by the callback between GLPK's own checks,
/// see `CallbackDeadline`), `relativeGap` → `mip_gap`, `focus` → `br_tech` and `bt_tech` (`.incumbent`: hybrid
/// pseudocost branching up to `pseudocostColumnLimit` columns, best projection; `.bound`: GLPK's defaults); from
/// the configuration,
/// `presolve` → the MIP presolver, the four cut flags → `gmi_cuts`/`mir_cuts`/`cov_cuts`/`clq_cuts`,
/// `feasibilityPump` → `fp_heur`, `proximitySearch` → `ps_heur` with `ps_tm_lim`. GLPK's presolver builds its
/// problem without column names, so a warm start can only be matched to GLPK's columns with the presolver off:
/// when a feasible warm start is given, the solve runs without the MIP presolver (GLPK then starts from the root
/// LP solved here).
public struct GLPKSolver: MIPSolver, ModelExporting {
    /// GLPK's own knobs; every solve and relaxation of this solver uses them.
    public var configuration: GLPKConfiguration

    public init(configuration: GLPKConfiguration = GLPKConfiguration()) {
        self.configuration = configuration
    }

    /// `GLPK` and the linked library's version from `glp_version()` (`5.0` here).
    public var identity: SolverIdentity { SolverIdentity(name: "GLPK", version: String(cString: glp_version())) }

    /// Solves `model`; an infeasible, unbounded or time-limited model is a result, not an error.
    ///
    /// A `warmStart` (one value per variable) is checked with `MIPModel.feasibilityViolation(of:)`; if it passes,
    /// GLPK gets it as its first incumbent through `glp_ios_heur_sol`, and if GLPK stops at a limit without
    /// anything better, the warm start itself is the answer. `progress` is called on the calling thread on every
    /// new incumbent and otherwise at most about once a second.
    ///
    /// - Throws: `ModelError` for a malformed model, `SolverError` for unusable options or configuration; GLPK
    ///   never sees either.
    public func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
                      progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution {
        let start = ContinuousClock.now
        try model.validate()
        let parameters = try Self.parameters(for: options, configuration: configuration,
                                             columns: model.variables.count)

        var checkedWarmStart: [Double]?
        if let warmStart, model.feasibilityViolation(of: warmStart) == nil {
            checkedWarmStart = zip(model.variables, warmStart).map { $0.kind == .continuous ? $1 : $1.rounded() }
        }
        let warmStartAccepted = warmStart.map { _ in checkedWarmStart != nil }

        var search = GLPKSearch(
            start: start, progress: progress,
            warmStartByName: checkedWarmStart.map { Dictionary(uniqueKeysWithValues: zip(model.variables.map(\.name), $0)) },
            nodeLimit: options.nodeLimit, stallNodeLimit: options.stallNodeLimit,
            timeLimitSeconds: options.timeLimitSeconds)
        var result = Self.trivialResult(model) ?? GLPKTerminal.run(showingSolverOutput: options.solverOutput) {
            var parameters = parameters
            if checkedWarmStart != nil { parameters.presolve = GLP_OFF }
            let outcome = GLPKProblem(model).solve(parameters: parameters, search: &search,
                                                   msgLevel: parameters.msg_lev)
            return Self.result(outcome, model: model, bestBound: search.bestBound,
                               stoppedAtDeadline: search.stoppedAtDeadline)
        }
        if let checkedWarmStart { result = Self.preferringWarmStart(checkedWarmStart, over: result, model: model) }
        result.seconds = search.elapsedSeconds
        return MIPSolution(result: result, warmStartAccepted: warmStartAccepted)
    }

    // MARK: Parameters

    /// Models with more columns than this branch by GLPK's default rule even when the search is focused on the
    /// incumbent: the hybrid pseudocost rule first branches tentatively on each fractional column, inside one node,
    /// without calling back, so the time limit cannot stop it. Measured on the ×5 re-plan (80,568 columns, 60 s
    /// limit): 70.4 s of planning with it, 57.6 s without; the models it was chosen for have a few thousand
    /// (neighbourhood pieces, the default-sized re-plan's 3,850, the day-pattern master's 11,000).
    static let pseudocostColumnLimit = 20_000

    /// GLPK's parameters for a solve of a model with `columns` columns (0 for an LP, which does not branch).
    static func parameters(for options: SolverOptions, configuration: GLPKConfiguration,
                           columns: Int = 0) throws(SolverError) -> glp_iocp {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = options.solverOutput ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = try milliseconds(options.timeLimitSeconds, option: "timeLimitSeconds")
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw SolverError(.invalidOption(name: "relativeGap", value: options.relativeGap))
        }
        parameters.mip_gap = options.relativeGap
        parameters.presolve = flag(configuration.presolve)
        parameters.gmi_cuts = flag(configuration.gomoryCuts)
        parameters.mir_cuts = flag(configuration.mixedIntegerRoundingCuts)
        parameters.cov_cuts = flag(configuration.coverCuts)
        parameters.clq_cuts = flag(configuration.cliqueCuts)
        parameters.fp_heur = flag(configuration.feasibilityPump)
        parameters.ps_heur = flag(configuration.proximitySearch)
        parameters.ps_tm_lim = try milliseconds(configuration.proximitySearchSeconds, option: "proximitySearchSeconds")
        switch options.focus {
        case .bound:
            break
        case .incumbent:
            // Measured on the fieldwork model's neighbourhood pieces (200 nodes each from the plan; docs/model.md):
            // against GLPK's defaults (Driebeck–Tomlin, best local bound) the default plan came out 1.8 % cheaper in
            // 40 % less time. Best projection alone on larger models (`pseudocostColumnLimit`).
            if columns <= pseudocostColumnLimit { parameters.br_tech = GLP_BR_PCH }
            parameters.bt_tech = GLP_BT_BPH
        }
        return parameters
    }

    private static func flag(_ on: Bool) -> Int32 { on ? GLP_ON : GLP_OFF }

    /// Whole milliseconds, rounded up, capped at GLPK's `INT_MAX` ("no limit"); GLPK aborts on a negative limit.
    private static func milliseconds(_ seconds: Double, option: String) throws(SolverError) -> Int32 {
        guard seconds >= 0 else { throw SolverError(.invalidOption(name: option, value: seconds)) }
        let milliseconds = (seconds * 1000).rounded(.up)
        return milliseconds >= Double(Int32.max) ? Int32.max : Int32(milliseconds)
    }

    // MARK: Results

    /// The answer for models GLPK should not be asked about: no variables, or an integer variable whose
    /// bounds hold no integer (`glp_intopt` would refuse the rounded bounds with GLP_EBOUND).
    static func trivialResult(_ model: MIPModel) -> MIPResult? {
        let emptyIntegerDomain = model.variables.contains {
            $0.kind != .continuous && GLPKProblem.integerDomain($0) == nil
        }
        if emptyIntegerDomain || (model.variables.isEmpty && model.feasibilityViolation(of: []) != nil) {
            return MIPResult(status: .infeasible, objective: nil, bestBound: nil, relativeGap: nil, values: [],
                             seconds: 0)
        }
        if model.variables.isEmpty {
            return MIPResult(status: .optimal, objective: model.objectiveConstant,
                             bestBound: model.objectiveConstant, relativeGap: 0, values: [], seconds: 0)
        }
        return nil
    }

    private static func result(_ outcome: GLPKProblem.Outcome, model: MIPModel, bestBound: Double?,
                               stoppedAtDeadline: Bool) -> MIPResult {
        let status: TerminationStatus
        if let code = outcome.intoptCode {
            status = GLPKTermination.status(intoptCode: code, mipStatus: outcome.mipStatus,
                                            stoppedAtDeadline: stoppedAtDeadline)
        } else if let rootLP = outcome.rootLP {
            status = GLPKTermination.status(rootLPCode: rootLP.code, lpStatus: rootLP.status)
        } else {
            status = .failure("GLPK reported nothing")
        }
        guard status.hasSolution, outcome.values.count == model.variables.count else {
            let bound: Double? = if case .noSolutionFound = status { bestBound } else { nil }
            return MIPResult(status: status.hasSolution ? .failure("GLPK returned no values") : status,
                             objective: nil, bestBound: bound, relativeGap: nil, values: [], seconds: 0)
        }
        // GLPK's integer values are integral to within its tolerance; make them exact.
        let values = zip(model.variables, outcome.values).map { $0.kind == .continuous ? $1 : $1.rounded() }
        let objective = model.objectiveValue(of: values)
        return withBound(status == .optimal ? objective : bestBound,
                         MIPResult(status: status, objective: objective, bestBound: nil, relativeGap: nil,
                                   values: values, seconds: 0))
    }

    /// The warm start as the answer when GLPK stopped at a limit with nothing (or something worse).
    private static func preferringWarmStart(_ warmStart: [Double], over result: MIPResult,
                                            model: MIPModel) -> MIPResult {
        let warmObjective = model.objectiveValue(of: warmStart)
        let reason: TerminationStatus.StopReason
        switch result.status {
        case .noSolutionFound(let stopReason): reason = stopReason
        case .feasible(let stopReason):
            guard let objective = result.objective,
                  model.sense == .minimize ? warmObjective < objective : warmObjective > objective else { return result }
            reason = stopReason
        default: return result
        }
        return withBound(result.bestBound, MIPResult(status: .feasible(reason), objective: warmObjective,
                                                     bestBound: nil, relativeGap: nil, values: warmStart,
                                                     seconds: result.seconds))
    }

    /// Sets the bound and GLPK's relative gap, |objective − bound| / (|objective| + DBL_EPSILON).
    private static func withBound(_ bound: Double?, _ result: MIPResult) -> MIPResult {
        var result = result
        result.bestBound = bound
        if let bound, let objective = result.objective {
            result.relativeGap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        }
        return result
    }
}
