/// A model file format that solvers exchange, for replaying a model in `glpsol`, CBC, HiGHS or another solver.
public enum ModelFileFormat: String, Sendable, Hashable, CaseIterable {
    /// Free MPS.
    case freeMPS = "mps"
    /// CPLEX LP.
    case cplexLP = "lp"

    /// The format a file name's extension names (`.mps`, `.lp`, any case); nil for anything else.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
