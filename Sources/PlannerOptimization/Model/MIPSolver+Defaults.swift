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
        var names = Set(model.variables.lazy.map(\.name))
        var roundOptions = options
        guard var result = try solveRelaxation(current, options: roundOptions) else { return nil }
        while result.status == .optimal {
            let change = next(result)
            if change.isEmpty { break }
            try current.apply(change, variableNames: &names)
            roundOptions.timeLimitSeconds = options.timeLimitSeconds - (clock.now - start) / .seconds(1)
            guard roundOptions.timeLimitSeconds > 0,
                  let nextResult = try solveRelaxation(current, options: roundOptions) else { break }
            result = nextResult
        }
        return result
    }
}

extension MIPModel {
    /// Adds the change's columns, then its rows, then applies its bound changes (which may name the new columns),
    /// and checks what the change brought (`apply(_:variableNames:)`).
    ///
    /// - Throws: `ModelError` when a bound change names an unknown variable or the change is malformed.
    public mutating func apply(_ change: RelaxationChange) throws(ModelError) {
        var names = Set(variables.lazy.map(\.name))
        try apply(change, variableNames: &names)
    }

    /// `apply(_:)` for a loop of changes on a model already validated: `variableNames` holds every variable's
    /// name and is kept up to date, so that each change is checked in the time of its own size. Validating the
    /// whole model after each change had cost about 9 % of a ×10 plan's CPU (column generation and the dive
    /// apply some hundred changes to a model of 50,000 columns and more).
    ///
    /// The checks are `validate()`'s, for the new columns (names, objective, bounds, one entry per row, finite
    /// coefficients), the new rows and the changed bounds: a change with one fault gets the error validating the
    /// whole changed model would give (with several, the first found here, new columns before new rows before
    /// changed bounds).
    /// - Throws: `ModelError` naming the first faulty column, row or bound change; the model is then left changed
    ///   and must not be solved (the loops that apply changes stop on it).
    public mutating func apply(_ change: RelaxationChange, variableNames: inout Set<String>) throws(ModelError) {
        let firstNew = variables.count
        for column in change.columns { try addColumn(column) }
        let firstNewRow = constraints.count
        for row in change.rows {
            addConstraint(row.name, row.terms, lowerBound: row.lowerBound, upperBound: row.upperBound)
        }
        for bound in change.bounds {
            guard variables.indices.contains(bound.variable.index) else {
                throw ModelError(.variable(index: bound.variable.index, name: "?"), .unknownVariable(bound.variable))
            }
            setBounds(of: bound.variable, lowerBound: bound.lowerBound, upperBound: bound.upperBound)
        }
        for (offset, column) in change.columns.enumerated() {
            let index = firstNew + offset
            try checkVariable(at: index, names: &variableNames)
            // A repeat or a non-finite coefficient is the row's fault, as `validate()` reports it.
            var rows = Set<Int>()
            for entry in column.entries {
                let row = ModelError.Subject.constraint(index: entry.constraint.index,
                                                        name: constraints[entry.constraint.index].name)
                guard rows.insert(entry.constraint.index).inserted else {
                    throw ModelError(row, .repeatedVariable(VariableID(index: index)))
                }
                if !entry.coefficient.isFinite { throw ModelError(row, .nonFiniteCoefficient(entry.coefficient)) }
            }
        }
        if !change.rows.isEmpty {
            var firstIndexByName: [String: Int] = [:]
            for (index, constraint) in constraints.enumerated() where firstIndexByName[constraint.name] == nil {
                firstIndexByName[constraint.name] = index
            }
            var seenInRow = [Bool](repeating: false, count: variables.count)
            for index in firstNewRow..<constraints.count {
                try checkConstraint(at: index, seenInRow: &seenInRow)
                if let firstIndex = firstIndexByName[constraints[index].name], firstIndex != index {
                    throw ModelError(.constraint(index: index, name: constraints[index].name),
                                     .duplicateName(firstIndex: firstIndex))
                }
            }
        }
        for bound in change.bounds where bound.variable.index < firstNew {
            try checkBounds(ofVariableAt: bound.variable.index)
        }
    }
}
