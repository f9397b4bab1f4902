/// New bounds for one variable, as a diving heuristic sets them between LP solves.
public struct BoundChange: Sendable, Hashable {
    public var variable: MIPModel.VariableID
    /// nil: no lower bound.
    public var lowerBound: Double?
    /// nil: no upper bound.
    public var upperBound: Double?

    public init(_ variable: MIPModel.VariableID, lowerBound: Double?, upperBound: Double?) {
        self.variable = variable
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}
