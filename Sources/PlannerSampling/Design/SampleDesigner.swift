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
    public static func design(_ unitType: UnitType, dataset: Dataset, seed: UInt64) throws -> StratifiedSample {
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
            rows.append(AllocationRow(
                stratumID: frame.stratum.id, label: frame.stratum.label, frameSize: frameSizes[h],
                communeCount: twoStage ? frame.blocks.count : nil, allocatedSize: sizing.sizes[h],
                sampleSize: draw.mainCount, selectedCommunes: draw.selectedCommunes,
                takePerCommune: draw.takePerCommune, reserveSize: draw.reserveCount,
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
            releaseGroups: releaseGroups)
    }
}
