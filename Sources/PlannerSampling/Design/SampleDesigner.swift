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

    /// The coefficient of variation of `values` (population form); 0 for fewer than two.
    static func coefficientOfVariation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return variance.squareRoot() / mean
    }

    /// deff_w and clustering a stratum is expected to have at n_h, from its inclusion probabilities before the
    /// draw (`DomainPrecision.expectedKishEffect`); the same rules as `StratumDraw`.
    static func expectedEffects(of frame: StratumFrame, sampleSize: Int, parameters: SampleDesignParameters,
                                twoStage: Bool) throws -> StratumSizing.ExpectedEffects {
        guard sampleSize > 0 else { return .init(weighting: 1, clustered: true) }
        if twoStage {
            let blocks = frame.blocks
            let take = parameters.takePerCluster
            let communesNeeded = (sampleSize + take - 1) / take
            let everyCommune = communesNeeded >= blocks.count
            let communeTake = communesNeeded > blocks.count ? (sampleSize + blocks.count - 1) / blocks.count : take
            let firstStage = everyCommune ? Array(repeating: 1.0, count: blocks.count)
                : try InclusionProbabilities(sizes: blocks.map { Double($0.commune.households) },
                                             sampleSize: communesNeeded).probabilities
            let effect = DomainPrecision.expectedKishEffect(probabilities: blocks.indices.lazy.compactMap { i in
                let listed = blocks[i].count
                guard listed > 0 else { return nil }
                return (firstStage[i] * Double(min(communeTake, listed)) / Double(listed), Double(listed))
            })
            return .init(weighting: effect, clustered: !everyCommune)
        }
        guard frame.stratum.unitType == .enterprise else { return .init(weighting: 1, clustered: true) }
        let forced = frame.enterprises.map { enterprise in
            parameters.certaintyEmployees.map { enterprise.employees >= $0 } ?? false
        }
        let forcedCount = forced.filter { $0 }.count
        let frameSize = frame.enterprises.count
        guard forcedCount < sampleSize, forcedCount < frameSize else { return .init(weighting: 1, clustered: true) }
        if parameters.selection == .ppsSystematic {
            let inclusion = try InclusionProbabilities(sizes: frame.enterprises.map { Double($0.employees) },
                                                       sampleSize: sampleSize, forcedCertain: forced)
            return .init(weighting: DomainPrecision.expectedKishEffect(
                probabilities: inclusion.probabilities.lazy.map { ($0, 1) }), clustered: true)
        }
        let open = Double(frameSize - forcedCount)
        return .init(weighting: DomainPrecision.expectedKishEffect(probabilities: [
            (1, Double(forcedCount)), (Double(sampleSize - forcedCount) / open, open),
        ]), clustered: true)
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
        let sizing = try StratumSizing(
            strata: frames.map(\.stratum), frameSizes: frameSizes, parameters: parameters, clusterTake: clusterTake,
            expectedEffects: { h, size in
                try expectedEffects(of: frames[h], sampleSize: size, parameters: parameters, twoStage: twoStage)
            })

        var units: [SampledUnit] = []
        var certaintyUnits: [CertaintyUnit] = []
        var releaseGroups: [ReleaseGroup] = []
        var rows: [AllocationRow] = []
        var warnings = unitType == .household ? ListingCensusCheck.warnings(dataset: dataset) : []
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
            let main = draw.units.filter { $0.role == .main }
            let precision = try DomainPrecision(
                sampleSize: draw.mainCount, frameSize: frameSizes[h], proportion: sizing.proportions[h],
                basis: sizing.precisionBasis, clusterTake: clusterTake,
                weightingEffect: DomainPrecision.kishEffect(of: main.map(\.designWeight)),
                clustered: !(twoStage && draw.selectedCommunes == frame.blocks.count),
                perStratumTarget: sizing.targetIsStated && sizing.targetPerStratum)
            if sizing.capped[h] {
                warnings.append(DesignWarning(
                    subject: "\(table).precision.margin",
                    message: "stratum \(frame.stratum.id) would need more than its ceiling of \(sizing.sizes[h]) units for "
                        + "the target ±\(StratumSizing.points(precision.targetMargin ?? 0)); it reaches "
                        + "±\(StratumSizing.points(precision.margin.absolute)): the target is not met there"))
            } else if case .total(let given) = parameters.size, !precision.meetsTarget {
                warnings.append(DesignWarning(
                    subject: "\(table).size",
                    message: "the given size \(given) gives stratum \(frame.stratum.id) ±"
                        + "\(StratumSizing.points(precision.margin.absolute)) where the target asks "
                        + "±\(StratumSizing.points(precision.targetMargin ?? 0))"))
            }
            let probabilities = main.map(\.inclusionProbability)
            let weights = main.map(\.designWeight)
            rows.append(AllocationRow(
                stratumID: frame.stratum.id, label: frame.stratum.label, frameSize: frameSizes[h],
                communeCount: twoStage ? frame.blocks.count : nil, allocatedSize: sizing.sizes[h],
                sampleSize: draw.mainCount, selectedCommunes: draw.selectedCommunes,
                takePerCommune: draw.takePerCommune, takeRange: draw.takeRange, reserveSize: draw.reserveCount,
                reservesAsked: draw.reserveCount + draw.reserveShortfalls.reduce(0) { $0 + $1.asked - $1.drawn },
                sizeCalculation: sizing.perStratumCalculations?[h], cappedAtCeiling: sizing.capped[h],
                precision: precision,
                cost: parameters.stratumCosts[frame.stratum.id.rawValue] ?? 1,
                allocationWeight: sizing.allocation?.strata.first { $0.stratumID == frame.stratum.id }?.weight,
                probabilityRange: (probabilities.min() ?? 0)...(probabilities.max() ?? 0),
                weightRange: (weights.min() ?? 0)...(weights.max() ?? 0),
                weightCV: Self.coefficientOfVariation(weights)))
        }
        let overall = OverallPrecision(
            strata: zip(frameSizes, rows.map(\.precision)).map { ($0, $1) },
            confidence: sizing.precisionBasis.confidence,
            target: sizing.targetIsStated && !sizing.targetPerStratum ? sizing.precisionBasis : nil)
        if case .total(let given) = parameters.size, !overall.meetsTarget {
            warnings.append(DesignWarning(
                subject: "\(table).size",
                message: "the given size \(given) gives the whole sample ±\(StratumSizing.points(overall.absolute)) where "
                    + "the target asks ±\(StratumSizing.points(overall.targetMargin ?? 0))"))
        }
        return StratifiedSample(
            unitType: unitType, parameters: parameters, precisionBasis: sizing.precisionBasis,
            precisionBasisIsStated: sizing.targetIsStated, raisedTotal: sizing.raisedTotal.map { [$0.formula, $0.design] },
            overallPrecision: overall,
            clusterTake: clusterTake, strata: frames.map(\.stratum),
            overallSizeCalculation: sizing.overallCalculation, allocation: sizing.allocation, rows: rows,
            units: units.sorted(by: SampledUnit.outputOrder), certaintyUnits: certaintyUnits,
            releaseGroups: releaseGroups, warnings: warnings)
    }
}
