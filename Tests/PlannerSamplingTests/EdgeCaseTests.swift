import PlannerCore
import Testing
@testable import PlannerSampling

/// The edge cases the issue names: n = N, n_h > N_h, zero and negative size measures, a stratum with a single
/// commune, duplicates.
@Suite struct EdgeCaseTests {
    @Test(arguments: [1, 7, 50])
    func aCensusTakesEveryUnitWithCertainty(frameSize: Int) throws {
        var generator = Xoshiro256StarStar(seed: UInt64(frameSize))
        #expect(try SimpleRandomSelection.select(sampleSize: frameSize, frameSize: frameSize, using: &generator)
                    == Array(0..<frameSize))
        #expect(try SystematicSelection.select(sampleSize: frameSize, frameSize: frameSize, using: &generator)
                    == Array(0..<frameSize))
        let sizes = (0..<frameSize).map { Double($0 % 5 + 1) }
        let inclusion = try InclusionProbabilities(sizes: sizes, sampleSize: frameSize)
        #expect(inclusion.probabilities.allSatisfy { $0 == 1 })
        #expect(PPSSystematicSelection.select(inclusion, using: &generator) == Array(0..<frameSize))
    }

    @Test func aSampleLargerThanItsFrameIsATypedError() {
        var generator = Xoshiro256StarStar(seed: 1)
        #expect(throws: SamplingError.sampleExceedsFrame(sampleSize: 4, frameSize: 3)) {
            try SimpleRandomSelection.select(sampleSize: 4, frameSize: 3, using: &generator)
        }
        #expect(throws: SamplingError.sampleExceedsFrame(sampleSize: 4, frameSize: 3)) {
            try SystematicSelection.select(sampleSize: 4, frameSize: 3, using: &generator)
        }
    }

    /// Zero-size units can never be drawn; the sample still has n units and Σπ = n.
    @Test func zeroSizeMeasuresAreNeverSelected() throws {
        let sizes: [Double] = [0, 5, 0, 10, 20, 0, 7]
        let inclusion = try InclusionProbabilities(sizes: sizes, sampleSize: 3)
        #expect(abs(inclusion.probabilities.reduce(0, +) - 3) < 1e-9)
        for seed in 0..<200 {
            var generator = Xoshiro256StarStar(seed: UInt64(seed))
            let selected = PPSSystematicSelection.select(inclusion, using: &generator)
            #expect(selected.count == 3)
            #expect(selected.allSatisfy { sizes[$0] > 0 })
        }
        #expect(throws: SamplingError.self) { try InclusionProbabilities(sizes: [3, -2, 1], sampleSize: 1) }
    }

    /// A district with one commune: the commune is certain (π1 = 1) and its households carry π = π2.
    @Test func aStratumWithASingleCommuneTakesItWithCertainty() throws {
        var communes = Fixture.communes
        communes.append(Fixture.commune("31999", .commune, "944", 900))
        let dataset = Fixture.dataset(households: SampleDesignParameters(
            stratification: .district, selection: .twoStage, size: .total(120), allocation: .proportional,
            minimumPerStratum: 10, takePerCluster: 10, reservePerStratum: 2), communes: communes)
        let plan = try SampleDesigner.design(dataset: dataset, seed: 9)
        let lonely = plan.households.units.filter { $0.communeCode == "31999" && $0.role == .main }
        #expect(!lonely.isEmpty)
        for unit in lonely {
            #expect(unit.firstStageProbability == 1)
            #expect(abs(unit.inclusionProbability - Double(lonely.count) / 900) < 1e-12)
        }
    }

    /// Every main unit of a plan is distinct, and no reserve repeats a main unit, for every selection method.
    @Test(arguments: SampleDesignParameters.SelectionMethod.allCases.filter { $0 != .twoStage && $0 != .ppsSystematic })
    func noUnitIsDrawnTwice(method: SampleDesignParameters.SelectionMethod) throws {
        let dataset = Fixture.dataset(households: SampleDesignParameters(
            stratification: .district, selection: method, size: .total(400), allocation: .proportional,
            reservePerStratum: 5), listing: Fixture.listing { min($0.households, 60) })
        let plan = try SampleDesigner.design(dataset: dataset, seed: 4)
        let ids = plan.units.map(\.unitID)
        #expect(Set(ids).count == ids.count)
    }
}

@Suite struct RegisterLineTests {
    @Test func registerLineIDsRoundTripAndOthersAreNotLines() {
        for line in [1, 42, 99_999, 123_456] {
            let id = RegisterLine.unitID(commune: "31498", line: line)
            #expect(RegisterLine.line(of: id) == line)
        }
        #expect(RegisterLine.unitID(commune: "31498", line: 7) == "HH-31498-00007")
        #expect(RegisterLine.line(of: "HH31498-000001") == nil)
        #expect(RegisterLine.line(of: "DN0001") == nil)
        #expect(RegisterLine.line(of: "HH-31498-x") == nil)
    }
}
