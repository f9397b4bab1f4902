import Testing
@testable import PlannerSampling

/// Reference outputs come from an independent Python implementation of SplitMix64 and xoshiro256**
/// (SplitMix64 from seed 0 starts 0xe220a8397b1dcdaf, the published reference value).
@Suite struct GeneratorTests {
    @Test func splitMixMatchesReference() {
        var generator = SplitMix64(state: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(generator.next() == 0x06c4_5d18_8009_454f)
    }

    @Test(arguments: [
        (UInt64(0), [UInt64(0x99ec_5f36_cb75_f2b4), 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0, 0x6aa5_94f1_262d_2d2c]),
        (UInt64(42), [UInt64(0x1578_0b2e_0c2e_c716), 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1]),
    ])
    func xoshiroMatchesReference(seed: UInt64, expected: [UInt64]) {
        var generator = Xoshiro256StarStar(seed: seed)
        #expect((0..<4).map { _ in generator.next() } == expected)
    }

    @Test func unitIntervalUsesTopFiftyThreeBits() {
        var generator = Xoshiro256StarStar(seed: 42)
        #expect(generator.nextUnitInterval() == 0.08386297105988216)
        #expect(generator.nextUnitInterval() == 0.3789802506626686)
    }

    @Test func boundedIntegersMatchReferenceAndStayInRange() {
        var generator = Xoshiro256StarStar(seed: 7)
        #expect((0..<8).map { _ in generator.nextIndex(below: 10) } == [7, 2, 8, 9, 9, 8, 0, 1])
        for bound in [1, 2, 3, 7, 1000, Int.max] {
            for _ in 0..<200 {
                let value = generator.nextIndex(below: bound)
                #expect(value >= 0 && value < bound)
            }
        }
    }

    /// Lemire's method is exactly unbiased; a chi-square test over a bound that does not divide 2⁶⁴ catches
    /// a modulo-style bias only if it were gross, and checks that all values occur.
    @Test func boundedIntegersAreUniform() {
        var generator = Xoshiro256StarStar(seed: 2023)
        let bound = 7
        let draws = 70_000
        var counts = Array(repeating: 0, count: bound)
        for _ in 0..<draws { counts[generator.nextIndex(below: bound)] += 1 }
        let expected = Double(draws) / Double(bound)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // 6 degrees of freedom: the 99.9th percentile is 22.46.
        #expect(chiSquare < 22.46)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = Xoshiro256StarStar(seed: 5, stream: "HH-941")
        var b = Xoshiro256StarStar(seed: 5, stream: "HH-941")
        var c = Xoshiro256StarStar(seed: 5, stream: "HH-942")
        var d = Xoshiro256StarStar(seed: 6, stream: "HH-941")
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
        #expect(Xoshiro256StarStar.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(Xoshiro256StarStar.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
