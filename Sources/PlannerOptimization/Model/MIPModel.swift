/// A mixed-integer linear program, independent of any solver.
///
/// Variables and constraints are appended and addressed by the handles the append returns; names are what the
/// exported MPS and LP files show and what matches a warm start to the solver's columns, so they must be unique.
/// Building a model never fails; `validate()` checks everything a solver would choke on, in one place, before
/// any solver sees the model (GLPK aborts the process on a bad index or bound).
public struct MIPModel: Sendable, Hashable {
    public enum Sense: String, Sendable, Hashable { case minimize, maximize }

    public enum VariableKind: String, Sendable, Hashable { case continuous, integer, binary }

    /// A handle to a variable: its position in `variables`.
    public struct VariableID: Hashable, Sendable, Comparable {
        public let index: Int
        public init(index: Int) { self.index = index }
        public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
    }

    /// A handle to a constraint: its position in `constraints`.
    public struct ConstraintID: Hashable, Sendable {
        public let index: Int
        public init(index: Int) { self.index = index }
    }

    public struct Variable: Sendable, Hashable {
        public var name: String
        public var kind: VariableKind
        /// nil is −∞.
        public var lowerBound: Double?
        /// nil is +∞.
        public var upperBound: Double?
        public var objectiveCoefficient: Double
    }

    public struct Term: Sendable, Hashable {
        public var variable: VariableID
        public var coefficient: Double
        public init(_ variable: VariableID, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// `lowerBound ≤ Σ terms ≤ upperBound`; equal bounds make an equality row.
    public struct Constraint: Sendable, Hashable {
        public var name: String
        public var terms: [Term]
        /// nil is −∞.
        public var lowerBound: Double?
        /// nil is +∞.
        public var upperBound: Double?

        public init(name: String, terms: [Term], lowerBound: Double? = nil, upperBound: Double? = nil) {
            self.name = name
            self.terms = terms
            self.lowerBound = lowerBound
            self.upperBound = upperBound
        }
    }

    public var name: String
    public var sense: Sense
    public var objectiveConstant: Double
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []

    public init(name: String, sense: Sense = .minimize, objectiveConstant: Double = 0) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = objectiveConstant
    }

    /// Adds a variable. A binary variable's bounds are always [0, 1].
    @discardableResult
    public mutating func addVariable(_ name: String, kind: VariableKind, lowerBound: Double? = 0,
                                     upperBound: Double? = nil, objective: Double = 0) -> VariableID {
        let bounds: (Double?, Double?) = kind == .binary ? (0, 1) : (lowerBound, upperBound)
        variables.append(Variable(name: name, kind: kind, lowerBound: bounds.0, upperBound: bounds.1,
                                  objectiveCoefficient: objective))
        return VariableID(index: variables.count - 1)
    }

    /// Adds `lowerBound ≤ Σ terms ≤ upperBound`.
    @discardableResult
    public mutating func addConstraint(_ name: String, _ terms: [Term], lowerBound: Double? = nil,
                                       upperBound: Double? = nil) -> ConstraintID {
        constraints.append(Constraint(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound))
        return ConstraintID(index: constraints.count - 1)
    }

    mutating func appendTerm(_ term: Term, to constraint: ConstraintID) {
        constraints[constraint.index].terms.append(term)
    }

    public mutating func setObjectiveCoefficient(_ coefficient: Double, of variable: VariableID) {
        variables[variable.index].objectiveCoefficient = coefficient
    }

    public mutating func setBounds(of variable: VariableID, lowerBound: Double?, upperBound: Double?) {
        variables[variable.index].lowerBound = lowerBound
        variables[variable.index].upperBound = upperBound
    }

    public var integerVariableCount: Int { variables.filter { $0.kind != .continuous }.count }
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    /// The objective of a full assignment of values, constant included.
    public func objectiveValue(of values: [Double]) -> Double {
        zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.objectiveCoefficient * $1.1 }
    }
}
