import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// The day-capacity bound holds for every plan, multi-site days included: no plan the planner prints — with day
/// patterns, pooled and merged, with a `travel.csv` shortcut, overloaded — costs less than it; and its dual search
/// stays at or below the LP it is the dual of, within 1 % of its optimum.
@Suite struct DayCapacityBoundTests {
    /// The bound the planner records (the dual search towards `target`), and the LP's optimum by GLPK.
    static func bound(_ request: FieldworkRequest, target: Double) throws
        -> (bound: Double, relaxation: Double, perKilometre: Double) {
        let instance = try AssignmentInstance(request: request)
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let capacity = DayCapacityBound(instance: instance, costs: costs)
        let relaxation = try #require(try GLPKSolver().solveRelaxation(capacity.relaxation(),
                                                                      options: request.solverOptions))
        return (capacity.bound(target: target), try #require(relaxation.objective), capacity.perKilometre)
    }

    /// Day-pattern plans of small instances (near their optimum: GLPK's gap 0 on the one-site stage, the patterns'
    /// master from there), some overloaded: the bound is below each printed objective, and above zero.
    @Test("below every printed plan of the small instances, with day patterns", arguments: 1...10 as ClosedRange<UInt64>)
    func belowPlansWithPatterns(seed: UInt64) throws {
        let request = BruteForceTests.smallRequest(seed: seed)
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let printed = try #require(plan.solver.printedObjective)
        let (bound, relaxation, _) = try Self.bound(request, target: printed)
        #expect(bound > 0)
        #expect(bound <= printed + 1e-6, "seed \(seed): bound \(bound), printed \(printed)")
        // The dual search never passes the LP's optimum (weak duality) and comes close to it.
        #expect(bound <= relaxation + 1e-6 * max(1, relaxation))
        #expect(bound >= relaxation * 0.99, "seed \(seed): bound \(bound), LP \(relaxation)")
        if let patterns = plan.solver.lowerBound { #expect(patterns <= printed + 1e-6) }
    }

    /// A `travel.csv` row far quicker than the great-circle formula lowers the minutes per kilometre the bound
    /// charges (a day could take that road), and the bound still holds.
    @Test("a travel.csv shortcut lowers the minutes per kilometre and the bound still holds",
          arguments: 1...6 as ClosedRange<UInt64>)
    func shortcut(seed: UInt64) throws {
        var request = BruteForceTests.smallRequest(seed: seed)
        let plain = try Self.bound(request, target: .infinity)
        request.dataset.travelOverrides = [TravelOverride(from: "31501", to: "31504", minutes: 1)]
        request.travel = TravelMatrix(dataset: request.dataset)
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        let printed = try #require(plan.solver.printedObjective)
        let shortcut = try Self.bound(request, target: printed)
        #expect(shortcut.perKilometre < plain.perKilometre)
        #expect(shortcut.bound <= printed + 1e-6, "seed \(seed): bound \(shortcut.bound), printed \(printed)")
    }

    /// A pooled plan records at least this bound as its plan's (or the pooled day patterns' when larger): below its
    /// printed objective, so that its gap is one over every plan and not the one-site model's.
    @Test("a pooled plan records at least the day-capacity bound as its plan's bound", arguments: 1...4 as ClosedRange<UInt64>)
    func pooledPlanRecordsIt(seed: UInt64) throws {
        let request = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        var planner = FieldworkPlanner()
        planner.poolingThreshold = 0
        let plan = try planner.plan(request, solver: GLPKSolver())
        let printed = try #require(plan.solver.printedObjective)
        let recorded = try #require(plan.solver.lowerBound)
        // The larger of it and the pooled day patterns' bound.
        #expect(recorded >= min(try Self.bound(request, target: printed).bound, printed) - 1e-6)
        #expect(recorded <= printed + 1e-9)
        #expect(plan.solver.planBound == recorded)
        #expect(try #require(plan.solver.planGap) >= 0)
    }
}
