import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

/// The work a re-plan's routes do not keep, planned again as a first plan around the kept days
/// (`Replanner.patternedRest`): compared with the stable model's routes alone (`plansRestAgain` off), on the
/// per-enumerator re-plan and on the pooled one (forced by `poolingThreshold`).
@Suite struct PatternedRestTests {
    @Test("the work not kept, planned again: all kept visits stay, every rule holds, the routes cost less",
          arguments: [31, 32, 33] as [UInt64], [false, true])
    func plannedAgain(seed: UInt64, pooled: Bool) throws {
        let survey = SyntheticSurvey(seed: seed, size: .medium)
        let request = FieldworkRequest(dataset: PooledReplanTests.copied(survey.dataset, copies: 2), units: survey.units)
        let (replan, dropped) = try PooledReplanTests.replanRequest(request, asOf: nil, dropping: true, timeLimit: 10)
        var stableOnly = pooled ? PooledReplanTests.pooling : Replanner()
        stableOnly.plansRestAgain = false
        var again = stableOnly
        again.plansRestAgain = true
        let before = try stableOnly.plan(replan, solver: GLPKSolver())
        let after = try again.plan(replan, solver: GLPKSolver())
        #expect(before.plan.model.name.hasPrefix("fieldwork_replan"))

        #expect(ReplannerTests.checker(for: replan).violations(of: after.plan) == [])
        #expect(!after.plan.visits.contains { dropped.contains($0.enumeratorID) })
        #expect(Set(after.plan.visits.map(\.unitID)).count == after.plan.visits.count)
        #expect(after.plan.visits.count + after.plan.unscheduledUnitIDs.count == replan.units.count)
        #expect(after.plan.unscheduledUnitIDs.count <= before.plan.unscheduledUnitIDs.count)
        // The rest is planned around the days that repeat a previous visit, so nothing kept is lost.
        let previous = Set(replan.previousVisits.map { "\($0.unitID) \($0.enumeratorID.rawValue) \($0.date)" })
        func kept(_ result: ReplanResult) -> Set<String> {
            Set(result.plan.visits.map { "\($0.unitID) \($0.enumeratorID.rawValue) \($0.date)" }.filter(previous.contains))
        }
        #expect(kept(before).isSubset(of: kept(after)))
        #expect(after.changes.count(.kept) >= before.changes.count(.kept))
        // A first plan's machinery (multi-site days chosen in the optimisation, neighbourhood search) routes the rest
        // for less than the stable model's routes: re-packed around the kept visits, or one-site days merged.
        let cost = { (result: ReplanResult) in result.plan.solver.planObjective }
        #expect(cost(after) < cost(before) - 1e-6, "\(cost(after)) against \(cost(before))")
        #expect(after.plan.solver.patternColumns > 0)
        #expect(after.plan.routes.contains { $0.siteIDs.count >= 2 })
        // The bound is the whole re-plan's (pattern LP, or day capacity when pooled), so it holds for both.
        let bound = try #require(after.plan.solver.lowerBound)
        #expect(bound <= cost(after) + 1e-6 && bound <= cost(before) + 1e-6)
    }
}
