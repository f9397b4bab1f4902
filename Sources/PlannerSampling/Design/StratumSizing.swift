import PlannerCore

/// n_h for every stratum from the size rule: a total or a precision target for the whole sample, allocated;
/// or a precision target met in each stratum with its own N_h, then bounded.
struct StratumSizing: Sendable {
    let precisionBasis: PrecisionTarget
    let overallCalculation: SampleSizeCalculation?
    let allocation: Allocation?
    let perStratumCalculations: [SampleSizeCalculation]?
    /// n_h in the order of the strata given.
    let sizes: [Int]
    /// Whether a per-stratum target asked for more than the stratum's ceiling.
    let capped: [Bool]

    /// The precision column's assumptions when the size is given rather than computed.
    static let givenTotalBasis = PrecisionTarget(margin: 0.05)

    init(strata: [Stratum], frameSizes: [Int], parameters: SampleDesignParameters, clusterTake: Int?) throws {
        let basis: PrecisionTarget
        switch parameters.size {
        case .total:
            basis = Self.givenTotalBasis
        case .totalForPrecision(let target), .perStratumForPrecision(let target):
            basis = target
        }
        precisionBasis = basis
        // Validate the target before anything else is derived from it.
        _ = try SampleSizeCalculation(target: basis, clusterTake: clusterTake)
        let inputs = try strata.indices.map { h in
            let id = strata[h].id
            let proportion = parameters.stratumProportions[id.rawValue] ?? basis.proportion
            guard proportion > 0, proportion < 1 else {
                throw SamplingError.proportionOutOfRange(proportion, context: "expected proportion of stratum \(id)")
            }
            return StratumAllocationInput.forProportion(
                proportion, stratumID: id, populationSize: frameSizes[h],
                cost: parameters.stratumCosts[id.rawValue] ?? 1, minimum: parameters.minimumPerStratum,
                maximum: parameters.maximumPerStratum)
        }

        let totalToAllocate: Int?
        switch parameters.size {
        case .total(let given):
            totalToAllocate = given
            overallCalculation = nil
        case .totalForPrecision:
            let calculation = try SampleSizeCalculation(target: basis, populationSize: frameSizes.reduce(0, +),
                                                        clusterTake: clusterTake)
            totalToAllocate = calculation.sampleSize
            overallCalculation = calculation
        case .perStratumForPrecision:
            totalToAllocate = nil
            overallCalculation = nil
        }

        switch parameters.size {
        case .total, .totalForPrecision:
            let allocation = try Allocation(total: totalToAllocate ?? 0, strata: inputs, method: parameters.allocation,
                                            powerExponent: parameters.powerExponent)
            self.allocation = allocation
            perStratumCalculations = nil
            sizes = strata.map { allocation.size(of: $0.id) ?? 0 }
            capped = Array(repeating: false, count: strata.count)
        case .perStratumForPrecision(let target):
            let calculations = try frameSizes.map {
                try SampleSizeCalculation(target: target, populationSize: $0, clusterTake: clusterTake)
            }
            var bounded: [Int] = []
            var wasCapped: [Bool] = []
            for (h, input) in inputs.enumerated() {
                if let maximum = input.maximum, maximum < input.minimum || input.minimum < 0 {
                    throw SamplingError.invalidStratumBounds(minimum: input.minimum, maximum: maximum)
                }
                let wanted = calculations[h].sampleSize
                bounded.append(min(max(wanted, input.lowerBound), input.upperBound))
                wasCapped.append(wanted > input.upperBound)
            }
            allocation = nil
            perStratumCalculations = calculations
            sizes = bounded
            capped = wasCapped
        }
    }
}
