/// One line of the allocation table: a stratum's frame, sample and expected precision.
public struct AllocationRow: Hashable, Sendable {
    public let stratumID: StratumID
    public let label: String
    /// N_h: households (census count, or listed households for a one-stage design on a listing) or enterprises.
    public let frameSize: Int
    /// Communes with households in the stratum (two-stage only).
    public let communeCount: Int?
    /// n_h from the allocation or the per-stratum precision target, within the bounds.
    public let allocatedSize: Int
    /// Main units drawn. Two-stage: selected communes × take (less where a commune has fewer households than
    /// the take), so it can exceed the allocated size by up to take − 1 (or C_h − 1 when the take was raised);
    /// one-stage: the allocated size, or
    /// the certainty units when they alone exceed it.
    public let sampleSize: Int
    /// Communes selected (two-stage only).
    public let selectedCommunes: Int?
    /// Households per selected commune (two-stage only): the design's take, or ⌈n_h/C_h⌉ when the stratum has
    /// too few communes for n_h at that take and every commune is taken.
    public let takePerCommune: Int?
    /// The smallest and largest take used in the selected communes (two-stage only): below `takePerCommune`
    /// in a commune with fewer households.
    public let takeRange: ClosedRange<Int>?
    /// Reserve units drawn.
    public let reserveSize: Int
    /// Reserve units the settings asked for (`reservePerStratum`, per selected commune in a two-stage design);
    /// more than `reserveSize` where the frame ran out.
    public let reservesAsked: Int
    /// The size computation with this stratum's N_h, for a per-stratum precision target.
    public let sizeCalculation: SampleSizeCalculation?
    /// Whether the per-stratum target asked for more than the stratum's ceiling (min(max, N_h)).
    public let cappedAtCeiling: Bool
    /// The precision the drawn sample gives: at the stratum's own p_h, with the clustering effect (1 where every
    /// commune is taken: the communes are then strata) times Kish's effect of the drawn weights.
    public let precision: DomainPrecision
    /// c_h, the relative interview cost (1 when not given).
    public let cost: Double
    /// a_h, the allocation rule's weight; nil when each stratum is sized on its own.
    public let allocationWeight: Double?
    /// The smallest and largest π and design weight 1/π of the main units.
    public let probabilityRange: ClosedRange<Double>
    public let weightRange: ClosedRange<Double>
    /// The coefficient of variation of the main units' design weights (0 when they are equal).
    public let weightCV: Double

    /// The margin of error expected from `sampleSize` (`precision.margin`).
    public var expectedMargin: ExpectedMargin { precision.margin }

    public init(stratumID: StratumID, label: String, frameSize: Int, communeCount: Int?, allocatedSize: Int,
                sampleSize: Int, selectedCommunes: Int?, takePerCommune: Int?, takeRange: ClosedRange<Int>?,
                reserveSize: Int, reservesAsked: Int, sizeCalculation: SampleSizeCalculation?,
                cappedAtCeiling: Bool, precision: DomainPrecision, cost: Double, allocationWeight: Double?,
                probabilityRange: ClosedRange<Double>, weightRange: ClosedRange<Double>, weightCV: Double) {
        self.stratumID = stratumID
        self.label = label
        self.frameSize = frameSize
        self.communeCount = communeCount
        self.allocatedSize = allocatedSize
        self.sampleSize = sampleSize
        self.selectedCommunes = selectedCommunes
        self.takePerCommune = takePerCommune
        self.takeRange = takeRange
        self.reserveSize = reserveSize
        self.reservesAsked = reservesAsked
        self.sizeCalculation = sizeCalculation
        self.cappedAtCeiling = cappedAtCeiling
        self.precision = precision
        self.cost = cost
        self.allocationWeight = allocationWeight
        self.probabilityRange = probabilityRange
        self.weightRange = weightRange
        self.weightCV = weightCV
    }
}
