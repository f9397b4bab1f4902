extension MIPModel {
    /// The model over the variables left free, with the fixed ones substituted: each row's bounds move by the
    /// fixed terms' activity, the objective constant by their cost, and rows left without a free term are
    /// dropped (they hold at the fixed values or they do not, either way the sub-model cannot change that).
    /// What a large-neighbourhood search hands a solver: a small MIP around an incumbent.
    ///
    /// - Parameter fixed: one entry per variable: its fixed value, or nil to keep it free.
    /// - Returns: the sub-model and, for each of its variables, the variable of this model it stands for.
    public func fixing(_ fixed: [Double?]) -> (model: MIPModel, free: [VariableID]) {
        precondition(fixed.count == variables.count, "one entry per variable")
        var sub = MIPModel(name: name, sense: sense, objectiveConstant: objectiveConstant)
        var newIndex = Array(repeating: -1, count: variables.count)
        var free: [VariableID] = []
        for (index, variable) in variables.enumerated() {
            if let value = fixed[index] {
                sub.objectiveConstant += variable.objectiveCoefficient * value
                continue
            }
            newIndex[index] = sub.variables.count
            sub.addVariable(variable.name, kind: variable.kind, lowerBound: variable.lowerBound,
                            upperBound: variable.upperBound, objective: variable.objectiveCoefficient)
            free.append(VariableID(index: index))
        }
        for constraint in constraints {
            var shift = 0.0
            var terms: [Term] = []
            for term in constraint.terms {
                if let value = fixed[term.variable.index] {
                    shift += term.coefficient * value
                } else {
                    terms.append(Term(VariableID(index: newIndex[term.variable.index]), term.coefficient))
                }
            }
            guard !terms.isEmpty else { continue }
            sub.addConstraint(constraint.name, terms, lowerBound: constraint.lowerBound.map { $0 - shift },
                              upperBound: constraint.upperBound.map { $0 - shift })
        }
        return (sub, free)
    }
}
