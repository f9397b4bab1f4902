import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Synchronization
import Testing

/// Day patterns on pooled (large) instances: `PooledInstance` maps plans to pools and back at the cost the argument
/// in its comment claims, and a pooled plan with patterns keeps every rule and records a bound that holds for the
/// per-enumerator plan of the same request.
@Suite struct PooledPatternStageTests {
    @Test("a plan pooled costs no more, and a pooled plan dealt to the members costs exactly as much",
          arguments: 1...6 as ClosedRange<UInt64>)
    func poolingAndDealing(seed: UInt64) throws {
        let request = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        let instance = try AssignmentInstance(request: request)
        let balance = request.balanceMinutesPerExcessDay
        // A per-enumerator plan with day patterns: the dive's end on the per-enumerator pattern LP.
        let outcome = try PatternGeneration(instance: instance, balanceMinutesPerExcessDay: balance)
            .generate(solver: GLPKSolver(), timeLimitSeconds: 30)
        let perEnumerator = try #require(outcome.dive)
        let model = outcome.assignment
        #expect(perEnumerator.patterns.contains { $0 > 0 }, "seed \(seed): the plan has no pattern to pool")

        let pooled = PooledInstance(instance)
        #expect(pooled.pools.count < instance.workers.count)
        let pooledDays: Int = pooled.instance.workers.reduce(0) { $0 + $1.usableDays.count }
        let memberDays: Int = pooled.pools.joined().reduce(0) { $0 + instance.workers[$1].usableDays.count }
        #expect(pooledDays == memberDays)
        let asPools = pooled.pooled(PooledInstance.Days(trips: perEnumerator.trips, patterns: model.patterns,
                                                        counts: perEnumerator.patterns))
        let poolModel = AssignmentModel(instance: pooled.instance, balanceMinutesPerExcessDay: balance,
                                        patterns: asPools.patterns)
        let poolObjective = poolModel.objective(trips: asPools.trips, patterns: asPools.counts)
        #expect(poolModel.costs == model.costs)
        #expect(poolModel.respectsBoundsAndDays(asPools.trips, patterns: asPools.counts))
        #expect(poolObjective <= model.objective(trips: perEnumerator.trips, patterns: perEnumerator.patterns) + 1e-6)
        #expect(poolModel.unservedUnits(trips: asPools.trips, patterns: asPools.counts)
                == model.unservedUnits(trips: perEnumerator.trips, patterns: perEnumerator.patterns))

        let dealt = pooled.dealt(asPools)
        let dealtModel = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: balance, patterns: dealt.patterns)
        #expect(dealtModel.respectsBoundsAndDays(dealt.trips, patterns: dealt.counts))
        #expect(abs(dealtModel.objective(trips: dealt.trips, patterns: dealt.counts) - poolObjective) < 1e-6,
                "seed \(seed): dealing changed the cost")
        // Dealt again after pooling, nothing changes: the dealing is the pools' own plan.
        let again = pooled.pooled(dealt)
        #expect(again.trips == asPools.trips)
        let againCounts: [DayPattern: Int] = Dictionary(zip(again.patterns, again.counts), uniquingKeysWith: +)
        let pooledCounts: [DayPattern: Int] = Dictionary(zip(asPools.patterns, asPools.counts), uniquingKeysWith: +)
        #expect(againCounts == pooledCounts)
    }

    @Test("the stage runs only with the time it needs, and never above the pooled option limit")
    func timeItNeeds() throws {
        let pooled = PooledInstance(try AssignmentInstance(request: PooledAssignmentModelTests.request(seed: 1, copies: 3)))
        let needed = Double(pooled.instance.options.count) * PooledPatternStage.secondsPerPooledOption
        #expect(pooled.instance.options.count > 0)
        #expect(PooledPatternStage.fits(pooled, seconds: needed))
        #expect(!PooledPatternStage.fits(pooled, seconds: needed * 0.99))
        #expect(pooled.instance.options.count < PooledPatternStage.pooledOptionLimit)
    }

    @Test("a pooled plan after the pooled day patterns keeps every rule, and its bound holds for the per-enumerator plan",
          arguments: 1...4 as ClosedRange<UInt64>)
    func pooledPlan(seed: UInt64) throws {
        let request = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        var pooledPlanner = FieldworkPlanner()
        pooledPlanner.poolingThreshold = 0
        let pooled = try pooledPlanner.plan(request, solver: GLPKSolver())
        let perEnumerator = try FieldworkPlanner().plan(request, solver: GLPKSolver())

        #expect(PlanChecker(request: request).violations(of: pooled) == [])
        #expect(pooled.visits.count + pooled.unscheduledUnitIDs.count == request.units.count)
        #expect(Set(pooled.visits.map(\.unitID)).count == pooled.visits.count)
        // The stage ran; its plan is printed when it is the cheapest (seeds 1 and 2 here), else the one-site plan
        // merged, whose model has no pattern column.
        #expect(pooled.solver.generationRounds > 0)
        if seed <= 2 { #expect(pooled.solver.patternColumns > 0) }
        let printed = try #require(pooled.solver.printedObjective)
        let bound = try #require(pooled.solver.lowerBound)
        #expect(bound <= printed + 1e-6)
        // A bound over every plan of at most two sites a day holds for the per-enumerator plan too.
        let other = try #require(perEnumerator.solver.printedObjective)
        #expect(bound <= other + 1e-6, "seed \(seed): pooled bound \(bound) above a plan of \(other)")
        #expect(pooled.unscheduledUnitIDs.count >= pooled.solver.unservedLowerBound ?? 0)
    }

    /// The progress lines of the pooled day patterns state a bound from the first round: the day-capacity bound,
    /// computed before the stage, until the generation's own passes it; never "bound 0.0 · gap 100 %", which read as
    /// if the plan could cost nothing. The plan's recorded bound is still at least the day-capacity bound.
    @Test("the pooled day patterns' progress shows a real bound from the first round", arguments: 1...2 as ClosedRange<UInt64>)
    func progressBound(seed: UInt64) throws {
        let request = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        var planner = FieldworkPlanner()
        planner.poolingThreshold = 0
        let seen = Mutex<[SolveProgress]>([])
        let plan = try planner.plan(request, solver: GLPKSolver()) { progress in seen.withLock { $0.append(progress) } }
        let generation = seen.withLock { $0 }.filter {
            $0.activity?.hasPrefix("column generation") == true || $0.activity?.hasPrefix("LP dive, round") == true
        }
        #expect(!generation.isEmpty)
        let instance = try AssignmentInstance(request: request)
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let capacity = DayCapacityBound(instance: instance, costs: costs).bound(target: try #require(plan.solver.printedObjective))
        #expect(capacity > 0)
        for progress in generation {
            let bound = try #require(progress.bestBound, "\(progress.activity ?? "")")
            #expect(bound > 0)
            #expect(bound >= capacity * (1 - 0.05), "\(progress.activity ?? ""): \(bound) against \(capacity)")
            #expect((progress.relativeGap ?? 1) < 1)
        }
        let recorded = try #require(plan.solver.lowerBound)
        #expect(recorded >= capacity * (1 - 0.05) - 1e-6)
    }
}
