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
