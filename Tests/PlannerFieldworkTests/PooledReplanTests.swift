import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import PlannerTestSupport
import Testing

/// Re-plans with interchangeable enumerators pooled (`PooledStableAssignmentModel`), forced on small instances
/// by lowering `Replanner.poolingThreshold`: the plan keeps every rule, kept trips stay with their enumerator,
/// and the pooled model is exact (same optimum as `StableAssignmentModel`, dealt plans never dearer).
@Suite struct PooledReplanTests {
    /// A dataset with each enumerator copied `copies` times (same base, skills, minutes and leave): pools.
    static func copied(_ dataset: Dataset, copies: Int) -> Dataset {
        var result = dataset
        result.enumerators = []
        result.unavailability = []
        for copy in 1...copies {
            for enumerator in dataset.enumerators {
                var twin = enumerator
                twin.id = EnumeratorID("\(enumerator.id.rawValue)-\(copy)")
                result.enumerators.append(twin)
                for span in dataset.unavailability where span.enumeratorID == enumerator.id {
                    result.unavailability.append(Unavailability(enumeratorID: twin.id, from: span.from, to: span.to,
                                                                reason: span.reason))
                }
            }
        }
        return result
    }

    /// A first plan of `request`, then the re-plan request as of `asOf` of the units it visits from then on, with
    /// every second enumerator by ID (the second, the fourth, …) unavailable from `asOf` when `dropping`.
    /// `asOf` nil: the date of the first plan's visit a third of the way through, in date order (a one-week
    /// instance is often done in two days).
    static func replanRequest(_ request: FieldworkRequest, asOf fixedAsOf: CalendarDate?, dropping: Bool,
                              timeLimit: Double) throws -> (request: ReplanRequest, dropped: Set<EnumeratorID>) {
        var first = request
        first.solverOptions.timeLimitSeconds = timeLimit
        let plan = try FieldworkPlanner().plan(first, solver: GLPKSolver())
        let dates = plan.visits.map(\.date).sorted()
        let asOf = try fixedAsOf ?? #require(dates.isEmpty ? nil : dates[dates.count / 3])
        let later = Set(plan.visits.filter { $0.date >= asOf }.map(\.unitID))
        var dataset = request.dataset
        let dropped = dropping
            ? Set(dataset.enumerators.map(\.id).sorted().enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
            : []
        for enumerator in dropped.sorted() {
            dataset.unavailability.append(Unavailability(enumeratorID: enumerator, from: asOf, to: nil, reason: "left"))
        }
        var replan = ReplanRequest(dataset: dataset, asOf: asOf, units: request.units.filter { later.contains($0.id) },
                                   previousVisits: plan.visits.filter { $0.date >= asOf })
        replan.solverOptions.timeLimitSeconds = timeLimit
        replan.solverOptions.relativeGap = 0
        return (replan, dropped)
    }

    static var pooling: Replanner {
        var replanner = Replanner()
        replanner.poolingThreshold = 0
        return replanner
    }

    @Test("half the staff gone: every rule kept, no visit by a leaver, kept trips with their enumerator, a bound",
          arguments: [31, 32, 33] as [UInt64])
    func halfTheStaffGone(seed: UInt64) throws {
        let survey = SyntheticSurvey(seed: seed, size: .medium)
        let request = FieldworkRequest(dataset: Self.copied(survey.dataset, copies: 2), units: survey.units)
        let asOf = CalendarDate(year: 2023, month: 10, day: 5)!
        let (replan, dropped) = try Self.replanRequest(request, asOf: asOf, dropping: true, timeLimit: 10)
        let result = try Self.pooling.plan(replan, solver: GLPKSolver())

        #expect(result.plan.model.name == "fieldwork_replan_day_trips_pooled")
        #expect(ReplannerTests.checker(for: replan).violations(of: result.plan) == [])
        #expect(!result.plan.visits.contains { dropped.contains($0.enumeratorID) })
        #expect(result.plan.visits.allSatisfy { $0.date >= asOf && $0.date <= survey.dataset.settings.calendar.lastDay })
        #expect(result.plan.visits.count + result.plan.unscheduledUnitIDs.count == replan.units.count)
        // The merged routes get a bound over every plan (day capacity), as a pooled first plan does.
        let bound = try #require(result.plan.solver.lowerBound)
        #expect(bound > 0 && bound <= result.plan.solver.planObjective + 1e-6)
        #expect(result.previousTripsKept <= result.previousTrips)
        // Those who stay keep their work: the pooled model charges each dropped trip, the deal gives kept trips
        // back to their holders, and the scheduler keeps them on their dates.
        let staying = Set(replan.dataset.enumerators.map(\.id)).subtracting(dropped)
        let share = try #require(result.changes.movedShare(of: staying))
        #expect(share <= 0.2, "moved \(share) of the staying enumerators' remaining visits")
    }

    @Test("with nothing changed, every visit stays with its enumerator on its date", arguments: [21, 22] as [UInt64])
    func nothingChanged(seed: UInt64) throws {
        let survey = SyntheticSurvey(seed: seed, size: .medium)
        let request = FieldworkRequest(dataset: Self.copied(survey.dataset, copies: 2), units: survey.units)
        let (replan, _) = try Self.replanRequest(request, asOf: ReplannerTests.asOf, dropping: false, timeLimit: 10)
        let result = try Self.pooling.plan(replan, solver: GLPKSolver())
        #expect(result.plan.isComplete)
        #expect(result.changes.count(.kept) == replan.units.count)
        #expect(result.changes.count(.moved) == 0)
        #expect(ReplannerTests.checker(for: replan).violations(of: result.plan) == [])
    }

    /// The two models of one small re-plan, with what the tests compare.
    struct Models {
        var instance: AssignmentInstance
        var perEnumerator: StableAssignmentModel
        var pooled: PooledStableAssignmentModel
        var previous: [Int]

        init(_ replan: ReplanRequest) throws {
            let request = FieldworkRequest(dataset: replan.planningDataset, units: replan.units,
                                           solverOptions: replan.solverOptions,
                                           balanceMinutesPerExcessDay: replan.balanceMinutesPerExcessDay,
                                           travel: replan.travel)
            instance = try AssignmentInstance(request: request)
            let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
            previous = Replanner.previousTrips(instance: instance, visits: replan.previousVisits)
            perEnumerator = StableAssignmentModel(base: base, instance: instance, previousTrips: previous,
                                                  changedTripMinutes: replan.changedTripMinutes)
            pooled = PooledStableAssignmentModel(pooled: PooledAssignmentModel(instance: instance, costs: base.costs),
                                                 instance: instance, costs: base.costs, previousTrips: previous,
                                                 changedTripMinutes: replan.changedTripMinutes)
        }
    }

    @Test("the pooled optimum is the per-enumerator optimum; the dealt plan reaches it, kept trips on their holders",
          arguments: 1...8 as ClosedRange<UInt64>)
    func sameOptimum(seed: UInt64) throws {
        let small = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        let (replan, _) = try Self.replanRequest(small, asOf: nil, dropping: seed % 2 == 0, timeLimit: 5)
        let models = try Models(replan)
        try #require(models.previous.contains { $0 > 0 })
        #expect(models.pooled.tripColumns.count < models.instance.options.count)

        let solver = GLPKSolver()
        let exact = try solver.solve(models.perEnumerator.model, options: replan.solverOptions, warmStart: nil,
                                     progress: nil)
        let pooledSolution = try solver.solve(models.pooled.model, options: replan.solverOptions, warmStart: nil,
                                              progress: nil)
        #expect(exact.result.status == .optimal && pooledSolution.result.status == .optimal)
        let optimum = try #require(exact.result.objective)
        let pooledOptimum = try #require(pooledSolution.result.objective)
        let tolerance = 1e-6 * max(1, abs(optimum))
        #expect(abs(pooledOptimum - optimum) < tolerance)

        let choice = models.pooled.choice(from: pooledSolution.result.values)
        #expect(models.pooled.respectsBoundsAndDays(choice))
        #expect(abs(models.pooled.objective(of: choice) - pooledOptimum) < tolerance)
        let trips = models.pooled.deal(choice)
        #expect(models.instance.respectsBoundsAndDays(trips))
        #expect(abs(models.perEnumerator.objective(of: trips) - optimum) < tolerance)
        // Each member keeps at least the trips the model has him keep.
        for (column, count) in zip(models.pooled.keptColumns, choice.kept) {
            #expect(trips[column.option] >= count)
        }
    }

    @Test("any pooled choice, dealt out, costs no more per enumerator than in the pooled model",
          arguments: 1...6 as ClosedRange<UInt64>)
    func dealNeverDearer(seed: UInt64) throws {
        let small = PooledAssignmentModelTests.request(seed: seed, copies: 3)
        let (replan, _) = try Self.replanRequest(small, asOf: nil, dropping: seed % 2 == 1, timeLimit: 5)
        let models = try Models(replan)
        let pooled = models.pooled
        // Random choices within the bounds: trips per pool column, kept trips within them and the member's days.
        var random = SplitMix64(seed: seed)
        for _ in 0..<50 {
            var choice = pooled.warmStart()
            for position in choice.trips.indices {
                choice.trips[position] = Int.random(in: 0...pooled.tripColumns[position].upperBound, using: &random)
            }
            for (poolIndex, members) in pooled.pooled.pools.enumerated() {
                let usable = models.instance.workers[members[0]].usableDays.count
                var days = pooled.columnsOfPool[poolIndex].reduce(0) { $0 + choice.trips[$1] }
                for position in pooled.columnsOfPool[poolIndex].reversed() where days > members.count * usable {
                    let cut = min(choice.trips[position], days - members.count * usable)
                    choice.trips[position] -= cut
                    days -= cut
                }
                var keptDays = Array(repeating: 0, count: members.count)
                var keptOfColumn = Array(repeating: 0, count: pooled.tripColumns.count)
                for position in pooled.keptOfPool[poolIndex] {
                    let column = pooled.keptColumns[position]
                    let room = min(column.previous, usable - keptDays[column.member],
                                   choice.trips[column.trip] - keptOfColumn[column.trip])
                    choice.kept[position] = Int.random(in: 0...max(0, room), using: &random)
                    keptDays[column.member] += choice.kept[position]
                    keptOfColumn[column.trip] += choice.kept[position]
                }
            }
            try #require(pooled.respectsBoundsAndDays(choice))
            #expect(pooled.model.feasibilityViolation(of: pooled.solutionVector(choice)) == nil)
            let trips = pooled.deal(choice)
            #expect(models.instance.respectsBoundsAndDays(trips))
            #expect(models.perEnumerator.objective(of: trips) <= pooled.objective(of: choice) + 1e-6)
        }
    }

    @Test("the pooled warm start is feasible and keeps every previous trip its holder has a day for",
          arguments: 1...6 as ClosedRange<UInt64>)
    func warmStart(seed: UInt64) throws {
        let small = PooledAssignmentModelTests.request(seed: seed, copies: 2)
        let (replan, _) = try Self.replanRequest(small, asOf: nil, dropping: seed % 2 == 1, timeLimit: 5)
        let models = try Models(replan)
        try #require(models.previous.contains { $0 > 0 })
        let start = models.pooled.warmStart()
        #expect(models.pooled.respectsBoundsAndDays(start))
        #expect(models.pooled.model.feasibilityViolation(of: models.pooled.solutionVector(start)) == nil)
        let trips = models.pooled.deal(start)
        for (worker, options) in models.instance.optionsOfWorker.enumerated() {
            let previous = options.reduce(0) { $0 + models.previous[$1] }
            let kept = options.reduce(0) { $0 + min(models.previous[$1], trips[$1]) }
            #expect(kept == min(previous, models.instance.workers[worker].usableDays.count))
        }
    }
}
