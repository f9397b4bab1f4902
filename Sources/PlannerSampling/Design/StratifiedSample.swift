import PlannerCore

/// The design and the drawn sample of one unit type: strata, sizes, allocation, units and weights.
public struct StratifiedSample: Hashable, Sendable {
    public let unitType: UnitType
    public let parameters: SampleDesignParameters
    /// The target behind the sizes (for a given total, the stated `[precision]` target it is checked against),
    /// or, when no target is stated, the assumptions of the precision column (p = .5, 95 %, deff 1, full
    /// response).
    public let precisionBasis: PrecisionTarget
    /// Whether `precisionBasis` is a stated target rather than assumptions.
    public let precisionBasisIsStated: Bool
    /// [formula n, design n] when a whole-sample target needed more than the formula's n under the allocation
    /// and the design's weights; nil otherwise.
    public let raisedTotal: [Int]?
    /// The precision the whole sample gives, and the whole-sample target when there is one.
    public let overallPrecision: OverallPrecision
    /// Households per commune in a two-stage design; nil otherwise.
    public let clusterTake: Int?
    /// Strata in ID order.
    public let strata: [Stratum]
    /// The whole-sample computation for `totalForPrecision`, with N = ΣN_h.
    public let overallSizeCalculation: SampleSizeCalculation?
    /// The allocation for `total` and `totalForPrecision`; nil when each stratum is sized on its own.
    public let allocation: Allocation?
    /// In stratum ID order.
    public let rows: [AllocationRow]
    /// Main and reserve units, in output order (stratum, role, rank, unit ID).
    public let units: [SampledUnit]
    /// In stratum, then unit ID order.
    public let certaintyUnits: [CertaintyUnit]
    /// Where reserves replace refusals (strata, or communes of a two-stage design), in ID order.
    public let releaseGroups: [ReleaseGroup]
    /// What the design does that the settings did not ask for (fewer reserves, a target not met), in stratum
    /// order: shown by the commands and written in the design report.
    public let warnings: [DesignWarning]

    public init(unitType: UnitType, parameters: SampleDesignParameters, precisionBasis: PrecisionTarget,
                precisionBasisIsStated: Bool, raisedTotal: [Int]?, overallPrecision: OverallPrecision,
                clusterTake: Int?, strata: [Stratum], overallSizeCalculation: SampleSizeCalculation?,
                allocation: Allocation?, rows: [AllocationRow], units: [SampledUnit], certaintyUnits: [CertaintyUnit],
                releaseGroups: [ReleaseGroup], warnings: [DesignWarning] = []) {
        self.unitType = unitType
        self.parameters = parameters
        self.precisionBasis = precisionBasis
        self.precisionBasisIsStated = precisionBasisIsStated
        self.raisedTotal = raisedTotal
        self.overallPrecision = overallPrecision
        self.clusterTake = clusterTake
        self.strata = strata
        self.overallSizeCalculation = overallSizeCalculation
        self.allocation = allocation
        self.rows = rows
        self.units = units
        self.certaintyUnits = certaintyUnits
        self.releaseGroups = releaseGroups
        self.warnings = warnings
    }

    public var mainUnits: [SampledUnit] { units.filter { $0.role == .main } }
    public var reserveUnits: [SampledUnit] { units.filter { $0.role == .reserve } }
    /// ΣN_h.
    public var frameSize: Int { rows.reduce(0) { $0 + $1.frameSize } }
    /// Main units drawn.
    public var sampleSize: Int { rows.reduce(0) { $0 + $1.sampleSize } }

    /// The margin of error expected for the whole population from the stratified sample
    /// (`overallPrecision.absolute`): z·√(Σ_h W_h²·V_h), W_h = N_h/N and V_h = (e_h/z)² the variance behind each
    /// stratum's margin.
    public var expectedOverallMargin: Double { overallPrecision.absolute }
}
