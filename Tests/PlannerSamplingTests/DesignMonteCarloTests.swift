import PlannerCore
import Testing
@testable import PlannerSampling

/// Whole designs replicated over many seeds: the inclusion probabilities the plan reports are the frequencies
/// with which units are drawn.
@Suite struct DesignMonteCarloTests {
    /// One district of five communes (6, 12, 30, 4, 60 households); 6 households at a take of 3 means two
    /// communes, and the largest commune (60 of 112) is a certainty.
    static let communeSizes = [6, 12, 30, 4, 60]
    static let communes = communeSizes.enumerated().map { i, size in
        Fixture.commune("3170\(i)", .commune, "941", size)
    }

    static func twoStageDataset() -> Dataset {
        let parameters = SampleDesignParameters(stratification: .district, selection: .twoStage, size: .total(6),
                                                allocation: .proportional, minimumPerStratum: 0, takePerCluster: 3,
                                                reservePerStratum: 2)
        return Fixture.dataset(households: parameters, communes: communes)
    }

    @Test func twoStageInclusionFrequenciesAndHorvitzThompson() throws {
        let dataset = Self.twoStageDataset()
        // π = π1·take/M_i: π1 = 1 for the certainty commune, 1·M_i/52 for the others, so π = 3/52 or 3/60.
        var probabilities: [String: Double] = [:]
        var values: [String: Double] = [:]
        for (i, commune) in Self.communes.enumerated() {
            let firstStage = commune.households == 60 ? 1 : Double(commune.households) / 52
            for line in 1...commune.households {
                let id = RegisterLine.unitID(commune: commune.code, line: line)
                probabilities[id] = firstStage * 3 / Double(commune.households)
                values[id] = Double(i * 10 + line % 7)
            }
        }
        let ids = probabilities.keys.sorted()
        let truth = ids.reduce(0.0) { $0 + values[$1]! }
        var counts: [String: Int] = [:]
        var estimates: [Double] = []
        let replicates = 6_000
        for seed in 0..<UInt64(replicates) {
            let sample = try SampleDesigner.design(.household, dataset: dataset, seed: seed)
            #expect(sample.mainUnits.count == 6)
            var estimate = 0.0
            for unit in sample.mainUnits {
                counts[unit.unitID, default: 0] += 1
                #expect(abs(unit.inclusionProbability - probabilities[unit.unitID]!) < 1e-12)
                estimate += values[unit.unitID]! * unit.designWeight
            }
            estimates.append(estimate)
        }
        let z = MonteCarlo.maxAbsZ(counts: ids.map { counts[$0] ?? 0 }, probabilities: ids.map { probabilities[$0]! },
                                   replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: ids.count))
        let mean = estimates.reduce(0, +) / Double(replicates)
        let variance = estimates.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates - 1)
        #expect(abs(mean - truth) < 4 * (variance / Double(replicates)).squareRoot())
    }

    /// The release formula π(r) = π + (1 − π)·r/(N − n): after two releases from a PPS stratum, each unit is
    /// in the released sample with that probability.
    @Test(arguments: [SampleDesignParameters.SelectionMethod.ppsSystematic, .systematic, .simpleRandom])
    func releasedSampleFrequencies(selection: SampleDesignParameters.SelectionMethod) throws {
        let enterprises = Array(Fixture.enterprises.prefix(12)).map { enterprise in
            var moved = enterprise
            moved.zoneID = nil
            return moved
        }
        let parameters = SampleDesignParameters(stratification: .districtGroups, selection: selection, size: .total(4),
                                                allocation: .proportional, minimumPerStratum: 0, reservePerStratum: 3,
                                                districtGroups: [["941", "942", "943"]])
        let dataset = Fixture.dataset(enterprises: parameters, enterpriseList: enterprises)
        var counts: [String: Int] = [:]
        var expected: [String: Double] = [:]
        let replicates = 8_000
        for seed in 0..<UInt64(replicates) {
            let sample = try SampleDesigner.design(.enterprise, dataset: dataset, seed: seed)
            let group = try #require(sample.releaseGroups.first)
            #expect(sample.releaseGroups.count == 1 && group.frameSize == 12 && group.mainCount == 4)
            for member in group.members {
                if member.role == .main || member.reserveRank! <= 2 { counts[member.unitID, default: 0] += 1 }
                let released = group.stageProbability(mainDrawProbability: member.mainDrawProbability, released: 2)
                if let known = expected[member.unitID] {
                    #expect(abs(known - released) < 1e-12)
                } else {
                    expected[member.unitID] = released
                }
            }
        }
        let ids = expected.keys.sorted()
        #expect(ids.count == 12)
        #expect(abs(ids.reduce(0.0) { $0 + expected[$1]! } - 6) < 1e-9)
        let z = MonteCarlo.maxAbsZ(counts: ids.map { counts[$0] ?? 0 }, probabilities: ids.map { expected[$0]! },
                                   replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: ids.count))
    }
}
