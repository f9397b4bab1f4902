/// What allocation needs to know about one stratum.
public struct StratumAllocationInput: Hashable, Sendable {
    public var stratumID: StratumID
    /// N_h, the units in the stratum's frame.
    public var populationSize: Int
    /// S_h, the unit standard deviation (for a proportion √(P_h(1−P_h))); used by Neyman, cost-optimal and power.
    public var standardDeviation: Double
    /// Ȳ_h, the stratum mean (for a proportion P_h); power allocation works on the unit CV S_h/Ȳ_h.
    public var mean: Double
    /// c_h, the relative cost of one interview; used by cost-optimal allocation.
    public var cost: Double
    /// Floor and ceiling of n_h before capping by N_h; nil ceiling means N_h.
    public var minimum: Int
    public var maximum: Int?

    public init(stratumID: StratumID, populationSize: Int, standardDeviation: Double = 0.5, mean: Double = 0.5,
                cost: Double = 1, minimum: Int = 0, maximum: Int? = nil) {
        self.stratumID = stratumID
        self.populationSize = populationSize
        self.standardDeviation = standardDeviation
        self.mean = mean
        self.cost = cost
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The input for a proportion P_h: S_h = √(P_h(1−P_h)) and Ȳ_h = P_h.
    public static func forProportion(_ proportion: Double, stratumID: StratumID, populationSize: Int,
                                     cost: Double = 1, minimum: Int = 0, maximum: Int? = nil) -> Self {
        Self(stratumID: stratumID, populationSize: populationSize,
             standardDeviation: (proportion * (1 - proportion)).squareRoot(), mean: proportion, cost: cost,
             minimum: minimum, maximum: maximum)
    }

    /// The effective floor: the minimum, but never above N_h.
    var lowerBound: Int { min(minimum, populationSize) }
    /// The effective ceiling: the maximum, but never above N_h.
    var upperBound: Int { min(maximum ?? populationSize, populationSize) }
}
