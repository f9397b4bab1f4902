extension MIPSolver {
    /// Solves `model` without a warm start or progress reporting.
    public func solve(_ model: MIPModel, options: SolverOptions = SolverOptions()) throws -> MIPSolution {
        try solve(model, options: options, warmStart: nil, progress: nil)
    }

    /// No LP relaxation: callers fall back to what they do without one.
    public func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult? { nil }

    /// Dives on the LP relaxation: `iterateRelaxation` with bound changes only.
    public func diveRelaxation(_ model: MIPModel, options: SolverOptions,
                               next: (MIPResult) -> [BoundChange]) throws -> MIPResult? {
        try iterateRelaxation(model, options: options) { RelaxationChange(bounds: next($0)) }
    }

    /// Re-solves a modified copy of the model each round.
    public func iterateRelaxation(_ model: MIPModel, options: SolverOptions,
                                  next: (MIPResult) -> RelaxationChange) throws -> MIPResult? {
        let clock = ContinuousClock()
        let start = clock.now
        var current = model
        var roundOptions = options
        guard var result = try solveRelaxation(current, options: roundOptions) else { return nil }
        while result.status == .optimal {
            let change = next(result)
            if change.isEmpty { break }
            try current.apply(change)
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

extension MIPModel {
    /// Adds the change's columns, then applies its bound changes (which may name the new columns), and
    /// validates the result.
    ///
    /// - Throws: `ModelError` when a bound change names an unknown variable or the changed model is malformed.
    public mutating func apply(_ change: RelaxationChange) throws(ModelError) {
        for column in change.columns { try addColumn(column) }
        for bound in change.bounds {
            guard variables.indices.contains(bound.variable.index) else {
                throw ModelError(.variable(index: bound.variable.index, name: "?"), .unknownVariable(bound.variable))
            }
            setBounds(of: bound.variable, lowerBound: bound.lowerBound, upperBound: bound.upperBound)
        }
        try validate()
    }
}
