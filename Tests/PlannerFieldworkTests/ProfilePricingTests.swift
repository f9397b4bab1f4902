@testable import PlannerFieldwork
import PlannerTestSupport
import Testing

/// Pricing day patterns once per profile of alike enumerators (`PatternGeneration.Pricing.price(workers:duals:)`).
@Suite struct ProfilePricingTests {
    @Test("each member of a profile gets exactly the patterns and least reduced cost it gets priced alone",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func profilePricingIsMemberPricing(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let request = EvenWorkloadTests.request(officeHouseholds: Int.random(in: 5...60, using: &random),
                                                nearHouseholds: Int.random(in: 5...60, using: &random))
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let profiles = PatternGeneration.Pricing.profiles(of: instance)
        let names = profiles.map { $0.map { instance.workers[$0].enumerator.id.rawValue } }
        // EN05's enterprise skill changes no option where the sample has no enterprise; EN04 works half days.
        #expect(names == [["EN01", "EN02", "EN03", "EN05"], ["EN04"]])
        let pricing = PatternGeneration.Pricing(
            instance: instance, scheduler: TripScheduler(instance: instance),
            siteMinutes: instance.sites.map { from in
                instance.sites.map { to in instance.travel.minutes(from: from.place, to: to.place) }
            })
        var patternsFound = 0
        for _ in 0..<20 {
            // Random duals: what a round's LP could give (cover and day-count duals non-negative; the members' own
            // day and balance duals differ, which is what the profile's pricing must account for).
            let rowDuals = assignment.model.constraints.indices.map { _ in Double.random(in: -40...40, using: &random) }
            let duals = PatternGeneration.Pricing.Duals(model: assignment, rowDuals: rowDuals)
            for profile in profiles {
                let together = pricing.price(workers: profile, duals: duals)
                #expect(together.count == profile.count)
                for (member, priced) in zip(profile, together) {
                    let alone = try #require(pricing.price(workers: [member], duals: duals).first)
                    #expect(priced.patterns == alone.patterns)
                    #expect(priced.leastReducedCost == alone.leastReducedCost)
                    #expect(priced.patterns.allSatisfy { $0.workerIndex == member })
                    patternsFound += priced.patterns.count
                }
            }
        }
        #expect(patternsFound > 0, "some random duals price a pattern out")
    }
}
