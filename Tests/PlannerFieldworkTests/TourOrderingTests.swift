import PlannerCore
@testable import PlannerFieldwork
import PlannerTestSupport
import Testing

@Suite struct TourOrderingTests {
    /// Asymmetric random costs between `count` stops and a start (index `count`).
    static func costs(count: Int, seed: UInt64) -> [[Double]] {
        var random = SplitMix64(seed: seed)
        return (0...count).map { _ in (0...count).map { _ in Double.random(in: 1...100, using: &random) } }
    }

    static func allPermutations(_ count: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        return allPermutations(count - 1).flatMap { shorter in
            (0...shorter.count).map { position in
                var longer = shorter
                longer.insert(count - 1, at: position)
                return longer
            }
        }
    }

    @Test("exact for small tours: equals the cheapest of all permutations",
          arguments: [(1, 1), (2, 2), (3, 3), (5, 4), (7, 5), (9, 6), (9, 7)] as [(Int, UInt64)])
    func exact(count: Int, seed: UInt64) {
        let table = Self.costs(count: count, seed: seed)
        let cost: (Int?, Int?) -> Double = { table[$0 ?? count][$1 ?? count] }
        let order = TourOrdering.bestOrder(count: count, cost: cost)
        #expect(order.sorted() == Array(0..<count))
        let best = Self.allPermutations(count).map { TourOrdering.tourCost($0, cost: cost) }.min()!
        #expect(abs(TourOrdering.tourCost(order, cost: cost) - best) < 1e-9)
    }

    @Test("large tours: a permutation that no segment reversal shortens")
    func twoOptLocalOptimum() {
        let count = 16
        var random = SplitMix64(seed: 3)
        let points = (0...count).map { _ in (Double.random(in: 0...10, using: &random), Double.random(in: 0...10, using: &random)) }
        let cost: (Int?, Int?) -> Double = { from, to in
            let a = points[from ?? count], b = points[to ?? count]
            return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
        }
        let order = TourOrdering.bestOrder(count: count, cost: cost)
        #expect(order.sorted() == Array(0..<count))
        let length = TourOrdering.tourCost(order, cost: cost)
        for i in 0..<count {
            for j in (i + 1)..<count {
                var reversed = order
                reversed[i...j].reverse()
                #expect(TourOrdering.tourCost(reversed, cost: cost) >= length - 1e-9)
            }
        }
    }

    @Test("units without coordinates stand together at the commune point, in register-line order")
    func unlocatedByLabel() {
        let commune = SmallSurvey.commune("31498", east: 0, north: 0)
        var units = SmallSurvey.households(3, in: commune, prefix: "H")
        units[0].label = "10"
        units[1].label = "9"
        units[2].label = "A2"
        let located = FieldworkUnit(id: "L1", kind: .household, communeCode: "31498", districtCode: "941",
                                    location: SmallSurvey.point(east: 1, north: 0), label: "1", stratumID: "941")
        let order = VisitSequence.order(units + [located], entry: commune.location).map(\.label)
        let block = order.filter { $0 != "1" }
        #expect(block == ["9", "10", "A2"])
        #expect(order.count == 4)
    }
}
