extension MIPSolver {
    /// Solves `model` without a warm start or progress reporting.
    public func solve(_ model: MIPModel, options: SolverOptions = SolverOptions()) throws -> MIPSolution {
        try solve(model, options: options, warmStart: nil, progress: nil)
    }
}
