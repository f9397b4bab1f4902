import Testing
@testable import PlannerSampling

@Suite struct SelectionTests {
    /// §2.3 of the research note: one pass leaves the second unit at 0.67; the second pass makes it certain.
    static let skewedSizes: [Double] = [5000, 900, 120, 110, 100, 95, 80, 75, 60, 50, 40, 30, 25, 20, 15]

    @Test func certaintyUnitsAreExtractedIteratively() throws {
        let inclusion = try InclusionProbabilities(sizes: Self.skewedSizes, sampleSize: 5)
        #expect(inclusion.isCertain.prefix(3) == [true, true, false])
        #expect(inclusion.certaintyCount == 2)
        #expect(inclusion.passes == 3)
        #expect(abs(inclusion.probabilities.reduce(0, +) - 5) < 1e-9)
        let expected = [1, 1, 0.439, 0.4024, 0.3659, 0.3476, 0.2927, 0.2744, 0.2195, 0.1829, 0.1463, 0.1098, 0.0915,
                        0.0732, 0.0549]
        for (pi, value) in zip(inclusion.probabilities, expected) { #expect(abs(pi - value) < 5e-5) }
    }

    @Test func inclusionProbabilitiesSumToTheSampleSize() throws {
        var generator = Xoshiro256StarStar(seed: 31)
        for _ in 0..<200 {
            let count = 1 + generator.nextIndex(below: 60)
            let sizes = (0..<count).map { _ in
                generator.nextIndex(below: 5) == 0 ? 0 : pow10(generator.nextUnitInterval() * 4)
            }
            let positive = sizes.filter { $0 > 0 }.count
            guard positive > 0 else { continue }
            let n = 1 + generator.nextIndex(below: positive)
            let inclusion = try InclusionProbabilities(sizes: sizes, sampleSize: n)
            #expect(abs(inclusion.probabilities.reduce(0, +) - Double(n)) < 1e-9)
            for (size, pi) in zip(sizes, inclusion.probabilities) {
                #expect(pi >= 0 && pi <= 1)
                #expect((size == 0) == (pi == 0))
            }
        }
    }

    @Test func forcedCertaintiesAndErrors() throws {
        let inclusion = try InclusionProbabilities(sizes: [10, 10, 10, 10], sampleSize: 2,
                                                   forcedCertain: [false, false, false, true])
        let third: Double = 1.0 / 3
        let expected: [Double] = [third, third, third, 1]
        #expect(inclusion.probabilities == expected)
        #expect(throws: SamplingError.tooManyCertaintyUnits(count: 2, sampleSize: 1)) {
            try InclusionProbabilities(sizes: [1, 2, 3], sampleSize: 1, forcedCertain: [true, true, false])
        }
        #expect(throws: SamplingError.sampleExceedsFrame(sampleSize: 3, frameSize: 2)) {
            try InclusionProbabilities(sizes: [1, 0, 3], sampleSize: 3)
        }
        #expect(throws: SamplingError.negativeSizeMeasure(unitID: "position 1", size: -1)) {
            try InclusionProbabilities(sizes: [1, -1, 3], sampleSize: 1)
        }
    }

    @Test func simpleRandomSamplingFrequencies() throws {
        let replicates = 40_000
        var generator = Xoshiro256StarStar(seed: 101)
        var counts = Array(repeating: 0, count: 10)
        var pairCount = 0
        for _ in 0..<replicates {
            let sample = try SimpleRandomSelection.select(sampleSize: 3, frameSize: 10, using: &generator)
            #expect(Set(sample).count == 3)
            for k in sample { counts[k] += 1 }
            if sample.contains(0) && sample.contains(9) { pairCount += 1 }
        }
        let z = MonteCarlo.maxAbsZ(counts: counts, probabilities: Array(repeating: 0.3, count: 10), replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: 10))
        // π_kl = n(n−1)/(N(N−1)) = 6/90.
        let pair = 6.0 / 90
        #expect(abs(Double(pairCount) / Double(replicates) - pair) < 4 * (pair * (1 - pair) / Double(replicates)).squareRoot())
    }

    @Test func orderedDrawPrefixesAreSimpleRandomSamples() throws {
        var generator = Xoshiro256StarStar(seed: 5)
        let replicates = 30_000
        var firstPosition = Array(repeating: 0, count: 8)
        for _ in 0..<replicates {
            let draw = try SimpleRandomSelection.orderedDraw(count: 5, from: 8, using: &generator)
            #expect(Set(draw).count == 5 && draw.allSatisfy { $0 >= 0 && $0 < 8 })
            firstPosition[draw[0]] += 1
        }
        let z = MonteCarlo.maxAbsZ(counts: firstPosition, probabilities: Array(repeating: 1.0 / 8, count: 8),
                                   replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: 8))
        // Large frames stay O(n): a draw from a billion positions is quick and distinct.
        let wide = try SimpleRandomSelection.orderedDraw(count: 1000, from: 1_000_000_000, using: &generator)
        #expect(Set(wide).count == 1000)
    }

    /// samplics' integer interval gives the tail unit frequency 0 for N = 10, n = 3; the fractional interval
    /// gives every unit .3.
    @Test func systematicFrequenciesIncludeTheTail() throws {
        let replicates = 40_000
        var generator = Xoshiro256StarStar(seed: 202)
        var counts = Array(repeating: 0, count: 10)
        for _ in 0..<replicates {
            let sample = try SystematicSelection.select(sampleSize: 3, frameSize: 10, using: &generator)
            #expect(Set(sample).count == 3)
            for k in sample { counts[k] += 1 }
        }
        #expect(counts[9] > 0)
        let z = MonteCarlo.maxAbsZ(counts: counts, probabilities: Array(repeating: 0.3, count: 10), replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: 10))
        #expect(try SystematicSelection.select(sampleSize: 4, frameSize: 4, using: &generator) == [0, 1, 2, 3])
        #expect(try SystematicSelection.select(sampleSize: 0, frameSize: 4, using: &generator) == [])
        #expect(throws: SamplingError.sampleExceedsFrame(sampleSize: 5, frameSize: 4)) {
            try SystematicSelection.select(sampleSize: 5, frameSize: 4, using: &generator)
        }
    }

    @Test func ppsSystematicFrequenciesWithCertainties() throws {
        let inclusion = try InclusionProbabilities(sizes: Self.skewedSizes, sampleSize: 5)
        let replicates = 40_000
        var generator = Xoshiro256StarStar(seed: 303)
        var counts = Array(repeating: 0, count: Self.skewedSizes.count)
        for _ in 0..<replicates {
            let sample = PPSSystematicSelection.select(inclusion, using: &generator)
            #expect(sample.count == 5 && Set(sample).count == 5)
            for k in sample { counts[k] += 1 }
        }
        #expect(counts[0] == replicates && counts[1] == replicates)
        let z = MonteCarlo.maxAbsZ(counts: counts, probabilities: inclusion.probabilities, replicates: replicates)
        #expect(z < MonteCarlo.bonferroniBound(units: Self.skewedSizes.count))
    }

    /// The Horvitz–Thompson total is unbiased: the mean over replicates lies within 4 Monte Carlo standard
    /// errors of the true total.
    @Test func horvitzThompsonIsUnbiased() throws {
        let sizes = Self.skewedSizes
        let values = sizes.enumerated().map { k, x in 0.3 * x + Double((k * 37) % 11) - 5 }
        let truth = values.reduce(0, +)
        let inclusion = try InclusionProbabilities(sizes: sizes, sampleSize: 5)
        var generator = Xoshiro256StarStar(seed: 404)
        let replicates = 30_000
        var sum = 0.0
        var sumOfSquares = 0.0
        for _ in 0..<replicates {
            let estimate = PPSSystematicSelection.select(inclusion, using: &generator)
                .reduce(0.0) { $0 + values[$1] / inclusion.probabilities[$1] }
            sum += estimate
            sumOfSquares += estimate * estimate
        }
        let mean = sum / Double(replicates)
        let variance = (sumOfSquares - Double(replicates) * mean * mean) / Double(replicates - 1)
        let standardError = (variance / Double(replicates)).squareRoot()
        #expect(abs(mean - truth) < 4 * standardError)
    }
}

private func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    var remaining = exponent
    while remaining >= 1 { result *= 10; remaining -= 1 }
    return result * (1 + 9 * remaining)  // monotone, spread over four decades; exactness does not matter
}
