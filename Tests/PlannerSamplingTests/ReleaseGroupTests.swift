import PlannerCore
import Testing
@testable import PlannerSampling

@Suite struct ReleaseGroupTests {
    /// An SRS stratum of N = 40 with n = 5 main units and 3 reserves.
    static let stratum = ReleaseGroup(
        groupID: "EN-941", stratumID: "EN-941", frameSize: 40, mainCount: 5, firstStageProbability: 1,
        members: (1...5).map { ReleaseGroup.Member(unitID: "M\($0)", role: .main, reserveRank: nil, mainDrawProbability: 5.0 / 40) }
            + (1...3).map { (rank: Int) in
                ReleaseGroup.Member(unitID: "R\(rank)", role: .reserve, reserveRank: rank, mainDrawProbability: 5.0 / 40)
            })

    @Test func simpleRandomStratumGetsNOverRespondents() throws {
        // Two refusals (M2, M4) replaced by two reserves; R1 responds, R2 refuses: 4 respondents of 7 released.
        let weights = try Self.stratum.releasedWeights(released: 2, respondents: ["M1", "M3", "M5", "R1"])
        #expect(weights.map(\.unitID) == ["M1", "M2", "M3", "M4", "M5", "R1", "R2"])
        for weight in weights {
            #expect(abs(weight.inclusionProbability - 7.0 / 40) < 1e-15)
            #expect(abs(weight.designWeight - 40.0 / 7) < 1e-12)
            #expect(abs(weight.nonresponseAdjustment - 7.0 / 4) < 1e-12)
            #expect(weight.finalWeight == (weight.responded ? weight.designWeight * weight.nonresponseAdjustment : 0))
        }
        let respondents = weights.filter(\.responded)
        #expect(respondents.allSatisfy { abs($0.finalWeight - 10) < 1e-12 })  // N/m = 40/4
        #expect(abs(respondents.reduce(0) { $0 + $1.finalWeight } - 40) < 1e-9)
    }

    @Test func communeWeightIsInverseFirstStageTimesListedOverRespondents() throws {
        let commune = ReleaseGroup(
            groupID: "31498", stratumID: "HH-941", frameSize: 120, mainCount: 10, firstStageProbability: 0.25,
            members: (1...10).map { ReleaseGroup.Member(unitID: "H\($0)", role: .main, reserveRank: nil, mainDrawProbability: 10.0 / 120) }
                + (1...3).map { (rank: Int) in
                    ReleaseGroup.Member(unitID: "X\(rank)", role: .reserve, reserveRank: rank, mainDrawProbability: 10.0 / 120)
                })
        let respondents: Set<String> = ["H1", "H2", "H3", "H5", "H6", "H7", "H8", "H9", "X1"]
        let weights = try commune.releasedWeights(released: 1, respondents: respondents)
        #expect(weights.count == 11)
        for weight in weights where weight.responded {
            #expect(abs(weight.finalWeight - (1 / 0.25) * 120 / 9) < 1e-9)
            #expect(abs(weight.inclusionProbability - 0.25 * 11 / 120) < 1e-15)
        }
    }

    @Test func ppsStratumKeepsCertaintiesAndRaisesTheOthers() throws {
        let group = ReleaseGroup(
            groupID: "EN-IZ01", stratumID: "EN-IZ01", frameSize: 10, mainCount: 3, firstStageProbability: 1,
            members: [
                .init(unitID: "A", role: .main, reserveRank: nil, mainDrawProbability: 1),
                .init(unitID: "B", role: .main, reserveRank: nil, mainDrawProbability: 0.6),
                .init(unitID: "C", role: .main, reserveRank: nil, mainDrawProbability: 0.2),
                .init(unitID: "D", role: .reserve, reserveRank: 1, mainDrawProbability: 0.1),
            ])
        let weights = try group.releasedWeights(released: 1, respondents: ["A", "B", "D"])
        let byID = Dictionary(uniqueKeysWithValues: weights.map { ($0.unitID, $0) })
        #expect(byID["A"]!.inclusionProbability == 1)
        #expect(abs(byID["B"]!.inclusionProbability - (0.6 + 0.4 / 7)) < 1e-15)
        #expect(abs(byID["D"]!.inclusionProbability - (0.1 + 0.9 / 7)) < 1e-15)
        // The adjustment restores the released design weight total among respondents.
        let released = weights.reduce(0) { $0 + $1.designWeight }
        #expect(abs(weights.reduce(0) { $0 + $1.finalWeight } - released) < 1e-9)
    }

    @Test func invalidReleasesAreTypedErrors() {
        #expect(throws: SamplingError.invalidRelease("4 reserves released in EN-941, which has 3")) {
            try Self.stratum.releasedWeights(released: 4, respondents: ["M1"])
        }
        #expect(throws: SamplingError.invalidRelease("respondent R3 is not a released unit of EN-941")) {
            try Self.stratum.releasedWeights(released: 2, respondents: ["M1", "R3"])
        }
        #expect(throws: SamplingError.invalidRelease("no released unit of EN-941 responded; merge it with another class")) {
            try Self.stratum.releasedWeights(released: 0, respondents: [])
        }
    }

    /// The plan's reserve units carry the probability of the sample released up to their rank.
    @Test func planReservesCarryReleasedProbabilities() throws {
        let parameters = SampleDesignParameters(stratification: .district, selection: .simpleRandom, size: .total(30),
                                                allocation: .proportional, reservePerStratum: 4)
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 8)
        for row in sample.rows {
            let n = Double(row.sampleSize)
            let frame = Double(row.frameSize)
            for unit in sample.reserveUnits where unit.stratumID == row.stratumID {
                #expect(abs(unit.inclusionProbability - (n + Double(unit.reserveRank!)) / frame) < 1e-12)
            }
        }
    }
}
