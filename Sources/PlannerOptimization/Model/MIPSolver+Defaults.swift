extension MIPSolver {
    /// Solves `model` without a warm start or progress reporting.
    public func solve(_ model: MIPModel, options: SolverOptions = SolverOptions()) throws -> MIPSolution {
        try solve(model, options: options, warmStart: nil, progress: nil)
    }

    /// No LP relaxation: callers fall back to what they do without one.
    public func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult? { nil }

    /// Re-solves a copy of the model with the changed bounds each round.
    public func diveRelaxation(_ model: MIPModel, options: SolverOptions,
                               next: (MIPResult) -> [BoundChange]) throws -> MIPResult? {
        let clock = ContinuousClock()
        let start = clock.now
        var current = model
        var roundOptions = options
        guard var result = try solveRelaxation(current, options: roundOptions) else { return nil }
        while result.status == .optimal {
            let changes = next(result)
            if changes.isEmpty { break }
            for change in changes {
                current.setBounds(of: change.variable, lowerBound: change.lowerBound, upperBound: change.upperBound)
            }
            let elapsed = clock.now - start
            roundOptions.timeLimitSeconds = options.timeLimitSeconds - Double(elapsed.components.seconds)
                - Double(elapsed.components.attoseconds) * 1e-18
            guard roundOptions.timeLimitSeconds > 0,
                  let nextResult = try solveRelaxation(current, options: roundOptions) else { break }
            result = nextResult
        }
        return result
    }
}
