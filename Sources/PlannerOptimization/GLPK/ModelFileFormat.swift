/// A file format GLPK writes and reads, for replaying a model in `glpsol` or another solver.
public enum ModelFileFormat: String, Sendable, Hashable, CaseIterable {
    /// Free MPS (`glp_write_mps(…, GLP_MPS_FILE, …)`).
    case freeMPS = "mps"
    /// CPLEX LP (`glp_write_lp`).
    case cplexLP = "lp"
}
