/// What changes in an LP between two solves of `MIPSolver.iterateRelaxation`: columns added (column
/// generation), rows added (cutting planes) and bounds changed (diving). Rows are only ever appended, so the
/// duals of one solve price the next and earlier row handles stay valid.
public struct RelaxationChange: Sendable, Hashable {
    public var columns: [MIPModel.Column]
    /// Rows over the model's variables, this change's new columns included; appended after them.
    public var rows: [MIPModel.Constraint]
    public var bounds: [BoundChange]

    public init(columns: [MIPModel.Column] = [], rows: [MIPModel.Constraint] = [], bounds: [BoundChange] = []) {
        self.columns = columns
        self.rows = rows
        self.bounds = bounds
    }

    /// No change: the sequence of solves ends.
    public var isEmpty: Bool { columns.isEmpty && rows.isEmpty && bounds.isEmpty }
}

extension MIPModel {
    /// A variable together with its coefficients in existing rows: what column generation adds to a model.
    public struct Column: Sendable, Hashable {
        public struct Entry: Sendable, Hashable {
            public var constraint: ConstraintID
            public var coefficient: Double
            public init(_ constraint: ConstraintID, _ coefficient: Double) {
                self.constraint = constraint
                self.coefficient = coefficient
            }
        }

        public var name: String
        public var kind: VariableKind
        public var lowerBound: Double?
        public var upperBound: Double?
        public var objective: Double
        /// At most one entry per row.
        public var entries: [Entry]

        public init(name: String, kind: VariableKind, lowerBound: Double? = 0, upperBound: Double? = nil,
                    objective: Double = 0, entries: [Entry]) {
            self.name = name
            self.kind = kind
            self.lowerBound = lowerBound
            self.upperBound = upperBound
            self.objective = objective
            self.entries = entries
        }
    }

    /// Appends the column's variable and its coefficients to the rows it names.
    ///
    /// - Throws: `unknownConstraint` (and changes nothing) when an entry names a row the model does not have;
    ///   everything else about the column is `validate()`'s to check.
    @discardableResult
    public mutating func addColumn(_ column: Column) throws(ModelError) -> VariableID {
        if let unknown = column.entries.first(where: { !constraints.indices.contains($0.constraint.index) }) {
            throw ModelError(.variable(index: variables.count, name: column.name), .unknownConstraint(unknown.constraint))
        }
        let variable = addVariable(column.name, kind: column.kind, lowerBound: column.lowerBound,
                                   upperBound: column.upperBound, objective: column.objective)
        for entry in column.entries {
            appendTerm(Term(variable, entry.coefficient), to: entry.constraint)
        }
        return variable
    }
}
