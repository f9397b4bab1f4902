import CGLPK
import PlannerOptimization

/// Owns one `glp_prob` for the length of one solve, export or import, and frees it in `deinit`.
///
/// This is the only place that speaks GLPK's 1-based row and column numbering: callers hand it a validated
/// `MIPModel` and get model-ordered values back. It never leaves the call that created it and is used on one
/// thread only, because Debian's GLPK keeps its environment thread-local.
final class GLPKProblem {
    private let problem: OpaquePointer

    /// An empty problem, to read a file into.
    init() {
        problem = glp_create_prob()
    }

    /// Loads `model`, which must have passed `validate()` (GLPK aborts on what validation rejects).
    ///
    /// Integer bounds are rounded inward, as `glp_intopt` refuses fractional ones; a bound within 1e-9 of an
    /// integer counts as that integer.
    init(_ model: MIPModel) {
        problem = glp_create_prob()
        if !model.name.isEmpty { glp_set_prob_name(problem, model.name) }
        glp_set_obj_dir(problem, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(problem, 0, model.objectiveConstant)
        if !model.variables.isEmpty { glp_add_cols(problem, Int32(model.variables.count)) }
        for (index, variable) in model.variables.enumerated() {
            let column = Int32(index + 1)
            glp_set_col_name(problem, column, variable.name)
            var lower = variable.lowerBound
            var upper = variable.upperBound
            if variable.kind != .continuous {
                // GLP_IV, not GLP_BV: a binary's bounds are already [0, 1] and GLP_BV would reset them anyway.
                glp_set_col_kind(problem, column, GLP_IV)
                if let domain = Self.integerDomain(variable) { (lower, upper) = domain }
            }
            let (type, low, up) = Self.boundType(lower, upper)
            glp_set_col_bnds(problem, column, type, low, up)
            glp_set_obj_coef(problem, column, variable.objectiveCoefficient)
        }
        if !model.constraints.isEmpty { glp_add_rows(problem, Int32(model.constraints.count)) }
        for (index, constraint) in model.constraints.enumerated() { set(row: Int32(index + 1), to: constraint) }
    }

    deinit {
        glp_delete_prob(problem)
    }

    /// An integer variable's bounds rounded inward, or nil when no integer lies between them.
    static func integerDomain(_ variable: MIPModel.Variable) -> (Double?, Double?)? {
        let lower = variable.lowerBound.map { ($0 - 1e-9).rounded(.up) }
        let upper = variable.upperBound.map { ($0 + 1e-9).rounded(.down) }
        if let lower, let upper, lower > upper { return nil }
        return (lower, upper)
    }

    private static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case let (lower?, nil): return (GLP_LO, lower, 0)
        case let (nil, upper?): return (GLP_UP, 0, upper)
        case let (lower?, upper?): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    // MARK: Solving

    /// What `glp_intopt` (and, without the MIP presolver, the root `glp_simplex`) left behind.
    struct Outcome {
        /// `glp_intopt`'s return code, or nil when the root LP already decided the outcome.
        var intoptCode: Int32?
        /// `glp_mip_status` after `glp_intopt`.
        var mipStatus: Int32
        /// The root LP's return code and `glp_get_status`, when the root LP was solved here.
        var rootLP: (code: Int32, status: Int32)?
        /// MIP column values in model order, when `mipStatus` is feasible or optimal.
        var values: [Double]
    }

    /// Runs branch-and-cut under `parameters` with `search` as the callback's state.
    ///
    /// Without the MIP presolver GLPK needs an optimal basis of the LP relaxation first; that LP is solved here
    /// (scaled, from the slack basis by the dual simplex: `startFromSlackBasis`) under the same time limit.
    func solve(parameters: glp_iocp, search: inout GLPKSearch, msgLevel: Int32) -> Outcome {
        var parameters = parameters
        let columnCount = Int(glp_get_num_cols(problem))
        if parameters.presolve == GLP_OFF {
            glp_scale_prob(problem, GLP_SF_AUTO)
            var simplex = glp_smcp()
            glp_init_smcp(&simplex)
            Self.startFromSlackBasis(problem, &simplex)
            simplex.msg_lev = msgLevel
            simplex.tm_lim = parameters.tm_lim
            let code = glp_simplex(problem, &simplex)
            let status = glp_get_status(problem)
            guard code == 0, status == GLP_OPT else {
                return Outcome(intoptCode: nil, mipStatus: GLP_UNDEF, rootLP: (code, status), values: [])
            }
            parameters.tm_lim = max(0, parameters.tm_lim - Int32(min(Double(Int32.max), search.elapsedSeconds * 1000)))
        }
        let code = withUnsafeMutablePointer(to: &search) { searchPointer in
            parameters.cb_func = GLPKSearch.callback
            parameters.cb_info = UnsafeMutableRawPointer(searchPointer)
            return glp_intopt(problem, &parameters)
        }
        let mipStatus = glp_mip_status(problem)
        var values: [Double] = []
        if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
            values = (0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) }
        }
        return Outcome(intoptCode: code, mipStatus: mipStatus, rootLP: nil, values: values)
    }

    /// A first LP starts from the all-slack basis with the dual simplex (the primal one finishing if the dual
    /// stops short).
    ///
    /// The planning models minimise non-negative costs over covering rows: with every column at its lower bound
    /// the slack basis is dual feasible, so the dual simplex needs no first phase, where the primal simplex from
    /// GLPK's advanced basis first has to find a feasible point. Measured with `glpsol --nomip --scale`: the
    /// pooled ×10 model (47,248 columns) 19.8 s → 6.1 s, the default pattern master 0.3 s → 0.2 s, the tight
    /// variant's 0.4 s → 0.1 s.
    static func startFromSlackBasis(_ problem: OpaquePointer, _ simplex: inout glp_smcp) {
        glp_std_basis(problem)
        simplex.meth = GLP_DUALP
    }

    /// What `glp_simplex` left after solving the LP relaxation alone.
    struct RelaxationOutcome {
        var code: Int32
        var status: Int32
        /// Column primal values in model order, when `status` is optimal.
        var values: [Double]
        /// Row dual values in model order, when `status` is optimal.
        var duals: [Double] = []
    }

    /// Solves the LP relaxation (integrality ignored), scaled and from the slack basis by the dual simplex, as
    /// `solve` does before branch-and-cut. With `fromCurrentBasis`, after bounds changed since the last call,
    /// the dual simplex starts from the basis that call left (still dual feasible), which takes a few pivots
    /// instead of a whole solve; the primal simplex finishes if the dual one stops short. After columns were
    /// only added (`stillPrimalFeasible`), the old basis is still primal feasible and the primal simplex goes on
    /// from it. After rows were added (basic, violated), the basis is still dual feasible, as after bound changes.
    func solveRelaxation(timeLimitMilliseconds: Int32, msgLevel: Int32, fromCurrentBasis: Bool = false,
                         stillPrimalFeasible: Bool = false) -> RelaxationOutcome {
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = msgLevel
        simplex.tm_lim = timeLimitMilliseconds
        var code: Int32
        if fromCurrentBasis, stillPrimalFeasible {
            simplex.meth = GLP_PRIMAL
            code = glp_simplex(problem, &simplex)
        } else if fromCurrentBasis {
            simplex.meth = GLP_DUALP
            let clock = ContinuousClock()
            let started = clock.now
            code = glp_simplex(problem, &simplex)
            // The primal simplex finishes only in the time the dual one left: given the whole limit again, one dive
            // LP at ×20 ran 41 s past its deadline (the dual simplex used the time up, then the primal one as much).
            let left = Double(timeLimitMilliseconds) - (clock.now - started) / .milliseconds(1)
            if code != GLP_ETMLIM, left >= 1, code != 0 || glp_get_status(problem) != GLP_OPT {
                simplex.meth = GLP_PRIMAL
                simplex.tm_lim = Int32(min(left, Double(Int32.max)))
                code = glp_simplex(problem, &simplex)
            }
        } else {
            glp_scale_prob(problem, GLP_SF_AUTO)
            Self.startFromSlackBasis(problem, &simplex)
            code = glp_simplex(problem, &simplex)
        }
        let status = glp_get_status(problem)
        var values: [Double] = [], duals: [Double] = []
        if code == 0, status == GLP_OPT {
            values = (0..<Int(glp_get_num_cols(problem))).map { glp_get_col_prim(problem, Int32($0 + 1)) }
            duals = (0..<Int(glp_get_num_rows(problem))).map { glp_get_row_dual(problem, Int32($0 + 1)) }
        }
        return RelaxationOutcome(code: code, status: status, values: values, duals: duals)
    }

    /// Appends a column (validated by the caller) with its row coefficients; it enters non-basic at a bound.
    func addColumn(_ variable: MIPModel.Variable, entries: [MIPModel.Column.Entry]) {
        let column = glp_add_cols(problem, 1)
        glp_set_col_name(problem, column, variable.name)
        if variable.kind != .continuous { glp_set_col_kind(problem, column, GLP_IV) }
        glp_set_obj_coef(problem, column, variable.objectiveCoefficient)
        let rows: [Int32] = [0] + entries.map { Int32($0.constraint.index + 1) }
        let coefficients: [Double] = [0] + entries.map(\.coefficient)
        glp_set_mat_col(problem, column, Int32(entries.count), rows, coefficients)
        setBounds(column: Int(column) - 1, of: variable)
    }

    /// Appends a row (validated by the caller) over existing columns; it enters basic, so the basis stays
    /// dual feasible and the dual simplex goes on from it.
    func addRow(_ constraint: MIPModel.Constraint) {
        set(row: glp_add_rows(problem, 1), to: constraint)
    }

    /// Names a row (GLPK's index, from 1), and sets its bounds and coefficients.
    private func set(row: Int32, to constraint: MIPModel.Constraint) {
        glp_set_row_name(problem, row, constraint.name)
        let (type, low, up) = Self.boundType(constraint.lowerBound, constraint.upperBound)
        glp_set_row_bnds(problem, row, type, low, up)
        let columns: [Int32] = [0] + constraint.terms.map { Int32($0.variable.index + 1) }
        let coefficients: [Double] = [0] + constraint.terms.map(\.coefficient)
        glp_set_mat_row(problem, row, Int32(constraint.terms.count), columns, coefficients)
    }

    /// Changes a column's bounds (model order), as the constructor sets them: integer bounds rounded inward.
    /// The caller checks the bounds first (GLPK aborts on a lower bound above the upper one).
    func setBounds(column index: Int, of variable: MIPModel.Variable) {
        var lower = variable.lowerBound
        var upper = variable.upperBound
        if variable.kind != .continuous, let domain = Self.integerDomain(variable) { (lower, upper) = domain }
        let (type, low, up) = Self.boundType(lower, upper)
        glp_set_col_bnds(problem, Int32(index + 1), type, low, up)
    }

    // MARK: Files

    enum FileFormat {
        case freeMPS, cplexLP
    }

    /// Writes the problem with GLPK's writer; returns GLPK's code (0 on success).
    func write(_ format: FileFormat, to path: String) -> Int32 {
        switch format {
        case .freeMPS: return glp_write_mps(problem, GLP_MPS_FILE, nil, path)
        case .cplexLP: return glp_write_lp(problem, nil, path)
        }
    }

    /// Replaces the problem with the contents of a file; returns GLPK's code (0 on success).
    func read(_ format: FileFormat, from path: String) -> Int32 {
        switch format {
        case .freeMPS: return glp_read_mps(problem, GLP_MPS_FILE, nil, path)
        case .cplexLP: return glp_read_lp(problem, nil, path)
        }
    }

    /// The problem as a solver-independent model; unnamed rows and columns get GLPK-style names.
    func model() -> MIPModel {
        let name = glp_get_prob_name(problem).map { String(cString: $0) } ?? ""
        var model = MIPModel(name: name, sense: glp_get_obj_dir(problem) == GLP_MAX ? .maximize : .minimize,
                             objectiveConstant: glp_get_obj_coef(problem, 0))
        let columnCount = glp_get_num_cols(problem)
        if columnCount > 0 {
            for column in 1...columnCount {
                let name = glp_get_col_name(problem, column).map { String(cString: $0) } ?? "C\(column)"
                let (lower, upper) = Self.bounds(glp_get_col_type(problem, column), glp_get_col_lb(problem, column),
                                                 glp_get_col_ub(problem, column))
                let kind: MIPModel.VariableKind
                switch glp_get_col_kind(problem, column) {
                case GLP_BV: kind = .binary
                case GLP_IV: kind = .integer
                default: kind = .continuous
                }
                model.addVariable(name, kind: kind, lowerBound: lower, upperBound: upper,
                                  objective: glp_get_obj_coef(problem, column))
            }
        }
        let rowCount = glp_get_num_rows(problem)
        if rowCount > 0 {
            var columns = [Int32](repeating: 0, count: Int(columnCount) + 1)
            var coefficients = [Double](repeating: 0, count: Int(columnCount) + 1)
            for row in 1...rowCount {
                let name = glp_get_row_name(problem, row).map { String(cString: $0) } ?? "R\(row)"
                let (lower, upper) = Self.bounds(glp_get_row_type(problem, row), glp_get_row_lb(problem, row),
                                                 glp_get_row_ub(problem, row))
                let length = Int(glp_get_mat_row(problem, row, &columns, &coefficients))
                let terms = (0..<length).map {
                    MIPModel.Term(MIPModel.VariableID(index: Int(columns[$0 + 1]) - 1), coefficients[$0 + 1])
                }
                model.addConstraint(name, terms, lowerBound: lower, upperBound: upper)
            }
        }
        return model
    }

    private static func bounds(_ type: Int32, _ lower: Double, _ upper: Double) -> (Double?, Double?) {
        switch type {
        case GLP_LO: return (lower, nil)
        case GLP_UP: return (nil, upper)
        case GLP_DB, GLP_FX: return (lower, upper)
        default: return (nil, nil)
        }
    }
}
