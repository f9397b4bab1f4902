import PlannerCore
import PlannerSampling

/// The sample design as the summary page shows it: one row per stratum, whether the design was just drawn
/// (`planner sample`, `planner plan`) or read back from a plan folder's `allocation.csv` (`planner assign`).
///
/// Reading the CSV back rather than redrawing keeps `planner assign` from depending on the sampler: the page
/// shows exactly the figures the designer filed.
public struct SampleDesignSummary: Hashable, Sendable {
    /// One stratum: its frame, its sample and the precision expected from it.
    public struct Stratum: Hashable, Sendable {
        public var id: StratumID
        public var label: String
        public var unitType: UnitType
        /// N_h.
        public var frameSize: Int
        public var allocatedSize: Int
        /// Main units drawn.
        public var sampleSize: Int
        public var reserveSize: Int
        /// Half-width of the confidence interval of a proportion, and the same relative to p.
        public var expectedMargin: Double
        public var expectedRelativeMargin: Double
        public var designEffect: Double

        public init(id: StratumID, label: String, unitType: UnitType, frameSize: Int, allocatedSize: Int,
                    sampleSize: Int, reserveSize: Int, expectedMargin: Double, expectedRelativeMargin: Double,
                    designEffect: Double) {
            self.id = id
            self.label = label
            self.unitType = unitType
            self.frameSize = frameSize
            self.allocatedSize = allocatedSize
            self.sampleSize = sampleSize
            self.reserveSize = reserveSize
            self.expectedMargin = expectedMargin
            self.expectedRelativeMargin = expectedRelativeMargin
            self.designEffect = designEffect
        }
    }

    /// Enterprise strata, then household strata, each in ID order (as `allocation.csv`).
    public var strata: [Stratum]

    public init(strata: [Stratum]) {
        self.strata = strata
    }

    /// The design of a freshly drawn sample.
    public init(plan: SamplePlan) {
        strata = plan.rows.map { row in
            Stratum(id: row.stratumID, label: row.label,
                    unitType: row.stratumID.rawValue.hasPrefix("HH") ? .household : .enterprise,
                    frameSize: row.frameSize, allocatedSize: row.allocatedSize, sampleSize: row.sampleSize,
                    reserveSize: row.reserveSize, expectedMargin: row.expectedMargin.absolute,
                    expectedRelativeMargin: row.expectedMargin.relative,
                    designEffect: row.expectedMargin.designEffect)
        }
    }

    /// The strata of one unit type.
    public func strata(of type: UnitType) -> [Stratum] { strata.filter { $0.unitType == type } }

    /// The margin expected for the whole population of one unit type: √(Σ W_h²·e_h²), W_h = N_h/N.
    ///
    /// The same figure as `StratifiedSample.expectedOverallMargin` (z cancels out of z·√(Σ W_h²·(e_h/z)²)), so it
    /// can be computed from `allocation.csv` alone. Nil when the type has no strata.
    public func overallMargin(of type: UnitType) -> Double? {
        let rows = strata(of: type)
        let total = Double(rows.reduce(0) { $0 + $1.frameSize })
        guard !rows.isEmpty, total > 0 else { return nil }
        let sum = rows.reduce(0.0) { sum, row in
            let share = Double(row.frameSize) / total
            return sum + share * share * row.expectedMargin * row.expectedMargin
        }
        return sum.squareRoot()
    }
}
