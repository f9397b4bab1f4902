/// A survey's sample: households and enterprises, with the seed and generator that reproduce it.
public struct SamplePlan: Hashable, Sendable {
    public let seed: UInt64
    public let generatorName: String
    public let generatorVersion: String
    public let households: StratifiedSample
    public let enterprises: StratifiedSample

    public init(seed: UInt64, households: StratifiedSample, enterprises: StratifiedSample) {
        self.seed = seed
        generatorName = Xoshiro256StarStar.name
        generatorVersion = Xoshiro256StarStar.version
        self.households = households
        self.enterprises = enterprises
    }

    /// Every unit of both samples in output order (stratum, role, rank, unit ID).
    public var units: [SampledUnit] { (enterprises.units + households.units).sorted(by: SampledUnit.outputOrder) }
    public var rows: [AllocationRow] { enterprises.rows + households.rows }
    public var certaintyUnits: [CertaintyUnit] { enterprises.certaintyUnits + households.certaintyUnits }
    /// Households' warnings, then enterprises'.
    public var warnings: [DesignWarning] { households.warnings + enterprises.warnings }
}
