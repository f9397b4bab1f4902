import PlannerCore

/// Why a sample cannot be sized, allocated or drawn as asked, with the values that made it impossible.
///
/// Every impossible design is reported, never silently repaired (peer tools' silent fallbacks are the
/// defect we avoid): the caller decides what to change.
public enum SamplingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A proportion (the target's p, or a stratum's expected proportion) outside (0, 1).
    case proportionOutOfRange(Double, context: String)
    /// A margin of error that is not positive, or an absolute margin of 1 or more.
    case invalidMargin(Double)
    case confidenceOutOfRange(Double)
    case invalidDesignEffect(Double)
    /// A response or eligibility rate outside (0, 1].
    case rateOutOfRange(name: String, value: Double)
    case invalidPopulationSize(Int)
    case negativeSampleSize(Int)
    /// A frame with no unit (or no unit with a positive size) to draw from.
    case emptyFrame(UnitType)
    case emptyStratum(StratumID)
    /// The total asked for exceeds what the strata can give under their ceilings (Σ min(max, N_h)).
    case totalExceedsCapacity(total: Int, capacity: Int)
    /// The per-stratum minimums alone exceed the total.
    case minimumsExceedTotal(total: Int, minimumSum: Int)
    case invalidStratumBounds(minimum: Int, maximum: Int)
    /// A cost, exponent or other allocation input that is not a positive finite number.
    case invalidAllocationInput(stratum: StratumID, name: String, value: Double)
    case invalidClusterTake(Int)
    case invalidReserveCount(Int)
    /// A selection method that does not apply to the unit type (PPS for households, two-stage for
    /// enterprises).
    case unsupportedSelection(unitType: UnitType, method: SampleDesignParameters.SelectionMethod)
    case negativeSizeMeasure(unitID: String, size: Double)
    case sampleExceedsFrame(sampleSize: Int, frameSize: Int)
    /// More certainty units than the stratum's sample size in a PPS draw.
    case tooManyCertaintyUnits(count: Int, sampleSize: Int)
    case unknownZone(enterprise: EnterpriseID, zone: ZoneID)
    case districtInSeveralGroups(DistrictCode)
    /// A unit whose commune is not in the commune list.
    case unknownCommune(unitID: String, commune: CommuneCode)
    /// A commune selected at the first stage has no household in the listing.
    case emptyListing(CommuneCode)
    /// A reserve release or response record that does not fit the stratum it is applied to.
    case invalidRelease(String)
    /// A sample size that no frame could hold (a margin or rate so small that n is not a finite count).
    case sampleSizeBeyondRange(Double)
    /// A design its own settings make impossible or unsafe (a unit that could never be drawn, a constraint
    /// that cannot hold), found while drawing; `key` is relative to the unit's `[sample.*]` table
    /// (`certainty_employees`, `precision.margin`). `SampleDesigner` turns it into `refusedSetting`.
    case unmeetableSetting(key: String, expected: String, found: String)
    /// A design refused at the `survey.toml` key that causes it, located when the dataset was read from a file.
    case refusedSetting(SettingRefusal)

    public var description: String {
        switch self {
        case .proportionOutOfRange(let p, let context):
            "proportion \(p) (\(context)) must lie strictly between 0 and 1"
        case .invalidMargin(let margin):
            "margin of error \(margin) must be positive (and below 1 when absolute)"
        case .confidenceOutOfRange(let confidence):
            "confidence level \(confidence) must lie strictly between 0 and 1"
        case .invalidDesignEffect(let deff):
            "design effect \(deff) must be a positive finite number"
        case .rateOutOfRange(let name, let value):
            "\(name) \(value) must lie in (0, 1]"
        case .invalidPopulationSize(let size):
            "population size \(size) must be positive"
        case .negativeSampleSize(let size):
            "sample size \(size) must not be negative"
        case .emptyFrame(let unitType):
            "the \(unitType.rawValue) frame has no unit to sample"
        case .emptyStratum(let stratum):
            "stratum \(stratum) has no unit to sample"
        case .totalExceedsCapacity(let total, let capacity):
            "a total of \(total) exceeds the \(capacity) units the strata can give under their ceilings"
        case .minimumsExceedTotal(let total, let minimumSum):
            "the per-stratum minimums add up to \(minimumSum), more than the total of \(total)"
        case .invalidStratumBounds(let minimum, let maximum):
            "per-stratum minimum \(minimum) and maximum \(maximum) must satisfy 0 ≤ minimum ≤ maximum"
        case .invalidAllocationInput(let stratum, let name, let value):
            "stratum \(stratum): \(name) \(value) must be a positive finite number"
        case .invalidClusterTake(let take):
            "households per commune \(take) must be positive"
        case .invalidReserveCount(let count):
            "reserve units per stratum \(count) must not be negative"
        case .unsupportedSelection(let unitType, let method):
            "selection method \(method.rawValue) does not apply to \(unitType.rawValue)s"
        case .negativeSizeMeasure(let unitID, let size):
            "unit \(unitID) has a negative size measure \(size)"
        case .sampleExceedsFrame(let sampleSize, let frameSize):
            "a sample of \(sampleSize) cannot be drawn without replacement from \(frameSize) units"
        case .tooManyCertaintyUnits(let count, let sampleSize):
            "\(count) certainty units exceed the sample size \(sampleSize)"
        case .unknownZone(let enterprise, let zone):
            "enterprise \(enterprise) refers to industrial zone \(zone), which is not in the zone list"
        case .districtInSeveralGroups(let district):
            "district \(district) appears in more than one district group"
        case .unknownCommune(let unitID, let commune):
            "unit \(unitID) refers to commune \(commune), which is not in the commune list"
        case .emptyListing(let commune):
            "commune \(commune) was selected but has no listed household"
        case .invalidRelease(let reason):
            "reserve release: \(reason)"
        case .sampleSizeBeyondRange(let size):
            "a sample size of \(size) units is beyond any frame: widen the margin or raise the rates"
        case .unmeetableSetting(let key, let expected, let found):
            "\(key): expected \(expected), found \(found)"
        case .refusedSetting(let refusal):
            refusal.description
        }
    }
}
