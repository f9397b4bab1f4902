import CGLPK
import PlannerOptimization

/// How GLPK's return codes and solution statuses become a `TerminationStatus`.
///
/// Success is decided by `glp_mip_status` as well as the return code: after a time or gap limit an incumbent
/// may exist (`GLP_FEAS`) or not (`GLP_UNDEF`).
enum GLPKTermination {
    /// The status after the root LP relaxation, solved by `glp_simplex` when the MIP presolver is off, did not
    /// end optimal.
    static func status(rootLPCode code: Int32, lpStatus: Int32) -> TerminationStatus {
        if code == GLP_ETMLIM { return .noSolutionFound(.timeLimit) }
        if code != 0 { return .failure("glp_simplex failed on the LP relaxation (\(name(ofCode: code)))") }
        switch lpStatus {
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .failure("LP relaxation ended with status \(lpStatus)")
        }
    }

    /// The status after `glp_intopt` returned `code` and left `mipStatus`; `stoppedAtDeadline`: the callback
    /// stopped the search for the time limit (`CallbackDeadline`), which is then the reason given.
    static func status(intoptCode code: Int32, mipStatus: Int32, stoppedAtDeadline: Bool = false) -> TerminationStatus {
        let hasIncumbent = mipStatus == GLP_FEAS || mipStatus == GLP_OPT
        func stopped(_ reason: TerminationStatus.StopReason) -> TerminationStatus {
            if hasIncumbent { return .feasible(reason) }
            return mipStatus == GLP_NOFEAS ? .infeasible : .noSolutionFound(reason)
        }
        switch code {
        case 0:
            switch mipStatus {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            default: return .failure("glp_intopt succeeded but left MIP status \(mipStatus)")
            }
        case GLP_EMIPGAP: return stopped(.gapLimit)
        case GLP_ETMLIM: return stopped(.timeLimit)
        case GLP_ESTOP: return stopped(stoppedAtDeadline ? .timeLimit : .interrupted)
        // Only with the presolver: the LP relaxation has no primal (no dual) feasible solution.
        case GLP_ENOPFS: return .infeasible
        case GLP_ENODFS: return .unbounded
        case GLP_EBOUND: return .failure("GLPK rejected a variable's bounds (GLP_EBOUND)")
        case GLP_EROOT: return .failure("GLPK had no optimal basis for the LP relaxation (GLP_EROOT)")
        case GLP_EFAIL: return .failure("GLPK's branch-and-cut failed (GLP_EFAIL)")
        default: return .failure("glp_intopt returned \(name(ofCode: code))")
        }
    }

    static func name(ofCode code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "GLP_EBADB", GLP_ESING: "GLP_ESING", GLP_ECOND: "GLP_ECOND", GLP_EBOUND: "GLP_EBOUND",
            GLP_EFAIL: "GLP_EFAIL", GLP_EOBJLL: "GLP_EOBJLL", GLP_EOBJUL: "GLP_EOBJUL", GLP_EITLIM: "GLP_EITLIM",
            GLP_ETMLIM: "GLP_ETMLIM", GLP_ENOPFS: "GLP_ENOPFS", GLP_ENODFS: "GLP_ENODFS", GLP_EROOT: "GLP_EROOT",
            GLP_ESTOP: "GLP_ESTOP", GLP_EMIPGAP: "GLP_EMIPGAP",
        ]
        return names[code] ?? "code \(code)"
    }
}
