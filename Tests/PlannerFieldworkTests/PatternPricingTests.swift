@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

/// The pricing of day patterns: the exact knapsack over a day's visits, pricing only near pairs of sites, and a
/// dive that prices nothing.
@Suite struct PatternPricingTests {
    typealias Item = PatternGeneration.Pricing.Item

    /// Every count vector within the caps, kept when it fits and visits exactly `sites` sites: the best value.
    static func bruteForce(_ items: [Item], capacity: Double, sites: Int) -> Double? {
        var best: Double?
        var counts = Array(repeating: 0, count: items.count)
        func visit(_ index: Int) {
            if index == items.count {
                let weight = zip(items, counts).reduce(0.0) { $0 + $1.0.weight * Double($1.1) }
                let visited = Set(zip(items, counts).filter { $0.1 > 0 }.map { $0.0.site })
                guard weight <= capacity + 1e-9, visited.count == sites else { return }
                let value = zip(items, counts).reduce(0.0) { $0 + $1.0.value * Double($1.1) + ($1.1 > 0 ? $1.0.bonus : 0) }
                best = max(best ?? -.infinity, value)
                return
            }
            for count in 0...items[index].cap {
                counts[index] = count
                visit(index + 1)
            }
            counts[index] = 0
        }
        visit(0)
        return best
    }

    @Test("the best visits of a day are the best of every count within the caps that fits, at exactly its sites",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func bestVisitsIsExact(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var found = 0
        for _ in 0..<60 {
            let sites = Int.random(in: 1...2, using: &random)
            let items = (0..<Int.random(in: 1...4, using: &random)).map { index in
                Item(demand: index, site: sites == 1 ? 7 : [7, 9][index % 2],
                     weight: [40.0, 55.0].randomElement(using: &random)!,
                     value: Double(Int.random(in: 0...60, using: &random)),
                     bonus: Bool.random(using: &random) ? Double(Int.random(in: 0...90, using: &random)) : 0,
                     cap: Int.random(in: 1...6, using: &random))
            }
            let capacity = Double(Int.random(in: 0...400, using: &random))
            let expected = Self.bruteForce(items, capacity: capacity, sites: sites)
            let best = PatternGeneration.Pricing.bestVisits(items, capacity: capacity, sites: sites)
            #expect((best == nil) == (expected == nil))
            guard let best, let expected else { continue }
            found += 1
            #expect(abs(best.value - expected) < 1e-9)
            // The counts it returns are a solution of that value.
            let weight = zip(items, best.counts).reduce(0.0) { $0 + $1.0.weight * Double($1.1) }
            #expect(weight <= capacity + 1e-9)
            #expect(zip(items, best.counts).allSatisfy { $0.1 >= 0 && $0.1 <= $0.0.cap })
            let value = zip(items, best.counts).reduce(0.0) { $0 + $1.0.value * Double($1.1) + ($1.1 > 0 ? $1.0.bonus : 0) }
            #expect(abs(value - best.value) < 1e-9)
        }
        #expect(found > 20)
    }

    @Test("a pair's bound never exceeds its exact reduced cost, stops only once it is enough, and often prunes",
          arguments: [1, 2, 3, 4] as [UInt64])
    func pairBoundIsBelowTheExactSearch(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var compared = 0, pruned = 0
        for _ in 0..<300 {
            let move = Double(Int.random(in: 0...20, using: &random))
            let budget = Double(Int.random(in: 240...480, using: &random))
            func siteItems(_ site: Int) -> [Item] {
                (0..<Int.random(in: 1...2, using: &random)).map { kind in
                    Item(demand: site * 2 + kind, site: site,
                         weight: [35.0, 45.0, 60.0].randomElement(using: &random)! + move,
                         value: Double(Int.random(in: 0...40, using: &random)),
                         bonus: Bool.random(using: &random) ? Double(Int.random(in: 0...80, using: &random)) : 0,
                         cap: Int.random(in: 1...12, using: &random))
                }
            }
            let first = siteItems(3), second = siteItems(8)
            let travel = Double(Int.random(in: 0...300, using: &random))
            let capacity = budget - travel + 2 * move
            let summaries = (PatternGeneration.Pricing.SiteSummary(first, budget: budget, move: move),
                             PatternGeneration.Pricing.SiteSummary(second, budget: budget, move: move))
            let bound = PatternGeneration.Pricing.pairLowerBound(summaries.0, summaries.1, travel: travel,
                                                                 room: max(0, capacity), enough: .infinity)
            // Stopped at a threshold, the bound is either the whole bound or already at least the threshold.
            let enough = Double(Int.random(in: -200...100, using: &random))
            let stopped = PatternGeneration.Pricing.pairLowerBound(summaries.0, summaries.1, travel: travel,
                                                                   room: max(0, capacity), enough: enough)
            #expect(stopped >= enough || stopped == bound)
            #expect(stopped <= bound + 1e-9)
            guard let exact = PatternGeneration.Pricing.bestVisits(first + second, capacity: capacity, sites: 2) else {
                continue
            }
            compared += 1
            #expect(bound <= travel - exact.value + 1e-9,
                    "bound \(bound) above the exact reduced cost \(travel - exact.value)")
            // The fractional knapsack alone bounds the visits' value.
            let fractional = PatternGeneration.Pricing.fractionalValue(summaries.0.densestFirst, summaries.1.densestFirst,
                                                                       room: max(0, capacity))
            #expect(fractional + summaries.0.bonuses + summaries.1.bonuses >= exact.value - 1e-9)
            if bound > 0 { pruned += 1 }
        }
        #expect(compared > 100)
        // A bound that never rises above zero would prune nothing: pricing relies on it to skip pairs.
        #expect(pruned > 10)
    }

    @Test("pricing only near pairs bounds every pattern's reduced cost from below, and is exact when it says so",
          arguments: [1, 2, 3, 4] as [UInt64])
    func nearPairsBoundTheRest(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let request = SyntheticSurvey(seed: seed, size: .medium).request
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let siteMinutes = instance.sites.map { from in
            instance.sites.map { to in instance.travel.minutes(from: from.place, to: to.place) }
        }
        #expect(PatternGeneration.Pricing.nearestPairs(siteMinutes: siteMinutes, neighbours: instance.sites.count) == nil)
        let paired = try #require(PatternGeneration.Pricing.nearestPairs(siteMinutes: siteMinutes, neighbours: 2))
        #expect(paired.indices.allSatisfy { site in paired[site].filter { $0 }.count >= 2 && !paired[site][site] })
        #expect(paired.indices.allSatisfy { first in paired.indices.allSatisfy { paired[first][$0] == paired[$0][first] } })
        let scheduler = TripScheduler(instance: instance)
        let full = PatternGeneration.Pricing(instance: instance, scheduler: scheduler, siteMinutes: siteMinutes)
        let near = PatternGeneration.Pricing(instance: instance, scheduler: scheduler, siteMinutes: siteMinutes,
                                             pairedSites: paired)
        var incomplete = 0, complete = 0
        for round in 0..<12 {
            // Large duals price nearly every pair out; small ones leave the far pairs no chance.
            let scale = [40.0, 4.0, 1.0][round % 3]
            let rowDuals = assignment.model.constraints.indices.map { _ in Double.random(in: -scale...scale, using: &random) }
            let duals = PatternGeneration.Pricing.Duals(model: assignment, rowDuals: rowDuals)
            for profile in PatternGeneration.Pricing.profiles(of: instance) {
                for (exact, restricted) in zip(full.price(workers: profile, duals: duals),
                                               near.price(workers: profile, duals: duals)) {
                    #expect(exact.complete)
                    #expect(restricted.leastReducedCost <= exact.leastReducedCost + 1e-9)
                    if restricted.complete {
                        complete += 1
                        #expect(abs(restricted.leastReducedCost - exact.leastReducedCost) < 1e-6)
                    } else {
                        incomplete += 1
                    }
                    // What it prices is priced exactly: each pattern's sites are one site or a near pair.
                    for pattern in restricted.patterns where pattern.siteOrder.count == 2 {
                        #expect(paired[pattern.siteOrder[0]][pattern.siteOrder[1]])
                    }
                }
            }
        }
        #expect(incomplete > 0 && complete > 0)
    }

    @Test("a generation pricing only near pairs never bounds above the LP over every pattern, nor claims convergence early",
          arguments: [2023, 7] as [UInt64])
    func nearPairsGenerationBound(seed: UInt64) throws {
        let instance = try AssignmentInstance(request: SyntheticSurvey(seed: seed, size: .medium).request)
        let full = try PatternGeneration(instance: instance, balanceMinutesPerExcessDay: 60)
            .generate(solver: GLPKSolver(), timeLimitSeconds: 60, dive: false)
        #expect(full.converged)
        let optimum = try #require(full.lowerBound)
        var near = PatternGeneration(instance: instance, balanceMinutesPerExcessDay: 60)
        near.pairNeighbours = 2
        let restricted = try near.generate(solver: GLPKSolver(), timeLimitSeconds: 60, dive: false)
        let bound = try #require(restricted.lowerBound)
        #expect(bound >= 0 && bound <= optimum + 1e-6 * max(1, optimum))
        if restricted.converged { #expect(abs(bound - optimum) <= 1e-6 * max(1, optimum)) }
        // Stopped early, with pairs left unpriced, the generation prices every pair at its last LP: the bound it
        // reports is then never below the rounds' own, and above them when the far pairs' bounds were loose.
        var raised = 0
        for rounds in [4, 6] {
            near.roundLimit = rounds
            let priced = try near.generate(solver: GLPKSolver(), timeLimitSeconds: 60, dive: false)
            var withoutPass = near
            withoutPass.boundsEveryPairAtTheEnd = false
            let roundsOnly = try withoutPass.generate(solver: GLPKSolver(), timeLimitSeconds: 60, dive: false)
            let pricedBound = try #require(priced.lowerBound), roundsBound = try #require(roundsOnly.lowerBound)
            #expect(pricedBound >= roundsBound - 1e-9)
            #expect(pricedBound <= optimum + 1e-6 * max(1, optimum))
            if pricedBound > roundsBound + 1e-6 { raised += 1 }
        }
        #expect(raised > 0)
    }

    @Test("a dive that prices nothing ends on an integral plan over the generated patterns alone",
          arguments: [2023, 7] as [UInt64])
    func diveWithoutPricing(seed: UInt64) throws {
        let instance = try AssignmentInstance(request: SyntheticSurvey(seed: seed, size: .medium).request)
        var generation = PatternGeneration(instance: instance, balanceMinutesPerExcessDay: 60)
        generation.pricesDuringDive = false
        let outcome = try generation.generate(solver: GLPKSolver(), timeLimitSeconds: 60)
        let dive = try #require(outcome.dive)
        #expect(outcome.generatedPatterns > 0)
        #expect(outcome.assignment.patterns.count == outcome.generatedPatterns)
        #expect(outcome.assignment.respectsBoundsAndDays(dive.trips, patterns: dive.patterns))
        let bound = try #require(outcome.lowerBound)
        #expect(outcome.assignment.objective(trips: dive.trips, patterns: dive.patterns) >= bound - 1e-6 * max(1, bound))
        // The same generation pricing in its dive adds patterns there, after the same generated ones.
        let pricing = try PatternGeneration(instance: instance, balanceMinutesPerExcessDay: 60)
            .generate(solver: GLPKSolver(), timeLimitSeconds: 60)
        #expect(pricing.generatedPatterns == outcome.generatedPatterns)
        #expect(Array(pricing.assignment.patterns.prefix(outcome.generatedPatterns)) == outcome.assignment.patterns)
        #expect(pricing.assignment.patterns.count >= pricing.generatedPatterns)
    }
}
