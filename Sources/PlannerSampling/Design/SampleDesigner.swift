import PlannerCore

/// Designs and draws a survey's samples from a dataset: strata, sizes, allocation, selection, reserves, weights.
///
/// Deterministic: the same dataset, settings and seed give the same plan. Each stratum draws from its own
/// stream, `Xoshiro256StarStar(seed: seed, stream: stratumID)`, so a change to one stratum (its size, its
/// frame) leaves every other stratum's sample unchanged. Strata are processed in ID order and no Dictionary or
/// Set order reaches the output.
public enum SampleDesigner {
    /// Households and enterprises as `dataset.settings` describes them, drawn with `seed` (which overrides
    /// `settings.seed`).
    /// - Throws: `SamplingError` for any impossible design (see each case).
    public static func design(dataset: Dataset, seed: UInt64) throws -> SamplePlan {
        SamplePlan(seed: seed, households: try design(.household, dataset: dataset, seed: seed),
                   enterprises: try design(.enterprise, dataset: dataset, seed: seed))
    }

    /// One unit type's sample, with its parameters from `dataset.settings`.
    ///
    /// - Throws: `SamplingError.refusedSetting`, located at the `survey.toml` key, for a design its settings
    ///   make impossible (a unit that could never be drawn, a constraint that cannot hold); other
    ///   `SamplingError`s for a frame that cannot be sampled whatever the settings.
    public static func design(_ unitType: UnitType, dataset: Dataset, seed: UInt64) throws -> StratifiedSample {
        do {
            return try draw(unitType, dataset: dataset, seed: seed)
        } catch let error as SamplingError {
            throw locate(error, unitType: unitType, dataset: dataset)
        }
    }

    /// The `[sample.*]` key that sets the total: `size` when given, else the precision target's margin.
    static func sizeKey(_ parameters: SampleDesignParameters) -> String {
        if case .total = parameters.size { return "size" }
        return "precision.margin"
    }

    /// The error at the `survey.toml` key that causes it, when a key does; unchanged otherwise.
    static func locate(_ error: SamplingError, unitType: UnitType, dataset: Dataset) -> SamplingError {
        let parameters = unitType == .household ? dataset.settings.households : dataset.settings.enterprises
        let key: String
        var expected = "a design the frame can support"
        var found = error.description
        switch error {
        case .unmeetableSetting(let settingKey, let settingExpected, let settingFound):
            (key, expected, found) = (settingKey, settingExpected, settingFound)
        case .minimumsExceedTotal:
            key = "minimum_per_stratum"
        case .totalExceedsCapacity:
            key = parameters.maximumPerStratum == nil ? sizeKey(parameters) : "maximum_per_stratum"
        case .tooManyCertaintyUnits:
            key = "certainty_employees"
        case .invalidStratumBounds:
            key = "maximum_per_stratum"
        case .invalidAllocationInput(_, let name, _):
            key = name == "cost" ? "stratum_costs" : name == "power exponent" ? "power_exponent" : "stratum_proportions"
        case .proportionOutOfRange(_, let context):
            key = context.contains("stratum") ? "stratum_proportions" : "precision.proportion"
        case .invalidMargin, .sampleSizeBeyondRange, .sampleExceedsFrame:
            key = sizeKey(parameters)
        case .confidenceOutOfRange:
            key = "precision.confidence"
        case .invalidDesignEffect:
            if case .perStratumForPrecision(let target) = parameters.size, case .fromClusterTake = target.designEffect {
                key = "precision.icc"
            } else if case .totalForPrecision(let target) = parameters.size, case .fromClusterTake = target.designEffect {
                key = "precision.icc"
            } else {
                key = "precision.design_effect"
            }
        case .rateOutOfRange(let name, _):
            key = name.hasPrefix("response") ? "precision.response_rate" : "precision.eligibility_rate"
        case .invalidClusterTake:
            key = "take_per_commune"
        case .invalidReserveCount:
            key = "reserve_per_stratum"
        case .unsupportedSelection:
            key = "selection"
        default:
            return error
        }
        let table = unitType == .household ? "sample.households" : "sample.enterprises"
        return .refusedSetting(SettingRefusal(key: "\(table).\(key)", expected: expected, found: found,
                                              source: dataset.settingsSource))
    }

    static func draw(_ unitType: UnitType, dataset: Dataset, seed: UInt64) throws -> StratifiedSample {
        let parameters = unitType == .household ? dataset.settings.households : dataset.settings.enterprises
        let twoStage = parameters.selection == .twoStage
        switch (unitType, parameters.selection) {
        case (.household, .ppsSystematic), (.enterprise, .twoStage):
            throw SamplingError.unsupportedSelection(unitType: unitType, method: parameters.selection)
        default:
            break
        }
        if twoStage, parameters.takePerCluster <= 0 { throw SamplingError.invalidClusterTake(parameters.takePerCluster) }
        guard parameters.reservePerStratum >= 0 else {
            throw SamplingError.invalidReserveCount(parameters.reservePerStratum)
        }
        let frames = try StratumFrame.build(unitType, dataset: dataset, parameters: parameters, twoStage: twoStage)
        guard !frames.isEmpty else { throw SamplingError.emptyFrame(unitType) }
        let clusterTake = twoStage ? parameters.takePerCluster : nil
        let frameSizes = frames.map { twoStage ? $0.censusHouseholds : $0.unitCount }
        let sizing = try StratumSizing(strata: frames.map(\.stratum), frameSizes: frameSizes, parameters: parameters,
                                       clusterTake: clusterTake)

        var units: [SampledUnit] = []
        var certaintyUnits: [CertaintyUnit] = []
        var releaseGroups: [ReleaseGroup] = []
        var rows: [AllocationRow] = []
        var warnings: [DesignWarning] = []
        let table = unitType == .household ? "sample.households" : "sample.enterprises"
        for (h, frame) in frames.enumerated() where sizing.sizes[h] == 0 {
            throw SamplingError.unmeetableSetting(
                key: "minimum_per_stratum",
                expected: "a minimum of at least 1, so that every stratum is sampled",
                found: "\(parameters.minimumPerStratum): the allocation gives stratum \(frame.stratum.id) no unit, so its "
                    + "\(frameSizes[h]) \(unitType.rawValue)s could never be drawn")
        }
        for (h, frame) in frames.enumerated() {
            var generator = Xoshiro256StarStar(seed: seed, stream: frame.stratum.id.rawValue)
            let draw = twoStage
                ? try StratumDraw.twoStage(frame: frame, sampleSize: sizing.sizes[h], parameters: parameters,
                                           using: &generator)
                : try StratumDraw.oneStage(frame: frame, sampleSize: sizing.sizes[h], parameters: parameters,
                                           using: &generator)
            units += draw.units
            certaintyUnits += draw.certaintyUnits.sorted { $0.unitID < $1.unitID }
            releaseGroups += draw.releaseGroups.sorted { $0.groupID < $1.groupID }
            if !draw.reserveShortfalls.isEmpty {
                let shortfalls = draw.reserveShortfalls.sorted { $0.group < $1.group }
                let drawn = shortfalls.reduce(0) { $0 + $1.drawn }
                let asked = shortfalls.reduce(0) { $0 + $1.asked }
                let place = twoStage
                    ? "\(shortfalls.count) commune\(shortfalls.count == 1 ? "" : "s") ("
                        + shortfalls.map { "\($0.group): \($0.drawn)" }.joined(separator: ", ") + ")"
                    : "the stratum (\(draw.mainCount) of \(frame.unitCount) units in the main sample)"
                warnings.append(DesignWarning(
                    subject: "\(table).reserve_per_stratum",
                    message: "stratum \(frame.stratum.id) has \(drawn) reserve\(drawn == 1 ? "" : "s") where \(asked) were "
                        + "asked in \(place): the frame has no more units, so refusals there beyond the reserves "
                        + "cannot be replaced"))
            }
            if sizing.capped[h] {
                warnings.append(DesignWarning(
                    subject: "\(table).precision",
                    message: "stratum \(frame.stratum.id) needs \(sizing.perStratumCalculations?[h].sampleSize ?? 0) units "
                        + "for the precision target but its ceiling is \(sizing.sizes[h]): the target is not met there"))
            }
            rows.append(AllocationRow(
                stratumID: frame.stratum.id, label: frame.stratum.label, frameSize: frameSizes[h],
                communeCount: twoStage ? frame.blocks.count : nil, allocatedSize: sizing.sizes[h],
                sampleSize: draw.mainCount, selectedCommunes: draw.selectedCommunes,
                takePerCommune: draw.takePerCommune, takeRange: draw.takeRange, reserveSize: draw.reserveCount,
                reservesAsked: draw.reserveCount + draw.reserveShortfalls.reduce(0) { $0 + $1.asked - $1.drawn },
                sizeCalculation: sizing.perStratumCalculations?[h], cappedAtCeiling: sizing.capped[h],
                expectedMargin: try SampleSizeCalculation.expectedMargin(
                    sampleSize: draw.mainCount, target: sizing.precisionBasis, populationSize: frameSizes[h],
                    clusterTake: clusterTake)))
        }
        return StratifiedSample(
            unitType: unitType, parameters: parameters, precisionBasis: sizing.precisionBasis,
            clusterTake: clusterTake, strata: frames.map(\.stratum),
            overallSizeCalculation: sizing.overallCalculation, allocation: sizing.allocation, rows: rows,
            units: units.sorted(by: SampledUnit.outputOrder), certaintyUnits: certaintyUnits,
            releaseGroups: releaseGroups, warnings: warnings)
    }
}
